"""Rendering: Markdown extensions, views hiding blocks, escaping, the sandbox."""

import re
from pathlib import Path

import pytest
from jinja2.sandbox import SandboxedEnvironment

from teachin.workshop.library import load_library
from teachin.workshop.markup import MarkdownRenderer
from teachin.workshop.render import Style, _environment, render_glossary, render_module, slide_html
from teachin.workshop.themes import DARK, HIGH_CONTRAST
from teachin.workshop.views import View

GOOD = Path(__file__).resolve().parents[1] / "data" / "good"


@pytest.fixture(scope="module")
def library():
    return load_library([GOOD])


def test_facilitator_view_shows_notes_and_activities(library):
    html = render_module(library.modules["sample"], View.FACILITATOR)
    assert "Facilitator notes" in html
    assert "Ask the room what they think." in html
    assert "Activity: Sort the cards" in render_module(library.modules["second"], View.FACILITATOR)


def test_participant_view_hides_notes_and_activities_but_keeps_handout(library):
    html = render_module(library.modules["sample"], View.PARTICIPANT)
    assert "Ask the room" not in html
    assert "Take this home." in html
    assert "Hand out cards." not in render_module(library.modules["second"], View.PARTICIPANT)


def test_projector_slide_shows_questions_not_handout(library):
    html = slide_html(library.modules["sample"], 1)
    assert "What would you do?" in html
    assert "Take this home." not in html
    assert 'src="teachin:staircase"' in html


def test_markdown_extensions_tables_footnotes_deflists():
    html = MarkdownRenderer().convert(
        "| a | b |\n|---|---|\n| 1 | 2 |\n\nx[^1]\n\n[^1]: note\n\nTerm\n:   def\n"
    )
    assert "<table>" in html and "<th>a</th>" in html
    assert 'class="footnote"' in html and "note" in html
    assert "<dt>Term</dt>" in html and "<dd>def</dd>" in html


def test_slides_are_anchored_for_jumping(library):
    html = render_module(library.modules["sample"])
    assert re.findall(r'<a name="(slide-\d)"></a>', html) == ["slide-1", "slide-2"]


def test_raw_html_and_unsafe_links_from_content_are_neutralised():
    html = MarkdownRenderer().convert(
        '<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick="x">b</b>'
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "javascript:" not in html
    assert "<b onclick" not in html


def test_remote_pictures_never_load():
    html = MarkdownRenderer().convert("![tracker](https://example.org/t.png)")
    assert "https://example.org" not in html
    assert "[tracker]" in html


def test_front_matter_values_are_escaped():
    module = load_library([GOOD]).modules["second"]
    module.summary = '<img src=x> & "quotes"'
    html = render_module(module)
    assert "&lt;img src=x&gt; &amp;" in html


def test_templates_run_in_the_sandbox():
    assert isinstance(_environment(), SandboxedEnvironment)
    assert _environment().autoescape is True


def test_themes_change_colours_and_zoom_changes_sizes(library):
    module = library.modules["sample"]
    light = render_module(module, style=Style())
    dark = render_module(module, style=Style(theme=DARK))
    contrast = render_module(module, style=Style(theme=HIGH_CONTRAST, zoom=2.0))
    assert "background-color: #ffffff" in light
    assert f"background-color: {DARK.background}" in dark
    assert "font-size: 24.0pt" in contrast and "font-size: 12.0pt" in light


def test_glossary_has_anchors_and_cross_links(library):
    html = render_glossary(library)
    assert '<a name="term-base"></a>' in html
    assert 'href="glossary:organizing">Organizing</a>' in html
    assert 'href="module:sample">A sample module</a> (module)' in html
