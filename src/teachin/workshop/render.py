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

from markupsafe import Markup

from teachin.locations import PACKAGE_DIR
from teachin.workshop.library import Library
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


def module_body_html(module: Module, view: View) -> str:
    """The slides of a module as one HTML fragment, each headed by an anchor."""
    markers = []
    for slide in module.slides:
        markers.append(f"TEACHIN-SLIDE-{slide.index}-MARK")
        markers.append(slide.text)
    html = _markdown(view).convert("\n\n".join(markers), image_base=module.path.parent.parent)
    for slide in module.slides:
        anchor = SLIDE_ANCHOR.format(slide.index + 1)
        rule = '<hr class="slide-break" />' if slide.index else ""
        html = html.replace(
            f"<p>TEACHIN-SLIDE-{slide.index}-MARK</p>",
            f'{rule}<a name="{anchor}"></a><p class="slide-number">Slide {slide.index + 1} of {len(module.slides)}</p>',
        )
    return html


def slide_html(module: Module, index: int, view: View = View.PROJECTOR) -> str:
    """One slide's HTML fragment (for the projector and presenter console)."""
    slide = module.slides[index]
    return _markdown(view).convert(slide.text, image_base=module.path.parent.parent)


def render_module(module: Module, view: View = View.FACILITATOR, style: Style | None = None) -> str:
    style = style or Style()
    inline = _markdown(view).inline
    template = _environment().get_template("templates/module.html.j2")
    return template.render(
        module=module,
        body=Markup(module_body_html(module, view)),  # noqa: S704 - our Markdown renderer escapes raw HTML
        sources=[Markup(inline(source)) for source in module.sources],  # noqa: S704
        css=Markup(style.css()),  # noqa: S704 - our own stylesheet template
    )


def render_glossary(library: Library, style: Style | None = None) -> str:
    style = style or Style()
    markdown = _markdown(View.FACILITATOR)
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
                "definition": Markup(markdown.convert(term.definition)),  # noqa: S704
                "see_also": Markup(", ").join(links),
            }
        )
    template = _environment().get_template("templates/glossary.html.j2")
    return template.render(entries=entries, css=Markup(style.css()))  # noqa: S704


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
    return _markdown(View.FACILITATOR).convert(
        "\n\n".join(blocks), image_base=module.path.parent.parent
    )
