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
    assert (
        plain_text("## Title\n\nSee the [base](glossary:base), **now**.\n/// notes\n")
        == "Title See the base, now."
    )


def test_a_phrase_found_whole_comes_first_and_is_marked_whole():
    from teachin.locations import builtin_content_dir

    hits = SearchIndex(load_library([builtin_content_dir()])).search("picket  LINE")
    assert hits and hits[0].match.casefold() == "picket line"
    together = [h for h in hits if h.match.casefold() == "picket line"]
    assert hits[: len(together)] == together  # every whole-phrase hit before the others
    assert "picket line" in hits[0].snippet.casefold()


def test_snippets_show_whole_words_and_no_list_markers():
    text = (
        "- first point about the base\n- second point\n1. a numbered step\n"
        + " ".join(f"word{n}" for n in range(40))
        + " the picket line held "
        + " ".join(f"tail{n}" for n in range(40))
    )
    assert plain_text("- one\n- two\n1. three") == "one two three"
    assert plain_text("a - b, 3 - 2") == "a - b, 3 - 2"  # a dash inside a line stays

    class Entry:
        kind, target_id, title, where, slide = "module", "m", "M", "Overview", None

    entry = Entry()
    entry.text = plain_text(text)  # type: ignore[attr-defined]
    entry.folded = entry.text.casefold()  # type: ignore[attr-defined]
    hit = SearchIndex._hit(entry, "picket")  # type: ignore[arg-type]
    body = hit.snippet.strip("…")
    words = set(entry.text.split())  # type: ignore[attr-defined]
    assert body.split()[0] in words and body.split()[-1] in words
    assert "picket line held" in hit.snippet
    assert "- " not in plain_text(text)


def test_a_marked_snippet_escapes_and_marks_the_match():
    from teachin.workshop.search import Hit, marked_snippet

    hit = Hit("module", "m", "M", "w", 0, "…a <b> & the Picket line held…", "picket line")
    assert marked_snippet(hit) == (
        '…a &lt;b&gt; &amp; the <span class="match">Picket line</span> held…'
    )
    assert marked_snippet(Hit("module", "m", "M", "w", 0, "<x>", "")) == "&lt;x&gt;"
