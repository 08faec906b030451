"""Where teachin finds its built-in content and resources, in a wheel or a checkout."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
"""The teachin package's folder (importlib.resources would cost start-up a few ms)."""
_CHECKOUT = PACKAGE_DIR.parent.parent  # src/teachin -> the project's root


def _bundled(name: str) -> Path:
    # A wheel carries content/ and resources/ inside the package; an editable
    # install reads them from the checkout's top level.
    inside = PACKAGE_DIR / name
    return inside if inside.is_dir() else _CHECKOUT / name


def builtin_content_dir() -> Path:
    return _bundled("content")


def resources_dir() -> Path:
    return _bundled("resources")


def content_folders(user_folder: Path | None, extra: list[Path] | None = None) -> list[Path]:
    """The content layers, lowest first: built-in, the user's own, then extra folders."""
    folders = [builtin_content_dir()]
    if user_folder is not None and user_folder.is_dir():
        folders.append(user_folder)
    folders.extend(Path(folder) for folder in extra or [])
    return folders
