"""The presenter's timers: time spent in each plan block and in the whole plan.

Qt-free, and driven by a clock passed in (seconds from ``monotonic()``), so the
console can be tested without waiting. Time counts for the block on screen:
going back to an earlier block adds to that block's time.
"""

from __future__ import annotations

from dataclasses import dataclass

from teachin.plan.model import Plan


@dataclass(frozen=True)
class Times:
    elapsed: float
    """Seconds spent."""
    planned: float
    """Seconds planned."""

    @property
    def remaining(self) -> float:
        return self.planned - self.elapsed

    @property
    def over(self) -> bool:
        return self.elapsed > self.planned


class PlanTimer:
    def __init__(self, plan: Plan, now: float) -> None:
        self.plan = plan
        self.started = now
        self._spent = [0.0] * len(plan.blocks)
        self._block = 0
        self._since = now

    @property
    def block(self) -> int:
        return self._block

    def enter(self, block: int, now: float) -> None:
        """The presentation moved to ``block``: the time so far goes to the previous one."""
        if block == self._block:
            return
        self._settle(now)
        self._block = block

    def _settle(self, now: float) -> None:
        if self._spent:
            self._spent[self._block] += max(0.0, now - self._since)
        self._since = now

    def block_times(self, now: float, block: int | None = None) -> Times:
        block = self._block if block is None else block
        if not self._spent:
            return Times(0.0, 0.0)
        spent = self._spent[block] + (max(0.0, now - self._since) if block == self._block else 0.0)
        return Times(spent, self.plan.blocks[block].minutes * 60.0)

    def plan_times(self, now: float) -> Times:
        return Times(max(0.0, now - self.started), self.plan.total_minutes * 60.0)

    def schedule_drift(self, now: float) -> float:
        """Seconds behind (positive) or ahead (negative) of the plan's schedule at this moment.

        Behind means: the room is still in a block that the schedule says should already be over,
        or started the current block later than planned.
        """
        if not self._spent:
            return 0.0
        planned_start = sum(b.minutes for b in self.plan.blocks[: self._block]) * 60.0
        planned_end = planned_start + self.plan.blocks[self._block].minutes * 60.0
        elapsed = now - self.started
        if elapsed > planned_end:
            return elapsed - planned_end
        block_elapsed = self.block_times(now).elapsed
        return (elapsed - block_elapsed) - planned_start


def timer_text(seconds: float) -> str:
    """``754`` as ``12:34``; an hour or more as ``1:02:34``; negative values keep their sign."""
    sign = "−" if seconds < 0 else ""
    whole = int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"
