"""Search across modules and the glossary, down to the slide."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from teachin.workshop.library import Library

_MARKUP = re.compile(
    # A link's text; emphasis, code, headings, quotes, tables; notes and rules; and a
    # list item's marker ("- ", "* ", "1. ") at the start of its line.
    r"\[([^\]]*)\]\([^)]*\)|[*_`#>|]|^///.*$|^---$|^[ \t]*(?:[-+]|\d+[.)])[ \t]+",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Hit:
    kind: str
    """``module`` or ``glossary``."""
    target_id: str
    title: str
    where: str
    """Slide title, or the term."""
    slide: int | None
    snippet: str
    match: str

    @property
    def href(self) -> str:
        return f"{self.kind}:{self.target_id}"


@dataclass(frozen=True)
class _Entry:
    kind: str
    target_id: str
    title: str
    where: str
    slide: int | None
    text: str
    folded: str


def plain_text(markdown_text: str) -> str:
    """Markdown without its markup, for searching and snippets."""
    text = _MARKUP.sub(lambda m: m.group(1) or "", markdown_text)
    return re.sub(r"\s+", " ", text).strip()


class SearchIndex:
    def __init__(self, library: Library) -> None:
        self._entries: list[_Entry] = []
        for module in library.ordered_modules():
            header = " ".join([module.title, module.summary, *module.objectives])
            self._add("module", module.id, module.title, "Overview", None, header)
            for slide in module.slides:
                self._add("module", module.id, module.title, slide.title, slide.index, slide.text)
        for term in library.sorted_terms():
            self._add(
                "glossary", term.id, "Glossary", term.term, None, f"{term.term} {term.definition}"
            )

    def _add(
        self, kind: str, target_id: str, title: str, where: str, slide: int | None, text: str
    ) -> None:
        plain = plain_text(text)
        self._entries.append(_Entry(kind, target_id, title, where, slide, plain, plain.casefold()))

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Places that hold every word of ``query``; those holding the words together,
        as a phrase, come first and mark the whole phrase."""
        words = query.casefold().split()
        if not words:
            return []
        phrase = " ".join(words)
        together: list[Hit] = []
        apart: list[Hit] = []
        for entry in self._entries:
            if all(word in entry.folded for word in words):
                if len(words) > 1 and phrase in entry.folded:
                    together.append(self._hit(entry, phrase))
                else:
                    apart.append(self._hit(entry, words[0]))
        return (together + apart)[:limit]

    @staticmethod
    def _hit(entry: _Entry, word: str, width: int = 60) -> Hit:
        at = entry.folded.find(word)
        start = max(0, at - width)
        end = min(len(entry.text), at + len(word) + width)
        # Whole words: from just after a space, to just before one.
        if start and entry.text[start - 1] != " ":
            space = entry.text.find(" ", start, at)
            start = space + 1 if space >= 0 else start
        if end < len(entry.text) and entry.text[end] != " ":
            space = entry.text.rfind(" ", at + len(word), end)
            end = space if space >= 0 else end
        snippet = (
            ("…" if start else "") + entry.text[start:end] + ("…" if end < len(entry.text) else "")
        )
        return Hit(
            entry.kind,
            entry.target_id,
            entry.title,
            entry.where,
            entry.slide,
            snippet,
            entry.text[at : at + len(word)],
        )


def marked_snippet(hit: Hit) -> str:
    """The snippet as HTML with the matched words in a ``<span class="match">``, so a
    list can show where the match is (bold and underlined, not by colour alone)."""
    at = hit.snippet.casefold().find(hit.match.casefold()) if hit.match else -1
    if at < 0:
        return escape(hit.snippet)
    end = at + len(hit.match)
    return (
        escape(hit.snippet[:at])
        + f'<span class="match">{escape(hit.snippet[at:end])}</span>'
        + escape(hit.snippet[end:])
    )
