"""The wording of whole documents, checked against golden files (tests/golden_files.py):
a shipped module's page in both views and its take-home, a shipped plan's agenda and the
welcome page.
The stylesheet is left out: it is not wording."""

from __future__ import annotations

import pytest
from tests.golden_files import GOLDEN, assert_golden, readable

from teachin.export.documents import agenda
from teachin.locations import builtin_content_dir
from teachin.plan.fileformat import load_plans
from teachin.scenario.loader import load_scenarios
from teachin.workshop.library import Library, load_library
from teachin.workshop.render import render_module, render_take_home, render_welcome
from teachin.workshop.views import View

MODULE = "from-theory-to-practice"
PLAN = "teach-in-90"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([builtin_content_dir()])


@pytest.mark.parametrize("view", [View.FACILITATOR, View.PARTICIPANT])
def test_a_module_page(library: Library, view: View) -> None:
    html = render_module(library.modules[MODULE], view)
    assert_golden(f"module-{MODULE}-{view.value}.html", readable(html))


def test_a_module_take_home(library: Library) -> None:
    html = render_take_home(library.modules[MODULE], library)
    assert_golden(f"take-home-{MODULE}.html", readable(html))


def test_a_plan_agenda(library: Library) -> None:
    plans, _problems = load_plans([builtin_content_dir()])
    scenarios, _ = load_scenarios([builtin_content_dir()])
    titles = {key: scenario.title for key, scenario in scenarios.items()}
    assert_golden(f"agenda-{PLAN}.html", readable(agenda(plans[PLAN], library, titles).html))


def test_a_difference_is_shown_as_a_diff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("UPDATE_GOLDEN", raising=False)
    name = f"agenda-{PLAN}.html"
    changed = (GOLDEN / name).read_text(encoding="utf-8").replace("Agenda", "Programme", 1)
    with pytest.raises(AssertionError) as failure:
        assert_golden(name, changed)
    message = str(failure.value)
    assert "UPDATE_GOLDEN=1" in message
    assert "\n-" in message and "\n+" in message and "Programme" in message


@pytest.mark.parametrize("which", ["welcome", "welcome-empty"])
def test_the_welcome_page(library: Library, which: str) -> None:
    shown = library if which == "welcome" else Library([])
    assert_golden(f"{which}.html", readable(render_welcome(shown)))
