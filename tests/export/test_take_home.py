"""The take-home: what `teachin export handout` prints for participants, and the check
that keeps each module's take-home to two printed pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.export.pdf_helpers import page_texts, squash

from teachin.cli import main
from teachin.export.paged import Paper
from teachin.workshop.library import load_library

GOOD = Path(__file__).parent.parent / "data" / "good"

# The QApplication of pytest-qt, made before the commands look for one.
pytestmark = pytest.mark.usefixtures("qapp")

FRONT = """+++
id = "{id}"
title = "{title}"
summary = "What a take-home is made of."
minutes = 20
part = "Testing"
order = {order}
objectives = ["Take something home."]
sources = ["Solidarity Winnipeg, “From Theory To Practice” (2020).", "A second source."]
+++
"""

TAKE_HOME = (
    FRONT
    + """
## The first slide

Slide text stays on the slides.

/// notes
Ask the room. (2 minutes)
///

/// handout | Key ideas
- People who act together build a [base](glossary:base).
- Each step asks more of them.

/// staircase
///
///

---

## The last slide

/// questions
1. What would you do in class?
///

/// handout | Questions to carry home
1. Who is not in the room yet? How would [organizing](glossary:organizing) reach them?
///
"""
)

LONG = (
    FRONT
    + """
## Only slide

/// handout | Everything
{paragraphs}
///
"""
)


def _pack(tmp_path: Path, **modules: str) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(GOOD, folder, ignore=shutil.ignore_patterns("modules"))
    (folder / "modules").mkdir()
    for order, (module_id, text) in enumerate(modules.items(), start=1):
        values = {"id": module_id, "title": module_id.title(), "order": order}
        (folder / "modules" / f"{module_id}.md").write_text(
            text.replace("{paragraphs}", _paragraphs(80)).format(**values)
            if "{paragraphs}" in text
            else text.format(**values),
            encoding="utf-8",
        )
    return folder


def _paragraphs(count: int) -> str:
    sentence = "An organized base decides together, and climbs one step at a time. "
    return "\n\n".join(sentence * 4 for _ in range(count))


def _export(folder: Path, out: Path, *ids: str) -> int:
    return main(["--content", str(folder), "export", "handout", *ids, "-o", str(out)])


def test_the_take_home_has_its_sections_terms_staircase_and_one_source(tmp_path, capsys):
    folder = _pack(tmp_path, sample=TAKE_HOME)
    out = tmp_path / "take-home.pdf"
    assert _export(folder, out, "sample") == 0
    assert "(1 page," in capsys.readouterr().out
    [page] = [squash(text) for text in page_texts(out)]
    order = [
        "Keyideas",
        "Peoplewhoacttogetherbuildabase",
        "Generalunlimitedstrike",  # the staircase drawn inside the handout
        "Questionstocarryhome",
        "Whoisnotintheroomyet?",
        "Wordsweused",
        "Base:",
        "Organizing:",
        "Source:SolidarityWinnipeg",
    ]
    places = [page.find(text) for text in order]
    assert -1 not in places, dict(zip(order, places, strict=True))
    assert places == sorted(places)
    for left_out in (
        "Slidetextstays",
        "Asktheroom",
        "Whatwouldyoudoinclass",
        "Slide1",
        "Asecondsource",
    ):
        assert left_out not in page


def test_a_source_line_in_the_handout_replaces_the_first_source(tmp_path):
    text = TAKE_HOME.replace(
        "1. Who is not", "Source: Jane McAlevey, *No Shortcuts* (2016).\n\n1. Who is not"
    )
    library = load_library([_pack(tmp_path, sample=text)])
    from teachin.workshop.render import render_take_home

    html = render_take_home(library.modules["sample"], library)
    assert "McAlevey" in html and "Solidarity Winnipeg" not in html


def test_a_module_without_a_handout_takes_home_its_summary_and_objectives(tmp_path):
    text = FRONT + "\n## Only slide\n\nJust a slide.\n"
    library = load_library([_pack(tmp_path, sample=TAKE_HOME, bare=text)])
    from teachin.workshop.render import render_take_home

    html = render_take_home(library.modules["bare"], library)
    assert "What a take-home is made of." in html and "Take something home." in html
    assert "Just a slide." not in html


def test_a_pack_starts_each_take_home_on_a_new_page(tmp_path):
    folder = _pack(tmp_path, sample=TAKE_HOME, second=TAKE_HOME)
    out = tmp_path / "pack.pdf"
    assert _export(folder, out, "sample", "second") == 0
    texts = [squash(text) for text in page_texts(out)]
    assert len(texts) == 2 and "Sample" in texts[0] and "Second" in texts[1]


def test_check_warns_when_a_take_home_prints_over_two_pages(tmp_path, capsys, monkeypatch):
    # Only the pack is checked: the built-in content has its own test.
    monkeypatch.setattr("teachin.locations.builtin_content_dir", lambda: tmp_path / "none")
    folder = _pack(tmp_path, sample=TAKE_HOME, long=LONG)
    out = tmp_path / "long.pdf"
    assert _export(folder, out, "long") == 0
    assert len(PdfReader(out).pages) > 2
    capsys.readouterr()

    code = main(["check", str(folder)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0  # a warning, not an error
    long_path = folder / "modules" / "long.md"
    handout_line = LONG.count("\n", 0, LONG.index("/// handout")) + 1
    [warning] = [line for line in lines if "take-home" in line]
    assert warning.startswith(f"{long_path}:{handout_line}: warning: the take-home prints on ")
    assert "keep it to 2" in warning
    assert not [line for line in lines if "sample.md" in line and "take-home prints" in line]

    # Given the file alone, it says the same.
    main(["check", str(long_path)])
    assert warning in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_check_counts_the_pages_the_pdf_has(tmp_path, paper):
    from teachin.export.take_home_check import take_home_pages

    folder = _pack(tmp_path, long=LONG)
    library = load_library([folder])
    out = tmp_path / "long.pdf"
    assert _export(folder, out, "long", "--paper", paper) == 0
    measured = take_home_pages(library.modules["long"], library, Paper(paper))
    assert measured == len(PdfReader(out).pages)


def test_the_teach_in_90_pack_is_four_pages_at_most(tmp_path, capsys):
    # Letter: the shorter page. Each module's take-home keeps to two pages on A4 too
    # (tests/content/test_curriculum.py).
    from teachin.export.documents import plan_modules
    from teachin.locations import builtin_content_dir
    from teachin.plan.fileformat import load_plans

    library = load_library([builtin_content_dir()])
    plans, _ = load_plans([builtin_content_dir()])
    modules = [library.modules[m] for m in plan_modules(plans["teach-in-90"], library)]
    out = tmp_path / "pack.pdf"
    code = main(["export", "handout", "teach-in-90", "-o", str(out), "--paper", "letter"])
    assert code == 0, capsys.readouterr().err
    pages = [squash(text) for text in page_texts(out)]
    assert len(pages) == len(PdfReader(out).pages) <= 4
    starts = [next(i for i, page in enumerate(pages) if squash(m.title) in page) for m in modules]
    assert starts == sorted(starts) and starts[0] == 0
    everything = "".join(pages)
    assert "Slide1" not in everything and "Facilitatornotes" not in everything
    assert everything.count("Questionstocarryhome") == len(modules)


def test_a_built_in_module_prints_its_take_home(tmp_path):
    out = tmp_path / "m.pdf"
    module = "militancy-and-escalation"
    assert main(["export", "handout", module, "-o", str(out), "--paper", "letter"]) == 0
    pages = [squash(text) for text in page_texts(out)]
    assert 1 <= len(pages) <= 2
    everything = "".join(pages)
    for part in ("Keyideas", "10Generalunlimitedstrike", "Questionstocarryhome", "Wordsweused"):
        assert part in everything
    assert "Source:" in everything and "Slide" not in everything
