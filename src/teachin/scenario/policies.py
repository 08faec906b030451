"""Built-in policies: groups that play each strategy.

A policy sees only what a group at the laptop sees: the round, the visible
measures, which tactics are open, what kind of move each is, what it builds, and
whether the group is ready for it (the readiness text shown on screen). It never
sees hidden measures or the coming random draws.

- ``liberal``: lobbies and persuades with the low, safe steps; takes a deal.
- ``social-democratic``: backs a candidate, hands the fight to staff, lobbies,
  calls out supporters for a big demonstration; takes a deal.
- ``ultra-left``: a committed few act militantly and jump to the top of the
  staircase, skipping the slow work; refuses deals.
- ``mass-action``: builds the base (one-on-ones, committees, assemblies, structure
  tests, allies) and climbs the staircase a step at a time when ready; refuses
  deals unless the deadline has come with too little pressure.
- ``random``: any open tactic, at random.
- ``always:TACTIC``: that tactic whenever it is open, else the first open one.
- ``script:TACTIC,TACTIC,...``: a fixed sequence played blind, whatever happens
  (see :func:`script`); ``teachin probe`` searches for such recipes.
"""

from __future__ import annotations

import operator
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from teachin.scenario.engine import Engine, State
from teachin.scenario.model import Scenario

POLICY_NAMES = ("liberal", "social-democratic", "ultra-left", "mass-action", "random")


@dataclass(frozen=True)
class TacticInfo:
    """What a group can read about a tactic on screen (no effects, no numbers)."""

    id: str
    kind: str
    step: int
    builds: tuple[str, ...]
    order: int


class Observation:
    """The visible situation at the start of a round.

    One Observation can be reused for a whole run: :meth:`update` points it at the
    current state (the simulator does this to avoid building a new one each round).
    The per-round tables (what each round offers, by kind) are built once in
    ``__init__``; :meth:`update` only notes the round, so a round costs little.
    """

    __slots__ = (
        "_all_met",
        "_by_height",
        "_by_round",
        "_closed",
        "_count",
        "_engine",
        "_has_always",
        "_infos",
        "_kinds",
        "_kinds_open",
        "_lacking",
        "_lows",
        "_measure_ids",
        "_measures",
        "_need_context",
        "_need_total",
        "_open_by_closed",
        "_options",
        "_options_of",
        "_position",
        "_state",
        "_times",
        "_values",
        "_visible",
        "climbed",
        "round",
        "rounds",
    )

    def __init__(self, engine: Engine, state: State, infos: list[TacticInfo]) -> None:
        self._engine = engine
        self._infos = infos
        self.rounds = engine.rounds
        self._count = engine.tactic_count
        self._all_met = engine.tactic_all_met
        # The options for each answer of engine.open_now (a few per round).
        self._options_of: dict[tuple[int, ...], list[TacticInfo]] = {}
        self._need_total = engine.tactic_need_total
        self._need_context = engine.needs_context
        self._measure_ids = tuple(measure_id for measure_id, _ in engine.visible)
        indexes = [i for _, i in engine.visible]
        # Reads every visible measure in one C call (a tuple), see ``measures``.
        self._visible: Callable[[list[float]], tuple[float, ...]]
        if len(indexes) > 1:
            self._visible = operator.itemgetter(*indexes)
        else:
            self._visible = lambda values: tuple(values[i] for i in indexes)
        # Per round and kind: the tactics always offered (offer order), and
        # when some have a condition, all of them in file order (the order
        # of_kind gives them in then).
        self._by_round: list[
            dict[str, tuple[tuple[TacticInfo, ...], tuple[TacticInfo, ...] | None]]
        ] = []
        # The open tactics of a kind by (round position, kind, closed ones' bits).
        self._open_by_closed: dict[tuple[int, str, int], tuple[TacticInfo, ...]] = {}
        # Per round: whether some tactic is offered without a condition.
        self._has_always: list[bool] = []
        # Per round and kind (kinds without conditional tactics), the tactics
        # highest step first (offer order among equal steps, as of_kind gives
        # them): the first ready one is the highest ready step.
        self._by_height: list[dict[str, tuple[TacticInfo, ...]]] = []
        for offer, _ in engine.round_offer:
            kinds: dict[str, tuple[list[TacticInfo], list[TacticInfo]]] = {}
            for index in offer:
                info = infos[index]
                always, conditional = kinds.setdefault(info.kind, ([], []))
                if engine.tactic_available[index] is None:
                    always.append(info)
                else:
                    conditional.append(info)
            self._by_round.append(
                {
                    kind: (tuple(a), tuple(sorted(a + c, key=lambda o: o.order)) if c else None)
                    for kind, (a, c) in kinds.items()
                }
            )
            self._has_always.append(any(a for a, _ in kinds.values()))
            self._by_height.append(
                {k: tuple(sorted(a, key=lambda o: -o.step)) for k, (a, c) in kinds.items() if not c}
            )
        self.update(state)

    def update(self, state: State) -> Observation:
        self._state = state
        self._values: list[float] | None = None  # see _believed
        values = state.values  # the round and the top step are never estimated
        self._lows: list[float] | None = None  # the low ends, made when first asked
        self._lacking: dict[tuple[object, ...], frozenset[str]] | None = None
        self._times = state.times
        self.round = int(values[self._engine.i_round])
        self.climbed = int(values[self._engine.i_climbed])
        self._measures: dict[str, float] | None = None
        self._options: list[TacticInfo] | None = None
        self._position = min(self.round, self.rounds) - 1
        self._kinds = self._by_round[self._position]
        self._closed: int | None = None  # see _open_of_kind
        # of_kind's answers this round, by kind (policies ask for one kind
        # several times a round).
        self._kinds_open: dict[str, tuple[TacticInfo, ...]] = {}
        return self

    @property
    def options(self) -> list[TacticInfo]:
        """Every tactic the group may choose now, in file order."""
        if self._options is None:
            open_now = self._engine.open_now(self._state)
            options = self._options_of.get(open_now)
            if options is None:
                infos = self._infos
                options = self._options_of[open_now] = [infos[i] for i in open_now]
            # A copy: the remembered list must not change if a policy changes this one.
            self._options = options[:]
        return self._options

    def stuck(self) -> bool:
        """True when the round offers nothing the group can choose."""
        if self._state.finished:
            return True
        if self._has_always[min(self.round, self.rounds) - 1]:
            return False
        return not self.options

    def of_kind(self, kind: str) -> list[TacticInfo]:
        """The tactics of one kind the group may choose now, in file order."""
        if self._state.finished:
            return []
        found = self._kinds_open.get(kind)
        if found is None:
            found = self._kinds_open[kind] = self._open_of_kind(kind)
        return list(found)  # a copy: a policy may change its list

    def _open_of_kind(self, kind: str) -> tuple[TacticInfo, ...]:
        always, ordered = self._kinds.get(kind, ((), None))
        if ordered is None:
            return always
        # Which of the round's tactics with a condition are closed, as the
        # group sees it: one call of the engine's built test (see open_now),
        # made once a round for every kind, on the values the group believes.
        closed = self._closed
        if closed is None:
            test = self._engine.round_closed[self._position]
            closed = self._closed = test(self._believed(), self._times) if test else 0
        key = (self._position, kind, closed)
        found = self._open_by_closed.get(key)
        if found is None:
            found = tuple(info for info in ordered if not closed >> info.order & 1)
            self._open_by_closed[key] = found
        return found

    def _highest_ready(self, kind: str, above: int | float = -1) -> TacticInfo | None:
        """Of the tactics of one kind the group may choose now whose step is
        higher than ``above``, the highest one the group is ready for (among
        equal steps, the first in the order :meth:`of_kind` gives); None if
        there is none. The same as
        ``max(ready ones, key=step)``, but asks about readiness from the top down
        and stops at the first ready one."""
        if self._state.finished:
            return None
        by_height: Sequence[TacticInfo] | None = self._by_height[
            min(self.round, self.rounds) - 1
        ].get(kind)
        if by_height is None:  # some have a condition: filter, then order by height
            by_height = sorted(self.of_kind(kind), key=lambda o: -o.step)
        # is_ready, inlined: this loop runs for several tactics every round.
        all_met = self._all_met
        need_context = self._need_context
        values = self._believed()
        for info in by_height:
            if info.step <= above:
                return None
            order = info.order
            check = all_met[order]
            if check is None:
                return info
            if need_context[order]:
                self._set_context(info)
            if check(values):
                return info
        return None

    @property
    def measures(self) -> dict[str, float]:
        """The visible measures (hidden ones are never included)."""
        if self._measures is None:
            self._measures = dict(zip(self._measure_ids, self._visible(self._believed())))  # noqa: B905
        return self._measures

    def _set_context(self, info: TacticInfo) -> None:
        """Set the engine values ``times`` and ``step`` for a tactic's needs."""
        engine = self._engine
        values = self._believed()
        values[engine.i_times] = self._times[info.order]
        values[engine.i_step] = info.step

    def ready(self, info: TacticInfo) -> float:
        """Share of the tactic's needs met, as the readiness text shows it."""
        order = info.order
        count = self._count[order]
        if count is None:  # no needs
            return 1.0
        if self._need_context[order]:
            self._set_context(info)
        return count(self._believed()) / self._need_total[order]

    def estimate(self, measure_id: str) -> tuple[float, float]:
        """The (low, high) range the group sees for a measure (both ends the
        same for a measure that is not estimated)."""
        engine = self._engine
        low, _, high = engine.estimate(self._state, engine.scenario.measure_index[measure_id])
        return low, high

    def surely_ready(self, info: TacticInfo) -> bool:
        """Whether every need of the tactic holds even at the low end of the
        estimates (the readiness text says "Ready", not "Maybe ready")."""
        check = self._all_met[info.order]
        if check is None:
            return True
        lows = self._lows
        if lows is None:  # asked several times a round: the call only the first time
            lows = self._low_values()
        lows[self._engine.i_times] = self._times[info.order]
        lows[self._engine.i_step] = info.step
        return bool(check(lows))

    def _believed(self) -> list[float]:
        """What the group believes: the middle of the range for an estimated
        measure (the state's own list when nothing is estimated). Made when
        first asked in a round: some policies never ask."""
        values = self._values
        if values is None:  # then the low ends are not made either: both at once
            self._lows, values = self._engine.seen_low_and_middle(self._state)
            self._values = values
        return values

    def _low_values(self) -> list[float]:
        """The values with each estimate at the low end of its range (made when
        first asked in a round)."""
        lows = self._lows
        if lows is None:  # then the middles are not made either: both at once
            lows, self._values = self._engine.seen_low_and_middle(self._state)
            self._lows = lows
        return lows

    def is_ready(self, info: TacticInfo) -> bool:
        """Whether every need of the tactic is met as far as the group believes
        (judged on the middle of its estimates)."""
        check = self._all_met[info.order]
        if check is None:
            return True
        if self._need_context[info.order]:
            self._set_context(info)
        return bool(check(self._believed()))

    def ready_with(self, info: TacticInfo, assumed: dict[str, float]) -> bool:
        """Whether the group believes it would be ready for the tactic if the
        measures in ``assumed`` had those values ("ready but for a vote")."""
        check = self._all_met[info.order]
        if check is None:
            return True
        if not assumed:
            return self.is_ready(info)
        values = self._believed()[:]
        index = self._engine.scenario.measure_index
        for measure_id, value in assumed.items():
            if measure_id in index:
                values[index[measure_id]] = value
        values[self._engine.i_times] = self._times[info.order]
        values[self._engine.i_step] = info.step
        return bool(check(values))

    def lacking(self, info: TacticInfo, assumed: dict[str, float]) -> set[str]:
        """The names read by the tactic's needs that the group cannot be sure
        are met (at the low end of its estimates), with the measures in
        ``assumed`` taken at those values."""
        # Remembered for the round: a policy asks about its target more than once.
        key = (info.order, *assumed.items())
        if self._lacking is None:
            self._lacking = {}
        names = self._lacking.get(key)
        if names is None:
            engine = self._engine
            lows = self._low_values()[:]  # a copy: ``assumed`` is written in
            index = engine.scenario.measure_index
            for measure_id, value in assumed.items():
                if measure_id in index:
                    lows[index[measure_id]] = value
            lows[engine.i_times] = self._times[info.order]
            lows[engine.i_step] = info.step
            names = self._lacking[key] = engine.unmet_names(info.order, lows)
        return set(names)  # a copy: the caller may change it

    def times(self, info: TacticInfo) -> int:
        """How often the group has already done this (the group remembers)."""
        return self._times[info.order]

    def _least_used(self, options: list[TacticInfo]) -> TacticInfo:
        """The option done least often so far (the first in file order on a tie)."""
        # min(options, key=(times, order)) written out: no call per option.
        times = self._times
        best = options[0]
        best_times = times[best.order]
        for info in options:
            count = times[info.order]
            if count < best_times or (count == best_times and info.order < best.order):
                best = info
                best_times = count
        return best


Policy = Callable[[Observation, random.Random], str]


def tactic_infos(scenario: Scenario) -> list[TacticInfo]:
    return [
        TacticInfo(t.id, t.kind, t.step_index, t.builds, i) for i, t in enumerate(scenario.tactics)
    ]


def _least_used(obs: Observation, options: list[TacticInfo]) -> TacticInfo:
    return obs._least_used(options)  # same module: a helper, not something a group sees


def _highest_ready(obs: Observation, kind: str, above: int | float = -1) -> TacticInfo | None:
    return obs._highest_ready(kind, above)  # same module: a helper, not something a group sees


def _deal(obs: Observation) -> TacticInfo | None:
    deals = obs.of_kind("deal")
    return deals[0] if deals else None


def _first(obs: Observation) -> str:
    return obs.options[0].id


def liberal(obs: Observation, rng: random.Random) -> str:
    deal = _deal(obs)
    if deal is not None:
        return deal.id
    lobby = obs.of_kind("lobbying")
    low = [o for o in obs.of_kind("step") if o.step <= 5]
    if not lobby and not low:
        return _first(obs)
    # Persuading decision makers: lobby first, then petitions, teach-ins,
    # symbolic actions and demonstrations aimed at politicians, in turn
    # (lobbying while it has been done no more often than any low step).
    if lobby:
        least_lobby = _least_used(obs, lobby)
        if not low or obs.times(least_lobby) <= obs.times(_least_used(obs, low)):
            return least_lobby.id
    return _least_used(obs, lobby + low).id


def social_democratic(obs: Observation, rng: random.Random) -> str:
    deal = _deal(obs)
    if deal is not None:
        return deal.id
    electoral = obs.of_kind("electoral")
    staff = obs.of_kind("staff")
    for group in (electoral, staff):
        fresh = [o for o in group if obs.times(o) == 0]
        if fresh:
            return fresh[0].id
    lobby = obs.of_kind("lobbying")
    rally = [o for o in obs.of_kind("step") if o.step in (5, 6)]
    # Then the routine: officials bargain, advocates lobby, supporters rally.
    menu = staff + lobby + rally + electoral
    if not menu:
        return _first(obs)
    return _least_used(obs, menu).id


def ultra_left(obs: Observation, rng: random.Random) -> str:
    militant = obs.of_kind("militant")
    high = [o for o in obs.of_kind("step") if o.step >= 7]
    # Militant action by the committed few, again and again, with a leap to the
    # top of the staircase now and then.
    if militant and (not high or obs.round % 3 != 0):
        return _least_used(obs, militant).id
    menu = militant + high  # the least used is the same in any order
    if not menu:
        menu = [o for o in obs.options if o.kind != "deal"] or obs.options
    return _least_used(obs, menu).id


# What a vote, a structure test and the passing of time give, for judging
# whether a step is ready "but for" them (the measure ids the shipped scenarios
# use: docs/scenarios.md). ``wait`` counts down rounds the group cannot shorten
# (until a legal strike position, say).
_VOTED = {"mandate": 9.0}
_TESTED = {"tested": 9.0}
_WAITED = {"wait": 0.0}
_ALL_GIVEN = {**_VOTED, **_TESTED, **_WAITED}
_VOTED_TESTED = {**_VOTED, **_TESTED}
_VOTED_WAITED = {**_VOTED, **_WAITED}
_TESTED_WAITED = {**_TESTED, **_WAITED}
_STRIKE_STEP = 7  # one-day strike and above: the base must decide, and be sure
_MANDATE_ROUNDS = 2  # vote when the wait is this short, so the mandate still holds


def mass_action(obs: Observation, rng: random.Random) -> str:
    """Build the base toward the next strike and climb only the steps it needs;
    before a strike, test (when unsure), then vote; renew a strike while the
    base still backs it; put offers to the members.

    It plans like an organizer with a calendar: the rounds the strike still
    takes (steps to climb, a test, a vote, the strike and _RENEWALS more to hold
    it or climb on) are counted back from the end, and the rounds to spare go to organizing, first
    for what the strike lacks, then for allies, who turn repression around."""
    remaining = obs.rounds - obs.round
    strikes = _strikes(obs)
    strike = _ready_strike(obs, strikes)
    offer_vote = _offer_vote(obs)
    if offer_vote is not None and not (remaining == 0 and strike is not None):
        return offer_vote.id  # the members decide on an offer (a last-round strike aside)
    target = _next_strike(obs, strikes)
    if target is not None:
        wanted = _lacking(obs, target)
        spare = remaining + 1 - _rounds_to(obs, target, wanted) - _RENEWALS
        spare = max(spare, int(obs.measures.get("wait", 0)) - 2)
        if spare > 0 and strike is None:
            organize = _organize_for(obs, wanted - _CALENDAR)
            if organize is None and obs.climbed < _STRIKE_STEP:
                organize = _organize_for(obs, _allies_wanted(obs))
            if organize is not None:
                return organize.id
        prepare = _prepare(obs, target)
        if prepare is not None:
            return prepare.id
    if strike is not None:
        return strike.id  # renew the strike while the mandate and the base hold
    if target is not None:
        climb = _climb_toward(obs, target)
        if climb is not None:
            return climb.id
    if remaining <= 1 and obs.climbed >= 5:
        # The deadline is close: use the strongest step the base is ready for.
        best = _highest_ready(obs, "step")
        if best is not None:
            return best.id
    if remaining == 0:
        deal = _deal(obs)
        if deal is not None:
            # Nothing strong is ready and time is up: take what is on the table.
            return deal.id
    return _organize(obs, _lacking(obs, target) if target is not None else set())


# Names a plan waits for or climbs toward rather than organizes for.
_CALENDAR = frozenset({"climbed", "mandate", "tested", "wait", "round", "times", "step"})
_RENEWALS = 3  # rounds kept after the first strike: to hold it, or climb on
_ALLIES = 50  # solidarity an organizer wants before striking (repression will come)


def _rounds_to(obs: Observation, target: TacticInfo, wanted: set[str]) -> int:
    """The rounds ``target`` still takes once the base is ready: lower steps to
    climb (two at most a round apart), a structure test, a vote, the strike."""
    rounds = 1
    measures = obs.measures
    if "climbed" in wanted:
        rounds += max(1, (target.step - 1 - obs.climbed + 1) // 2)
    if measures.get("tested", 0) < 1 and obs.of_kind("test"):
        rounds += 1
    if measures.get("mandate", 0) < 1 and obs.of_kind("vote"):
        rounds += 1
    return rounds


def _allies_wanted(obs: Observation) -> set[str]:
    """Allies, when they are few: the measure an organizer builds before a
    strike draws repression."""
    solidarity = obs.measures.get("solidarity")
    return {"solidarity"} if solidarity is not None and solidarity < _ALLIES else set()


def _organize_for(obs: Observation, wanted: set[str]) -> TacticInfo | None:
    """The organizing move that builds most of ``wanted`` (the least done on a
    tie, and one the group is ready for); None when none builds any of it."""
    best: TacticInfo | None = None
    best_score = 0.0
    for o in obs.of_kind("organizing"):
        hits = sum(1 for m in o.builds if m in wanted)
        if not hits:
            continue
        score = _move_score(obs, o, hits)
        if score > best_score:
            best, best_score = o, score
    return best


def _move_score(obs: Observation, info: TacticInfo, worth: float) -> float:
    """What an organizing move is worth now: less the more often it has been done,
    more the readier the group is for it."""
    return worth / (1.0 + 0.6 * obs.times(info)) * (obs.ready(info) + 0.2)


def _offer_vote(obs: Observation) -> TacticInfo | None:
    """A vote on an offer the target has made (its id names the offer)."""
    if obs.measures.get("offer", 0) < 1:
        return None
    return next((v for v in obs.of_kind("vote") if "offer" in v.id), None)


def _strikes(obs: Observation) -> list[TacticInfo]:
    """The strike-level steps on offer, highest first (their needs say which
    steps must be climbed first)."""
    steps = [o for o in obs.of_kind("step") if o.step >= _STRIKE_STEP]
    steps.sort(key=_step_of, reverse=True)
    return steps


def _ready_strike(obs: Observation, strikes: list[TacticInfo]) -> TacticInfo | None:
    """Of ``strikes`` (highest first), the highest the group believes it is ready
    for (one already climbed included: a strike can be renewed)."""
    tested = obs.measures.get("tested", 0) >= 1
    for step in strikes:
        # Right after a passed test the group knows where it stands: the middle.
        if obs.surely_ready(step) or (tested and obs.is_ready(step)):
            return step
    return None


def _next_strike(obs: Observation, strikes: list[TacticInfo]) -> TacticInfo | None:
    """Of ``strikes`` (highest first, equal steps in file order), the one to
    build toward: the lowest above the top step climbed (the highest when every
    step is climbed); None when there is none."""
    if not strikes:
        return None
    higher = [o for o in strikes if o.step > obs.climbed]
    return min(higher, key=_step_of) if higher else strikes[0]


def _prepare(obs: Observation, target: TacticInfo) -> TacticInfo | None:
    """The structure test, then the vote, that ``target`` still needs when the
    group believes it is ready for everything else; None otherwise (and in the
    last round, when no strike could follow them)."""
    if obs.round >= obs.rounds or not obs.ready_with(target, _ALL_GIVEN):
        return None
    measures = obs.measures
    if not obs.ready_with(target, _VOTED_TESTED) and measures.get("wait", 0) > (_MANDATE_ROUNDS):
        return None  # too early to vote: the mandate would run out before the date
    tested = measures.get("tested", 0) >= 1
    test = next(iter(obs.of_kind("test")), None)
    if test is not None and not tested:
        needs_test = not obs.ready_with(target, _VOTED_WAITED)
        unsure = not obs.surely_ready(target) and not obs.ready_with(target, {})
        if (needs_test or unsure) and obs.is_ready(test):
            return test  # test first: it tells whether the vote will pass
    if measures.get("mandate", 0) < 1 and not obs.ready_with(target, _TESTED_WAITED):
        return _strike_vote(obs)
    return None


def _climb_toward(obs: Observation, target: TacticInfo) -> TacticInfo | None:
    """A lower step to climb, only when ``target`` still needs steps climbed:
    the highest within reach the group believes it is ready for."""
    if "climbed" not in _lacking(obs, target):
        return None
    climbed = obs.climbed
    window = [o for o in obs.of_kind("step") if climbed < o.step <= climbed + 2]
    window.sort(key=_step_of, reverse=True)
    for step in window:
        if step.step < target.step and obs.is_ready(step):
            return step
    return None


def _lacking(obs: Observation, info: TacticInfo) -> set[str]:
    """The names read by the needs of ``info`` the group cannot be sure are met
    (a vote, a test and the wait taken as given)."""
    return obs.lacking(info, _ALL_GIVEN)


def _strike_vote(obs: Observation) -> TacticInfo | None:
    """The vote that gives a mandate, when the group believes it would pass."""
    votes = [v for v in obs.of_kind("vote") if "offer" not in v.id]
    for vote in votes:
        if obs.is_ready(vote):
            return vote
    return None


def _organize(obs: Observation, wanted: set[str]) -> str:
    """Organize for what the next strike lacks (the measures its unmet needs
    read); otherwise where the base is weakest, varying the moves."""
    organizing = obs.of_kind("organizing")
    if not organizing:
        best = _highest_ready(obs, "step")
        return best.id if best is not None else _first(obs)
    measures = obs.measures
    best_info = organizing[0]
    best_score = -1.0
    for o in organizing:
        builds = o.builds
        gap = 0.0
        if builds:
            for m in builds:
                gap += 1.0 - measures.get(m, 100.0) / 100.0
            gap /= len(builds)
        hits = sum(1 for m in builds if m in wanted)
        score = _move_score(obs, o, hits + gap)
        if score > best_score:
            best_info, best_score = o, score
    return best_info.id


def _step_of(info: TacticInfo) -> int:
    return info.step


def random_policy(obs: Observation, rng: random.Random) -> str:
    return obs.options[rng.randrange(len(obs.options))].id


def always(tactic_id: str) -> Policy:
    def policy(obs: Observation, rng: random.Random) -> str:
        for option in obs.options:
            if option.id == tactic_id:
                return tactic_id
        return obs.options[0].id

    policy.__name__ = f"always:{tactic_id}"
    return policy


def script(tactic_ids: Sequence[str]) -> Policy:
    """A fixed sequence played blind, one tactic a round.

    Each round the policy plays the next tactic of the list; one that cannot be
    chosen that round is skipped for the next one in the list that can (the
    skipped ones are not played later). When none of the rest can be chosen, or
    the list is used up, it plays the first tactic on offer. It looks at nothing
    but which tactics are on offer: the measures, readiness and events never
    change what it does, which is what makes it a recipe.
    """
    sequence = tuple(tactic_ids)
    # Where the list stands in the current run, and the round it was last asked
    # for: a round that does not come after it means a new run has started.
    position = 0
    last_round = 0

    def policy(obs: Observation, rng: random.Random) -> str:
        nonlocal position, last_round
        if obs.round <= last_round:
            position = 0
        last_round = obs.round
        options = obs.options
        offered = {info.id for info in options}
        for index in range(position, len(sequence)):
            if sequence[index] in offered:
                position = index + 1
                return sequence[index]
        position = len(sequence)
        return options[0].id

    policy.__name__ = "script:" + ",".join(sequence)
    return policy


def parse_script(text: str, scenario: Scenario) -> tuple[str, ...]:
    """The tactic ids of ``script:A,B,...`` (``text`` without the prefix).

    ValueError naming the first id the scenario does not have, or an empty list.
    """
    tactic_ids = tuple(part.strip() for part in text.split(","))
    if not text.strip() or not all(tactic_ids):
        raise ValueError(
            "a script needs tactic ids separated by commas, "
            "e.g. script:one-on-ones,committee,small-demo"
        )
    for tactic_id in tactic_ids:
        if tactic_id not in scenario.tactic_index:
            raise ValueError(_unknown_tactic(scenario, tactic_id))
    return tactic_ids


def _unknown_tactic(scenario: Scenario, tactic_id: str) -> str:
    known = ", ".join(t.id for t in scenario.tactics)
    return f"scenario '{scenario.id}' has no tactic '{tactic_id}' (tactics: {known})"


POLICIES: dict[str, Policy] = {
    "liberal": liberal,
    "social-democratic": social_democratic,
    "ultra-left": ultra_left,
    "mass-action": mass_action,
    "random": random_policy,
}


def get_policy(name: str, scenario: Scenario) -> Policy:
    """The policy called ``name``; ValueError with a plain message otherwise."""
    if name.startswith("always:"):
        tactic_id = name.split(":", 1)[1]
        if tactic_id not in scenario.tactic_index:
            raise ValueError(_unknown_tactic(scenario, tactic_id))
        return always(tactic_id)
    if name.startswith("script:"):
        return script(parse_script(name.split(":", 1)[1], scenario))
    if name not in POLICIES:
        raise ValueError(
            f"unknown policy '{name}' "
            f"(use {', '.join(POLICY_NAMES)}, always:TACTIC or script:TACTIC,TACTIC,...)"
        )
    return POLICIES[name]
