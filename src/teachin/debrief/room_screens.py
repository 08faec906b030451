"""What the projector and the console show while the room plays a scenario: HTML
bodies for the audience screen (large, high contrast, read from the back row)
and the facilitator's notes for the console.

Nothing is told by colour alone: changes carry an arrow, a sign and a word;
the staircase cells climbed carry a tick, a step tried too early an "!".
"""

from __future__ import annotations

import re
from html import escape

from teachin.debrief.model import (
    Concept,
    RoundStory,
    RunStory,
    describe_round,
    describe_run,
    turning_point_words,
)
from teachin.debrief.reveal import truth_html
from teachin.debrief.words import (
    DEBRIEF_STAGES,
    ESTIMATE_WORD,
    MAYBE_READY_LABEL,
    TRUTH_LESSON,
    concept_title,
    hands_words,
    kind_words,
    range_move_short,
    range_text,
)
from teachin.runs.room import RoomSession, Screen, ScreenKind
from teachin.scenario.engine import READY
from teachin.scenario.outcome import Consequence, Option
from teachin.workshop.library import Library
from teachin.workshop.staircase import Staircase, StaircaseMarks

_CELL = "border: none; padding: 0 0.6em 0 0;"
_CHARACTERS_PER_LINE = 48
"""About how many characters of body text fill a line of half the projector's width."""


def _p(text: str, cls: str = "") -> str:
    paragraphs = [p.strip().replace("\n", " ") for p in text.strip().split("\n\n") if p.strip()]
    attr = f' class="{cls}"' if cls else ""
    return "".join(f"<p{attr}>{escape(p)}</p>" for p in paragraphs)


def option_suffix(option: Option, staircase: Staircase | None) -> str:
    """ "step 6", or the kind of move ("organizing move") for moves off the staircase."""
    if option.step:
        return f"step {option.step}"
    return kind_words(option.kind).lower()


# -- the audience screen --------------------------------------------------------------


def setting_html(session: RoomSession) -> str:
    scenario = session.scenario
    setting = scenario.setting
    rows = setting.facts()
    table = "".join(
        f'<tr><td style="{_CELL}"><b>{label}</b></td><td style="{_CELL}">{escape(value)}</td></tr>'
        for label, value in rows
        if value
    )
    return (
        f"<h1>We play together: {escape(scenario.title)}</h1>"
        + (f'<table border="0" cellspacing="4">{table}</table>' if table else "")
        + _p(setting.situation or scenario.summary)
        + f"<p><b>{len(scenario.rounds)} rounds.</b> Each round: read the situation, talk it over, "
        "show hands. Then we see what happened, and why.</p>"
    )


def situation_html(session: RoomSession, round_number: int, staircase: Staircase | None) -> str:
    scenario = session.scenario
    rounds = len(scenario.rounds)
    scenario_round = scenario.rounds[min(round_number, rounds) - 1]
    options = session.situation_options(round_number)
    decision = session.decision_for(round_number)
    cells = []
    for number, option in enumerate(options, start=1):
        chosen = decision is not None and decision.choice == option.id
        label = escape(option.label)
        mark = " ◀ the room's choice" if chosen else ""
        text = (
            f"<b>{number}</b>&nbsp; {label} <span>({option_suffix(option, staircase)})</span>{mark}"
        )
        if chosen:
            text = f"<u>{text}</u>"
        cells.append(text)
    half = (len(cells) + 1) // 2 if len(cells) > 7 else len(cells)
    left, right = cells[:half], cells[half:]
    rows = []
    for index in range(half):
        second = right[index] if index < len(right) else ""
        rows.append(
            f'<tr><td width="50%" style="{_CELL}">{left[index]}</td>'
            f'<td width="50%" style="{_CELL}">{second}</td></tr>'
        )
    table = (
        f'<table width="100%" border="0" cellspacing="2">{"".join(rows)}</table>'
        if rows
        else "<p>No choice is open this round.</p>"
    )
    lead = (
        "<p><b>Talk it over, then show hands.</b></p>"
        if decision is None
        else f"<p><b>The room chose: {escape(_label(session, decision.choice))}.</b></p>"
    )
    return (
        f"<h1>Round {round_number} of {rounds}: {escape(scenario_round.title)}</h1>"
        + _p(scenario_round.situation)
        + lead
        + table
    )


def _label(session: RoomSession, tactic_id: str) -> str:
    return session.scenario.tactic(tactic_id).label


def ladder_html(story: RoundStory, staircase: Staircase | None) -> str:
    """The staircase as it climbs everywhere else: the group's climbed steps ticked,
    this round's step outlined with the arrow beside it; drawn by the projector itself
    at the width of the column it stands in."""
    stairs = story.stairs
    if staircase is None:
        return ""
    marks = StaircaseMarks(
        current=stairs.step - 1 if stairs.step else None, climbed=stairs.climbed, share=0.46
    )
    return f'<p><img src="{escape(marks.address())}"></p>'


def measures_table(story: RoundStory) -> str:
    """Each measure that moved, its value and its change (a measure the room only
    estimates as "Support (estimate) 31–65 · was 39–73, ▼ lower", never its true
    value); the ones that did not move named in one line below, so a fight's
    fifteen measures leave the text large enough for the back row."""
    rows = []
    still = []
    for change in story.changes:
        if change.seen_after is None and change.amount == 0:
            still.append(change.label)
            continue
        label, value, move = change.label, str(round(change.after)), change.arrow_words
        if change.seen_after is not None:
            label = f"{label} ({ESTIMATE_WORD})"
            value = range_text(*change.seen_after)
            before = change.seen_before or change.seen_after
            move = f"was {range_text(*before)}, {range_move_short(before, change.seen_after)}"
        rows.append(
            f'<tr><td style="{_CELL}">{escape(label)}</td>'
            f'<td style="{_CELL}" align="right"><b>{escape(value)}</b></td>'
            f'<td style="{_CELL}">&nbsp;{escape(move)}</td></tr>'
        )
    table = f'<table border="0" cellspacing="0">{"".join(rows)}</table>' if rows else ""
    if still:
        table += f'<p class="small">No change: {escape(", ".join(still))}.</p>'
    return table


def _lines(html: str) -> float:
    """About how many lines a column's HTML takes at the projector's size: enough to
    put the staircase under the shorter column without laying the page out here.
    A paragraph's margin counts a third of a line; small print two thirds of a line."""
    total = 0.0
    for part in re.split(r"(?=<p|<tr)", html):
        words = len(re.sub(r"<[^>]+>", "", part))
        if part.startswith("<tr"):
            total += 1
        elif part.startswith('<p class="small"'):
            total += 0.67 * (1.33 + words / (_CHARACTERS_PER_LINE * 1.4))
        elif part:
            total += 1.33 + words // _CHARACTERS_PER_LINE
    return total


def _hands_for(session: RoomSession, round_number: int) -> str:
    """ "12 of 17 hands" for the room's choice in a round ("" when not counted)."""
    decision = session.decision_for(round_number)
    if decision is None:
        return ""
    return hands_words(decision.hands.get(decision.choice), decision.total)


def _earlier(session: RoomSession, round_number: int) -> list[Consequence]:
    """The rounds before ``round_number`` (the end judges a win on the whole run)."""
    return [r.consequence for r in session.run.steps[: round_number - 1]]


def consequence_html(session: RoomSession, round_number: int, staircase: Staircase | None) -> str:
    c = session.consequence_for(round_number)
    if c is None:
        return situation_html(session, round_number, staircase)
    story = describe_round(session.scenario, c, staircase, earlier=_earlier(session, round_number))
    hands = _hands_for(session, round_number)
    hands = f" ({hands})" if hands else ""
    text = (
        f"<p><b>What happened:</b> {escape(story.narrative)}</p>"
        f"<p><b>Why:</b> {escape(story.explain)}</p>"
    )
    for event in story.events:
        text += (
            f"<p><b>{escape(event.heading)}: {escape(event.title)}.</b> {escape(event.text)}</p>"
        )
    if story.ending is not None:
        text += f"<p><b>{escape(story.ending.over_words)}</b></p>"
    side = "<p><b>How every measure moved</b></p>" + measures_table(story)
    climb = f"<p><b>The staircase:</b> {escape(story.stairs.words(voice='we'))}</p>" + ladder_html(
        story, staircase
    )
    if _lines(text) <= _lines(side):
        text += climb
    else:
        side += climb
    return (
        f"<h1>Round {round_number}: the room chose “{escape(story.label)}”{escape(hands)}</h1>"
        f"<p><b>{escape(story.ready_words)}</b></p>"
        f'<table width="100%" border="0" cellspacing="0"><tr>'
        f'<td width="50%" style="{_CELL} padding-right: 1.2em;">{text}</td>'
        f'<td width="50%" style="{_CELL}">{side}</td></tr></table>'
    )


def end_html(session: RoomSession, staircase: Staircase | None) -> str:
    story = describe_run(session.run, staircase)
    parts = [f"<h1>{escape(story.heading)}</h1>"]
    if story.ending is not None:
        parts.append(_p(story.ending.text))
        if story.ending.earned_words:
            parts.append(f"<p><b>{escape(story.ending.earned_words)}</b></p>")
    parts.append(f"<p><b>{escape(story.played_words)}</b></p>")
    if story.closest is not None:
        rows = "".join(
            f'<tr><td style="{_CELL}">{escape(share.label)}</td>'
            f'<td style="{_CELL}" align="right"><b>{share.percent}</b></td>'
            f'<td style="{_CELL}">{"█" * round(share.share * 10) or "·"}</td></tr>'
            for share in story.fingerprint
        )
        parts.append("<p><b>Our choices resembled:</b></p>")
        parts.append(f'<table border="0" cellspacing="0">{rows}</table>')
    path = []
    for round_story in story.rounds:
        note = " (!)" if round_story.rushed else ""
        hands = _hands_for(session, round_story.round)
        hands = f" · {hands}" if hands else ""
        path.append(f"{round_story.round}. {escape(round_story.label)}{note}{escape(hands)}")
    if path:
        parts.append("<p><b>Our path:</b> " + "; ".join(path) + ".</p>")
    parts.append(truth_html(story, "we"))
    return "".join(parts)


def screen_html(session: RoomSession, screen: Screen, staircase: Staircase | None) -> str:
    if screen.kind == ScreenKind.SETTING:
        return setting_html(session)
    if screen.kind == ScreenKind.SITUATION:
        return situation_html(session, screen.round, staircase)
    if screen.kind == ScreenKind.CONSEQUENCE:
        return consequence_html(session, screen.round, staircase)
    return end_html(session, staircase)


# -- the console's notes ---------------------------------------------------------------


def _concept(concept: Concept | None, lead: str) -> str:
    if concept is None:
        return ""
    return f"<p><b>{lead}</b> {escape(concept.title)} ({concept.kind})</p>"


HOW_TO = (
    "<p><b>Playing with the room.</b> Read the situation aloud. The room talks it over; "
    "count hands for each option if you like (type them beside the options), then press "
    "the option's number and Enter. Page Down moves on; Page Up looks back.</p>"
)
ASK_READY = (
    "What did this build that the next step will need? "
    "Who did the work: the people affected, or someone on their behalf?"
)
ASK_NOT_READY = (
    "What would have made the base ready? What should we have done first? "
    "Who paid the price of moving too early?"
)


def _setting_notes(session: RoomSession, library: Library | None) -> str:
    scenario = session.scenario
    concepts = "".join(
        _concept(Concept(href, concept_title(href, library)), "Concept:")
        for href in scenario.concepts
    )
    return (
        HOW_TO
        + _p(scenario.summary)
        + concepts
        + (
            "<p><b>Ask the room:</b> Who is affected here? Who has the power to give "
            "the demand, and what would make them?</p>"
        )
    )


def _situation_notes(session: RoomSession, round_number: int, library: Library | None) -> str:
    staircase = library.staircase if library is not None else None
    parts = []
    if session.decision_for(round_number) is None:
        parts.append(
            "<p><b>Ask the room:</b> Which of these builds the base, and which spends it? "
            "Is the base ready for the step you want?</p>"
        )
    parts.append("<p><b>What each option needs</b> (the room does not see this):</p><ol>")
    for option in session.situation_options(round_number):
        ready = "✓ ready" if option.ready >= READY else "not ready"
        ready = MAYBE_READY_LABEL if option.maybe_ready else ready
        parts.append(
            f"<li><b>{escape(option.label)}</b> ({escape(option_suffix(option, staircase))}, "
            f"{ready}). {escape(option.ready_text)} {escape(option.description)}</li>"
        )
    parts.append("</ol>")
    return "".join(parts)


def _consequence_notes(session: RoomSession, round_number: int, library: Library | None) -> str:
    c = session.consequence_for(round_number)
    if c is None:
        return ""
    staircase = library.staircase if library is not None else None
    story = describe_round(session.scenario, c, staircase, library, _earlier(session, round_number))
    parts = [f"<p><b>Explain:</b> {escape(story.explain)}</p>"]
    parts.append(_concept(story.concept, "The idea behind it:"))
    if not story.ready:
        parts.append(f"<p><b>Readiness:</b> {escape(story.ready_text)}</p>")
    for event in story.events:
        parts.append(
            f"<p><b>{escape(event.title)}:</b> {escape(event.explain)}</p>"
            + _concept(event.concept, "The idea:")
        )
    decision = session.decision_for(round_number)
    if decision is not None and decision.hands:
        counts = ", ".join(
            f"{escape(_label(session, tactic))}: {count}"
            for tactic, count in sorted(decision.hands.items(), key=lambda kv: -kv[1])
        )
        parts.append(f"<p><b>Hands counted:</b> {counts}.</p>")
    parts.append(f"<p><b>Ask the room:</b> {ASK_READY if story.ready else ASK_NOT_READY}</p>")
    return "".join(parts)


def _end_notes(story: RunStory) -> str:
    parts = []
    if story.ending is not None and story.ending.explain:
        parts.append(f"<p><b>Explain:</b> {escape(story.ending.explain.strip())}</p>")
        parts.append(_concept(story.ending.concept, "The idea behind it:"))
    if story.ending is not None and story.ending.next_fight:
        parts.append(_p(story.ending.next_fight))
    if story.reveals:
        parts.append("<p><b>What the room estimated, and the truth</b></p>")
        parts.append(truth_html(story, "we"))
        parts.append(f"<p>{escape(TRUTH_LESSON)}</p>")
    if story.turning_points:
        parts.append("<p><b>Turning points</b></p><ul>")
        parts.extend(f"<li>{escape(turning_point_words(p))}</li>" for p in story.turning_points)
        parts.append("</ul>")
    parts.append("<p><b>Ask the room, in three steps</b></p><ul>")
    parts.extend(
        f"<li><b>{escape(stage)}</b> {escape(question)}</li>" for stage, question in DEBRIEF_STAGES
    )
    parts.append("</ul><p><b>Then this scenario's questions</b></p><ol>")
    parts.extend(f"<li>{escape(q)}</li>" for q in story.questions)
    parts.append("</ol>")
    return "".join(parts)


def notes_html(session: RoomSession, screen: Screen, library: Library | None) -> str:
    """What the facilitator's console shows beside ``screen``."""
    if screen.kind == ScreenKind.SETTING:
        return _setting_notes(session, library)
    if screen.kind == ScreenKind.SITUATION:
        return _situation_notes(session, screen.round, library)
    if screen.kind == ScreenKind.CONSEQUENCE:
        return _consequence_notes(session, screen.round, library)
    staircase = library.staircase if library is not None else None
    return _end_notes(describe_run(session.run, staircase, library))
