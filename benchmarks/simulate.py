"""Benchmark: scenario rounds ("steps") per second on one core.

    python benchmarks/simulate.py [--runs N]

Plays every shipped scenario with every built-in policy and reports the
rounds played per second: once for the engine alone (choices made at random
without a policy), once with the policies deciding (what `teachin simulate`
does). Each figure is the best of ``--repeat`` tries, timed in CPU time of
this process, so other programs on a busy machine disturb it less.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from teachin.scenario.engine import Engine
from teachin.scenario.loader import load_scenarios
from teachin.scenario.policies import POLICY_NAMES
from teachin.scenario.simulate import simulate

CONTENT = Path(__file__).resolve().parents[1] / "content"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    scenarios, problems = load_scenarios([CONTENT])
    for problem in problems:
        print(problem)
    total_steps = total_time = 0.0
    for scenario in scenarios.values():
        engine = Engine(scenario)
        best = min((engine_only(engine, args.runs) for _ in range(args.repeat)), key=lambda r: r[1])
        print(f"{scenario.id:18} engine only        {best[0] / best[1]:10,.0f} steps/s")
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
