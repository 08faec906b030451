"""Python-Markdown with bounded work on hostile text.

Content packs are untrusted, and a few of Python-Markdown's processors do more
than linear work on text built to hurt them: every ``[`` scans to the end of
its paragraph looking for the ``]`` and ``)`` that close it (``[a](`` repeated
20,000 times took minutes), every unmatched run of backticks scans for its
partner, and a definition list written without blank lines nests each term in
the previous definition (500 terms overflowed Python's stack).

Here those processors look at most a window of text past where they start and
charge what they scan to a per-conversion budget; a conversion that spends its
budget, or builds a tree deeper than ``MAX_TREE_DEPTH``, stops with
``MarkupTooComplex``. The limits in ``teachin.limits`` (line length, nesting,
footnotes), checked before parsing, keep ordinary content far from both.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.extensions.def_list import DefListProcessor
from markdown.inlinepatterns import (
    IMAGE_LINK_RE,
    IMAGE_REFERENCE_RE,
    LINK_RE,
    REFERENCE_RE,
    BacktickInlineProcessor,
    ImageInlineProcessor,
    ImageReferenceInlineProcessor,
    InlineProcessor,
    LinkInlineProcessor,
    ReferenceInlineProcessor,
    ShortImageReferenceInlineProcessor,
    ShortReferenceInlineProcessor,
)
from markdown.treeprocessors import Treeprocessor

from teachin.workshop.markup_limits import MarkupTooComplex

LINK_WINDOW = 1_000
"""Characters a link or picture may span, from its ``[`` to its closing ``)``."""
CODE_SPAN_WINDOW = 2_000
"""Characters an inline code span may span, backticks included."""
SCAN_BUDGET = 400_000
"""Characters the bounded processors may scan in one conversion: a link's target is
scanned at about a microsecond a character, so about 0.5 s (ordinary text spends
the length of its links and code spans)."""
MAX_TREE_DEPTH = 64
"""Elements inside each other in the rendered HTML (real content: under 12)."""


class ScanBudget:
    """Characters scanned so far in one conversion, against ``SCAN_BUDGET``."""

    def __init__(self) -> None:
        self.spent = 0

    def reset(self) -> None:
        self.spent = 0

    def spend(self, characters: int) -> None:
        self.spent += characters
        if self.spent > SCAN_BUDGET:
            raise MarkupTooComplex(
                "the text has too many unclosed brackets or backticks to render in time"
            )


_Match = tuple[etree.Element | str | None, int | None, int | None]


class _Windowed(LinkInlineProcessor):
    """Runs a link processor on a window of the text from its match: at most
    ``LINK_WINDOW`` characters are scanned, whatever the length of the paragraph.
    Mixed in before Python-Markdown's link, picture and reference processors."""

    budget: ScanBudget

    def handleMatch(self, m: re.Match[str], data: str) -> _Match:  # type: ignore[override]
        begin = m.start(0)
        window = data[begin : begin + LINK_WINDOW]
        local = self.compiled_re.match(window)
        if local is None:  # a look-behind that needs the text before the window
            return None, None, None
        element, start, end = super().handleMatch(local, window)
        if start is None or end is None:
            return element, start, end
        return element, start + begin, end + begin

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        text, end, handled = super().getText(data, index)
        self.budget.spend(end - index)
        return text, end, handled

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        href, title, end, handled = super().getLink(data, index)
        if handled:
            self.budget.spend(end - index)
        elif data.startswith("(", index):  # an unclosed target: scanned to the window's end
            self.budget.spend(len(data) - index)
        return href, title, end, handled


class _Link(_Windowed):
    pass


class _Image(_Windowed, ImageInlineProcessor):
    pass


class _Reference(_Windowed, ReferenceInlineProcessor):
    pass


class _ShortReference(_Windowed, ShortReferenceInlineProcessor):
    pass


class _ImageReference(_Windowed, ImageReferenceInlineProcessor):
    pass


class _ShortImageReference(_Windowed, ShortImageReferenceInlineProcessor):
    pass


class _Backtick(BacktickInlineProcessor):
    """Looks for the backticks that close a code span in a window, not to the paragraph's end."""

    budget: ScanBudget

    def find_code_spans(self, start: int, text: str) -> tuple[int, int | None]:  # type: ignore[override]
        window = text[start : start + CODE_SPAN_WINDOW]
        spans: tuple[int, int | None] = super().find_code_spans(0, window)  # type: ignore[assignment]
        local_start, local_end = spans
        self.budget.spend(len(window) if local_end is None else local_end)
        if local_end is None:
            return start + local_start, None
        return start + local_start, start + local_end


class _FlatDefinitions(DefListProcessor):
    """A definition list written without blank lines stays one flat list.

    Python-Markdown reads the next term and definition as part of the previous
    definition and nests a list in it, once per term; here a definition ends at
    the line before the next ``:`` line, and the rest is read as the next item.
    """

    def run(self, parent: etree.Element, blocks: list[str]) -> bool | None:
        raw = blocks[0]
        definition = self.RE.search(raw)
        if definition is not None:
            rest = raw[definition.end() :]
            following = self.RE.search(rest)
            if following is not None and self.NO_INDENT_RE.match(rest):
                # ``rest`` starts with a term or continuation line, so the next
                # ``:`` line is not its first line and has a term line above it.
                colon_line = following.start() + len(following.group(1))
                term_line = rest.rfind("\n", 0, colon_line - 1) + 1
                cut = definition.end() + term_line
                blocks[0:1] = [raw[:cut].rstrip("\n"), raw[cut:]]
        return super().run(parent, blocks)


class _DepthGuard(Treeprocessor):
    """Stops a tree nested deeper than ``MAX_TREE_DEPTH`` before anything walks it
    recursively (the table of contents, the serializer, Qt's HTML reader)."""

    def run(self, root: etree.Element) -> None:
        stack = [(root, 0)]
        while stack:
            element, depth = stack.pop()
            if depth > MAX_TREE_DEPTH:
                raise MarkupTooComplex(
                    f"the text is nested too deeply to render (more than {MAX_TREE_DEPTH} levels)"
                )
            stack.extend((child, depth + 1) for child in element)


class BoundedExtension(Extension):
    """Replaces the processors that can be made to scan without end, and guards depth."""

    def __init__(self, budget: ScanBudget) -> None:
        self.budget = budget
        super().__init__()

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        replacements: list[tuple[InlineProcessor, str, int]] = [
            (_Backtick(md.inlinePatterns["backtick"].pattern), "backtick", 190),
            (_Reference(REFERENCE_RE, md), "reference", 170),
            (_Link(LINK_RE, md), "link", 160),
            (_Image(IMAGE_LINK_RE, md), "image_link", 150),
            (_ImageReference(IMAGE_REFERENCE_RE, md), "image_reference", 140),
            (_ShortReference(REFERENCE_RE, md), "short_reference", 130),
            (_ShortImageReference(IMAGE_REFERENCE_RE, md), "short_image_ref", 125),
        ]
        for processor, name, priority in replacements:
            processor.budget = self.budget  # type: ignore[attr-defined]
            md.inlinePatterns.register(processor, name, priority)
        if "deflist" in md.parser.blockprocessors:
            md.parser.blockprocessors.register(_FlatDefinitions(md.parser), "deflist", 25)
        # After the inline patterns (20) and before everything that walks the tree.
        md.treeprocessors.register(_DepthGuard(md), "teachin_depth", 19.5)
