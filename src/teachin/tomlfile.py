"""Reading TOML from content files, with errors that name the line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from teachin.problems import Problem, error

_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)|\(at end of document\)")


def toml_error(exc: tomllib.TOMLDecodeError, path: Path, text: str, first_line: int = 1) -> Problem:
    """A Problem for a TOML syntax error; ``first_line`` is where the TOML starts in the file."""
    message = str(exc)
    match = _AT_LINE.search(message)
    line = int(match.group(1)) if match and match.group(1) else text.count("\n") + 1
    reason = _AT_LINE.sub("", message).strip()
    return error(path, first_line + line - 1, f"malformed settings (TOML): {reason}")


def read_text(path: Path) -> tuple[str | None, Problem | None]:
    """The file's text, or a Problem saying why it cannot be read."""
    try:
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
    try:
        return tomllib.loads(text), text, []
    except tomllib.TOMLDecodeError as exc:
        return None, text, [toml_error(exc, path, text)]
