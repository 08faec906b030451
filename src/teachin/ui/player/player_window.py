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
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QWidget,
)

from teachin.runs.store import (
    VIEW_CONSEQUENCE,
    VIEW_ROUND,
    PlayerInfo,
    RunStore,
    SavedRun,
    now,
)
from teachin.scenario.model import Scenario
from teachin.scenario.run import Run, start_run
from teachin.ui.player.player_frame import WHAT_IF_KEY, PlayerFrame
from teachin.ui.player.run_files import RUN_FILES, RunFiles, default_path
from teachin.ui.settings import Settings
from teachin.workshop.library import Library


class PlayerWindow(PlayerFrame):
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
        prefs = prefs if prefs is not None else QSettings()
        if allow_what_if is not None:
            prefs.setValue(WHAT_IF_KEY, bool(allow_what_if))
        super().__init__(scenarios, library, RunStore(runs_dir), settings, prefs, parent)
        self.files = RunFiles(self.store, scenarios, self, self.message)
        self._seed = seed
        self.run: Run | None = None
        self.info = PlayerInfo()
        self.path: Path | None = None
        self.viewing = 0  # a past round being re-read; 0 = the present
        self._resume_entry: SavedRun | None = None
        self._connect()
        self._update_actions()

    def _connect(self) -> None:
        """What the pages and the menus ask for."""
        self.picker.startRequested.connect(self.start)
        self.picker.resumeRequested.connect(self.resume)
        self.picker.runsRequested.connect(self.show_runs)
        self.timeline.roundClicked.connect(self.show_past)
        self.timeline.presentClicked.connect(self.show_present)
        self.round_view.chosen.connect(self.choose)
        self.consequence_view.nextRequested.connect(self.next_step)
        self.consequence_view.backToPresent.connect(self.show_present)
        self.consequence_view.whatIf.connect(self.what_if)
        self.consequence_view.conceptRequested.connect(self.conceptRequested)
        self.debrief.conceptRequested.connect(self.conceptRequested)
        self.debrief.saveRequested.connect(self.save_as)
        self.debrief.exportRequested.connect(self.export_debrief)
        self.debrief.newRequested.connect(self.pick)
        self.runs.openRequested.connect(self.open_saved)
        self.runs.closed.connect(self._runs_closed)
        self.runs.problems.connect(self._show_problems)
        for action, slot in (
            (self.new_action, self.pick),
            (self.runs_action, self.show_runs),
            (self.open_action, self._ask_open),
            (self.save_action, self.save_as),
            (self.export_action, self.export_debrief),
            (self.close_action, self.close),
            (self.zoom_in_action, self.zoom_in),
            (self.zoom_out_action, self.zoom_out),
            (self.zoom_reset_action, self.zoom_reset),
        ):
            action.triggered.connect(slot)
        self.what_if_action.toggled.connect(self.set_allow_what_if)

    # ----------------------------------------------------------------- settings
    @Slot(bool)
    def set_allow_what_if(self, allow: bool) -> None:
        """The facilitator's switch: off means play "for real", no going back."""
        self._prefs.setValue(WHAT_IF_KEY, bool(allow))
        if self.what_if_action.isChecked() != allow:
            self.what_if_action.setChecked(allow)
        if self.run is not None and self.viewing:
            self.show_past(self.viewing)

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
        self._pick_offering(listing.runs)

    def resume_or_pick_keep_message(self) -> None:
        self._pick_offering(self.store.listing().runs)

    def _pick_offering(self, runs: list[SavedRun]) -> None:
        """The picker, offering to continue the newest unfinished run of ``runs``."""
        self._resume_entry = next(
            (e for e in runs if not e.finished and e.scenario in self.scenarios), None
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
        opened = self.files.open(Path(path))
        if opened is None:
            self.resume_or_pick_keep_message()
            return False
        self.run, self.info = opened
        self.path, self.viewing = Path(path), 0
        self._show_run()
        return True

    def open_file(self, path: Path) -> bool:
        """Open a run file from anywhere (File › Open); it is then saved among the runs."""
        path = Path(path)
        if path.parent == self.store.folder:
            return self.open_saved(path)
        opened = self.files.open(path)
        if opened is None:
            self.resume_or_pick_keep_message()
            return False
        self.run, self.info = opened
        self.viewing = 0
        self.path = self.store.new_path(self.run.scenario.id)
        self._autosave()
        self._show_run()
        return True

    def _show_run(self) -> None:
        if self.run is not None and self.run.finished:
            self.show_debrief()
        else:
            self._show_play()

    @Slot()
    def _ask_open(self) -> None:
        chosen = self.files.ask_open()
        if chosen is not None:
            self.open_file(chosen)

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
        self.consequence_view.show_played(run, len(run.steps))
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
        self.consequence_view.show_played(
            run, round_number, past=True, can_go_back=self.allow_what_if
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
        if self.run is None:
            self.resume_or_pick_keep_message()
        else:
            self._show_run()

    def _autosave(self) -> None:
        if self.run is None or self.path is None:
            return
        if self.files.write(self.run, self.info, self.path):
            self.saved.emit(self.path)

    @Slot()
    def save_as(self, path: Path | None = None) -> Path | None:
        """File › Save run as…: a run file to keep or share (the autosave goes on)."""
        if self.run is None:
            return None
        path = self.files.target(
            path, default_path(self.run, self.info, ".run.json"), "Save run as", RUN_FILES
        )
        if path is None or not self.files.write(self.run, self.info, path):
            return None
        self.statusBar().showMessage(f"Saved to {path}", 6000)
        return path

    @Slot()
    def export_debrief(self, path: Path | None = None) -> Path | None:
        """Export the debrief as a PDF (``teachin.export``)."""
        if self.run is None or not self._export_available or self.library is None:
            return None
        default = default_path(self.run, self.info, " debrief.pdf")
        path = self.files.target(path, default, "Export debrief", "PDF (*.pdf)")
        if path is None or not self.files.export_debrief(
            self.run, self.library, path, self.info.group
        ):
            return None
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


__all__ = ["PlayerWindow"]
