"""Tab order, said once for a row of widgets."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import QWidget


def chain_tab_order(*widgets: QWidget) -> None:
    """Tab goes from each widget to the next, in the order given (Qt's own order is
    the order widgets were made in: a view made before what it holds, or a widget made
    later, would otherwise be visited out of reading order). What followed the first
    widget before follows the last one now."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)
