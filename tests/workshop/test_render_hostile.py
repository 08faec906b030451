"""Hostile Markdown from a content pack: it renders in bounded time and depth or is
refused with a placeholder and a `file:line` problem; pictures stay inside the pack;
attributes are limited to what the templates need."""

from pathlib import Path

import pytest
from tests.workshop.test_content_checks import library_with

from teachin.limits import MAX_FOOTNOTES, MAX_LINE_CHARS, MAX_MARKUP_NESTING
from teachin.workshop.check import check_library
from teachin.workshop.library import load_library
from teachin.workshop.markup import MarkdownRenderer
from teachin.workshop.markup_limits import MarkupTooComplex, markup_problems
from teachin.workshop.render import render_module, slide_html
from teachin.workshop.views import View

GOOD = Path(__file__).resolve().parents[1] / "data" / "good"
PLACEHOLDER = "This module is too large or complex to show"


def pack_with(tmp_path: Path, slide: str):
    """The good pack whose second module gains one slide; (library, module path)."""
    return library_with(tmp_path, slide)


def line_of(path: Path, fragment: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if fragment in line)


def problems_in(library, name="second.md"):
    return [(p.line, p.severity, p.message) for p in check_library(library) if p.path.name == name]


# Small Markdown that used to hang or overflow the stack


def test_many_unclosed_links_are_refused_and_reported_not_hung(tmp_path):
    library, _ = pack_with(tmp_path, "[a](" * 20_000 + "\n")
    module = library.modules["second"]
    assert PLACEHOLDER in render_module(module)
    assert any("too long to show" in message for _, _, message in problems_in(library))


def test_unclosed_links_within_the_limits_stop_at_the_scan_budget():
    text = "\n\n".join(["[a](" * 1_400] * 2)  # 2,800 marks: under the limit of 3,000
    assert markup_problems(text, Path("m.md")) == []
    with pytest.raises(MarkupTooComplex, match="unclosed brackets"):
        MarkdownRenderer().convert(text)


def test_ordinary_links_and_code_spans_still_work():
    html = MarkdownRenderer().convert(
        "See [the staircase](module:militancy) and [docs](https://example.org/a_(b)) "
        "with `code` and ``a ` tick``."
    )
    assert '<a class="xref module" href="module:militancy">the staircase</a>' in html
    assert 'href="https://example.org/a_(b)"' in html
    assert "<code>code</code>" in html and "<code>a ` tick</code>" in html


def test_a_glossary_of_500_terms_without_blank_lines_is_one_flat_list():
    text = "\n".join(f"Term {i}\n:   What term {i} means." for i in range(500))
    html = MarkdownRenderer().convert(text)
    assert html.count("<dl>") == 1
    assert html.count("<dt>") == 500 and html.count("<dd>") == 500
    assert "<dt>Term 499</dt>\n<dd>What term 499 means.</dd>" in html


def test_definition_list_with_continuation_and_two_definitions():
    html = MarkdownRenderer().convert("Apple\n: a fruit\n: a company\nPear\n: another fruit")
    assert html.count("<dl>") == 1
    assert "<dd>a fruit</dd>\n<dd>a company</dd>\n<dt>Pear</dt>" in html


def test_deeply_nested_emphasis_is_refused_not_a_recursion_error():
    with pytest.raises(MarkupTooComplex, match="nested too deeply"):
        MarkdownRenderer().convert("*a " * 1_000 + "x" + " a*" * 1_000)


def test_a_thousand_level_list_is_reported_at_its_line(tmp_path):
    deep = "\n".join("  " * i + "- x" for i in range(40))
    library, path = pack_with(tmp_path, deep + "\n")
    first_too_deep = line_of(path, "  " * 2 * (MAX_MARKUP_NESTING) + "- x")
    assert (first_too_deep, "error") in [(line, sev) for line, sev, _ in problems_in(library)]
    assert PLACEHOLDER in render_module(library.modules["second"], View.PARTICIPANT)
    assert "This slide cannot be shown" in slide_html(library.modules["second"], 0)


def test_long_lines_and_too_many_footnotes_name_their_lines():
    footnotes = "\n\n".join(f"x[^{i}]\n\n[^{i}]: note {i}" for i in range(MAX_FOOTNOTES + 1))
    text = "intro\n\n" + "y" * (MAX_LINE_CHARS + 1) + "\n\n" + footnotes
    found = {p.message.split(" (")[0]: p.line for p in markup_problems(text, Path("m.md"), 10)}
    assert found["this line is too long to show"] == 12
    last_definition = 10 + text.split("\n").index(f"[^{MAX_FOOTNOTES}]: note {MAX_FOOTNOTES}")
    assert found["too many footnotes"] == last_definition


def test_the_rest_of_the_pack_still_renders(tmp_path):
    library, _ = pack_with(tmp_path, "*a " * 1_000 + "x\n")
    assert "Ask the room what they think." in render_module(library.modules["sample"])


# Pictures


def test_pictures_from_outside_the_pack_are_refused_and_reported(tmp_path):
    (tmp_path / "secret.png").write_bytes(b"\x89PNG")
    library, path = pack_with(
        tmp_path,
        "![up](../secret.png)\n\n![abs](/etc/hosts)\n\n![unc](\\\\\\\\host\\\\share\\\\x.png)\n\n"
        "![drive](C:/x.png)\n\n![web](https://example.org/x.png)\n\n![file](file:///etc/hosts)\n",
    )
    html = render_module(library.modules["second"])
    assert "secret.png" not in html and "/etc/hosts" not in html and "host" not in html
    assert "[up]" in html and "[abs]" in html
    found = problems_in(library)
    for fragment in ("../secret.png", "/etc/hosts", "host", "C:/x.png", "example.org", "file:"):
        line = line_of(path, fragment)
        assert any(number == line and "picture" in message for number, _, message in found), (
            fragment,
            found,
        )


def test_a_link_inside_the_pack_that_leads_out_is_refused(tmp_path):
    (tmp_path / "secret.png").write_bytes(b"\x89PNG")
    library, path = pack_with(tmp_path, "![sneaky](images/out.png)\n")
    (path.parent.parent / "images").mkdir()
    (path.parent.parent / "images" / "out.png").symlink_to(tmp_path / "secret.png")
    assert "secret.png" not in render_module(library.modules["second"])
    assert any("leads outside" in message for _, _, message in problems_in(library))


def test_a_picture_inside_the_pack_loads_from_it(tmp_path):
    library, path = pack_with(tmp_path, "![banner](images/banner.png)\n")
    (path.parent.parent / "images").mkdir()
    (path.parent.parent / "images" / "banner.png").write_bytes(b"\x89PNG")
    html = render_module(library.modules["second"])
    expected = (path.parent.parent / "images" / "banner.png").resolve().as_uri()
    assert f'src="{expected}"' in html
    assert problems_in(library) == []


def test_glossary_definitions_follow_the_same_rules(tmp_path):
    library, path = pack_with(tmp_path, "Text.\n")
    glossary = path.parent.parent / "glossary.toml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8")
        + '\n[[term]]\nid = "bad"\nterm = "Bad"\n'
        + 'definition = "![s](../secret.png)\\n{: style=\\"display:none\\" }"\n',
        encoding="utf-8",
    )
    library = load_library([path.parent.parent])
    line = line_of(glossary, 'id = "bad"')
    found = problems_in(library, "glossary.toml")
    assert (line, "error") in [(number, severity) for number, severity, _ in found]
    assert any("'style'" in message for number, _, message in found if number == line)


# Attributes and raw HTML


def test_only_allowed_classes_and_ids_are_set_the_rest_is_reported(tmp_path):
    library, path = pack_with(
        tmp_path,
        "Lead paragraph\n{: .lead #intro }\n\n"
        'Hidden\n{: style="display:none" onclick="alert(1)" .notes #slide-1 }\n',
    )
    html = render_module(library.modules["second"])
    assert '<p class="lead" id="intro">Lead paragraph</p>' in html
    assert "<p>Hidden</p>" in html
    assert "display:none" not in html and "onclick" not in html
    line = line_of(path, "display:none")
    messages = [message for number, _, message in problems_in(library) if number == line]
    assert len(messages) == 4, messages
    assert any("'style'" in m for m in messages) and any("'onclick'" in m for m in messages)
    assert any("class 'notes'" in m for m in messages) and any("'slide-1'" in m for m in messages)


def test_raw_html_and_block_options_cannot_restyle_notes():
    html = MarkdownRenderer().convert(
        '<style>td.notes { display: none }</style>\n\n<div style="color:white">x</div>\n\n'
        '/// notes\n    attrs: {style: "display:none", class: hidden}\n\nSecret note.\n///\n'
    )
    assert "<style>" not in html and "<div style" not in html
    assert '<td class="notes">' in html and "Secret note." in html
    assert "display:none" not in html and "hidden" not in html


# Code blocks and the blocks lessons need


def test_fenced_code_renders_as_one_preformatted_block():
    html = MarkdownRenderer().convert(
        "Before\n\n```python\ndef f(x):\n\n    return x < 1\n```\n\nAfter"
    )
    assert '<pre class="code"><code>def f(x):\n\n    return x &lt; 1</code></pre>' in html
    assert html.count("<pre") == 1
    assert "python" not in html and "```" not in html


def test_code_fence_attributes_are_dropped():
    renderer = MarkdownRenderer()
    html = renderer.convert('```{.python #x style="color:red"}\na = 1\n```')
    assert '<pre class="code"><code>a = 1</code></pre>' in html
    assert "style" not in html and 'id="x"' not in html
    assert renderer.notices


def test_lesson_blocks_render_and_a_solution_shows_only_to_the_facilitator(tmp_path):
    library, _ = pack_with(
        tmp_path,
        "/// prerequisite\nPython installed.\n///\n\n/// callout\nMind the gap.\n///\n\n"
        "/// activity | Loops\nWrite a loop.\n\n/// solution\n```\nfor x in y: pass\n```\n///\n///\n\n"
        "/// questions\nWhy?\n\n/// solution\nBecause.\n///\n///\n",
    )
    module = library.modules["second"]
    facilitator = render_module(module, View.FACILITATOR)
    assert "Before you start" in facilitator and "Python installed." in facilitator
    assert "Note" in facilitator and "Mind the gap." in facilitator
    assert facilitator.count('class="block solution"') == 2
    participant = render_module(module, View.PARTICIPANT)
    assert "Mind the gap." in participant and "Because." not in participant
    slide = slide_html(module, len(module.slides) - 1, View.PROJECTOR)
    assert "Why?" in slide and "Because." not in slide
    assert problems_in(library) == []
