"""The wording of a run, pinned as whole files (tests/golden/): the PDF debrief, the
room's screens and notes, the player's consequence and debrief, and the debrief
board's card, all for one fixed game. ``UPDATE_GOLDEN=1`` accepts a change made on
purpose; the diff then shows in review."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from tests.golden_files import assert_golden, readable

from teachin.debrief.room_screens import notes_html, screen_html
from teachin.runs.board import GroupRun
from teachin.runs.room import RoomSession
from teachin.workshop.library import Library


def test_the_pdf_debrief_reads_as_its_golden_file(fixed_game: RoomSession, library: Library):
    from teachin.export.documents import debrief

    document = debrief(fixed_game.run, library)
    assert_golden("debrief.html", readable(document.parts[0]))


def test_the_room_screens_read_as_their_golden_file(fixed_game: RoomSession, library: Library):
    # The setting, the round played too early, the last round and the end: every kind
    # of screen, and the wording of a step tried too early, of events and of the end.
    last = len(fixed_game.run.steps)
    shown = {("setting", 0), ("situation", 4), ("consequence", 4), ("consequence", last)}
    parts = []
    for screen in fixed_game.screens():
        if (screen.kind.value, screen.round) not in shown and screen.kind.value != "end":
            continue
        title = f"{screen.kind.value} {screen.round}".strip()
        parts.append(f"<!-- == projector: {title} == -->\n")
        parts.append(readable(screen_html(fixed_game, screen, library.staircase)))
        parts.append(f"<!-- == console: {title} == -->\n")
        parts.append(readable(notes_html(fixed_game, screen, library)))
    assert_golden("room_screens.html", "".join(parts))


def test_the_player_and_the_board_read_as_their_golden_file(
    qtbot: QtBot, fixed_game: RoomSession, library: Library, tmp_path
):
    from teachin.ui.player.consequence_view import ConsequenceView
    from teachin.ui.player.debrief_view import DebriefView
    from teachin.ui.present.debrief_board import card_html

    run = fixed_game.run
    consequence = ConsequenceView(library.staircase, library)
    debrief = DebriefView(library.staircase, library)
    for view in (consequence, debrief):
        qtbot.addWidget(view)
    parts = []
    for record in (run.steps[3], run.steps[-1]):
        consequence.show_played(run, record.round)
        parts.append(f"<!-- == player: round {record.round} == -->\n")
        for label in (
            consequence.title,
            consequence.ready_note,
            consequence.narrative,
            consequence.why,
            consequence.concept,
            consequence.events,
            consequence.end_note,
            consequence.stairs_note,
        ):
            if not label.isHidden():
                parts.append(readable(label.text()))
    debrief.show_run(run)
    parts.append("<!-- == player: the debrief == -->\n")
    for label in (
        debrief.outcome,
        debrief.outcome_text,
        debrief.summary,
        debrief.closest,
        debrief.turning,
        debrief.questions,
    ):
        parts.append(readable(label.text()))
    parts.append("<!-- == debrief board: the card == -->\n")
    group = GroupRun(tmp_path / "room.json", "Table 3", run, fixed_game.decisions, room=True)
    parts.append(readable(card_html(group, 0, library.staircase)))
    assert_golden("player_and_board.html", "".join(parts))
