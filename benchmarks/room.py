"""Phones in the room: 200 simulated phones on loopback hold event streams and vote
over three rounds, while a Qt window's loop drains the server's events.

Measured:
- round: for every phone, the time from the GUI's ``show()`` of a new round to the
  phone reading it on its stream;
- vote: for every vote, the time from the phone sending it to the window's drain timer
  (``teachin.ui.phones.phone_link.PhoneLink``, the projector's own) holding a tally
  that counts it (the i-th vote sent is counted once a drained tally has i voters);
- the CPU time and the memory growth (resident size) of the window's process, which
  runs the server thread; the phones run in a process of their own;
- max_loop_ms: how late a 10 ms QTimer of the window fires at worst while votes pour
  in (the projector keeps painting if it stays under 50 ms).

    python benchmarks/room.py [--phones 200] [--rounds 3] [--think 1.0]

The phones vote a random 0 to ``--think`` seconds after they see a round, as people
read and then tap (``--think 0``: every phone at the same instant, the worst case).

Targets (issue 16): p99 under 0.25 s for both, memory growth under 60 MB, max_loop_ms
under 50. The last line reads
``room: phones=N p99_round_s=X p99_vote_s=Y mem_growth_mb=Z max_loop_ms=W``.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, ClassVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

TICK_MS = 10
CHOICES = [("petition", "Petition"), ("committee", "Form a committee"), ("strike", "Rent strike")]


# -- the phones (a process of their own) ---------------------------------------------


async def _phone(
    session: Any, base: str, number: int, rounds: int, think: float, log: dict[str, Any]
) -> None:
    token = f"{number:032d}"
    rng = random.Random(number)
    origin = {"Origin": base.rsplit("/", 2)[0]}
    seen: set[int] = set()
    votes: list[asyncio.Task[None]] = []

    async def vote(round_number: int) -> None:
        await asyncio.sleep(rng.uniform(0, think))  # people read, then tap
        body = {"device": token, "round": round_number, "choice": rng.choice(CHOICES)[0]}
        log["sent"][str(round_number)].append(time.monotonic())
        async with session.post(base + "vote", json=body, headers=origin) as response:
            await response.read()
            log["answered"][str(round_number)].append(time.monotonic())
            log["statuses"].append(response.status)

    async with session.get(f"{base}events?device={token}") as response:
        log["connected"] += 1
        async for line in response.content:
            if not line.startswith(b"data: "):
                continue
            state = json.loads(line[6:])["state"]
            if state.get("mode") != "vote":
                continue
            round_number = state["round"]
            if state["open"] and round_number not in seen:
                seen.add(round_number)
                log["seen"][str(round_number)].append(time.monotonic())
                votes.append(asyncio.create_task(vote(round_number)))
            if not state["open"] and round_number == rounds:
                break
    await asyncio.gather(*votes)


async def _phones(base: str, count: int, rounds: int, think: float) -> dict[str, Any]:
    import aiohttp

    log: dict[str, Any] = {
        "connected": 0,
        "statuses": [],
        **{key: {str(r): [] for r in range(1, rounds + 1)} for key in ("seen", "sent", "answered")},
    }
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=None, sock_read=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        await asyncio.gather(*(_phone(session, base, n, rounds, think, log) for n in range(count)))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    log["cpu_s"] = usage.ru_utime + usage.ru_stime
    return log


def phones_main(base: str, count: int, rounds: int, think: float) -> None:
    print(json.dumps(asyncio.run(_phones(base, count, rounds, think))), flush=True)


# -- the window's side ---------------------------------------------------------------------


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Room:
    """The window's loop: a 10 ms tick (measuring its own lateness) that drives the
    rounds, and the projector's PhoneLink draining the server."""

    def __init__(self, phones: int, rounds: int) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        from teachin.phones.room import Limits
        from teachin.phones.server import PhoneServer
        from teachin.ui.phones.phone_link import PhoneLink

        limits = Limits(max_streams_per_address=phones + 10, action_burst=10)
        self.link = PhoneLink(lambda host, port: PhoneServer(host, port, limits=limits), port=0)
        self.link.changed.connect(self.on_changed)
        self.phones, self.rounds = phones, rounds
        self.loop = QEventLoop()
        self.tick = QTimer()
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self.on_tick)
        self.last_tick = 0.0
        self.lateness: list[float] = []
        self.measuring = False
        self.round = 0
        self.shown: dict[int, float] = {}
        self.counted: dict[int, list[tuple[float, int]]] = {}
        self.process: subprocess.Popen[str] | None = None

    def ballot(self, round_number: int, open_: bool) -> Any:
        from teachin.phones.protocol import BallotState, numbered

        return BallotState(
            round_number, "The landlord raised the rent.", numbered(CHOICES), open_, "Benchmark"
        )

    def next_round(self) -> None:
        if self.round:
            self.link.show(self.ballot(self.round, False))
        if self.round == self.rounds:
            self.measuring = False
            self.loop.quit()
            return
        self.round += 1
        self.counted[self.round] = []
        self.shown[self.round] = time.monotonic()
        self.measuring = True
        self.link.show(self.ballot(self.round, True))

    def on_changed(self) -> None:
        if not self.round and self.link.devices >= self.phones:
            self.next_round()
            return
        if self.round and self.link.tallies.get(self.round) is not None:
            voters = self.link.voters
            self.counted[self.round].append((time.monotonic(), voters))
            if voters >= self.phones:
                self.next_round()

    def on_tick(self) -> None:
        now = time.monotonic()
        if self.measuring and self.last_tick:
            self.lateness.append((now - self.last_tick) * 1000 - TICK_MS)
        self.last_tick = now

    def run(self) -> tuple[str, float]:
        self.tick.start()
        url = self.link.start("127.0.0.1")
        started = time.monotonic()
        self.loop.exec()
        return url, time.monotonic() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def vote_latencies(sent: list[float], counted: list[tuple[float, int]]) -> list[float]:
    """The i-th vote sent counts from the first drained tally with i voters."""
    latencies = []
    for index, when in enumerate(sorted(sent), start=1):
        at = next((t for t, voters in counted if voters >= index), None)
        if at is not None:
            latencies.append(max(0.0, at - when))
    return latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--think",
        type=float,
        default=1.0,
        help="each phone votes a random 0 to THINK seconds after it sees the round (default 1; "
        "0: all at once)",
    )
    parser.add_argument("--phones-at", help=argparse.SUPPRESS)  # the phones' process
    args = parser.parse_args()
    if args.phones_at:
        phones_main(args.phones_at, args.phones, args.rounds, args.think)
        return 0

    from PySide6.QtWidgets import QApplication

    from teachin.qt_application import qt_application

    app = qt_application(QApplication, [])
    from teachin.ui.collector import collect_in_gui_thread

    collector = collect_in_gui_thread(app)  # as the app runs: cycles collected between events
    gc.callbacks.append(CollectionTimer())
    import aiohttp  # noqa: F401 - loaded before the baseline, as the app would have it

    import teachin.phones.server  # noqa: F401

    before_mb = rss_mb()
    before_cpu = resource.getrusage(resource.RUSAGE_SELF)
    room = Room(args.phones, args.rounds)

    def launch() -> None:
        command = [
            sys.executable,
            __file__,
            "--phones",
            str(args.phones),
            "--rounds",
            str(args.rounds),
            "--think",
            str(args.think),
            "--phones-at",
            room.link.url,
        ]
        room.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, launch)
    _url, wall = room.run()
    assert room.process is not None
    out, _ = room.process.communicate(timeout=120)
    after_cpu = resource.getrusage(resource.RUSAGE_SELF)
    growth = rss_mb() - before_mb
    room.link.stop()
    collector.stop()
    app.processEvents()
    cpu = (after_cpu.ru_utime + after_cpu.ru_stime) - (before_cpu.ru_utime + before_cpu.ru_stime)
    report(args.phones, room, json.loads(out), cpu, wall, growth)
    return 0


class CollectionTimer:
    """Times each run of Python's cycle collector (it holds every thread while it runs)."""

    runs: ClassVar[list[tuple[int, float, float]]] = []
    """(generation, wall ms, CPU ms of its thread)"""

    def __init__(self) -> None:
        self.started = (0.0, 0.0)

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.started = (time.monotonic(), time.thread_time())
            return
        wall, cpu = time.monotonic() - self.started[0], time.thread_time() - self.started[1]
        self.runs.append((info["generation"], wall * 1000, cpu * 1000))


def report(
    phones: int, room: Room, log: dict[str, Any], cpu: float, wall: float, growth: float
) -> None:
    rounds = room.rounds

    round_s, vote_s = [], []
    for number in range(1, rounds + 1):
        seen = [t - room.shown[number] for t in log["seen"][str(number)]]
        votes = vote_latencies(log["sent"][str(number)], room.counted[number])
        round_s += seen
        vote_s += votes
        print(
            f"round {number}: {len(seen)} phones saw it: median {statistics.median(seen):.3f} s, "
            f"p99 {percentile(seen, 0.99):.3f} s; {len(votes)} votes counted: median "
            f"{statistics.median(votes):.3f} s, p99 {percentile(votes, 0.99):.3f} s"
        )
    answered = [
        a - s
        for r in log["sent"]
        for s, a in zip(sorted(log["sent"][r]), sorted(log["answered"][r]), strict=False)
    ]
    statuses = {status: log["statuses"].count(status) for status in set(log["statuses"])}
    print(
        f"vote answers (POST round trip): median {statistics.median(answered):.3f} s; statuses {statuses}"
    )
    print(
        f"window + server process: CPU {cpu:.2f} s over {wall:.2f} s wall; "
        f"phones process: CPU {log['cpu_s']:.2f} s; memory growth {growth:.1f} MB"
    )
    lateness = max(room.lateness) if room.lateness else float("nan")
    for generation, what in ((0, "quick"), (2, "full")):
        runs = [(w, c) for g, w, c in CollectionTimer.runs if g == generation]
        if runs:
            longest = max(runs)
            print(
                f"the app's {what} cycle collections (teachin.ui.collector): {len(runs)}, "
                f"longest {longest[0]:.0f} ms ({longest[1]:.0f} ms CPU): the window waits that long"
            )
    print(
        f"window loop while voting: {len(room.lateness)} ticks of {TICK_MS} ms, median lateness "
        f"{statistics.median(room.lateness):.1f} ms, worst {lateness:.1f} ms"
    )
    print(
        f"all figures: median round {statistics.median(round_s):.3f} s, median vote "
        f"{statistics.median(vote_s):.3f} s"
    )
    load = os.getloadavg()[0]
    print(
        f"machine: load average {load:.1f} on {os.cpu_count()} cores (a busy machine stretches every wall time)"
    )
    print(
        f"room: phones={phones} p99_round_s={percentile(round_s, 0.99):.3f} "
        f"p99_vote_s={percentile(vote_s, 0.99):.3f} mem_growth_mb={growth:.1f} "
        f"max_loop_ms={lateness:.1f}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
