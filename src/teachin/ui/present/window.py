"""What the audience window and the presenter console share: keys, clicks and closing go to the controller."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QWidget

from teachin.ui.present.controller import PresentationController


class PresentationWindow(QWidget):
    """A top-level window of the presentation. Its children never take focus, so every key reaches it."""

    def __init__(
        self,
        controller: PresentationController,
        name: str,
        role: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.setObjectName(name.casefold().replace(" ", "-"))
        self.setWindowTitle(f"{controller.plan.title} ({role})")
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    @Slot(bool)
    def step(self, forward: bool) -> None:
        """A click: forward (left button) or back (right button)."""
        if forward:
            self.controller.next()
        else:
            self.controller.previous()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.controller.handle_key(event):
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.controller.leave()
        super().closeEvent(event)
