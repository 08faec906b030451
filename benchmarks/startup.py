"""Start-up and module-switch times: teachin against a bare PySide6 window, in one run.

Start-up is measured from process start to the main window shown and its first
module rendered (the largest module, as if it was open when the app last quit),
next to a bare QApplication + empty QMainWindow shown, in alternating runs.
Target: teachin <= 1.5x the bare window. Module switch: median time to open a
module (render + lay out) for the largest module; target <= 30 ms.

    python benchmarks/startup.py [--runs 9]

Both count as shown once the window is exposed (mapped on an X server). Uses the
screen in DISPLAY when there is one, else Qt's offscreen platform; `--xvfb`
starts a virtual X server for the run (Debian's xvfb), which is the realistic case.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1366, 768)
window.show()
while not window.windowHandle().isExposed():
    app.processEvents()
app.processEvents()
print("ready", flush=True)
"""

TEACHIN = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from teachin.userdirs import set_application_names, user_content_dir
app = QApplication([])
set_application_names()
from teachin.ui.main_window import MainWindow
from teachin.ui.settings import Settings
settings = Settings()
settings.last_location = sys.argv[1]
window = MainWindow(settings, user_content_dir(), [])
window.resize(1366, 768)
window.show()
while not window.windowHandle().isExposed():
    app.processEvents()
app.processEvents()
assert window.reader.document().characterCount() > 1000, "no module rendered"
print("ready", flush=True)
"""


def time_child(code: str, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time to "ready", and the CPU time the child used in all (less
    sensitive to other work on the machine than the wall time)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, env=env, text=True
    )
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.stdout.close()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if line.strip() != "ready" or process.returncode != 0:
        raise SystemExit(f"child failed (exit {process.returncode})")
    return elapsed, usage.ru_utime + usage.ru_stime


def largest_module() -> tuple[str, int]:
    from teachin.locations import builtin_content_dir
    from teachin.workshop.library import load_library

    library = load_library([builtin_content_dir()])
    module = max(library.modules.values(), key=lambda m: len(m.text))
    return module.id, len(module.text.split())


def switch_times(module_id: str, runs: int) -> tuple[float, float]:
    """Median ms to open the largest module: first time (nothing cached) and again."""
    from PySide6.QtWidgets import QApplication

    from teachin.userdirs import set_application_names, user_content_dir

    app = QApplication.instance() or QApplication([])
    set_application_names()
    from teachin.ui.main_window import MainWindow
    from teachin.ui.settings import Settings

    window = MainWindow(Settings(), user_content_dir(), [])
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    others = [m.id for m in window.library.ordered_modules() if m.id != module_id]
    first, again = [], []
    for index in range(runs):
        window.pages = type(window.pages)(window.library)  # drop cached HTML
        for target, samples in ((module_id, first), (others[index % len(others)], None), (module_id, again)):
            start = time.perf_counter()
            window.open_href(f"module:{target}")
            app.processEvents()
            if samples is not None:
                samples.append((time.perf_counter() - start) * 1000)
    window.close()
    return statistics.median(first), statistics.median(again)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--xvfb", action="store_true", help="run on a virtual X server (Xvfb)")
    args = parser.parse_args()
    xvfb = None
    if args.xvfb:
        xvfb = subprocess.Popen(["Xvfb", ":97", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"])
        time.sleep(1.0)
        os.environ["DISPLAY"] = ":97"
        os.environ.pop("QT_QPA_PLATFORM", None)
    try:
        measure(args)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()


def measure(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data")
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        os.environ.update({k: env[k] for k in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME")})
        if "QT_QPA_PLATFORM" in env:
            os.environ["QT_QPA_PLATFORM"] = env["QT_QPA_PLATFORM"]
        module_id, words = largest_module()
        platform = env.get("QT_QPA_PLATFORM", f"xcb on {env.get('DISPLAY')}")
        print(f"platform: {platform}; largest module: {module_id} ({words} words)")
        # Both children start as installed programs do: with their modules' compiled
        # bytecode (pip compiles a package when it installs it). A session that sets
        # PYTHONDONTWRITEBYTECODE would otherwise recompile teachin on every start.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = f"{home}/pycache"
        print("bytecode: compiled once, kept between starts (as after pip install)")
        time_child(BARE, [], env)  # warm the file cache for both
        time_child(TEACHIN, [f"module:{module_id}"], env)
        bare, teachin = [], []
        for _ in range(args.runs):
            bare.append(time_child(BARE, [], env))
            teachin.append(time_child(TEACHIN, [f"module:{module_id}"], env))
        for index, what in ((0, "wall time to shown"), (1, "CPU time, whole process")):
            bare_median = statistics.median(sample[index] for sample in bare)
            teachin_median = statistics.median(sample[index] for sample in teachin)
            print(
                f"start-up {what}: bare PySide6 window {bare_median * 1000:5.0f} ms, "
                f"teachin with module {teachin_median * 1000:5.0f} ms, "
                f"ratio {teachin_median / bare_median:4.2f} (target <= 1.5; median of {args.runs})"
            )
        first, again = switch_times(module_id, args.runs)
        print(f"switch to {module_id}, uncached:   median {first:7.1f} ms  (target <= 30)")
        print(f"switch to {module_id}, cached:     median {again:7.1f} ms")


if __name__ == "__main__":
    main()
