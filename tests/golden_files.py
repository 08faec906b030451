"""Golden files: whole texts (a debrief, the room's screens) compared as wholes.

A test hands :func:`assert_golden` the text it produced; it must equal
``tests/golden/NAME``. A difference fails with a unified diff. To accept a change
of wording on purpose, run the tests with ``UPDATE_GOLDEN=1``: the files are
rewritten, and the diff shows up in ``git diff`` for review.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
_BLOCK_END = re.compile(r"(</(?:p|h1|h2|h3|li|tr|thead|tbody|table|ol|ul|head)>|<(?:ol|ul|tbody)>)")
_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)


def readable(html: str) -> str:
    """HTML with a line break after each block, so that a diff shows which block
    changed (and without the stylesheet, which is not wording); a no-break space is
    written ``&nbsp;`` so that it can be seen."""
    text = _STYLE.sub("<style>…</style>", html).replace("\u00a0", "&nbsp;")
    text = _BLOCK_END.sub(r"\1\n", text)
    return "\n".join(line.rstrip() for line in text.splitlines() if line.strip()) + "\n"


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing: run the tests with UPDATE_GOLDEN=1 to write it"
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            text.splitlines(keepends=True),
            f"tests/golden/{name} (expected)",
            f"{name} (now)",
        )
        raise AssertionError(
            f"{name} differs from its golden file (UPDATE_GOLDEN=1 accepts a change made "
            "on purpose):\n" + "".join(diff)
        )
