"""Start-up and module-switch times: teachin against a bare PySide6 window, in one run.

Start-up is measured from process start to the main window shown and its first
module rendered (the largest module, as if it was open when the app last quit),
next to a bare QApplication + empty QMainWindow shown, in alternating runs.
Target: teachin <= 1.5x the bare window. Module switch: median time to open a
module (render + lay out) for the largest module; target <= 30 ms.

    python benchmarks/startup.py [--runs 9]

Uses the screen in DISPLAY when there is one, else Qt's offscreen platform.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1366, 768)
window.show()
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
app.processEvents()
assert window.reader.document().characterCount() > 1000, "no module rendered"
print("ready", flush=True)
"""


def time_child(code: str, args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, env=env, text=True
    )
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=60)
    if line.strip() != "ready" or process.returncode != 0:
        raise SystemExit(f"child failed (exit {process.returncode})")
    return elapsed


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
    args = parser.parse_args()
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
        time_child(BARE, [], env)  # warm the file cache for both
        time_child(TEACHIN, [f"module:{module_id}"], env)
        bare, teachin = [], []
        for _ in range(args.runs):
            bare.append(time_child(BARE, [], env))
            teachin.append(time_child(TEACHIN, [f"module:{module_id}"], env))
        bare_median, teachin_median = statistics.median(bare), statistics.median(teachin)
        print(f"start-up, bare PySide6 window:     median {bare_median * 1000:7.0f} ms over {args.runs} runs")
        print(f"start-up, teachin + module shown:  median {teachin_median * 1000:7.0f} ms over {args.runs} runs")
        print(f"ratio teachin / bare:              {teachin_median / bare_median:7.2f}  (target <= 1.5)")
        first, again = switch_times(module_id, args.runs)
        print(f"switch to {module_id}, uncached:   median {first:7.1f} ms  (target <= 30)")
        print(f"switch to {module_id}, cached:     median {again:7.1f} ms")


if __name__ == "__main__":
    main()
