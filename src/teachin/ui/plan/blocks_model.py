"""The plan's blocks as a table for the plan editor: clock time, kind, title, minutes.

Rows move by drag and drop (within the table) and by :meth:`BlocksModel.move`,
which the editor calls for Alt+Up and Alt+Down; both go through ``moveRows``,
so every view and the clock times stay right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from teachin.plan.model import KIND_LABELS, MAX_BLOCK_MINUTES, Block, Plan, duration_text

Index = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-teachin-plan-rows"
STARTS, KIND, TITLE, MINUTES = range(4)
HEADERS = ("Starts", "Kind", "Block", "Minutes")


class BlocksModel(QAbstractTableModel):
    edited = Signal()
    """Something in the plan changed (a block added, moved, removed or edited)."""

    def __init__(
        self, plan: Plan, titles: Mapping[str, str], missing: set[int] | None = None
    ) -> None:
        super().__init__()
        self.plan = plan
        self.titles = titles
        self.missing: set[int] = missing or set()
        """Rows whose module or scenario is not in the library."""

    def set_plan(self, plan: Plan, missing: set[int] | None = None) -> None:
        self.beginResetModel()
        self.plan = plan
        self.missing = missing or set()
        self.endResetModel()

    # -- reading --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.plan.blocks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return HEADERS[section]
            return str(section + 1)
        return None

    def block(self, row: int) -> Block:
        return self.plan.blocks[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        block = self.plan.blocks[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column, block)
        if role == Qt.ItemDataRole.EditRole:
            return {
                TITLE: block.title or block.display_title(self.titles),
                MINUTES: block.minutes,
            }.get(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row in self.missing:
                return f"'{block.ref}' is not in the library: the presentation will skip it"
            return block.notes or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (STARTS, MINUTES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: int, column: int, block: Block) -> str:
        if column == STARTS:
            start = sum(b.minutes for b in self.plan.blocks[:row])
            return self.plan.clock_at(start) or f"+{duration_text(start)}"
        if column == KIND:
            return KIND_LABELS[block.kind]
        if column == TITLE:
            title = block.display_title(self.titles)
            if row in self.missing:
                return f"{title} (not found)"
            if block.skip:  # a shorter path: say so where the minutes look short
                count = len(block.skip)
                return f"{title} (leaves out {count} slide{'' if count == 1 else 's'})"
            return title
        return f"{block.minutes} min"

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        if index.column() in (TITLE, MINUTES):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- editing --------------------------------------------------------------

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        block = self.plan.blocks[index.row()]
        if index.column() == MINUTES:
            try:
                minutes = int(value)  # type: ignore[call-overload]
            except (TypeError, ValueError):
                return False
            if not 0 < minutes <= MAX_BLOCK_MINUTES:
                return False
            block.minutes = minutes
            self._changed_from(index.row())
            return True
        if index.column() == TITLE:
            title = str(value).strip()
            # Typing the default title back clears the override.
            default = type(block)(block.kind, block.minutes, ref=block.ref).display_title(
                self.titles
            )
            block.title = "" if title == default else title
            self.dataChanged.emit(index, index)
            self.edited.emit()
            return True
        return False

    def clock_times_changed(self) -> None:
        """The plan's start moved: every block's clock time with it."""
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def _changed_from(self, row: int) -> None:
        """Minutes changed at ``row``: every later clock time moves too."""
        last = self.rowCount() - 1
        self.dataChanged.emit(self.index(row, MINUTES), self.index(row, MINUTES))
        if last >= row:
            self.dataChanged.emit(self.index(row, STARTS), self.index(last, STARTS))
        self.edited.emit()

    def insert(self, row: int, block: Block, missing: bool = False) -> int:
        row = max(0, min(row, self.rowCount()))
        self.beginInsertRows(QModelIndex(), row, row)
        self.plan.blocks.insert(row, block)
        self.missing = {r + 1 if r >= row else r for r in self.missing}
        if missing:
            self.missing.add(row)
        self.endInsertRows()
        self._changed_from(row)
        return row

    def remove(self, row: int) -> bool:
        if not 0 <= row < self.rowCount():
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.plan.blocks[row]
        self.missing = {r - 1 if r > row else r for r in self.missing if r != row}
        self.endRemoveRows()
        if row < self.rowCount():
            self._changed_from(row)
        else:
            self.edited.emit()
        return True

    def move(self, row: int, to: int) -> bool:
        """Moves the block at ``row`` so that it ends up at position ``to``."""
        if not (0 <= row < self.rowCount()) or not (0 <= to < self.rowCount()) or row == to:
            return False
        return self.moveRows(QModelIndex(), row, 1, QModelIndex(), to + 1 if to > row else to)

    def moveRows(self, source: Index, row: int, count: int, destination: Index, child: int) -> bool:
        """Qt's move: ``child`` is the row *before which* the moved rows land (in the old numbering)."""
        if count != 1 or source.isValid() or destination.isValid():
            return False
        if (
            not 0 <= row < self.rowCount()
            or not 0 <= child <= self.rowCount()
            or child in (row, row + 1)
        ):
            return False
        if not self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), child):
            return False
        to = child - 1 if child > row else child
        self.plan.move(row, to)
        rows = list(range(self.rowCount()))
        moved = rows.pop(row)
        rows.insert(to, moved)
        self.missing = {new for new, old in enumerate(rows) if old in self.missing}
        self.endMoveRows()
        self._changed_from(min(row, to))
        return True

    # -- drag and drop ----------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(",".join(map(str, rows)).encode("ascii")))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Moves the dragged block to where it was dropped.

        Returns False even when the block moved: the view would otherwise remove
        the "source" rows after a move drop, and the model has already moved them.
        """
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_TYPE):
            return False
        try:
            rows = [
                int(r) for r in bytes(data.data(MIME_TYPE).data()).decode("ascii").split(",") if r
            ]
        except ValueError:
            return False
        if len(rows) != 1:
            return False
        if row < 0:
            # Dropped on a row rather than between two: land before it (or at the end).
            row = parent.row() if parent.isValid() else self.rowCount()
        self.moveRows(QModelIndex(), rows[0], 1, QModelIndex(), row)
        return False
