"""The core never imports Qt: it must run and be tested without a display."""

import subprocess
import sys

CORE_MODULES = [
    "teachin.problems",
    "teachin.tomlfile",
    "teachin.locations",
    "teachin.workshop.library",
    "teachin.workshop.render",
    "teachin.workshop.check",
    "teachin.workshop.search",
    "teachin.workshop.staircase",
    "teachin.workshop.staircase_svg",
    "teachin.catalog",
    "teachin.scenario.engine",
    "teachin.scenario.loader",
    "teachin.scenario.check",
    "teachin.scenario.simulate",
    "teachin.runs.runfile",
    "teachin.runs.store",
    "teachin.runs.room",
    "teachin.runs.board",
    "teachin.workshop.pages",
    "teachin.workshop.history",
    "teachin.plan.fileformat",
    "teachin.plan.model",
    "teachin.storage",
    "teachin.limits",
]


def test_core_imports_no_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(qt)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_none_is_guarded_against_pyside6_612_lost_references():
    code = (
        "import sys\n"
        "from teachin.none_refcount import keep_none_alive\n"
        "before = sys.getrefcount(None)\n"
        "print(keep_none_alive((6, 11, 3)), sys.getrefcount(None) - before < 1000)\n"
        "print(keep_none_alive((6, 12, 0)), sys.getrefcount(None) - before > 1 << 30)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    if sys.version_info >= (3, 12):
        assert result.stdout.split() == ["False", "True", "False", "True"]
    else:
        assert result.stdout.split() == ["False", "True", "True", "True"]
