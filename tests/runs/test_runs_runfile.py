from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

import pytest

from teachin.runs.runfile import (
    VERSION,
    OlderRunFileError,
    RunFileError,
    load_run,
    read_run,
    replay,
    save_run,
)
from teachin.scenario.commands import add_commands
from teachin.scenario.run import Run
from teachin.scenario.simulate import simulate

CONTENT = Path(__file__).resolve().parents[2] / "content"


def parser():
    main = argparse.ArgumentParser(prog="teachin")
    main.add_argument("--content", action="append", default=[])
    sub = main.add_subparsers(dest="command")
    add_commands(sub, lambda: [CONTENT])
    return main


def cli(*argv):
    args = parser().parse_args(list(argv))
    return args.func(args)


def played(scenarios, scenario_id="care-homes", seed=9):
    run = Run(scenarios[scenario_id], seed)
    while not run.finished:
        options = run.options()
        run.choose(options[len(run.steps) % len(options)].id)
    return run


def test_save_and_replay_exactly(scenarios, tmp_path):
    for scenario_id in scenarios:
        run = played(scenarios, scenario_id, seed=len(scenario_id))
        path = tmp_path / f"{scenario_id}.json"
        save_run(run, path)
        data = read_run(path)
        assert data["format"] == "teachin-run" and data["version"] == VERSION == 2
        assert data["scenario"] == scenario_id and data["seed"] == run.seed
        step = data["steps"][0]
        assert {"choice", "draws", "before", "after", "explanation", "concept"} <= set(step)
        report = replay(data, scenarios[scenario_id])
        assert report.matches, report.differences
        assert report.run.result == run.result
    assert not list(tmp_path.glob(".*.tmp"))


def test_tampered_run_does_not_match(scenarios, tmp_path):
    run = played(scenarios)
    path = tmp_path / "run.json"
    save_run(run, path)
    data = json.loads(path.read_text())
    data["steps"][0]["after"]["support"] += 1
    assert not replay(data, scenarios["care-homes"]).matches


def test_cli_replay(scenarios, tmp_path, capsys):
    run = played(scenarios)
    path = tmp_path / "run.json"
    save_run(run, path)
    assert cli("replay", str(path)) == 0
    assert "matches" in capsys.readouterr().out
    data = json.loads(path.read_text())
    data["seed"] += 1
    path.write_text(json.dumps(data))
    assert cli("replay", str(path)) == 1
    assert "does NOT match" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, "cut off"),  # truncated
        ('{"format": "teachin-run", "version": 2, "scenario": "care-homes",\n "seed": }', ":2:"),
        ("", "empty"),
        ('{"format": "something-else"}', "not a teachin run file"),
        ('{"format": "teachin-run", "version": 99}', "version 99"),
        (
            '{"format": "teachin-run", "version": 2, "scenario": "nope", "seed": 1, "steps": []}',
            "not installed",
        ),
        (
            '{"format": "teachin-run", "version": 2, "scenario": "care-homes", "seed": 1,'
            ' "steps": [{"choice": "fly"}]}',
            "NOT match",
        ),
    ],
)
def test_cli_replay_damaged(scenarios, tmp_path, capsys, text, expected):
    path = tmp_path / "damaged.json"
    if text is None:
        run = played(scenarios)
        save_run(run, path)
        whole = path.read_text()
        text = whole[: len(whole) // 2]
    path.write_text(text)
    code = cli("replay", str(path))
    out = capsys.readouterr()
    assert code != 0
    assert expected in out.err + out.out
    assert "Traceback" not in out.err
    if expected != "NOT match":
        assert str(path) in out.err


def test_cli_replay_missing_file(tmp_path, capsys):
    assert cli("replay", str(tmp_path / "missing.json")) == 2
    assert "missing.json" in capsys.readouterr().err
    with pytest.raises(RunFileError):
        read_run(tmp_path / "missing.json")


def test_cli_simulate_json(capsys):
    assert (
        cli(
            "simulate",
            "care-homes",
            "--policy",
            "liberal",
            "--runs",
            "200",
            "--seed",
            "3",
            "--json",
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["scenario"] == "care-homes" and data["policy"] == "liberal"
    assert data["runs"] == 200 and data["seed"] == 3
    assert set(data["rates"]) == {"win", "partial", "loss"}
    assert sum(data["rates"].values()) == pytest.approx(1.0)
    assert {"repression", "independence"} <= set(data["mean_final"])


def test_cli_simulate_is_deterministic(scenarios):
    a = simulate(scenarios["care-homes"], "random", 300, 5).to_json()
    b = simulate(scenarios["care-homes"], "random", 300, 5).to_json()
    assert a == b


def test_cli_simulate_text_and_errors(capsys):
    assert cli("simulate", "transit-fares", "--policy", "always:lobby", "--runs", "50") == 0
    assert "win" in capsys.readouterr().out
    assert cli("simulate", "nope") == 2
    assert "no scenario 'nope'" in capsys.readouterr().err
    assert cli("simulate", "care-homes", "--policy", "always:fly") == 2
    assert "no tactic 'fly'" in capsys.readouterr().err
    assert cli("simulate", "care-homes", "--policy", "anarchist") == 2
    assert "unknown policy" in capsys.readouterr().err


def test_cli_help(capsys):
    for command in ("simulate", "replay"):
        with pytest.raises(SystemExit) as exit_info:
            parser().parse_args([command, "--help"])
        assert exit_info.value.code == 0
        assert "usage:" in capsys.readouterr().out


def test_load_run_rebuilds_the_run(scenarios, tmp_path):
    from teachin.runs.runfile import load_run

    run = played(scenarios, "tenants-retrofit", seed=4)
    path = tmp_path / "run.json"
    save_run(run, path)
    again = load_run(path, scenarios)
    assert [s.tactic for s in again.steps] == [s.tactic for s in run.steps]
    assert again.result == run.result
    assert again.fingerprint() == run.fingerprint()
    with pytest.raises(RunFileError, match="not installed"):
        load_run(path, {})


def an_older_run_file(scenarios, path: Path) -> Path:
    """A run saved as teachin wrote it before issue 13's scenarios (version 1)."""
    save_run(played(scenarios), path)
    data = json.loads(path.read_text())
    data["version"] = 1
    path.write_text(json.dumps(data))
    return path


def test_a_run_file_of_an_older_teachin_is_refused_with_a_plain_message(
    scenarios, tmp_path, capsys
):
    path = an_older_run_file(scenarios, tmp_path / "old.json")
    for read in (read_run, lambda p: load_run(p, scenarios)):
        with pytest.raises(OlderRunFileError) as refused:
            read(path)
        message = str(refused.value)
        assert message.startswith(f"{path}: ")
        assert "made by an older teachin whose scenarios played by different rules" in message
        assert "can't be replayed here; start a new run" in message
    assert cli("replay", str(path)) != 0
    out = capsys.readouterr()
    assert "older teachin" in out.err and str(path) in out.err and "Traceback" not in out.err
    assert path.exists()


def test_a_run_is_refused_when_its_scenario_changed_the_rules_it_met(scenarios, tmp_path):
    # The run file names its scenario by id only: the replay itself finds a change.
    run = played(scenarios)
    path = tmp_path / "run.json"
    save_run(run, path)
    scenario = scenarios["care-homes"]
    first = scenario.tactic(run.steps[0].tactic)
    other = next(t for t in scenario.tactics if t.effects != first.effects and t.effects)
    changed_tactics = tuple(
        dataclasses.replace(t, effects=other.effects) if t.id == first.id else t
        for t in scenario.tactics
    )
    changed = dataclasses.replace(scenario, tactics=changed_tactics)
    with pytest.raises(RunFileError, match="the scenario has changed since this run") as refused:
        load_run(path, {"care-homes": changed})
    assert str(path) in str(refused.value) and "step 1" in str(refused.value)
    # A change the run never met (a text) leaves what was played exactly as it was.
    retold = dataclasses.replace(scenario, summary="Told another way.")
    assert load_run(path, {"care-homes": retold}).result == run.result
