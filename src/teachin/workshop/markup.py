"""Markdown to HTML for module text, with teachin's blocks and links.

Content folders are shared between groups, so they are untrusted: raw HTML in
Markdown is shown as text, never passed through, and pictures load only from
the content folder (never from the network).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block

from teachin.workshop.module import BLOCK_KINDS
from teachin.workshop.staircase import STAIRCASE_IMAGE

INTERNAL_SCHEMES = ("module", "glossary")
EXTERNAL_SCHEMES = ("http", "https", "mailto")

BLOCK_LABELS = {
    "notes": "Facilitator notes",
    "activity": "Activity",
    "questions": "Discussion questions",
    "handout": "Handout",
    "example": "Example",
}

MARKDOWN_EXTENSIONS = [
    "tables",
    "footnotes",
    "toc",
    "attr_list",
    "def_list",
    "sane_lists",
    "smarty",
]


def _block_class(kind: str, hidden: frozenset[str]) -> type[Block]:
    """A pymdownx block for one kind; hidden kinds render to nothing."""

    class ContentBlock(Block):
        NAME = kind
        ARGUMENT = None
        OPTIONS: ClassVar[dict[str, object]] = {}  # pymdownx reads this class attribute

        def on_markdown(self) -> str:
            return "block"

        def on_create(self, parent: etree.Element) -> etree.Element:
            if kind in hidden:
                # A detached element: its content is parsed, then dropped.
                return etree.Element("div")
            if kind == "staircase":
                paragraph = etree.SubElement(parent, "p", {"class": "staircase"})
                etree.SubElement(
                    paragraph,
                    "img",
                    {"src": STAIRCASE_IMAGE, "alt": "The escalation staircase, bottom step to top"},
                )
                return etree.Element("div")
            table = etree.SubElement(
                parent,
                "table",
                {
                    "class": f"block {kind}",
                    "width": "100%",
                    "cellspacing": "0",
                    "cellpadding": "12",
                },
            )
            cell = etree.SubElement(etree.SubElement(table, "tr"), "td", {"class": kind})
            label = BLOCK_LABELS[kind]
            if self.argument:
                label = f"{label}: {self.argument}"
            heading = etree.SubElement(cell, "p", {"class": "block-label"})
            heading.text = label
            return cell

    ContentBlock.__name__ = f"{kind.title()}Block"
    return ContentBlock


class _TeachinBlocks(BlocksExtension):
    def __init__(self, hidden: frozenset[str]) -> None:
        self.hidden = hidden
        super().__init__()

    def extendMarkdownBlocks(self, md: markdown.Markdown, block_mgr: BlocksProcessor) -> None:
        for kind in BLOCK_KINDS:
            block_mgr.register(_block_class(kind, self.hidden), {})


class _LinkRewriter(Treeprocessor):
    """Marks internal links, keeps pictures local, and drops unsafe links."""

    def __init__(self, md: markdown.Markdown, image_base: list[Path | None]) -> None:
        super().__init__(md)
        self.image_base = image_base

    def run(self, root: etree.Element) -> None:
        for element in root.iter("a"):
            href = element.get("href", "")
            scheme = urlsplit(href).scheme
            if scheme in INTERNAL_SCHEMES:
                element.set("class", f"xref {scheme}")
            elif scheme and scheme not in EXTERNAL_SCHEMES:
                element.attrib.pop("href", None)
        for element in root.iter("img"):
            src = element.get("src", "")
            if src == STAIRCASE_IMAGE:
                continue
            base = self.image_base[0]
            if urlsplit(src).scheme or base is None or src.startswith("/"):
                element.tag = "span"
                element.text = f"[{element.get('alt', 'picture')}]"
                element.attrib.clear()
                continue
            element.set("src", (base / src).resolve().as_uri())


class _TeachinExtension(Extension):
    def __init__(self, image_base: list[Path | None]) -> None:
        self.image_base = image_base
        super().__init__()

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_LinkRewriter(md, self.image_base), "teachin_links", 0)


class MarkdownRenderer:
    """Converts content Markdown to HTML, hiding the block kinds it is told to."""

    def __init__(self, hidden: Iterable[str] = ()) -> None:
        self.hidden = frozenset(hidden)
        self._image_base: list[Path | None] = [None]
        self._md = markdown.Markdown(
            extensions=[
                *MARKDOWN_EXTENSIONS,
                _TeachinBlocks(self.hidden),
                _TeachinExtension(self._image_base),
            ],
            extension_configs={"toc": {"permalink": False}, "footnotes": {"BACKLINK_TEXT": ""}},
            output_format="xhtml",
        )

    def convert(self, text: str, image_base: Path | None = None) -> str:
        self._image_base[0] = image_base
        try:
            return self._md.reset().convert(text)
        finally:
            self._image_base[0] = None

    def inline(self, text: str) -> str:
        """One line of Markdown without its enclosing paragraph."""
        html = self.convert(text)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]
        return html
