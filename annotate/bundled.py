"""Where the bundled resources are (the folder resources/, installed as annotate_resources)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

RESOURCES = Path(str(files("annotate_resources")))  # a wheel is installed unzipped
