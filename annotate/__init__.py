"""Core of the Arabic annotation workbench: project store, formats, checks and CLI.

This package never imports Qt; the desktop app lives in ``gui``.
"""

from annotate.errors import AnnotateError, InputError, ProjectError
from annotate.project import Project

__all__ = ["AnnotateError", "InputError", "Project", "ProjectError"]
__version__ = "0.1.0"
