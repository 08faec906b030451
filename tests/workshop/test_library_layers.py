"""Layering content folders: later folders override by id; broken files are skipped."""

import shutil
from pathlib import Path

from teachin.workshop.check import check_library
from teachin.workshop.library import load_library

GOOD = Path(__file__).resolve().parents[1] / "data" / "good"


def copy_good(tmp_path: Path) -> Path:
    folder = tmp_path / "good"
    shutil.copytree(GOOD, folder)
    return folder


def test_good_folder_loads_without_problems():
    library = load_library([GOOD])
    assert sorted(library.modules) == ["sample", "second"]
    assert sorted(library.terms) == ["base", "organizing"]
    assert len(library.staircase.steps) == 10
    assert check_library(library) == []


def test_parts_group_modules_in_teaching_order_with_minutes():
    parts = load_library([GOOD]).parts()
    assert [(p.title, [m.id for m in p.modules], p.minutes) for p in parts] == [
        ("Testing", ["sample", "second"], 35)
    ]


def test_a_later_folder_overrides_a_module_with_the_same_id(tmp_path):
    user = tmp_path / "user" / "modules"
    user.mkdir(parents=True)
    text = (GOOD / "modules" / "second.md").read_text(encoding="utf-8")
    (user / "my-copy.md").write_text(
        text.replace("The second module", "Our own version"), encoding="utf-8"
    )
    library = load_library([GOOD, tmp_path / "user"])
    assert library.modules["second"].title == "Our own version"
    assert library.modules["second"].path == user / "my-copy.md"
    assert len(library.modules) == 2


def test_a_broken_file_is_reported_and_the_rest_still_loads(tmp_path):
    folder = copy_good(tmp_path)
    (folder / "modules" / "broken.md").write_text("+++\nid = \n+++\n", encoding="utf-8")
    library = load_library([folder])
    assert sorted(library.modules) == ["sample", "second"]
    assert [(p.path.name, p.line) for p in library.problems] == [("broken.md", 2)]


def test_duplicate_ids_in_one_folder_are_errors(tmp_path):
    folder = copy_good(tmp_path)
    shutil.copy(folder / "modules" / "second.md", folder / "modules" / "third.md")
    problems = check_library(load_library([folder]))
    assert [
        (p.path.name, p.severity, "duplicate module id 'second'" in p.message) for p in problems
    ] == [("third.md", "error", True)]


def test_duplicate_glossary_ids_are_errors(tmp_path):
    folder = copy_good(tmp_path)
    glossary = folder / "glossary.toml"
    glossary.write_text(
        glossary.read_text() + '\n[[term]]\nid = "base"\nterm = "Base again"\ndefinition = "x"\n'
    )
    problems = check_library(load_library([folder]))
    assert any("duplicate term id 'base'" in p.message for p in problems)


def test_glossary_problems_point_at_the_terms_own_line(tmp_path):
    folder = copy_good(tmp_path)
    (folder / "glossary.toml").write_text(
        '[[term]]\nid = "organizing"\nterm = "Organizing"\ndefinition = "x"\nsee_also = ["base"]\n\n'
        '[[term]]\nid = "base"\nterm = "Base"\ndefinition = "y"\nsee_also = ["nowhere"]\n'
    )
    problems = [p for p in check_library(load_library([folder])) if p.path.name == "glossary.toml"]
    assert [(p.line, p.message) for p in problems] == [
        (
            2,
            "term 'organizing' is linked from no module and no other term: link it where it "
            "is taught, with [Organizing](glossary:organizing)",
        ),
        (8, "term 'base': see_also names unknown term 'nowhere'"),
    ]
