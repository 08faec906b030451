"""The one page phones load: a self-contained HTML file (inline style and script,
nothing from outside), served under a Content-Security-Policy nonce. Qt-free."""

from __future__ import annotations

from functools import cache
from pathlib import Path

PAGE = Path(__file__).with_name("page.html")
_NONCE = "{{NONCE}}"


@cache
def _template() -> str:
    return PAGE.read_text(encoding="utf-8")


def page_html(nonce: str) -> str:
    """The page with ``nonce`` on its one style and one script element."""
    return _template().replace(_NONCE, nonce)
