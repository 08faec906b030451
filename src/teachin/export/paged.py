"""The paged engine: one QTextDocument laid out at the paper size, painted page by page.

``QTextDocument.print_()`` only adds a page number. Here the document is laid out
once at the full page size (the page margins are the root frame's margins, so
Qt's own pagination keeps every line inside them), then each page's slice is
painted with a running header (the document title, and the current section on
the right) and a footer "page X of Y", except on the cover.

Before painting, the document is made fit for paper:

* the staircase picture (``<img src="teachin:staircase">``) and charts
  (``<img src="teachin:NAME">``) become text objects painted from SVG, so they
  stay vector graphics in the PDF;
* links become readable text: internal links plain, web links followed by
  their address in parentheses;
* a heading (or a block label, or a table's header row) never ends a page: when
  the text it introduces starts on the next page, the page breaks before it.

QtGui only: no widgets, so the command line and the GUI preview share it.
"""

from __future__ import annotations

import locale
import os
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from html import escape, unescape
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEventLoop,
    QIODevice,
    QMarginsF,
    QPointF,
    QRect,
    QRectF,
    QSaveFile,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPyTextObject,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextList,
    QTextOption,
    QTextTable,
)
from PySide6.QtSvg import QSvgRenderer

from teachin.export.fonts import with_bundled_family
from teachin.workshop.staircase import PICTURE_HEIGHT, PICTURE_WIDTH

RESOLUTION = 1200
"""Dots per inch of the layout and of the PDF: fine enough for exact font metrics."""
MM = RESOLUTION / 25.4
PAGE_TOP_SLACK = 14.0
"""Millimetres below the top margin within which a heading already starts its page."""
KEEP_LINES = 6
"""A paragraph of at most this many lines is moved whole rather than cut."""
KEEP_LIST_LINES = 10
"""The same for a list (the sources, objectives, questions)."""
KEEP_TOGETHER = 0.45
"""A table shorter than this share of a page is moved whole rather than cut."""
STAIRCASE_SRC = "teachin:staircase"
SVG_OBJECT = int(QTextFormat.ObjectTypes.UserObject) + 1
PICTURE_PROPERTY = int(QTextFormat.Property.UserProperty) + 1
"""The char format property that names an SVG picture's source."""
PICTURE_SCALE_PROPERTY = int(QTextFormat.Property.UserProperty) + 2
"""A picture drawn smaller than its full size, to stay on its heading's page."""
MIN_PICTURE_SCALE = 0.7
"""A picture is shrunk to at most this share of its size to share its heading's page;
one that would need more goes to the next page with its heading."""
LEAD_IN_LINES = 4
"""Lines of text between a heading and a picture that go along with them."""
STAIRCASE_ASPECT = PICTURE_HEIGHT / PICTURE_WIDTH
_OBJECT = "\ufffc"
"""What a picture is in a document's text."""
STAIRCASE_WIDTH = 0.85
"""The staircase's share of the text width: big enough to read, small enough to share a page."""
LETTER_TERRITORIES = frozenset({"US", "CA"})
"""Territories whose default paper is US Letter; everywhere else gets A4."""

_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL)
_HREF = re.compile(r'\bhref="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_SLIDE_NUMBER = re.compile(r"^Slide \d+ of \d+$")
_WEB_SCHEMES = ("http", "https", "mailto")


class Paper(StrEnum):
    LETTER = "letter"
    A4 = "a4"

    def page_size(self) -> QPageSize:
        return QPageSize(
            QPageSize.PageSizeId.Letter if self is Paper.LETTER else QPageSize.PageSizeId.A4
        )


def territory_of(locale_name: str) -> str:
    """``en_CA.UTF-8`` → ``CA``; ``fr-CA`` → ``CA``; no territory → ``""``."""
    name = locale_name.split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    _, _, territory = name.partition("_")
    return territory.upper()


def user_locale_name(environ: Mapping[str, str] | None = None) -> str:
    """The locale that decides paper: LC_ALL, then LC_PAPER, then LANG, then Python's."""
    variables = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        if variables.get(variable):
            return variables[variable]
    return locale.getlocale()[0] or ""


def default_paper(locale_name: str | None = None) -> Paper:
    """Letter for Canada and the US, A4 elsewhere."""
    name = user_locale_name() if locale_name is None else locale_name
    return Paper.LETTER if territory_of(name) in LETTER_TERRITORIES else Paper.A4


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres; the wide inner margin leaves room for binder holes."""

    inner: float = 27.0
    outer: float = 18.0
    top: float = 24.0
    bottom: float = 22.0
    header: float = 11.0
    """Distance from the page top to the header's text box."""
    footer: float = 11.0
    """Distance from the page bottom to the footer's text box."""


_PER_THREAD = threading.local()


def _layout_device() -> QPdfWriter:
    """A PDF writer that is never written: it gives the layout PDF font metrics.

    One per thread, so a GUI can lay a document out off its UI thread.
    """
    writer = getattr(_PER_THREAD, "writer", None)
    if writer is None:
        # A thread Qt did not start has no event dispatcher until an event loop is
        # made; a text layout starts timers, which without one only warn.
        _PER_THREAD.events = QEventLoop()
        _PER_THREAD.buffer = QBuffer()
        writer = _PER_THREAD.writer = QPdfWriter(_PER_THREAD.buffer)
        writer.setResolution(RESOLUTION)
    return writer


@cache
def _px_scale() -> float:
    """How many device units Qt's layout makes of one CSS pixel (and of a frame margin unit)."""
    probe = QTextDocument()
    probe.documentLayout().setPaintDevice(_layout_device())
    probe.setDocumentMargin(100)
    probe.setPlainText("x")
    top = probe.documentLayout().blockBoundingRect(probe.firstBlock()).top()
    return top / 100 if top > 0 else RESOLUTION / 96


class SvgObject(QPyTextObject):
    """Paints SVG pictures into the text as vector graphics.

    Each picture is an ``<img src="teachin:...">`` in the HTML, turned into a
    text object naming its source; it is as wide as ``width`` and as tall as
    the picture's own proportions make it.
    """

    def __init__(self, pictures: dict[str, str], width: float, max_height: float) -> None:
        super().__init__()
        self.renderers = {
            src: QSvgRenderer(QByteArray(svg.encode("utf-8"))) for src, svg in pictures.items()
        }
        self.width = width
        self.max_height = max_height
        """A picture never grows taller than this: it must fit on a page with its heading."""

    def _renderer(self, fmt: QTextFormat) -> QSvgRenderer | None:
        renderer = self.renderers.get(str(fmt.property(PICTURE_PROPERTY) or ""))
        return renderer if renderer is not None and renderer.isValid() else None

    def intrinsicSize(
        self, doc: QTextDocument, pos_in_document: int, format: QTextFormat
    ) -> QSizeF:
        renderer = self._renderer(format)
        aspect = STAIRCASE_ASPECT
        if renderer is not None and renderer.defaultSize().width() > 0:
            size = renderer.defaultSize()
            aspect = size.height() / size.width()
        height = min(self.width * aspect, self.max_height)
        scale = format.property(PICTURE_SCALE_PROPERTY)
        if isinstance(scale, float) and 0 < scale < 1:
            height *= scale
        return QSizeF(height / aspect, height)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        pos_in_document: int,
        format: QTextFormat,
    ) -> None:
        renderer = self._renderer(format)
        if renderer is not None:
            renderer.render(painter, rect)
        else:
            painter.save()
            painter.setPen(QPen(QColor("#000000"), MM * 0.3, Qt.PenStyle.DashLine))
            painter.drawRect(rect)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "(picture)")
            painter.restore()


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    page: int
    """0-based page index."""
    anchors: tuple[str, ...]


def _fragments(document: QTextDocument) -> Iterator[tuple[int, int, QTextCharFormat, str]]:
    """(position, length, format, text) of every fragment of the document, in order."""
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid():
                yield (
                    fragment.position(),
                    fragment.length(),
                    fragment.charFormat(),
                    fragment.text(),
                )
            it += 1
        block = block.next()


def _no_break_at_start(document: QTextDocument) -> None:
    """A page break before the very first block would only leave an empty page."""
    block = document.firstBlock()
    if block.blockFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
        fmt = block.blockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
        QTextCursor(block).setBlockFormat(fmt)


def _place_pictures(document: QTextDocument) -> None:
    """Each ``teachin:`` picture becomes an object the SVG handler draws."""
    spots = [
        (position, fmt.toImageFormat().name())
        for position, _, fmt, _ in _fragments(document)
        if fmt.isImageFormat() and fmt.toImageFormat().name().startswith("teachin:")
    ]
    for position, src in spots:
        fmt = QTextCharFormat()
        fmt.setObjectType(SVG_OBJECT)
        fmt.setProperty(PICTURE_PROPERTY, src)
        _select_character(document, position).setCharFormat(fmt)


def _select_character(document: QTextDocument, position: int) -> QTextCursor:
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
    return cursor


class PagedText:
    """One stretch of HTML laid out on pages: a QTextDocument at the paper size.

    A printed document is one or more of these, each starting on a new page
    (a module, the glossary): a change in one never lays the others out again.
    """

    def __init__(
        self,
        html: str,
        *,
        paper: Paper,
        margins: Margins,
        staircase_svg: str | None = None,
        base_url: Path | None = None,
        staircase_width: float = STAIRCASE_WIDTH,
        pictures: dict[str, str] | None = None,
    ) -> None:
        self.margins = margins
        size = paper.page_size().sizePoints()
        self.page_width = size.width() / 72 * RESOLUTION
        self.page_height = size.height() / 72 * RESOLUTION
        self.text_width = self.page_width - (margins.inner + margins.outer) * MM

        self.document = document = QTextDocument()
        # The bundled family, not the machine's default: the PDF embeds only it.
        document.setDefaultFont(with_bundled_family(document.defaultFont()))
        layout = document.documentLayout()
        layout.setPaintDevice(_layout_device())
        self.pictures = dict(pictures or {})
        if staircase_svg:
            self.pictures[STAIRCASE_SRC] = staircase_svg
        body_height = self.page_height - (margins.top + margins.bottom) * MM
        self._svg = SvgObject(self.pictures, self.text_width * staircase_width, body_height * 0.8)
        layout.registerHandler(SVG_OBJECT, self._svg)
        # The pictures are drawn by the handler; blank resources keep Qt from looking for them.
        for src in {STAIRCASE_SRC, *self.pictures}:
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(src), QImage())
        if base_url is not None:
            document.setBaseUrl(QUrl.fromLocalFile(str(base_url) + "/"))
        option = document.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(option)
        document.setHtml(printable_links(html))
        _no_break_at_start(document)

        scale = _px_scale()
        frame = document.rootFrame().frameFormat()
        frame.setLeftMargin(margins.inner * MM / scale)
        frame.setRightMargin(margins.outer * MM / scale)
        frame.setTopMargin(margins.top * MM / scale)
        frame.setBottomMargin(margins.bottom * MM / scale)
        document.rootFrame().setFrameFormat(frame)
        # Edits before the page size is set cost nothing: Qt lays out only once it has one.
        _place_pictures(document)
        document.setPageSize(QSizeF(self.page_width, self.page_height))
        self._settle()
        self.keep_with_next()

    # -- pagination -----------------------------------------------------------------

    @property
    def page_count(self) -> int:
        """The pages up to the last one with something printed on it: Qt counts one
        more when only the frame's bottom margin (or an empty closing block) spills
        over, which would print a blank page."""
        pages = self.document.pageCount()
        block = self.document.lastBlock()
        while block.isValid() and not (block.text().strip() and block.layout().lineCount()):
            block = block.previous()
        if not block.isValid():
            return pages
        return max(1, min(pages, self.page_of_line(*self._line_tops(block)[-1]) + 1))

    def _line_tops(self, block: QTextBlock) -> list[tuple[float, float]]:
        """(top, bottom) of each line of a block, in document coordinates."""
        layout = block.layout()
        rect = self.document.documentLayout().blockBoundingRect(block)
        origin = rect.top() - layout.boundingRect().top()
        return [
            (
                origin + layout.lineAt(i).y(),
                origin + layout.lineAt(i).y() + layout.lineAt(i).height(),
            )
            for i in range(layout.lineCount())
        ]

    def page_of(self, y: float) -> int:
        return int(y // self.page_height)

    def page_of_line(self, top: float, bottom: float) -> int:
        """The page a line is printed on: a line reaching into the bottom margin goes over."""
        page = self.page_of(top + 1)
        body_bottom = (page + 1) * self.page_height - self.margins.bottom * MM
        return page + 1 if bottom > body_bottom + 1 else page

    def block_page(self, block: QTextBlock) -> int:
        lines = self._line_tops(block)
        if lines:
            return self.page_of_line(*lines[0])
        return self.page_of(self.document.documentLayout().blockBoundingRect(block).top() + 1)

    def _table_of(self, block: QTextBlock) -> QTextTable | None:
        # Not QTextCursor.currentTable(): in PySide6 6.12 each call that finds no
        # table takes a reference from None, and the interpreter aborts at exit.
        frame = self.document.frameAt(block.position())
        return frame if isinstance(frame, QTextTable) else None

    def _keeps_with_next(self, block: QTextBlock) -> bool:
        if block.blockFormat().headingLevel() > 0:
            return True
        text = block.text().strip()
        if _SLIDE_NUMBER.match(text):
            return True
        table = self._table_of(block)
        if table is not None:
            cell = table.cellAt(block.position())
            if cell.row() < table.format().headerRowCount():
                return True
            # A block's label: the first paragraph of a one-cell table.
            if (
                table.rows() == 1
                and table.columns() == 1
                and cell.firstPosition() == block.position()
            ):
                return bool(text)
        return False

    def keep_with_next(self) -> int:
        """Moves to the next page any heading stranded at a page bottom, and any short
        table that would be cut in two; returns how many moves it made.

        One pass from the top: each move lays out only the text after it, and the
        scan goes on from there with the new positions.
        """
        return len(self._scan(fix=True))

    def layout_problems(self) -> list[str]:
        """What a reader would frown at, as it is laid out now: headings stranded at a
        page bottom and short tables cut in two (except where that cannot be helped)."""
        return self._scan(fix=False)

    def _scan(self, *, fix: bool) -> list[str]:
        found: list[str] = []
        chain: QTextBlock | None = None  # the first of the headings waiting for their text
        lead: QTextBlock | None = None  # the last headings, while only a few lines follow them
        lead_lines = 0
        block = self.document.begin()
        while block.isValid():
            if self._has_object(block) and lead is not None:
                if self._picture_left_behind(block, lead):
                    found.append(f"picture on another page than its heading: {lead.text()[:40]!r}")
                    if fix:
                        if not self._shrink_onto_page_of(block, lead):
                            self._break_before(lead)
                        self._settle()
                lead, chain = None, None
                block = block.next()
                continue
            table = self._table_of(block)
            if (
                table is not None
                and table.firstPosition() == block.position()
                and self._cut_short(table)
            ):
                target = chain or block
                if not self._at_page_top(target):
                    found.append(f"short table cut in two: {block.text()[:40]!r}")
                    if fix:
                        self._break_before(target)
                        self._settle()
            if not block.text().strip():
                block = block.next()
                continue
            if self._keeps_with_next(block):
                chain = chain or block
                if chain is block:
                    lead, lead_lines = block, 0
                block = block.next()
                continue
            lead_lines += len(self._line_tops(block))
            if lead_lines > LEAD_IN_LINES or table is not None:
                lead = None
            if chain is not None:
                lines = self._line_tops(block)[:2]
                start_page = self.block_page(chain)
                if any(
                    self.page_of_line(*line) > start_page for line in lines
                ) and not self._at_page_top(chain):
                    found.append(f"heading stranded at a page bottom: {chain.text()[:40]!r}")
                    if fix:
                        self._break_before(chain)
                        self._settle()
                    chain = None
                    block = block.next()
                    continue
            unit = self._unit(block) if table is None else []  # cells: see _cut_short
            if unit and self._cut_small(unit):
                target = chain or unit[0]
                if not self._at_page_top(target):
                    found.append(f"short paragraph or list cut in two: {block.text()[:40]!r}")
                    if fix:
                        self._break_before(target)
                        self._settle()
            chain = None
            block = unit[-1].next() if unit else block.next()
        return found

    def _unit(self, block: QTextBlock) -> list[QTextBlock]:
        """A paragraph, or all of a list's items from this one on: what should not be
        cut when it is short."""
        # None outside a list (PySide6's stubs leave None out of the return type).
        text_list: QTextList | None = block.textList()
        if text_list is None:
            return [block]
        unit = [block]
        following = block.next()
        while following.isValid() and following.textList() == text_list:
            unit.append(following)
            following = following.next()
        return unit

    def _cut_small(self, unit: list[QTextBlock]) -> bool:
        """True for a short paragraph or list (a few lines) that a page break cuts in two."""
        lines = [line for block in unit for line in self._line_tops(block)]
        limit = KEEP_LIST_LINES if unit[0].textList() is not None else KEEP_LINES
        if len(lines) < 2 or len(lines) > limit:
            return False
        return self.page_of_line(*lines[0]) != self.page_of_line(*lines[-1])

    def _cut_short(self, table: QTextTable) -> bool:
        """True for a table cut by a page break that would fit on one page with room to spare."""
        first = self._line_tops(self.document.findBlock(table.firstPosition()))
        last = self._line_tops(self.document.findBlock(table.lastPosition()))
        if not first or not last:
            return False
        top_page, bottom_page = self.page_of_line(*first[0]), self.page_of_line(*last[-1])
        if top_page == bottom_page:
            return False
        gap = (bottom_page - top_page) * (self.margins.top + self.margins.bottom) * MM
        height = last[-1][1] - first[0][0] - gap
        return height < KEEP_TOGETHER * (
            self.page_height - (self.margins.top + self.margins.bottom) * MM
        )

    def _picture_left_behind(self, picture: QTextBlock, lead: QTextBlock) -> bool:
        """True when a picture went to the next page and left its heading behind."""
        return self.block_page(picture) > self.block_page(lead) and not self._at_page_top(lead)

    def _shrink_onto_page_of(self, picture: QTextBlock, lead: QTextBlock) -> bool:
        """Draws the picture smaller so that it stays on its heading's page, when it
        needs to shrink no more than to MIN_PICTURE_SCALE; returns whether it did."""
        lines = self._line_tops(picture)
        previous = picture.previous()
        while previous.isValid() and not self._line_tops(previous):
            previous = previous.previous()
        if not lines or not previous.isValid():
            return False
        page = self.block_page(lead)
        body_bottom = (page + 1) * self.page_height - self.margins.bottom * MM
        spacing = picture.blockFormat().topMargin() + picture.blockFormat().bottomMargin()
        room = body_bottom - self._line_tops(previous)[-1][1] - spacing
        height = lines[0][1] - lines[0][0]
        scale = room / height * 0.97 if height > 0 else 0.0
        if scale < MIN_PICTURE_SCALE:
            return False
        self._set_picture_scale(picture, min(scale, 1.0))
        self._settle()
        if self.block_page(picture) == page:
            return True
        self._set_picture_scale(picture, 1.0)  # it did not fit after all
        return False

    def _set_picture_scale(self, block: QTextBlock, scale: float) -> None:
        fmt = QTextCharFormat()
        fmt.setProperty(PICTURE_SCALE_PROPERTY, float(scale))
        _select_character(
            self.document, block.position() + block.text().index(_OBJECT)
        ).mergeCharFormat(fmt)

    def _has_object(self, block: QTextBlock) -> bool:
        return _OBJECT in block.text()

    def _at_page_top(self, block: QTextBlock) -> bool:
        """True when the block is (nearly) the first thing on its page: moving it is no help."""
        lines = self._line_tops(block)
        if not lines:
            return True
        page = self.page_of_line(*lines[0])
        page_top = page * self.page_height + self.margins.top * MM
        return lines[0][0] - page_top < PAGE_TOP_SLACK * MM

    def _settle(self) -> None:
        """Finishes the layout now.

        Qt lays a long document out lazily, a chunk at a time; a format change in
        the middle of that leaves the blocks not yet reached without any lines
        (never painted). Asking for the document's size finishes the layout.
        """
        self.document.documentLayout().documentSize()

    def unlaid_blocks(self) -> list[str]:
        """Texts of blocks that have no lines: should always be empty (a self-check)."""
        missing = []
        block = self.document.begin()
        while block.isValid():
            if block.text().strip() and block.layout().lineCount() == 0:
                missing.append(block.text())
            block = block.next()
        return missing

    def _break_before(self, block: QTextBlock) -> None:
        """Starts a new page before the block, or before the table it opens."""
        table = self._table_of(block)
        fmt = QTextBlockFormat()
        if table is None:
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(block).mergeBlockFormat(fmt)
            return
        # Not a break after the block before the table: Qt ignores that on the empty
        # block between two tables.
        table_format = table.format()
        table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        table.setFormat(table_format)

    # -- what is where ----------------------------------------------------------------

    def headings(self) -> list[Heading]:
        found = []
        block = self.document.begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level > 0 and block.text().strip():
                anchors: list[str] = []
                it = block.begin()
                while not it.atEnd():
                    anchors.extend(it.fragment().charFormat().anchorNames())
                    it += 1
                found.append(
                    Heading(level, block.text().strip(), self.block_page(block), tuple(anchors))
                )
            block = block.next()
        return found

    def anchor_pages(self) -> dict[str, int]:
        """1-based page of every named anchor (``<a name>`` or heading id)."""
        pages: dict[str, int] = {}
        for position, _, fmt, _ in _fragments(self.document):
            names = fmt.anchorNames()
            if names:
                page = self.block_page(self.document.findBlock(position)) + 1
                for name in names:
                    pages.setdefault(name, page)
        return pages

    @contextmanager
    def editing(self) -> Iterator[QTextDocument]:
        """Edits the text with pagination off, then lays the pages out once again.

        Every edit to a paginated document lays out all the text after it;
        without a page size Qt waits, so many small edits cost one layout.
        """
        self.document.setPageSize(QSizeF())
        try:
            yield self.document
        finally:
            self.document.setPageSize(QSizeF(self.page_width, self.page_height))
            self._settle()

    def paint_body(self, painter: QPainter, index: int) -> None:
        """Paints the text of page ``index`` (0-based), origin at the page's corner."""
        top = index * self.page_height
        # Exactly the text area: Qt paints a table cell cut by a page break as one
        # rectangle, which would otherwise show through into the margins.
        body = QRectF(
            0,
            self.margins.top * MM,
            self.page_width,
            self.page_height - (self.margins.top + self.margins.bottom) * MM,
        )
        painter.save()
        painter.setClipRect(body)
        painter.translate(0, -top)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = body.translated(0, top)
        context.palette.setColor(context.palette.ColorRole.Text, QColor("#000000"))
        self.document.documentLayout().draw(painter, context)
        painter.restore()


class PagedDocument:
    """A printable document: its parts laid out on pages of one paper size, ready to
    paint to a PDF (``write_pdf``) or to pictures for a preview (``page_image``).

    Each part starts on a new page. Pages are numbered through the whole
    document; the running header shows the title and the current section, the
    footer "page X of Y"; the cover (the first page, if ``cover``) has neither.
    """

    def __init__(
        self,
        parts: str | list[str],
        *,
        title: str,
        paper: Paper,
        author: str = "",
        cover: bool = False,
        staircase_svg: str | None = None,
        margins: Margins | None = None,
        base_url: Path | None = None,
        running_title: str | None = None,
        staircase_width: float = STAIRCASE_WIDTH,
        pictures: dict[str, str] | None = None,
    ) -> None:
        self.title = title
        self.running_title = running_title or title
        """Left of the running header; the current section goes on the right."""
        self.author = author
        self.paper = paper
        self.cover = cover
        self.margins = margins or Margins()
        self.sections = [
            PagedText(
                html,
                paper=paper,
                margins=self.margins,
                staircase_svg=staircase_svg,
                base_url=base_url,
                staircase_width=staircase_width,
                pictures=pictures,
            )
            for html in ([parts] if isinstance(parts, str) else parts)
        ]
        first = (
            self.sections[0] if self.sections else PagedText("", paper=paper, margins=self.margins)
        )
        self.page_width, self.page_height = first.page_width, first.page_height
        self.text_width = first.text_width
        self._font = QFont(first.document.defaultFont())

    @property
    def page_count(self) -> int:
        return sum(section.page_count for section in self.sections)

    def _offsets(self) -> list[int]:
        offsets, total = [], 0
        for section in self.sections:
            offsets.append(total)
            total += section.page_count
        return offsets

    def _locate(self, index: int) -> tuple[PagedText, int]:
        for section, offset in zip(self.sections, self._offsets(), strict=True):
            if index < offset + section.page_count:
                return section, index - offset
        raise IndexError(f"no page {index + 1}: the document has {self.page_count}")

    def headings(self) -> list[Heading]:
        """Every heading, with its 0-based page in the whole document."""
        return [
            Heading(h.level, h.text, h.page + offset, h.anchors)
            for section, offset in zip(self.sections, self._offsets(), strict=True)
            for h in section.headings()
        ]

    def anchor_pages(self) -> dict[str, int]:
        """1-based page of every named anchor (``<a name>``, ``id`` of a heading or part)."""
        pages: dict[str, int] = {}
        for section, offset in zip(self.sections, self._offsets(), strict=True):
            for name, page in section.anchor_pages().items():
                pages.setdefault(name, page + offset)
        return pages

    def unlaid_blocks(self) -> list[str]:
        return [text for section in self.sections for text in section.unlaid_blocks()]

    def layout_problems(self) -> list[str]:
        """Stranded headings, short tables cut in two and text never laid out: a self-check
        for tests (empty when all is well)."""
        found = [problem for section in self.sections for problem in section.layout_problems()]
        return found + [f"text not laid out: {text[:40]!r}" for text in self.unlaid_blocks()]

    def section_titles(self) -> list[str]:
        """For each page, the title of the top-level section it belongs to."""
        starts = [heading for heading in self.headings() if heading.level == 1]
        titles: list[str] = []
        current = ""
        for page in range(self.page_count):
            here = [heading.text for heading in starts if heading.page == page]
            # The first section starting on a page names it; the last one carries on.
            titles.append(here[0] if here else current)
            current = here[-1] if here else current
        return titles

    # -- painting -------------------------------------------------------------------------

    def page_rect(self) -> QRectF:
        return QRectF(0, 0, self.page_width, self.page_height)

    def paint_pages(
        self, painter: QPainter, pages: list[int], new_page: Callable[[], bool]
    ) -> None:
        sections = self.section_titles()
        for count, index in enumerate(pages):
            if count and not new_page():
                raise OSError("could not start a new PDF page")
            self.paint_page(painter, index, sections[index] if index < len(sections) else "")

    def paint_page(self, painter: QPainter, index: int, section: str | None = None) -> None:
        """Paints page ``index`` (0-based) in device units, origin at the page's corner."""
        if section is None:
            section = self.section_titles()[index]
        part, local = self._locate(index)
        part.paint_body(painter, local)
        if not (self.cover and index == 0):
            self._paint_furniture(painter, index, section)

    def _paint_furniture(self, painter: QPainter, index: int, section: str) -> None:
        m = self.margins
        left, width = m.inner * MM, self.text_width
        font = QFont(self._font)
        font.setPointSizeF(8.5)
        painter.save()
        painter.setFont(font)
        painter.setPen(QColor("#000000"))
        metrics = QFontMetricsF(font, painter.device())
        box_height = metrics.height()
        header = QRectF(left, m.header * MM, width, box_height)
        title = metrics.elidedText(self.running_title, Qt.TextElideMode.ElideRight, width * 0.48)
        painter.drawText(
            header, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title
        )
        if section and section != self.running_title:
            shown = metrics.elidedText(section, Qt.TextElideMode.ElideRight, width * 0.48)
            painter.drawText(
                header, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), shown
            )
        painter.setPen(QPen(QColor("#000000"), 0.25 * MM))
        rule_y = header.bottom() + 1.2 * MM
        painter.drawLine(QPointF(left, rule_y), QPointF(left + width, rule_y))
        footer = QRectF(left, self.page_height - m.footer * MM - box_height, width, box_height)
        painter.drawText(
            footer,
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
            f"page {index + 1} of {self.page_count}",
        )
        painter.restore()

    def page_image(self, index: int, dpi: float = 96) -> QImage:
        """One page as a picture, for a print preview."""
        scale = dpi / RESOLUTION
        image = QImage(
            max(1, round(self.page_width * scale)),
            max(1, round(self.page_height * scale)),
            QImage.Format.Format_RGB32,
        )
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        self.paint_page(painter, index)
        painter.end()
        return image


def printable_links(html: str) -> str:
    """Links readable on paper: internal ones as plain text, web ones with their address.

    Works on the renderer's own HTML, whose links are ``<a ...>text</a>``
    without nesting; named anchors (``<a name>``) stay as they are.
    """

    def swap(match: re.Match[str]) -> str:
        attributes, text = match.group(1), match.group(2)
        href = _HREF.search(attributes)
        if href is None:
            return match.group(0)
        url = unescape(href.group(1))
        if urlsplit(url).scheme not in _WEB_SCHEMES:
            return text  # module:, glossary: and footnote links read as their text
        shown = url.removeprefix("mailto:")
        if _bare(shown) == _bare(unescape(_TAG.sub("", text))):
            return text
        return f'{text} <span class="url">({escape(shown)})</span>'

    return _LINK.sub(swap, html)


def _bare(url: str) -> str:
    return re.sub(r"^(https?://|mailto:)", "", url.strip()).rstrip("/").casefold()


def write_pdf(paged: PagedDocument, path: Path) -> None:
    """Writes every page to ``path`` atomically (a temporary file replaced on success)."""
    save = QSaveFile(str(path))
    if not save.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(f"cannot write {path}: {save.errorString()}")
    writer = QPdfWriter(save)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            paged.paper.page_size(), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
        )
    )
    writer.setTitle(paged.title)
    writer.setAuthor(paged.author)
    writer.setCreator("teachin")
    painter = QPainter()
    if not painter.begin(writer):
        save.cancelWriting()
        raise OSError(f"cannot write {path}: the PDF could not be started")
    try:
        paged.paint_pages(painter, list(range(paged.page_count)), writer.newPage)
    finally:
        painter.end()
    del writer
    if not save.commit():
        raise OSError(f"cannot write {path}: {save.errorString()}")
