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

    from teachin.problems import Problem

KINDS = {
    "handout": "participant take-home (one or two pages a module) for the modules named, "
    "or a plan's (default: every module)",
    "guide": "facilitator guide: cover, contents, the modules named or a plan's (with its "
    "agenda), or every module; then the glossary",
    "agenda": "the agenda of a session plan, with clock times (PLAN: a plan file or id)",
    "debrief": "a scenario run for the debrief, from its run file (RUN.json)",
    "worksheet": "blank escalation staircase and planning sheet for your own campaign; "
    "with a scenario id, that scenario's choice sheet for a group without a laptop",
    "spectrum": "blank spectrum-of-allies worksheet: five wedges to write groups in, "
    "who decides, and the groups to move one wedge closer",
    "closing": "the closing sheets: an evaluation to copy for each person and a contact "
    "sign-up sheet that says what the group will and won't do with the names "
    "(PLAN, optional: names the session on both)",
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
        help="print a handout, the facilitator guide, a worksheet or closing sheets to a PDF",
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
    if args.kind == "closing" and len(args.ids) > 1:
        return _usage("closing sheets take at most one session plan: its file or its id")
    if args.kind == "debrief" and len(args.ids) != 1:
        return _usage("a debrief needs one run file (RUN.json)")
    app = print_application()  # kept alive until the PDF is written
    from teachin.catalog import load_catalog
    from teachin.export.documents import export_pdf
    from teachin.export.make import make_document
    from teachin.export.paged import Paper, default_paper
    from teachin.export.request import (
        ExportKind,
        NoModulesError,
        request_from_arguments,
    )

    catalog = load_catalog(content_folders())
    problems: list[Problem] = []
    try:
        request = request_from_arguments(ExportKind(args.kind), args.ids, catalog, problems)
    except NoModulesError as exc:
        print(f"teachin export: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except LookupError as exc:
        return _usage(str(exc))
    finally:
        for problem in problems:
            print(problem, file=sys.stderr)
    paper = Paper(args.paper) if args.paper else default_paper()
    output = pdf_path(args.output)
    try:
        paged = export_pdf(make_document(request, catalog), output, paper)
    except OSError as exc:
        print(f"teachin export: {exc}", file=sys.stderr)
        return EXIT_FAILED
    pages = paged.page_count
    del app
    print(f"Wrote {output} ({pages} page{'' if pages == 1 else 's'}, {paper.value}).")
    return EXIT_OK


def pdf_path(path: Path) -> Path:
    """``path``, ending in ``.pdf``: a name given without it gets it, so the file
    opens in a PDF reader by a double click."""
    if path.suffix.lower() == ".pdf":
        return path
    return path.with_name(path.name + ".pdf")


def _usage(message: str) -> int:
    print(f"teachin export: {message}", file=sys.stderr)
    return EXIT_USAGE


def print_application() -> QGuiApplication:
    """The QGuiApplication that fonts and PDF writing need; offscreen without a display."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from teachin.qt_application import qt_application

    return qt_application(QGuiApplication, [])
