"""File › Export: choose what to print, see the pages, save them as a PDF.

What is chosen becomes an :class:`~teachin.export.request.ExportRequest` (the same
request ``teachin export`` parses its arguments into), printed from the app's
catalog; the pages come from the same layout, so the preview is exactly what
prints. Laying out and saving run in a background thread: a layout device per
thread (``teachin.export.paged``), and the documents and pages made there stay
there; only the preview's pictures come back.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
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
from teachin.export.documents import ExportDocument
from teachin.export.paged import Paper, default_paper
from teachin.export.request import ExportKind, ExportRequest, read_printed_run
from teachin.runs.board import run_file_label
from teachin.ui.background import BackgroundJob
from teachin.workshop.module import Module

PREVIEW_DPI = 40
PREVIEW_DELAY_MS = 250


@dataclass(frozen=True)
class Kind:
    kind: ExportKind
    label: str
    needs: str
    """What to choose: ``modules``, ``plan-or-all``, ``plan``, ``plan-or-any``,
    ``scenario-or-blank``, ``run``, or ``nothing`` (a blank sheet)."""

    @property
    def id(self) -> str:
        return self.kind.value


KINDS = (
    Kind(ExportKind.HANDOUT, "Participant take-home", "modules"),
    Kind(ExportKind.GUIDE, "Facilitator guide", "plan-or-all"),
    Kind(ExportKind.AGENDA, "Session agenda (one page)", "plan"),
    Kind(
        ExportKind.WORKSHEET, "Worksheet: staircase or scenario choice sheet", "scenario-or-blank"
    ),
    Kind(ExportKind.SPECTRUM, "Worksheet: spectrum of allies", "nothing"),
    Kind(ExportKind.DEBRIEF, "Scenario debrief (from a run file)", "run"),
    Kind(ExportKind.CLOSING, "Closing sheets: evaluation and sign-up", "plan-or-any"),
)


@dataclass(frozen=True)
class Preview:
    """The pages of what is chosen, laid out in the background: pictures to show."""

    document: ExportDocument
    pages: tuple[QImage, ...]

    @property
    def page_count(self) -> int:
        return len(self.pages)


def _make_preview(request: ExportRequest, catalog: Catalog, paper: Paper) -> Preview | Exception:
    """In a background thread: the document, laid out, as pictures (errors returned)."""
    from teachin.export.documents import layout
    from teachin.export.make import make_document

    try:
        document = make_document(request, catalog)
        paged = layout(document, paper)
        return Preview(
            document, tuple(paged.page_image(i, PREVIEW_DPI) for i in range(paged.page_count))
        )
    except (LookupError, OSError) as exc:
        return exc


def _save(document: ExportDocument, paper: Paper, path: Path) -> Path | Exception:
    """In a background thread: lays ``document`` out again and writes it to ``path``."""
    from teachin.export.documents import export_pdf

    try:
        export_pdf(document, path, paper)
    except OSError as exc:
        return exc
    return path


class ExportDialog(QDialog):
    """Prints from ``catalog``; ``run_files``: files a debrief can be printed from
    (the saved runs); ``current_module``: the one ticked for a handout (None: all)."""

    previewed = Signal()
    """The preview shows what is chosen now (or says why it cannot be printed)."""
    saved = Signal()
    """Saving finished: ``last_saved`` is the PDF written (None, and the status says
    why, when it could not be)."""

    def __init__(
        self,
        catalog: Catalog,
        run_files: list[Path],
        current_module: Module | None = None,
        parent: QWidget | None = None,
        preview_delay_ms: int = PREVIEW_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export to PDF")
        self.setObjectName("exportDialog")
        self.setAccessibleName("Export to PDF")
        self.catalog = catalog
        self.library = catalog.library
        self.preview: Preview | None = None
        self.last_saved: Path | None = None
        self._run_files = run_files
        self._run_labels: dict[Path, str] = {}  # each file read once, not at each kind change
        self._generation = 0
        """Counts the previews asked for: a layout finished after another was asked is dropped."""
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(preview_delay_ms)
        self._preview_timer.timeout.connect(self.update_preview)
        self._build(current_module)
        self._kind_changed()
        self.resize(1100, 760)

    # ---------------------------------------------------------------- building

    def _build(self, current_module: Module | None) -> None:
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("exportKind")
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
            item.setData(Qt.ItemDataRole.UserRole, module)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = current_module is None or module is current_module
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
        self._lay_out(self._form())

    def _form(self) -> QFormLayout:
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
        return form

    def _lay_out(self, form: QFormLayout) -> None:
        """The choices, the status and the buttons on the left; the pages on the right."""
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
            self.choice_combo.addItem("All modules", None)
        if needs == "plan-or-any":
            self.choice_combo.addItem("Any session (a line to write its name)", None)
        if needs in ("plan-or-all", "plan", "plan-or-any"):
            for plan in self.catalog.plans.values():
                self.choice_combo.addItem(f"Session plan: {plan.title}", plan)
        elif needs == "scenario-or-blank":
            self.choice_combo.addItem("A blank staircase for planning a campaign", None)
            for scenario in self.catalog.scenarios.values():
                self.choice_combo.addItem(f"Choice sheet: {scenario.title}", scenario)
        elif needs == "run":
            for path in self._run_files:
                self._add_run_item(path)
        self.choice_combo.blockSignals(False)
        has_choice = needs not in ("modules", "nothing")
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
        self._add_run_item(path)
        self.choice_combo.setCurrentIndex(self.choice_combo.count() - 1)

    def _add_run_item(self, path: Path) -> None:
        """A run listed by its group and scenario (the file's name in the tooltip)."""
        label = self._run_labels.get(path)
        if label is None:
            label = run_file_label(path, self.catalog.scenario_titles())
            self._run_labels[path] = label
        self.choice_combo.addItem(label, path)
        self.choice_combo.setItemData(
            self.choice_combo.count() - 1, str(path), Qt.ItemDataRole.ToolTipRole
        )

    def checked_modules(self) -> list[Module]:
        return [
            self.modules_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.modules_list.count())
            if self.modules_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def request(self) -> ExportRequest | None:
        """What is chosen; None when nothing is chosen yet. A run file is read here
        (ExportInputError when it cannot be printed)."""
        kind = self.kind()
        if kind.needs == "nothing":
            return ExportRequest(kind.kind)
        if kind.needs == "modules":
            modules = tuple(self.checked_modules())
            return ExportRequest(kind.kind, modules=modules) if modules else None
        choice = self.choice_combo.currentData()
        if kind.needs == "run":
            return (
                ExportRequest(kind.kind, run=read_printed_run(choice, self.catalog))
                if choice
                else None
            )
        if kind.needs == "plan" and choice is None:
            return None
        if kind.needs == "scenario-or-blank":
            return ExportRequest(kind.kind, scenario=choice)
        return ExportRequest(kind.kind, plan=choice)

    # ----------------------------------------------------------------- preview

    @Slot()
    def _schedule_preview(self) -> None:
        self._generation += 1  # a layout under way is for an old choice now
        self.preview = None
        self.save_button.setEnabled(False)
        self._preview_timer.start()

    @Slot()
    def update_preview(self) -> None:
        """Lays the pages out in the background; ``previewed`` says when they show."""
        self._preview_timer.stop()
        self._generation += 1
        self.pages.clear()
        self.preview = None
        self.save_button.setEnabled(False)
        try:
            request = self.request()
        except LookupError as exc:
            self._cannot_print(exc)
            return
        if request is None:
            self.status.setText(self._nothing_chosen())
            self.previewed.emit()
            return
        self.status.setText("Laying out the pages…")
        generation, catalog, paper = self._generation, self.catalog, self.paper()
        job = BackgroundJob(
            lambda: _make_preview(request, catalog, paper), self, name="teachin-export-preview"
        )
        job.finished.connect(partial(self._show_preview, generation))

    def _show_preview(self, generation: int, result: Preview | Exception) -> None:
        if generation != self._generation:
            return  # the choice changed meanwhile: a newer preview is coming
        if isinstance(result, Exception):
            self._cannot_print(result)
            return
        self.preview = result
        count = result.page_count
        for index, image in enumerate(result.pages):
            item = QListWidgetItem(QIcon(framed_page(image)), f"Page {index + 1}", self.pages)
            item.setToolTip(f"Page {index + 1} of {count}")
        if count:
            first = result.pages[0]
            self.pages.setIconSize(QSize(first.width() + PAGE_SHADOW, first.height() + PAGE_SHADOW))
        self.status.setText(
            f"{result.document.title}: {count} page{'s' if count != 1 else ''} "
            f"on {self.paper_combo.currentText().split(' ')[0]} paper."
        )
        self.save_button.setEnabled(count > 0)
        self.previewed.emit()

    def _cannot_print(self, error: Exception) -> None:
        self.status.setText(f"This cannot be printed: {error}")
        self.save_button.setEnabled(False)
        self.previewed.emit()

    def _nothing_chosen(self) -> str:
        return {
            "modules": "Tick at least one module to print.",
            "plan": "Make a session plan first (Present › Plan a session…), then print its agenda.",
            "run": "Choose a run file: the groups' runs are saved as they play.",
        }.get(self.kind().needs, "Choose what to print.")

    # ------------------------------------------------------------------ saving

    def suggested_name(self) -> str:
        try:
            request = self.request()
        except LookupError:
            request = None
        tail = request.name() if request is not None else "all"
        return f"teachin-{self.kind().id}-{tail}.pdf"

    @Slot()
    def choose_file_and_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save PDF", str(Path.home() / self.suggested_name()), "PDF (*.pdf)"
        )
        if name:
            self.save(Path(name) if name.lower().endswith(".pdf") else Path(f"{name}.pdf"))

    def save(self, path: Path) -> None:
        """Writes the previewed document to ``path`` in the background; ``saved`` follows."""
        if self.preview is None:
            return
        self.save_button.setEnabled(False)
        self.last_saved = None
        self.status.setText(f"Saving {path}…")
        document, paper, pages = self.preview.document, self.paper(), self.preview.page_count
        job = BackgroundJob(lambda: _save(document, paper, path), self, name="teachin-export-save")
        job.finished.connect(partial(self._saved, pages))

    def _saved(self, pages: int, result: Path | Exception) -> None:
        self.save_button.setEnabled(self.preview is not None)
        if isinstance(result, Exception):
            self.status.setText(f"Could not save the PDF: {result}")
            self.saved.emit()
            return
        self.last_saved = result
        self.status.setText(f"Saved {result} ({pages} pages).")
        self.saved.emit()


# A page's edge and its shadow, in pixels: a white page on a light window needs both.
PAGE_SHADOW = 4
PAGE_EDGE = QColor("#5f6368")


def framed_page(image: QImage) -> QPixmap:
    """A page of the preview with a dark edge and a shadow below and to the right,
    so where the paper ends shows on every theme."""
    width, height = image.width(), image.height()
    pixmap = QPixmap(width + PAGE_SHADOW, height + PAGE_SHADOW)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.fillRect(PAGE_SHADOW, PAGE_SHADOW, width, height, QColor(0, 0, 0, 90))
    painter.drawImage(0, 0, image)
    painter.setPen(PAGE_EDGE)
    painter.drawRect(0, 0, width - 1, height - 1)
    painter.end()
    return pixmap
