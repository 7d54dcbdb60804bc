from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path


def table_checksums(path: Path) -> dict[str, str]:
    """A checksum of every table's rows, to prove that a failed operation changed nothing."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        sums = {}
        for table in sorted(tables):
            rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
            sums[table] = hashlib.sha256(repr(rows).encode()).hexdigest()
        return sums
    finally:
        conn.close()
