"""Any text at all, read as each kind of content file: a list of problems, never an exception,
and every problem names the file and a line inside it."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teachin.plan.fileformat import parse_plan
from teachin.scenario.loader import parse_scenario
from teachin.tomlfile import parse_toml
from teachin.workshop.glossary import load_glossary
from teachin.workshop.module import parse_module
from teachin.workshop.staircase import load_staircase

PATH = Path("pack/file.toml")
# Pieces that matter to TOML, to the front matter and to the limits, mixed with any text.
PIECES = st.sampled_from(
    [
        "+++\n",
        "[[term]]\n",
        "[[step]]\n",
        "[[block]]\n",
        "[[tactic]]\n",
        "[[round]]\n",
        "[[event]]\n",
        'id = "a"\n',
        'after = "a"\n',
        "minutes = ",
        "9" * 45,
        "[" * 40,
        "]" * 40,
        "{a=",
        "}",
        '"',
        "'''",
        '"""',
        "\n",
        " = ",
        "#",
        "\ufeff",
        "1e999",
        'definition = ["x"]\n',
        "term = 3\n",
        'format = "teachin-plan"\n',
        "-",
        "0x",
        "__import__('os')",
        "## Slide\n",
        "---\n",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _lines_inside(problems, text: str, path: Path) -> None:
    last = text.count("\n") + 1
    for problem in problems:
        assert problem.path == path
        assert 1 <= problem.line <= last, problem


@SETTINGS
@given(TEXTS)
def test_any_text_as_toml_module_scenario_or_plan(text):
    data, problem = parse_toml(text, PATH)
    assert (data is None) == (problem is not None)
    _lines_inside([problem] if problem else [], text, PATH)
    for parse in (parse_module, parse_scenario, parse_plan):
        _result, problems = parse(text, PATH)
        _lines_inside(problems, text, PATH)


@SETTINGS
@given(TEXTS)
def test_any_text_as_glossary_or_staircase(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("pack") / "glossary.toml"
    path.write_text(text, encoding="utf-8", newline="")
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    for load in (load_glossary, load_staircase):
        _result, problems = load(path)
        _lines_inside(problems, normalised, path)
