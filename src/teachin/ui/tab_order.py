"""Tab order, said once for a row of widgets; buttons Tab reaches in a window that
takes its own keys."""

from __future__ import annotations

from functools import partial
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget


def chain_tab_order(*widgets: QWidget) -> None:
    """Tab goes from each widget to the next, in the order given (Qt's own order is
    the order widgets were made in: a view made before what it holds, or a widget made
    later, would otherwise be visited out of reading order). What followed the first
    widget before follows the last one now."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)


def key_window_button(text: str, parent: QWidget) -> QPushButton:
    """A button for a window that takes its own keys (the presenter console): Tab
    reaches it, a click does not take the focus, and once pressed it hands the focus
    back to the window, so the clicker's Space does not press it again and a button
    hidden by its own press does not pass the focus on to a hand count."""
    button = QPushButton(text, parent)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    button.clicked.connect(partial(_focus_window, button))
    return button


def _focus_window(button: QWidget) -> None:
    button.window().setFocus(Qt.FocusReason.OtherFocusReason)
