"""PySide6 6.12.0 aborts CPython 3.11 ("none_dealloc") after many calls of void methods
such as QTextCursor.setPosition. The pinned version must survive this."""

from PySide6.QtGui import QTextCursor, QTextDocument


def test_set_position_200000_times_does_not_abort() -> None:
    document = QTextDocument("نص قصير للتجربة " * 10)
    cursor = QTextCursor(document)
    last = document.characterCount() - 1
    for i in range(200_000):
        cursor.setPosition(i % last)
    assert cursor.position() == (199_999 % last)
