"""The reader pane: rendered module HTML, with the staircase drawn where the text asks for it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QTextEdit, QWidget

from teachin.ui.staircase_image import STAIRCASE_URL, staircase_image
from teachin.workshop.staircase import STAIRCASE_IMAGE, Staircase
from teachin.workshop.themes import LIGHT, Theme

_MIN_STAIRCASE_WIDTH = 320
_STAIRCASE_WIDTH = 760
"""At zoom 1; the picture grows with the text, up to the view's width."""
_LOCAL_SCHEMES = ("file", "qrc", "")
DOCUMENT_MARGIN = 28


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

    def set_staircase(self, staircase: Staircase | None, theme: Theme, zoom: float = 1.0) -> None:
        """What to draw where a page shows the staircase, in which colours and how large."""
        self._staircase = staircase
        self._theme = theme
        self._zoom = zoom

    def show_page(self, html: str, anchor: str = "", scroll: int | None = None) -> None:
        """Shows a page, then scrolls to the remembered position, an anchor, or the top."""
        self.setExtraSelections([])
        self._has_staircase = STAIRCASE_IMAGE in html
        self.setHtml(html)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        if self._has_staircase:
            # setHtml drops resources added before; add the picture for this theme again.
            self._add_staircase_image()
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
            self._resize_timer.start()

    def _target_width(self) -> int:
        margin = 2 * int(self.document().documentMargin()) + 24
        width = self.viewport().width() - margin
        return max(_MIN_STAIRCASE_WIDTH, min(round(_STAIRCASE_WIDTH * self._zoom), width))

    def _refresh_staircase(self) -> None:
        if not self._has_staircase:
            return
        scroll = self.verticalScrollBar().value()
        self._add_staircase_image()
        self.document().markContentsDirty(0, self.document().characterCount())
        self.verticalScrollBar().setValue(scroll)

    def _add_staircase_image(self) -> None:
        self.document().addResource(
            QTextDocument.ResourceType.ImageResource, STAIRCASE_URL, self._staircase_image()
        )

    def _staircase_image(self) -> QImage:
        width = self._target_width()
        self._staircase_width = width
        key = (id(self._staircase), self._theme.id, width, self.devicePixelRatioF())
        if self._image_key != key or self._image is None:
            self._image = staircase_image(self._staircase, self._theme, width, self.devicePixelRatioF())
            self._image_key = key
        return self._image
