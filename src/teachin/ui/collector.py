"""Python's cycle collector, run in the GUI thread only, between events.

Left to itself the collector runs whenever enough objects have been made, in
whichever thread made them: a background thread rendering pages, or the middle
of a Qt event handler. If the garbage it finds holds Qt objects, they are then
deleted from the wrong thread, or under Qt's feet, and the process crashes.
So the app turns the automatic collector off and collects on a timer instead.

This is a defence, not the way windows are freed: who owns a window, and when it
is deleted, is the rule in :mod:`teachin.ui.windows`. The timer only makes sure
that garbage the rule did not foresee is collected at a harmless moment.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QTimer

INTERVAL_MS = 1000
"""A quick collection of new objects this often..."""
FULL_EVERY = 10
"""...and a full one every this many."""


class GuiThreadCollector(QTimer):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._ticks = 0
        self.setInterval(INTERVAL_MS)
        self.timeout.connect(self.collect)

    def collect(self) -> int:
        self._ticks += 1
        return gc.collect(2 if self._ticks % FULL_EVERY == 0 else 0)


def collect_in_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Turns the automatic collector off and collects from ``app``'s event loop instead."""
    gc.disable()
    collector = GuiThreadCollector(app)
    collector.start()
    return collector
