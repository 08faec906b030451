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


def is_inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is a file really inside ``folder``: a link that leads out of the
    content folder (a pack from elsewhere may hold one) is not followed."""
    try:
        return path.is_file() and path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def files_inside(directory: Path, pattern: str, folder: Path | None = None) -> list[Path]:
    """The files of ``directory`` matching ``pattern``, sorted, that are really inside
    ``folder`` (by default ``directory`` itself)."""
    if not directory.is_dir():
        return []
    root = folder if folder is not None else directory
    return sorted(path for path in directory.glob(pattern) if is_inside(path, root))
