"""A group's run: :class:`Run` wraps the engine for a group at a laptop (and for
run files). It records every step with the random draws, the state before and
after and the explanation, can go back to an earlier round and branch (keeping
the abandoned branch), and describes the end (fingerprint, turning points)."""

from __future__ import annotations

import random

from teachin.scenario import fingerprint as describe
from teachin.scenario.engine import READY, Engine, LogEntry
from teachin.scenario.group_view import MISSING, UNSURE, readiness_share
from teachin.scenario.model import Ending, Round, Scenario, Tactic
from teachin.scenario.outcome import Branch, Consequence, EventOutcome, Option, StepRecord


class Run:
    """A group's play-through of one scenario, recorded step by step."""

    def __init__(self, scenario: Scenario, seed: int, engine: Engine | None = None) -> None:
        self.scenario = scenario
        self.seed = int(seed)
        self.engine = engine or Engine(scenario)
        self.steps: list[StepRecord] = []
        self.branches: list[Branch] = []
        self._restart()

    def _restart(self) -> None:
        self.rng = random.Random(self.seed)  # noqa: S311 - seeded, reproducible draws
        self.start_draws: list[tuple[str, float]] = []
        self.state = self.engine.new_state(self.rng, self.start_draws)
        self.start_values = self._measures()
        self.start_estimates = self.engine.estimates(self.state)

    def _measures(self) -> dict[str, float]:
        values = self.state.values
        return {measure_id: values[i] for i, measure_id in enumerate(self.engine.measure_ids)}

    # -- what the group sees -------------------------------------------------------------
    @property
    def round(self) -> int:
        return int(self.state.values[self.engine.i_round])

    @property
    def finished(self) -> bool:
        return self.state.finished

    @property
    def climbed(self) -> int:
        return int(self.state.values[self.engine.i_climbed])

    def current_round(self) -> Round:
        return self.scenario.rounds[min(self.round, len(self.scenario.rounds)) - 1]

    def measures(self, *, hidden: bool = False) -> dict[str, float]:
        """The measures a group sees (the middle of the range for an estimated
        one); every measure's true value with ``hidden=True``."""
        if hidden:
            return self._measures()
        return self.engine.visible_values(self.state)

    def estimates(self) -> dict[str, tuple[float, float]]:
        """The (low, high) range the group sees for each estimated measure."""
        return self.engine.estimates(self.state)

    def options(self) -> list[Option]:
        """The tactics the group may choose now, with readiness and description."""
        engine = self.engine
        result = []
        for index in engine.choosable(self.state):
            tactic = self.scenario.tactics[index]
            statuses = engine.need_statuses(self.state, index)  # judged once per option
            result.append(
                Option(
                    id=tactic.id,
                    label=tactic.label,
                    kind=tactic.kind,
                    description=tactic.description,
                    step=tactic.step_index,
                    builds=tactic.builds,
                    ready=readiness_share(statuses),
                    ready_text=engine.readiness_words(index, statuses),
                    times=self.state.times[index],
                    maybe_ready=UNSURE in statuses and MISSING not in statuses,
                )
            )
        return result

    # -- playing -------------------------------------------------------------------------
    def choose(self, tactic_id: str) -> Consequence:
        """Play ``tactic_id`` this round. ValueError if it cannot be chosen now."""
        engine = self.engine
        if self.state.finished:
            raise ValueError("the scenario has ended")
        index = self.scenario.tactic_index.get(tactic_id)
        if index is None or index not in engine.choosable(self.state):
            raise ValueError(f"tactic {tactic_id!r} cannot be chosen in round {self.round}")
        tactic = self.scenario.tactics[index]
        round_number = self.round
        before = self._measures()
        ready_text = engine.readiness_text(self.state, index)
        seen_before = engine.estimates(self.state)
        log: list[LogEntry] = []
        ready = engine.step(self.state, index, self.rng, log)
        after = self._measures()
        consequence = self._consequence(
            tactic, round_number, ready, ready_text, (before, after, seen_before), log
        )
        self.steps.append(StepRecord(round_number, tactic_id, consequence))
        return consequence

    def _consequence(
        self,
        tactic: Tactic,
        round_number: int,
        ready: float,
        ready_text: str,
        values: tuple[dict[str, float], dict[str, float], dict[str, tuple[float, float]]],
        log: list[LogEntry],
    ) -> Consequence:
        """``values``: the true measures before and after, and the ranges the group
        saw before (for its estimated measures)."""
        before, after, seen_before = values
        is_ready = ready >= READY
        events = []
        draws = []
        moved: dict[str, float] = {}
        course: dict[str, float] = {}
        for name, value in log:
            if isinstance(value, dict):  # ("move" or "course", changes)
                if name == "move":
                    moved = value
                else:
                    course = value
            elif isinstance(value, tuple):  # ("fired", (event index, changes))
                number, changes = value
                event = self.scenario.events[number]
                events.append(
                    EventOutcome(
                        id=event.id,
                        kind=event.kind,
                        title=event.title,
                        text=event.text,
                        explain=event.explain,
                        concept=event.concept,
                        deltas=changes,
                    )
                )
            else:
                draws.append((name, value))
        ending = result = None
        if self.state.finished:
            result = self.engine.result(self.state)
            if self.state.ending >= 0:
                ending = self.scenario.endings[self.state.ending].id
        return Consequence(
            round=round_number,
            tactic=tactic.id,
            label=tactic.label,
            ready=ready,
            ready_text=ready_text,
            narrative=tactic.narrative if is_ready else tactic.narrative_unready,
            explain=tactic.explain if is_ready else tactic.explain_unready,
            concept=tactic.concept if is_ready else tactic.concept_unready,
            before=before,
            after=after,
            events=tuple(events),
            climbed=self.climbed,
            step=tactic.step_index,
            draws=tuple(draws),
            ending=ending,
            result=result,
            moved=moved,
            course=course,
            estimates=self.engine.estimates(self.state),
            estimates_before=seen_before,
        )

    def go_back(self, round_number: int) -> None:
        """Return to the start of ``round_number`` (1-based) to choose differently.

        The rounds from there on are kept in :attr:`branches`. The state is
        rebuilt by replaying the earlier choices from the seed, so it is exactly
        what the group saw then.
        """
        if not 1 <= round_number <= len(self.steps):
            raise ValueError(f"cannot go back to round {round_number}")
        keep = self.steps[: round_number - 1]
        self.branches.append(Branch(round_number, self.steps[round_number - 1 :]))
        self.steps = []
        self._restart()
        for record in keep:
            self.choose(record.tactic)

    # -- the end -------------------------------------------------------------------------
    @property
    def result(self) -> str | None:
        return self.engine.result(self.state) if self.state.finished else None

    @property
    def ending(self) -> Ending | None:
        if self.state.finished and self.state.ending >= 0:
            return self.scenario.endings[self.state.ending]
        return None

    def fingerprint(self) -> describe.Fingerprint:
        return describe.fingerprint(self.scenario, self.steps)

    def turning_points(self, count: int = 3) -> list[describe.TurningPoint]:
        return describe.turning_points(self.scenario, self.steps, count)


def start_run(scenario: Scenario, seed: int | None = None) -> Run:
    """Start a run; without a seed one is picked at random (and recorded)."""
    if seed is None:
        seed = random.SystemRandom().randrange(2**31)
    return Run(scenario, seed)
