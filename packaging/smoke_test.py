"""Smoke-tests a built bundle on Windows or macOS, as the CI workflow does
(.github/workflows/bundles.yml); on Linux, tests/bundle/test_linux_bundle.py does more.

    python packaging/smoke_test.py --cli dist/teachin/teachin-cli.exe --gui dist/teachin/teachin.exe
    python packaging/smoke_test.py --cli dist/teachin.app/Contents/MacOS/teachin

Runs, with a bare environment in an empty folder: --version, list --json (every
built-in module, found inside the bundle), check, export of a handout and the guide
(the PDF's text and its fonts: only the bundled DejaVu), then the app itself with Qt's
offscreen platform, which must still be running after five seconds with nothing like a
crash on stderr. Exits 1 at the first failure, saying which.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CRASH_TEXT = re.compile(
    r"Traceback|Fatal Python error|\[PYI-|Could not load the Qt platform plugin"
)
BUNDLED_FONTS = {
    "DejaVuSans",
    "DejaVuSans-Bold",
    "DejaVuSans-Oblique",
    "DejaVuSans-BoldOblique",
    "DejaVuSansMono",
}


def bare_environment(home: Path) -> dict[str, str]:
    keep = ("SYSTEMROOT", "WINDIR", "TEMP", "TMP", "PATH") if sys.platform == "win32" else ("PATH",)
    env = {name: os.environ[name] for name in keep if name in os.environ}
    return env | {
        "HOME": str(home),
        "USERPROFILE": str(home),
        "APPDATA": str(home / "AppData"),
        "LANG": "en_US.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }


def run(cli: Path, env: dict[str, str], cwd: Path, *args: str) -> str:
    result = subprocess.run(  # noqa: S603 - the bundle under test
        [str(cli), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
    )
    if result.returncode != 0 or CRASH_TEXT.search(result.stderr):
        sys.exit(f"FAILED: teachin {' '.join(args)} (exit {result.returncode}):\n{result.stderr}")
    return result.stdout


def check_pdf(pdf: Path, expected: str) -> None:
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    text = "".join(page.extract_text() or "" for page in reader.pages)
    fonts = {
        str(font["/BaseFont"]).lstrip("/").split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    if expected not in text or not fonts or not fonts <= BUNDLED_FONTS:
        sys.exit(
            f"FAILED: {pdf.name}: expected text {expected!r}: {expected in text}; fonts {fonts}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", type=Path, required=True, help="the program that runs commands")
    parser.add_argument("--gui", type=Path, help="the program that opens the app (default: --cli)")
    args = parser.parse_args()
    cli = args.cli.resolve()
    gui = (args.gui or args.cli).resolve()
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    with tempfile.TemporaryDirectory() as folder:
        home, cwd = Path(folder) / "home", Path(folder) / "elsewhere"
        home.mkdir()
        cwd.mkdir()
        env = bare_environment(home)
        if run(cli, env, cwd, "--version").strip() != f"teachin {version}":
            sys.exit("FAILED: --version")
        modules = json.loads(run(cli, env, cwd, "list", "--json"))["modules"]
        shipped = sorted(path.name for path in (ROOT / "content" / "modules").glob("*.md"))
        if sorted(Path(module["path"]).name for module in modules) != shipped:
            sys.exit(f"FAILED: list --json found {len(modules)} modules, not {len(shipped)}")
        if any(Path(module["path"]).is_relative_to(ROOT) for module in modules):
            sys.exit("FAILED: the modules came from the checkout, not from inside the bundle")
        run(cli, env, cwd, "check")
        for kind, expected in (("handout", "theory"), ("guide", "Glossary")):
            run(cli, env, cwd, "export", kind, "-o", str(cwd / f"{kind}.pdf"))
            check_pdf(cwd / f"{kind}.pdf", expected)
        app = subprocess.Popen(  # noqa: S603 - the bundle under test
            [str(gui)], env=env, cwd=cwd, stderr=subprocess.PIPE, text=True
        )
        try:
            app.wait(timeout=5)
            sys.exit(
                f"FAILED: the app stopped by itself (exit {app.returncode}): {app.stderr.read()}"
            )
        except subprocess.TimeoutExpired:
            app.terminate()
        stderr = app.communicate(timeout=30)[1]
        if CRASH_TEXT.search(stderr):
            sys.exit(f"FAILED: the app wrote:\n{stderr}")
    print("Smoke test passed: --version, list, check, handout and guide, the app for 5 s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
