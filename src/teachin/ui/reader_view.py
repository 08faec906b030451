"""The reader pane: rendered module HTML, with the staircase drawn where the text asks for it."""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from teachin.workshop.staircase import STAIRCASE_IMAGE, Staircase
from teachin.workshop.themes import LIGHT, Theme

if TYPE_CHECKING:
    from PySide6.QtGui import QImage, QResizeEvent

_MIN_STAIRCASE_WIDTH = 320
_STAIRCASE_WIDTH = 760
"""At zoom 1; the picture grows with the text, up to the view's width."""
_LOCAL_SCHEMES = ("file", "qrc", "")
DOCUMENT_MARGIN = 28
_KEPT_DOCUMENTS = 12
_STAIRCASE_KEY = "teachinStaircaseKey"
STAIRCASE_URL = QUrl(STAIRCASE_IMAGE)


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

    def set_staircase(self, staircase: Staircase | None, theme: Theme, zoom: float = 1.0) -> None:
        """What to draw where a page shows the staircase, in which colours and how large."""
        self._staircase = staircase
        self._theme = theme
        self._zoom = zoom

    def show_page(self, html: str, anchor: str = "", scroll: int | None = None) -> None:
        """Shows a page, then scrolls to the remembered position, an anchor, or the top.

        Pages shown lately keep their laid-out document, so going back to one,
        or switching between two, costs no HTML parsing and no layout.
        """
        self.setExtraSelections([])
        self._has_staircase = STAIRCASE_IMAGE in html
        # Before the window is first shown the reader's width is not known yet: the
        # staircase is drawn once, at its real size, when the reader gets it.
        draw_now = self._has_staircase and self.isVisible()
        document = self._documents.pop(html, None)
        if document is None:
            document = QTextDocument(self._document_owner)
            document.setDocumentMargin(DOCUMENT_MARGIN)
            document.setHtml(html)
            if draw_now:  # after setHtml, which drops resources added before
                self._add_staircase_image(document)
                document.markContentsDirty(0, document.characterCount())
        self._documents[html] = document
        while len(self._documents) > _KEPT_DOCUMENTS:
            _, oldest = self._documents.popitem(last=False)
            oldest.deleteLater()
        self.setDocument(document)
        if not self.isVisible():
            self._staircase_width = 0  # resizeEvent draws it at the width the reader has when shown
        elif draw_now and document.property(_STAIRCASE_KEY) != repr(self._image_key):
            self._refresh_staircase()
        if scroll is not None:
            self.verticalScrollBar().setValue(scroll)
        elif anchor:
            self.scrollToAnchor(anchor)
        else:
            self.verticalScrollBar().setValue(0)

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
            if self._staircase_width > _MIN_STAIRCASE_WIDTH:
                self._resize_timer.start()  # while the user drags the window's edge
            else:
                self._refresh_staircase()  # drawn before the window had its size

    def _viewport_width(self) -> int:
        """The viewport's width, as the text was last laid out to it (the page width
        QTextEdit gives the document). Asking viewport() instead costs start-up tens
        of milliseconds: PySide6's first look-up of a widget it did not make."""
        return int(self.document().pageSize().width())

    def _target_width(self) -> int:
        margin = 2 * int(self.document().documentMargin()) + 24
        width = self._viewport_width() - margin
        return max(_MIN_STAIRCASE_WIDTH, min(round(_STAIRCASE_WIDTH * self._zoom), width))

    def _refresh_staircase(self) -> None:
        if not self._has_staircase:
            return
        scroll = self.verticalScrollBar().value()
        self._add_staircase_image(self.document())
        self.document().markContentsDirty(0, self.document().characterCount())
        self.verticalScrollBar().setValue(scroll)

    def _add_staircase_image(self, document: QTextDocument) -> None:
        document.addResource(
            QTextDocument.ResourceType.ImageResource, STAIRCASE_URL, self._staircase_image()
        )
        document.setProperty(_STAIRCASE_KEY, repr(self._image_key))

    def _staircase_image(self) -> QImage:
        width = self._target_width()
        self._staircase_width = width
        key = (id(self._staircase), self._theme.id, width, self.devicePixelRatioF())
        if self._image_key != key or self._image is None:
            # QtSvg loads with the first page that shows the staircase.
            from teachin.ui.staircase_image import staircase_image

            ratio = self.devicePixelRatioF()
            self._image = staircase_image(self._staircase, self._theme, width, ratio)
            self._image_key = key
        return self._image
