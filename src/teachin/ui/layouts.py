"""Emptying and reading Qt layouts, for the views that rebuild part of themselves."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QWidget


def clear_layout(layout: QLayout) -> None:
    """Takes every item out of ``layout``; its widgets are hidden at once (no flicker
    of a half-built view) and deleted by Qt once control is back in the event loop."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()


def layout_widgets(layout: QLayout) -> list[QWidget]:
    """The widgets in ``layout``, in order (spacers and nested layouts left out)."""
    widgets = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widgets.append(widget)
    return widgets
