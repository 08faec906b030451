"""Starting the app where Qt cannot open a window gives advice instead of an abort."""

from __future__ import annotations

import pytest

from teachin.ui.app import run_app


def test_run_app_prints_advice_and_returns_1_without_a_screen(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.delenv("DISPLAY", raising=False)
    assert run_app([]) == 1
    assert "teachin cannot open its window" in capsys.readouterr().err


def test_teachin_and_teachin_play_give_advice_from_the_command_line(tmp_path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env.update(QT_QPA_PLATFORM="xcb", XDG_DATA_HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    for command in ([], ["play"]):
        result = subprocess.run(
            [sys.executable, "-m", "teachin", *command],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert result.returncode == 1
        assert "teachin cannot open its window" in result.stderr


def test_an_unexpected_error_is_logged_and_shown_and_the_app_goes_on(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path, request: pytest.FixtureRequest
) -> None:
    import sys

    from PySide6.QtWidgets import QMessageBox

    from teachin.ui import app

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app.install_crash_reporting(tmp_path / "crash.log")
    try:
        raise RuntimeError("a bug in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert shown == ["teachin met an error: a bug in a slot"]
    log = (tmp_path / "crash.log").read_text(encoding="utf-8")
    assert "RuntimeError: a bug in a slot" in log
    import faulthandler

    # Back to pytest's own handler, on its copy of the terminal (the test's own stderr
    # is captured): a later crash must still say where.
    try:
        from _pytest.faulthandler import fault_handler_stderr_fd_key

        terminal = request.config.stash.get(fault_handler_stderr_fd_key, None)
    except ImportError:
        terminal = None
    faulthandler.enable(file=terminal if terminal is not None else sys.__stderr__)
