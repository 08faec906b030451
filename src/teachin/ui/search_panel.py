"""Search across all content: a field, and the results down to the slide.

The index is built on the first search, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from teachin.workshop.themes import LIGHT, Theme

if TYPE_CHECKING:  # the search code loads with the first search, not at start-up
    from PySide6.QtGui import QKeyEvent

    from teachin.workshop.search import Hit, SearchIndex

HIT_ROLE = Qt.ItemDataRole.UserRole
MARKED_ROLE = Qt.ItemDataRole.UserRole + 1
"""The result as HTML, its match marked (the display text stays plain, for screen readers)."""
_MARGIN = 4


def hit_heading(hit: Hit) -> str:
    if hit.kind == "glossary":
        return f"Glossary · {hit.where}"
    if hit.slide is None:
        return f"{hit.title} · overview"
    return f"{hit.title} · slide {hit.slide + 1}: {hit.where}"


class SearchPanel(QWidget):
    """Emits ``hit_activated(hit)``; ``searching(bool)`` when results appear or go."""

    hit_activated = Signal(object)
    searching = Signal(bool)

    def __init__(
        self, make_index: Callable[[], SearchIndex], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._make_index = make_index
        self._index: SearchIndex | None = None

        self.field = _SearchField(self)
        self.field.setObjectName("searchField")
        self.field.setAccessibleName("Search")
        self.field.setAccessibleDescription(
            "Search all modules and the glossary; Down moves to the results"
        )
        self.field.setPlaceholderText("Search everything (Ctrl+K)")
        self.field.setClearButtonEnabled(True)
        # Qt's clear button shows only an icon: without a name a screen reader says "button".
        for button in self.field.findChildren(QToolButton):
            button.setAccessibleName("Clear the search")
            button.setToolTip("Clear the search (Escape)")

        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setAccessibleName("Search result count")
        self.status.hide()

        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setSpacing(2)
        self.results.setItemDelegate(_MarkedHitDelegate(self.results))
        self.results.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(self._on_text_changed)
        self.field.returnPressed.connect(self._activate_first)
        self.results.itemActivated.connect(self._on_item_activated)

    def set_theme(self, theme: Theme) -> None:
        """The colour behind a marked match (it is also bold and underlined)."""
        delegate = self.results.itemDelegate()
        if isinstance(delegate, _MarkedHitDelegate):
            delegate.theme = theme
        self.results.viewport().update()

    def reset_index(self) -> None:
        """The content changed: the next search builds a fresh index."""
        self._index = None
        if self.field.text().strip():
            self.run_search()

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self._show([], "")

    @Slot()
    def run_search(self) -> None:
        self._timer.stop()
        query = self.field.text().strip()
        if not query:
            self._show([], "")
            return
        if self._index is None:
            self._index = self._make_index()
        self._show(self._index.search(query), query)

    def _show(self, hits: list[Hit], query: str) -> None:
        from teachin.workshop.search import marked_snippet  # loaded by the search already

        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit_heading(hit)}\n{hit.snippet}")
            item.setData(HIT_ROLE, hit)
            item.setData(MARKED_ROLE, f"<b>{escape(hit_heading(hit))}</b><br>{marked_snippet(hit)}")
            item.setToolTip(hit.snippet)
            self.results.addItem(item)
        active = bool(query)
        if active:
            count = len(hits)
            self.status.setText(
                f"{count} result{'' if count == 1 else 's'}" if count else "No results"
            )
            self.results.setCurrentRow(0)
        self.status.setVisible(active)
        self.results.setVisible(active)
        self.searching.emit(active)

    @Slot()
    def _activate_first(self) -> None:
        if self._timer.isActive():
            self.run_search()
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self._on_item_activated(item)

    @Slot(QListWidgetItem)
    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.hit_activated.emit(item.data(HIT_ROLE))

    def _on_field_key(self, key: int) -> bool:
        """Down moves into the results; Escape clears the field. True: the key was used."""
        if key == Qt.Key.Key_Down and self.results.count():
            if self._timer.isActive():
                self.run_search()
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if key == Qt.Key.Key_Escape and self.field.text():
            self.field.clear()
            return True
        return False


class _SearchField(QLineEdit):
    """The search field, which offers its keys to the panel first. (A key handler
    here, not an event filter: a filter sees every event of the field, and PySide6
    makes a Python object of each one, which costs start-up time.)"""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        panel = self.parent()  # asked, not kept: no reference cycle between the two
        if isinstance(panel, SearchPanel) and panel._on_field_key(event.key()):
            event.accept()
            return
        super().keyPressEvent(event)


class _MarkedHitDelegate(QStyledItemDelegate):
    """Draws a result as rich text: its heading in bold, the matched words marked."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.theme: Theme = LIGHT

    def _document(self, option: QStyleOptionViewItem, html: str, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(_MARGIN)
        document.setDefaultStyleSheet(
            f"span.match {{ font-weight: bold; text-decoration: underline; "
            f"background-color: {self.theme.highlight}; color: {self.theme.text}; }}"
        )
        document.setHtml(html)
        document.setTextWidth(max(40, width))
        return document

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        html = index.data(MARKED_ROLE)
        if not html:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        option_text, option.text = option.text, ""
        if style is not None:  # the row's background, selection and focus, without its text
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        option.text = option_text
        document = self._document(option, str(html), option.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(0, 0, option.rect.width(), option.rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        html = index.data(MARKED_ROLE)
        if not html:
            return super().sizeHint(option, index)
        self.initStyleOption(option, index)
        widget = option.widget
        width = (
            widget.viewport().width() if isinstance(widget, QListWidget) else option.rect.width()
        )
        document = self._document(option, str(html), width - 4)
        return QSize(width - 4, int(document.size().height()) + 2)
