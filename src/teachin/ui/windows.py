"""Who owns the windows the app opens, and the one helper that keeps to the rule.

The rule, for every window and dialog the app opens:

1. **Closing a window ends it.** Each one is made with ``WA_DeleteOnClose``: Qt
   deletes it (later, at a safe moment) when it is closed. Opening it again makes a
   new one, from the content as it is now (what the user was doing comes back: the
   player offers its saved run; the plan editor's unsaved plan goes to the next one).
2. **Qt owns it.** A dialog (About, Content folders, Export, Session plan) is a Qt
   child of the window that opened it, so it stays over that window and is deleted
   with it. A free-standing window (the scenario player, the debrief board, a
   presentation's audience screen and console) has no Qt parent, so that it can go
   behind the main window and does not inherit its style sheet; Qt deletes it
   when it is closed. A presentation (a QObject holding its two windows) is a Qt
   child of the main window's launcher and is deleted later, once it has finished.
3. **The app keeps no reference to a window** but through :class:`OpenWindows`,
   which forgets it the moment Qt destroys it (its ``destroyed`` signal). So there is
   no stale reference to call: "is the board open?" is ``windows.find(...)``.
4. **Nothing is freed inside its own signal.** An object whose signal ends it (a
   presentation's ``finished``) is handed to Qt with ``deleteLater()``; dropping the
   last Python reference there would delete it mid-signal, and crash.

Closing the main window closes every window it opened (:meth:`OpenWindows.close_all`).
Python's collector timer (:mod:`teachin.ui.collector`) is a defence on top of this,
not a replacement for it.
"""

from __future__ import annotations

from functools import partial
from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QObject)


class OpenWindows(QObject):
    """The windows (and presentations) open now, by name, each until Qt destroys it."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._open: list[tuple[str, QObject, object]] = []
        """(name, window, token), oldest first; a window being closed stays here until
        Qt destroys it, so that its last Python reference never goes mid-event."""

    def find(self, name: str) -> QObject | None:
        """The window opened last under ``name``; None once it has been closed and deleted."""
        return next((window for kept, window, _ in reversed(self._open) if kept == name), None)

    def keep(self, name: str, window: W) -> W:
        """Remembers ``window`` under ``name`` until Qt destroys it. A widget is made to
        delete itself on close (rule 1); a window already open under ``name`` is closed."""
        old = self.find(name)
        if old is not None and old is not window:
            _close(old)
        if isinstance(window, QWidget):
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        token = object()
        self._open.append((name, window, token))
        window.destroyed.connect(partial(self._forget, token))
        return window

    def _forget(self, token: object, _destroyed: object = None) -> None:
        self._open = [entry for entry in self._open if entry[2] is not token]

    def close(self, name: str) -> None:
        """Closes the window open under ``name``, if there is one."""
        window = self.find(name)
        if window is not None:
            _close(window)

    def names(self) -> list[str]:
        return [name for name, _, _ in self._open]

    def close_all(self) -> None:
        """Closes every open window; Qt deletes each one at the next safe moment."""
        for _, window, _ in list(self._open):
            _close(window)


def _close(window: QObject) -> None:
    close = getattr(window, "close", None)
    if close is not None:
        close()
