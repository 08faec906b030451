"""The glossary: key terms in ``glossary.toml``, one ``[[term]]`` each."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from teachin.limits import MAX_TERMS, count_problem
from teachin.problems import Problem, error, id_lines, warning

_FIELDS = {"id", "term", "definition", "see_also", "module"}


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    path: Path
    line: int
    see_also: tuple[str, ...] = ()
    module: str | None = None


def load_glossary(path: Path) -> tuple[list[Term], list[Problem]]:
    # Imported here: a start-up served by the library cache parses no TOML.
    from teachin.tomlfile import load_toml_file

    data, text, problems = load_toml_file(path)
    if data is None:
        return [], problems
    raw_terms = data.get("term")
    if not isinstance(raw_terms, list):
        return [], [error(path, 1, "the glossary has no [[term]] entries")]
    too_many = count_problem(path, 1, len(raw_terms), MAX_TERMS, "terms")
    if too_many is not None:
        return [], [*problems, too_many]
    terms: list[Term] = []
    lines = id_lines(text)
    for raw in raw_terms:
        if not isinstance(raw, dict):
            problems.append(error(path, 1, "each term is a [[term]] table: this one is not"))
            continue
        term_id = raw.get("id")
        line = lines.get(term_id, 1) if isinstance(term_id, str) else 1
        missing = [key for key in ("id", "term", "definition") if not isinstance(raw.get(key), str)]
        if missing:
            problems.append(error(path, line, f"term is missing {', '.join(missing)}"))
            continue
        for key in sorted(set(raw) - _FIELDS):
            problems.append(warning(path, line, f"unknown term field '{key}' is ignored"))
        see_also = raw.get("see_also", [])
        if not isinstance(see_also, list) or not all(isinstance(s, str) for s in see_also):
            problems.append(error(path, line, "'see_also' must be a list of term ids"))
            see_also = []
        module = raw.get("module")
        terms.append(
            Term(
                id=raw["id"],
                term=raw["term"].strip(),
                definition=raw["definition"].strip(),
                path=path,
                line=line,
                see_also=tuple(see_also),
                module=module if isinstance(module, str) else None,
            )
        )
    return terms, problems
