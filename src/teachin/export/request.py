"""What to print, as one typed request: the kind, and the modules, plan, scenario or
run it prints. ``teachin export`` parses its arguments into one
(:func:`request_from_arguments`); the export dialog builds one from what is chosen.
:func:`teachin.export.make.make_document` turns it into a document. No Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from teachin.catalog import Catalog
from teachin.plan.model import BlockKind, Plan
from teachin.problems import Problem
from teachin.scenario.model import Scenario
from teachin.scenario.run import Run
from teachin.workshop.module import Module


class ExportKind(Enum):
    HANDOUT = "handout"
    """Each module's take-home for participants: its handout blocks, terms and a source."""
    GUIDE = "guide"
    """Cover, contents, the modules (or a plan's, with its agenda), the glossary."""
    AGENDA = "agenda"
    """A session plan's blocks with their clock times."""
    WORKSHEET = "worksheet"
    """The blank staircase and planning sheet, or a scenario's choice sheet."""
    SPECTRUM = "spectrum"
    """The blank spectrum-of-allies worksheet (it prints nothing chosen)."""
    DEBRIEF = "debrief"
    """A group's run of a scenario, from its run file."""
    CLOSING = "closing"
    """The evaluation and the contact sign-up sheet, for any session or a plan's."""


@dataclass(frozen=True)
class PrintedRun:
    """A run replayed from its file with today's scenario, and what differs from the file."""

    path: Path
    run: Run
    differences: tuple[str, ...] = ()
    group: str = ""  # the name the group gave its run ("Table 3"), or the room's


@dataclass(frozen=True)
class ExportRequest:
    """``modules``: a handout's or guide's modules, in order (none: every module);
    ``plan``: a guide's, agenda's or closing sheets' plan; ``scenario``: a worksheet's choice sheet
    (none: the blank staircase); ``run``: a debrief's run."""

    kind: ExportKind
    modules: tuple[Module, ...] = ()
    plan: Plan | None = None
    scenario: Scenario | None = None
    run: PrintedRun | None = None

    def __post_init__(self) -> None:
        if self.kind is ExportKind.AGENDA and self.plan is None:
            raise ValueError("an agenda needs a session plan")
        if self.kind is ExportKind.DEBRIEF and self.run is None:
            raise ValueError("a debrief needs a run")

    def name(self) -> str:
        """What the request prints, for a file name: a plan's, scenario's, run file's or
        single module's name, ``blank`` for the spectrum sheet, else ``all``."""
        if self.kind is ExportKind.SPECTRUM:
            return "blank"
        if self.run is not None:
            return self.run.path.stem
        for chosen in (self.plan, self.scenario):
            if chosen is not None:
                return chosen.id
        return self.modules[0].id if len(self.modules) == 1 else "all"


class ExportInputError(LookupError):
    """A module, plan, run file or scenario named that cannot be used (the message says why)."""

    def __str__(self) -> str:
        return str(self.args[0])


class NoModulesError(LookupError):
    """The content folders hold no modules to print."""

    def __str__(self) -> str:
        return "no modules found in the content folders"


def plan_modules(plan: Plan, catalog: Catalog) -> tuple[Module, ...]:
    """The modules a plan teaches, in the plan's order, each once (ExportInputError
    names any the library does not have)."""
    ids = [block.ref for block in plan.blocks if block.kind is BlockKind.MODULE and block.ref]
    return modules_named(ids, catalog)


def request_from_arguments(
    kind: ExportKind, names: Sequence[str], catalog: Catalog, problems: list[Problem]
) -> ExportRequest:
    """The request ``teachin export KIND NAMES...`` makes: ``names`` are module ids, one
    session plan (its file or id), a scenario id (worksheet) or a run file (debrief);
    closing sheets take no name or one plan.
    Problems found reading a plan file are added to ``problems``.

    Raises ExportInputError with a message for the user.
    """
    if kind is ExportKind.WORKSHEET:
        return ExportRequest(kind, scenario=_scenario(names[0], catalog) if names else None)
    if kind is ExportKind.SPECTRUM:
        if names:
            raise ExportInputError("the spectrum worksheet prints nothing named: give no ids")
        return ExportRequest(kind)
    if kind is ExportKind.DEBRIEF:
        return ExportRequest(kind, run=read_printed_run(Path(names[0]), catalog))
    if kind is ExportKind.CLOSING:
        return ExportRequest(kind, plan=_plan(names, catalog, problems, required=bool(names)))
    plan = _plan(names, catalog, problems, required=kind is ExportKind.AGENDA)
    if kind is ExportKind.AGENDA:
        return ExportRequest(kind, plan=plan)
    if not catalog.library.modules:
        raise NoModulesError()
    if plan is not None:  # a plan's guide, or its modules' handout
        if kind is ExportKind.GUIDE:
            return ExportRequest(kind, plan=plan)
        return ExportRequest(kind, modules=plan_modules(plan, catalog))
    return ExportRequest(kind, modules=modules_named(names, catalog))


def modules_named(names: Sequence[str], catalog: Catalog) -> tuple[Module, ...]:
    """The modules with these ids, in this order, each once."""
    modules = catalog.library.modules
    unknown = [name for name in names if name not in modules]
    if unknown:
        which = "module" if len(unknown) == 1 else "modules"
        known = ", ".join(sorted(modules)) or "none"
        raise ExportInputError(f"unknown {which}: {', '.join(unknown)} (known modules: {known})")
    return tuple(modules[name] for name in dict.fromkeys(names))


def _plan(
    names: Sequence[str], catalog: Catalog, problems: list[Problem], *, required: bool
) -> Plan | None:
    """The session plan named by the only argument, or None when the arguments are modules."""
    from teachin.plan.fileformat import load_plan

    if len(names) != 1:
        return None
    name = names[0]
    path = Path(name)
    if path.suffix == ".toml" or path.is_file():
        plan, found = load_plan(path)
        problems.extend(found)
        if plan is None:
            raise ExportInputError(f"cannot read the session plan {path}")
        return plan
    if not required and name in catalog.library.modules:
        return None
    if name in catalog.plans:
        return catalog.plans[name]
    if required:
        known = ", ".join(sorted(catalog.plans)) or "none"
        raise ExportInputError(f"no session plan {name!r} (known plans: {known})")
    return None


def _scenario(scenario_id: str, catalog: Catalog) -> Scenario:
    if scenario_id not in catalog.scenarios:
        known = ", ".join(sorted(catalog.scenarios)) or "none"
        raise ExportInputError(f"unknown scenario {scenario_id!r} (known scenarios: {known})")
    return catalog.scenarios[scenario_id]


def read_printed_run(path: Path, catalog: Catalog) -> PrintedRun:
    """The run in ``path`` replayed with today's scenario. Unlike loading a run to play
    on, a run that no longer replays exactly is still printed, with a note saying so:
    the debrief after a workshop should not fail over a typo fix."""
    from teachin.runs.board import given_group_name
    from teachin.runs.runfile import RunFileError, read_run, replay

    try:
        data = read_run(path)
    except RunFileError as exc:
        raise ExportInputError(str(exc)) from None
    scenario = catalog.scenarios.get(data["scenario"])
    if scenario is None:
        known = ", ".join(sorted(catalog.scenarios)) or "none"
        raise ExportInputError(
            f"{path}: the run's scenario {data['scenario']!r} is not in the content "
            f"(known scenarios: {known})"
        )
    try:
        report = replay(data, scenario)
    except (KeyError, TypeError, ValueError) as exc:
        raise ExportInputError(f"{path}: damaged run file ({exc})") from None
    return PrintedRun(path, report.run, tuple(report.differences), given_group_name(data))
