"""Work done in a Python thread, with its result handed to the GUI thread.

Nothing in the thread touches Qt. The job's timer, a child of the widget that asked,
looks for the result: if the widget is closed and deleted meanwhile, the timer goes
with it and the result is dropped, instead of a signal sent from the thread to an
object that no longer exists (which crashes the process).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

POLL_MS = 25
_PENDING = object()


class BackgroundJob(QObject):
    """Runs ``work()`` in a thread and emits ``finished(result)`` in the GUI thread.
    ``work`` must not raise: return the exception instead. The job holds no
    reference to whoever listens (a signal, not a callback), so it makes no
    reference cycle with a window for Python's collector to untangle."""

    finished = Signal(object)

    def __init__(
        self, work: Callable[[], object], parent: QObject, name: str = "teachin-background"
    ) -> None:
        super().__init__(parent)
        self._box: list[object] = [_PENDING]  # written once by the thread
        box = self._box

        def run() -> None:
            box[0] = work()

        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        threading.Thread(target=run, name=name, daemon=True).start()

    @Slot()
    def _poll(self) -> None:
        result = self._box[0]
        if result is _PENDING:
            return
        self._timer.stop()
        self.deleteLater()
        self.finished.emit(result)
