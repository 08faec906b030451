"""The choices of one round, every one in view: organizing moves and votes, the
staircase, and the other roads (lobbying, elections, staff, a few militants,
deals), each group under its title.

A round offers about twenty choices. One line each, in as many columns as the
space needs, so none hides below the fold on a laptop. Each choice has a key:
1 to 9, then 0, then the letters A, B, C... (shown on its line); the arrows move
too. A key only shows the choice; Enter plays it (``chosen``). Each line says
whether the base is ready, in words.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from teachin.debrief.words import kind_words, readiness_label
from teachin.scenario.engine import READY
from teachin.scenario.outcome import Option
from teachin.workshop.staircase import Staircase

ID_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2  # the group's title, on its first choice
LABEL_ROLE = Qt.ItemDataRole.UserRole + 4
SHORT_READY_ROLE = Qt.ItemDataRole.UserRole + 3  # the readiness, short, for the line
# Ready, maybe ready, not ready: short words for a line (the panel says it whole).
SHORT_READY = ("ready", "maybe?", "not yet")

# The groups, in the order they are shown, and the kinds each holds.
GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("Organize and decide", frozenset({"organizing", "vote", "test"})),
    ("The staircase", frozenset({"step"})),
    ("Other roads", frozenset()),  # everything else: lobbying, elections, staff, ...
)
KEYS = "1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def option_kind(option: Option, staircase: Staircase | None) -> str:
    if option.kind == "step" and option.step:
        name = ""
        if staircase is not None and option.step <= len(staircase.steps):
            name = f": {staircase.steps[option.step - 1].label}"
        return f"Staircase step {option.step}{name}"
    return kind_words(option.kind)


def group_of(option: Option) -> int:
    """The index in GROUPS of the group an option is shown under."""
    for index, (_title, kinds) in enumerate(GROUPS):
        if option.kind in kinds:
            return index
    return len(GROUPS) - 1


def grouped(options: list[Option]) -> list[Option]:
    """The options in the order shown: by group, then as the scenario lists them
    (the staircase from its first step up)."""
    return sorted(options, key=lambda o: (group_of(o), o.step if o.kind == "step" else 0))


class ChoiceDelegate(QStyledItemDelegate):
    """One line a choice: its key, its label (shortened with … when the column is
    narrow: the panel below shows it whole) and the readiness in words at the
    right; the first choice of a group has the group's title above it."""

    def __init__(self, view: TacticList) -> None:
        super().__init__(view)
        self.view = view

    def line_height(self) -> int:
        return round(QFontMetrics(self.view.font()).height() * 1.25)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        lines = 2 if index.data(GROUP_ROLE) else 1
        return QSize(self.view.column_width(), self.line_height() * lines)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        rect = QRect(option.rect)
        palette = option.palette
        line = self.line_height()
        group = index.data(GROUP_ROLE)
        if group:
            title = QRect(rect.left() + 4, rect.top(), rect.width() - 8, line)
            font = QFont(self.view.font())
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(palette.windowText().color())
            painter.drawText(
                title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, group
            )
            rect.setTop(rect.top() + line)
        row = QStyleOptionViewItem(option)
        row.rect = rect
        style = self.view.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, row, painter, self.view)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = (palette.highlightedText() if selected else palette.text()).color()
        painter.setPen(text_color)
        metrics = QFontMetrics(self.view.font())
        inner = rect.adjusted(6, 0, -6, 0)
        key_width = metrics.horizontalAdvance("0") * 2 + 6
        bold = QFont(self.view.font())
        bold.setBold(True)
        painter.setFont(bold)
        middle = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(
            QRect(inner.left(), inner.top(), key_width, inner.height()),
            middle | Qt.AlignmentFlag.AlignLeft,
            str(index.data(KEY_ROLE)),
        )
        ready = str(index.data(SHORT_READY_ROLE))
        ready_width = QFontMetrics(bold).horizontalAdvance(ready) + 8
        ready_ok = ready == SHORT_READY[0]
        # Readiness is said in words; bold marks the ready ones as well as colour.
        painter.setFont(bold if ready_ok else self.view.font())
        painter.drawText(
            QRect(inner.right() - ready_width, inner.top(), ready_width, inner.height()),
            middle | Qt.AlignmentFlag.AlignRight,
            ready,
        )
        painter.setFont(self.view.font())
        label_rect = QRect(
            inner.left() + key_width,
            inner.top(),
            inner.width() - key_width - ready_width - 6,
            inner.height(),
        )
        label = metrics.elidedText(
            str(index.data(LABEL_ROLE)), Qt.TextElideMode.ElideRight, label_rect.width()
        )
        painter.drawText(label_rect, middle | Qt.AlignmentFlag.AlignLeft, label)
        painter.restore()


class TacticList(QListWidget):
    """``highlighted(id)`` when a choice is picked; ``chosen(id)`` on Enter.

    ``options`` holds the choices in the order shown (row ``i`` is ``options[i]``).
    """

    highlighted = Signal(str)
    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tacticList")
        self.setAccessibleName("What will you do? Your choices this round")
        self.setAccessibleDescription(
            "Use the arrow keys, or the key shown on each line (1 to 9, 0, then letters), "
            "to look at a choice; Enter plays it."
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Top to bottom, wrapping into a new column when the space runs out.
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.delegate = ChoiceDelegate(self)
        self.setItemDelegate(self.delegate)
        self.options: list[Option] = []
        self._columns = 1
        self.currentRowChanged.connect(self._on_row)

    def set_options(self, options: list[Option], staircase: Staircase | None) -> None:
        self.blockSignals(True)
        self.clear()
        self.options = grouped(options)
        previous_group = -1
        for number, option in enumerate(self.options):
            key = KEYS[number] if number < len(KEYS) else ""
            ready = readiness_label(option.ready >= READY, option.maybe_ready)
            kind = option_kind(option, staircase)
            item = QListWidgetItem(f"{key}  {option.label} · {ready}")
            item.setData(ID_ROLE, option.id)
            item.setData(KEY_ROLE, key)
            item.setData(LABEL_ROLE, option.label)
            short = 0 if option.ready >= READY else 1 if option.maybe_ready else 2
            item.setData(SHORT_READY_ROLE, SHORT_READY[short])
            group = group_of(option)
            if group != previous_group:
                item.setData(GROUP_ROLE, GROUPS[group][0])
                previous_group = group
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"{key}: {option.label}. {kind}. {ready}.",
            )
            item.setToolTip(f"{option.label}\n{kind} · {ready}\n\n{option.description}")
            self.addItem(item)
        self.blockSignals(False)
        self._fit_columns()
        if self.options:
            self.setCurrentRow(0)
            self._on_row(0)

    def current_id(self) -> str | None:
        item = self.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def select_id(self, tactic_id: str) -> bool:
        for row in range(self.count()):
            if self.item(row).data(ID_ROLE) == tactic_id:
                self.setCurrentRow(row)
                return True
        return False

    def row_of_key(self, text: str) -> int | None:
        """The row whose key is ``text`` (a digit or a letter, any case)."""
        key = text.upper()
        if len(key) != 1 or key not in KEYS:
            return None
        row = KEYS.index(key)
        return row if row < self.count() else None

    # -- columns -----------------------------------------------------------------------
    def column_width(self) -> int:
        width = self.viewport().width() - 2 * self.spacing()
        return max(120, width // self._columns - 2)

    def _fit_columns(self) -> None:
        """As many columns as Qt's flow makes at this height (it wraps by whole
        items, top to bottom), each as wide as the space shared among them."""
        available = max(1, self.viewport().height() - 2 * self.spacing())
        line = self.delegate.line_height()
        columns, used = 1, 0
        for row in range(self.count()):
            height = line * (2 if self.item(row).data(GROUP_ROLE) else 1)
            if used and used + height > available:
                columns, used = columns + 1, 0
            used += height
        self._columns = columns
        self.doItemsLayout()

    def all_in_view(self) -> bool:
        """Whether every choice shows whole, without scrolling."""
        box = self.viewport().rect()
        return all(box.contains(self.visualItemRect(self.item(r))) for r in range(self.count()))

    @Slot(int)
    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.options):
            self.highlighted.emit(self.options[row].id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        row = self.row_of_key(event.text()) if plain and event.text() else None
        if row is not None:
            self.setCurrentRow(row)
            self.scrollToItem(self.item(row))
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            tactic = self.current_id()
            if tactic:
                self.chosen.emit(tactic)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """Letters are keys of choices, not a search by the start of a label."""

    def sizeHint(self) -> QSize:
        return QSize(420, 320)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()
        item = self.currentItem()
        if item is not None:
            self.scrollToItem(item)
