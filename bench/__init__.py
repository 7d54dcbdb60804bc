"""Benchmarks of the core against plain-SQLite references: run with ``python -m bench``."""
