"""A dock panel whose title-bar buttons say which panel they act on."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QWidget

BUTTONS = (("qt_dockwidget_closebutton", "Close"), ("qt_dockwidget_floatbutton", "Float"))


class PanelDock(QDockWidget):
    """Qt names every dock's close button "Close", so with two docks open a screen
    reader hears two buttons alike; this one names them after the panel ("Close the
    library"). Qt names them again whenever the style changes (a theme switch), so
    they are renamed after each such change."""

    def __init__(self, title: str, panel_name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._panel_name = panel_name
        self._name_buttons()

    def setFeatures(self, features: QDockWidget.DockWidgetFeature) -> None:
        super().setFeatures(features)
        self._name_buttons()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.StyleChange:
            self._name_buttons()
        return handled

    def _name_buttons(self) -> None:
        for object_name, verb in BUTTONS:
            for button in self.findChildren(QAbstractButton, object_name):
                button.setAccessibleName(f"{verb} the {self._panel_name}")
