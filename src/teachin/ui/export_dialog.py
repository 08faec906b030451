"""File › Export: choose what to print, see the pages, save them as a PDF.

The pages come from the same layout as ``teachin export`` (``teachin.export``),
so the preview is exactly what prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from teachin.catalog import Catalog
from teachin.export.commands import make_document
from teachin.export.documents import UnknownModuleError, layout
from teachin.export.paged import PagedDocument, Paper, default_paper, write_pdf

PREVIEW_DPI = 40
PREVIEW_DELAY_MS = 250


@dataclass(frozen=True)
class Kind:
    id: str
    label: str
    needs: str
    """What to choose: ``modules``, ``plan-or-all``, ``plan``, ``scenario-or-blank`` or ``run``."""


KINDS = (
    Kind("handout", "Participant handout", "modules"),
    Kind("guide", "Facilitator guide", "plan-or-all"),
    Kind("agenda", "Session agenda (one page)", "plan"),
    Kind("worksheet", "Worksheet: staircase or scenario choice sheet", "scenario-or-blank"),
    Kind("debrief", "Scenario debrief (from a run file)", "run"),
)


class ExportDialog(QDialog):
    """Prints from ``catalog``; ``run_files``: files a debrief can be printed from
    (the saved runs)."""

    def __init__(
        self,
        catalog: Catalog,
        run_files: list[Path],
        current_module: str | None = None,
        parent: QWidget | None = None,
        preview_delay_ms: int = PREVIEW_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export to PDF")
        self.setObjectName("exportDialog")
        self.setAccessibleName("Export to PDF")
        self.library = catalog.library
        self.folders = list(catalog.library.folders)
        self.paged: PagedDocument | None = None
        self.last_saved: Path | None = None
        self._plans = {plan.id: plan.title for plan in catalog.plans.values()}
        self._scenarios = catalog.scenario_titles()
        self._run_files = run_files
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(preview_delay_ms)
        self._preview_timer.timeout.connect(self.update_preview)
        self._build(current_module)
        self._kind_changed()
        self.resize(1100, 760)

    # ---------------------------------------------------------------- building

    def _build(self, current_module: str | None) -> None:
        self.kind_combo = QComboBox(self)
        self.kind_combo.setAccessibleName("What to print")
        for kind in KINDS:
            self.kind_combo.addItem(kind.label, kind.id)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)

        self.modules_list = QListWidget(self)
        self.modules_list.setAccessibleName("Modules to print")
        self.modules_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.modules_list.setWordWrap(True)
        self.modules_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.modules_list.setMinimumHeight(300)
        for module in self.library.ordered_modules():
            item = QListWidgetItem(module.title, self.modules_list)
            item.setData(Qt.ItemDataRole.UserRole, module.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = current_module is None or module.id == current_module
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        self.modules_list.itemChanged.connect(self._schedule_preview)
        self.modules_label = QLabel("&Modules:", self)
        self.modules_label.setBuddy(self.modules_list)

        self.choice_combo = QComboBox(self)
        self.choice_combo.setAccessibleName("Plan, scenario or run")
        self.choice_combo.currentIndexChanged.connect(self._schedule_preview)
        self.choice_label = QLabel("&From:", self)
        self.choice_label.setBuddy(self.choice_combo)
        self.browse_button = QPushButton("Choose a run &file…", self)
        self.browse_button.setAccessibleName("Choose a run file")
        self.browse_button.clicked.connect(self._choose_run_file)

        self.paper_combo = QComboBox(self)
        self.paper_combo.setAccessibleName("Paper size")
        for paper, label in ((Paper.LETTER, "Letter (Canada, US)"), (Paper.A4, "A4")):
            self.paper_combo.addItem(label, paper.value)
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(default_paper().value))
        self.paper_combo.currentIndexChanged.connect(self._schedule_preview)

        form = QFormLayout()
        kind_label = QLabel("&Print:", self)
        kind_label.setBuddy(self.kind_combo)
        form.addRow(kind_label, self.kind_combo)
        form.addRow(self.choice_label, self.choice_combo)
        form.addRow(QLabel("", self), self.browse_button)
        form.addRow(self.modules_label, self.modules_list)
        paper_label = QLabel("P&aper:", self)
        paper_label.setBuddy(self.paper_combo)
        form.addRow(paper_label, self.paper_combo)

        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setAccessibleName("Export status")
        self.status.setWordWrap(True)

        self.save_button = QPushButton("&Save PDF…", self)
        self.save_button.setAccessibleName("Save PDF")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.choose_file_and_save)
        close_button = QPushButton("Close", self)
        close_button.setAccessibleName("Close")
        close_button.clicked.connect(self.reject)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.status)
        left.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(close_button)
        left.addLayout(buttons)

        self.pages = QListWidget(self)
        self.pages.setObjectName("previewPages")
        self.pages.setAccessibleName("Preview of the pages")
        self.pages.setViewMode(QListView.ViewMode.IconMode)
        self.pages.setFlow(QListView.Flow.LeftToRight)
        self.pages.setWrapping(True)
        self.pages.setResizeMode(QListView.ResizeMode.Adjust)
        self.pages.setMovement(QListView.Movement.Static)
        self.pages.setSpacing(12)

        layout_ = QHBoxLayout(self)
        side = QWidget(self)
        side.setLayout(left)
        side.setMaximumWidth(420)
        layout_.addWidget(side)
        layout_.addWidget(self.pages, 1)

    # ----------------------------------------------------------------- choices

    def kind(self) -> Kind:
        return KINDS[self.kind_combo.currentIndex()]

    def set_kind(self, kind_id: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind_id))

    def paper(self) -> Paper:
        return Paper(self.paper_combo.currentData())

    @Slot()
    def _kind_changed(self) -> None:
        needs = self.kind().needs
        self.choice_combo.blockSignals(True)
        self.choice_combo.clear()
        if needs == "plan-or-all":
            self.choice_combo.addItem("All modules", "")
        if needs in ("plan-or-all", "plan"):
            for plan_id, title in self._plans.items():
                self.choice_combo.addItem(f"Session plan: {title}", plan_id)
        elif needs == "scenario-or-blank":
            self.choice_combo.addItem("A blank staircase for planning a campaign", "")
            for scenario_id, title in self._scenarios.items():
                self.choice_combo.addItem(f"Choice sheet: {title}", scenario_id)
        elif needs == "run":
            for path in self._run_files:
                self.choice_combo.addItem(path.stem, str(path))
        self.choice_combo.blockSignals(False)
        has_choice = needs != "modules"
        self.choice_combo.setVisible(has_choice)
        self.choice_label.setVisible(has_choice)
        self.browse_button.setVisible(needs == "run")
        self.modules_list.setVisible(needs == "modules")
        self.modules_label.setVisible(needs == "modules")
        self._schedule_preview()

    @Slot()
    def _choose_run_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Choose a run file", str(Path.home()), "Run files (*.json)"
        )
        if name:
            self.add_run_file(Path(name))

    def add_run_file(self, path: Path) -> None:
        self.choice_combo.addItem(path.stem, str(path))
        self.choice_combo.setCurrentIndex(self.choice_combo.count() - 1)

    def checked_modules(self) -> list[str]:
        return [
            self.modules_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.modules_list.count())
            if self.modules_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _ids(self) -> list[str] | None:
        """What ``make_document`` needs; None when nothing is chosen yet."""
        needs = self.kind().needs
        if needs == "modules":
            return self.checked_modules() or None
        choice = self.choice_combo.currentData()
        if needs in ("plan", "run") and not choice:
            return None
        return [choice] if choice else []

    # ----------------------------------------------------------------- preview

    @Slot()
    def _schedule_preview(self) -> None:
        self.paged = None
        self.save_button.setEnabled(False)
        self._preview_timer.start()

    @Slot()
    def update_preview(self) -> None:
        """Lays the pages out and shows each one (also what gets saved)."""
        self._preview_timer.stop()
        self.pages.clear()
        self.paged = None
        ids = self._ids()
        if ids is None:
            self.status.setText(self._nothing_chosen())
            self.save_button.setEnabled(False)
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            document = make_document(self.kind().id, ids, self.folders, self.library)
            self.paged = layout(document, self.paper())
        except (UnknownModuleError, LookupError, OSError) as exc:
            self.status.setText(f"This cannot be printed: {exc}")
            self.save_button.setEnabled(False)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        count = self.paged.page_count
        for index in range(count):
            image = self.paged.page_image(index, PREVIEW_DPI)
            item = QListWidgetItem(QIcon(QPixmap.fromImage(image)), f"Page {index + 1}", self.pages)
            item.setToolTip(f"Page {index + 1} of {count}")
        first = self.paged.page_image(0, PREVIEW_DPI) if count else None
        if first is not None:
            self.pages.setIconSize(QSize(first.width(), first.height()))
        self.status.setText(
            f"{document.title}: {count} page{'s' if count != 1 else ''} "
            f"on {self.paper_combo.currentText().split(' ')[0]} paper."
        )
        self.save_button.setEnabled(count > 0)

    def _nothing_chosen(self) -> str:
        return {
            "modules": "Tick at least one module to print.",
            "plan": "Make a session plan first (Present › Plan a session…), then print its agenda.",
            "run": "Choose a run file: the groups' runs are saved as they play.",
        }.get(self.kind().needs, "Choose what to print.")

    # ------------------------------------------------------------------ saving

    def suggested_name(self) -> str:
        ids = self._ids() or []
        tail = Path(ids[0]).stem if len(ids) == 1 and ids[0] else "all"
        return f"teachin-{self.kind().id}-{tail}.pdf"

    @Slot()
    def choose_file_and_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save PDF", str(Path.home() / self.suggested_name()), "PDF (*.pdf)"
        )
        if name:
            self.save(Path(name) if name.lower().endswith(".pdf") else Path(f"{name}.pdf"))

    def save(self, path: Path) -> bool:
        if self.paged is None:
            self.update_preview()
        if self.paged is None:
            return False
        try:
            write_pdf(self.paged, path)
        except OSError as exc:
            self.status.setText(f"Could not save the PDF: {exc}")
            return False
        self.last_saved = path
        self.status.setText(f"Saved {path} ({self.paged.page_count} pages).")
        return True
