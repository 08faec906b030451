"""Golden files: whole documents whose wording is checked as a whole.

A test renders a document and calls :func:`assert_golden`. A difference fails with
a unified diff of the lines that changed. When the change is wanted (new wording,
a new block), write the new files on purpose and review them in the commit:

    UPDATE_GOLDEN=1 python -m pytest tests/golden

Behaviour tests elsewhere check structure (what is there, in which order, what a
click does) and leave the sentences to these files.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent


def assert_golden(name: str, text: str) -> None:
    """``text`` equals the golden file ``tests/golden/<name>`` (rewritten instead
    when the environment has ``UPDATE_GOLDEN=1``)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
        return
    if not path.exists():
        raise AssertionError(f"no golden file {path}: run with UPDATE_GOLDEN=1 to write it")
    expected = path.read_text(encoding="utf-8")
    if text == expected:
        return
    diff = difflib.unified_diff(
        expected.splitlines(keepends=True),
        text.splitlines(keepends=True),
        f"{name} (golden)",
        f"{name} (now)",
        n=2,
    )
    shown = "".join(list(diff)[:200])
    raise AssertionError(
        f"{name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it if the change "
        f"is wanted):\n{shown}"
    )
