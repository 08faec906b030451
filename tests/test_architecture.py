"""The core never imports Qt: it must run and be tested without a display."""

import subprocess
import sys

CORE_MODULES = [
    "teachin.problems",
    "teachin.tomlfile",
    "teachin.locations",
    "teachin.platform_check",
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
    "teachin.scenario.runfile",
    "teachin.plan.fileformat",
    "teachin.plan.model",
    "teachin.storage",
]


def test_core_imports_no_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(qt)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_qt_packages_guard_none_against_lost_references():
    code = (
        "import sys\n"
        "before = sys.getrefcount(None)\n"
        "import teachin.ui, teachin.export\n"
        "print(sys.getrefcount(None) - before > 1 << 30 or sys.version_info >= (3, 12))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"
