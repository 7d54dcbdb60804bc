"""Words for the core's stored values (a document's status, a piece of work's state), in
the interface language. The values themselves are data and stay as they are."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui.i18n import translate

if TYPE_CHECKING:  # the progress module loads the review's: not at every start
    from annotate.model import Status
    from annotate.progress import State


def status_name(status: Status | str) -> str:
    """A document's status as the document list and filters show it."""
    names = {
        "new": translate("Vocabulary", "new"),
        "in_progress": translate("Vocabulary", "in progress"),
        "done": translate("Vocabulary", "done"),
    }
    return names.get(status, status)


def state_name(state: State) -> str:
    """Where an analyst's work on a document stands (progress dashboard)."""
    names = {
        "not_started": translate("Vocabulary", "not started"),
        "in_progress": translate("Vocabulary", "in progress"),
        "done": translate("Vocabulary", "done"),
        "reviewed": translate("Vocabulary", "reviewed"),
    }
    return names[state]
