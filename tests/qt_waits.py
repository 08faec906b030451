"""Waiting for the condition that makes an assertion meaningful, never for a fixed time."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from pytestqt.qtbot import QtBot


def settle(qtbot: QtBot) -> None:
    """Wait until the event loop has handled what was queued so far: a zero timer
    fires only after the events posted before it (layout requests, palette and
    style changes, delayed item layouts)."""
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired))


class PaintWatch(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget: QObject) -> None:
        super().__init__(widget)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False
