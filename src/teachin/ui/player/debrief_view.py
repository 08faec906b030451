"""The end of a run: the outcome, the path on the staircase over time, the measures
over time, which strategy the choices resembled (with the choices that show it),
the turning points, the "what if" paths the group left, and questions to discuss."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from teachin.scenario.engine import READY, Run
from teachin.ui.layouts import clear_layout
from teachin.ui.player.charts import MeasuresChart, StaircasePathChart
from teachin.ui.player.common import (
    RESULT_MARKS,
    BigButton,
    concept_link,
    esc,
    heading,
    link_label,
    result_words,
    scroll_area,
    set_heading,
    text_label,
)
from teachin.workshop.library import Library
from teachin.workshop.staircase import Staircase
from teachin.workshop.themes import Theme


class DebriefView(QWidget):
    """``show_run(run)``. Signals: ``conceptRequested(href)``, ``saveRequested``,
    ``exportRequested``, ``newRequested``."""

    conceptRequested = Signal(str)
    saveRequested = Signal()
    exportRequested = Signal()
    newRequested = Signal()

    def __init__(
        self, staircase: Staircase | None, library: Library | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("debriefView")
        self.setAccessibleName("Debrief")
        self.staircase = staircase
        self.library = library

        body = QWidget(self)
        self.body_layout = QVBoxLayout(body)
        self.outcome = heading("", 1, parent=body)
        self.outcome_text = link_label("What happened in the end", body)
        self.outcome_text.linkActivated.connect(self.conceptRequested)
        self.summary = text_label("", "Your path in short", rich=True, parent=body)
        self.path_chart = StaircasePathChart(body)
        self.measures_chart = MeasuresChart(body)
        self.fingerprint_box = QWidget(body)
        self.fingerprint_layout = QVBoxLayout(self.fingerprint_box)
        self.fingerprint_layout.setContentsMargins(0, 0, 0, 0)
        self.closest = text_label(
            "", "The strategy your choices resembled most", rich=True, parent=body
        )
        self.turning = link_label("Turning points", body)
        self.turning.linkActivated.connect(self.conceptRequested)
        self.branches = text_label("", "The paths you left", rich=True, parent=body)
        self.branches_title = heading("What if: the paths you left", 2, parent=body)
        self.questions = text_label("", "Questions to discuss", rich=True, parent=body)

        for widget in (
            self.outcome,
            self.outcome_text,
            self.summary,
            heading("Your path on the staircase", 2, parent=body),
            self.path_chart,
            heading("How the measures moved", 2, parent=body),
            self.measures_chart,
            heading("Which strategy your choices resembled", 2, parent=body),
            self.closest,
            self.fingerprint_box,
            heading("Turning points", 2, parent=body),
            self.turning,
            self.branches_title,
            self.branches,
            heading("To discuss together", 2, parent=body),
            self.questions,
        ):
            self.body_layout.addWidget(widget)
        self.body_layout.addStretch(1)

        self.body_scroll = scroll_area(body, "The debrief", self)

        self.save_button = BigButton("Save run as…", parent=self)
        self.save_button.clicked.connect(self.saveRequested)
        self.export_button = BigButton("Export debrief (PDF)…", parent=self)
        self.export_button.clicked.connect(self.exportRequested)
        self.new_button = BigButton("Play another scenario", parent=self)
        self.new_button.clicked.connect(self.newRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.body_scroll, 1)
        layout.addLayout(buttons)
        self.bars: list[QProgressBar] = []

    def set_theme(self, theme: Theme) -> None:
        self.path_chart.set_theme(theme)
        self.measures_chart.set_theme(theme)

    def show_run(self, run: Run) -> None:
        scenario = run.scenario
        ending = run.ending
        result = run.result
        mark = RESULT_MARKS.get(result or "", "")
        title = f"{mark} {result_words(result)}"
        if ending is not None:
            title += f": {ending.title}"
        set_heading(self.outcome, title)
        text = ""
        if ending is not None:
            text = esc(ending.text) + esc(ending.explain)
            if ending.concept:
                text += (
                    f"<p>{concept_link(ending.concept, self.library, 'The idea behind it:')}</p>"
                )
        self.outcome_text.setText(text or "<p>The campaign ran out of time.</p>")
        self.summary.setText(self._summary(run))
        self.path_chart.set_run(run, self.staircase)
        self.measures_chart.set_run(run)
        self._show_fingerprint(run)
        points = run.turning_points()
        if points:
            self.turning.setText(
                "".join(
                    f"<p><b>Round {p.round}: {html.escape(p.label)}</b> — {html.escape(p.why)}.<br>"
                    f"{html.escape(p.explain)} "
                    f"{concept_link(p.concept, self.library, 'The idea:') if p.concept else ''}</p>"
                    for p in points
                )
            )
        else:
            self.turning.setText("<p>No round stood out: things changed slowly.</p>")
        branch_parts = []
        for branch in run.branches:
            if not branch.steps:
                continue
            choices = ", ".join(
                f"{r.round}. {html.escape(r.consequence.label)}"
                + ("" if r.consequence.ready >= READY else " (before the base was ready)")
                for r in branch.steps
            )
            last = branch.steps[-1].consequence
            end = ""
            if last.result:
                end = f" It ended: {html.escape(result_words(last.result).lower())}."
            branch_parts.append(
                f"<p>From round {branch.from_round}, you first chose: {choices}. "
                f"Highest step climbed on that path: {last.climbed}.{end}</p>"
            )
        self.branches.setText("".join(branch_parts))
        self.branches.setVisible(bool(branch_parts))
        self.branches_title.setVisible(bool(branch_parts))
        self.questions.setText(
            "<ol>" + "".join(f"<li>{html.escape(q)}</li>" for q in scenario.questions) + "</ol>"
            if scenario.questions
            else "<p>What surprised you? What would you do differently?</p>"
        )
        self.body_scroll.verticalScrollBar().setValue(0)
        self.save_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _summary(self, run: Run) -> str:
        """One line for the first screen: rounds, highest step, closest strategy."""
        climbed = run.steps[-1].consequence.climbed if run.steps else 0
        step = ""
        if climbed and self.staircase and climbed <= len(self.staircase.steps):
            step = f" ({html.escape(self.staircase.steps[climbed - 1].label.lower())})"
        top = run.fingerprint().shares[0] if run.steps else None
        text = (
            f"<p><b>{len(run.steps)} rounds played. Highest step climbed together: "
            f"{climbed}{step}.</b>"
        )
        if top is not None and top.share > 0:
            text += f" Your choices resembled most: <b>{html.escape(top.label)}</b>."
        if run.branches:
            text += f" You tried {len(run.branches)} “what if” path(s): see below."
        return text + "</p>"

    def _show_fingerprint(self, run: Run) -> None:
        clear_layout(self.fingerprint_layout)
        self.bars = []
        fingerprint = run.fingerprint()
        closest = fingerprint.closest
        if closest is None:
            self.closest.setText("<p>No choices were made.</p>")
            return
        top = fingerprint.shares[0]
        self.closest.setText(
            f"<p>Your choices resembled most: <b>{html.escape(top.label)}</b> "
            f"({round(top.share * 100)}% of your choices).</p>"
        )
        for share in fingerprint.shares:
            row = QWidget(self.fingerprint_box)
            row_layout = QVBoxLayout(row)
            row_layout.setContentsMargins(0, 4, 0, 4)
            bar = QProgressBar(row)
            bar.setRange(0, 100)
            bar.setValue(round(share.share * 100))
            bar.setFormat(f"{share.label}: %p%")
            bar.setTextVisible(True)
            bar.setAccessibleName(f"{share.label}: {round(share.share * 100)} percent")
            bar.setMinimumHeight(28)
            self.bars.append(bar)
            row_layout.addWidget(bar)
            examples = "; ".join(share.examples) if share.examples else "None of your choices"
            detail = link_label(f"Choices that show the {share.label.lower()}", row)
            detail.setText(
                f"{html.escape(examples)}. {concept_link(share.concept, self.library, 'Read:')}"
            )
            detail.linkActivated.connect(self.conceptRequested)
            row_layout.addWidget(detail)
            self.fingerprint_layout.addWidget(row)
