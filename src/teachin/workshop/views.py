"""Who is looking: each view shows some block kinds and hides the rest."""

from __future__ import annotations

from enum import StrEnum


class View(StrEnum):
    FACILITATOR = "facilitator"
    """The reader with facilitator notes on, and the facilitator guide."""
    PARTICIPANT = "participant"
    """The reader with notes off, and participant handouts."""
    PROJECTOR = "projector"
    """One slide at a time on the audience screen."""


HIDDEN_BLOCKS: dict[View, frozenset[str]] = {
    View.FACILITATOR: frozenset(),
    View.PARTICIPANT: frozenset({"notes", "activity", "solution"}),
    View.PROJECTOR: frozenset({"notes", "activity", "handout", "example", "solution"}),
}
