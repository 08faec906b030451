"""The Problems panel: every problem in the content, as file:line with its message."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from teachin.problems import Problem, Severity

PROBLEM_ROLE = Qt.ItemDataRole.UserRole


def short_location(problem: Problem, folders: list[Path]) -> str:
    """``modules/x.md:12``, relative to the content folder it is in when there is one."""
    path = problem.path
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        if path != folder and path.is_relative_to(folder):  # a folder itself keeps its path
            path = path.relative_to(folder)
            break
    return f"{path}:{problem.line}"


class ProblemsPanel(QTreeWidget):
    """Lists problems; activating one copies ``path:line: severity: message`` to the clipboard.

    Emits ``copied(text)`` so the window can say so.
    """

    copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problems")
        self.setAccessibleName("Problems")
        self.setAccessibleDescription("Problems found in the content files; Enter copies one")
        self.setColumnCount(3)
        self.setHeaderLabels(["Severity", "File:line", "Message"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.itemActivated.connect(self._on_item_activated)
        self._problems: list[Problem] = []

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems)

    def set_problems(self, problems: list[Problem], folders: list[Path]) -> None:
        self._problems = list(problems)
        self.clear()
        for problem in problems:
            severity = str(problem.severity).capitalize()
            item = QTreeWidgetItem(
                self, [severity, short_location(problem, folders), problem.message]
            )
            item.setData(0, PROBLEM_ROLE, str(problem))
            item.setToolTip(1, str(problem.path))
            item.setToolTip(2, problem.message)
            font = item.font(0)
            font.setBold(problem.severity == Severity.ERROR)
            item.setFont(0, font)
        first = self.topLevelItem(0)
        if first is not None:
            self.setCurrentItem(first)

    def summary(self) -> str:
        parts = []
        for severity in Severity:
            count = sum(p.severity == severity for p in self._problems)
            if count:
                word = "note" if severity == Severity.INFO else str(severity)
                parts.append(f"{count} {word}{'' if count == 1 else 's'}")
        return ", ".join(parts) or "No problems"

    @Slot(QTreeWidgetItem, int)
    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        text = item.data(0, PROBLEM_ROLE)
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(text)
