"""Small shared pieces of the player: plain words for results and changes, big
buttons that answer Enter, headings that grow with the text zoom, concept titles."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QSizePolicy, QWidget

from teachin.scenario.engine import READY, Consequence
from teachin.workshop.library import Library
from teachin.workshop.staircase import Staircase

RESULT_WORDS = {
    "win": "You won",
    "partial": "A partial win",
    "loss": "The campaign lost",
}
RESULT_MARKS = {"win": "★", "partial": "◐", "loss": "✕"}

KIND_WORDS = {
    "organizing": "Organizing move",
    "step": "Staircase step",
    "lobbying": "Lobbying",
    "electoral": "Elections",
    "staff": "Leave it to staff",
    "militant": "Action by a few",
    "deal": "Deal",
}

LOWER_IS_BETTER = frozenset({"repression"})
"""Measures where a rise is bad news (the colour of the change follows this)."""


def result_words(result: str | None) -> str:
    return RESULT_WORDS.get(result or "", "Still playing")


def change_text(delta: float) -> str:
    """``▲ +5``, ``▼ −3`` or ``no change``: never colour alone."""
    amount = round(delta)
    if amount > 0:
        return f"▲ +{amount}"
    if amount < 0:
        return f"▼ −{-amount}"
    return "no change"


def change_words(label: str, delta: float) -> str:
    amount = round(delta)
    if amount > 0:
        return f"{label} rose by {amount}"
    if amount < 0:
        return f"{label} fell by {-amount}"
    return f"{label} did not change"


def is_good(measure_id: str, delta: float) -> bool | None:
    """True for good news, False for bad, None for no change."""
    if round(delta) == 0:
        return None
    up = delta > 0
    return (not up) if measure_id in LOWER_IS_BETTER else up


def step_name(number: int, staircase: Staircase | None) -> str:
    """ "step 3, symbolic actions" (or "step 3" without a staircase)."""
    if staircase is not None and 0 < number <= len(staircase.steps):
        return f"step {number}, {staircase.steps[number - 1].label.lower()}"
    return f"step {number}"


def stairs_words(consequence: Consequence, staircase: Staircase | None, voice: str = "you") -> str:
    """Where the campaign stands on the staircase after a round: told to a group at its
    laptop (``voice="you"``) or by the room about itself on the projector (``"we"``)."""
    c = consequence
    if c.climbed:
        text = f"Highest step climbed together: {step_name(c.climbed, staircase)}."
    else:
        text = "No step of the staircase climbed together yet."
    if c.step:
        step = step_name(c.step, staircase)
        base = "you" if voice == "you" else "us"
        if c.ready >= READY:
            text += f" This round {voice} took {step}, with the base behind {base}."
        else:
            text += f" This round {voice} tried {step}, before the base was ready."
    return text


def concept_title(href: str, library: Library | None) -> str:
    """The readable title of ``module:ID`` or ``glossary:ID``."""
    kind, _, ident = href.partition(":")
    if library is not None:
        if kind == "module" and ident in library.modules:
            return library.modules[ident].title
        if kind == "glossary" and ident in library.terms:
            return library.terms[ident].term
    return ident.replace("-", " ").capitalize() if ident else href


def concept_link(href: str, library: Library | None, lead: str = "Read more:") -> str:
    """Rich text: a link that opens the module or glossary entry."""
    if not href:
        return ""
    title = html.escape(concept_title(href, library))
    return f'{lead} <a href="{html.escape(href, quote=True)}">{title}</a>'


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
