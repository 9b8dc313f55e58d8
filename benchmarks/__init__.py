"""Benchmarks for isslearn: how fast and how small the lessons are on a school machine.

Run them all with ``make bench`` (``python -m benchmarks``): one run prints a table and writes
``benchmarks/results.json``. Nothing here is a timed test; ``make test`` only checks that the
harness still runs (``--quick``) and records every figure with its goal.
"""
