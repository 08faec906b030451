"""Benchmark: scenario rounds ("steps") per second on one core.

    python benchmarks/simulate.py [--runs N]

Plays every shipped scenario with every built-in policy and reports the
rounds played per second: once for the engine alone (choices fixed in
advance, no policy), once with the policies deciding (what `teachin simulate`
does).
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
    started = time.perf_counter()
    for seed in range(runs):
        rng = random.Random(seed)
        state = engine.new_state(rng)
        while not state.finished:
            options = engine.choosable(state)
            engine.step(state, options[choices.randrange(len(options))], rng)
            steps += 1
    return steps, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10_000)
    args = parser.parse_args()
    scenarios, problems = load_scenarios([CONTENT])
    for problem in problems:
        print(problem)
    total_steps = total_time = 0.0
    for scenario in scenarios.values():
        engine = Engine(scenario)
        steps, elapsed = engine_only(engine, args.runs)
        print(f"{scenario.id:18} engine only        {steps / elapsed:10,.0f} steps/s")
        for policy in POLICY_NAMES:
            started = time.perf_counter()
            summary = simulate(scenario, policy, args.runs, 1, engine)
            elapsed = time.perf_counter() - started
            total_steps += summary.steps
            total_time += elapsed
            print(
                f"{scenario.id:18} {policy:18} {summary.steps / elapsed:10,.0f} steps/s"
                f"  ({args.runs} runs in {elapsed:.2f} s)"
            )
    print(f"overall with policies: {total_steps / total_time:,.0f} steps/s")


if __name__ == "__main__":
    main()
