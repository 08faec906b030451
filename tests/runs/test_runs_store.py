"""The saved-runs store: atomic saves, listing, rename, delete, damaged files set aside.
Qt-free."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from teachin.locations import builtin_content_dir
from teachin.runs.runfile import RunFileError, load_run, read_run
from teachin.runs.store import (
    VIEW_CONSEQUENCE,
    PlayerInfo,
    RunStore,
    open_run,
)
from teachin.scenario.loader import load_scenarios
from teachin.scenario.run import start_run


@pytest.fixture(scope="module")
def scenarios():
    found, problems = load_scenarios([builtin_content_dir()])
    assert not problems
    return found


def played(scenarios, choices: int = 3, seed: int = 5):
    run = start_run(scenarios["care-homes"], seed)
    for _ in range(choices):
        run.choose(run.options()[0].id)
    return run


def test_the_store_imports_no_qt() -> None:
    code = (
        "import sys, teachin.runs.store; print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_saved_run_is_a_normal_run_file_and_reopens_exactly(tmp_path: Path, scenarios) -> None:
    store = RunStore(tmp_path / "runs")
    run = played(scenarios)
    run.go_back(2)
    run.choose(run.options()[1].id)
    path = store.new_path("care-homes")
    info = PlayerInfo("Table 3 — care homes", "Table 3", VIEW_CONSEQUENCE, "2026-01-01T10:00:00")
    store.save(run, info, path)
    assert read_run(path)["player"]["group"] == "Table 3"
    assert load_run(path, scenarios).measures() == run.measures()  # the engine reads it too
    again, info_again = open_run(path, scenarios)
    assert info_again == info
    assert again.round == run.round and again.measures(hidden=True) == run.measures(hidden=True)
    assert [r.tactic for r in again.steps] == [r.tactic for r in run.steps]
    assert [(b.from_round, [r.tactic for r in b.steps]) for b in again.branches] == [
        (b.from_round, [r.tactic for r in b.steps]) for b in run.branches
    ]
    assert (
        again.branches[0].steps[-1].consequence.label == run.branches[0].steps[-1].consequence.label
    )
    assert list(path.parent.glob(".*tmp")) == []  # no temporary file left behind


def test_list_rename_delete_and_newest_unfinished(tmp_path: Path, scenarios) -> None:
    store = RunStore(tmp_path)
    first = store.save(played(scenarios, 1), PlayerInfo("First"), store.new_path("care-homes"))
    finished = played(scenarios, 0)
    while not finished.finished:
        finished.choose(finished.options()[0].id)
    done = store.save(finished, PlayerInfo("Done"), store.new_path("care-homes"))
    second = store.save(played(scenarios, 2), PlayerInfo("Second"), store.new_path("care-homes"))
    runs = store.listing().runs
    assert {r.title for r in runs} == {"First", "Done", "Second"}
    assert runs[0].path == second  # newest first
    assert [r.finished for r in runs if r.path == done] == [True]
    assert store.newest_unfinished(scenarios).path == second
    store.rename(first, "  Table 1, first try ")
    assert next(r for r in store.listing().runs if r.path == first).title == "Table 1, first try"
    store.delete(second)
    assert {r.title for r in store.listing().runs} == {"Table 1, first try", "Done"}


@pytest.mark.parametrize(
    "damage",
    [
        "",
        '{"format": "teachin-run", "version": 2, "scenario": "care-homes", "se',
        "\x00\x01binary",
        "[1, 2, 3]",
        json.dumps({"format": "teachin-run", "version": 99}),
    ],
)
def test_a_damaged_file_is_set_aside_never_deleted(tmp_path: Path, scenarios, damage: str) -> None:
    store = RunStore(tmp_path)
    good = store.save(played(scenarios, 1), PlayerInfo("Good"), store.new_path("care-homes"))
    bad = tmp_path / "broken.run.json"
    bad.write_text(damage, encoding="utf-8")
    listing = store.listing()
    assert [r.path for r in listing.runs] == [good]
    assert len(listing.set_aside) == 1 and "broken.run.json" in listing.set_aside[0]
    assert "kept as broken.run.json.damaged" in listing.set_aside[0]
    assert not bad.exists()
    assert (tmp_path / "broken.run.json.damaged").read_text(encoding="utf-8") == damage
    bad.write_text(damage, encoding="utf-8")  # a second damaged file of the same name
    store.listing()
    assert (tmp_path / "broken.run.json.damaged-2").exists()


def test_a_run_file_of_an_older_teachin_is_set_aside_as_older_not_damaged(
    tmp_path: Path, scenarios
) -> None:
    store = RunStore(tmp_path)
    old = store.save(played(scenarios, 1), PlayerInfo("Old"), tmp_path / "old.run.json")
    data = json.loads(old.read_text(encoding="utf-8"))
    data["version"] = 1
    old.write_text(json.dumps(data), encoding="utf-8")
    listing = store.listing()
    assert listing.runs == []
    (message,) = listing.set_aside
    assert f"{old}: this run was made by an older teachin" in message
    assert "start a new run" in message and "kept as old.run.json.older" in message
    assert json.loads((tmp_path / "old.run.json.older").read_text(encoding="utf-8")) == data


def test_a_run_whose_scenario_changed_is_reported(tmp_path: Path, scenarios) -> None:
    path = RunStore(tmp_path).save(played(scenarios, 2), PlayerInfo(), tmp_path / "a.run.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["steps"][0]["after"]["support"] = -5
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RunFileError, match="changed"):
        open_run(path, scenarios)


def test_the_player_can_be_started_on_its_own() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "teachin.ui.player", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "--runs" in result.stdout and "--content" in result.stdout
