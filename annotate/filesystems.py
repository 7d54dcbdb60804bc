"""Whether a project sits on a network filesystem, where SQLite's WAL is not safe."""

from __future__ import annotations

import re
import sys
from pathlib import Path

MOUNTS = Path("/proc/mounts")
NETWORK_TYPES = {
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "afs",
    "9p",
    "ceph",
    "glusterfs",
    "lustre",
    "davfs",
    "fuse.sshfs",
    "fuse.glusterfs",
    "fuse.rclone",
    "fuse.s3fs",
    "fuse.davfs",
}


def network_filesystem(path: Path, mounts: Path | None = None) -> str | None:
    """The network filesystem type the path lies on (e.g. "nfs4"), or None."""
    mounts = mounts or MOUNTS
    resolved = path.resolve()
    if sys.platform == "win32":
        return "a network share" if str(resolved).startswith("\\\\") else None
    if not mounts.is_file():
        return None
    best, kind = "", ""
    for line in mounts.read_text(encoding="utf-8", errors="replace").splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1])
        inside = resolved == Path(point) or Path(point) in resolved.parents
        if inside and len(point) >= len(best):  # a later mount over the same point wins
            best, kind = point, fields[2]
    return kind if kind in NETWORK_TYPES else None


def _unescape(field: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes."""
    return re.sub(r"\\([0-7]{3})", lambda match: chr(int(match.group(1), 8)), field)


def network_warning(path: Path) -> str | None:
    kind = network_filesystem(path)
    if kind is None:
        return None
    return (
        f"{path} is on a network filesystem ({kind}). SQLite cannot keep a project safe"
        " there: copy it to a local disk to work on it."
    )
