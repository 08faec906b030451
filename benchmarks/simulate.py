"""Benchmark: scenario rounds ("steps") per second on one core.

    python benchmarks/simulate.py [--runs N] [--repeat N]
    python benchmarks/simulate.py --compare ../baseline [--runs N] [--repeat N]

Plays every shipped scenario with every built-in policy and reports the
rounds played per second: once for the engine alone (choices made at random
without a policy), once with the policies deciding (what `teachin simulate`
does). Each figure is the best of ``--repeat`` tries, timed in CPU time of
this process, so other programs on a busy machine disturb it less.

``--compare PATH`` sets this checkout beside another one (a ``git worktree`` of
an older commit, say): each side's own benchmark runs in its own process with
its own code and scenarios, taking turns (``--repeat`` times each, so both meet
the same load), and the best figures are printed side by side with the time
per step of this checkout over the other's (1.50 = half again as slow).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

from teachin.scenario.engine import Engine
from teachin.scenario.loader import load_scenarios
from teachin.scenario.policies import POLICY_NAMES
from teachin.scenario.simulate import simulate

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
# A figure line of this script's output: "<scenario> <what> <n> steps/s ..."
WARM_UP_RUNS = 100
FIGURE = re.compile(r"^(\S+)\s+(.+?)\s+([\d,]+) steps/s(?:\s+\((\d+) runs in ([\d.]+) s\))?")


def engine_only(engine: Engine, runs: int) -> tuple[int, float]:
    choices = random.Random(1)
    steps = 0
    started = time.process_time()
    for seed in range(runs):
        rng = random.Random(seed)
        state = engine.new_state(rng)
        while not state.finished:
            options = engine.choosable(state)
            engine.step(state, options[choices.randrange(len(options))], rng)
            steps += 1
    return steps, time.process_time() - started


def figures(checkout: Path, runs: int) -> dict[tuple[str, str], tuple[float, float]]:
    """(steps per second, seconds) by (scenario, engine only or policy), from one
    run of ``checkout``'s own benchmark with its own code and content (seconds
    are 0 where the line does not give them)."""
    script = checkout / "benchmarks" / "simulate.py"
    env = {**os.environ, "PYTHONPATH": str(checkout / "src")}
    command = [sys.executable, str(script), "--runs", str(runs), "--repeat", "1"]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    found = {}
    for line in output.splitlines():
        match = FIGURE.match(line)
        if match:
            found[match[1], match[2]] = (float(match[3].replace(",", "")), float(match[5] or 0))
    return found


def compare(other: Path, runs: int, repeat: int) -> None:
    """Both checkouts' figures, taking turns; see the module docstring."""
    best: dict[str, dict[tuple[str, str], tuple[float, float]]] = {"this": {}, "other": {}}
    for _ in range(repeat):
        for side, checkout in (("other", other), ("this", ROOT)):
            for key, value in figures(checkout, runs).items():
                best[side][key] = max(value, best[side].get(key, (0.0, 0.0)))
    print(f"steps/s, best of {repeat}, {runs:,} runs: {other} (other) and {ROOT} (this)")
    print(f"{'scenario':18} {'':18} {'other':>10} {'this':>10}  time per step this/other")
    # The overall figure last; per-line ratios say where the time goes.
    keys = sorted(set(best["this"]) | set(best["other"]), key=lambda k: (k[0] == "overall", k))
    for key in keys:
        old, new = best["other"].get(key, (0.0, 0.0))[0], best["this"].get(key, (0.0, 0.0))[0]
        ratio = f"{old / new:.2f}" if old and new else "-"
        print(f"{key[0]:18} {key[1]:18} {old:10,.0f} {new:10,.0f}  {ratio}")
    # Like with like: the scenarios both sides ship (a fight added since is left out).
    common = {k for k in best["this"] if k in best["other"] and k[0] != "overall"}
    for what, keys_of in (
        ("engine only", [k for k in common if k[1] == "engine only"]),
        ("with policies", [k for k in common if k[1] != "engine only"]),
    ):
        rates = [_overall(best[side], keys_of) for side in ("other", "this")]
        if all(rates):
            print(
                f"{'common scenarios':18} {what:18} {rates[0]:10,.0f} {rates[1]:10,.0f}  "
                f"{rates[0] / rates[1]:.2f}"
            )


def _overall(
    found: dict[tuple[str, str], tuple[float, float]], keys: list[tuple[str, str]]
) -> float:
    """Steps per second over ``keys``: all their steps over all their time (0 when a
    line gives no time)."""
    steps = sum(found[k][0] * found[k][1] for k in keys)
    seconds = sum(found[k][1] for k in keys)
    return steps / seconds if seconds else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--compare", type=Path, help="another checkout to set beside this one")
    args = parser.parse_args()
    if args.compare:
        compare(args.compare.resolve(), args.runs, args.repeat)
        return
    scenarios, problems = load_scenarios([CONTENT])
    for problem in problems:
        print(problem)
    total_steps = total_time = 0.0
    for scenario in scenarios.values():
        engine = Engine(scenario)
        # Tactics' effects are compiled on first use: time the engine warm, as a
        # session of play or a simulation of thousands of runs sees it.
        engine_only(engine, WARM_UP_RUNS)
        best = min((engine_only(engine, args.runs) for _ in range(args.repeat)), key=lambda r: r[1])
        print(
            f"{scenario.id:18} engine only        {best[0] / best[1]:10,.0f} steps/s"
            f"  ({args.runs} runs in {best[1]:.2f} s)"
        )
        for policy in POLICY_NAMES:
            elapsed = float("inf")
            for _ in range(args.repeat):
                started = time.process_time()
                summary = simulate(scenario, policy, args.runs, 1, engine)
                elapsed = min(elapsed, time.process_time() - started)
            total_steps += summary.steps
            total_time += elapsed
            print(
                f"{scenario.id:18} {policy:18} {summary.steps / elapsed:10,.0f} steps/s"
                f"  ({args.runs} runs in {elapsed:.2f} s)"
            )
    print(f"overall with policies: {total_steps / total_time:,.0f} steps/s")


if __name__ == "__main__":
    main()
