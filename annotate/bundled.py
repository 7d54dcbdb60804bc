"""Where the bundled resources are (the folder resources/, installed as annotate_resources)."""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path


def _package_folder(name: str) -> Path:
    """The folder of an installed package, found without importing it (or importlib.resources,
    15 ms at every start): a wheel is installed unzipped."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the package {name} is not installed")
    return Path(spec.submodule_search_locations[0])


RESOURCES = _package_folder("annotate_resources")
