"""`python -m isslearn` runs the command line (with no arguments: what a teacher needs to know)."""

from .teacher.cli import main

__all__: list[str] = []

raise SystemExit(main())
