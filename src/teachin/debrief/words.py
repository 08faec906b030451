"""The plain-language words the player, the room screens, the PDF and the debrief board
share: results, kinds of move, kinds of event, changes, staircase steps, concepts.

One place, so a result or a change is said the same way on a laptop, on the projector
and on paper. Nothing is told by colour alone: a change carries an arrow and a sign.
"""

from __future__ import annotations

from teachin.workshop.library import Library
from teachin.workshop.staircase import Staircase

RESULT_WORDS = {
    "win": "You won",
    "partial": "A partial win",
    "loss": "The campaign lost",
}
RESULT_MARKS = {"win": "★", "partial": "◐", "loss": "✕"}
STILL_PLAYING = "Still playing"

KIND_WORDS = {
    "organizing": "Organizing move",
    "step": "Staircase step",
    "lobbying": "Lobbying",
    "electoral": "Elections",
    "staff": "Leave it to staff",
    "militant": "Action by a few",
    "deal": "Deal",
}

EVENT_WORDS = {
    "target": "The target moves",
    "police": "The police",
    "media": "In the news",
    "politicians": "Politicians",
    "allies": "Allies",
    "base": "Among the people",
    "other": "Meanwhile",
}

LOWER_IS_BETTER = frozenset({"repression"})
"""Measures where a rise is bad news (the colour of a change follows this)."""

READY_WORDS = "✓ The base was ready for it."
NOT_READY_WORDS = "⚠ The base was not ready for it."
TOO_EARLY = "before the base was ready"
"""Said after a step taken too early: "Round 4: One-day strike (before the base was ready)"."""
NOTHING_ELSE = "Nothing else happened this round."
NO_TURNING_POINT = "No round stood out: things changed slowly."
DEFAULT_QUESTIONS = ("What surprised you? What would you do differently?",)
"""Asked when a scenario brings no discussion questions of its own."""


def result_words(result: str | None) -> str:
    return RESULT_WORDS.get(result or "", STILL_PLAYING)


def kind_words(kind: str) -> str:
    """ "Organizing move", "Staircase step", ... (the kind itself, capitalized, if unknown)."""
    return KIND_WORDS.get(kind, kind.replace("-", " ").capitalize())


def event_words(kind: str) -> str:
    """The heading an event is told under: "In the news", "The police", ..."""
    return EVENT_WORDS.get(kind, EVENT_WORDS["other"])


def change_text(delta: float) -> str:
    """``▲ +5``, ``▼ −3`` or ``no change``: never colour alone. The arrow and the number
    are joined by a no-break space, so a line never ends between them."""
    amount = round(delta)
    if amount > 0:
        return f"▲\u00a0+{amount}"
    if amount < 0:
        return f"▼\u00a0−{-amount}"
    return "no change"


def change_words(label: str, delta: float) -> str:
    """ "Support rose by 5", "Support fell by 3", "Support did not change"."""
    amount = round(delta)
    if amount > 0:
        text = f"{label} rose by {amount}"
    elif amount < 0:
        text = f"{label} fell by {-amount}"
    else:
        text = f"{label} did not change"
    return text.strip()


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


def hands_words(hands: int | None, total: int) -> str:
    """ "12 of 17 hands" for a count of hands ("" when none was counted)."""
    return f"{hands} of {total} hands" if hands is not None and total else ""


def percent(share: float) -> str:
    """A share from 0 to 1 as "40%"."""
    return f"{round(share * 100)}%"


def concept_title(href: str, library: Library | None) -> str:
    """The readable title of ``module:ID`` or ``glossary:ID``."""
    kind, _, ident = href.partition(":")
    if library is not None:
        if kind == "module" and ident in library.modules:
            return library.modules[ident].title
        if kind == "glossary" and ident in library.terms:
            return library.terms[ident].term
    return ident.replace("-", " ").capitalize() if ident else href
