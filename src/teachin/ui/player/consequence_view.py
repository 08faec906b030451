"""What a choice led to: what happened, why (with a link to the concept), every
measure with its change, any event, and the new place on the staircase.

The same view re-reads a past round from the timeline; then it offers "What if?"
(go back to that round and choose differently) instead of "Next round".
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from teachin.debrief.model import RoundStory, describe_round
from teachin.debrief.words import NOTHING_ELSE
from teachin.scenario.model import Scenario
from teachin.scenario.outcome import Consequence
from teachin.scenario.run import Run
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
from teachin.ui.player.measures_view import MeasuresView
from teachin.ui.player.staircase_view import StaircaseView
from teachin.ui.tab_order import chain_tab_order
from teachin.workshop.library import Library
from teachin.workshop.staircase import Staircase
from teachin.workshop.themes import Theme


class ConsequenceView(QWidget):
    """``show_played(...)`` or ``show_consequence(...)``. Signals: ``nextRequested``
    (the next round or the debrief), ``backToPresent``, ``whatIf(round)``,
    ``conceptRequested(href)``."""

    nextRequested = Signal()
    backToPresent = Signal()
    whatIf = Signal(int)
    conceptRequested = Signal(str)

    def __init__(
        self, staircase: Staircase | None, library: Library | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consequenceView")
        self.setAccessibleName("What happened")
        self.staircase = staircase
        self.library = library
        self.past_round = 0

        self.title = heading("", 2, parent=self)
        self.ready_note = text_label("", "Was the base ready?", rich=True, parent=self)
        self.narrative = text_label("", "What happened", rich=True, parent=self)
        self.why_title = heading("Why", 3, parent=self)
        self.why = text_label("", "Why it happened", rich=True, parent=self)
        self.concept = link_label("Read more about the idea behind it", self)
        self.concept.linkActivated.connect(self.conceptRequested)
        self.events_title = heading("Meanwhile", 3, parent=self)
        self.events = link_label("Events this round", self)
        self.events.linkActivated.connect(self.conceptRequested)
        self.end_note = text_label("", "The end", rich=True, parent=self)
        self.stairs = StaircaseView(self, compact=True)
        self.stairs_note = text_label("", "Your place on the staircase", parent=self)

        story = QWidget(self)
        story_layout = QVBoxLayout(story)
        for widget in (
            self.title,
            self.ready_note,
            self.narrative,
            self.why_title,
            self.why,
            self.concept,
            self.events_title,
            self.events,
            self.end_note,
        ):
            story_layout.addWidget(widget)
        story_layout.addStretch(1)
        story_scroll = scroll_area(story, "The story of this round", self)

        self.measures = MeasuresView(self, compact=True)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        # The staircase first: where the group stands is always in view; a long
        # list of measures may scroll below it.
        side_layout.addWidget(heading("The staircase now", 3, parent=side))
        side_layout.addWidget(self.stairs_note)
        side_layout.addWidget(self.stairs)
        side_layout.addWidget(heading("How every measure moved", 3, parent=side))
        side_layout.addWidget(self.measures)
        side_layout.addStretch(1)
        side_scroll = scroll_area(side, "The staircase and the measures", self)
        self.side = side_scroll

        buttons = self._build_buttons()

        # Tab reads the story, its links, then the staircase and the measures beside
        # it, then the buttons below (the scroll areas are made after what they hold).
        chain_tab_order(
            *(story_scroll, self.concept, self.events, side_scroll, self.stairs, self.measures),
            *(self.what_if_button, self.present_button, self.next_button),
        )

        columns = QHBoxLayout()
        columns.addWidget(story_scroll, 11)
        columns.addWidget(side_scroll, 9)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

    def _build_buttons(self) -> QHBoxLayout:
        self.next_button = BigButton("Next round  (Enter)", "Next round", self)
        self.next_button.clicked.connect(self.nextRequested)
        self.present_button = BigButton("Back to where we are", parent=self)
        self.present_button.clicked.connect(self.backToPresent)
        self.what_if_button = BigButton("What if? Choose again from this round", parent=self)
        self.what_if_button.clicked.connect(self._what_if)
        buttons = QHBoxLayout()
        buttons.addWidget(self.what_if_button)
        buttons.addStretch(1)
        buttons.addWidget(self.present_button)
        buttons.addWidget(self.next_button)
        return buttons

    def set_theme(self, theme: Theme) -> None:
        self.measures.set_theme(theme)
        self.stairs.set_theme(theme)

    def show_played(
        self, run: Run, round_number: int, *, past: bool = False, can_go_back: bool = True
    ) -> None:
        """Show round ``round_number`` (1-based) of ``run``; the rounds before it let
        the end judge a win earned or handed over."""
        steps = run.steps
        self.show_consequence(
            run.scenario,
            steps[round_number - 1].consequence,
            past=past,
            finished=run.finished,
            can_go_back=can_go_back,
            earlier=[record.consequence for record in steps[: round_number - 1]],
        )

    def show_consequence(
        self,
        scenario: Scenario,
        consequence: Consequence,
        *,
        past: bool = False,
        finished: bool = False,
        can_go_back: bool = True,
        earlier: Sequence[Consequence] = (),
    ) -> None:
        """Show one round's consequence. ``past``: re-reading it from the timeline.
        ``earlier``: the rounds before it (the end judges a win on the whole run)."""
        story = describe_round(scenario, consequence, self.staircase, self.library, earlier)
        self.past_round = story.round if past else 0
        lead = "Looking back at round" if past else "Round"
        set_heading(self.title, f"{lead} {story.round}: you chose “{story.label}”")
        if story.ready:
            self.ready_note.setText(html.escape(story.ready_words))
        else:
            self.ready_note.setText(
                f"<b>{html.escape(story.ready_words)}</b> {html.escape(story.ready_text)}"
            )
        self.narrative.setText(esc(story.narrative))
        self.why.setText(esc(story.explain))
        self.concept.setText(concept_anchor(story.concept, "The idea behind it:"))
        self.concept.setVisible(story.concept is not None)
        self.events.setText(self._events_html(story))
        self.events_title.setVisible(True)
        if story.ending is not None:
            self.end_note.setText(f"<p><b>{html.escape(story.ending.over_words)}</b></p>")
            self.end_note.show()
        else:
            self.end_note.hide()
        visible = scenario.visible_measures
        known = [change for change in story.changes if not change.estimated]
        self.measures.set_values(
            visible,
            {change.id: change.after for change in known},
            {change.id: change.before for change in known},
            seen={c.id: c.seen_after for c in story.changes if c.seen_after is not None},
            seen_before={c.id: c.seen_before for c in story.changes if c.seen_before is not None},
        )
        self.stairs.set_state(self.staircase, story.stairs.climbed, None)
        self.stairs.selected = story.stairs.step
        self.stairs.update()
        self.stairs_note.setText(story.stairs.words())
        self.next_button.setVisible(not past)
        self.next_button.setText("See the debrief  (Enter)" if finished else "Next round  (Enter)")
        self.next_button.setAccessibleName("See the debrief" if finished else "Next round")
        self.present_button.setVisible(past)
        self.what_if_button.setVisible(past and can_go_back)
        self.what_if_button.setText(f"What if? Choose again from round {story.round}")
        self.what_if_button.setAccessibleName(f"What if: choose again from round {story.round}")
        (self.present_button if past else self.next_button).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    @staticmethod
    def _events_html(story: RoundStory) -> str:
        """Each event under its heading, with what it moved and the idea behind it."""
        if not story.events:
            return f"<p>{NOTHING_ELSE}</p>"
        parts = []
        for event in story.events:
            shifts = event.seen_shifts_words
            link = concept_anchor(event.concept, "The idea:")
            parts.append(
                f"<p><b>{html.escape(event.heading)}: {html.escape(event.title)}</b></p>"
                f"{esc(event.text)}{esc(event.explain)}"
                + (f"<p>{html.escape(shifts)}</p>" if shifts else "")
                + (f"<p>{link}</p>" if link else "")
            )
        return "".join(parts)

    @Slot()
    def _what_if(self) -> None:
        if self.past_round:
            self.whatIf.emit(self.past_round)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            (self.present_button if self.past_round else self.next_button).click()
            event.accept()
            return
        super().keyPressEvent(event)
