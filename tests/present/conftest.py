"""Fixtures for the presentation tests: the library, and the 90-minute starter presented."""

from __future__ import annotations

import pytest
from present_fakes import Shown, open_presentation

from teachin.locations import builtin_content_dir
from teachin.plan.fileformat import load_plans
from teachin.workshop.library import load_library

CONTENT = builtin_content_dir()


@pytest.fixture(scope="module")
def library():
    return load_library([CONTENT])


@pytest.fixture
def shown(qtbot, library) -> Shown:
    """The 90-minute starter plan, presented."""
    plan = load_plans([CONTENT])[0]["teach-in-90"]
    return open_presentation(qtbot, plan, library)
