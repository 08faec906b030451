"""The library sidebar: modules grouped by part, with minutes, and the glossary."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from teachin.workshop.library import Library

HREF_ROLE = Qt.ItemDataRole.UserRole


def minutes_text(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


class LibraryPanel(QTreeWidget):
    """Emits ``opened(href)`` when the user activates a module or the glossary."""

    opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library")
        self.setAccessibleName("Library")
        self.setAccessibleDescription(
            "Workshop modules by part, with their minutes; Enter opens one"
        )
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setWordWrap(True)
        self.setIndentation(16)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(_WrappingDelegate(self))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # Long titles wrap rather than being cut off: measure rows again when the width changes.
        header.sectionResized.connect(self._relayout)
        self.itemActivated.connect(self._on_item_activated)
        self.itemClicked.connect(self._on_item_activated)

    def set_library(self, library: Library) -> None:
        self.clear()
        for part in library.parts():
            part_item = QTreeWidgetItem(self, [part.title, minutes_text(part.minutes)])
            part_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = part_item.font(0)
            font.setBold(True)
            part_item.setFont(0, font)
            part_item.setFont(1, font)
            part_item.setTextAlignment(
                1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            for module in part.modules:
                item = QTreeWidgetItem(part_item, [module.title, minutes_text(module.minutes)])
                item.setData(0, HREF_ROLE, f"module:{module.id}")
                item.setToolTip(0, f"{module.title}\n\n{module.summary}")
                item.setTextAlignment(
                    1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
        glossary = QTreeWidgetItem(self, ["Glossary", f"{len(library.terms)} terms"])
        glossary.setData(0, HREF_ROLE, "glossary:")
        glossary.setToolTip(0, "The key words of the workshop, in plain language")
        glossary.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.expandAll()
        first = self.topLevelItem(0)
        if first is not None:
            child = first.child(0)  # None when it has none
            self.setCurrentItem(child if child is not None else first)

    def select_page(self, page: str) -> None:
        """Marks the item for a page without opening it (after a link or a search)."""
        for item in self._items():
            if item.data(0, HREF_ROLE) == page:
                self.blockSignals(True)
                self.setCurrentItem(item)
                self.blockSignals(False)
                self.scrollToItem(item)
                return
        # A page with no item of its own (the welcome page): nothing looks opened.
        self.blockSignals(True)
        self.clearSelection()
        self.blockSignals(False)

    def _items(self) -> list[QTreeWidgetItem]:
        items = []
        for index in range(self.topLevelItemCount()):
            top = self.topLevelItem(index)
            if top is None:
                continue
            items.append(top)
            for row in range(top.childCount()):
                child = top.child(row)
                if child is not None:
                    items.append(child)
        return items

    @Slot()
    def _relayout(self) -> None:
        self.scheduleDelayedItemsLayout()

    @Slot(QTreeWidgetItem, int)
    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        href = item.data(0, HREF_ROLE)
        if href:
            self.opened.emit(href)


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped titles. Qt's own size hint measures a title on one
    line, so a long one would be cut off at the sidebar's edge."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self.parent()  # asked, not kept: no reference cycle with the view
        if index.column() != 0 or not isinstance(view, QTreeWidget):
            return super().sizeHint(
                option, index
            )  # the minutes: one line, and their column fits them
        depth = 2 if index.parent().isValid() else 1  # the root's branch, then a part's
        width = view.header().sectionSize(0) - view.indentation() * depth
        wrapped = QStyleOptionViewItem(option)
        wrapped.rect = QRect(0, 0, max(width, 40), 1)  # a valid rect: Qt wraps to its width
        return super().sizeHint(wrapped, index)
