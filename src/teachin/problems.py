"""Problems found in content files, reported as ``path:line: severity: message``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    """Not a mistake: something an author should know (a file that replaces a built-in one)."""


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


def error(path: Path, line: int, message: str) -> Problem:
    return Problem(Path(path), line, Severity.ERROR, message)


def warning(path: Path, line: int, message: str) -> Problem:
    return Problem(Path(path), line, Severity.WARNING, message)


def info(path: Path, line: int, message: str) -> Problem:
    return Problem(Path(path), line, Severity.INFO, message)


def line_of(text: str, needle: str, default: int = 1) -> int:
    """The 1-based line where ``needle`` first appears in ``text``.

    tomllib reports no positions for values, so checks find the line of the
    offending text themselves.
    """
    index = text.find(needle)
    if index < 0:
        return default
    return text.count("\n", 0, index) + 1


_ID_ASSIGNMENT = re.compile(r"""^[ \t]*id[ \t]*=[ \t]*["']([^"'\n]*)["']""", re.MULTILINE)


def id_lines(text: str) -> dict[str, int]:
    """The line of each entry's own ``id = "..."`` (not of a mention elsewhere), in one pass."""
    lines: dict[str, int] = {}
    for match in _ID_ASSIGNMENT.finditer(text):
        lines.setdefault(match.group(1), text.count("\n", 0, match.start()) + 1)
    return lines


def line_of_key(text: str, key: str) -> int:
    """The line where a TOML ``key = ...`` is set."""
    match = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1
