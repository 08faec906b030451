"""Small shared widgets of the player: big buttons that answer Enter, headings that grow
with the text zoom, wrapping and link labels, concept links. (The player's words, for
results, changes and steps, are Qt-free: :mod:`teachin.debrief.words`.)"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QSizePolicy, QWidget

from teachin.debrief.model import Concept


def concept_anchor(concept: Concept | None, lead: str = "Read more:") -> str:
    """Rich text: ``lead`` and a link that opens the concept ("" without one)."""
    if concept is None:
        return ""
    title = html.escape(concept.title)
    return f'{lead} <a href="{html.escape(concept.href, quote=True)}">{title}</a>'


def esc(text: str) -> str:
    """Plain text to rich text, keeping the file's paragraphs."""
    paragraphs = [p.strip().replace("\n", " ") for p in text.strip().split("\n\n")]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)


class BigButton(QPushButton):
    """A push button that also answers Enter and Return when it has the focus."""

    def __init__(self, text: str, accessible: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAccessibleName(accessible or text.replace("&", ""))
        self.setMinimumHeight(40)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.isEnabled():
            self.click()
            event.accept()
            return
        super().keyPressEvent(event)


def text_label(
    text: str = "", accessible: str = "", rich: bool = False, parent: QWidget | None = None
) -> QLabel:
    """A wrapping label whose text can be selected; rich text opens no links by itself."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    if accessible:
        label.setAccessibleName(accessible)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


def link_label(accessible: str, parent: QWidget | None = None) -> QLabel:
    """A rich-text label whose links are reachable by Tab and opened with Enter."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setOpenExternalLinks(False)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.LinksAccessibleByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    label.setAccessibleName(accessible)
    return label


def heading(
    text: str, level: int = 2, accessible: str = "", parent: QWidget | None = None
) -> QLabel:
    """A heading sized relative to the widget font, so it follows the text zoom."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setProperty("headingLevel", level)
    label.setAccessibleName(accessible or text)
    set_heading(label, text)
    return label


def set_heading(label: QLabel, text: str) -> None:
    level = int(label.property("headingLevel") or 2)
    size = {1: "xx-large", 2: "x-large", 3: "large"}.get(level, "large")
    label.setText(f'<span style="font-size:{size}; font-weight:bold">{html.escape(text)}</span>')
    label.setAccessibleName(text)


def fit_height(widget: QWidget) -> None:
    """Let a box of wrapping labels keep the height its text needs at its width
    (nested layouts do not pass height-for-width up on their own)."""
    layout = widget.layout()
    if layout is not None and widget.width() > 0:
        widget.setMinimumHeight(layout.totalHeightForWidth(widget.width()))


def scroll_area(widget: QWidget, accessible: str, parent: QWidget | None = None) -> QScrollArea:
    """A frameless area that scrolls ``widget`` up and down (never sideways)."""
    area = QScrollArea(parent)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setAccessibleName(accessible)
    return area
