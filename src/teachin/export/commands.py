"""``teachin export KIND [IDS...] -o OUT.pdf [--paper letter|a4]``.

Qt is imported only when the command runs, so ``teachin --help`` stays light.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

KINDS = {
    "handout": "participant handout for the modules named (default: every module)",
    "guide": "facilitator guide: cover, contents, the modules named (default: all), glossary",
    "worksheet": "blank escalation staircase and planning sheet for your own campaign",
}
PAPERS = ("letter", "a4")

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def add_commands(
    commands: argparse._SubParsersAction, content_folders: Callable[[], list[Path]]
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
        metavar="ID",
        help="module ids, as `teachin list` shows them (default: every module)",
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
    if args.kind == "worksheet" and args.ids:
        print("teachin export: a worksheet takes no module ids", file=sys.stderr)
        return EXIT_USAGE
    app = _application()  # kept alive until the PDF is written
    from teachin.export.documents import UnknownModuleError, export_pdf, guide, handout, worksheet
    from teachin.export.paged import Paper, default_paper
    from teachin.workshop.library import load_library

    library = load_library(content_folders())
    try:
        if args.kind == "worksheet":
            document = worksheet(library)
        else:
            if not library.modules:
                print("teachin export: no modules found in the content folders", file=sys.stderr)
                return EXIT_FAILED
            document = (handout if args.kind == "handout" else guide)(library, args.ids)
    except UnknownModuleError as exc:
        print(f"teachin export: {exc}", file=sys.stderr)
        return EXIT_USAGE
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


def _application() -> object:
    """The QGuiApplication that fonts and PDF writing need; offscreen without a display."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([])
