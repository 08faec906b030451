from pathlib import Path

from teachin.workshop.library import load_library
from teachin.workshop.search import SearchIndex, plain_text

GOOD = Path(__file__).resolve().parents[1] / "data" / "good"


def test_search_finds_the_slide_that_holds_every_word():
    hits = SearchIndex(load_library([GOOD])).search("SIGNATURE petition")
    assert [(h.href, h.slide, h.where, h.match) for h in hits] == [
        ("module:sample", 1, "Second slide", "signature")
    ]


def test_search_finds_glossary_terms_and_ignores_empty_queries():
    index = SearchIndex(load_library([GOOD]))
    assert [h.href for h in index.search("never involved")] == ["glossary:organizing"]
    assert index.search("   ") == []


def test_plain_text_keeps_link_text_and_drops_markup():
    assert plain_text("## Title\n\nSee the [base](glossary:base), **now**.\n/// notes\n") == "Title See the base, now."
