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

from teachin.debrief.model import RAN_OUT, RunStory, describe_run
from teachin.debrief.reveal import truth_html
from teachin.debrief.words import DEBRIEF_STAGES, NO_TURNING_POINT, TRUTH_LESSON, result_words
from teachin.scenario.run import Run
from teachin.ui.layouts import clear_layout
from teachin.ui.player.charts import MeasuresChart, StaircasePathChart
from teachin.ui.player.common import (
    BigButton,
    concept_anchor,
    esc,
    heading,
    link_label,
    scroll_area,
    set_heading,
    text_label,
)
from teachin.ui.tab_order import chain_tab_order
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
        self.truth_title = heading("What you estimated, and the truth", 2, parent=body)
        self.truth = text_label("", "What you estimated, and the truth", rich=True, parent=body)
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
            self.truth_title,
            self.truth,
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

        # Not "The debrief": the timeline's button to come back here says that.
        self.body_scroll = scroll_area(body, "What the debrief says", self)

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
        story = describe_run(run, self.staircase, self.library)
        ending = story.ending
        set_heading(self.outcome, ending.heading if ending else story.heading)
        text = ""
        if ending is not None:
            text = esc(ending.text) + esc(ending.explain)
            if ending.earned_words:
                text += f"<p><b>{html.escape(ending.earned_words)}</b></p>"
                text += esc(ending.next_fight)
            link = concept_anchor(ending.concept, "The idea behind it:")
            text += f"<p>{link}</p>" if link else ""
        self.outcome_text.setText(text or f"<p>{html.escape(RAN_OUT)}</p>")
        self.summary.setText(self._summary(story))
        self.path_chart.set_run(run, self.staircase)
        self.measures_chart.set_story(story)
        truth = self._truth_html(story)
        self.truth.setText(truth)
        self.truth.setVisible(bool(truth))
        self.truth_title.setVisible(bool(truth))
        self._show_fingerprint(story)
        self.turning.setText(self._turning_html(story))
        branches = self._branches_html(story)
        self.branches.setText(branches)
        self.branches.setVisible(bool(branches))
        self.branches_title.setVisible(bool(branches))
        stages = "".join(
            f"<p><b>{html.escape(stage)}</b> {html.escape(question)}</p>"
            for stage, question in DEBRIEF_STAGES
        )
        self.questions.setText(
            stages
            + "<p>And this scenario's own questions:</p><ol>"
            + "".join(f"<li>{html.escape(q)}</li>" for q in story.questions)
            + "</ol>"
        )
        self.body_scroll.verticalScrollBar().setValue(0)
        self.save_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _summary(story: RunStory) -> str:
        """One line for the first screen: rounds, highest step, closest strategy."""
        text = f"<p><b>{html.escape(story.played_words)}</b>"
        if story.closest is not None:
            text += f" Your choices resembled most: <b>{html.escape(story.closest.label)}</b>."
        if story.branches:
            text += f" You tried {len(story.branches)} “what if” path(s): see below."
        return text + "</p>"

    @staticmethod
    def _truth_html(story: RunStory) -> str:
        """The estimates revealed, and the lesson ("" when nothing was estimated)."""
        truth = truth_html(story)
        return truth + f"<p>{html.escape(TRUTH_LESSON)}</p>" if truth else ""

    @staticmethod
    def _turning_html(story: RunStory) -> str:
        if not story.turning_points:
            return f"<p>{html.escape(NO_TURNING_POINT)}</p>"
        return "".join(
            f"<p><b>{html.escape(p.heading)}</b> — {html.escape(p.why)}.<br>"
            f"{html.escape(p.explain)} {concept_anchor(p.concept, 'The idea:')}</p>"
            for p in story.turning_points
        )

    @staticmethod
    def _branches_html(story: RunStory) -> str:
        parts = []
        for branch in story.branches:
            end = ""
            if branch.result:
                end = f" It ended: {html.escape(result_words(branch.result).lower())}."
            parts.append(
                f"<p>From round {branch.from_round}, you first chose: "
                f"{html.escape(', '.join(branch.choices))}. "
                f"Highest step climbed on that path: {branch.highest}.{end}</p>"
            )
        return "".join(parts)

    def _show_fingerprint(self, story: RunStory) -> None:
        clear_layout(self.fingerprint_layout)
        self.bars = []
        top = story.closest
        if top is None:
            self.closest.setText("<p>No choices were made.</p>")
            return
        self.closest.setText(
            f"<p>Your choices resembled most: <b>{html.escape(top.label)}</b> "
            f"({top.percent} of your choices).</p>"
        )
        details = []
        for share in story.fingerprint:
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
            detail.setText(f"{html.escape(examples)}. {concept_anchor(share.concept, 'Read:')}")
            detail.linkActivated.connect(self.conceptRequested)
            details.append(detail)
            row_layout.addWidget(detail)
            self.fingerprint_layout.addWidget(row)
        chain_tab_order(self.closest, *details)  # new links join the end of the Tab order
