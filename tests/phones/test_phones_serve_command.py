"""``teachin serve`` driven as a facilitator and a room would: start it, read the two
lines, join and vote from phones, Ctrl+C, then check the run file and replay it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

from phone_client import Phone

from teachin.cli import main


def start_serve(tmp_path: Path, *options: str) -> tuple[subprocess.Popen[str], Any]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "teachin",
            "serve",
            "care-homes",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            *options,
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    join = process.stdout.readline().strip()
    code = process.stdout.readline().strip()
    assert join.startswith("join: http://127.0.0.1:"), join + process.stderr.read()
    url = urlsplit(join.removeprefix("join: "))
    assert code == f"code: {url.path.strip('/')}"
    return process, SimpleNamespace(port=url.port, code=url.path.strip("/"))


def line_starting(process: subprocess.Popen[str], prefix: str) -> str:
    assert process.stdout is not None
    while line := process.stdout.readline():
        if line.startswith(prefix):
            return line.strip()
    raise AssertionError(f"no line starting {prefix!r}")


def open_round(phone: Phone, round_number: int) -> dict[str, Any]:
    while True:
        state: dict[str, Any] = phone.next_message()["state"]
        if state.get("round") == round_number and state.get("open"):
            return state


def test_the_room_votes_from_phones_and_ctrl_c_ends_cleanly(tmp_path, capsys):
    process, server = start_serve(tmp_path, "--round-seconds", "1.5", "-o", "room.run.json")
    phones = [Phone(server) for _ in range(3)]
    try:
        for phone in phones:
            assert phone.open_stream() == 200
        for round_number in (1, 2):
            states = [open_round(phone, round_number) for phone in phones]
            first, second = (c["key"] for c in states[0]["choices"][:2])
            for phone, choice in zip(phones, (second, second, first), strict=True):
                assert phone.post("vote", round=round_number, choice=choice)[0] == 200
            decided = line_starting(process, f"round {round_number}: 2 ")
            assert "(3 phones voted; 1: 1, 2: 2)" in decided
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=15)
    finally:
        for phone in phones:
            phone.close()
        process.kill() if process.poll() is None else None
    assert process.returncode == 0, err
    assert "stopped" in out and "Traceback" not in err
    data = json.loads((tmp_path / "room.run.json").read_text(encoding="utf-8"))
    decisions = data["room"]["decisions"]
    assert [len(d["phones"]) for d in decisions[:2]] == [2, 2]
    assert sorted(decisions[0]["phones"].values()) == [1, 2]
    assert decisions[0]["hands"] == {}
    assert main(["replay", str(tmp_path / "room.run.json")]) == 0
    assert "matches" in capsys.readouterr().out


def test_each_table_plays_its_own_game_and_its_run_is_saved(tmp_path, capsys):
    runs = tmp_path / "tables"
    process, server = start_serve(tmp_path, "--mode", "groups", "--runs-dir", str(runs))
    phone, friend = Phone(server), Phone(server)
    try:
        for device in (phone, friend):
            device.open_stream()
            assert device.next_message()["state"]["mode"] == "groups"
        assert phone.post("join", table="Table <b>1</b>")[0] == 200
        assert friend.post("join", table="Table <b>1</b>")[0] == 200
        while not (tables := friend.next_message()["state"]["tables"]):
            pass
        (table,) = tables
        assert (table["name"], table["round"], table["consequence"]) == ("Table <b>1</b>", 1, "")
        choice = table["choices"][1]
        assert friend.post("move", round=1, choice=choice["key"])[0] == 200
        while (table := friend.next_message()["state"]["tables"][0])["round"] == 1:
            pass
        assert table["consequence"].startswith(f"You chose 2 {choice['label']}.")
        line_starting(process, "table Table <b>1</b>: round 1: 2 ")
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=15)
    finally:
        phone.close()
        friend.close()
        process.kill() if process.poll() is None else None
    assert process.returncode == 0, err
    assert out.rstrip().endswith("stopped")
    (run_file,) = runs.glob("*.json")
    data = json.loads(run_file.read_text(encoding="utf-8"))
    assert data["player"]["group"] == "Table <b>1</b>"
    assert [step["choice"] for step in data["steps"]] == [choice["key"]]
    assert main(["replay", str(run_file)]) == 0
    assert "matches" in capsys.readouterr().out


def test_an_existing_run_file_is_never_overwritten(tmp_path, capsys):
    saved = tmp_path / "last-week.run.json"
    saved.write_text("{}", encoding="utf-8")
    assert main(["serve", "care-homes", "--bind", "127.0.0.1", "-o", str(saved)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert saved.read_text(encoding="utf-8") == "{}"
