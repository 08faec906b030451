"""How much Markdown a module may hold, checked before it is rendered.

Python-Markdown's time grows with the number of lines and marks, faster than
that with long runs of lines and many footnotes, and its recursion with nesting:
the limits in ``teachin.limits`` bound all of them, so the renderer's worst case
stays around a second per module (``benchmarks/hostile_markdown.py`` measures
it). What exceeds them is refused with a ``file:line`` problem before parsing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from teachin.limits import (
    MAX_FOOTNOTES,
    MAX_LINE_CHARS,
    MAX_MARKDOWN_CHARS,
    MAX_MARKUP_NESTING,
    MAX_MARKUP_PIECES,
    MAX_RUN_LINES,
)
from teachin.problems import Problem, error
from teachin.workshop.module import Module


class MarkupTooComplex(Exception):
    """The Markdown would take too long or nest too deeply to render."""


_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^[^\]\n]+\]:")
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BLOCK_OPEN = re.compile(r"^\s*///\s*[A-Za-z]")
_BLOCK_CLOSE = re.compile(r"^\s*///\s*$")
_INLINE_MARKS = re.compile(r"[*_`\[<&]")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def line_nesting(line: str) -> int:
    """How many containers a line opens or sits in: one per ``>``, per list marker
    and per four columns of indentation before its text. An upper bound of the
    nesting Python-Markdown builds for it (lazy lines only continue, never nest)."""
    if _THEMATIC_BREAK.match(line):
        return 0
    levels = 0
    column = 0
    index = 0
    while index < len(line):
        char = line[index]
        if char == " ":
            column += 1
        elif char == "\t":
            column += 4 - column % 4
        elif char == ">":
            levels += 1
        elif marker := _LIST_MARKER.match(line, index):
            levels += 1
            index = marker.end()
            continue
        else:
            break
        index += 1
    return levels + column // 4


def _code_lines(lines: list[str]) -> list[bool]:
    """Which lines are inside a closed fenced code block (or are its fences).

    A fence never closed is not a code block (the renderer reads what follows as
    Markdown), so the lines after it count as text."""
    inside = [False] * len(lines)
    fence: str | None = None
    opened = 0
    for number, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None and match:
            fence, opened = match.group(1), number
            inside[number] = True
        elif fence is not None:
            inside[number] = True
            if match and match.group(1).startswith(fence) and not line.strip(" \t`~"):
                fence = None
    if fence is not None:
        inside[opened:] = [False] * (len(lines) - opened)
    return inside


def markup_problems(text: str, path: Path, first_line: int = 1) -> list[Problem]:
    """Problems that stop ``text`` (a module's Markdown, starting on ``first_line``
    of ``path``) from being rendered: at most one of each kind, at its first line."""
    problems: list[Problem] = []
    found: set[str] = set()
    footnotes = 0
    blocks = 0
    run = 0
    pieces = 0

    def report(kind: str, number: int, message: str) -> None:
        if kind not in found:
            found.add(kind)
            problems.append(error(path, number, message))

    if len(text) > MAX_MARKDOWN_CHARS:
        report(
            "size",
            first_line,
            f"the text is too long to show ({len(text):,} characters; the limit is "
            f"{MAX_MARKDOWN_CHARS:,}): split it into several modules",
        )
    lines = text.split("\n")
    for offset, (line, in_code) in enumerate(zip(lines, _code_lines(lines), strict=True)):
        number = first_line + offset
        if len(line) > MAX_LINE_CHARS:
            report(
                "line",
                number,
                f"this line is too long to show ({len(line):,} characters; the limit is "
                f"{MAX_LINE_CHARS:,}): break it into shorter lines",
            )
        run = 0 if in_code or not line.strip() else run + 1
        if run or _FENCE.match(line):
            pieces += 1 + (len(_INLINE_MARKS.findall(line)) if run else 0)
            if pieces > MAX_MARKUP_PIECES:
                report(
                    "pieces",
                    number,
                    f"too much markup to show quickly from here on (more than "
                    f"{MAX_MARKUP_PIECES:,} lines and marks such as * _ ` [): "
                    "split the module into several",
                )
        if run > MAX_RUN_LINES:
            report(
                "run",
                number,
                f"more than {MAX_RUN_LINES} lines without an empty line: put empty lines "
                "between paragraphs, headings, lists and blocks",
            )
        if _BLOCK_OPEN.match(line):
            blocks += 1
        elif _BLOCK_CLOSE.match(line):
            blocks = max(0, blocks - 1)
        if blocks + line_nesting(line) > MAX_MARKUP_NESTING:
            report(
                "nesting",
                number,
                f"lists, quotes, indents and blocks are nested too deeply here (more than "
                f"{MAX_MARKUP_NESTING} levels)",
            )
        if _FOOTNOTE_DEFINITION.match(line):
            footnotes += 1
            if footnotes > MAX_FOOTNOTES:
                report("footnotes", number, f"too many footnotes (the limit is {MAX_FOOTNOTES:,})")
    return problems


@lru_cache(maxsize=64)
def _cached_problems(text: str, path: Path, first_line: int) -> tuple[Problem, ...]:
    return tuple(markup_problems(text, path, first_line))


def module_markup_problems(module: Module) -> list[Problem]:
    """``markup_problems`` for a module's slides (kept: the projector asks once a slide)."""
    body = (
        module.text.split("\n", module.body_line - 1)[-1] if module.body_line > 1 else module.text
    )
    return list(_cached_problems(body, module.path, module.body_line))
