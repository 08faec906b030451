"""What the reader can show: places (``module:ID``, ``glossary:ID``, ``welcome:``) their HTML.

Rendered pages are cached per (page, view, theme, zoom), so going back to a
module, or switching between two, costs no Markdown work.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from teachin import __version__
from teachin.locations import PACKAGE_DIR
from teachin.workshop.library import Library
from teachin.workshop.render import (
    SLIDE_ANCHOR,
    Style,
    render_glossary,
    render_module,
    render_welcome,
)
from teachin.workshop.views import View

if TYPE_CHECKING:  # the private modules below have no type stubs; hashlib's is the same
    from hashlib import sha256
else:
    try:  # the interpreter's own SHA-256: hashlib would load OpenSSL, which start-up can do without
        from _sha2 import sha256  # Python 3.12+
    except ImportError:
        try:
            from _sha256 import sha256  # Python 3.11
        except ImportError:
            from hashlib import sha256

_log = logging.getLogger(__name__)
_PAGE_END = "\n<!-- teachin: the end of the page -->\n"
"""Closes every page kept on disk: a page without it was not written whole."""

WELCOME = "welcome"
MODULE = "module"
GLOSSARY = "glossary"


@dataclass
class Location:
    """A place in the reader: a page, an anchor on it, and the scroll position last seen there."""

    kind: str
    target: str = ""
    anchor: str = ""
    scroll: int | None = None

    @classmethod
    def parse(cls, href: str) -> Location | None:
        """``module:ID``, ``module:ID#slide-2``, ``glossary:``, ``glossary:ID`` or ``welcome:``."""
        kind, colon, rest = href.partition(":")
        if not colon or kind not in (WELCOME, MODULE, GLOSSARY):
            return None
        target, _, anchor = rest.partition("#")
        if kind == GLOSSARY and target and not anchor:
            anchor = f"term-{target}"
        return cls(kind, target if kind != WELCOME else "", anchor)

    @classmethod
    def slide(cls, module_id: str, index: int | None) -> Location:
        return cls(MODULE, module_id, SLIDE_ANCHOR.format(index + 1) if index is not None else "")

    @property
    def page(self) -> str:
        """The page's address: a module, the glossary (one page) or the welcome page."""
        return f"{self.kind}:{self.target}" if self.kind == MODULE else f"{self.kind}:"

    @property
    def href(self) -> str:
        if self.kind == GLOSSARY and self.anchor.startswith("term-"):
            return f"{GLOSSARY}:{self.anchor.removeprefix('term-')}"
        return self.page + (f"#{self.anchor}" if self.anchor else "")


@cache
def renderer_stamp() -> str:
    """Changes whenever the code or templates that make pages change."""
    package = PACKAGE_DIR
    files = [
        package / "workshop" / name
        for name in ("render.py", "markup.py", "themes.py", "views.py", "pages.py")
    ]
    for folder in ("templates", "styles"):
        files.extend(sorted((package / folder).glob("*")))
    parts = [__version__]
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        parts.append(f"{path.name}:{stat.st_mtime_ns}:{stat.st_size}")
    return "|".join(parts)


class PageCache:
    """Renders pages of one library, keeping the most recent ones.

    With a ``disk`` folder, rendered pages are also kept there (keyed by their
    source text, the view, the theme, the zoom and the renderer), so the page
    open at the last quit shows at start-up without loading Markdown at all.
    """

    def __init__(self, library: Library, size: int = 48, disk: Path | None = None) -> None:
        self.library = library
        self._size = size
        self._disk = disk
        self._pages: OrderedDict[tuple[str, View, str, float], str] = OrderedDict()
        # Pages are also made ahead of time in a background thread (prepare).
        self._lock = threading.Lock()

    def exists(self, location: Location) -> bool:
        if location.kind == MODULE:
            return location.target in self.library.modules
        if location.kind == GLOSSARY:
            return not location.target or location.target in self.library.terms
        return True

    def title(self, location: Location) -> str:
        if location.kind == MODULE and location.target in self.library.modules:
            return self.library.modules[location.target].title
        return "Glossary" if location.kind == GLOSSARY else "Welcome"

    @staticmethod
    def _key(location: Location, view: View, style: Style) -> tuple[str, View, str, float]:
        return (location.page, view, style.theme.id, style.zoom)

    def html(self, location: Location, view: View, style: Style) -> str:
        key = self._key(location, view, style)
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
                return page
        page = self._render_or_load(location, view, style)
        with self._lock:
            self._pages[key] = page
            if len(self._pages) > self._size:
                self._pages.popitem(last=False)
        return page

    def locations(self) -> list[Location]:
        """Every page there is: the modules in teaching order, the glossary, the welcome page."""
        modules = [Location(MODULE, module.id) for module in self.library.ordered_modules()]
        return [*modules, Location(GLOSSARY), Location(WELCOME)]

    def prepare(self, view: View, style: Style, keep_going: Callable[[], bool]) -> int:
        """Makes every page ahead of time, so that opening one never waits for
        Markdown; stops early when ``keep_going()`` turns false. Safe to call from
        a background thread. Returns how many pages it made or loaded."""
        made = 0
        for location in self.locations()[: self._size]:
            if not keep_going():
                break
            with self._lock:
                known = self._key(location, view, style) in self._pages
            if not known:
                self.html(location, view, style)
                made += 1
        return made

    def _source_key(self, location: Location, view: View, style: Style) -> str:
        library = self.library
        if location.kind == MODULE:
            source = library.modules[location.target].text
        elif location.kind == GLOSSARY:
            source = repr(library.sorted_terms()) + repr(
                sorted((m.id, m.title) for m in library.modules.values())
            )
        else:
            source = repr(
                (
                    len(library.modules),
                    len(library.parts()),
                    sum(m.minutes for m in library.modules.values()),
                    len(library.problems),
                )
            )
        key = "\0".join([renderer_stamp(), location.page, view, repr(style), source])
        return sha256(key.encode("utf-8")).hexdigest()

    def _render_or_load(self, location: Location, view: View, style: Style) -> str:
        if self._disk is None:
            return self._render(location, view, style)
        path = self._disk / f"{self._source_key(location, view, style)}.html"
        try:
            stored = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            stored = None
        except (OSError, UnicodeDecodeError):
            stored = ""
        if stored is not None:
            if stored.endswith(_PAGE_END):
                return stored.removesuffix(_PAGE_END)
            # Cut off by a full disk, or changed by hand: rendered and stored again.
            _log.warning("the cached page %s is damaged: rendering it again", path)
        page = self._render(location, view, style)
        self._store(path, page + _PAGE_END)
        return page

    @staticmethod
    def _store(path: Path, page: str, keep: int = 200) -> None:
        """Kept for the next start; a cache that cannot be written is no failure."""
        from teachin.storage import atomic_write_text  # only when a page was rendered

        try:
            atomic_write_text(path, page)
            pages = sorted(path.parent.glob("*.html"), key=lambda p: p.stat().st_mtime_ns)
            for old in pages[:-keep]:
                old.unlink(missing_ok=True)
        except OSError:
            return

    def _render(self, location: Location, view: View, style: Style) -> str:
        if location.kind == MODULE:
            return render_module(self.library.modules[location.target], view, style)
        if location.kind == GLOSSARY:
            return render_glossary(self.library, style)
        return render_welcome(self.library, style)
