"""Run files from elsewhere: a damaged seed or nesting never breaks replay, export or the
player's list of saved runs; a byte-order mark is accepted; saves leave no temporary file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from teachin.cli import main
from teachin.runs.runfile import RunFileError, read_run, save_run
from teachin.runs.store import RunStore
from teachin.scenario.run import Run

LONG_SEED = "9" * 5_000
NESTED = "[" * 100_000 + "]" * 100_000


def _played(scenarios) -> Run:
    run = Run(scenarios["care-homes"], 9)
    while not run.finished:
        options = run.options()
        run.choose(options[len(run.steps) % len(options)].id)
    return run


def _hostile(text: str, kind: str) -> str:
    if kind == "long seed":
        return re.sub(r'"seed": \d+', f'"seed": {LONG_SEED}', text)
    return text.replace('"branches": []', f'"branches": {NESTED}')


@pytest.fixture
def run_file(scenarios, tmp_path: Path) -> Path:
    path = tmp_path / "runs" / "care-homes.run.json"
    save_run(_played(scenarios), path)
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [("long seed", "a number with more than 40 digits"), ("nesting", "nested too deeply")],
)
def test_a_hostile_run_file_is_refused_with_its_file_and_line(run_file, kind, message):
    run_file.write_text(_hostile(run_file.read_text(encoding="utf-8"), kind), encoding="utf-8")
    with pytest.raises(RunFileError, match=rf"^{re.escape(str(run_file))}:\d+: .*{message}"):
        read_run(run_file)


@pytest.mark.parametrize("kind", ["long seed", "nesting"])
def test_replay_and_export_debrief_refuse_it_cleanly(run_file, kind, capsys, qapp, tmp_path):
    run_file.write_text(_hostile(run_file.read_text(encoding="utf-8"), kind), encoding="utf-8")
    assert main(["replay", str(run_file)]) != 0
    pdf = tmp_path / "debrief.pdf"
    assert main(["export", "debrief", str(run_file), "-o", str(pdf)]) != 0
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert err.count(str(run_file)) == 2
    assert not pdf.exists()


def test_the_list_of_saved_runs_sets_a_hostile_file_aside(run_file, scenarios):
    good = run_file.with_name("good.run.json")
    save_run(_played(scenarios), good)
    run_file.write_text(_hostile(run_file.read_text(encoding="utf-8"), "long seed"))
    listing = RunStore(run_file.parent).listing()
    assert [saved.path for saved in listing.runs] == [good]
    assert len(listing.set_aside) == 1 and "more than 40 digits" in listing.set_aside[0]


def test_a_byte_order_mark_is_accepted(run_file, capsys):
    run_file.write_bytes(b"\xef\xbb\xbf" + run_file.read_bytes())
    assert read_run(run_file)["scenario"] == "care-homes"
    assert main(["replay", str(run_file)]) == 0
    assert "matches" in capsys.readouterr().out


def test_too_many_steps_are_refused(run_file):
    data = json.loads(run_file.read_text(encoding="utf-8"))
    data["steps"] = [{"choice": "petition"}] * 501
    run_file.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RunFileError, match="too many steps"):
        read_run(run_file)


def test_saving_a_run_goes_through_the_one_atomic_helper(run_file, scenarios, monkeypatch):
    import teachin.storage

    synced: list[Path] = []
    monkeypatch.setattr(teachin.storage, "_sync_folder", synced.append)
    save_run(_played(scenarios), run_file)
    assert synced == [run_file.parent]  # the folder is synced after the rename
    assert not list(run_file.parent.glob(".*.tmp"))
