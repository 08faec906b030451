"""The player's run files: opening one (a damaged one is set aside, never deleted),
saving (the autosave and "Save run as…"), and exporting the debrief as a PDF.

Every failure becomes a message for the player window's banner; none is raised.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from teachin.runs.runfile import OlderRunFileError, RunFileError, read_run
from teachin.runs.store import PlayerInfo, RunStore, open_run, set_aside, write_run
from teachin.scenario.model import Scenario
from teachin.scenario.run import Run
from teachin.workshop.library import Library

RUN_FILES = "Run files (*.run.json *.json)"


class RunFiles:
    """Reads and writes the runs of one player window (``window`` parents the file
    dialogs; ``message`` shows what went wrong)."""

    def __init__(
        self,
        store: RunStore,
        scenarios: dict[str, Scenario],
        window: QWidget,
        message: Callable[[str], None],
    ) -> None:
        self.store = store
        self.scenarios = scenarios
        self.window = window
        self.message = message

    def open(self, path: Path) -> tuple[Run, PlayerInfo] | None:
        """The run in ``path``; None, with a message, when it cannot be opened (a
        damaged file among the saved runs is set aside)."""
        try:
            return open_run(path, self.scenarios)
        except RunFileError as exc:
            self.message(self.cannot_open(path, exc))
            return None

    def cannot_open(self, path: Path, error: RunFileError) -> str:
        text = f"This run could not be opened.\n{error}"
        damaged = True
        try:
            read_run(path)
            damaged = False  # readable: the scenario is missing or changed, not the file
        except OlderRunFileError:
            damaged = False  # an older teachin's run: refused, not damaged
        except RunFileError:
            pass
        if damaged and path.parent == self.store.folder and path.exists():
            try:
                moved = set_aside(path)
                text += f"\nThe file was kept aside as {moved.name}; nothing was deleted."
            except OSError as exc:
                text += f"\nIt could not be set aside ({exc.strerror})."
        elif not damaged:
            text += "\nThe file was left as it is."
        return text

    def ask_open(self) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, "Open run file", str(Path.home()), RUN_FILES
        )
        return Path(chosen) if chosen else None

    def write(self, run: Run, info: PlayerInfo, path: Path) -> bool:
        """Write ``run`` to ``path`` (atomically); False, with a message, on failure."""
        try:
            write_run(run, info, path)
        except OSError as exc:
            self.message(f"The run could not be saved to {path}: {exc.strerror or exc}")
            return False
        return True

    def target(self, path: object, default: Path, title: str, kinds: str) -> Path | None:
        """``path`` when given; otherwise ask where to write (None: cancelled)."""
        if isinstance(path, Path | str) and path:
            return Path(path)
        chosen, _ = QFileDialog.getSaveFileName(self.window, title, str(default), kinds)
        return Path(chosen) if chosen else None

    def export_debrief(self, run: Run, library: Library, path: Path, group: str = "") -> bool:
        """The debrief as a PDF, naming ``group``; False, with a message, on failure."""
        exporter = debrief_exporter()
        if exporter is None:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            exporter(run, library, path, group)
        except (OSError, ValueError, RuntimeError) as exc:
            self.message(f"The debrief could not be exported to {path}: {exc}")
            return False
        finally:
            QApplication.restoreOverrideCursor()
        return True


def default_path(run: Run, info: PlayerInfo, ending: str) -> Path:
    """Where a run is offered to be written: the home folder, under its name."""
    return Path.home() / f"{info.name or run.scenario.id}{ending}"


def debrief_exporter() -> Callable[[Run, Library, Path, str], None] | None:
    """``teachin.export``'s debrief PDF, when that engine is installed."""
    try:
        from teachin.export.documents import debrief, export_pdf
        from teachin.export.paged import default_paper
    except ImportError:
        return None

    def export(run: Run, library: Library, path: Path, group: str) -> None:
        export_pdf(debrief(run, library, group=group), path, default_paper())

    return export
