"""Start-up and module-switch times: teachin against a bare PySide6 window, in one run.

Start-up is measured from process start to the main window shown and its first
module rendered (the largest module, as if it was open when the app last quit),
through the app's own start (teachin.ui.app.start), next to, in alternating runs:

- a bare QApplication + empty QMainWindow, shown (the yardstick: target teachin <= 1.5x);
- the same widgets as teachin's main window (menus, toolbar, sidebar with a search
  field and a tree, reader, status bar) showing the same page, in plain PySide6 with
  no teachin code: what Qt itself costs for that window, the floor for any app.

Module switch: median time to open a module (render + lay out) for the largest
module; target <= 30 ms.

    python benchmarks/startup.py [--runs 9] [--xvfb]

Run it with the interpreter teachin is installed in (a virtual environment): the
figures include Python's own start, which a site-packages with start-up hooks slows.
All count as shown once the window is exposed (mapped on an X server). Uses the
screen in DISPLAY when there is one, else Qt's offscreen platform; `--xvfb` starts
a virtual X server for the run (Debian's xvfb), which is the realistic case.
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
while not window.windowHandle().isExposed():
    app.processEvents()
app.processEvents()
print("ready", flush=True)
"""

SAME_WIDGETS = """
import sys
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QLabel, QLineEdit, QListWidget, QMainWindow, QTextBrowser,
    QToolBar, QToolButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)
app = QApplication([])
window = QMainWindow()
window.resize(1366, 768)
actions = []
for title in ("&File", "&Go", "&View", "Pl&ay", "&Present", "&Help"):
    menu = window.menuBar().addMenu(title)
    for index in range(4):
        action = QAction(f"{title} {index}", window)
        action.setShortcut(f"Ctrl+Alt+{len(actions)}")
        menu.addAction(action)
        actions.append(action)
toolbar = QToolBar(window)
toolbar.addActions(actions[:5])
window.addToolBar(toolbar)
sidebar = QWidget()
layout = QVBoxLayout(sidebar)
layout.addWidget(QLineEdit())
results = QListWidget()
results.hide()
layout.addWidget(results)
tree = QTreeWidget()
tree.setColumnCount(2)
tree.setHeaderHidden(True)
for part in range(4):
    item = QTreeWidgetItem(tree, [f"Part {part}", "2 h 30"])
    for module in range(3):
        QTreeWidgetItem(item, [f"Module {part}.{module}: a title of some length", "45 min"])
tree.expandAll()
layout.addWidget(tree)
dock = QDockWidget("Library", window)
dock.setWidget(sidebar)
window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
reader = QTextBrowser()
window.setCentralWidget(reader)
window.statusBar().addPermanentWidget(QLabel("Text 100%"))
window.statusBar().addPermanentWidget(QToolButton())
window.show()
reader.setHtml(Path(sys.argv[1]).read_text(encoding="utf-8"))
while not window.windowHandle().isExposed():
    app.processEvents()
app.processEvents()
assert reader.document().characterCount() > 1000, "no page rendered"
print("ready", flush=True)
"""

TEACHIN = """
import sys
from teachin.ui.settings import Settings
from teachin.ui.userdirs import set_application_names
set_application_names()
Settings().last_location = sys.argv[1]  # as if the module was open at the last quit
from teachin.ui.app import make_main_window, start
def main_window():
    window = make_main_window([])
    window.resize(1366, 768)  # as if restored: the size the other windows get
    return window
app, window = start(main_window)
while not window.windowHandle().isExposed():
    app.processEvents()
app.processEvents()
assert window.reader.document().characterCount() > 1000, "no module rendered"
print("ready", flush=True)
"""


def time_child(
    code: str, args: list[str], env: dict[str, str], ready: bool = True
) -> tuple[float, float]:
    """Wall time to "ready" (or to exit, for a child that prints nothing), and the
    CPU time the child used in all (less sensitive to other work on the machine)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, env=env, text=True
    )
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.stdout.close()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if (ready and line.strip() != "ready") or process.returncode != 0:
        raise SystemExit(f"child failed (exit {process.returncode})")
    return elapsed, usage.ru_utime + usage.ru_stime


def largest_module() -> tuple[str, int, str]:
    """The largest module's id, words, and the HTML the reader shows for it."""
    from teachin.locations import builtin_content_dir
    from teachin.ui.settings import Settings
    from teachin.workshop.library import load_library
    from teachin.workshop.pages import Location, PageCache
    from teachin.workshop.render import Style
    from teachin.workshop.themes import theme_named
    from teachin.workshop.views import View

    library = load_library([builtin_content_dir()])
    module = max(library.modules.values(), key=lambda m: len(m.text))
    settings = Settings()
    view = View.FACILITATOR if settings.show_notes else View.PARTICIPANT
    style = Style(theme_named(settings.theme), settings.zoom)
    html = PageCache(library).html(Location("module", module.id), view, style)
    return module.id, len(module.text.split()), html


def switch_times(module_id: str, runs: int) -> dict[str, float]:
    """Median ms to open the largest module from another one, the way a user does
    (render, parse, lay out and paint), in three cases."""
    from PySide6.QtWidgets import QApplication

    from teachin.qt_application import qt_application
    from teachin.ui.userdirs import set_application_names, user_content_dir

    app = qt_application(QApplication, [])
    set_application_names()
    from teachin.ui.main_window import MainWindow
    from teachin.ui.settings import Settings
    from teachin.workshop.pages import PageCache

    window = MainWindow(Settings(), user_content_dir(), [], check_delay_ms=10**9)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    others = [m.id for m in window.library.ordered_modules() if m.id != module_id]
    reader = window.reader

    def forget_documents() -> None:
        for document in reader._documents.values():
            document.deleteLater()
        reader._documents.clear()

    def prepared() -> None:  # what the window does in the background after start-up
        window.pages.prepare(window._view(), window._style(), lambda: True)

    def unrendered() -> None:  # no page made yet, in memory or on disk
        window.pages = PageCache(window.library)

    cases = {
        "first time, page made ahead (as after start-up)": prepared,
        "again, page shown before": lambda: None,
        "first time, nothing made (Markdown too)": unrendered,
    }
    times: dict[str, list[float]] = {case: [] for case in cases}
    for index in range(runs):
        for case, prepare in cases.items():
            window.open_href(f"module:{others[index % len(others)]}")
            app.processEvents()
            if case != "again, page shown before":
                forget_documents()
                app.processEvents()
            prepare()
            start = time.perf_counter()
            window.open_href(f"module:{module_id}")
            app.processEvents()
            times[case].append((time.perf_counter() - start) * 1000)
    window.close()
    return {case: statistics.median(samples) for case, samples in times.items()}


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
        env = dict(
            os.environ, HOME=home, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data"
        )
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        os.environ.update({k: env[k] for k in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME")})
        if "QT_QPA_PLATFORM" in env:
            os.environ["QT_QPA_PLATFORM"] = env["QT_QPA_PLATFORM"]
        module_id, words, html = largest_module()
        page = Path(home) / "page.html"
        page.write_text(html, encoding="utf-8")
        platform = env.get("QT_QPA_PLATFORM", f"xcb on {env.get('DISPLAY')}")
        print(f"platform: {platform}; largest module: {module_id} ({words} words)")
        print(f"python: {sys.executable}")
        # All children start as installed programs do: with their modules' compiled
        # bytecode (pip compiles a package when it installs it). A session that sets
        # PYTHONDONTWRITEBYTECODE would otherwise recompile teachin on every start.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = f"{home}/pycache"
        print("bytecode: compiled once, kept between starts (as after pip install)")
        children = {
            "python alone": ("pass", []),
            "bare PySide6 window": (BARE, []),
            "same widgets and page, plain PySide6": (SAME_WIDGETS, [str(page)]),
            "teachin with the module": (TEACHIN, [f"module:{module_id}"]),
        }
        for code, child_args in children.values():  # warm the file cache and bytecode
            time_child(code, child_args, env, ready=code != "pass")
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in children}
        for _ in range(args.runs):
            for name, (code, child_args) in children.items():
                samples[name].append(time_child(code, child_args, env, ready=code != "pass"))
        bare = "bare PySide6 window"
        for index, what in ((0, "wall time to shown"), (1, "CPU time, whole process")):
            print(f"start-up, {what} (median of {args.runs}):")
            medians = {
                name: statistics.median(s[index] for s in runs) for name, runs in samples.items()
            }
            for name, median in medians.items():
                ratio = "" if name == "python alone" else f"  {median / medians[bare]:4.2f}x bare"
                print(f"  {name:38s} {median * 1000:5.0f} ms{ratio}")
            print(
                f"  teachin / bare window: {medians['teachin with the module'] / medians[bare]:4.2f} "
                f"(target <= 1.5); teachin / same widgets: "
                f"{medians['teachin with the module'] / medians['same widgets and page, plain PySide6']:4.2f}"
            )
        print(
            f"switch to {module_id} from another module (median of {args.runs}; target <= 30 ms):"
        )
        for case, median in switch_times(module_id, args.runs).items():
            print(f"  {case:50s} {median:6.1f} ms")


if __name__ == "__main__":
    main()
