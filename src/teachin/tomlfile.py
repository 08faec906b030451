"""Reading TOML from content files, with errors that name the line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from teachin.limits import size_problem, structure_problem
from teachin.problems import Problem, error

_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)|\(at end of document\)")


def toml_error(exc: tomllib.TOMLDecodeError, path: Path, text: str, first_line: int = 1) -> Problem:
    """A Problem for a TOML syntax error; ``first_line`` is where the TOML starts in the file."""
    message = str(exc)
    match = _AT_LINE.search(message)
    line = int(match.group(1)) if match and match.group(1) else text.count("\n") + 1
    reason = _AT_LINE.sub("", message).strip()
    return error(path, first_line + line - 1, f"malformed settings (TOML): {reason}")


def parse_toml(
    text: str, path: Path, first_line: int = 1
) -> tuple[dict[str, Any] | None, Problem | None]:
    """TOML ``text`` (from ``path``, starting at ``first_line``) as a table, or the Problem.

    The limits on nesting and digits are checked first; the parser's own
    RecursionError and ValueError are caught too, so that no TOML can break a command.
    """
    problem = structure_problem(text, path, first_line)
    if problem is not None:
        return None, problem
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        return None, toml_error(exc, path, text, first_line)
    except (RecursionError, ValueError, MemoryError) as exc:
        return None, error(path, first_line, f"cannot read these settings (TOML): {exc}")


def read_text(path: Path) -> tuple[str | None, Problem | None]:
    """The file's text, or a Problem saying why it cannot be read.

    A file above the size limit is not read at all; a UTF-8 byte-order mark
    (added by older Notepad) is dropped; line endings become ``\\n``.
    """
    try:
        too_big = size_problem(path, path.stat().st_size)
        if too_big is not None:
            return None, too_big
        raw = path.read_bytes()
    except OSError as exc:
        return None, error(path, 1, f"cannot read file: {exc.strerror or exc}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, error(path, line, "not UTF-8 text: save the file with UTF-8 encoding")
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def load_toml_file(path: Path) -> tuple[dict[str, Any] | None, str, list[Problem]]:
    text, problem = read_text(path)
    if problem is not None or text is None:
        return None, "", [problem] if problem else []
    data, problem = parse_toml(text, path)
    return data, text, [problem] if problem else []
