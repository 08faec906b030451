"""`teachin check PATH` checks exactly what it is given: files by what they hold, folders
of any layout; it says how many files it checked. A missing folder is an error everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from teachin.cli import main

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"

# Check lays take-homes out on pages: with pytest-qt's QApplication made first, the
# command finds it instead of making a bare QGuiApplication (later widget tests need
# a QApplication).
pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def corpus(monkeypatch):
    monkeypatch.syspath_prepend(str(FUZZ))
    import hostile_corpus

    return hostile_corpus


def _check(capsys, *paths: Path) -> tuple[int, list[str], str]:
    code = main(["check", *map(str, paths)])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_a_loose_broken_module_is_not_an_all_clear(tmp_path, capsys):
    broken = tmp_path / "broken.md"
    broken.write_text("+++\nid = 'x'\n\n## A slide\n", encoding="utf-8")
    latin1 = tmp_path / "latin1.md"
    latin1.write_bytes(b"+++\nid = 'caf\xe9'\n+++\n")
    code, out, err = _check(capsys, broken, latin1)
    assert code == 1
    assert out == [
        f"{broken}:1: error: the settings block opened with '+++' is never closed by another "
        "'+++' line",
        f"{latin1}:2: error: not UTF-8 text: save the file with UTF-8 encoding",
    ]
    assert "Checked 2 files: 2 error(s), 0 warning(s)" in err


def test_a_folder_of_loose_files_is_checked_by_what_each_file_holds(tmp_path, capsys, corpus):
    files = {
        "a-module.md": corpus.module_text("loose").replace("minutes = 20", "minutes = 0"),
        "notes/a-scenario.toml": corpus.scenario_text().replace('"leaflet"]', '"flyer"]'),
        "a-plan.toml": corpus.plan_text().replace("minutes = 5", "minutes = 5000"),
        "words.toml": corpus.term("base") + corpus.term("base"),
        "steps.toml": '[[step]]\nid = "a"\n',
        "README.md": "Just a readme, not content.",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    code, out, err = _check(capsys, tmp_path)
    assert code == 1
    problems = "\n".join(out)
    assert f"{tmp_path / 'a-module.md'}:5: error: 'minutes' must be from 1 to 1440" in problems
    assert f"{tmp_path / 'notes' / 'a-scenario.toml'}:" in problems
    assert "unknown tactic 'flyer'" in problems
    assert f"{tmp_path / 'a-plan.toml'}:8: error: minutes = 5000 is out of range" in problems
    assert f"{tmp_path / 'words.toml'}:2: error: duplicate term id 'base'" in problems
    assert f"{tmp_path / 'steps.toml'}:2: error: step is missing label" in problems
    assert "README" not in problems
    assert "Checked 5 files:" in err


def test_an_empty_folder_is_a_warning_not_an_all_clear(tmp_path, capsys):
    code, out, err = _check(capsys, tmp_path)
    assert code == 0
    assert out == [
        f"{tmp_path}:1: warning: no content found here "
        "(no module, scenario, plan, glossary or staircase)"
    ]
    assert "Checked 0 files: 0 error(s), 1 warning(s)" in err


def test_a_file_that_is_not_content_is_an_error(tmp_path, capsys):
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "x"\n', encoding="utf-8")
    code, out, _err = _check(capsys, other)
    assert code == 1
    assert out[0].startswith(f"{other}:1: error: not a teachin content file")


@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["check"], ["simulate", "x"]])
def test_a_missing_content_folder_is_an_error_with_its_path(tmp_path, capsys, command):
    missing = tmp_path / "no" / "such" / "folder"
    assert main(["--content", str(missing), *command]) == 1
    out, err = capsys.readouterr()
    assert f"{missing}:1: error: content folder not found: {missing}" in err
    assert "Traceback" not in out + err


def test_replacing_a_builtin_module_or_scenario_is_said_as_information(tmp_path, capsys, corpus):
    pack = corpus.write_pack(
        tmp_path,
        {
            "modules/mine.md": corpus.module_text("from-theory-to-practice"),
            "scenarios/mine.toml": corpus.scenario_text(scenario_id="care-homes"),
        },
    )
    assert main(["--content", str(pack), "list"]) == 0
    _out, err = capsys.readouterr()
    notes = [line for line in err.splitlines() if line.startswith("Note: ")]
    assert len(notes) == 2
    assert re.search(r"mine\.md:1: info: replaces the module 'from-theory-to-practice' of", err)
    assert "info: replaces the scenario 'care-homes' of" in err
    code, lines, err = _check(capsys, pack)
    assert code == 0  # information is not an error
    assert sum(": info: replaces the" in line for line in lines) == 2
    assert "Checked 2 files: 0 error(s)" in err


def test_a_plan_with_under_ten_percent_to_spare_is_warned_with_its_line(tmp_path, capsys):
    tight = tmp_path / "tight.toml"
    tight.write_text(
        'title = "Tuesday"\nstart = "18:30"\navailable = 90\n\n'
        '[[block]]\nkind = "free"\ntitle = "Welcome"\nminutes = 10\n\n'
        '[[block]]\nkind = "module"\nmodule = "from-theory-to-practice"\nminutes = 75\n',
        encoding="utf-8",
    )
    roomy = tmp_path / "roomy.toml"
    roomy.write_text(
        tight.read_text(encoding="utf-8").replace("minutes = 75", "minutes = 65"),
        encoding="utf-8",
    )
    code, out, err = _check(capsys, tight, roomy)
    assert code == 0  # a warning, not an error
    assert out == [
        f"{tight}:3: warning: the blocks add up to 85 of the 90 minutes available "
        "(5 minutes to spare (5 %)): leave at least 10 % (9 minutes) free for a late start "
        "and discussions that run long"
    ]
    assert "Checked 2 files: 0 error(s), 1 warning(s)" in err
