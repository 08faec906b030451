"""Markdown to HTML for module text, with teachin's blocks and links.

Content folders are shared between groups, so they are untrusted: raw HTML in
Markdown is shown as text, never passed through; pictures load only from
inside the content folder they came with (never from the network); only the
attributes ``teachin.workshop.content_policy`` allows are set; and the work
done on any text is bounded (``teachin.workshop.bounded``). What the renderer
refuses is kept as notices, which ``teachin check`` reports with their lines.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block

from teachin.problems import Severity
from teachin.workshop.bounded import BoundedExtension, ScanBudget
from teachin.workshop.content_policy import attribute_refusal, picture_path, picture_refusal
from teachin.workshop.markup_limits import MarkupTooComplex
from teachin.workshop.module import BLOCK_KINDS
from teachin.workshop.spectrum_svg import SPECTRUM_IMAGE, SPECTRUM_TITLE, WEDGES
from teachin.workshop.staircase import STAIRCASE_IMAGE

INTERNAL_SCHEMES = ("module", "glossary")
EXTERNAL_SCHEMES = ("http", "https", "mailto")

BLOCK_LABELS = {
    "notes": "Facilitator notes",
    "activity": "Activity",
    "questions": "Discussion questions",
    "handout": "Handout",
    "example": "Example",
    "callout": "Note",
    "prerequisite": "Before you start",
    "solution": "Solution",
}

MARKDOWN_EXTENSIONS = [
    "tables",
    "footnotes",
    "toc",
    "attr_list",
    "def_list",
    "sane_lists",
    "smarty",
    "pymdownx.superfences",
]


@dataclass(frozen=True)
class Notice:
    """Something in the text that the renderer refused, and the text to find it by."""

    needle: str
    message: str
    severity: Severity = Severity.WARNING


class _Conversion:
    """What one conversion needs besides the text: where pictures come from, the
    ids set so far, the notices, and the scan budget."""

    def __init__(self) -> None:
        self.image_base: Path | None = None
        self.ids: set[str] = set()
        self.notices: list[Notice] = []
        self.budget = ScanBudget()

    def start(self, image_base: Path | None) -> None:
        self.image_base = image_base
        self.ids = set()
        self.notices = []
        self.budget.reset()

    def refuse(self, needle: str, message: str, severity: Severity = Severity.WARNING) -> None:
        self.notices.append(Notice(needle, message, severity))


def _block_class(kind: str, hidden: frozenset[str], conversion: _Conversion) -> type[Block]:
    """A pymdownx block for one kind; hidden kinds render to nothing."""

    class ContentBlock(Block):
        NAME = kind
        ARGUMENT = None
        OPTIONS: ClassVar[dict[str, object]] = {}  # pymdownx reads this class attribute

        def on_markdown(self) -> str:
            return "block"

        def on_validate(self, parent: etree.Element) -> bool:
            # pymdownx lets every block set HTML attributes ("attrs: {style: ...}"):
            # a pack could restyle or hide facilitator notes with them.
            for name in self.options.get("attrs", {}):
                conversion.refuse(
                    "attrs",
                    f"block option 'attrs: {name}' is not allowed in content: it is ignored",
                )
            self.options["attrs"] = {}
            return True

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
            if kind == "spectrum":
                paragraph = etree.SubElement(parent, "p", {"class": "staircase"})
                alt = f"{SPECTRUM_TITLE}, from our side to the other: {', '.join(WEDGES)}"
                etree.SubElement(paragraph, "img", {"src": SPECTRUM_IMAGE, "alt": alt})
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
    def __init__(self, hidden: frozenset[str], conversion: _Conversion) -> None:
        self.hidden = hidden
        self.conversion = conversion
        super().__init__()

    def extendMarkdownBlocks(self, md: markdown.Markdown, block_mgr: BlocksProcessor) -> None:
        for kind in BLOCK_KINDS:
            block_mgr.register(_block_class(kind, self.hidden, self.conversion), {})


class _LinkRewriter(Treeprocessor):
    """Marks internal links, keeps pictures inside the content folder, and drops unsafe links."""

    def __init__(self, md: markdown.Markdown, conversion: _Conversion) -> None:
        super().__init__(md)
        self.conversion = conversion

    def run(self, root: etree.Element) -> None:
        for element in root.iter("a"):
            href = element.get("href", "")
            scheme = urlsplit(href).scheme
            if scheme in INTERNAL_SCHEMES:
                element.set("class", f"xref {scheme}")
            elif scheme and scheme not in EXTERNAL_SCHEMES:
                element.attrib.pop("href", None)
        base = self.conversion.image_base
        for element in root.iter("img"):
            src = element.get("src", "")
            if src in (STAIRCASE_IMAGE, SPECTRUM_IMAGE):
                continue
            refusal = picture_refusal(src, base)
            if refusal is not None or base is None:
                on_web = urlsplit(src).scheme in ("http", "https")
                severity = Severity.WARNING if on_web else Severity.ERROR
                self.conversion.refuse(src, refusal or "", severity)
                alt = element.get("alt", "picture")
                element.tag = "span"
                element.attrib.clear()
                element.set("class", "refused-picture")
                element.text = f"[{alt}]"
                continue
            element.set("src", picture_path(src, base).as_uri())


class _AllowedAttributes(AttrListTreeprocessor):
    """``{: .class #id }`` sets only the classes and ids the content policy allows."""

    def __init__(self, md: markdown.Markdown, conversion: _Conversion) -> None:
        super().__init__(md)
        self.conversion = conversion

    def assign_attrs(self, elem: etree.Element, attrs_string: str, *, strict: bool = False) -> str:
        attrs, remainder = get_attrs_and_remainder(attrs_string)
        if strict and remainder:
            return remainder
        for name, value in attrs:
            key = name if name == "." else self.sanitize_name(name)
            refusal = attribute_refusal(key, value, self.conversion.ids)
            if refusal is not None:
                self.conversion.refuse(attrs_string.strip(), refusal)
            elif key == ".":
                classes = elem.get("class")
                elem.set("class", f"{classes} {value}" if classes else str(value))
            else:
                self.conversion.ids.add(str(value))
                elem.set("id", str(value))
        return remainder


_Options = dict[str, Any]


def _code_validator(conversion: _Conversion) -> Callable[..., bool]:
    def validate(
        language: str, inputs: _Options, options: _Options, attrs: _Options, md: markdown.Markdown
    ) -> bool:
        for key in inputs:
            conversion.refuse(key, f"code block option '{key}' is not supported: it is ignored")
        return True

    return validate


def _code_formatter(conversion: _Conversion) -> Callable[..., str]:
    def format_code(
        source: str,
        language: str,
        class_name: str,
        options: _Options,
        md: markdown.Markdown,
        **kw: Any,
    ) -> str:
        extra = [c for c in kw.get("classes") or [] if c != language]
        if kw.get("id_value") or extra:
            conversion.refuse(
                kw.get("id_value") or extra[0],
                "a code block takes only a language name: its other attributes are ignored",
            )
        # In a table cell: Qt pads and frames cells, not paragraphs.
        return (
            '<table class="code" width="100%" cellspacing="0" cellpadding="8"><tr><td class="code">'
            f'<pre class="code"><code>{escape(source, quote=False)}</code></pre></td></tr></table>'
        )

    return format_code


class _TeachinExtension(Extension):
    def __init__(self, conversion: _Conversion) -> None:
        self.conversion = conversion
        super().__init__()

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_AllowedAttributes(md, self.conversion), "attr_list", 8)
        md.treeprocessors.register(_LinkRewriter(md, self.conversion), "teachin_links", 0)


class MarkdownRenderer:
    """Converts content Markdown to HTML, hiding the block kinds it is told to."""

    def __init__(self, hidden: Iterable[str] = ()) -> None:
        self.hidden = frozenset(hidden)
        self._conversion = _Conversion()
        self._md = self._build()

    def _build(self) -> markdown.Markdown:
        conversion = self._conversion
        code_fence = {
            "name": "*",
            "class": "code",
            "format": _code_formatter(conversion),
            "validator": _code_validator(conversion),
        }
        return markdown.Markdown(
            extensions=[
                *MARKDOWN_EXTENSIONS,
                _TeachinBlocks(self.hidden, conversion),
                _TeachinExtension(conversion),
                BoundedExtension(conversion.budget),
            ],
            extension_configs={
                "toc": {"permalink": False},
                "footnotes": {"BACKLINK_TEXT": ""},
                "pymdownx.superfences": {"custom_fences": [code_fence]},
            },
            output_format="xhtml",
        )

    @property
    def notices(self) -> list[Notice]:
        """What the last conversion refused (pictures, attributes)."""
        return list(self._conversion.notices)

    def convert(self, text: str, image_base: Path | None = None) -> str:
        """The HTML for ``text``; raises ``MarkupTooComplex`` when the text would take
        too long or nest too deeply to render."""
        self._conversion.start(image_base)
        try:
            return self._md.reset().convert(text)
        except RecursionError as exc:
            # The limits checked before parsing should make this unreachable; a
            # half-finished parse leaves state behind, so start a fresh parser.
            self._md = self._build()
            raise MarkupTooComplex("the text is nested too deeply to render") from exc
        except MarkupTooComplex:
            self._md = self._build()
            raise
        finally:
            self._conversion.image_base = None

    def inline(self, text: str) -> str:
        """One line of Markdown without its enclosing paragraph."""
        html = self.convert(text)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]
        return html
