"""Search for blind recipes: fixed sequences of tactics that win without looking.

A scenario teaches judgment only if thinking pays: a group that reads the
situation (the ``mass-action`` policy) should win clearly more often than any
fixed sequence played blind (a ``script:`` policy). :func:`probe` looks for the
best such recipe and sets it beside the mass-action policy's win rate.

The search is deterministic for a seed and kept fast in three stages:

1. every candidate is screened on a few runs (``screen_runs``), all on the same
   seeds, so candidates are compared on the same luck;
2. the best of them are played again on more runs (``shortlist_runs``), all on
   the same seeds, to pick the finalists;
3. the best few (``finalists``) are played again on more runs (``final_runs``)
   with other seeds, beside the mass-action policy on those same seeds; the
   figures reported come from this stage only (a candidate lucky in the screen
   does not keep its luck).

Candidates are hand-written recipes (the climb organizers are taught, played
blind), random sequences (some shaped like a climb: organizing first, then steps
in ascending order) and mutations of the best found so far.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from teachin.scenario.engine import Engine
from teachin.scenario.model import Scenario, Tactic
from teachin.scenario.policies import mass_action, script
from teachin.scenario.simulate import simulate_policy

Recipe = tuple[str, ...]

# The screen keeps this many of the best recipes to mutate.
BREEDERS = 6
# Per finalist, this many of the best screened recipes are played again.
SHORTLIST = 8


@dataclass(frozen=True)
class RecipeResult:
    recipe: Recipe
    origin: str  # "hand-written", "random" or "mutated"
    win: float  # share of the final runs won
    partial: float

    @property
    def policy(self) -> str:
        """The ``--policy`` value that plays this recipe in ``teachin simulate``."""
        return "script:" + ",".join(self.recipe)

    def to_json(self) -> dict[str, object]:
        return {
            "recipe": list(self.recipe),
            "policy": self.policy,
            "origin": self.origin,
            "win": self.win,
            "partial": self.partial,
        }


@dataclass(frozen=True)
class ProbeReport:
    scenario: str
    seed: int
    candidates: int  # recipes screened (distinct)
    screen_runs: int
    final_runs: int
    mass_action_win: float
    finalists: tuple[RecipeResult, ...]  # best first

    @property
    def best(self) -> RecipeResult:
        return self.finalists[0]

    @property
    def margin(self) -> float:
        """How many points (0 to 1) the mass-action policy wins above the best recipe."""
        return self.mass_action_win - self.best.win

    def to_json(self) -> dict[str, object]:
        return {
            "scenario": self.scenario,
            "seed": self.seed,
            "candidates": self.candidates,
            "screen_runs": self.screen_runs,
            "final_runs": self.final_runs,
            "final_seed": final_seed(self.seed),
            "mass_action": {"win": self.mass_action_win},
            "best": self.best.to_json(),
            "finalists": [result.to_json() for result in self.finalists],
            "margin": self.margin,
        }


def final_seed(seed: int) -> int:
    """The seed of the final stage's runs (other runs than the screen's)."""
    return seed + 1


def _blind_pool(scenario: Scenario) -> list[Tactic]:
    """The tactics a recipe may use: all but those that end the game (deals)."""
    return [t for t in scenario.tactics if t.kind != "deal" and t.ends is None]


def hand_written(scenario: Scenario) -> list[Recipe]:
    """Climbs organizers are taught, written for any scenario by kind and step.

    The first is issue 13's: two organizing moves twice, then symbolic action,
    small and large demonstration, two one-day strikes and a week strike. Then
    come families of climbs shaped the way an organizer who has read the modules
    would write one blind (see :func:`_climb_family`).
    """
    organizing = [t.id for t in scenario.tactics if t.kind == "organizing"]
    by_step = {t.step_index: t.id for t in scenario.tactics if t.kind == "step"}
    first = organizing[:2] if organizing else []

    def steps(*positions: int) -> list[str]:
        return [by_step[p] for p in positions if p in by_step]

    recipes = [
        [*first, *first, *steps(3, 5, 6, 7, 7, 9)],
        [*first, *steps(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)],
        [*organizing, *steps(5, 6, 7, 9, 10)],
        [*first, *first, *first, *steps(7, 7, 9, 9)],
    ]
    found = [tuple(recipe) for recipe in recipes if recipe]
    seen = set(found)
    for recipe in _climb_family(scenario, organizing, steps):
        if recipe and recipe not in seen:
            seen.add(recipe)
            found.append(recipe)
    return found


# The shapes of a blind climb: lower steps climbed before the first strike,
# what comes right before a strike, and the strikes that follow.
_LOWER_STEPS = ((), (3, 5), (4, 6), (5, 6), (1, 3, 5), (2, 4, 6), (3, 4, 5, 6), (1, 2, 3, 4, 5, 6))
_STRIKES = ((7, 9), (7, 7, 9), (7, 9, 9), (7, 8, 9), (7, 9, 10))


def _climb_family(
    scenario: Scenario, organizing: list[str], steps: Callable[..., list[str]]
) -> list[Recipe]:
    """Blind climbs an organizer would write: organizing moves (the first two,
    one to four times, with the others once or twice: reaching out to allies),
    some lower steps, a structure test and a vote (or either, or none) before
    the strikes, and an offer put to the members after each strike when the
    scenario has such a vote. Longer than the rounds they are cut there."""
    test = next((t.id for t in scenario.tactics if t.kind == "test"), None)
    votes = [t.id for t in scenario.tactics if t.kind == "vote"]
    offer_vote = next((v for v in votes if "offer" in v), None)
    strike_vote = next((v for v in votes if "offer" not in v), None)
    befores: list[list[str]] = [[]]
    for shape in ([test, strike_vote], [strike_vote], [test], [strike_vote, test]):
        if all(shape):
            befores.append([tactic_id for tactic_id in shape if tactic_id])
    first, others = organizing[:2], organizing[2:]
    rounds = len(scenario.rounds)
    recipes = []
    for times in (1, 2, 3, 4):
        for extra in (0, 1, 2):
            if extra and not others:
                continue
            # The others interleaved after the first pass of the first two.
            org = [*first, *others[:1] * extra, *first * (times - 1), *others[1:] * min(extra, 1)]
            for lower in _LOWER_STEPS:
                for before in befores:
                    for strikes in _STRIKES:
                        for offers in (False, True) if offer_vote else (False,):
                            climb = [*org, *steps(*lower), *before]
                            for strike in steps(*strikes):
                                climb.append(strike)
                                if offers and offer_vote:
                                    climb.append(offer_vote)
                            recipes.append(tuple(climb[: rounds + 2]))
    return recipes


def _even_sample(recipes: Sequence[Recipe], candidates: int) -> list[Recipe]:
    """The hand-written recipes to screen: all of them when they take at most
    three quarters of ``candidates`` (a quarter is left to random and mutated
    ones), else the first four (issue 13's and the plain climbs) and an even
    sample of the rest."""
    room = candidates - candidates // 4
    if len(recipes) <= room:
        return list(recipes)
    head, rest = list(recipes[:4])[:room], recipes[4:]
    wanted = room - len(head)
    if wanted <= 0:
        return head
    return head + [rest[i * len(rest) // wanted] for i in range(wanted)]


def _random_recipe(pool: list[Tactic], length: int, rng: random.Random) -> Recipe:
    picked = [pool[rng.randrange(len(pool))] for _ in range(length)]
    if rng.random() < 0.5:
        # Shaped like a climb: moves off the staircase first, then steps upwards.
        picked.sort(key=lambda t: t.step_index)
    return tuple(t.id for t in picked)


def _mutate(recipe: Recipe, pool: list[Tactic], rng: random.Random) -> Recipe:
    changed = list(recipe)
    for _ in range(1 + rng.randrange(2)):
        at = rng.randrange(len(changed))
        how = rng.randrange(3)
        if how == 0:  # another tactic in one place
            changed[at] = pool[rng.randrange(len(pool))].id
        elif how == 1:  # two places swapped
            other = rng.randrange(len(changed))
            changed[at], changed[other] = changed[other], changed[at]
        else:  # one place repeated, the last one dropped
            changed.insert(at, changed[at])
            changed.pop()
    return tuple(changed)


def probe(
    scenario: Scenario,
    candidates: int = 300,
    seed: int = 1,
    screen_runs: int = 40,
    final_runs: int = 400,
    finalists: int = 5,
    engine: Engine | None = None,
    hand: Sequence[Recipe] | None = None,
    shortlist_runs: int = 100,
) -> ProbeReport:
    """Search ``candidates`` blind recipes: hand-written ones (``hand``, by
    default :func:`hand_written`), then random and mutated ones; see the module
    docstring."""
    engine = engine or Engine(scenario)
    rng = random.Random(seed)  # noqa: S311 - seeded, reproducible search
    pool = _blind_pool(scenario)
    length = len(scenario.rounds)
    screened: dict[Recipe, tuple[float, str]] = {}

    def screen(recipe: Recipe, origin: str) -> None:
        if recipe in screened:
            return
        summary = simulate_policy(scenario, script(recipe), "script", screen_runs, seed, engine)
        screened[recipe] = (summary.rates["win"], origin)

    for recipe in _even_sample(hand if hand is not None else hand_written(scenario), candidates):
        screen(recipe, "hand-written")
    # A few draws more than asked, so repeats (already screened) do not stall it.
    attempts = 0
    while pool and len(screened) < candidates and attempts < 4 * candidates:
        attempts += 1
        if len(screened) < 2 * BREEDERS or rng.random() < 0.4:
            screen(_random_recipe(pool, length, rng), "random")
        else:
            breeders = sorted(screened, key=lambda r: -screened[r][0])[:BREEDERS]
            screen(_mutate(breeders[rng.randrange(len(breeders))], pool, rng), "mutated")

    if not screened and scenario.tactics:  # nothing to search: the first tactic, always
        screen((scenario.tactics[0].id,), "hand-written")

    # A few runs flatter lucky recipes: the best of the screen are played again
    # on more runs (the same for all) before the finalists are picked.
    shortlist = sorted(screened, key=lambda r: -screened[r][0])[: SHORTLIST * finalists]
    again = {
        recipe: simulate_policy(
            scenario, script(recipe), "script", shortlist_runs, seed + 2, engine
        ).rates["win"]
        for recipe in shortlist
    }
    top = sorted(shortlist, key=lambda r: -again[r])[:finalists]
    results = []
    for recipe in top:
        summary = simulate_policy(
            scenario, script(recipe), "script", final_runs, final_seed(seed), engine
        )
        results.append(
            RecipeResult(
                recipe, screened[recipe][1], summary.rates["win"], summary.rates["partial"]
            )
        )
    results.sort(key=lambda r: -r.win)
    baseline = simulate_policy(
        scenario, mass_action, "mass-action", final_runs, final_seed(seed), engine
    )
    return ProbeReport(
        scenario=scenario.id,
        seed=seed,
        candidates=len(screened),
        screen_runs=screen_runs,
        final_runs=final_runs,
        mass_action_win=baseline.rates["win"],
        finalists=tuple(results),
    )
