"""What Markdown from a content pack may point at and set: pictures and HTML attributes.

A pack is untrusted (it travels on USB sticks and in chat). The renderer asks
these rules for every picture and attribute, and ``teachin check`` reports
each one they refuse, so an author learns why a picture is missing.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath, PureWindowsPath
from urllib.parse import urlsplit

ALLOWED_CLASSES = ("lead", "small", "center")
"""Classes a pack may give a paragraph, heading or picture with ``{: .name }``."""
ANCHOR_ID = re.compile(r"^[a-z][a-z0-9-]{0,63}$")
RESERVED_ID_PREFIXES = ("slide-", "module-", "glossary")
"""Anchors teachin writes itself (slides, exported modules, the glossary)."""


def picture_refusal(src: str, content_folder: Path | None) -> str | None:
    """Why the picture ``src`` may not be shown, or None when it is a file inside
    ``content_folder`` (the folder the module came with)."""
    if not src.strip():
        return "a picture needs a file name"
    if urlsplit(src).scheme in ("http", "https", "ftp"):
        return f"picture '{src}' is on the web; teachin works offline and will not show it"
    windows = PureWindowsPath(src)
    if src.startswith(("/", "\\")) or windows.drive or windows.is_absolute():
        return f"picture '{src}' is not in the content folder: use a path like images/name.png"
    if urlsplit(src).scheme:
        return f"picture '{src}' is not a file in the content folder"
    if ".." in PurePosixPath(src.replace("\\", "/")).parts:
        return f"picture '{src}' points outside the content folder ('..' is not allowed)"
    if content_folder is None:
        return f"picture '{src}' has no content folder to come from"
    try:
        folder = content_folder.resolve()
        resolved = (folder / src.replace("\\", "/")).resolve()
    except (OSError, ValueError):
        return f"picture '{src}' is not a usable file name"
    if not resolved.is_relative_to(folder):
        return f"picture '{src}' leads outside the content folder (a link)"
    return None


def picture_path(src: str, content_folder: Path) -> Path:
    """The file a picture allowed by ``picture_refusal`` loads."""
    return (content_folder.resolve() / src.replace("\\", "/")).resolve()


def attribute_refusal(name: str, value: str | None, ids_in_use: set[str]) -> str | None:
    """Why a ``{: ... }`` attribute may not be set, or None when it may.

    ``name`` is ``.`` for a class and ``id`` for ``#name``; ``ids_in_use`` holds
    the ids set so far in the same page.
    """
    if name == ".":
        if value in ALLOWED_CLASSES:
            return None
        return f"class '{value}' is not one of {', '.join(ALLOWED_CLASSES)}: it is ignored"
    if name == "id":
        shown = value or ""
        if not ANCHOR_ID.match(shown):
            return f"id '{shown}' must be lowercase letters, digits and hyphens: it is ignored"
        if shown.startswith(RESERVED_ID_PREFIXES):
            return f"id '{shown}' is kept for teachin's own anchors: it is ignored"
        if shown in ids_in_use:
            return f"id '{shown}' is used twice on this page: the second one is ignored"
        return None
    return f"attribute '{name}' is not allowed in content (only a class or an id): it is ignored"
