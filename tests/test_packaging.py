"""A wheel installed (not editable) into a fresh environment finds its content and icons.

Dependencies come from the running environment through a plain path entry, so
the test needs no downloads beyond the build backend.
"""

import json
import os
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _environment(**variables: str) -> dict[str, str]:
    """The environment for the installed wheel: without PYTHONPATH, which would put the
    checkout's sources before the wheel."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    return env | variables


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(work / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next((work / "dist").glob("teachin-*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # The running environment's packages (PySide6, markdown, jinja2) as a bare
    # path: its .pth files, including an editable teachin, are not processed.
    outer = {sysconfig.get_paths()["purelib"], *site.getsitepackages()}
    (Path(purelib) / "outer-deps.pth").write_text("\n".join(sorted(outer)) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--quiet",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return venv, Path(purelib), work


def test_installed_wheel_lists_all_builtin_modules_from_site_packages(installed, tmp_path):
    venv, purelib, _ = installed
    env = _environment(XDG_DATA_HOME=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [str(venv / "bin" / "teachin"), "list", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=True,
    )
    modules = json.loads(result.stdout)["modules"]
    shipped = sorted(p.name for p in (ROOT / "content" / "modules").glob("*.md"))
    assert sorted(Path(m["path"]).name for m in modules) == shipped
    assert all(Path(m["path"]).is_relative_to(purelib / "teachin" / "content") for m in modules)


def test_installed_wheel_has_icons_and_templates(installed, tmp_path):
    venv, purelib, _ = installed
    code = (
        "from teachin.locations import resources_dir, builtin_content_dir\n"
        "from teachin.workshop.render import render_welcome\n"
        "from teachin.workshop.library import load_library\n"
        "print(resources_dir()); print(builtin_content_dir())\n"
        "print(len(render_welcome(load_library([builtin_content_dir()]))))\n"
        "from teachin.phones.page import page_html\n"
        "print(page_html('N0NCE').count('nonce=\"N0NCE\"'))\n"
    )
    result = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_environment(),
        check=True,
    )
    resources, content, length, page_nonces = result.stdout.split()
    assert Path(resources) == purelib / "teachin" / "resources"
    assert (Path(resources) / "teachin.svg").is_file()
    assert Path(content) == purelib / "teachin" / "content"
    assert (Path(content) / "staircase.toml").is_file()
    assert int(length) > 500
    assert page_nonces == "2"  # the phone page ships, its style and script both under the nonce
