"""Benchmark: PDF export times.

    python benchmarks/export.py [--runs N] [--paper letter|a4]

Times, as the median of ``--runs`` tries after one warm-up (fonts loaded,
templates compiled), from the loaded library to the PDF written:

* the full facilitator guide of the built-in content (target: 2 s at most);
* a participant handout of one module (target: 0.3 s at most);
* the blank staircase worksheet.

Wall-clock and CPU time of this process are both shown: on a busy machine the
CPU figure is the steadier one. A separate start-up line shows what a fresh
``teachin export`` process adds (Python, Qt and the first font lookup).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from teachin.export.documents import ExportDocument, export_pdf, guide, handout, worksheet
from teachin.export.paged import Paper
from teachin.locations import builtin_content_dir
from teachin.qt_application import qt_application
from teachin.workshop.library import load_library

TARGETS = {"guide": 2.0, "handout": 0.3}


def measure(
    make: Callable[[], ExportDocument], path: Path, paper: Paper, runs: int
) -> tuple[float, float, int]:
    export_pdf(make(), path, paper)  # warm-up
    walls, cpus, pages = [], [], 0
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        pages = export_pdf(make(), path, paper).page_count
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), pages


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--paper", choices=[p.value for p in Paper], default="letter")
    args = parser.parse_args()
    app = qt_application(QGuiApplication, [])
    library = load_library([builtin_content_dir()])
    paper = Paper(args.paper)
    first = library.ordered_modules()[0].id
    cases: dict[str, Callable[[], ExportDocument]] = {
        "guide": lambda: guide(library),
        "handout": lambda: handout(library, [first]),
        "worksheet": lambda: worksheet(library),
    }
    print(f"{len(library.modules)} modules, {args.paper}, median of {args.runs} runs")
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for name, make in cases.items():
            wall, cpu, pages = measure(make, Path(folder) / f"{name}.pdf", paper, args.runs)
            target = TARGETS.get(name)
            verdict = ""
            if target is not None:
                verdict = f"  target ≤ {target:.1f} s: {'ok' if wall <= target else 'MISSED'}"
                failed |= wall > target
            print(f"{name:<10} {pages:>3} pages  {wall:6.3f} s wall  {cpu:6.3f} s cpu{verdict}")
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "teachin",
                "export",
                "handout",
                first,
                "-o",
                str(Path(folder) / "cli.pdf"),
            ],
            check=True,
            capture_output=True,
        )
        elapsed = time.perf_counter() - started
        print(f"`teachin export handout {first}` as a new process: {elapsed:.3f} s")
    del app
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
