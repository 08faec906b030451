"""The plan editor: build a session plan from modules, scenarios, breaks and free blocks.

Entry points for the main window:

- ``PlanEditor(library, plans_dir, scenarios)``: the widget (put it in a tab,
  a dock or :meth:`PlanEditor.dialog`); ``open_file(path)``, ``set_plan(plan)``,
  ``save()``; it emits ``presentRequested(plan)`` when the facilitator asks to
  present, and ``problemsFound(list)`` with every ``file:line`` problem.
- Plans saved from here go to ``plans_dir`` (the user's ``content/plans``
  folder), so a saved starter plan overrides the built-in one by id and the
  built-in file is never written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from teachin.plan.fileformat import PLANS_DIR, check_plan, load_plan, save_plan
from teachin.plan.folder import PlanFolder
from teachin.plan.model import (
    MAX_BLOCK_MINUTES,
    MIN_SLACK_PERCENT,
    Block,
    BlockKind,
    Plan,
    clock_text,
)
from teachin.problems import Problem
from teachin.ui.plan.blocks_model import MINUTES, TITLE, BlocksModel
from teachin.workshop.library import Library

"""Inside the plans folder: unsaved work, copied there every few seconds (not read as plans)."""
AUTOSAVE_MS = 5000

OVER_STYLE = "background-color: #a8322d; color: #ffffff; padding: 4px 8px; border-radius: 4px;"
SHORT_STYLE = "background-color: #fbe3a6; color: #3b2a00; padding: 4px 8px; border-radius: 4px;"
OK_STYLE = "padding: 4px 8px;"
DEFAULT_START = 18 * 60 + 30


def user_plans_dir() -> Path:
    """Where the user's own plans live: ``plans/`` in their content folder."""
    from teachin.ui.userdirs import user_content_dir

    return user_content_dir() / PLANS_DIR


class _MinutesDelegate(QStyledItemDelegate):
    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        if index.column() != MINUTES:
            return super().createEditor(parent, option, index)
        editor = QSpinBox(parent)
        editor.setRange(1, MAX_BLOCK_MINUTES)
        editor.setSuffix(" min")
        editor.setAccessibleName("Minutes")
        return editor


class BlockTable(QTableView):
    """The blocks; Alt+Up and Alt+Down move the selected block, Delete removes it."""

    moveRequested = Signal(int)
    removeRequested = Signal()

    def __init__(self, model: BlocksModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan-blocks")
        self.setAccessibleName("Plan blocks")
        self.setAccessibleDescription(
            "Each block with its clock time; drag a row or press Alt+Up / Alt+Down to move it, "
            "Delete to remove it, F2 to edit"
        )
        self.setModel(model)
        self.setItemDelegate(_MinutesDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Arrow keys move between cells; Tab goes on to the buttons below (else Tab
        # walks every cell and the rest of the editor is out of the keyboard's reach).
        self.setTabKeyNavigation(False)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

    def blocks(self) -> BlocksModel:
        model = self.model()
        assert isinstance(model, BlocksModel)
        return model

    def selected_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.blocks().rowCount():
            self.selectionModel().setCurrentIndex(
                self.blocks().index(row, TITLE),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def add_block(self, block: Block) -> int:
        """Adds a block after the selected one (or at the end) and selects it."""
        row = self.selected_row()
        model = self.blocks()
        row = model.insert(row + 1 if row >= 0 else model.rowCount(), block)
        self.select_row(row)
        return row

    def move_selected(self, step: int) -> bool:
        row = self.selected_row()
        if row < 0 or not self.blocks().move(row, row + step):
            return False
        self.select_row(row + step)
        return True

    def remove_selected(self) -> None:
        row = self.selected_row()
        if self.blocks().remove(row):
            self.select_row(min(row, self.blocks().rowCount() - 1))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.moveRequested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        if (
            event.key() == Qt.Key.Key_Delete
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.removeRequested.emit()
            return
        super().keyPressEvent(event)


class BudgetLabel(QLabel):
    """The plan's total against the time available, the minutes to spare, and its clock times;
    red when over, amber when under MIN_SLACK_PERCENT is left free (the words say so too)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan-budget")
        self.setAccessibleName("Total against time available")
        self.setWordWrap(True)

    def show_plan(self, plan: Plan) -> None:
        text = plan.budget_text()
        if plan.start is not None:
            text += f". {clock_text(plan.start)} to {clock_text(plan.start + plan.total_minutes)}"
        over = plan.available is not None and plan.over_minutes > 0
        if plan.short_of_slack and not over:
            text += (
                f". Keep at least {MIN_SLACK_PERCENT} % free: rooms start late and "
                "discussions run long"
            )
        self.setText(text)
        self.setStyleSheet(OVER_STYLE if over else SHORT_STYLE if plan.short_of_slack else OK_STYLE)
        self.setAccessibleDescription(text)


class ProblemList(QListWidget):
    """The problems found in the plan, as ``file:line: message``; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan-problems")
        self.setAccessibleName("Problems in this plan")
        self.setMaximumHeight(90)
        self.hide()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self.clear()
        for problem in problems:
            self.addItem(str(problem))
        self.setVisible(bool(problems))


def _buttons(owner: QWidget, specs: Sequence[tuple[str, str, str, str]]) -> list[QPushButton]:
    """Buttons from (text, object name, tooltip, the owner's method a click calls)."""
    made = []
    for text, name, tip, slot in specs:
        button = _button(text, name, tip, owner)
        button.clicked.connect(getattr(owner, slot))
        made.append(button)
    return made


def _missing_rows(plan: Plan, library: Library, scenarios: Mapping[str, str] | None) -> set[int]:
    """The blocks whose module or scenario is not installed (None: scenarios unknown)."""
    return {
        row
        for row, block in enumerate(plan.blocks)
        if (block.kind == BlockKind.MODULE and block.ref not in library.modules)
        or (
            block.kind == BlockKind.SCENARIO
            and scenarios is not None
            and block.ref not in scenarios
        )
    }


def _button(text: str, name: str, tip: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.setToolTip(tip)
    return button


# The editor's buttons: (text, object name, tooltip, the PlanEditor method a click calls).
ADD_MODULE_BUTTON = [
    (
        "Add &module",
        "plan-add-module",
        "Add the chosen module after the selected block",
        "add_module",
    )
]
ADD_SCENARIO_BUTTON = [
    (
        "Add &scenario",
        "plan-add-scenario",
        "Add the chosen scenario after the selected block",
        "add_scenario",
    )
]
EDIT_BUTTONS = [
    ("Add &break", "plan-add-break", "Add a break after the selected block", "add_break"),
    (
        "Add &free block",
        "plan-add-free",
        "Add a discussion, introductions or any other block",
        "add_free",
    ),
    ("Move &up", "plan-move-up", "Move the selected block earlier (Alt+Up)", "move_up"),
    ("Move &down", "plan-move-down", "Move the selected block later (Alt+Down)", "move_down"),
    ("&Remove", "plan-remove", "Remove the selected block (Delete)", "remove_selected"),
]
FILE_BUTTONS = [
    ("&New", "plan-new", "Start an empty plan", "new_plan"),
    ("&Open…", "plan-open", "Open a plan file (Ctrl+O)", "open_dialog"),
    ("Sa&ve", "plan-save", "Save the plan in your plans folder (Ctrl+S)", "save"),
    ("Save &as…", "plan-save-as", "Save the plan to a file you choose", "save_as_dialog"),
    (
        "&Present",
        "plan-present",
        "Present this plan: audience screen and presenter console (F5)",
        "_present",
    ),
]


class PlanEditor(QWidget):
    presentRequested = Signal(object)
    """The facilitator wants to present this plan (a :class:`Plan`)."""
    saved = Signal(Path)
    problemsFound = Signal(list)
    dirtyChanged = Signal(bool)

    def __init__(
        self,
        library: Library,
        plans_dir: Path,
        scenarios: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        """``plans_dir``: where plans are saved; ``scenarios``: id -> title (None: no scenario loader).

        Unsaved changes are copied to ``plans_dir/.recovery/`` ``autosave_ms`` after the last edit.
        """
        super().__init__(parent)
        self.setObjectName("plan-editor")
        self.setAccessibleName("Session plan editor")
        self.library = library
        self.plans_dir = Path(plans_dir)
        self.folder = PlanFolder(self.plans_dir)
        self.scenarios = dict(scenarios) if scenarios is not None else None
        self.titles: dict[str, str] = {m.id: m.title for m in library.modules.values()}
        self.titles.update(self.scenarios or {})
        self.problems: list[Problem] = []
        self._dirty = False
        self._loading = False
        plan = Plan(id="new-plan", title="New session plan", start=DEFAULT_START, available=90)
        self.model = BlocksModel(plan, self.titles)
        self.model.edited.connect(self._edited)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(autosave_ms)
        self._autosave.timeout.connect(self.autosave)
        self._build()
        self._show_plan()

    # -- layout -----------------------------------------------------------------

    def _build(self) -> None:
        form = self._build_settings()
        self.table = BlockTable(self.model, self)
        self.table.moveRequested.connect(self.move_selected)
        self.table.removeRequested.connect(self.remove_selected)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.budget = BudgetLabel(self)
        add_row, edit_row = self._build_adding()
        self.block_notes = QPlainTextEdit(self)
        self.block_notes.setAccessibleName("Notes for the selected block")
        self.block_notes.setPlaceholderText(
            "Notes for the selected block (shown on the presenter console)"
        )
        self.block_notes.setTabChangesFocus(True)
        self.block_notes.setMaximumHeight(90)
        self.block_notes.textChanged.connect(self._notes_edited)
        self.problem_list = ProblemList(self)
        file_row = self._build_file_row()
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.budget)
        layout.addLayout(add_row)
        layout.addLayout(edit_row)
        layout.addWidget(self.block_notes)
        layout.addWidget(self.problem_list)

    def _build_settings(self) -> QFormLayout:
        """The plan's title, start time and time available."""
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName("Plan title")
        self.title_edit.textEdited.connect(self._title_edited)
        self.start_check = QCheckBox("Starts at", self)
        self.start_check.setAccessibleName("Has a start time")
        self.start_check.toggled.connect(self._start_edited)
        self.start_edit = QTimeEdit(self)
        self.start_edit.setDisplayFormat("HH:mm")
        self.start_edit.setAccessibleName("Start time")
        self.start_edit.timeChanged.connect(self._start_edited)
        self.available_edit = QSpinBox(self)
        self.available_edit.setRange(0, 24 * 60)
        self.available_edit.setSingleStep(15)
        self.available_edit.setSuffix(" min")
        self.available_edit.setSpecialValueText("not set")
        self.available_edit.setAccessibleName("Time available")
        self.available_edit.valueChanged.connect(self._available_edited)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_check)
        start_row.addWidget(self.start_edit)
        start_row.addStretch(1)
        form = QFormLayout()
        form.addRow("&Title", self.title_edit)
        form.addRow("Start", start_row)
        form.addRow("Time &available", self.available_edit)
        return form

    def _build_adding(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """Adding a module, a scenario, a break or a free block; moving and removing."""
        self.module_choice = QComboBox(self)
        self.module_choice.setAccessibleName("Module to add")
        for module in self.library.ordered_modules():
            self.module_choice.addItem(f"{module.title} ({module.minutes} min)", module.id)
        (self.add_module_button,) = _buttons(self, ADD_MODULE_BUTTON)
        self.scenario_choice = QComboBox(self)
        self.scenario_choice.setAccessibleName("Scenario to add")
        for scenario_id, title in sorted(
            (self.scenarios or {}).items(), key=lambda item: item[1].casefold()
        ):
            self.scenario_choice.addItem(title, scenario_id)
        (self.add_scenario_button,) = _buttons(self, ADD_SCENARIO_BUTTON)
        has_scenarios = bool(self.scenarios)
        self.scenario_choice.setEnabled(has_scenarios)
        self.add_scenario_button.setEnabled(has_scenarios)
        edits = _buttons(self, EDIT_BUTTONS)
        self.add_break_button, self.add_free_button, self.up_button = edits[:3]
        self.down_button, self.remove_button = edits[3:]
        add_row = QHBoxLayout()
        add_row.addWidget(self.module_choice, 2)
        add_row.addWidget(self.add_module_button)
        add_row.addWidget(self.scenario_choice, 1)
        add_row.addWidget(self.add_scenario_button)
        edit_row = QHBoxLayout()
        for button in edits:
            edit_row.addWidget(button)
        edit_row.addStretch(1)
        return add_row, edit_row

    def _build_file_row(self) -> QHBoxLayout:
        """New, open, save, save as and present, with their keys."""
        files = _buttons(self, FILE_BUTTONS)
        self.new_button, self.open_button, self.save_button, self.save_as_button = files[:4]
        self.present_button = files[4]
        for text, keys, slot in (
            ("Save plan", QKeySequence.StandardKey.Save, self.save),
            ("Open plan", QKeySequence.StandardKey.Open, self.open_dialog),
            ("Present plan", QKeySequence(Qt.Key.Key_F5), self._present),
        ):
            action = QAction(text, self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        file_row = QHBoxLayout()
        for button in files[:4]:
            file_row.addWidget(button)
        file_row.addStretch(1)
        file_row.addWidget(self.present_button)
        return file_row

    # -- the plan ----------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        return self.model.plan

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty:
            self._autosave.start()
        else:
            self._autosave.stop()
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def recovery_path(self) -> Path:
        return self.folder.recovery_path(self.plan)

    @Slot()
    def autosave(self) -> Path | None:
        """Copies unsaved changes to the recovery folder, so a crash loses nothing."""
        return self.folder.keep_unsaved(self.plan) if self._dirty else None

    @staticmethod
    def recovery_files(plans_dir: Path) -> list[Path]:
        """Plans with unsaved changes left by an earlier session (open them with :meth:`open_file`)."""
        return PlanFolder(plans_dir).unsaved()

    def set_plan(
        self, plan: Plan, problems: Sequence[Problem] = (), *, unsaved: bool = False
    ) -> None:
        """Shows a plan, with the problems found reading it and any missing modules or
        scenarios; ``unsaved``: the plan holds changes not saved yet."""
        checked = check_plan(plan, self.library.modules, self.scenarios)
        self.model.set_plan(plan, _missing_rows(plan, self.library, self.scenarios))
        self._show_problems([*problems, *checked])
        self._show_plan()
        self._set_dirty(unsaved)

    def open_file(self, path: Path) -> bool:
        """Opens a plan file; its problems show as ``file:line: message`` and the rest of the plan loads."""
        plan, problems = load_plan(Path(path))
        if plan is None:
            self._show_problems(problems)
            return False
        self.set_plan(plan, problems)
        return True

    @Slot()
    def new_plan(self) -> None:
        self.set_plan(
            Plan(id="new-plan", title="New session plan", start=DEFAULT_START, available=90)
        )

    def save_path(self) -> Path:
        """Where :meth:`save` writes: the plan's own file if it is in the user's plans folder, else a new one there."""
        return self.folder.save_path(self.plan)

    @Slot()
    def save(self, path: Path | None = None) -> Path | None:
        """Saves atomically; returns the file, or None (with a problem shown) if it could not be written."""
        target = Path(path) if path else self.save_path()
        try:
            save_plan(self.plan, target)
        except OSError as exc:
            from teachin.problems import error

            self._show_problems([error(target, 1, f"cannot save the plan: {exc.strerror or exc}")])
            return None
        self.folder.drop_unsaved(self.plan)
        self._set_dirty(False)
        self.saved.emit(target)
        return target

    @Slot()
    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open a session plan", str(self.plans_dir), "Session plans (*.toml)"
        )
        if name:
            self.open_file(Path(name))

    @Slot()
    def save_as_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the session plan", str(self.save_path()), "Session plans (*.toml)"
        )
        if name:
            self.save(Path(name))

    # -- blocks -----------------------------------------------------------------

    def selected_row(self) -> int:
        return self.table.selected_row()

    def select_row(self, row: int) -> None:
        self.table.select_row(row)

    def add_block(self, block: Block) -> int:
        """Adds a block after the selected one (or at the end) and selects it."""
        return self.table.add_block(block)

    @Slot()
    def add_module(self) -> None:
        module_id = self.module_choice.currentData()
        if module_id in self.library.modules:
            self.add_block(
                Block(BlockKind.MODULE, self.library.modules[module_id].minutes, ref=module_id)
            )

    @Slot()
    def add_scenario(self) -> None:
        scenario_id = self.scenario_choice.currentData()
        if scenario_id:
            self.add_block(Block(BlockKind.SCENARIO, 45, ref=scenario_id))

    @Slot()
    def add_break(self) -> None:
        self.add_block(Block(BlockKind.BREAK, 10))

    @Slot()
    def add_free(self) -> None:
        self.add_block(Block(BlockKind.FREE, 10, title="Discussion"))

    @Slot(int)
    def move_selected(self, step: int) -> bool:
        return self.table.move_selected(step)

    @Slot()
    def move_up(self) -> None:
        self.move_selected(-1)

    @Slot()
    def move_down(self) -> None:
        self.move_selected(1)

    @Slot()
    def remove_selected(self) -> None:
        self.table.remove_selected()

    # -- showing ------------------------------------------------------------------

    def _show_plan(self) -> None:
        plan = self.plan
        self._loading = True
        self.title_edit.setText(plan.title)
        self.start_check.setChecked(plan.start is not None)
        self.start_edit.setEnabled(plan.start is not None)
        start = plan.start if plan.start is not None else DEFAULT_START
        self.start_edit.setTime(QTime(start // 60, start % 60))
        self.available_edit.setValue(plan.available or 0)
        self._loading = False
        self._current_changed()
        self._update_budget()

    def _update_budget(self) -> None:
        self.budget.show_plan(self.plan)

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        self.problem_list.show_problems(self.problems)
        if self.problems:
            self.problemsFound.emit(self.problems)

    # -- edits --------------------------------------------------------------------

    @Slot()
    def _edited(self) -> None:
        self._update_budget()
        self._set_dirty(True)

    @Slot(str)
    def _title_edited(self, text: str) -> None:
        self.plan.title = text.strip() or "Untitled plan"
        self._set_dirty(True)

    @Slot()
    def _start_edited(self) -> None:
        if self._loading:
            return
        enabled = self.start_check.isChecked()
        self.start_edit.setEnabled(enabled)
        time = self.start_edit.time()
        self.plan.start = time.hour() * 60 + time.minute() if enabled else None
        self._refresh_times()

    @Slot(int)
    def _available_edited(self, value: int) -> None:
        if self._loading:
            return
        self.plan.available = value or None
        self._update_budget()
        self._set_dirty(True)

    def _refresh_times(self) -> None:
        self.model.clock_times_changed()
        self._update_budget()
        self._set_dirty(True)

    @Slot()
    def _current_changed(self) -> None:
        row = self.selected_row()
        self._loading = True
        has_row = row >= 0
        self.block_notes.setEnabled(has_row)
        self.block_notes.setPlainText(self.plan.blocks[row].notes if has_row else "")
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setEnabled(has_row)
        self._loading = False

    @Slot()
    def _notes_edited(self) -> None:
        row = self.selected_row()
        if self._loading or row < 0:
            return
        self.plan.blocks[row].notes = self.block_notes.toPlainText().strip()
        self._set_dirty(True)

    @Slot()
    def _present(self) -> None:
        self.presentRequested.emit(self.plan)

    # -- as a dialog ----------------------------------------------------------------

    @classmethod
    def dialog(
        cls,
        library: Library,
        plans_dir: Path,
        scenarios: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> tuple[QDialog, PlanEditor]:
        """The editor in a non-modal dialog (the caller shows it and keeps a reference)."""
        dialog = QDialog(parent)
        dialog.setWindowTitle("Session plan")
        dialog.setAccessibleName("Session plan")
        editor = cls(library, plans_dir, scenarios, dialog)
        layout = QVBoxLayout(dialog)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(editor)
        dialog.resize(900, 640)
        return dialog, editor
