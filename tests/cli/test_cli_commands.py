"""The command line, run as a user runs it: `python -m teachin ...` in a subprocess."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import teachin

GOOD = Path(__file__).resolve().parents[1] / "data" / "good"


@pytest.fixture
def run(tmp_path):
    env = dict(
        os.environ, XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config")
    )

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "teachin", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=60,
        )

    return run


def test_version_and_help(run):
    assert run("--version").stdout.strip() == f"teachin {teachin.__version__}"
    for command in ([], ["list"], ["check"]):
        result = run(*command, "--help")
        assert result.returncode == 0
        assert "usage: teachin" in result.stdout


def test_list_json_has_the_documented_shape(run):
    result = run("--content", str(GOOD), "list", "--json")
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    ids = [item["id"] for item in listing["modules"]]
    assert {"sample", "second"} <= set(ids)
    assert set(listing) == {"modules", "scenarios", "plans"}
    assert len(listing["scenarios"]) >= 4 and len(listing["plans"]) >= 2
    for kind in listing.values():
        for item in kind:
            assert {"id", "title", "path"} <= set(item)
            assert Path(item["path"]).is_file()


def test_list_text_names_modules(run):
    result = run("--content", str(GOOD), "list")
    assert "sample" in result.stdout and "A sample module" in result.stdout


def test_check_passes_on_good_content(run):
    result = run("check", str(GOOD))
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_check_reports_problems_as_path_line_severity_message(run, tmp_path):
    folder = tmp_path / "pack"
    shutil.copytree(GOOD, folder)
    (folder / "modules" / "bad.md").write_bytes(b'+++\nid = "bad"\n+++\n')
    (folder / "modules" / "latin1.md").write_bytes(b'+++\ntitle = "caf\xe9"\n+++\n')
    result = run("check", str(folder))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    bad = str(folder / "modules" / "bad.md")
    assert f"{bad}:2: error: missing required setting 'title'" in lines
    assert (
        f"{folder / 'modules' / 'latin1.md'}:2: error: not UTF-8 text: save the file with UTF-8 encoding"
        in lines
    )
    assert "error(s)" in result.stderr


def test_check_with_warnings_only_exits_zero(run, tmp_path):
    folder = tmp_path / "pack"
    shutil.copytree(GOOD, folder)
    module = folder / "modules" / "second.md"
    module.write_text(module.read_text().replace("order = 2", 'order = 2\nflavour = "x"'))
    result = run("check", str(module))
    assert result.returncode == 0
    assert result.stdout.strip().endswith("warning: unknown setting 'flavour' is ignored")


def test_check_of_a_missing_path(run, tmp_path):
    result = run("check", str(tmp_path / "nope"))
    assert result.returncode == 1
    assert f"{tmp_path / 'nope'}:1: error: no such file or folder" in result.stdout


def test_user_content_folder_overrides_builtin(run, tmp_path):
    user_modules = tmp_path / "data" / "teachin" / "teachin" / "content" / "modules"
    user_modules.mkdir(parents=True)
    text = (
        (GOOD / "modules" / "second.md")
        .read_text()
        .replace("The second module", "From the user folder")
    )
    (user_modules / "second.md").write_text(text)
    listing = json.loads(run("list", "--json").stdout)
    assert "From the user folder" in [m["title"] for m in listing["modules"]]


def test_check_reports_scenario_and_plan_problems(run, tmp_path):
    pack = tmp_path / "pack"
    (pack / "plans").mkdir(parents=True)
    (pack / "scenarios").mkdir()
    (pack / "plans" / "ours.toml").write_text(
        'title = "Our evening"\nstart = "18:30"\n\n[[block]]\nmodule = "no-such-module"\nminutes = 20\n'
    )
    (pack / "scenarios" / "broken.toml").write_text('id = "broken"\ntitle = \n')
    result = run("check", str(pack))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(
        line.startswith(f"{pack / 'plans' / 'ours.toml'}:") and "no-such-module" in line
        for line in lines
    ), lines
    assert any(
        line.startswith(f"{pack / 'scenarios' / 'broken.toml'}:2: error:") for line in lines
    ), lines


def test_output_cut_short_by_the_reader_ends_quietly(tmp_path):
    # `teachin simulate ... | head -1`: the reader closes the pipe after one line.
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"))
    process = subprocess.Popen(
        [sys.executable, "-m", "teachin", "simulate", "care-homes", "--runs", "20"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    errors = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) == 0
    assert "Traceback" not in errors and "BrokenPipe" not in errors
