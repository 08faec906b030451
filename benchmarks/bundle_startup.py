"""Start-up of the Linux bundle next to a wheel install, in one run.

For each, in alternating runs: ``teachin --version`` and ``teachin list --json`` (process
start to exit), and the app (process start to its main window mapped on a virtual X
server of this script's own, seen with xwininfo, so the figure includes up to one
polling interval of 20 ms). Prints the medians and the bundle's time over the wheel's.

    python benchmarks/bundle_startup.py [--bundle dist/teachin] [--installed PATH] [--runs 5]

``--bundle`` is the bundle's folder (packaging/build-linux.sh leaves it in dist/teachin);
``--installed`` a wheel install's ``teachin`` program. Without it, the script installs
the checkout's wheel into a temporary environment that borrows this Python's packages
(as tests/test_packaging.py does), so run it with the interpreter teachin's
dependencies are installed in. Needs Debian's xvfb and x11-utils.
"""

from __future__ import annotations

import argparse
import site
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

from virtual_display import main_window_shown, virtual_display  # beside this script

ROOT = Path(__file__).resolve().parents[1]
PIP = [sys.executable, "-m", "pip"]


def wheel_install(work: Path) -> Path:
    """The checkout's wheel installed in a fresh environment; its teachin program."""
    subprocess.run(
        [*PIP, "wheel", "--no-deps", "-q", "-w", str(work), str(ROOT)],
        check=True,
    )
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    outer = {sysconfig.get_paths()["purelib"], *site.getsitepackages()}
    (Path(purelib) / "outer-deps.pth").write_text("\n".join(sorted(outer)) + "\n")
    wheel = next(work.glob("teachin-*.whl"))
    subprocess.run(
        [*PIP, "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
        check=True,
    )
    return venv / "bin" / "teachin"


def command_seconds(program: Path, env: dict[str, str], *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([str(program), *args], env=env, capture_output=True, check=True)
    return time.perf_counter() - started


def window_seconds(program: Path, env: dict[str, str], display: str) -> float:
    """Process start to a window titled teachin mapped on ``display``."""
    started = time.perf_counter()
    app = subprocess.Popen([str(program)], env=env, stderr=subprocess.DEVNULL)
    try:
        while app.poll() is None:
            if main_window_shown(display):
                return time.perf_counter() - started
            time.sleep(0.02)
        raise RuntimeError(f"{program} stopped before its window showed")
    finally:
        app.terminate()
        app.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "teachin")
    parser.add_argument("--installed", type=Path, help="a wheel install's teachin program")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        installed = args.installed or wheel_install(work / "wheel")
        programs = {"bundle": args.bundle / "teachin", "wheel": installed}
        (work / "home").mkdir()
        env = {"PATH": "/usr/bin:/bin", "HOME": str(work / "home"), "LANG": "C.UTF-8"}
        figures: dict[tuple[str, str], list[float]] = {}
        with virtual_display() as display:
            for _ in range(args.runs):
                for name, program in programs.items():
                    offscreen = env | {"QT_QPA_PLATFORM": "offscreen"}
                    for label, seconds in (
                        ("--version", command_seconds(program, offscreen, "--version")),
                        ("list --json", command_seconds(program, offscreen, "list", "--json")),
                        (
                            "window shown",
                            window_seconds(program, env | {"DISPLAY": display}, display),
                        ),
                    ):
                        figures.setdefault((label, name), []).append(seconds)
    print(f"median of {args.runs} runs   bundle     wheel   bundle/wheel")
    for label in ("--version", "list --json", "window shown"):
        bundle = statistics.median(figures[label, "bundle"])
        wheel = statistics.median(figures[label, "wheel"])
        print(f"{label:<18} {bundle:8.3f} s {wheel:8.3f} s   {bundle / wheel:5.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
