"""The ``simulate``, ``probe`` and ``replay`` command-line commands."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from teachin.problems import Problem
from teachin.runs.runfile import RunFileError, read_run, replay
from teachin.scenario.loader import load_scenarios
from teachin.scenario.model import Scenario
from teachin.scenario.policies import POLICY_NAMES
from teachin.scenario.probe import probe
from teachin.scenario.simulate import simulate

MAX_RUNS = 10_000_000


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= MAX_RUNS:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_RUNS}")
    return value


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None


def add_commands(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    content_folders: Callable[[], list[Path]],
) -> None:
    """Register ``simulate``, ``probe`` and ``replay`` on an argparse subparsers object."""
    sim = subparsers.add_parser(
        "simulate",
        help="play a scenario many times with a built-in strategy policy",
        description=(
            "Play SCENARIO many seeded times with a policy that plays one strategy and "
            "print the win, partial and loss rates and the mean final measures."
        ),
    )
    sim.add_argument("scenario", metavar="SCENARIO", help="scenario id (see 'teachin list')")
    sim.add_argument(
        "--policy",
        default="mass-action",
        metavar="POLICY",
        help=(
            f"one of {', '.join(POLICY_NAMES)}, always:TACTIC, or script:TACTIC,TACTIC,... "
            "(a fixed sequence played blind: a tactic that cannot be chosen that round is "
            "skipped for the next one in the list that can; when none can, the first "
            "tactic on offer) (default: mass-action)"
        ),
    )
    sim.add_argument(
        "--runs", type=_positive, default=1000, metavar="N", help="number of runs (default: 1000)"
    )
    sim.add_argument(
        "--seed",
        type=_seed,
        default=1,
        metavar="S",
        help="seed; the same seed gives the same results (default: 1)",
    )
    sim.add_argument("--json", action="store_true", help="print one JSON object")
    sim.set_defaults(func=lambda args: run_simulate(args, content_folders))

    _add_probe(subparsers, content_folders)

    rep = subparsers.add_parser(
        "replay",
        help="re-run a saved run file and report whether it matches",
        description="Re-run RUNFILE from its seed and choices and compare every step.",
    )
    rep.add_argument("runfile", metavar="RUNFILE", type=Path, help="a .json run file")
    rep.add_argument("--json", action="store_true", help="print one JSON object")
    rep.set_defaults(func=lambda args: run_replay(args, content_folders))


def _add_probe(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    content_folders: Callable[[], list[Path]],
) -> None:
    pro = subparsers.add_parser(
        "probe",
        help="search for a blind recipe that wins as often as thinking",
        description=(
            "Search for blind recipes (fixed sequences of tactics played without looking: "
            "hand-written climbs, random sequences and mutations of the best) and print the "
            "best found beside the mass-action policy's win rate. A scenario rewards "
            "judgment when the mass-action policy wins clearly more often than any recipe. "
            "To stay fast, every candidate is screened on --screen-runs runs (the same seeds "
            "for all), then the best five are played again on --runs other runs, with the "
            "mass-action policy on the same runs; only those figures are reported. The same "
            "seed gives the same results."
        ),
    )
    pro.add_argument("scenario", metavar="SCENARIO", help="scenario id (see 'teachin list')")
    pro.add_argument(
        "--candidates",
        type=_positive,
        default=300,
        metavar="N",
        help="how many distinct recipes to screen (default: 300)",
    )
    pro.add_argument(
        "--screen-runs",
        type=_positive,
        default=40,
        metavar="N",
        help="runs to screen each candidate on (default: 40)",
    )
    pro.add_argument(
        "--runs",
        type=_positive,
        default=400,
        metavar="N",
        help="runs to play the best five and the mass-action policy on (default: 400)",
    )
    pro.add_argument("--seed", type=_seed, default=1, metavar="S", help="seed (default: 1)")
    pro.add_argument("--json", action="store_true", help="print one JSON object")
    pro.set_defaults(func=lambda args: run_probe(args, content_folders))


def _load(content_folders: Callable[[], list[Path]]) -> tuple[dict[str, Scenario], list[Problem]]:
    scenarios, problems = load_scenarios(list(content_folders()))
    return scenarios, problems


def _scenario(
    args: argparse.Namespace, content_folders: Callable[[], list[Path]]
) -> Scenario | None:
    """The scenario named on the command line; None (and why, on stderr) if there is none."""
    scenarios, problems = _load(content_folders)
    scenario = scenarios.get(args.scenario)
    if scenario is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        known = ", ".join(sorted(scenarios)) or "none"
        print(f"teachin: no scenario '{args.scenario}' (scenarios: {known})", file=sys.stderr)
    return scenario


def run_probe(args: argparse.Namespace, content_folders: Callable[[], list[Path]]) -> int:
    scenario = _scenario(args, content_folders)
    if scenario is None:
        return 2
    report = probe(
        scenario,
        candidates=args.candidates,
        seed=args.seed,
        screen_runs=args.screen_runs,
        final_runs=args.runs,
    )
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
        return 0
    print(
        f"{scenario.title} ({scenario.id}): {report.candidates} recipes screened on "
        f"{report.screen_runs} runs each, the best {len(report.finalists)} played on "
        f"{report.final_runs} runs, seed {args.seed}"
    )
    print(f"  mass-action policy   win {report.mass_action_win:7.1%}")
    for result in report.finalists:
        print(
            f"  {result.origin + ' recipe':<20} win {result.win:7.1%}  {', '.join(result.recipe)}"
        )
    points = abs(report.margin) * 100
    if report.margin < 0:
        verdict = f"The best blind recipe wins {points:.0f} points MORE than the mass-action policy"
    elif report.margin < 0.10:
        verdict = f"The best blind recipe wins within {points:.0f} points of the mass-action policy"
    else:
        verdict = f"The mass-action policy wins {points:.0f} points more than the best recipe found"
    print(
        verdict
        + ("." if report.margin >= 0.10 else ": the scenario rewards a recipe, not judgment.")
    )
    print(f"Play the best: teachin simulate {scenario.id} --policy {report.best.policy}")
    return 0


def run_simulate(args: argparse.Namespace, content_folders: Callable[[], list[Path]]) -> int:
    scenario = _scenario(args, content_folders)
    if scenario is None:
        return 2
    started = time.perf_counter()
    try:
        summary = simulate(scenario, args.policy, args.runs, args.seed)
    except ValueError as exc:
        print(f"teachin: {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    if args.json:
        print(json.dumps(summary.to_json(), indent=2))
        return 0
    rates = summary.rates
    print(
        f"{scenario.title} ({scenario.id}), policy {args.policy}, "
        f"{args.runs} runs, seed {args.seed}"
    )
    print(f"  win      {rates['win']:7.1%}")
    print(f"  partial  {rates['partial']:7.1%}")
    print(f"  loss     {rates['loss']:7.1%}")
    print("Mean final measures:")
    for measure in scenario.measures:
        hidden = "" if measure.visible else "  (hidden)"
        print(f"  {measure.label:<28} {summary.mean_final[measure.id]:7.1f}{hidden}")
    print("Endings:")
    titles = {e.id: e.title for e in scenario.endings}
    for ending_id, count in summary.endings.most_common():
        print(f"  {count / args.runs:7.1%}  {titles.get(ending_id, ending_id)}")
    rate = summary.steps / elapsed if elapsed > 0 else 0.0
    print(f"({summary.steps} rounds in {elapsed:.2f} s, {rate:,.0f} rounds/s)")
    return 0


def run_replay(args: argparse.Namespace, content_folders: Callable[[], list[Path]]) -> int:
    try:
        data = read_run(args.runfile)
    except RunFileError as exc:
        print(f"teachin: {exc}", file=sys.stderr)
        return 2
    scenarios, _ = _load(content_folders)
    scenario = scenarios.get(data["scenario"])
    if scenario is None:
        print(
            f"teachin: {args.runfile}: scenario '{data['scenario']}' is not installed",
            file=sys.stderr,
        )
        return 2
    try:
        report = replay(data, scenario)
    except (KeyError, TypeError, ValueError) as exc:
        print(f"teachin: {args.runfile}: damaged run file ({exc})", file=sys.stderr)
        return 2
    if args.json:
        print(
            json.dumps(
                {
                    "runfile": str(args.runfile),
                    "scenario": scenario.id,
                    "matches": report.matches,
                    "steps": report.steps,
                    "differences": report.differences,
                },
                indent=2,
            )
        )
    elif report.matches:
        print(
            f"{args.runfile}: matches ({report.steps} steps replayed, "
            f"result: {report.run.result if report.run else '?'})"
        )
    else:
        print(f"{args.runfile}: does NOT match")
        for line in report.differences[:20]:
            print(f"  {line}")
    return 0 if report.matches else 1
