"""The ``serve`` command: the room's phones without windows. Qt-free."""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from pathlib import Path

from teachin.phones.address import LOOPBACK, default_address
from teachin.phones.headless import GroupsPlay, play_vote
from teachin.phones.server import PhoneServer
from teachin.runs.store import RunStore
from teachin.scenario.loader import load_scenarios


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not (math.isfinite(value) and 0.5 <= value <= 24 * 3600):
        raise argparse.ArgumentTypeError("must be between 0.5 and 86400 seconds")
    return value


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("must be between 0 and 65535 (0: any free port)")
    return value


def add_commands(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    content_folders: Callable[[], list[Path]],
) -> None:
    serve = subparsers.add_parser(
        "serve",
        help="let phones in the room play a scenario in their browsers, without windows",
        description=(
            "Serve SCENARIO to the phones in the room over the local network (no internet). "
            "The first two lines printed are 'join: URL' and 'code: CODE'. In vote mode, once "
            "a phone has joined, each round is open --round-seconds, then the phones' majority decides (a tie goes to "
            "the option listed first among the tied; with no vote at all, to option 1) and "
            "the run is saved. In groups mode each table plays its own game on its devices "
            "and its run is saved in the folder after every step. Ctrl+C ends it."
        ),
    )
    serve.add_argument("scenario", metavar="SCENARIO", help="scenario id (see 'teachin list')")
    serve.add_argument("--mode", choices=("vote", "groups"), default="vote")
    serve.add_argument(
        "--bind",
        metavar="ADDR",
        help="the address to listen on (default: this machine's first private address; "
        "0.0.0.0 listens on every network, only if you ask)",
    )
    serve.add_argument("--port", type=_port, default=8123, help="(default: 8123; 0: any)")
    serve.add_argument(
        "--round-seconds", type=_seconds, default=90.0, metavar="S", help="(default: 90)"
    )
    where = serve.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", type=Path, metavar="RUN.json", help="vote mode's run file")
    where.add_argument(
        "--runs-dir", type=Path, metavar="DIR", help="folder for the runs (default: here)"
    )
    serve.set_defaults(func=lambda args: run_serve(args, content_folders))


def _say(text: str) -> None:
    print(text, flush=True)


def run_serve(args: argparse.Namespace, content_folders: Callable[[], list[Path]]) -> int:
    if args.output is not None and args.output.exists():
        print(f"teachin: {args.output} already exists: give another -o", file=sys.stderr)
        return 2
    if args.mode == "groups" and args.output is not None:
        print("teachin: groups mode saves one run a table: give --runs-dir", file=sys.stderr)
        return 2
    scenarios, problems = load_scenarios(list(content_folders()))
    scenario = scenarios.get(args.scenario)
    if scenario is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"teachin: no scenario '{args.scenario}'", file=sys.stderr)
        return 2
    host = args.bind or default_address()
    server = PhoneServer(host, args.port)
    try:
        url = server.start()
    except OSError as exc:
        print(f"teachin: {exc.strerror or exc}", file=sys.stderr)
        return 1
    store = RunStore(args.runs_dir or Path.cwd())
    try:
        _say(f"join: {url}")
        _say(f"code: {server.code}")
        if host == LOOPBACK and not args.bind:
            print(
                "Note: this machine has no private network address: only it can join. "
                "Join a Wi-Fi or a phone's hotspot, or give --bind.",
                file=sys.stderr,
            )
        if args.mode == "vote":
            path = args.output or store.new_path(scenario.id)
            play_vote(server, scenario, path, args.round_seconds, _say)
            _say(f"check it: teachin replay {path}")
        else:
            GroupsPlay(server, scenario, store, _say).run_forever()
    except KeyboardInterrupt:
        _say("stopped")
    except OSError as exc:
        print(f"teachin: cannot save the run: {exc}", file=sys.stderr)
        return 1
    finally:
        server.stop()
    return 0
