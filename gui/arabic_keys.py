"""Single-letter keys (a label's "p") on an Arabic keyboard layout.

With the Arabic layout active, the key marked P types ح, and Qt matches shortcuts by
what a key types: the "p" of PERSON would do nothing. `ArabicLayoutKeys` watches a
window's key presses; one that types an Arabic letter, with no Qt shortcut taking it,
is read as the Latin letter of the same key on the standard Arabic (101) layout and
triggers the action that letter's key would. Where Qt itself knows the key's Latin
letter (some desktops tell it), its shortcut runs and this never sees the press.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

# The letter each Latin letter's key types on the standard Arabic (101) layout (Windows'
# "Arabic (101)", the X11 "ara" layout), unshifted.
ARABIC_101 = {
    "q": "ض",
    "w": "ص",
    "e": "ث",
    "r": "ق",
    "t": "ف",
    "y": "غ",
    "u": "ع",
    "i": "ه",
    "o": "خ",
    "p": "ح",
    "a": "ش",
    "s": "س",
    "d": "ي",
    "f": "ب",
    "g": "ل",
    "h": "ا",
    "j": "ت",
    "k": "ن",
    "l": "م",
    "z": "ئ",
    "x": "ء",
    "c": "ؤ",
    "v": "ر",
    "b": "لا",  # lam-alef: two letters on Windows, the ligature U+FEFB on X11
    "n": "ى",
    "m": "ة",
}
LATIN_OF = {arabic: latin for latin, arabic in ARABIC_101.items()} | {"\ufefb": "b"}
MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
    | Qt.KeyboardModifier.ShiftModifier
)


def both_keys(keys: str) -> str:
    """A key as the help shows it, with the letter it types on the Arabic layout: "p / ح";
    other keys ("Shift+P", "Delete") as they are."""
    arabic = ARABIC_101.get(keys.lower())
    return f"{keys.lower()} / {arabic}" if arabic else keys


class ArabicLayoutKeys(QObject):
    """Makes a window's single-letter keys work on the Arabic layout (see the module)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        application = QApplication.instance()
        assert isinstance(application, QApplication)
        application.focusChanged.connect(self._watch)

    def _watch(self, old: QWidget | None, new: QWidget | None) -> None:
        """Watch the key presses of the widget with the focus, which gets them first (an
        application-wide filter would see every event of every window)."""
        if old is not None:
            old.removeEventFilter(self)
        if new is not None and new.window() is self._window:
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        latin = LATIN_OF.get(event.text())
        if latin is None or event.modifiers() & MODIFIERS or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self._window or _typed_into(watched, latin):
            return False
        action = _action_with_key(watched, QKeySequence(latin))
        if action is None:
            return False
        action.trigger()
        return True


def _action_with_key(widget: QWidget, keys: QKeySequence) -> QAction | None:
    """The action the key would trigger where `widget` has the focus: one of the widget's,
    or of a widget it is in, whose shortcut reaches it (as Qt's shortcut contexts say)."""
    holder: QWidget | None = widget
    while holder is not None:
        for action in holder.actions():
            own = action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut
            reaches = own or holder is widget
            if reaches and action.isEnabled() and action.isVisible() and keys in action.shortcuts():
                return action
        holder = None if holder.isWindow() else holder.parentWidget()
    return None


def _typed_into(widget: QWidget, latin: str) -> bool:
    """Whether the widget takes the letter as typing (a line edit does), as Qt asks it
    before any shortcut."""
    key = Qt.Key(ord(latin.upper()))  # Qt's code of a Latin letter's key
    asked = QKeyEvent(QEvent.Type.ShortcutOverride, key, Qt.KeyboardModifier.NoModifier, latin)
    asked.ignore()
    QApplication.sendEvent(widget, asked)
    return asked.isAccepted()
