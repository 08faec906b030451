"""Modules and the glossary to HTML: Markdown, then Jinja2 templates.

The same HTML goes to the reader, the projector and the PDF; only the view
(which blocks show) and the stylesheet (theme, size) differ.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from teachin.locations import PACKAGE_DIR
from teachin.problems import Problem, error
from teachin.workshop.glossary import Term
from teachin.workshop.library import Library
from teachin.workshop.markup_limits import (
    MarkupTooComplex,
    markup_problems,
    module_markup_problems,
)
from teachin.workshop.module import Module
from teachin.workshop.themes import LIGHT, Theme
from teachin.workshop.views import HIDDEN_BLOCKS, View

BASE_POINT_SIZE = 12.0
SLIDE_ANCHOR = "slide-{}"
_LINK = Markup('<a class="xref {0}" href="{0}:{1}">{2}</a>')


if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

    from teachin.workshop.markup import MarkdownRenderer


def read_package_text(name: str) -> str:
    """A template or stylesheet shipped in the package (works from a wheel too)."""
    folder, _, filename = name.partition("/")
    return (PACKAGE_DIR / folder / filename).read_text(encoding="utf-8")


@cache
def _environment() -> SandboxedEnvironment:
    # Jinja2 and Markdown are imported on first use: a start-up that finds its
    # page in the cache of rendered pages never needs them.
    from jinja2 import FunctionLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    def load(name: str) -> tuple[str, None, Callable[[], bool]] | None:
        try:
            return read_package_text(name), None, lambda: True
        except (FileNotFoundError, OSError):
            return None

    # Sandboxed and autoescaped: every value a content file supplies reaches
    # the templates, and none of it may run code or inject markup.
    return SandboxedEnvironment(
        loader=FunctionLoader(load),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


_per_thread = threading.local()


def _markdown(view: View) -> MarkdownRenderer:
    """One renderer per view and per thread: a Markdown instance keeps state while it
    converts, and pages are also rendered in the background."""
    renderers: dict[View, MarkdownRenderer] | None = getattr(_per_thread, "renderers", None)
    if renderers is None:
        renderers = _per_thread.renderers = {}
    if view not in renderers:
        from teachin.workshop.markup import MarkdownRenderer

        renderers[view] = MarkdownRenderer(HIDDEN_BLOCKS[view])
    return renderers[view]


@dataclass(frozen=True)
class Style:
    theme: Theme = LIGHT
    zoom: float = 1.0

    def css(self) -> str:
        size = BASE_POINT_SIZE * self.zoom

        def scaled(factor: float) -> str:
            return f"{size * factor:.1f}"

        template = _environment().get_template("styles/document.css.j2")
        return template.render(c=self.theme, size=scaled)


_MODULE_REFUSED = "This module is too large or complex to show"
_SLIDE_REFUSED = "This slide cannot be shown"


def refused_html(title: str, reasons: list[str]) -> str:
    """What the reader, the projector and the PDF show instead of text that cannot be
    rendered: a plain box that says why, so the rest of the app goes on."""
    items = "".join(f"<p>{escape(reason)}</p>" for reason in reasons)
    return (
        '<table class="block refused" width="100%" cellspacing="0" cellpadding="12">'
        f'<tr><td class="refused"><p class="block-label">{escape(title)}</p>{items}'
        "<p>Run <code>teachin check</code> for the list of problems.</p></td></tr></table>"
    )


def module_body_html(module: Module, view: View) -> str:
    """The slides of a module as one HTML fragment, each headed by an anchor."""
    problems = module_markup_problems(module)
    if problems:
        return refused_html(_MODULE_REFUSED, _reasons(problems))
    markers = []
    for slide in module.slides:
        markers.append(f"TEACHIN-SLIDE-{slide.index}-MARK")
        markers.append(slide.text)
    try:
        html = _markdown(view).convert("\n\n".join(markers), image_base=module.path.parent.parent)
    except MarkupTooComplex as exc:
        return refused_html(_MODULE_REFUSED, [f"{module.path}:{module.body_line}: {exc}"])
    for slide in module.slides:
        anchor = SLIDE_ANCHOR.format(slide.index + 1)
        rule = '<hr class="slide-break" />' if slide.index else ""
        html = html.replace(
            f"<p>TEACHIN-SLIDE-{slide.index}-MARK</p>",
            f'{rule}<a name="{anchor}"></a><p class="slide-number">Slide {slide.index + 1} of {len(module.slides)}</p>',
        )
    return html


def _reasons(problems: list[Problem]) -> list[str]:
    return [f"{p.path}:{p.line}: {p.message}" for p in problems]


def slide_html(module: Module, index: int, view: View = View.PROJECTOR) -> str:
    """One slide's HTML fragment (for the projector and presenter console)."""
    problems = module_markup_problems(module)
    if problems:
        return refused_html(_SLIDE_REFUSED, _reasons(problems))
    slide = module.slides[index]
    try:
        return _markdown(view).convert(slide.text, image_base=module.path.parent.parent)
    except MarkupTooComplex as exc:
        return refused_html(_SLIDE_REFUSED, [f"{module.path}:{slide.line}: {exc}"])


def module_render_problems(module: Module) -> list[Problem]:
    """What stops a module from rendering, and what the renderer refused in it
    (pictures, attributes), each at the line it comes from."""
    problems = module_markup_problems(module)
    if problems:
        return problems
    renderer = _markdown(View.FACILITATOR)
    lines = module.text.split("\n")
    for slide in module.slides:
        try:
            renderer.convert(slide.text, image_base=module.path.parent.parent)
        except MarkupTooComplex as exc:
            problems.append(error(module.path, slide.line, str(exc)))
            continue
        first = slide.line - 1
        span = lines[first : first + slide.text.count("\n") + 1]
        for notice in dict.fromkeys(renderer.notices):
            found = [first + i + 1 for i, line in enumerate(span) if notice.needle in line]
            for number in found or [slide.line]:
                problems.append(Problem(module.path, number, notice.severity, notice.message))
    return problems


def _inline_or_refused(text: str, where: str) -> str:
    """One line of front-matter or glossary Markdown, or a box saying why not."""
    try:
        return _markdown(View.FACILITATOR).inline(text)
    except MarkupTooComplex as exc:
        return refused_html("This text cannot be shown", [f"{where}: {exc}"])


def render_module(module: Module, view: View = View.FACILITATOR, style: Style | None = None) -> str:
    style = style or Style()
    template = _environment().get_template("templates/module.html.j2")
    return template.render(
        module=module,
        body=Markup(module_body_html(module, view)),  # noqa: S704 - our Markdown renderer escapes raw HTML
        sources=[
            Markup(_inline_or_refused(source, f"{module.path}:1"))  # noqa: S704
            for source in module.sources
        ],
        css=Markup(style.css()),  # noqa: S704 - our own stylesheet template
    )


_GLOSSARY_HREF = re.compile(r"\]\(\s*<?glossary:([a-z0-9]+(?:-[a-z0-9]+)*)")
_SOURCE_LINE = re.compile(r"^\s*(\*\*|_)?sources?\s*:", re.IGNORECASE | re.MULTILINE)


def take_home_terms(module: Module, library: Library) -> list[Term]:
    """The glossary terms a module's take-home links to, in the order they first appear."""
    text = "\n".join(section.markdown for section in module.handout_sections())
    ids = dict.fromkeys(_GLOSSARY_HREF.findall(text))
    return [library.terms[term_id] for term_id in ids if term_id in library.terms]


def names_a_source(markdown: str) -> bool:
    """Whether the text has a line that starts ``Source:`` (or ``Sources:``)."""
    return _SOURCE_LINE.search(markdown) is not None


def render_take_home(module: Module, library: Library, style: Style | None = None) -> str:
    """What a participant takes home from a module: its ``/// handout`` blocks, each
    under its title, then the glossary terms they link to, then one source (the first
    of the module's sources, unless a handout names its own with a ``Source:`` line).
    A module without handout blocks gets its summary and objectives instead."""
    style = style or Style()
    sections = module.handout_sections()
    source = ""
    if module.sources and not any(names_a_source(s.markdown) for s in sections):
        source = Markup(_inline_or_refused(module.sources[0], f"{module.path}:1"))  # noqa: S704
    terms = [
        {"term": term.term, "definition": Markup(_term_inline(term))}  # noqa: S704
        for term in take_home_terms(module, library)
    ]
    template = _environment().get_template("templates/take_home.html.j2")
    return template.render(
        module=module,
        sections=_take_home_sections(module),
        terms=terms,
        source=source,
        css=Markup(style.css()),  # noqa: S704 - our own stylesheet template
    )


def _take_home_sections(module: Module) -> list[dict[str, str | Markup]]:
    """Each handout block of ``module`` as its title and HTML (or a box saying why not)."""
    problems = module_markup_problems(module)
    if problems:
        return [{"title": "", "body": Markup(refused_html(_MODULE_REFUSED, _reasons(problems)))}]  # noqa: S704
    sections = module.handout_sections()
    if not sections:
        items = "".join(f"<li>{escape(objective)}</li>" for objective in module.objectives)
        summary = f"<p>{escape(module.summary)}</p><ul>{items}</ul>"
        return [{"title": "", "body": Markup(summary)}]  # noqa: S704 - escaped above
    bodies: list[dict[str, str | Markup]] = []
    for section in sections:
        try:
            html = _markdown(View.PARTICIPANT).convert(
                section.markdown, image_base=module.path.parent.parent
            )
        except MarkupTooComplex as exc:
            html = refused_html(_MODULE_REFUSED, [f"{module.path}:{section.line}: {exc}"])
        bodies.append({"title": section.title, "body": Markup(html)})  # noqa: S704 - our renderer escapes raw HTML
    return bodies


def _term_inline(term: Term) -> str:
    """A term's definition as one line of HTML (or a box saying why it cannot be shown)."""
    problems = markup_problems(term.definition, term.path, term.line)
    if problems:
        return refused_html("This definition cannot be shown", _reasons(problems))
    return _inline_or_refused(term.definition, f"{term.path}:{term.line}")


def render_glossary(library: Library, style: Style | None = None) -> str:
    style = style or Style()
    entries = []
    for term in library.sorted_terms():
        links = [
            _LINK.format("glossary", other, library.terms[other].term)
            for other in term.see_also
            if other in library.terms
        ]
        if term.module in library.modules:
            module = library.modules[term.module]
            links.append(_LINK.format("module", module.id, module.title) + " (module)")
        entries.append(
            {
                "term": term,
                "definition": Markup(_definition_html(term)),  # noqa: S704
                "see_also": Markup(", ").join(links),
            }
        )
    template = _environment().get_template("templates/glossary.html.j2")
    return template.render(entries=entries, css=Markup(style.css()))  # noqa: S704


def _definition_html(term: Term) -> str:
    where = f"{term.path}:{term.line}"
    problems = markup_problems(term.definition, term.path, term.line)
    if problems:
        return refused_html("This definition cannot be shown", _reasons(problems))
    try:
        # The glossary sits at the top of its content folder: pictures come from there.
        return _markdown(View.FACILITATOR).convert(term.definition, image_base=term.path.parent)
    except MarkupTooComplex as exc:
        return refused_html("This definition cannot be shown", [f"{where}: {exc}"])


def term_render_problems(term: Term) -> list[Problem]:
    """What stops a glossary definition from rendering, and what the renderer refused
    in it (pictures, attributes), at the term's line."""
    problems = markup_problems(term.definition, term.path, term.line)
    if problems:
        return problems
    renderer = _markdown(View.FACILITATOR)
    try:
        renderer.convert(term.definition, image_base=term.path.parent)
    except MarkupTooComplex as exc:
        return [error(term.path, term.line, f"term '{term.id}': {exc}")]
    return [
        Problem(term.path, term.line, notice.severity, f"term '{term.id}': {notice.message}")
        for notice in dict.fromkeys(renderer.notices)
    ]


def render_welcome(library: Library, style: Style | None = None) -> str:
    style = style or Style()
    template = _environment().get_template("templates/welcome.html.j2")
    return template.render(
        css=Markup(style.css()),  # noqa: S704
        module_count=len(library.modules),
        part_count=len(library.parts()),
        total_minutes=sum(m.minutes for m in library.modules.values()),
        problem_count=sum(problem.severity != "info" for problem in library.problems),
    )


def _blocks_of(text: str, kinds: frozenset[str]) -> list[str]:
    """The top-level ``/// kind`` … ``///`` blocks of the given kinds, as Markdown."""
    open_block = re.compile(r"^///\s*([A-Za-z][\w-]*)")
    found: list[str] = []
    current: list[str] | None = None
    depth = 0
    for line in text.splitlines():
        stripped = line.strip()
        if stripped == "///":
            depth = max(0, depth - 1)
            if current is not None:
                current.append(line)
                if depth == 0:
                    found.append("\n".join(current))
                    current = None
            continue
        match = open_block.match(stripped)
        if match:
            if depth == 0 and match.group(1) in kinds:
                current = []
            depth += 1
        if current is not None:
            current.append(line)
    return found


def slide_notes_html(module: Module, index: int) -> str:
    """What the facilitator sees of a slide and the room does not: notes, activity, handout, example.

    For the presenter console; empty when the slide has none of these.
    """
    hidden = HIDDEN_BLOCKS[View.PROJECTOR] - HIDDEN_BLOCKS[View.FACILITATOR]
    blocks = _blocks_of(module.slides[index].text, hidden)
    if not blocks:
        return ""
    slide = module.slides[index]
    try:
        return _markdown(View.FACILITATOR).convert(
            "\n\n".join(blocks), image_base=module.path.parent.parent
        )
    except MarkupTooComplex as exc:
        return refused_html(_SLIDE_REFUSED, [f"{module.path}:{slide.line}: {exc}"])
