"""`python -m isslearn` runs the command line (with no arguments: what a teacher needs to know)."""

from .cli import main

raise SystemExit(main())
