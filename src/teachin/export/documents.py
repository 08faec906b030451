"""What can be printed: handouts, the facilitator guide and worksheets, as HTML.

Every module and the glossary come from ``teachin.workshop.render``, the same
renderer the reader uses, in the black-and-white print theme; the export
templates only add a cover, a table of contents and the worksheet around them.
``layout()`` puts a document on pages (filling in the table of contents), and
``export_pdf()`` writes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from PySide6.QtGui import QTextCursor

from teachin import __version__
from teachin.debrief.model import Concept, describe_run
from teachin.debrief.words import DEBRIEF_STAGES, TOO_EARLY, TRUTH_LESSON, kind_words
from teachin.export.charts import Series, measures_svg
from teachin.export.paged import STAIRCASE_WIDTH, PagedDocument, PagedText, Paper, write_pdf
from teachin.locations import PACKAGE_DIR
from teachin.plan.model import Plan
from teachin.scenario.model import Scenario
from teachin.scenario.run import Run
from teachin.typefaces import MONO_FAMILY
from teachin.workshop.library import Library, Part
from teachin.workshop.module import Module
from teachin.workshop.render import Style, render_glossary, render_module, render_take_home
from teachin.workshop.spectrum_svg import SPECTRUM_IMAGE, spectrum_svg
from teachin.workshop.staircase_svg import staircase_svg
from teachin.workshop.themes import PRINT
from teachin.workshop.views import View

PRINT_STYLE = Style(theme=PRINT, zoom=11 / 12)
"""Body text at 11 pt, headings in proportion, black on white."""
AUTHOR = "teachin contributors"
WORKSHOP_TITLE = "From theory to practice"
WORKSHOP_SUBTITLE = "Workshops on how ordinary people win change together"
CREDIT = (
    "Based on “From Theory To Practice” (Solidarity Winnipeg, 2020). "
    f"Printed from teachin {__version__}."
)
WORKSHEET_FIELDS = (
    "Our issue",
    "What we demand",
    "Who can give it to us",
    "Who is with us already",
)

_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL)
_TOC_PLACEHOLDER = "[p{:03d}]"
TAKE_HOME_STAIRCASE_WIDTH = 0.6
"""Smaller than in the guide: a take-home keeps to two pages, and the steps still read."""


class UnknownModuleError(KeyError):
    """A module id that is not in the library."""

    def __init__(self, unknown: list[str], known: Iterable[str]) -> None:
        self.unknown = unknown
        self.known = sorted(known)
        super().__init__(", ".join(unknown))

    def __str__(self) -> str:
        which = "module" if len(self.unknown) == 1 else "modules"
        return (
            f"unknown {which}: {', '.join(self.unknown)} "
            f"(known modules: {', '.join(self.known) or 'none'})"
        )


@dataclass(frozen=True)
class ExportDocument:
    """A printable document before layout: its HTML and what the pages need to know."""

    kind: str
    title: str
    parts: tuple[str, ...]
    """Full HTML documents, each printed from a new page."""
    cover: bool = False
    staircase_svg: str | None = None
    toc: dict[str, str] = field(default_factory=dict)
    """Anchor name → the placeholder standing for its page number in the contents."""
    author: str = AUTHOR
    running_title: str = ""
    staircase_width: float = STAIRCASE_WIDTH
    """The staircase picture's share of the text width."""
    pictures: dict[str, str] = field(default_factory=dict)
    """More SVG pictures (charts) by their ``teachin:NAME`` source."""
    """Left of each page's header (the section is on the right); default: the title."""

    @property
    def html(self) -> str:
        """All the parts' HTML, one after the other (for looking at, not for printing)."""
        return "\n".join(self.parts)


@cache
def _environment() -> Environment:
    # Content values reach these templates: autoescaped, and strict about typos.
    return Environment(
        loader=PackageLoader("teachin", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def print_css(style: Style = PRINT_STYLE) -> str:
    """The reader's stylesheet in the print theme, then the print-only rules."""
    size = 12.0 * style.zoom
    source = (PACKAGE_DIR / "styles" / "export_print.css.j2").read_text("utf-8")
    extra = (
        _environment()
        .from_string(source)
        .render(c=style.theme, size=lambda f: f"{size * f:.1f}", mono=MONO_FAMILY)
    )
    return style.css() + "\n" + extra


def render_print_template(template: str, **values: object) -> str:
    """One of the export templates, with the print stylesheet (values are autoescaped)."""
    css = Markup(print_css())  # noqa: S704 - our own stylesheet templates
    return _environment().get_template(template).render(css=css, **values)


def _part(title: str, article: Mapping[str, object]) -> str:
    """One module (or the glossary) as a part of its own, printed from a new page."""
    return render_print_template("export_part.html.j2", title=title, **article)


def _body(html: str) -> Markup:
    match = _BODY.search(html)
    return Markup(match.group(1) if match else html)  # noqa: S704 - our own renderer's output


def select_modules(library: Library, ids: Iterable[str] | None) -> list[Module]:
    """The modules asked for, in the order given; none asked for: every module in order."""
    ids = [ids] if isinstance(ids, str) else list(ids or [])
    if not ids:
        return library.ordered_modules()
    unknown = [module_id for module_id in ids if module_id not in library.modules]
    if unknown:
        raise UnknownModuleError(unknown, library.modules)
    return [library.modules[module_id] for module_id in dict.fromkeys(ids)]


def _staircase(library: Library, revealed: int | None = None) -> str | None:
    if library.staircase is None:
        return None
    return staircase_svg(library.staircase, PRINT, revealed=revealed)


def _module_pictures() -> dict[str, str]:
    """The pictures a module's blocks may ask for, besides the staircase."""
    return {SPECTRUM_IMAGE: spectrum_svg(PRINT)}


def handout(library: Library, module_ids: Iterable[str] | None = None) -> ExportDocument:
    """The participant handout: each module's take-home (its handout blocks, the terms
    they use, a source), each from a new page. The slides stay in the guide."""
    modules = select_modules(library, module_ids)
    title = f"Handout: {modules[0].title}" if len(modules) == 1 else f"Handout: {WORKSHOP_TITLE}"
    parts = tuple(
        _part(
            title,
            {
                "anchor": f"module-{m.id}",
                "body": _body(render_take_home(m, library, PRINT_STYLE)),
            },
        )
        for m in modules
    )
    return ExportDocument(
        kind="handout",
        title=title,
        running_title="Take-home",
        parts=parts,
        staircase_svg=_staircase(library),
        pictures=_module_pictures(),
    )


def guide(
    library: Library,
    module_ids: Iterable[str] | None = None,
    *,
    plan: Plan | None = None,
    scenario_titles: Mapping[str, str] | None = None,
) -> ExportDocument:
    """The facilitator guide: cover, contents with page numbers, every module (or those
    named, or those of a session plan with its agenda first), then the glossary."""
    if plan is not None and module_ids is None:
        module_ids = plan_modules(plan, library)
    modules = select_modules(library, module_ids)
    parts: list[Part] = []
    for module in modules:  # consecutive modules of one part share a heading
        if parts and parts[-1].title == module.part:
            parts[-1].modules.append(module)
        else:
            parts.append(Part(module.part, [module]))
    articles = [
        {"anchor": f"module-{m.id}", "body": _body(render_module(m, View.FACILITATOR, PRINT_STYLE))}
        for m in modules
    ]
    if library.terms:
        articles.append(
            {"anchor": "glossary", "body": _body(render_glossary(library, PRINT_STYLE))}
        )
    extra = []
    if plan is not None:
        extra.append(agenda(plan, library, scenario_titles).parts[0])
    placeholders = {a["anchor"]: _TOC_PLACEHOLDER.format(i) for i, a in enumerate(articles)}
    if plan is not None:
        placeholders["agenda"] = _TOC_PLACEHOLDER.format(len(articles))
    heading = plan.title if plan is not None else WORKSHOP_TITLE
    title = f"Facilitator guide: {heading}"
    front = render_print_template(
        "export_guide.html.j2",
        title=title,
        heading=heading,
        subtitle=WORKSHOP_SUBTITLE,
        credit=CREDIT,
        parts=parts,
        modules=modules,
        total_minutes=sum(part.minutes for part in parts),
        glossary=bool(library.terms),
        agenda=plan is not None,
        staircase=library.staircase is not None,
        placeholders=placeholders,
    )
    return ExportDocument(
        kind="guide",
        title=title,
        running_title="Facilitator guide",
        parts=(front, *extra, *(_part(title, article) for article in articles)),
        cover=True,
        staircase_svg=_staircase(library),
        pictures=_module_pictures(),
        toc=placeholders,
    )


# The worksheet's staircase is taller than the one in handouts (960 wide): steps
# about 12 mm high on Letter or A4, room to write an action on each.
WORKSHEET_STAIRS_HEIGHT = 660


def worksheet(library: Library) -> ExportDocument:
    """A blank staircase for planning one's own campaign, and a step-by-step plan."""
    title = "Worksheet: plan your campaign on the staircase"
    steps = []
    if library.staircase is not None:
        steps = [
            {"number": index + 1, "label": step.label}
            for index, step in reversed(list(enumerate(library.staircase.steps)))
        ]
    html = render_print_template(
        "export_worksheet.html.j2",
        title=title,
        fields=WORKSHEET_FIELDS,
        steps=steps,
        source=library.staircase.source if library.staircase else "",
    )
    return ExportDocument(
        kind="worksheet",
        title=title,
        running_title="Worksheet",
        staircase_width=1.0,  # room to write on each step
        parts=(html,),
        staircase_svg=(
            staircase_svg(library.staircase, PRINT, blank=True, height=WORKSHEET_STAIRS_HEIGHT)
            if library.staircase is not None
            else None
        ),
    )


def agenda(
    plan: Plan, library: Library, scenario_titles: Mapping[str, str] | None = None
) -> ExportDocument:
    """The session agenda: each block with its clock time (or its time from the start)."""
    from teachin.plan.model import KIND_LABELS, BlockKind, clock_text, duration_text

    titles = dict(scenario_titles or {})
    titles.update({module.id: module.title for module in library.modules.values()})

    def when(offset: int) -> str:
        if plan.start is not None:
            return clock_text(plan.start + offset)
        return f"{offset // 60}:{offset % 60:02d}"

    rows = []
    for slot in plan.schedule():
        block = slot.block
        kind = KIND_LABELS[block.kind]
        if block.kind is BlockKind.MODULE and block.ref in library.modules:
            kind = f"Module · {library.modules[block.ref].part}"
        rows.append(
            {
                "time": f"{when(slot.start)}–{when(slot.end)}",
                "title": block.display_title(titles),
                "kind": kind,
                # A line break in the notes is a new line on paper too.
                "notes": [line.strip() for line in block.notes.splitlines() if line.strip()],
                "minutes": block.minutes,
            }
        )
    start = f"Starts {clock_text(plan.start)}" if plan.start is not None else "Times from the start"
    facts = f"{start} · {plan.budget_text()}"
    end = plan.total_minutes
    ending = (
        f"Ends at {when(end)}." if plan.start is not None else f"Ends after {duration_text(end)}."
    )
    title = f"Agenda: {plan.title}"
    html = render_print_template(
        "export_agenda.html.j2",
        title=title,
        plan_title=plan.title,
        facts=facts,
        notes=plan.notes,
        rows=rows,
        ending=ending,
    )
    return ExportDocument(kind="agenda", title=title, parts=(html,), running_title="Agenda")


def plan_modules(plan: Plan, library: Library) -> list[str]:
    """The ids of the modules a plan teaches, in its order, each once."""
    from teachin.plan.model import BlockKind

    ids = [block.ref for block in plan.blocks if block.kind is BlockKind.MODULE and block.ref]
    return list(dict.fromkeys(ids))


def _read_more(concept: Concept | None) -> str:
    """A concept as words a reader can look up on paper ("" without one)."""
    if concept is None:
        return ""
    if concept.kind == "module":
        return f"the module “{concept.title}”"
    return f"“{concept.title}” in the glossary"


def debrief(
    run: Run, library: Library, differences: Iterable[str] = (), group: str = ""
) -> ExportDocument:
    """A scenario run for the debrief: outcome, path on the staircase, measures over
    time as charts, each choice with its explanation, the strategy fingerprint, the
    turning points and the discussion questions (told by :func:`describe_run`, as the
    player and the room screens tell it). ``group`` names the group on the title and
    on every page's header, so a room's printed debriefs can be told apart."""
    staircase = library.staircase
    story = describe_run(run, staircase, library)
    title = f"Debrief: {story.scenario_title}" + (f" · {group}" if group else "")
    html = render_print_template(
        "export_debrief.html.j2",
        title=title,
        story=story,
        group=group,
        differences=list(differences),
        staircase=staircase is not None,
        read_more=_read_more,
        too_early=TOO_EARLY,
        truth_lesson=TRUTH_LESSON,
        stages=DEBRIEF_STAGES,
    )
    svg = None
    if staircase is not None:
        current = story.highest - 1 if story.highest else None
        svg = staircase_svg(staircase, PRINT, current=current, climbed=story.highest)
    series = [
        Series(m.label, list(m.values), m.low, m.high, list(m.ranges)) for m in story.measures
    ]
    return ExportDocument(
        kind="debrief",
        title=title,
        parts=(html,),
        running_title=f"Scenario debrief · {group}" if group else "Scenario debrief",
        staircase_svg=svg,
        staircase_width=1.0,
        pictures={"teachin:measures": measures_svg(series)},
    )


def choice_sheet(scenario: Scenario, library: Library) -> ExportDocument:
    """A scenario on paper, for a group without a laptop: the setting, every choice with
    its number, and a record sheet with one row per round."""
    staircase = library.staircase
    options = []
    for number, tactic in enumerate(scenario.tactics, start=1):
        kind = kind_words(tactic.kind)
        step = tactic.step_index
        if step and staircase and step <= len(staircase.steps):
            kind = f"Staircase step {step}: {staircase.steps[step - 1].label}"
        options.append(
            {
                "number": number,
                "label": tactic.label,
                "description": tactic.description,
                "kind": kind,
            }
        )
    setting = scenario.setting
    rows = [*setting.facts(), ("The situation", setting.situation)]
    title = f"Choice sheet: {scenario.title}"
    html = render_print_template(
        "export_choices.html.j2",
        title=title,
        scenario=scenario,
        setting=[(label, value) for label, value in rows if value],
        options=options,
        rounds=scenario.rounds,
    )
    return ExportDocument(
        kind="worksheet", title=title, parts=(html,), running_title="Choice sheet"
    )


def layout(document: ExportDocument, paper: Paper) -> PagedDocument:
    """Lays the document out on pages; the contents get the real page numbers."""
    paged = PagedDocument(
        list(document.parts),
        title=document.title,
        author=document.author,
        paper=paper,
        cover=document.cover,
        staircase_svg=document.staircase_svg,
        running_title=document.running_title or None,
        staircase_width=document.staircase_width,
        pictures=document.pictures,
    )
    if document.toc:
        fill_toc(paged, document.toc)
    return paged


def fill_toc(paged: PagedDocument, placeholders: dict[str, str], rounds: int = 3) -> dict[str, int]:
    """Writes the page each anchor falls on over its placeholder, until nothing moves.

    The numbers are written in place (no second HTML parse) in the part that
    holds the contents; only that part is laid out again. Each number's text
    cursor follows the edits, so it can be rewritten if the pages move.
    """
    spots: list[tuple[PagedText, dict[str, QTextCursor]]] = []
    for section in paged.sections:
        found = {}
        for anchor, placeholder in placeholders.items():
            cursor = section.document.find(placeholder)
            if not cursor.isNull():
                found[anchor] = cursor
        if found:
            spots.append((section, found))
    pages = paged.anchor_pages()
    for _ in range(rounds):
        for section, cursors in spots:
            with section.editing():
                for anchor, cursor in cursors.items():
                    number = str(pages.get(anchor, "?"))
                    if cursor.selectedText() != number:
                        start = cursor.selectionStart()
                        cursor.insertText(number)
                        cursor.setPosition(start)
                        cursor.setPosition(start + len(number), QTextCursor.MoveMode.KeepAnchor)
            section.keep_with_next()
        now = paged.anchor_pages()
        if now == pages:
            break
        pages = now
    return pages


def export_pdf(document: ExportDocument, path: Path, paper: Paper) -> PagedDocument:
    """Lays out and writes ``document`` as a PDF at ``path``; returns the pages."""
    paged = layout(document, paper)
    write_pdf(paged, Path(path))
    return paged
