"""The core never imports Qt: it must run and be tested without a display."""

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import teachin

# The Qt side: the widgets, and export (which paints PDFs with QtGui). Everything else
# is the core, found by walking the package, so a new module is covered the day it lands.
QT_PACKAGES = ("teachin.ui", "teachin.export")


def core_modules() -> list[str]:
    """Every module of teachin outside the Qt packages, found without importing any
    (importing a package to list it would run its imports); ``__main__`` modules are
    left out, since importing one starts the program."""
    found = []

    def walk(path: Path, prefix: str) -> None:
        for info in pkgutil.iter_modules([str(path)], prefix):
            name = info.name
            if name.startswith(QT_PACKAGES) or name.rsplit(".", 1)[-1] == "__main__":
                continue
            if "qt" in name.rsplit(".", 1)[-1].lower():
                continue  # a module named for Qt says it belongs to the Qt side
            found.append(name)
            if info.ispkg:
                walk(path / name.rsplit(".", 1)[-1], name + ".")

    (package_dir,) = teachin.__path__
    walk(Path(package_dir), "teachin.")
    return sorted(found)


def test_the_walk_finds_the_core_and_nothing_of_the_qt_side():
    modules = core_modules()
    for expected in (
        "teachin.cli",
        "teachin.catalog",
        "teachin.runs.room",
        "teachin.scenario.engine",
        "teachin.plan.model",
        "teachin.workshop.render",
    ):
        assert expected in modules
    assert not [m for m in modules if m.startswith(QT_PACKAGES)]


def test_core_imports_no_qt():
    modules = core_modules()
    # Imported one by one, in one fresh interpreter: prints the first module after
    # whose import Qt is loaded.
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    if any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules):\n"
        "        print(name)\n"
        "        break\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"this core module imports Qt: {result.stdout}"


def test_every_qt_application_is_made_through_the_one_door():
    """teachin.qt_application guards None before Qt starts (teachin.none_refcount);
    an application made anywhere else in the program would not be guarded."""
    (package_dir,) = teachin.__path__
    construction = re.compile(r"\b(QApplication|QGuiApplication|QCoreApplication)\(")
    elsewhere = [
        f"{path}:{number}"
        for path in sorted(Path(package_dir).rglob("*.py"))
        if path.name != "qt_application.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if construction.search(line)
    ]
    assert elsewhere == []


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
