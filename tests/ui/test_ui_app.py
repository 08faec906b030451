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
