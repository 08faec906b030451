"""How a run file is named where a person picks one (the export dialog)."""

from __future__ import annotations

from pathlib import Path

from teachin.runs.board import run_file_label
from teachin.runs.store import PlayerInfo, write_run
from teachin.scenario.run import Run


def test_a_run_file_is_named_by_group_scenario_and_rounds(scenarios, tmp_path: Path) -> None:
    scenario = next(iter(scenarios.values()))
    run = Run(scenario, 3)
    run.choose(run.options()[0].id)
    titles = {scenario.id: scenario.title}
    named = write_run(run, PlayerInfo(group="Back row"), tmp_path / "a.run.json")
    assert run_file_label(named, titles) == f"Back row — {scenario.title}, 1 round"
    unnamed = write_run(run, PlayerInfo(), tmp_path / "b.run.json")
    assert run_file_label(unnamed, titles) == f"b.run.json — {scenario.title}, 1 round"
    damaged = tmp_path / "c.run.json"
    damaged.write_text("{", encoding="utf-8")
    assert run_file_label(damaged, titles) == "c.run.json"
