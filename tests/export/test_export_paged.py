"""The paged engine: paper from the locale, links on paper, page breaks, headers and footers."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from pypdf import PdfReader
from tests.export.pdf_helpers import page_texts, squash

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.mark.parametrize(
    ("name", "paper"),
    [
        ("en_CA.UTF-8", "letter"),
        ("fr_CA.UTF-8", "letter"),
        ("en_US", "letter"),
        ("es-US", "letter"),
        ("en_GB.UTF-8", "a4"),
        ("de_DE@euro", "a4"),
        ("fr_FR", "a4"),
        ("C", "a4"),
        ("", "a4"),
    ],
)
def test_paper_follows_the_locale_territory(name, paper):
    from teachin.export.paged import default_paper

    assert default_paper(name).value == paper


def test_the_locale_comes_from_lc_all_then_lc_paper_then_lang():
    from teachin.export.paged import user_locale_name

    assert user_locale_name({"LANG": "de_DE.UTF-8", "LC_PAPER": "en_CA.UTF-8"}) == "en_CA.UTF-8"
    assert (
        user_locale_name({"LANG": "de_DE.UTF-8", "LC_ALL": "en_US.UTF-8", "LC_PAPER": "x"})
        == "en_US.UTF-8"
    )
    assert user_locale_name({"LANG": "fr_FR.UTF-8"}) == "fr_FR.UTF-8"


def test_links_print_as_readable_text():
    from teachin.export.paged import printable_links

    html = (
        '<p>See <a class="xref module" href="module:second">the second module</a>, '
        'the <a class="xref glossary" href="glossary:base">base</a>, '
        '<a href="https://example.org/a?b=1&amp;c=2">the source</a>, '
        '<a href="https://example.org/">https://example.org</a> and '
        '<a name="slide-1"></a>a note<sup><a class="footnote-ref" href="#fn:1">1</a></sup>.</p>'
    )
    printed = printable_links(html)
    assert "module:" not in printed and "glossary:" not in printed and "#fn:1" not in printed
    assert "the second module" in printed and "the base" in printed
    assert 'the source <span class="url">(https://example.org/a?b=1&amp;c=2)</span>' in printed
    assert printed.count("example.org") == 2  # the bare address is not repeated
    assert '<a name="slide-1"></a>' in printed
    assert "<sup>1</sup>" in printed


def _filler(count: int) -> str:
    return "".join(
        f"<p>Line {i} of the filler text that takes up room on the page.</p>" for i in range(count)
    )


@pytest.mark.parametrize("filler", range(30, 52, 2))
def test_a_heading_never_ends_a_page(filler):
    from teachin.export.paged import PagedDocument, Paper

    html = (
        _filler(filler)
        + "<h2>The heading</h2><p>The text it introduces, two lines long at least "
        + ("because it goes on and on " * 12)
        + "</p>"
        + _filler(10)
    )
    paged = PagedDocument(html, title="Test", paper=Paper.LETTER).sections[0]
    block = paged.document.begin()
    while block.isValid() and block.text() != "The heading":
        block = block.next()
    following = block.next()
    lines = paged._line_tops(following)
    assert paged.block_page(block) == paged.page_of_line(*lines[0]) == paged.page_of_line(*lines[1])


@pytest.mark.parametrize("filler", range(34, 50, 3))
def test_a_short_box_is_not_cut_in_two(filler):
    from teachin.export.paged import PagedDocument, Paper

    box = (
        '<table class="block notes" width="100%" cellpadding="12"><tr><td>'
        "<p>Facilitator notes</p>"
        + "".join(f"<p>Note {i}</p>" for i in range(8))
        + "</td></tr></table>"
    )
    paged = PagedDocument(
        _filler(filler) + box + _filler(5), title="Test", paper=Paper.A4
    ).sections[0]
    block = paged.document.begin()
    while block.isValid() and block.text() != "Facilitator notes":
        block = block.next()
    last = block
    while last.isValid() and last.text() != "Note 7":
        last = last.next()
    assert paged.block_page(block) == paged.block_page(last)


def test_every_page_but_the_cover_has_header_and_footer(tmp_path):
    from teachin.export.paged import PagedDocument, Paper, write_pdf

    paged = PagedDocument(
        "<h1>Cover</h1>"
        + _filler(5)
        + '<h1 style="page-break-before: always">Part one</h1>'
        + _filler(120),
        title="A test document",
        author="Someone",
        paper=Paper.A4,
        cover=True,
    )
    path = tmp_path / "doc.pdf"
    write_pdf(paged, path)
    texts = page_texts(path)
    assert len(texts) == paged.page_count >= 3
    assert (
        "of" not in re.findall(r"page\s+\d+\s+(of)", texts[0]) and "A test document" not in texts[0]
    )
    for number, text in enumerate(texts[1:], start=2):
        assert squash(f"page {number} of {len(texts)}") in squash(text)
        assert squash("A test document") in squash(text)
        assert squash("Part one") in squash(text)  # the running section title
    reader = PdfReader(path)
    assert reader.metadata.title == "A test document"
    assert reader.metadata.author == "Someone"
    assert reader.metadata.creator == "teachin"
    assert (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)) == (
        595,
        842,
    )


def test_fonts_are_embedded(tmp_path):
    from teachin.export.paged import PagedDocument, Paper, write_pdf

    path = tmp_path / "doc.pdf"
    write_pdf(
        PagedDocument(
            "<p>Some <b>bold</b> and <i>italic</i> text.</p>", title="T", paper=Paper.LETTER
        ),
        path,
    )
    fonts = []
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts.append(
                any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            )
    assert fonts and all(fonts)


def test_the_staircase_prints_as_vector_graphics(tmp_path):
    from teachin.export.paged import PagedDocument, Paper, write_pdf

    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540">'
        '<rect x="10" y="10" width="900" height="50" fill="#ddd"/>'
        '<text x="20" y="40" font-size="30">Petition step</text></svg>'
    )
    paged = PagedDocument(
        '<p>Before</p><p class="staircase"><img src="teachin:staircase" alt="x" /></p><p>After</p>',
        title="T",
        paper=Paper.A4,
        staircase_svg=svg,
    )
    path = tmp_path / "stairs.pdf"
    write_pdf(paged, path)
    page = PdfReader(path).pages[0]
    assert not page.images  # no bitmap: drawn as paths and text
    assert "Petitionstep" in squash(page.extract_text())
    image = paged.page_image(0, dpi=30)
    assert (image.width(), image.height()) == (round(8.27 * 30), round(11.69 * 30))


def test_export_imports_no_widgets():
    code = (
        "import sys, teachin.export.paged, teachin.export.documents, teachin.export.commands\n"
        "print([m for m in sys.modules if m.startswith('PySide6.QtWidgets')])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_no_blank_page_when_only_the_bottom_margin_spills_over(tmp_path):
    # Qt counts a page for the root frame's bottom margin alone when the text ends just
    # above the page's foot: that page printed blank at the end of a take-home. The
    # space above the last line grows a pixel at a time until Qt counts a second page.
    from teachin.export.documents import print_css
    from teachin.export.paged import PagedDocument, Paper, write_pdf

    css = print_css()  # as a printed part is styled and wrapped

    def document(count: int, space: int) -> PagedDocument:
        lines = "".join(f"<p>Line {number} of the text.</p>" for number in range(count))
        last = f'<p style="margin-top: {space}px">The last line.</p>'
        html = (
            f"<html><head><style>{css}</style></head><body><div>{lines}{last}</div></body></html>"
        )
        return PagedDocument(html, title="Test", paper=Paper.A4)

    count = next(n for n in range(20, 120, 4) if document(n, 0).page_count > 1) - 4
    spilled = None
    for space in range(0, 120):
        paged = document(count, space)
        if paged.sections[0].document.pageCount() > 1:
            spilled = paged
            break
    assert spilled is not None
    assert spilled.page_count == 1  # the last line is on the first page
    path = tmp_path / "spilled.pdf"
    write_pdf(spilled, path)
    texts = page_texts(path)
    assert len(texts) == spilled.page_count
    assert "Thelastline." in squash(texts[-1])  # the last page printed has text on it
