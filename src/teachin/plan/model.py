"""A session plan: an ordered list of timed blocks, a start time and the time available.

Clock times are computed, never stored: moving a block or changing its minutes
moves every later block, as in SessionLab.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

MAX_BLOCK_MINUTES = 600
MINUTES_PER_DAY = 24 * 60
MIN_SLACK_PERCENT = 10
"""The share of the time available a plan should leave free: rooms start late, people
arrive after the welcome, and a good discussion runs over."""
_CLOCK = re.compile(r"^\s*([01]?\d|2[0-3])[:.h]([0-5]\d)\s*$")


class BlockKind(StrEnum):
    MODULE = "module"
    SCENARIO = "scenario"
    BREAK = "break"
    FREE = "free"
    """Anything else the room does: introductions, a discussion, a closing round."""


KIND_LABELS: dict[BlockKind, str] = {
    BlockKind.MODULE: "Module",
    BlockKind.SCENARIO: "Scenario",
    BlockKind.BREAK: "Break",
    BlockKind.FREE: "Free block",
}

DEFAULT_TITLES: dict[BlockKind, str] = {
    BlockKind.BREAK: "Break",
    BlockKind.FREE: "Discussion",
}


@dataclass
class Block:
    kind: BlockKind
    minutes: int
    title: str = ""
    """Shown for breaks and free blocks; for modules and scenarios, overrides their own title."""
    ref: str = ""
    """The module's or scenario's id."""
    notes: str = ""
    line: int = 0
    """Where the block starts in its file (0: not from a file)."""
    skip: tuple[str, ...] = ()
    """For a module block: the titles of the slides it leaves out (a shorter path through
    the module, when an earlier block has already shown them or time is short)."""

    def skips(self, slide_title: str) -> bool:
        return slide_title.strip().casefold() in {title.strip().casefold() for title in self.skip}

    def display_title(self, titles: Mapping[str, str] | None = None) -> str:
        if self.title:
            return self.title
        if self.ref:
            return (titles or {}).get(self.ref, self.ref)
        return DEFAULT_TITLES.get(self.kind, KIND_LABELS[self.kind])


@dataclass(frozen=True)
class ScheduledBlock:
    index: int
    block: Block
    start: int
    """Minutes after the plan's start."""
    end: int


def parse_clock(text: str) -> int | None:
    """``"18:30"`` (or ``18.30``, ``18h30``) as minutes after midnight; None if not a time."""
    match = _CLOCK.match(text)
    if not match:
        return None
    return int(match.group(1)) * 60 + int(match.group(2))


def clock_text(minutes_after_midnight: int) -> str:
    """Minutes after midnight as ``HH:MM`` (wrapping past midnight)."""
    minutes = minutes_after_midnight % MINUTES_PER_DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def minutes_text(minutes: int) -> str:
    """``1`` as ``1 minute``, ``12`` as ``12 minutes``."""
    return f"{minutes} minute" if minutes == 1 else f"{minutes} minutes"


def duration_text(minutes: int) -> str:
    """``95`` as ``1 h 35 min``; ``40`` as ``40 min``."""
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    if minutes < 60:
        return f"{sign}{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{sign}{hours} h {rest:02d} min" if rest else f"{sign}{hours} h"


@dataclass
class Plan:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    start: int | None = None
    """Start time in minutes after midnight, or None when not yet known."""
    available: int | None = None
    """Minutes the room has, or None when not said."""
    notes: str = ""
    path: Path | None = None
    available_line: int = 0
    """The line of ``available`` in the plan's file (0: not from a file, or not set there)."""

    @property
    def total_minutes(self) -> int:
        return sum(block.minutes for block in self.blocks)

    @property
    def over_minutes(self) -> int:
        """How many minutes the blocks add up to beyond the time available (negative: spare)."""
        return self.total_minutes - self.available if self.available is not None else 0

    def schedule(self) -> list[ScheduledBlock]:
        slots = []
        offset = 0
        for index, block in enumerate(self.blocks):
            slots.append(ScheduledBlock(index, block, offset, offset + block.minutes))
            offset += block.minutes
        return slots

    def clock_at(self, offset: int) -> str | None:
        """The clock time ``offset`` minutes after the start, if the start is known."""
        return None if self.start is None else clock_text(self.start + offset)

    @property
    def short_of_slack(self) -> bool:
        """True when the blocks leave less than MIN_SLACK_PERCENT of the time available free."""
        if not self.available:
            return False
        return -self.over_minutes * 100 < MIN_SLACK_PERCENT * self.available

    def slack_text(self) -> str:
        """The minutes left free, in words: ``12 minutes to spare (13 %)``, ``5 minutes over``."""
        over = self.over_minutes
        if over > 0:
            return f"{minutes_text(over)} over"
        if over == 0:
            return "exactly on time, no minutes to spare"
        spare = -over
        # Rounded down, so that a plan just under the 10 % it is warned about never says "10 %".
        percent = spare * 100 // self.available if self.available else 0
        return f"{minutes_text(spare)} to spare ({percent} %)"

    def budget_text(self) -> str:
        """The total against the time available, in words (never colour alone)."""
        total = duration_text(self.total_minutes)
        if self.available is None:
            return f"Total {total}"
        return f"Total {total} of {duration_text(self.available)} available: {self.slack_text()}"

    def move(self, index: int, to: int) -> bool:
        """Moves the block at ``index`` so that it ends up at position ``to``."""
        if not (0 <= index < len(self.blocks)) or not (0 <= to < len(self.blocks)) or index == to:
            return False
        block = self.blocks.pop(index)
        self.blocks.insert(to, block)
        return True


def slug(text: str, fallback: str = "plan") -> str:
    """A file-name-friendly id made from a title."""
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return "-".join(words)[:60].strip("-") or fallback
