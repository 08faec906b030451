"""Work in a thread whose result comes back to the GUI thread, or not at all."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from teachin.ui.background import POLL_MS, BackgroundJob


def test_result_is_handed_over_in_the_gui_thread(qtbot: QtBot) -> None:
    owner = QObject()
    got: list[tuple[int, str]] = []
    job = BackgroundJob(lambda: 6 * 7, owner)
    job.finished.connect(lambda result: got.append((result, threading.current_thread().name)))
    qtbot.waitUntil(lambda: bool(got))
    assert got == [(42, threading.main_thread().name)]


def test_a_closed_owner_never_hears_back(qtbot: QtBot) -> None:
    owner = QObject()
    release = threading.Event()
    finished = threading.Event()
    got: list[int] = []

    def work() -> int:
        release.wait(5)
        finished.set()
        return 1

    job = BackgroundJob(work, owner, name="dropped-job")
    job.finished.connect(got.append)
    del job
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner))  # and the job's timer with it
    release.set()
    assert finished.wait(5)
    for thread in threading.enumerate():
        if thread.name == "dropped-job":
            thread.join(5)  # the result is written
    # A live job's timer would hand the result over within one poll: wait for two.
    witness = QTimer()
    witness.setSingleShot(True)
    witness.setInterval(2 * POLL_MS)
    with qtbot.waitSignal(witness.timeout):
        witness.start()
    assert got == []
