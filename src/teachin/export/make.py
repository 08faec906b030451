"""The document an export request prints (before it is laid out on pages)."""

from __future__ import annotations

from teachin.catalog import Catalog
from teachin.export.closing import closing_sheets
from teachin.export.documents import (
    ExportDocument,
    agenda,
    choice_sheet,
    debrief,
    guide,
    handout,
    worksheet,
)
from teachin.export.request import ExportKind, ExportRequest
from teachin.export.spectrum import spectrum_worksheet


def make_document(request: ExportRequest, catalog: Catalog) -> ExportDocument:
    """``request``'s document, with the modules, glossary and scenario titles of ``catalog``."""
    library = catalog.library
    kind, plan = request.kind, request.plan
    if kind is ExportKind.WORKSHEET:
        scenario = request.scenario
        return choice_sheet(scenario, library) if scenario is not None else worksheet(library)
    if kind is ExportKind.SPECTRUM:
        return spectrum_worksheet()
    if kind is ExportKind.DEBRIEF:
        assert request.run is not None  # the request checks it
        printed = request.run
        return debrief(printed.run, library, printed.differences, printed.group)
    if kind is ExportKind.CLOSING:
        return closing_sheets(plan)
    if kind is ExportKind.AGENDA:
        assert plan is not None  # the request checks it
        return agenda(plan, library, catalog.scenario_titles())
    ids = [module.id for module in request.modules] or None
    if kind is ExportKind.GUIDE:
        titles = catalog.scenario_titles() if plan is not None else None
        return guide(library, ids, plan=plan, scenario_titles=titles)
    return handout(library, ids)
