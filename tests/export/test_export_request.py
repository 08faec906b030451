"""What ``teachin export KIND NAMES...`` asks for, as a typed request over a catalog (no Qt)."""

from __future__ import annotations

import pytest

from teachin.catalog import load_catalog
from teachin.export.request import (
    ExportInputError,
    ExportKind,
    ExportRequest,
    NoModulesError,
    request_from_arguments,
)
from teachin.locations import builtin_content_dir
from teachin.problems import Problem


@pytest.fixture(scope="module")
def catalog():
    return load_catalog([builtin_content_dir()])


def parse(kind: ExportKind, names: list[str], catalog) -> ExportRequest:
    problems: list[Problem] = []
    request = request_from_arguments(kind, names, catalog, problems)
    assert problems == []
    return request


def test_modules_are_the_library_s_own_objects_in_the_order_named(catalog) -> None:
    request = parse(ExportKind.HANDOUT, ["solidarity", "liberal-strategy", "solidarity"], catalog)
    assert request.modules == (
        catalog.library.modules["solidarity"],
        catalog.library.modules["liberal-strategy"],
    )
    assert request.plan is None and request.name() == "all"
    assert parse(ExportKind.HANDOUT, ["solidarity"], catalog).name() == "solidarity"


def test_a_plan_named_by_id_is_the_catalog_s_plan(catalog) -> None:
    plan = catalog.plans["teach-in-90"]
    assert parse(ExportKind.AGENDA, ["teach-in-90"], catalog) == ExportRequest(
        ExportKind.AGENDA, plan=plan
    )
    assert parse(ExportKind.GUIDE, ["teach-in-90"], catalog).plan is plan
    handout = parse(ExportKind.HANDOUT, ["teach-in-90"], catalog)
    assert handout.plan is None and handout.modules  # the plan's modules
    assert all(module in catalog.library.modules.values() for module in handout.modules)


def test_worksheets_and_unknown_names(catalog) -> None:
    assert parse(ExportKind.WORKSHEET, [], catalog).scenario is None
    scenario_id = next(iter(catalog.scenarios))
    assert (
        parse(ExportKind.WORKSHEET, [scenario_id], catalog).scenario
        is (catalog.scenarios[scenario_id])
    )
    with pytest.raises(ExportInputError, match="unknown scenario 'nope'"):
        parse(ExportKind.WORKSHEET, ["nope"], catalog)
    with pytest.raises(ExportInputError, match="unknown modules: nope, nada"):
        parse(ExportKind.HANDOUT, ["nope", "nada"], catalog)
    with pytest.raises(ExportInputError, match="no session plan 'nope'"):
        parse(ExportKind.AGENDA, ["nope"], catalog)


def test_no_modules_and_requests_that_lack_what_they_print(tmp_path) -> None:
    with pytest.raises(NoModulesError):
        parse(ExportKind.GUIDE, [], load_catalog([tmp_path]))
    with pytest.raises(ValueError):
        ExportRequest(ExportKind.AGENDA)
    with pytest.raises(ValueError):
        ExportRequest(ExportKind.DEBRIEF)
