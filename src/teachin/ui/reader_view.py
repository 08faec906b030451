"""The reader pane: rendered module HTML, with the staircase drawn where the text asks for it."""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSizeF, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from teachin.workshop.render import BASE_POINT_SIZE
from teachin.workshop.spectrum_svg import SPECTRUM_IMAGE, drawn_height
from teachin.workshop.staircase import STAIRCASE_IMAGE, Staircase, picture_height
from teachin.workshop.themes import LIGHT, Theme

if TYPE_CHECKING:
    from PySide6.QtGui import QImage, QResizeEvent, QShowEvent

_MIN_STAIRCASE_WIDTH = 320
_STAIRCASE_WIDTH = 760
"""At zoom 1; the picture grows with the text, up to the view's width."""
_SPECTRUM_WIDTH = 560
"""At zoom 1, like the staircase but fixed for the page (see ``_new_document``)."""
_LOCAL_SCHEMES = ("file", "qrc", "")
DOCUMENT_MARGIN = 28
_KEPT_DOCUMENTS = 12
_ROUNDING_SLACK = 2
_STAIRCASE_KEY = "teachinStaircaseKey"
STAIRCASE_URL = QUrl(STAIRCASE_IMAGE)
_OBJECT = "\ufffc"
"""What a picture is in a document's text."""


class ReaderView(QTextBrowser):
    """A QTextBrowser that never fetches anything from the network.

    Links are not followed here: ``anchorClicked`` tells the window, which decides.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setAccessibleName("Reader")
        self.setAccessibleDescription("The open module, glossary or welcome page")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self._staircase: Staircase | None = None
        self._theme: Theme = LIGHT
        self._zoom = 1.0
        self._has_staircase = False
        self._pending_page: tuple[str, str, int | None] | None = None
        self._image: QImage | None = None
        self._image_key: tuple[object, ...] = ()
        self._staircase_width = 0
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(120)
        self._resize_timer.timeout.connect(self._refresh_staircase)
        # Documents belong to this holder, not to the browser: setDocument deletes
        # a replaced document that is the browser's own child.
        self._document_owner = QObject(self)
        self._documents: OrderedDict[str, QTextDocument] = OrderedDict()
        self.horizontalScrollBar().rangeChanged.connect(self._fit_width)

    def set_staircase(self, staircase: Staircase | None, theme: Theme, zoom: float = 1.0) -> None:
        """What to draw where a page shows the staircase, in which colours and how large."""
        self._staircase = staircase
        self._theme = theme
        self._zoom = zoom

    def show_page(self, html: str, anchor: str = "", scroll: int | None = None) -> None:
        """Shows a page, then scrolls to the remembered position, an anchor, or the top.

        Pages shown lately keep their laid-out document, so going back to one,
        or switching between two, costs no HTML parsing and no layout. Before the
        reader is first shown its width is not known: the page waits for it, so
        that it is laid out once, at its real width, not once more on showing.
        """
        if not self.isVisible():
            self._pending_page = (html, anchor, scroll)
            return
        self._pending_page = None
        self.setExtraSelections([])
        self._has_staircase = STAIRCASE_IMAGE in html
        document = self._documents.pop(html, None)
        if document is None:
            document = self._new_document(html)
        self._documents[html] = document
        while len(self._documents) > _KEPT_DOCUMENTS:
            _, oldest = self._documents.popitem(last=False)
            oldest.deleteLater()
        self.setDocument(document)
        self._refresh_staircase()  # a kept page may have been drawn at another size
        if scroll is not None:
            self.verticalScrollBar().setValue(scroll)
        elif anchor:
            self.scrollToAnchor(anchor)
        else:
            self.verticalScrollBar().setValue(0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_page is not None:
            self.show_page(*self._pending_page)

    def anchor_position(self, name: str) -> int | None:
        """Where in the document an ``<a name=...>`` anchor sits."""
        block = self.document().begin()
        while block.isValid():
            # An empty <a name> before a paragraph lands on the block's own format
            # (as QTextBrowser.scrollToAnchor also knows).
            if name in block.charFormat().anchorNames():
                return block.position()
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid() and name in fragment.charFormat().anchorNames():
                    return fragment.position()
                iterator += 1
            block = block.next()
        return None

    def highlight(self, text: str, after_anchor: str = "") -> bool:
        """Marks the first occurrence of ``text`` after an anchor and brings it into view."""
        from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor  # not needed at start-up
        from PySide6.QtWidgets import QTextEdit

        start = self.anchor_position(after_anchor) if after_anchor else 0
        found = self.document().find(text, start or 0)
        if found.isNull():
            return False
        selection = QTextEdit.ExtraSelection()
        selection.cursor = found
        char_format = QTextCharFormat()
        char_format.setBackground(QColor(self._theme.highlight))
        char_format.setForeground(QColor(self._theme.text))
        selection.format = char_format
        self.setExtraSelections([selection])
        cursor = QTextCursor(found)
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def loadResource(self, resource_type: int, url: QUrl | str) -> object:
        url = QUrl(url)
        if url == STAIRCASE_URL:
            return self._staircase_image()
        if url.scheme() not in _LOCAL_SCHEMES:
            return None  # teachin works offline: nothing is ever fetched
        return super().loadResource(resource_type, url)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._has_staircase and self._target_width() != self._staircase_width:
            self._resize_timer.start()  # while the user drags the window's edge

    def _new_document(self, html: str) -> QTextDocument:
        """A page laid out at the reader's width. The staircase's size is written
        into the page, so the layout needs no picture: it is drawn when first painted."""
        if self._has_staircase:
            width = self._target_width()
            self._staircase_width = width
            html = html.replace(
                f'src="{STAIRCASE_IMAGE}"',
                f'src="{STAIRCASE_IMAGE}" width="{width}" height="{picture_height(width)}"',
            )
        spectrum_width = 0
        if SPECTRUM_IMAGE in html:
            spectrum_width = min(self._target_width(), round(_SPECTRUM_WIDTH * self._zoom))
            html = html.replace(
                f'src="{SPECTRUM_IMAGE}"',
                f'src="{SPECTRUM_IMAGE}" width="{spectrum_width}" '
                f'height="{drawn_height(spectrum_width)}"',
            )
        document = _PageDocument(self._staircase_image, self._document_owner)
        document.setDocumentMargin(DOCUMENT_MARGIN)
        # Qt sizes <h1> to <h3> from the document's default font, not from their CSS
        # font-size: the default font carries the zoomed body size, so headings grow
        # with the text (at 150 % they were smaller than the body).
        font = QFont(document.defaultFont())
        font.setPointSizeF(BASE_POINT_SIZE * self._zoom)
        document.setDefaultFont(font)
        # At the width the reader will give it: a document without a width is laid
        # out once at an unlimited width while the HTML goes in.
        document.setPageSize(QSizeF(self._text_width(), -1))
        document.setHtml(html)
        if spectrum_width:
            # Drawn once for the page, at the width it was laid out at: pages are
            # made again for a new theme or zoom, and the picture is narrower than
            # the staircase, so a window resized smaller still shows it whole.
            from teachin.ui.staircase_image import SPECTRUM_URL, spectrum_image

            image = spectrum_image(self._theme, spectrum_width, self.devicePixelRatioF())
            document.addResource(QTextDocument.ResourceType.ImageResource, SPECTRUM_URL, image)
        if self._has_staircase:
            document.setProperty(_STAIRCASE_KEY, repr(self._staircase_key(self._staircase_width)))
        return document

    @Slot(int, int)
    def _fit_width(self, _minimum: int, overflow: int) -> None:
        """No horizontal scroll bar for the pixel Qt's table layout sometimes rounds
        past the page's width; one for anything really wider (a wide table). The
        scroll bar's range is what QTextEdit knows of the width so far: asking the
        document for its size would lay all of it out at once."""
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if overflow <= _ROUNDING_SLACK
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        if self.horizontalScrollBarPolicy() != policy:
            self.setHorizontalScrollBarPolicy(policy)

    def _text_width(self) -> int:
        """The width the page's text gets, with room kept for the vertical scroll bar
        (module pages are long): the same before and after a page is laid out.
        Asking viewport() instead costs start-up tens of milliseconds: PySide6's
        first look-up of a widget it did not make."""
        return self.contentsRect().width() - self.verticalScrollBar().sizeHint().width()

    def _target_width(self) -> int:
        margin = 2 * int(self.document().documentMargin()) + 24
        width = self._text_width() - margin
        return max(_MIN_STAIRCASE_WIDTH, min(round(_STAIRCASE_WIDTH * self._zoom), width))

    def _staircase_key(self, width: int) -> tuple[int, str, int, float]:
        return (id(self._staircase), self._theme.id, width, self.devicePixelRatioF())

    def _refresh_staircase(self) -> None:
        """Redraws the staircase of the page shown if the view's width changed."""
        if not self._has_staircase:
            return
        document = self.document()
        width = self._target_width()
        self._staircase_width = width
        key = repr(self._staircase_key(width))
        if document.property(_STAIRCASE_KEY) == key:
            return
        scroll = self.verticalScrollBar().value()
        _resize_images(document, width, picture_height(width))
        document.addResource(
            QTextDocument.ResourceType.ImageResource, STAIRCASE_URL, self._staircase_image()
        )
        document.setProperty(_STAIRCASE_KEY, key)
        self.verticalScrollBar().setValue(scroll)

    def _staircase_image(self) -> QImage:
        width = self._target_width()
        key = self._staircase_key(width)
        if self._image_key != key or self._image is None:
            # QtSvg loads with the first page that shows the staircase.
            from teachin.ui.staircase_image import staircase_image

            self._image = staircase_image(self._staircase, self._theme, width, key[-1])
            self._image_key = key
        return self._image


def _resize_images(document: QTextDocument, width: int, height: int) -> None:
    """Gives every staircase picture in ``document`` a new size (only its lines are laid out again)."""
    cursor = document.find(_OBJECT)
    while not cursor.isNull():
        char_format = cursor.charFormat()
        if char_format.isImageFormat():
            image_format = char_format.toImageFormat()
            if image_format.name() == STAIRCASE_IMAGE:
                image_format.setWidth(width)
                image_format.setHeight(height)
                cursor.setCharFormat(image_format)
        cursor = document.find(_OBJECT, cursor)


class _PageDocument(QTextDocument):
    """A page that asks the reader for the staircase only when it paints it."""

    def __init__(self, staircase_image: Callable[[], QImage], parent: QObject) -> None:
        super().__init__(parent)
        # Weak: the reader keeps its pages, and a page holding the reader back would
        # make a cycle of Qt objects for Python's collector.
        self._staircase_image = weakref.WeakMethod(staircase_image)

    def loadResource(self, resource_type: int, url: QUrl | str) -> object:
        draw = self._staircase_image() if url == STAIRCASE_URL else None
        if draw is not None:
            image = draw()
            self.addResource(resource_type, url, image)  # asked once, then kept
            return image
        return super().loadResource(resource_type, url)
