"""The ``teachin`` command: opens the app, or runs a command on the content."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from teachin import __version__
from teachin.problems import Problem, Severity

if TYPE_CHECKING:  # loaded when a command runs: ``teachin --help`` stays light
    from teachin.packcheck import Selection
    from teachin.workshop.library import Library
    from teachin.workshop.module import Module


def _user_content_dir() -> Path:
    from teachin.ui.userdirs import user_content_dir  # QtCore only; kept out of --help

    return user_content_dir()


class Context:
    """What every command needs: the content folders, lowest layer first.

    Feature packages register their commands before the arguments are parsed,
    so they get ``folders`` as a callable that reads this invocation's context.
    """

    def __init__(self) -> None:
        self.extra: list[Path] = []

    def configure(self, args: argparse.Namespace) -> None:
        self.extra = [Path(folder) for folder in args.content or []]

    def folders(self) -> list[Path]:
        from teachin.locations import content_folders

        return content_folders(_user_content_dir(), self.extra)


def build_parser(context: Context) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="teachin",
        description="Popular-education workshops on social-movement strategy. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"teachin {__version__}")
    parser.add_argument(
        "--content",
        action="append",
        metavar="DIR",
        help="add a content folder on top of the built-in one (may be repeated)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    list_parser = commands.add_parser(
        "list", help="list the modules, scenarios and session plans found"
    )
    list_parser.add_argument("--json", action="store_true", help="print one JSON object")
    list_parser.set_defaults(func=lambda args: _list(args, context))

    check_parser = commands.add_parser(
        "check", help="check content files and print each problem as path:line: message"
    )
    check_parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="content folders or files to check (default: built-in and your own content)",
    )
    check_parser.set_defaults(func=lambda args: _check(args, context))

    play_parser = commands.add_parser(
        "play", help="open the scenario player on its own (for a group's laptop)"
    )
    play_parser.set_defaults(func=lambda args: _play(context))

    for add_commands in _feature_commands():
        add_commands(commands, context.folders)
    return parser


if TYPE_CHECKING:  # argparse._SubParsersAction cannot be subscripted at run time
    # A feature's ``add_commands``: it registers its commands on ``teachin``'s
    # subparsers; the function it is given returns the content folders, once parsed.
    AddCommands = Callable[
        [argparse._SubParsersAction[argparse.ArgumentParser], Callable[[], list[Path]]], None
    ]


def _feature_commands() -> list[AddCommands]:
    """Commands that live beside their feature (scenarios, export, phones)."""
    from teachin.export.commands import add_commands as add_export_commands
    from teachin.phones.commands import add_commands as add_phone_commands
    from teachin.scenario.commands import add_commands as add_scenario_commands

    return [add_scenario_commands, add_export_commands, add_phone_commands]


def _list(args: argparse.Namespace, context: Context) -> int:
    from teachin.catalog import load_catalog

    catalog = load_catalog(context.folders())
    listing = catalog.listing()
    notes = [
        str(problem)
        for problem in [*catalog.library.problems, *catalog.problems]
        if problem.severity == Severity.INFO
    ]
    if args.json:
        print(json.dumps(listing, indent=2, ensure_ascii=False))
    else:
        for kind, items in listing.items():
            print(f"{kind.capitalize()} ({len(items)}):")
            for item in items:
                minutes = f"  {item['minutes']} min" if item.get("minutes") else ""
                print(f"  {item['id']:<32} {item['title']}{minutes}")
    for note in notes:  # on stderr, so that --json prints only JSON
        print(f"Note: {note}", file=sys.stderr)
    return 0


def _play(context: Context) -> int:
    from teachin.ui.app import run_player

    return run_player(context.extra)


def _content_folder_of(path: Path) -> Path:
    if path.is_dir():
        return path
    parent = path.parent
    return parent.parent if parent.name in ("modules", "scenarios", "plans") else parent


def _check(args: argparse.Namespace, context: Context) -> int:
    from teachin.catalog import check_catalog, load_catalog
    from teachin.packcheck import check_selection, select

    folders = context.folders()
    if args.paths:
        paths = [path.absolute() for path in args.paths]
        # Each file is checked among the other files of its pack (links to them resolve).
        known = {folder.resolve() for folder in folders}
        for folder in dict.fromkeys(_content_folder_of(path) for path in paths if path.exists()):
            if folder.resolve() not in known:
                folders.append(folder)
        selection = select(paths)
        problems = check_selection(selection, folders)
        problems.extend(_given_take_home_problems(selection, folders))
        return _report(_in_order(problems), len(selection.files))
    # Everything in every layer: later folders replace earlier ones by id.
    checked = len(select([folder for folder in folders if folder.is_dir()]).files)
    catalog = load_catalog(folders)
    problems = check_catalog(catalog) + _take_home_problems(catalog.library)
    return _report(_in_order(problems), checked)


def _in_order(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (str(p.path), p.line, p.message))


def _take_home_problems(library: Library, modules: list[Module] | None = None) -> list[Problem]:
    """The take-homes that print on more than two pages (laid out by the PDF renderer)."""
    from teachin.export.commands import print_application

    app = print_application()  # fonts and page layout need it
    from teachin.export.take_home_check import take_home_problems

    problems = take_home_problems(library, modules)
    del app
    return problems


def _given_take_home_problems(selection: Selection, folders: list[Path]) -> list[Problem]:
    """The take-home problems of the module files given to ``teachin check``."""
    from teachin.packcheck import MODULE
    from teachin.workshop.library import add_modules, load_library

    paths = selection.of_kind(MODULE)
    if not paths:
        return []
    library = load_library(folders)
    add_modules(library, paths)
    given = {path.resolve() for path in paths}
    modules = [m for m in library.ordered_modules() if m.path.resolve() in given]
    return _take_home_problems(library, modules)


def _report(problems: list[Problem], checked: int) -> int:
    for problem in problems:
        print(problem)
    errors = sum(problem.severity == Severity.ERROR for problem in problems)
    warnings = sum(problem.severity == Severity.WARNING for problem in problems)
    files = f"Checked {checked} file{'' if checked == 1 else 's'}"
    if errors or warnings:
        print(f"{files}: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    else:
        print(f"{files}: no problems found.", file=sys.stderr)
    return 1 if errors else 0


def _missing_content_folders(context: Context) -> int:
    """An error for each ``--content`` folder that does not exist (1), else 0."""
    missing = [folder for folder in context.extra if not folder.is_dir()]
    for folder in missing:
        print(f"{folder}:1: error: content folder not found: {folder}", file=sys.stderr)
    return 1 if missing else 0


def main(argv: Sequence[str] | None = None) -> int:
    context = Context()
    parser = build_parser(context)
    args = parser.parse_args(argv)
    context.configure(args)
    if args.command is not None and _missing_content_folders(context):
        return 1
    if args.command is None:
        from teachin.ui.app import run_app

        return run_app(context.extra)
    try:
        code: int = args.func(args)
    except BrokenPipeError:
        # The reader went away (`teachin simulate ... | head`): stop quietly, as
        # other command-line tools do, instead of printing a traceback.
        sys.stderr.close()
        return 0
    return code
