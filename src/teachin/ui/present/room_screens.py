"""What the projector and the console show while the room plays a scenario: HTML
bodies for the audience screen (large, high contrast, read from the back row)
and the facilitator's notes for the console.

Nothing is told by colour alone: changes carry an arrow, a sign and a word;
the staircase cells climbed carry a tick, a step tried too early an "!".
"""

from __future__ import annotations

from html import escape

from teachin.runs.room import RoomSession, Screen, ScreenKind
from teachin.scenario.engine import READY, Consequence, Option
from teachin.ui.player.common import (
    KIND_WORDS,
    RESULT_MARKS,
    change_text,
    concept_title,
    result_words,
    stairs_words,
    step_name,
)
from teachin.ui.player.consequence_view import EVENT_WORDS
from teachin.workshop.library import Library
from teachin.workshop.staircase import Staircase
from teachin.workshop.themes import Theme

_CELL = "border: none; padding: 0 0.6em 0 0;"


def _p(text: str, cls: str = "") -> str:
    paragraphs = [p.strip().replace("\n", " ") for p in text.strip().split("\n\n") if p.strip()]
    attr = f' class="{cls}"' if cls else ""
    return "".join(f"<p{attr}>{escape(p)}</p>" for p in paragraphs)


def _hands_text(hands: int, total: int) -> str:
    return f"{hands} of {total} hands" if total else ""


def option_suffix(option: Option, staircase: Staircase | None) -> str:
    """ "step 6", or the kind of move ("organizing move") for moves off the staircase."""
    if option.step:
        return f"step {option.step}"
    return KIND_WORDS.get(option.kind, option.kind).lower()


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


def ladder_html(consequence: Consequence, staircase: Staircase | None, theme: Theme) -> str:
    """The staircase as one row of numbered cells: climbed ones filled with a tick,
    this round's step outlined (with "!" when the base was not ready)."""
    count = len(staircase.steps) if staircase is not None else 10
    cells = []
    for number in range(1, count + 1):
        climbed = number <= consequence.climbed
        this_round = number == consequence.step
        text = str(number)
        if climbed:
            text += "✓"
        if this_round and consequence.ready < READY:
            text += "!"
        style = "padding: 2px; text-align: center;"
        if climbed:
            style += f" background-color: {theme.step_current}; color: {theme.step_current_text};"
        border = f"{'4px' if this_round else '1px'} solid {theme.text}"
        cells.append(f'<td style="{style} border: {border};"><b>{text}</b></td>')
    return f'<table cellspacing="0" width="100%"><tr>{"".join(cells)}</tr></table>'


def measures_table(consequence: Consequence, session: RoomSession) -> str:
    rows = []
    for measure in session.scenario.visible_measures:
        if measure.id not in consequence.after:
            continue
        after = consequence.after[measure.id]
        delta = after - consequence.before.get(measure.id, after)
        amount = round(delta)
        word = "rose" if amount > 0 else "fell" if amount < 0 else ""
        change = change_text(delta) + (f" {word}" if word else "")
        rows.append(
            f'<tr><td style="{_CELL}">{escape(measure.label)}</td>'
            f'<td style="{_CELL}" align="right"><b>{round(after)}</b></td>'
            f'<td style="{_CELL}">&nbsp;{escape(change)}</td></tr>'
        )
    return f'<table border="0" cellspacing="0">{"".join(rows)}</table>'


def consequence_html(
    session: RoomSession, round_number: int, staircase: Staircase | None, theme: Theme
) -> str:
    c = session.consequence_for(round_number)
    if c is None:
        return situation_html(session, round_number, staircase)
    decision = session.decision_for(round_number)
    hands = ""
    if decision is not None and decision.hands:
        counted = decision.hands.get(decision.choice)
        if counted is not None:
            hands = f" ({_hands_text(counted, decision.total)})"
    ready = (
        "✓ The base was ready for it." if c.ready >= READY else "⚠ The base was not ready for it."
    )
    story = (
        f"<p><b>What happened:</b> {escape(c.narrative.strip())}</p>"
        f"<p><b>Why:</b> {escape(c.explain.strip())}</p>"
    )
    for event in c.events:
        kind = EVENT_WORDS.get(event.kind, "Meanwhile")
        story += (
            f"<p><b>{escape(kind)}: {escape(event.title)}.</b> {escape(event.text.strip())}</p>"
        )
    if c.ending and c.result:
        ending = next((e for e in session.scenario.endings if e.id == c.ending), None)
        title = ending.title if ending else c.ending
        story += f"<p><b>The campaign is over: {escape(title)}.</b></p>"
    side = (
        "<p><b>How every measure moved</b></p>"
        + measures_table(c, session)
        + "<p><b>The staircase</b></p>"
        + ladder_html(c, staircase, theme)
        + f"<p>{escape(stairs_words(c, staircase, voice='we'))}</p>"
    )
    return (
        f"<h1>Round {round_number}: the room chose “{escape(c.label)}”{escape(hands)}</h1>"
        f"<p><b>{ready}</b></p>"
        f'<table width="100%" border="0" cellspacing="0"><tr>'
        f'<td width="55%" style="{_CELL} padding-right: 1.2em;">{story}</td>'
        f'<td width="45%" style="{_CELL}">{side}</td></tr></table>'
    )


def end_html(session: RoomSession, staircase: Staircase | None) -> str:
    run = session.run
    ending = run.ending
    result = run.result
    title = f"{RESULT_MARKS.get(result or '', '')} {result_words(result)}"
    if ending is not None:
        title += f": {ending.title}"
    highest = run.steps[-1].consequence.climbed if run.steps else 0
    parts = [f"<h1>{escape(title.strip())}</h1>"]
    if ending is not None:
        parts.append(_p(ending.text))
    parts.append(
        f"<p><b>{len(run.steps)} rounds played. Highest step climbed together: "
        f"{escape(step_name(highest, staircase) if highest else 'none')}.</b></p>"
    )
    fingerprint = run.fingerprint()
    if fingerprint.closest is not None:
        rows = "".join(
            f'<tr><td style="{_CELL}">{escape(share.label)}</td>'
            f'<td style="{_CELL}" align="right"><b>{round(share.share * 100)}%</b></td>'
            f'<td style="{_CELL}">{"█" * round(share.share * 10) or "·"}</td></tr>'
            for share in fingerprint.shares
        )
        parts.append("<p><b>Our choices resembled:</b></p>")
        parts.append(f'<table border="0" cellspacing="0">{rows}</table>')
    path = []
    for record in run.steps:
        decision = session.decision_for(record.round)
        c = record.consequence
        note = "" if not c.step or c.ready >= READY else " (!)"
        hands = ""
        if decision is not None and decision.hands.get(decision.choice) is not None:
            hands = f" · {_hands_text(decision.hands[decision.choice], decision.total)}"
        path.append(f"{record.round}. {escape(c.label)}{note}{escape(hands)}")
    if path:
        parts.append("<p><b>Our path:</b> " + "; ".join(path) + ".</p>")
    return "".join(parts)


def screen_html(
    session: RoomSession, screen: Screen, staircase: Staircase | None, theme: Theme
) -> str:
    if screen.kind == ScreenKind.SETTING:
        return setting_html(session)
    if screen.kind == ScreenKind.SITUATION:
        return situation_html(session, screen.round, staircase)
    if screen.kind == ScreenKind.CONSEQUENCE:
        return consequence_html(session, screen.round, staircase, theme)
    return end_html(session, staircase)


# -- the console's notes ---------------------------------------------------------------


def _concept(href: str, library: Library | None, lead: str) -> str:
    if not href:
        return ""
    kind = "module" if href.startswith("module:") else "glossary"
    return f"<p><b>{lead}</b> {escape(concept_title(href, library))} ({kind})</p>"


HOW_TO = (
    "<p><b>Playing with the room.</b> Read the situation aloud. The room talks it over; "
    "count hands for each option if you like (type them beside the options), then press "
    "the option's number and Enter. Page Down moves on; Page Up looks back.</p>"
)


def notes_html(session: RoomSession, screen: Screen, library: Library | None) -> str:
    scenario = session.scenario
    staircase = library.staircase if library is not None else None
    if screen.kind == ScreenKind.SETTING:
        concepts = "".join(_concept(c, library, "Concept:") for c in scenario.concepts)
        return (
            HOW_TO
            + _p(scenario.summary)
            + concepts
            + (
                "<p><b>Ask the room:</b> Who is affected here? Who has the power to give "
                "the demand, and what would make them?</p>"
            )
        )
    if screen.kind == ScreenKind.SITUATION:
        parts = []
        if session.decision_for(screen.round) is None:
            parts.append(
                "<p><b>Ask the room:</b> Which of these builds the base, and which spends it? "
                "Is the base ready for the step you want?</p>"
            )
        parts.append("<p><b>What each option needs</b> (the room does not see this):</p><ol>")
        for option in session.situation_options(screen.round):
            ready = "✓ ready" if option.ready >= READY else "not ready"
            parts.append(
                f"<li><b>{escape(option.label)}</b> ({escape(option_suffix(option, staircase))}, "
                f"{ready}). {escape(option.ready_text)} {escape(option.description)}</li>"
            )
        parts.append("</ol>")
        return "".join(parts)
    if screen.kind == ScreenKind.CONSEQUENCE:
        c = session.consequence_for(screen.round)
        if c is None:
            return ""
        parts = [f"<p><b>Explain:</b> {escape(c.explain.strip())}</p>"]
        parts.append(_concept(c.concept, library, "The idea behind it:"))
        if c.ready < READY:
            parts.append(f"<p><b>Readiness:</b> {escape(c.ready_text)}</p>")
        for event in c.events:
            parts.append(
                f"<p><b>{escape(event.title)}:</b> {escape(event.explain.strip())}</p>"
                + _concept(event.concept, library, "The idea:")
            )
        decision = session.decision_for(screen.round)
        if decision is not None and decision.hands:
            counts = ", ".join(
                f"{escape(_label(session, tactic))}: {count}"
                for tactic, count in sorted(decision.hands.items(), key=lambda kv: -kv[1])
            )
            parts.append(f"<p><b>Hands counted:</b> {counts}.</p>")
        if c.ready >= READY:
            ask = (
                "What did this build that the next step will need? "
                "Who did the work: the people affected, or someone on their behalf?"
            )
        else:
            ask = (
                "What would have made the base ready? What should we have done first? "
                "Who paid the price of moving too early?"
            )
        parts.append(f"<p><b>Ask the room:</b> {ask}</p>")
        return "".join(parts)
    run = session.run
    parts = []
    ending = run.ending
    if ending is not None:
        parts.append(f"<p><b>Explain:</b> {escape(ending.explain.strip())}</p>")
        parts.append(_concept(ending.concept, library, "The idea behind it:"))
    points = run.turning_points()
    if points:
        parts.append("<p><b>Turning points</b></p><ul>")
        parts.extend(
            f"<li>Round {p.round}: {escape(p.label)}: {escape(p.why)}.</li>" for p in points
        )
        parts.append("</ul>")
    questions = scenario.questions or ("What surprised you? What would you do differently?",)
    parts.append("<p><b>Ask the room</b></p><ol>")
    parts.extend(f"<li>{escape(q)}</li>" for q in questions)
    parts.append("</ol>")
    return "".join(parts)
