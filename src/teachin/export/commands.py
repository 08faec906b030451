"""``teachin export KIND [IDS...] -o OUT.pdf [--paper letter|a4]``.

Qt is imported only when the command runs, so ``teachin --help`` stays light.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a command runs (see above)
    from PySide6.QtGui import QGuiApplication

    from teachin.export.documents import ExportDocument
    from teachin.plan.model import Plan
    from teachin.scenario.model import Scenario
    from teachin.scenario.run import Run
    from teachin.workshop.library import Library

KINDS = {
    "handout": "participant handout for the modules named, or a plan's (default: every module)",
    "guide": "facilitator guide: cover, contents, the modules named or a plan's (with its "
    "agenda), or every module; then the glossary",
    "agenda": "the agenda of a session plan, with clock times (PLAN: a plan file or id)",
    "debrief": "a scenario run for the debrief, from its run file (RUN.json)",
    "worksheet": "blank escalation staircase and planning sheet for your own campaign; "
    "with a scenario id, that scenario's choice sheet for a group without a laptop",
}
PAPERS = ("letter", "a4")

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    content_folders: Callable[[], list[Path]],
) -> None:
    """Registers ``export`` on the ``teachin`` command's subparsers."""
    kinds = "\n".join(f"  {kind:<10} {text}" for kind, text in KINDS.items())
    parser = commands.add_parser(
        "export",
        help="print a handout, the facilitator guide or a worksheet to a PDF",
        description=f"Write a print-ready PDF.\n\n{kinds}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("kind", choices=list(KINDS), help="what to print")
    parser.add_argument(
        "ids",
        nargs="*",
        metavar="ID|FILE",
        help="module ids, as `teachin list` shows them (default: every module), or one "
        "session plan: its file (PLAN.toml) or its id; for a debrief, the run file",
    )
    parser.add_argument(
        "-o", "--output", required=True, type=Path, metavar="OUT.pdf", help="the PDF to write"
    )
    parser.add_argument(
        "--paper",
        choices=PAPERS,
        help="paper size (default: Letter in Canada and the US, A4 elsewhere, from your locale)",
    )

    def run(args: argparse.Namespace) -> int:
        return export_command(args, content_folders)

    parser.set_defaults(func=run)


def export_command(args: argparse.Namespace, content_folders: Callable[[], list[Path]]) -> int:
    if args.kind == "worksheet" and len(args.ids) > 1:
        return _usage("a worksheet takes at most one scenario id (none: the blank staircase)")
    if args.kind == "agenda" and len(args.ids) != 1:
        return _usage("an agenda needs one session plan: its file (PLAN.toml) or its id")
    if args.kind == "debrief" and len(args.ids) != 1:
        return _usage("a debrief needs one run file (RUN.json)")
    app = _application()  # kept alive until the PDF is written
    from teachin.export.documents import UnknownModuleError, export_pdf
    from teachin.export.paged import Paper, default_paper
    from teachin.workshop.library import load_library

    folders = content_folders()
    library = load_library(folders)
    try:
        document = make_document(args.kind, args.ids, folders, library)
    except NoModulesError as exc:
        print(f"teachin export: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except (UnknownModuleError, LookupError) as exc:
        return _usage(str(exc))
    paper = Paper(args.paper) if args.paper else default_paper()
    try:
        paged = export_pdf(document, args.output, paper)
    except OSError as exc:
        print(f"teachin export: {exc}", file=sys.stderr)
        return EXIT_FAILED
    pages = paged.page_count
    del app
    print(f"Wrote {args.output} ({pages} page{'' if pages == 1 else 's'}, {paper.value}).")
    return EXIT_OK


class NoModulesError(LookupError):
    """The content folders hold no modules to print."""

    def __str__(self) -> str:
        return "no modules found in the content folders"


def make_document(
    kind: str, ids: list[str], folders: list[Path], library: Library
) -> ExportDocument:
    """The document to print: ``kind`` is handout, guide, agenda, worksheet or debrief;
    ``ids`` are module ids, a plan (id or file), a scenario id (worksheet) or a run file.

    Raises LookupError (or UnknownModuleError) with a message for the user.
    """
    from teachin.export.documents import agenda, choice_sheet, debrief, guide, handout, worksheet

    if kind == "worksheet" and ids:
        return choice_sheet(_scenario(ids[0], folders), library)
    if kind == "worksheet":
        return worksheet(library)
    if kind == "debrief":
        run, differences = _run_file(Path(ids[0]), folders)
        return debrief(run, library, differences)
    plan = _plan(ids, folders, library, required=kind == "agenda")
    if kind == "agenda":
        if plan is None:
            raise ExportInputError("an agenda needs one session plan: its file or its id")
        return agenda(plan, library, _scenario_titles(folders))
    if not library.modules:
        raise NoModulesError()
    if kind == "guide":
        return guide(
            library,
            None if plan else ids,
            plan=plan,
            scenario_titles=_scenario_titles(folders) if plan else None,
        )
    return handout(library, ids if plan is None else _plan_module_ids(plan, library))


def _usage(message: str) -> int:
    print(f"teachin export: {message}", file=sys.stderr)
    return EXIT_USAGE


class ExportInputError(LookupError):
    """A plan, run file or scenario the command was pointed at that cannot be used."""

    def __str__(self) -> str:
        return str(self.args[0])


def _plan(ids: list[str], folders: list[Path], library: Library, *, required: bool) -> Plan | None:
    """The session plan named by the only argument, or None when the arguments are modules."""
    from teachin.plan.fileformat import load_plan, load_plans

    if len(ids) != 1:
        return None
    name = ids[0]
    path = Path(name)
    if path.suffix == ".toml" or path.is_file():
        plan, problems = load_plan(path)
        for problem in problems:
            print(problem, file=sys.stderr)
        if plan is None:
            raise ExportInputError(f"cannot read the session plan {path}")
        return plan
    if not required and name in library.modules:
        return None
    plans, _ = load_plans(folders)
    if name in plans:
        return plans[name]
    if required:
        known = ", ".join(sorted(plans)) or "none"
        raise ExportInputError(f"no session plan {name!r} (known plans: {known})")
    return None


def _scenario(scenario_id: str, folders: list[Path]) -> Scenario:
    from teachin.scenario.loader import load_scenarios

    scenarios, _ = load_scenarios(folders)
    if scenario_id not in scenarios:
        known = ", ".join(sorted(scenarios)) or "none"
        raise ExportInputError(f"unknown scenario {scenario_id!r} (known scenarios: {known})")
    return scenarios[scenario_id]


def _run_file(path: Path, folders: list[Path]) -> tuple[Run, list[str]]:
    """The run replayed from its file with today's scenario, and what differs."""
    from teachin.runs.runfile import RunFileError, read_run, replay
    from teachin.scenario.loader import load_scenarios

    try:
        data = read_run(path)
    except RunFileError as exc:
        raise ExportInputError(str(exc)) from None
    scenarios, _ = load_scenarios(folders)
    scenario = scenarios.get(data["scenario"])
    if scenario is None:
        known = ", ".join(sorted(scenarios)) or "none"
        raise ExportInputError(
            f"{path}: the run's scenario {data['scenario']!r} is not in the content "
            f"(known scenarios: {known})"
        )
    try:
        report = replay(data, scenario)
    except (KeyError, TypeError, ValueError) as exc:
        raise ExportInputError(f"{path}: damaged run file ({exc})") from None
    # Unlike load_run(), a run that no longer replays exactly is still printed, with a
    # note saying so: the debrief after a workshop should not fail over a typo fix.
    return report.run, report.differences


def _scenario_titles(folders: list[Path]) -> dict[str, str]:
    """Scenario titles for a plan's scenario blocks (their ids if scenarios cannot load)."""
    try:
        from teachin.scenario.loader import load_scenarios

        scenarios, _ = load_scenarios(folders)
    except Exception:
        return {}
    return {scenario_id: scenario.title for scenario_id, scenario in scenarios.items()}


def _plan_module_ids(plan: Plan, library: Library) -> list[str]:
    from teachin.export.documents import plan_modules

    return plan_modules(plan, library)


def _application() -> QGuiApplication:
    """The QGuiApplication that fonts and PDF writing need; offscreen without a display."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from teachin.qt_application import qt_application

    return qt_application(QGuiApplication, [])
