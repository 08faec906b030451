"""``teachin export``: through an argparse parser built here, as cli.py will wire it."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.export.pdf_helpers import page_texts, squash

GOOD = Path(__file__).parent.parent / "data" / "good"

# The QApplication of pytest-qt, made before the command looks for one: a bare
# QGuiApplication made by the command would leave later widget tests without one.
pytestmark = pytest.mark.usefixtures("qapp")


def _run(argv: list[str]) -> int:
    from teachin.export.commands import add_commands

    parser = argparse.ArgumentParser(prog="teachin")
    add_commands(parser.add_subparsers(dest="command"), lambda: [GOOD])
    args = parser.parse_args(argv)
    return args.func(args)


def _size(path: Path) -> tuple[float, float]:
    box = PdfReader(path).pages[0].mediabox
    return float(box.width), float(box.height)


def test_handout_of_one_module_on_a4(tmp_path, capsys):
    out = tmp_path / "handout.pdf"
    assert _run(["export", "handout", "sample", "-o", str(out), "--paper", "a4"]) == 0
    assert _size(out) == (595, 842)
    assert "Asamplemodule" in squash("".join(page_texts(out)))
    assert "Wrote" in capsys.readouterr().out


def test_an_output_without_the_pdf_ending_gets_it(tmp_path, capsys):
    assert _run(["export", "worksheet", "-o", str(tmp_path / "x")]) == 0
    assert (tmp_path / "x.pdf").exists() and not (tmp_path / "x").exists()
    assert f"Wrote {tmp_path / 'x.pdf'}" in capsys.readouterr().out
    assert _run(["export", "worksheet", "-o", str(tmp_path / "y.PDF")]) == 0
    assert (tmp_path / "y.PDF").exists()


def test_guide_of_every_module(tmp_path):
    out = tmp_path / "guide.pdf"
    assert _run(["export", "guide", "-o", str(out), "--paper", "letter"]) == 0
    everything = squash("".join(page_texts(out)))
    assert "Asamplemodule" in everything and "Thesecondmodule" in everything
    assert "Contents" in everything and "Glossary" in everything


def test_worksheet(tmp_path):
    out = tmp_path / "worksheet.pdf"
    assert _run(["export", "worksheet", "-o", str(out)]) == 0
    assert len(PdfReader(out).pages) == 2


@pytest.mark.parametrize(
    ("locale", "size"), [("en_CA.UTF-8", (612, 792)), ("en_GB.UTF-8", (595, 842))]
)
def test_paper_defaults_from_the_locale(tmp_path, monkeypatch, locale, size):
    monkeypatch.setenv("LC_ALL", locale)
    out = tmp_path / "handout.pdf"
    assert _run(["export", "handout", "second", "-o", str(out)]) == 0
    assert _size(out) == size


def test_unknown_module_is_a_usage_error(tmp_path, capsys):
    out = tmp_path / "handout.pdf"
    assert _run(["export", "handout", "sample", "nope", "-o", str(out)]) == 2
    error = capsys.readouterr().err
    assert "unknown module: nope" in error and "sample" in error
    assert not out.exists()


def test_spectrum_worksheet_names_its_five_wedges(tmp_path, capsys):
    out = tmp_path / "spectrum.pdf"
    assert _run(["export", "spectrum", "-o", str(out), "--paper", "letter"]) == 0
    assert "(2 pages, letter)" in capsys.readouterr().out
    first, second = (squash(text) for text in page_texts(out))
    for wedge in ("Activeallies", "Passiveallies", "Neutrals", "Passiveopposition"):
        assert wedge in first
    assert "Activeopposition" in first and "Whocansayyes" in first
    assert "Moveeachwedgeonestep" in second and "Staircasestep" in second
    assert "GeorgeLakeyandTrainingforChange" in second
    assert not any(page.images for page in PdfReader(out).pages)  # vector lines, not a picture


def test_spectrum_worksheet_takes_no_ids(tmp_path, capsys):
    out = tmp_path / "spectrum.pdf"
    assert _run(["export", "spectrum", "sample", "-o", str(out)]) == 2
    assert "give no ids" in capsys.readouterr().err
    assert not out.exists()


def test_worksheet_takes_at_most_one_scenario(tmp_path, capsys):
    assert _run(["export", "worksheet", "a", "b", "-o", str(tmp_path / "w.pdf")]) == 2
    assert "at most one scenario" in capsys.readouterr().err


def test_output_is_required_and_kind_is_checked(capsys):
    with pytest.raises(SystemExit) as exit_info:
        _run(["export", "handout"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit):
        _run(["export", "poster", "-o", "x.pdf"])


def test_unwritable_output_fails_cleanly(tmp_path, capsys):
    out = tmp_path / "missing-folder" / "handout.pdf"
    assert _run(["export", "handout", "sample", "-o", str(out)]) == 1
    assert "cannot write" in capsys.readouterr().err


PLAN = """\
title = "Evening teach-in"
start = "18:30"
available = 60

[[block]]
kind = "free"
title = "Welcome"
minutes = 10
notes = "One sentence each."

[[block]]
kind = "module"
module = "second"
minutes = 15

[[block]]
kind = "break"
minutes = 5

[[block]]
kind = "module"
module = "sample"
minutes = 20
"""


def test_agenda_from_a_plan_file(tmp_path):
    plan = tmp_path / "evening.toml"
    plan.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "agenda.pdf"
    assert _run(["export", "agenda", str(plan), "-o", str(out)]) == 0
    texts = page_texts(out)
    assert len(texts) == 1
    text = squash(texts[0])
    for expected in (
        "Eveningteach-in",
        "18:30–18:40",
        "Welcome",
        "Onesentenceeach.",
        "18:40–18:55",
        "Thesecondmodule",
        "18:55–19:00",
        "Break",
        "19:00–19:20",
        "Asamplemodule",
        "Endsat19:20.",
        "Total50minof1havailable:10minutestospare(16%)",
        "page1of1",
    ):
        assert expected in text


def test_guide_for_a_plan_follows_its_order_with_the_agenda(tmp_path):
    plan = tmp_path / "evening.toml"
    plan.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "guide.pdf"
    assert _run(["export", "guide", str(plan), "-o", str(out)]) == 0
    texts = [squash(text) for text in page_texts(out)]
    assert "Eveningteach-in" in texts[0]
    assert "Agenda" in texts[1]
    second = next(i for i, t in enumerate(texts) if "Testing·15minutes" in t)
    sample = next(i for i, t in enumerate(texts) if "Testing·20minutes" in t)
    assert 2 <= second < sample  # the plan's order, not the library's


def test_agenda_needs_a_known_plan(tmp_path, capsys):
    assert _run(["export", "agenda", "nope", "-o", str(tmp_path / "a.pdf")]) == 2
    assert "no session plan 'nope'" in capsys.readouterr().err
    assert _run(["export", "agenda", "-o", str(tmp_path / "a.pdf")]) == 2


def test_worksheet_with_an_unknown_scenario_is_a_usage_error(tmp_path, capsys):
    assert _run(["export", "worksheet", "nope", "-o", str(tmp_path / "w.pdf")]) == 2
    assert "unknown scenario 'nope'" in capsys.readouterr().err


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_closing_sheets_an_evaluation_then_a_sign_up_page_that_says_what_happens_to_names(
    tmp_path, paper
):
    plan = tmp_path / "evening.toml"
    plan.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "closing.pdf"
    assert _run(["export", "closing", str(plan), "-o", str(out), "--paper", paper]) == 0
    evaluation, sign_up = (squash(text) for text in page_texts(out))  # one page each
    assert "Howdidi" in evaluation and "Eveningteach-in·18:30" in evaluation
    for plain in ("Circleoneansweroneachline", "Overall,thissessionwas", "veryuseful"):
        assert plain in evaluation
    assert "Couldyousee,hearandreadeverything?" in evaluation
    assert "Noneedtowriteyourname" in evaluation
    assert "Stayintouch" in sign_up and "Eveningteach-in·18:30" in sign_up
    assert "Whatwewilldowithyourname" in sign_up and "Whatwewon'tdo" in sign_up
    assert "Wewon'tshareitwithanyoneoutsidethegroup" in sign_up
    assert sign_up.count("☐helporganize") == 10  # ten rows to write in


def test_closing_sheets_for_any_session_leave_a_line_for_its_name(tmp_path, capsys):
    out = tmp_path / "closing.pdf"
    assert _run(["export", "closing", "-o", str(out)]) == 0
    first = squash(page_texts(out)[0])
    assert "Session:___" in first and "Date:___" in first
    assert _run(["export", "closing", "a", "b", "-o", str(out)]) == 2
    assert "at most one session plan" in capsys.readouterr().err
    assert _run(["export", "closing", "no-such-plan", "-o", str(out)]) == 2
    assert "no session plan 'no-such-plan'" in capsys.readouterr().err
