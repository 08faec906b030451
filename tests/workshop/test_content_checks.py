"""`check_library` finds unknown references, missing pictures and unsourced examples."""

import shutil
from pathlib import Path

from teachin.workshop.check import check_library
from teachin.workshop.library import load_library

GOOD = Path(__file__).resolve().parents[1] / "data" / "good"


def library_with(tmp_path: Path, extra_slide: str):
    folder = tmp_path / "content"
    shutil.copytree(GOOD, folder)
    module = folder / "modules" / "second.md"
    module.write_text(
        module.read_text(encoding="utf-8")
        + "\n---\n\n## Added\n\n"
        + extra_slide
        + "\n\n/// notes\nSay why. (1 minute)\n///\n",  # the teaching rules want notes
        encoding="utf-8",
    )
    return load_library([folder]), module


def found(problems):
    return [(p.path.name, p.line, p.severity, p.message) for p in problems]


def test_unknown_module_and_term_links_name_file_and_line(tmp_path):
    library, module = library_with(
        tmp_path, "See [x](module:nowhere) and\n[y](glossary:nothing).\n"
    )
    lines = module.read_text(encoding="utf-8").split("\n")
    line = lines.index("See [x](module:nowhere) and") + 1
    assert found(check_library(library)) == [
        ("second.md", line, "error", "link to unknown module 'nowhere'"),
        ("second.md", line + 1, "error", "link to unknown glossary term 'nothing'"),
    ]


def test_missing_and_remote_pictures(tmp_path):
    library, _ = library_with(
        tmp_path, "![a](images/none.png)\n\n![b](https://example.org/b.png)\n"
    )
    problems = found(check_library(library))
    assert [(sev, msg.split(" (")[0]) for _, _, sev, msg in problems] == [
        ("error", "missing picture 'images/none.png'"),
        (
            "warning",
            "picture 'https://example.org/b.png' is on the web; teachin works offline and will not show it",
        ),
    ]


def test_present_picture_passes(tmp_path):
    library, module = library_with(tmp_path, "![a](images/here.png)\n")
    (module.parent.parent / "images").mkdir()
    (module.parent.parent / "images" / "here.png").write_bytes(b"\x89PNG")
    assert check_library(library) == []


def test_example_without_source_is_a_warning(tmp_path):
    library, _ = library_with(
        tmp_path,
        "/// example | A strike\nIt happened.\n///\n\n/// example | Another\nx\n\nSource: A book.\n///\n",
    )
    problems = check_library(library)
    assert [(p.severity, p.message) for p in problems] == [
        ("warning", "this example names no source: add a line 'Source: ...'")
    ]


def test_glossary_references_are_checked(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(GOOD, folder)
    (folder / "glossary.toml").write_text(
        '[[term]]\nid = "base"\nterm = "Base"\ndefinition = "See [x](glossary:ghost)."\n'
        'see_also = ["phantom"]\nmodule = "missing"\n'
    )
    messages = [p.message for p in check_library(load_library([folder]))]
    assert sorted(messages) == [
        "term 'base': link to unknown 'glossary:ghost'",
        "term 'base': see_also names unknown term 'phantom'",
        "term 'base': unknown module 'missing'",
    ]
