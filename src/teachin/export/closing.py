"""The closing sheets: an evaluation for each participant and a contact sign-up sheet.

A workshop ends by asking how it went and who wants to stay in touch. The sign-up
sheet says on its face what the group will and won't do with the names, so that
people decide before they write, and it asks for no more than a way to reach them:
some people in the room cannot afford to be on a list.
"""

from __future__ import annotations

from dataclasses import dataclass

from teachin.export.documents import ExportDocument, render_print_template
from teachin.plan.model import Plan, clock_text

TITLE = "Closing sheets: evaluation and sign-up"
EVALUATION_TITLE = "How did it go?"
SIGN_UP_TITLE = "Stay in touch"


@dataclass(frozen=True)
class Rating:
    """A statement to answer by circling one of a few plain answers."""

    statement: str
    answers: tuple[str, ...]


RATINGS = (
    Rating("Overall, this session was", ("not useful", "a little useful", "useful", "very useful")),
    Rating("I could follow what was said", ("rarely", "sometimes", "mostly", "always")),
    Rating("I felt I could speak, or pass, when I wanted", ("no", "a little", "mostly", "yes")),
)
QUESTIONS = (
    "What was the most useful part for you?",
    "What was hard to follow, or what would you change?",
    "Could you see, hear and read everything? Did anything make it hard to take part?",
    "What is one thing you might do in the next month?",
    "Anything else you would like to tell us?",
)
PROMISE_WILL = (
    "We will use what you write here only to tell you about this group's next meetings "
    "and actions, the way you ask us to."
)
PROMISE_WONT = (
    "We won't share it with anyone outside the group, sell it or put it on a public list. "
    "Ask any of us and we will delete it."
)
SIGN_UP_HELP = (
    "Writing here is your choice. A first name and one way to reach you is enough. "
    "Keep this sheet with the facilitator: don't leave it on a table or photograph it."
)
SIGN_UP_WISHES = ("hear news", "come to a meeting", "help organize")
SIGN_UP_ROWS = 10
"""As many as fit on one page with room to write by hand; print more copies for more."""


def closing_sheets(plan: Plan | None = None) -> ExportDocument:
    """The evaluation (one page, to copy for each person) and the sign-up sheet; ``plan``
    names the session on both, else there is a line to write it on."""
    session = ""
    if plan is not None:
        session = plan.title
        if plan.start is not None:
            session += f" · {clock_text(plan.start)}"
    values = {"session": session}
    evaluation = render_print_template(
        "export_evaluation.html.j2",
        title=EVALUATION_TITLE,
        ratings=RATINGS,
        questions=QUESTIONS,
        **values,
    )
    sign_up = render_print_template(
        "export_sign_up.html.j2",
        title=SIGN_UP_TITLE,
        will=PROMISE_WILL,
        wont=PROMISE_WONT,
        help=SIGN_UP_HELP,
        wishes=SIGN_UP_WISHES,
        rows=range(SIGN_UP_ROWS),
        **values,
    )
    return ExportDocument(
        kind="closing", title=TITLE, running_title="Closing", parts=(evaluation, sign_up)
    )
