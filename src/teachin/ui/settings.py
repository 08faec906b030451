"""Typed settings over QSettings, with a schema version for migrations."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QByteArray, QSettings

from teachin.limits import structure_problem
from teachin.workshop.themes import THEMES

_log = logging.getLogger(__name__)
_T = TypeVar("_T")

SCHEMA_VERSION = 1
ZOOM_STEPS = (0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
DEFAULT_THEME = "light"


def next_zoom(zoom: float, larger: bool) -> float | None:
    """The next text size up or down from ``zoom``; None at either end."""
    if larger:
        return next((step for step in ZOOM_STEPS if step > zoom + 1e-6), None)
    return next((step for step in reversed(ZOOM_STEPS) if step < zoom - 1e-6), None)


def _damaged(key: str, default: _T) -> _T:
    """``default``, for a setting whose stored value cannot be used, with one line in the log."""
    _log.warning("setting %s is damaged: using its default %r", key, default)
    return default


class Settings:
    """The app's remembered choices. Pass a QSettings to choose where they are kept."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()
        self._migrate()

    def _migrate(self) -> None:
        version = self._int("schema_version", 0)
        if version < SCHEMA_VERSION:
            # Version 0 is a fresh (or pre-release) store: nothing to convert yet.
            # Later versions add a step here for each change of key or meaning.
            self._store.setValue("schema_version", SCHEMA_VERSION)

    def sync(self) -> None:
        self._store.sync()

    def _int(self, key: str, default: int) -> int:
        value = self._store.value(key, default)
        if not isinstance(value, str | int | float):
            return _damaged(key, default)
        try:
            return int(value)
        except (ValueError, OverflowError):
            return _damaged(key, default)

    def _str(self, key: str, default: str) -> str:
        value = self._store.value(key, default)
        return value if isinstance(value, str) else _damaged(key, default)

    def _bool(self, key: str, default: bool) -> bool:
        value = self._store.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return bool(value)

    def _bytes(self, key: str) -> QByteArray:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()

    @property
    def theme(self) -> str:
        theme = self._str("view/theme", DEFAULT_THEME)
        return theme if theme in THEMES else _damaged("view/theme", DEFAULT_THEME)

    @theme.setter
    def theme(self, theme_id: str) -> None:
        self._store.setValue("view/theme", theme_id)

    @property
    def zoom(self) -> float:
        value = self._store.value("view/zoom", 1.0)
        if not isinstance(value, str | int | float):
            return _damaged("view/zoom", 1.0)
        try:
            zoom = float(value)
        except ValueError:
            return _damaged("view/zoom", 1.0)
        return min(ZOOM_STEPS, key=lambda step: abs(step - zoom))

    @zoom.setter
    def zoom(self, zoom: float) -> None:
        self._store.setValue("view/zoom", float(zoom))

    @property
    def show_notes(self) -> bool:
        return self._bool("view/facilitator_notes", True)

    @show_notes.setter
    def show_notes(self, show: bool) -> None:
        self._store.setValue("view/facilitator_notes", bool(show))

    @property
    def last_location(self) -> str:
        return self._str("session/last_location", "")

    @last_location.setter
    def last_location(self, href: str) -> None:
        self._store.setValue("session/last_location", href)

    @property
    def added_folders(self) -> list[Path]:
        key = "content/added_folders"
        stored = self._store.value(key, "[]")
        folders: object = None
        if isinstance(stored, str) and structure_problem(stored, Path(key)) is None:
            try:
                folders = json.loads(stored)
            except (ValueError, RecursionError):
                folders = None
        if not isinstance(folders, list):
            return _damaged(key, [])
        return [Path(folder) for folder in folders if isinstance(folder, str)]

    @added_folders.setter
    def added_folders(self, folders: list[Path]) -> None:
        self._store.setValue("content/added_folders", json.dumps([str(f) for f in folders]))

    @property
    def geometry(self) -> QByteArray:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, geometry: QByteArray) -> None:
        self._store.setValue("window/geometry", geometry)

    @property
    def window_state(self) -> QByteArray:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, state: QByteArray) -> None:
        self._store.setValue("window/state", state)

    @property
    def phone_address(self) -> str:
        """The network address phones last joined on ("" before the first time)."""
        return self._str("phones/address", "")

    @phone_address.setter
    def phone_address(self, address: str) -> None:
        self._store.setValue("phones/address", address)
