"""The scenario player: a small group plays a scenario round by round and debriefs it.

Pages: choose a scenario → each round (situation, choices, staircase, measures)
→ what happened → … → the debrief. A timeline re-reads past rounds; "What if?"
goes back to one of them and chooses again (the abandoned path is kept for the
debrief), unless the facilitator turned going back off. The run is saved
atomically after every step into ``runs_dir``; the next start offers to continue.

For the main window::

    player = PlayerWindow(scenarios, library, runs_dir(), settings)
    player.conceptRequested.connect(main_window.open_href)
    player.resume_or_pick()
    player.show()
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from teachin.runs.runfile import RunFileError, read_run
from teachin.runs.store import (
    VIEW_CONSEQUENCE,
    VIEW_ROUND,
    PlayerInfo,
    RunStore,
    SavedRun,
    now,
    open_run,
    set_aside,
    write_run,
)
from teachin.scenario.model import Scenario
from teachin.scenario.run import Run, start_run
from teachin.ui.palette import focus_style_sheet, palette_for
from teachin.ui.player.common import BigButton
from teachin.ui.player.consequence_view import ConsequenceView
from teachin.ui.player.debrief_view import DebriefView
from teachin.ui.player.round_view import RoundView
from teachin.ui.player.runs_manager import RunsManager
from teachin.ui.player.scenario_picker import ScenarioPicker
from teachin.ui.player.timeline import Timeline
from teachin.ui.settings import ZOOM_STEPS, Settings, next_zoom
from teachin.workshop.library import Library
from teachin.workshop.themes import Theme, theme_named

WHAT_IF_KEY = "player/allow_what_if"
BASE_FONT_SCALE = 1.3
"""The player's text is larger than the app's default: it is read by a group around a laptop."""


class PlayerWindow(QMainWindow):
    """The scenario player. ``conceptRequested(href)`` asks the main window to open
    a module or glossary entry (``module:ID`` or ``glossary:ID``)."""

    conceptRequested = Signal(str)
    saved = Signal(Path)
    """Emitted after every autosave, with the run file's path."""

    def __init__(
        self,
        scenarios: dict[str, Scenario],
        library: Library | None,
        runs_dir: Path,
        settings: Settings | None = None,
        *,
        seed: int | None = None,
        allow_what_if: bool | None = None,
        prefs: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("playerWindow")
        self.setAccessibleName("Scenario player")
        self.setWindowTitle("Play a scenario — teachin")
        self.scenarios = scenarios
        self.library = library
        self.staircase = library.staircase if library is not None else None
        self.store = RunStore(runs_dir)
        self.settings = settings
        self._seed = seed
        self._prefs = prefs if prefs is not None else QSettings()
        if allow_what_if is not None:
            self._prefs.setValue(WHAT_IF_KEY, bool(allow_what_if))
        self.theme: Theme = theme_named(settings.theme if settings else "light")
        self.zoom = settings.zoom if settings else 1.0
        self._base_point = (QApplication.font().pointSizeF() or 10.0) * BASE_FONT_SCALE

        self.run: Run | None = None
        self.info = PlayerInfo()
        self.path: Path | None = None
        self.viewing = 0  # a past round being re-read; 0 = the present
        self._resume_entry: SavedRun | None = None

        self._build()
        self._build_menus()
        self._apply_theme()
        self._apply_zoom()
        self.statusBar().setSizeGripEnabled(False)
        self.resize(1280, 720)

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        self.banner = QFrame(self)
        self.banner.setObjectName("playerMessage")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner_text.setAccessibleName("Message")
        dismiss = BigButton("OK", "Dismiss the message", self.banner)
        dismiss.clicked.connect(self.banner.hide)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(dismiss)
        self.banner.hide()

        self.picker = ScenarioPicker(self.scenarios, self)
        self.picker.startRequested.connect(self.start)
        self.picker.resumeRequested.connect(self.resume)
        self.picker.runsRequested.connect(self.show_runs)

        self.play = QWidget(self)
        self.play.setObjectName("playPage")
        self.header = QLabel(self)
        self.header.setObjectName("runHeader")
        self.header.setWordWrap(True)
        self.header.setAccessibleName("Scenario and group")
        self.timeline = Timeline(self)
        self.timeline.roundClicked.connect(self.show_past)
        self.timeline.presentClicked.connect(self.show_present)
        self.round_view = RoundView(self.staircase, self.play)
        self.round_view.chosen.connect(self.choose)
        self.consequence_view = ConsequenceView(self.staircase, self.library, self.play)
        self.consequence_view.nextRequested.connect(self.next_step)
        self.consequence_view.backToPresent.connect(self.show_present)
        self.consequence_view.whatIf.connect(self.what_if)
        self.consequence_view.conceptRequested.connect(self.conceptRequested)
        self.play_stack = QStackedWidget(self.play)
        self.play_stack.addWidget(self.round_view)
        self.play_stack.addWidget(self.consequence_view)
        play_layout = QVBoxLayout(self.play)
        play_layout.setContentsMargins(0, 0, 0, 0)
        play_layout.addWidget(self.play_stack, 1)

        self.debrief = DebriefView(self.staircase, self.library, self)
        self.debrief.conceptRequested.connect(self.conceptRequested)
        self.debrief.saveRequested.connect(self.save_as)
        self.debrief.exportRequested.connect(self.export_debrief)
        self.debrief.newRequested.connect(self.pick)

        self.runs = RunsManager(self.store, self.scenarios, self)
        self.runs.openRequested.connect(self.open_saved)
        self.runs.closed.connect(self._runs_closed)
        self.runs.problems.connect(self._show_problems)

        self.pages = QStackedWidget(self)
        for page in (self.picker, self.play, self.debrief, self.runs):
            self.pages.addWidget(page)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.header)  # the run's header and timeline: while playing and
        layout.addWidget(self.timeline)  # in the debrief (to look back, or go back)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._export_available = _debrief_export() is not None
        if not self._export_available:
            self.debrief.export_button.setEnabled(False)
            self.debrief.export_button.setToolTip("PDF export is not available in this version.")

    def _action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.new_action = self._action("&New scenario…", self.pick, QKeySequence.StandardKey.New)
        self.runs_action = self._action("Saved &runs…", self.show_runs, "Ctrl+O")
        self.open_action = self._action("&Open run file…", self._ask_open, "Ctrl+Shift+O")
        self.save_action = self._action(
            "&Save run as…", self.save_as, QKeySequence.StandardKey.SaveAs
        )
        self.export_action = self._action("&Export debrief (PDF)…", self.export_debrief, "Ctrl+E")
        self.export_action.setEnabled(False)
        self.close_action = self._action("&Close", self.close, QKeySequence.StandardKey.Close)
        for action in (
            self.new_action,
            self.runs_action,
            self.open_action,
            self.save_action,
            self.export_action,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)

        view_menu = bar.addMenu("&View")
        self.zoom_in_action = self._action(
            "&Larger text", self.zoom_in, [QKeySequence.StandardKey.ZoomIn, "Ctrl+="]
        )
        self.zoom_out_action = self._action(
            "&Smaller text", self.zoom_out, QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_reset_action = self._action("&Normal text size", self.zoom_reset, "Ctrl+0")
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view_menu.addAction(action)

        facilitator = bar.addMenu("F&acilitator")
        self.what_if_action = QAction("Allow “&What if?” (going back to an earlier round)", self)
        self.what_if_action.setCheckable(True)
        self.what_if_action.setChecked(self.allow_what_if)
        self.what_if_action.toggled.connect(self.set_allow_what_if)
        facilitator.addAction(self.what_if_action)
        self._update_actions()

    # ----------------------------------------------------------------- settings
    @property
    def allow_what_if(self) -> bool:
        value = self._prefs.value(WHAT_IF_KEY, True)
        if isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return bool(value)

    @Slot(bool)
    def set_allow_what_if(self, allow: bool) -> None:
        """The facilitator's switch: off means play "for real", no going back."""
        self._prefs.setValue(WHAT_IF_KEY, bool(allow))
        if self.what_if_action.isChecked() != allow:
            self.what_if_action.setChecked(allow)
        if self.run is not None and self.viewing:
            self.show_past(self.viewing)

    def _apply_theme(self) -> None:
        # The app-wide palette, as the main window sets it: widgets styled through a
        # style sheet take their colours from the application, not from this window.
        # (Without settings, the player follows whatever palette the app has.)
        palette = palette_for(self.theme)
        if self.settings is not None:
            QApplication.setPalette(palette)
        self.setPalette(palette)
        self._apply_style()
        for view in (self.round_view, self.consequence_view, self.debrief):
            view.set_theme(self.theme)

    def _apply_style(self) -> None:
        # With a style sheet set, child widgets take their font from the sheet, not
        # from the window: the text zoom goes through the sheet too.
        size = self._base_point * self.zoom
        ring = self.theme.step_current
        self.setStyleSheet(
            f"QWidget {{ font-size: {size:.1f}pt; }}"
            + focus_style_sheet(self.theme)
            + f"QFrame#playerMessage {{ border: 2px solid {ring}; }}"
            + "QPushButton { padding: 6px 14px; }"
            + f"QPushButton:focus {{ border: 2px solid {ring}; }}"
            + "QListWidget::item { padding: 6px; }"
        )

    def _apply_zoom(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(self._base_point * self.zoom)
        self.setFont(font)
        self._apply_style()
        self.zoom_in_action.setEnabled(self.zoom < ZOOM_STEPS[-1])
        self.zoom_out_action.setEnabled(self.zoom > ZOOM_STEPS[0])

    def _set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        if self.settings is not None:
            self.settings.zoom = zoom
        self._apply_zoom()

    @Slot()
    def zoom_in(self) -> None:
        zoom = next_zoom(self.zoom, larger=True)
        if zoom is not None:
            self._set_zoom(zoom)

    @Slot()
    def zoom_out(self) -> None:
        zoom = next_zoom(self.zoom, larger=False)
        if zoom is not None:
            self._set_zoom(zoom)

    @Slot()
    def zoom_reset(self) -> None:
        self._set_zoom(1.0)

    # ----------------------------------------------------------------- messages
    def message(self, text: str) -> None:
        """A clear message at the top of the window; the app goes on."""
        self.banner_text.setText(text)
        self.banner.show()
        self.statusBar().showMessage(text.splitlines()[0], 8000)

    @Slot(list)
    def _show_problems(self, messages: list) -> None:
        if messages:
            self.message(
                "Some saved runs could not be read and were set aside (not deleted):\n"
                + "\n".join(messages)
            )

    # ----------------------------------------------------------------- starting
    def resume_or_pick(self) -> None:
        """Show the scenario picker, offering to continue the newest unfinished run."""
        listing = self.store.listing()
        self._show_problems(listing.set_aside)
        self._resume_entry = next(
            (e for e in listing.runs if not e.finished and e.scenario in self.scenarios), None
        )
        self._show_picker()

    def _show_picker(self) -> None:
        entry = self._resume_entry
        if entry is not None:
            scenario = self.scenarios[entry.scenario]
            group = f" (group: {html.escape(entry.info.group)})" if entry.info.group else ""
            self.picker.show_resume(
                f"<b>Continue where you left off?</b> {html.escape(scenario.title)}{group}: "
                f"{entry.rounds_played} round{'s' if entry.rounds_played != 1 else ''} played."
            )
            self.picker.select(entry.scenario)
        else:
            self.picker.show_resume(None)
        self.pages.setCurrentWidget(self.picker)
        self._show_header(False)
        self.setWindowTitle("Play a scenario — teachin")
        self._update_actions()
        self.picker.focus_first()

    @Slot()
    def pick(self) -> None:
        """Back to the scenario picker (the current run is already saved)."""
        self._resume_entry = None
        if self.run is not None and not self.run.finished and self.path is not None:
            self._resume_entry = next(
                (e for e in self.store.listing().runs if e.path == self.path), None
            )
        self._show_picker()

    @Slot()
    def resume(self) -> None:
        if self._resume_entry is not None:
            self.open_saved(self._resume_entry.path)

    @Slot(str, str)
    def start(self, scenario_id: str, group: str = "") -> None:
        scenario = self.scenarios[scenario_id]
        self.run = start_run(scenario, self._seed)
        stamp = now()
        name = f"{group} — {scenario.title}" if group else scenario.title
        self.info = PlayerInfo(name=name, group=group, view=VIEW_ROUND, created=stamp)
        self.path = self.store.new_path(scenario_id)
        self.viewing = 0
        self._autosave()
        self._show_play()

    @Slot(Path)
    def open_saved(self, path: Path) -> bool:
        """Open a saved run exactly where it was left. A damaged file is set aside."""
        path = Path(path)
        try:
            run, info = open_run(path, self.scenarios)
        except RunFileError as exc:
            self._cannot_open(path, exc, inside_store=path.parent == self.store.folder)
            return False
        self.run, self.info, self.path, self.viewing = run, info, path, 0
        if run.finished:
            self.show_debrief()
        else:
            self._show_play()
        return True

    def open_file(self, path: Path) -> bool:
        """Open a run file from anywhere (File › Open); it is then saved among the runs."""
        path = Path(path)
        if path.parent == self.store.folder:
            return self.open_saved(path)
        try:
            run, info = open_run(path, self.scenarios)
        except RunFileError as exc:
            self._cannot_open(path, exc, inside_store=False)
            return False
        self.run, self.info, self.viewing = run, info, 0
        self.path = self.store.new_path(run.scenario.id)
        self._autosave()
        if run.finished:
            self.show_debrief()
        else:
            self._show_play()
        return True

    @Slot()
    def _ask_open(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Open run file", str(Path.home()), "Run files (*.run.json *.json)"
        )
        if chosen:
            self.open_file(Path(chosen))

    def _cannot_open(self, path: Path, error: RunFileError, inside_store: bool) -> None:
        text = f"This run could not be opened.\n{error}"
        damaged = True
        try:
            read_run(path)
            damaged = False  # readable: the scenario is missing or changed, not the file
        except RunFileError:
            pass
        if damaged and inside_store and path.exists():
            try:
                moved = set_aside(path)
                text += f"\nThe file was kept aside as {moved.name}; nothing was deleted."
            except OSError as exc:
                text += f"\nIt could not be set aside ({exc.strerror})."
        elif not damaged:
            text += "\nThe file was left as it is."
        self.message(text)
        self.resume_or_pick_keep_message()

    def resume_or_pick_keep_message(self) -> None:
        self._resume_entry = next(
            (
                e
                for e in self.store.listing().runs
                if not e.finished and e.scenario in self.scenarios
            ),
            None,
        )
        self._show_picker()

    # ----------------------------------------------------------------- playing
    def _show_play(self) -> None:
        run = self.run
        assert run is not None
        scenario = run.scenario
        self._show_header()
        self.setWindowTitle(f"{scenario.title} — teachin")
        self.pages.setCurrentWidget(self.play)
        self.viewing = 0
        if self.info.view == VIEW_CONSEQUENCE and run.steps:
            self._show_consequence_now()
        else:
            self._show_round()
        self._update_actions()

    def _show_header(self, visible: bool = True) -> None:
        run = self.run
        self.header.setVisible(visible and run is not None)
        self.timeline.setVisible(visible and run is not None)
        if run is None or not visible:
            return
        group = f" · group: {self.info.group}" if self.info.group else ""
        self.header.setText(
            f'<span style="font-size:large"><b>{html.escape(run.scenario.title)}</b></span>'
            f"{html.escape(group)}"
        )

    def _show_round(self) -> None:
        run = self.run
        assert run is not None
        self.timeline.set_run(run, 0)
        self.round_view.show_round(run)
        self.play_stack.setCurrentWidget(self.round_view)
        self.round_view.tactics.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_consequence_now(self) -> None:
        run = self.run
        assert run is not None
        self.timeline.set_run(run, 0)
        self.consequence_view.show_consequence(
            run.scenario, run.steps[-1].consequence, finished=run.finished
        )
        self.play_stack.setCurrentWidget(self.consequence_view)

    @Slot(str)
    def choose(self, tactic_id: str) -> None:
        """Play a choice for this round, then show what happened."""
        run = self.run
        if run is None or run.finished:
            return
        run.choose(tactic_id)
        self.info.view = VIEW_CONSEQUENCE
        self._autosave()
        self.viewing = 0
        self._show_consequence_now()
        self._update_actions()

    @Slot()
    def next_step(self) -> None:
        """After a consequence: the next round, or the debrief at the end."""
        run = self.run
        if run is None:
            return
        if run.finished:
            self.show_debrief()
            return
        self.info.view = VIEW_ROUND
        self._autosave()
        self._show_round()

    @Slot(int)
    def show_past(self, round_number: int) -> None:
        """Re-read a past round (from the timeline)."""
        run = self.run
        if run is None or not 1 <= round_number <= len(run.steps):
            return
        if self.pages.currentWidget() is not self.play:
            self.pages.setCurrentWidget(self.play)
            self._show_header()
        self.viewing = round_number
        self.timeline.set_run(run, round_number)
        self.consequence_view.show_consequence(
            run.scenario,
            run.steps[round_number - 1].consequence,
            past=True,
            finished=run.finished,
            can_go_back=self.allow_what_if,
        )
        self.play_stack.setCurrentWidget(self.consequence_view)

    @Slot()
    def show_present(self) -> None:
        run = self.run
        if run is None:
            return
        self.viewing = 0
        if run.finished and self.info.view == VIEW_ROUND:
            self.show_debrief()
        elif self.info.view == VIEW_CONSEQUENCE and run.steps:
            self._show_consequence_now()
        elif run.finished:
            self.show_debrief()
        else:
            self._show_round()

    @Slot(int)
    def what_if(self, round_number: int) -> None:
        """Go back to the start of ``round_number`` and choose again; the rounds
        played from there are kept as an abandoned path for the debrief."""
        run = self.run
        if run is None or not self.allow_what_if:
            self.message("Going back is turned off for this play (Facilitator menu).")
            return
        run.go_back(round_number)
        self.info.view = VIEW_ROUND
        self._autosave()
        self.pages.setCurrentWidget(self.play)
        self.viewing = 0
        self._show_round()
        self.statusBar().showMessage(
            f"Back at round {round_number}: the path you left is kept for the debrief.", 6000
        )
        self._update_actions()

    @Slot()
    def show_debrief(self) -> None:
        run = self.run
        if run is None:
            return
        self.info.view = VIEW_ROUND
        self.debrief.show_run(run)
        self._show_header()
        self.timeline.set_run(run, 0)
        self.statusBar().clearMessage()
        self.pages.setCurrentWidget(self.debrief)
        self.setWindowTitle(f"Debrief: {run.scenario.title} — teachin")
        self._update_actions()

    # ----------------------------------------------------------------- runs
    @Slot()
    def show_runs(self) -> None:
        self.runs.refresh()
        self.pages.setCurrentWidget(self.runs)
        self._show_header(False)
        self.runs.focus_first()
        self._update_actions()

    @Slot()
    def _runs_closed(self) -> None:
        if self.run is not None and self.run.finished:
            self.show_debrief()
        elif self.run is not None:
            self._show_play()
        else:
            self.resume_or_pick_keep_message()

    def _autosave(self) -> None:
        if self.run is None or self.path is None:
            return
        try:
            write_run(self.run, self.info, self.path)
        except OSError as exc:
            self.message(f"The run could not be saved to {self.path}: {exc.strerror or exc}")
            return
        self.saved.emit(self.path)

    def _target(self, path: object, title: str, ending: str, kinds: str) -> Path | None:
        """``path`` when given; otherwise ask where to write (None: cancelled)."""
        if isinstance(path, Path | str) and path:
            return Path(path)
        assert self.run is not None
        default = Path.home() / f"{self.info.name or self.run.scenario.id}{ending}"
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(default), kinds)
        return Path(chosen) if chosen else None

    @Slot()
    def save_as(self, path: Path | None = None) -> Path | None:
        """File › Save run as…: a run file to keep or share (the autosave goes on)."""
        if self.run is None:
            return None
        path = self._target(path, "Save run as", ".run.json", "Run files (*.run.json *.json)")
        if path is None:
            return None
        try:
            write_run(self.run, self.info, path)
        except OSError as exc:
            self.message(f"The run could not be saved to {path}: {exc.strerror or exc}")
            return None
        self.statusBar().showMessage(f"Saved to {path}", 6000)
        return path

    @Slot()
    def export_debrief(self, path: Path | None = None) -> Path | None:
        """Export the debrief as a PDF (``teachin.export``)."""
        exporter = _debrief_export()
        if self.run is None or exporter is None or self.library is None:
            return None
        path = self._target(path, "Export debrief", " debrief.pdf", "PDF (*.pdf)")
        if path is None:
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            exporter(self.run, self.library, path)
        except (OSError, ValueError, RuntimeError) as exc:
            self.message(f"The debrief could not be exported to {path}: {exc}")
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(f"Debrief exported to {path}", 6000)
        return path

    def _update_actions(self) -> None:
        has_run = self.run is not None
        finished = self.run is not None and self.run.finished
        self.save_action.setEnabled(has_run)
        self.export_action.setEnabled(bool(finished) and self._export_available)
        if not self._export_available:
            self.export_action.setToolTip("PDF export is not available in this version.")

    def state_summary(self) -> dict:
        """Where the run stands, in plain data (for the facilitator's tools and tests)."""
        run = self.run
        if run is None:
            return {}
        return {
            "scenario": run.scenario.id,
            "round": run.round,
            "choices": [r.tactic for r in run.steps],
            "measures": run.measures(hidden=True),
            "finished": run.finished,
            "result": run.result,
            "view": self.info.view,
            "group": self.info.group,
            "branches": [[b.from_round, [r.tactic for r in b.steps]] for b in run.branches],
        }

    def closeEvent(self, event: QCloseEvent) -> None:
        self._autosave()
        super().closeEvent(event)


def _debrief_export():
    """``teachin.export``'s debrief PDF, when that engine is installed."""
    try:
        from teachin.export.documents import debrief, export_pdf
        from teachin.export.paged import default_paper
    except ImportError:
        return None

    def export(run: Run, library: Library, path: Path) -> None:
        export_pdf(debrief(run, library), path, default_paper())

    return export


__all__ = ["PlayerWindow"]
