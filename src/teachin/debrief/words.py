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
    "vote": "Vote of the members",
    "test": "Structure test",
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
    "repression": "Repression",
    "media": "In the news",
    "politicians": "Politicians",
    "allies": "Allies",
    "base": "Among the people",
    "other": "Meanwhile",
}

LOWER_IS_BETTER = frozenset({"repression"})
"""Measures where a rise is bad news (the colour of a change follows this)."""

READY_LABEL = "ready"
MAYBE_READY_LABEL = "maybe ready? not sure yet"
NOT_READY_LABEL = "not ready yet"
"""How the option lists say readiness (never by colour alone): "maybe" is its own state,
when the group's estimates cannot tell yet."""
ESTIMATE_WORD = "estimate"
NARROW_HINT = "One-on-ones narrow the range; a structure test shows where you stand."
"""Said wherever an estimated measure is shown as a range."""
TRUTH_LESSON = (
    "While you played you saw only these estimates; what happened was decided by the "
    "true values. You don't know your strength until you test it: a structure test or a "
    "vote before a big step tells you where you stand."
)
"""Said at the debrief, after the estimates are revealed."""

READY_WORDS = "✓ The base was ready for it."
NOT_READY_WORDS = "⚠ The base was not ready for it."
TOO_EARLY = "before the base was ready"
"""Said after a step taken too early: "Round 4: One-day strike (before the base was ready)"."""
NOTHING_ELSE = "Nothing else happened this round."
NO_TURNING_POINT = "No round stood out: things changed slowly."
DEFAULT_QUESTIONS = ("What surprised you? What would you do differently?",)
"""Asked when a scenario brings no discussion questions of its own."""
DEBRIEF_STAGES = (
    ("What?", "What did you do, round by round, and what happened?"),
    (
        "So what?",
        "Why did it turn out that way? Which choice mattered most? Which strategy did your "
        "choices look like?",
    ),
    ("Now what?", "What would you do differently in a real fight near you?"),
)
"""The three debrief questions, in this order, after every scenario (the modules' activities
end with the same three): what happened, why it matters, what we do with it. The scenario's
own questions follow them."""


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


def readiness_label(ready: bool, maybe: bool) -> str:
    """ "ready", "maybe ready? not sure yet" or "not ready yet"."""
    return READY_LABEL if ready else MAYBE_READY_LABEL if maybe else NOT_READY_LABEL


def range_text(low: float, high: float) -> str:
    """ "48–70": an estimated measure as the group sees it (en dash, no spaces); "41"
    once the range has closed on one number."""
    if round(low) == round(high):
        return str(round(low))
    return f"{round(low)}–{round(high)}"


def estimate_text(low: float, high: float) -> str:
    """ "48–70 (estimate)"."""
    return f"{range_text(low, high)} ({ESTIMATE_WORD})"


def range_move_short(before: tuple[float, float], after: tuple[float, float]) -> str:
    """How a range moved, in short: "▲ higher, narrower", "narrower", "about the same"."""
    shift = (after[0] + after[1] - before[0] - before[1]) / 2
    width_before, width_after = before[1] - before[0], after[1] - after[0]
    notes = []
    if round(shift):
        notes.append("▲\u00a0higher" if shift > 0 else "▼\u00a0lower")
    if width_after < width_before - 0.5:
        notes.append("narrower")
    elif width_after > width_before + 0.5:
        notes.append("wider")
    return ", ".join(notes) or "about the same"


def range_move_words(before: tuple[float, float], after: tuple[float, float]) -> str:
    """How the group's range moved: "48–70 → 52–66, ▲ higher, narrower" (never the true
    change)."""
    return f"{range_text(*before)} → {range_text(*after)}, {range_move_short(before, after)}"


def reveal_words(label: str, seen: tuple[float, float], true: float, lead: str = "You") -> str:
    """ "You estimated support at 48–70; it was 52." (the truth, at the end)."""
    if round(seen[0]) == round(seen[1]):
        return f"{lead} knew {label.lower()}: it was {round(true)}."
    return f"{lead} estimated {label.lower()} at {range_text(*seen)}; it was {round(true)}."
