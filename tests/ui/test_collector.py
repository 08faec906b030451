"""The cycle collector runs from the GUI thread's event loop, not on its own."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from teachin.ui.collector import collect_in_gui_thread


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cycle collector frees it


def test_garbage_is_collected_on_the_event_loop(qtbot: QtBot) -> None:
    collector = collect_in_gui_thread(QApplication.instance())
    try:
        assert not gc.isenabled()
        node = Node()
        gone = weakref.ref(node)
        del node
        assert gone() is not None  # nothing collects it by itself
        qtbot.waitUntil(lambda: gone() is None, timeout=5000)
    finally:
        collector.stop()
        collector.deleteLater()
