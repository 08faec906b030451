"""The Linux bundle as a user gets it: built from a clean copy of the checkout with
packaging/build-linux.sh, unpacked into an empty folder, and run with a bare
environment (no virtual environment, no project on any path, another working folder).

Marked ``bundle``: the suite leaves it out; CI runs it as a step of its own
(``pytest -m bundle tests/bundle``) after installing the ``bundle`` extra.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from benchmarks.virtual_display import main_window_shown, virtual_display
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from pypdf import PdfReader
from tests.export.pdf_helpers import page_texts, squash

from teachin.typefaces import FONT_FILES

pytestmark = [pytest.mark.bundle, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
VERSION = PYPROJECT["project"]["version"]
NO_FONTS_CONF = '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n'
CRASH_TEXT = re.compile(
    r"Traceback|Fatal Python error|Segmentation fault|Aborted|core dumped|\[PYI-|"
    r"Could not load the Qt platform plugin|Error:",
)
"""What a crash or a broken bundle writes on stderr (PyInstaller's own errors start [PYI-)."""


def _copy_tracked_files(target: Path) -> None:
    """The checkout as a fresh clone has it: tracked files only (no build/, dist/, venv)."""
    listing = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, listing.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The build's dist/ folder."""
    checkout = tmp_path_factory.mktemp("checkout")
    _copy_tracked_files(checkout)
    started = time.perf_counter()
    build = subprocess.run(
        ["packaging/build-linux.sh"],
        cwd=checkout,
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    seconds = time.perf_counter() - started
    # The figures, in CI's log: what the build script says, and the whole build's time.
    print(f"\n{build.stdout.strip().splitlines()[-1]} (whole build {seconds:.0f} s)")
    return checkout / "dist"


@pytest.fixture(scope="module")
def unpacked(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive, unpacked into an empty folder: the app's folder."""
    (archive,) = dist.glob("teachin-*-linux-x86_64.tar.gz")
    assert archive.name == f"teachin-{VERSION}-linux-x86_64.tar.gz"
    folder = tmp_path_factory.mktemp("unpacked")
    subprocess.run(["tar", "-xzf", str(archive), "-C", str(folder)], check=True)
    (app,) = folder.iterdir()
    return app


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "home").mkdir()
    (tmp_path / "elsewhere").mkdir()
    return tmp_path / "home"


def _bare(home: Path, **extra: str) -> dict[str, str]:
    """A desktop session's environment and nothing else (LANG as every session has it)."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", **extra}


def _run(app: Path, home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(app / "teachin"), *args],
        env=_bare(home, QT_QPA_PLATFORM="offscreen", **extra),
        cwd=home.parent / "elsewhere",
        capture_output=True,
        text=True,
        timeout=120,
    )


def _embedded_fonts(pdf: Path) -> set[str]:
    return {
        str(font["/BaseFont"]).lstrip("/").split("+")[-1]
        for page in PdfReader(pdf).pages
        for font in page["/Resources"]["/Font"].values()
    }


def test_version(unpacked, home):
    result = _run(unpacked, home, "--version")
    assert result.stdout.strip() == f"teachin {VERSION}"


def test_list_finds_every_builtin_module_inside_the_bundle(unpacked, home):
    result = _run(unpacked, home, "list", "--json")
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout)["modules"]
    shipped = sorted(path.name for path in (ROOT / "content" / "modules").glob("*.md"))
    assert sorted(Path(module["path"]).name for module in modules) == shipped
    inside = unpacked / "_internal" / "teachin" / "content"
    assert all(Path(module["path"]).is_relative_to(inside) for module in modules)


def test_check_finds_no_errors(unpacked, home):
    result = _run(unpacked, home, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not CRASH_TEXT.search(result.stderr)


def test_handout_and_guide_embed_only_the_bundled_fonts_on_a_machine_without_fonts(unpacked, home):
    (home / "fonts.conf").write_text(NO_FONTS_CONF, encoding="utf-8")
    bundled = {Path(name).stem for name in FONT_FILES}
    for kind, expected in (("handout", "Fromtheorytopractice"), ("guide", "Glossary")):
        pdf = home / f"{kind}.pdf"
        result = _run(
            unpacked, home, "export", kind, "-o", str(pdf), FONTCONFIG_FILE=str(home / "fonts.conf")
        )
        assert result.returncode == 0, result.stderr
        assert not CRASH_TEXT.search(result.stderr), result.stderr
        assert expected in squash("".join(page_texts(pdf)))
        fonts = _embedded_fonts(pdf)
        assert "DejaVuSans" in fonts and fonts <= bundled


def _gui_runs(app: Path, home: Path, env: dict[str, str], seconds: float) -> str:
    """Starts the app, checks it is still running after ``seconds``, stops it and
    returns what it wrote on stderr."""
    process = subprocess.Popen(
        [str(app / "teachin")],
        env=env,
        cwd=home.parent / "elsewhere",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        alive = True
    else:
        alive = False
    process.terminate()
    _, stderr = process.communicate(timeout=30)
    assert alive, f"the app stopped by itself (exit {process.returncode}):\n{stderr}"
    return stderr


def test_the_app_runs_offscreen_and_keeps_its_crash_log_in_the_usual_place(unpacked, home):
    stderr = _gui_runs(unpacked, home, _bare(home, QT_QPA_PLATFORM="offscreen"), 5)
    assert not CRASH_TEXT.search(stderr), stderr
    assert (home / ".local" / "share" / "teachin" / "teachin" / "crash.log").is_file()


@pytest.fixture
def xvfb() -> Iterator[str]:
    if not shutil.which("Xvfb"):
        pytest.fail("Xvfb is needed (Debian's xvfb; .ci/run installs it)")
    with virtual_display() as display:
        yield display


def test_the_app_opens_its_window_on_x11(unpacked, home, xvfb):
    process = subprocess.Popen(
        [str(unpacked / "teachin")],
        env=_bare(home, DISPLAY=xvfb),
        cwd=home.parent / "elsewhere",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    shown = False
    while not shown and process.poll() is None and time.monotonic() < deadline:
        shown = main_window_shown(xvfb)
        time.sleep(0.3)
    time.sleep(2)  # a few seconds of life after the window came up
    still_running = process.poll() is None
    process.terminate()
    _, stderr = process.communicate(timeout=30)
    assert shown and still_running, stderr
    assert not CRASH_TEXT.search(stderr), stderr


def test_without_a_screen_the_x11_check_gives_its_advice(unpacked, home):
    result = subprocess.run(
        [str(unpacked / "teachin")],
        env=_bare(home),
        cwd=home.parent / "elsewhere",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "no screen was found (DISPLAY is not set)" in result.stderr


def test_the_bundle_carries_the_desktop_files_and_says_what_it_needs(unpacked):
    for path in (
        "share/applications/org.teachin.Teachin.desktop",
        "share/metainfo/org.teachin.Teachin.metainfo.xml",
        "share/icons/hicolor/scalable/apps/org.teachin.Teachin.svg",
        "add-to-menu.sh",
    ):
        assert (unpacked / path).is_file(), path
    note = (unpacked / "INSTALL.txt").read_text("utf-8")
    glibc = re.search(r"glibc (\d+)\.(\d+) or newer", note)
    assert glibc and (int(glibc[1]), int(glibc[2])) >= (2, 34)  # PySide6 6.11's own floor

    def packages(text: str) -> list[str]:
        command = re.search(r"sudo apt-get install ([^`]+?)\n\s*\n", text.replace("\\\n", " "))
        assert command
        return command[1].split()

    readme = (ROOT / "README.md").read_text("utf-8").replace("```", "\n")
    assert packages(note) == packages(readme)


def test_the_bundled_qt_binding_is_a_version_pyproject_allows(unpacked):
    pinned = {}
    for line in (unpacked / "BUILT-WITH.txt").read_text("utf-8").splitlines():
        name, _, version = line.partition("==")
        pinned[canonicalize_name(name)] = version
    for line in PYPROJECT["project"]["dependencies"]:
        wanted = Requirement(line)
        assert wanted.specifier.contains(pinned[canonicalize_name(wanted.name)]), line


def test_add_to_menu_writes_a_desktop_entry_that_starts_this_folder(unpacked, home):
    subprocess.run(
        [str(unpacked / "add-to-menu.sh")], env=_bare(home), check=True, capture_output=True
    )
    entry = (home / ".local/share/applications/org.teachin.Teachin.desktop").read_text("utf-8")
    assert f'Exec="{unpacked}/teachin"' in entry
    assert (home / ".local/share/icons/hicolor/scalable/apps/org.teachin.Teachin.svg").is_file()


def test_the_debian_package_puts_the_app_in_opt_and_the_command_on_the_path(dist):
    deb = dist / f"teachin_{VERSION}_amd64.deb"
    contents = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    for path in (
        "./opt/teachin/teachin",
        "./opt/teachin/_internal/teachin/content/staircase.toml",
        "./usr/bin/teachin -> /opt/teachin/teachin",
        "./usr/share/applications/org.teachin.Teachin.desktop",
        "./usr/share/metainfo/org.teachin.Teachin.metainfo.xml",
        "./usr/share/icons/hicolor/scalable/apps/org.teachin.Teachin.svg",
    ):
        assert path in contents, path
    depends = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Depends"], capture_output=True, text=True, check=True
    ).stdout
    assert re.match(r"libc6 \(>= 2\.\d+\), libxcb1, ", depends)
