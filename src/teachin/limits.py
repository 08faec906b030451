"""How much of anything a content pack, a run file or a settings file may hold.

A content pack is untrusted input (packs travel on USB sticks and in chat), so
every reader checks these limits, before parsing where it can, and reports a
``file:line`` problem instead of hanging or crashing. Each limit is far above
any real content (the figures in brackets are the largest built-in ones);
``docs/authoring.md`` states them for authors. Qt-free.
"""

from __future__ import annotations

import re
from pathlib import Path

from teachin.problems import Problem, error

MAX_FILE_BYTES = 1_048_576
"""Bytes in one content file, run file or settings file (built-in: 34 KB)."""
MAX_NESTING = 32
"""Brackets ``[`` and braces ``{`` inside each other in TOML or JSON (built-in: 3)."""
MAX_DIGITS = 40
"""Digits in one number, in a file or in a scenario expression (built-in: 15)."""
MAX_SLIDES = 300
"""Slides in one module (built-in: 14)."""
MAX_PLAN_BLOCKS = 300
"""Blocks in one session plan (built-in: 9)."""
MAX_MINUTES = 24 * 60
"""Minutes a module or a scenario takes, or a plan has available: a day (built-in: 90).
A plan block has its own, lower limit (``teachin.plan.model.MAX_BLOCK_MINUTES``)."""
MAX_TERMS = 3_000
"""Terms in one glossary (built-in: 38)."""
MAX_STAIRCASE_STEPS = 30
"""Steps on the staircase (built-in: 10)."""
MAX_TACTICS = 300
"""Tactics in one scenario (built-in: 52); events and endings have the same limit."""
MAX_RUN_STEPS = 500
"""Steps recorded in one run file, branches included (a real run: under 30)."""

# Markdown that the reader, the projector and the PDF render (checked before
# rendering by teachin.workshop.markup_limits). Python-Markdown takes up to a
# millisecond per paragraph, line or inline mark, reads a run of lines once per
# heading or list item in it, and recurses once per level of nesting.
MAX_MARKDOWN_CHARS = 100_000
"""Characters of Markdown in one module or glossary definition (built-in: 17,000;
a long Software Carpentry episode: about 30,000)."""
MAX_LINE_CHARS = 10_000
"""Characters in one line of a module (built-in: 263)."""
MAX_RUN_LINES = 200
"""Lines in a row without an empty line, code blocks apart (built-in: 15)."""
MAX_MARKUP_PIECES = 3_000
"""Lines of text (code blocks apart) plus inline marks ``*`` ``_`` `````` ``[`` ``<`` ``&``
in one module (built-in: 330)."""
MAX_MARKUP_NESTING = 16
"""Lists, quotes, indentation steps and ``///`` blocks inside each other (built-in: 2)."""
MAX_FOOTNOTES = 300
"""Footnotes in one module (built-in: 0)."""


def size_problem(path: Path, size: int) -> Problem | None:
    """A problem when a file of ``size`` bytes is too big to read at all."""
    if size <= MAX_FILE_BYTES:
        return None
    return error(
        path,
        1,
        f"the file is too big ({size:,} bytes; the limit is {MAX_FILE_BYTES:,}): "
        "teachin does not read it",
    )


def count_problem(path: Path, line: int, count: int, limit: int, what: str) -> Problem | None:
    """A problem when a file holds more than ``limit`` of ``what`` (e.g. "slides")."""
    if count <= limit:
        return None
    return error(path, line, f"too many {what}: {count:,} (the limit is {limit:,})")


# One token at a time, skipping strings and comments: TOML's four kinds of
# strings (JSON's are TOML's basic ones), comments, brackets, and numbers that are
# too long (digits, hex letters and underscores in one run).
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^']|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
    r"|[\[{]|[\]}]"
    rf"|[0-9][0-9A-Za-z_]{{{MAX_DIGITS},}}",
    re.DOTALL,
)


def structure_problem(text: str, path: Path, first_line: int = 1) -> Problem | None:
    """A problem when TOML or JSON ``text`` nests too deeply or holds a too long number.

    Runs before the parser, which would otherwise recurse once per bracket or
    turn a 10,000-digit number into an integer Python refuses to print.
    ``first_line``: where ``text`` starts in its file.
    """
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        first = token[0]
        if first in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return error(
                    path,
                    first_line + text.count("\n", 0, match.start()),
                    f"nested too deeply (more than {MAX_NESTING} levels of brackets)",
                )
        elif first in "]}":
            depth = max(0, depth - 1)
        elif first.isdigit():
            return error(
                path,
                first_line + text.count("\n", 0, match.start()),
                f"a number with more than {MAX_DIGITS} digits",
            )
    return None
