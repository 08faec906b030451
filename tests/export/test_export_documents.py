"""Handout, facilitator guide and worksheet, checked through the text of the PDFs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.export.pdf_helpers import page_texts, squash, words

from teachin.locations import builtin_content_dir
from teachin.workshop.library import load_library

pytestmark = pytest.mark.usefixtures("qapp")

MM_TO_PT = 72 / 25.4


@pytest.fixture(scope="module")
def good_library():
    return load_library([Path(__file__).parent.parent / "data" / "good"])


@pytest.fixture(scope="module")
def builtin_library():
    library = load_library([builtin_content_dir()])
    if len(library.modules) < 2:
        pytest.skip("the built-in content has fewer than two modules")
    return library


@pytest.fixture(scope="module")
def builtin_guide(builtin_library, qapp, tmp_path_factory):
    from teachin.export.documents import export_pdf, guide
    from teachin.export.paged import Paper

    path = tmp_path_factory.mktemp("guide") / "guide.pdf"
    paged = export_pdf(guide(builtin_library), path, Paper.LETTER)
    return path, paged, page_texts(path)


def _meta_line(module) -> str:
    return squash(f"{module.part} · {module.minutes} minutes · {len(module.slides)} slide")


def test_guide_cover_contents_and_footers(builtin_guide, builtin_library):
    path, paged, texts = builtin_guide
    assert len(texts) == paged.page_count
    cover = squash(texts[0])
    assert "FACILITATORGUIDE" in cover.upper() and "pageof" not in cover
    contents = squash(texts[1])
    assert "Contents" in contents
    for number, text in enumerate(texts[1:], start=2):
        assert squash(f"page {number} of {len(texts)}") in squash(text), f"page {number}"
        assert squash("Facilitator guide") in squash(text)
    metadata = PdfReader(path).metadata
    assert metadata.title.startswith("Facilitator guide")
    assert metadata.author and metadata.creator == "teachin"


def test_guide_contents_page_numbers_are_where_modules_start(builtin_guide, builtin_library):
    _, _, texts = builtin_guide
    contents = re.sub(r"\s+", " ", texts[1])
    listed = []
    for module in builtin_library.ordered_modules():
        title = r"\s*".join(map(re.escape, module.title.split()))
        match = re.search(rf"{title} (\d+) (\d+)", contents)
        assert match, f"{module.title} is not in the contents"
        assert int(match.group(1)) == module.minutes
        page = int(match.group(2))
        listed.append(page)
        # The module's line "part · minutes · slides" opens the module: on that page.
        assert _meta_line(module) in squash(texts[page - 1]), f"{module.id} is not on page {page}"
        assert _meta_line(module) not in squash(texts[page - 2])
        assert squash(module.title) in squash(texts[page - 1])
    assert listed == sorted(listed)
    glossary = re.search(r"Glossary (\d+)", contents)
    assert glossary
    assert "Thekeywordsoftheworkshop" in squash(texts[int(glossary.group(1)) - 1])


def test_guide_has_every_module_with_notes_activities_and_glossary(builtin_guide, builtin_library):
    _, _, texts = builtin_guide
    everything = squash("".join(texts))
    for module in builtin_library.ordered_modules():
        assert squash(module.title) in everything
        assert squash(module.objectives[0])[:40] in everything
    assert "FACILITATORNOTES" in everything.upper()
    assert "ACTIVITY" in everything.upper()
    assert "DISCUSSIONQUESTIONS" in everything.upper()
    for term in builtin_library.sorted_terms()[:5]:
        assert squash(term.term) in everything


def test_no_text_lies_outside_the_page_or_its_margins(builtin_guide):
    from teachin.export.paged import Margins

    path, _, _ = builtin_guide
    margins = Margins()
    found = words(path)
    assert found
    outside = [
        word
        for word in found
        if word.x_min < margins.inner * MM_TO_PT - 1
        or word.x_max > word.page_width - margins.outer * MM_TO_PT + 1
        or word.y_min < 0
        or word.y_max > word.page_height
    ]
    assert outside == []


def test_handout_is_the_take_home_not_the_slides(good_library, tmp_path):
    from teachin.export.documents import export_pdf, handout
    from teachin.export.paged import Paper

    path = tmp_path / "handout.pdf"
    paged = export_pdf(handout(good_library, ["sample"]), path, Paper.A4)
    texts = page_texts(path)
    everything = squash("".join(texts))
    assert paged.title == "Handout: A sample module"
    assert "Asamplemodule" in everything
    assert "Takethishome." in everything  # the handout block
    assert "Whatwouldyoudo?" not in everything  # the room's questions stay on the slides
    assert "Talkaboutthe" not in everything  # and so does the slides' text
    assert "Slide1" not in everything
    assert "Asktheroom" not in everything  # facilitator notes stay out
    assert "(https://example.org/)" in everything  # the source's address, readable on paper
    for number, text in enumerate(texts, start=1):
        assert squash(f"page {number} of {len(texts)}") in squash(text)
    width = float(PdfReader(path).pages[0].mediabox.width)
    assert width == 595


def test_handout_of_several_modules_starts_each_on_a_new_page(good_library, tmp_path):
    from teachin.export.documents import export_pdf, handout
    from teachin.export.paged import Paper

    path = tmp_path / "handout.pdf"
    paged = export_pdf(handout(good_library, ["sample", "second"]), path, Paper.LETTER)
    pages = paged.anchor_pages()
    assert pages["module-sample"] == 1
    assert pages["module-second"] > pages["module-sample"]
    texts = page_texts(path)
    assert "Thesecondmodule" in squash(texts[pages["module-second"] - 1])


def test_handout_without_ids_covers_every_module(good_library):
    from teachin.export.documents import handout

    html = handout(good_library).html
    assert "A sample module" in html and "The second module" in html


def test_unknown_module_is_named(good_library):
    from teachin.export.documents import UnknownModuleError, handout

    with pytest.raises(UnknownModuleError, match="unknown module: nope"):
        handout(good_library, ["sample", "nope"])


def test_worksheet_is_a_blank_staircase_and_a_plan(good_library, tmp_path):
    from teachin.export.documents import export_pdf, worksheet
    from teachin.export.paged import Paper

    path = tmp_path / "worksheet.pdf"
    export_pdf(worksheet(good_library), path, Paper.LETTER)
    texts = page_texts(path)
    assert len(texts) == 2
    first, second = squash(texts[0]), squash(texts[1])
    assert "Worksheet" in first and "Ourissue" in first and "Whatwedemand" in first
    assert "Ourplan,stepbystep" in second and "Ouraction" in second
    for step in good_library.staircase.steps:
        assert squash(step.label) in second
        assert squash(step.label) not in first  # the staircase itself is blank
    assert not any(page.images for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def finished_run():
    from teachin.scenario.loader import load_scenarios
    from teachin.scenario.run import Run

    scenarios, _ = load_scenarios([builtin_content_dir()])
    if not scenarios:
        pytest.skip("no built-in scenarios")
    scenario = scenarios[sorted(scenarios)[0]]
    run = Run(scenario, 7)
    while not run.finished:
        options = run.options()
        run.choose(options[len(run.steps) % len(options)].id)
    return run


def test_debrief_tells_the_whole_run(finished_run, builtin_library, tmp_path):
    from teachin.export.documents import debrief, export_pdf
    from teachin.export.paged import Paper

    path = tmp_path / "debrief.pdf"
    paged = export_pdf(debrief(finished_run, builtin_library), path, Paper.A4)
    texts = page_texts(path)
    everything = squash("".join(texts))
    scenario = finished_run.scenario
    for heading in (
        scenario.title,
        "Outcome",
        "The path on the staircase",
        "The measures over time",
        "The choices and what they did",
        "Which strategy the run resembled",
        "Discussion questions",
    ):
        assert squash(heading).casefold() in everything.casefold(), heading
    assert squash(finished_run.ending.title) in everything
    for record in finished_run.steps:
        assert squash(f"Round {record.round}: {record.consequence.label}") in everything
    assert squash(scenario.questions[0]) in everything
    for measure in scenario.visible_measures:
        assert squash(measure.label) in everything  # each chart panel is named
    for number, text in enumerate(texts, start=1):
        assert squash(f"page {number} of {len(texts)}") in squash(text)
    assert not any(page.images for page in PdfReader(path).pages)  # charts are vector
    assert paged.unlaid_blocks() == []
    # The charts' heading, their caption and the first chart's name share one page.
    chart_page = next(i for i, text in enumerate(texts) if "measures over time" in text)
    caption = squash("Each chart shows one measure")
    first_chart = squash(scenario.visible_measures[0].label)
    assert caption in squash(texts[chart_page]) and first_chart in squash(texts[chart_page])


def test_debrief_from_a_run_file_on_the_command_line(finished_run, tmp_path):
    import argparse

    from teachin.export.commands import add_commands
    from teachin.runs.runfile import save_run

    run_file = tmp_path / "run.json"
    save_run(finished_run, run_file)
    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(), lambda: [builtin_content_dir()])
    out = tmp_path / "debrief.pdf"
    args = parser.parse_args(["export", "debrief", str(run_file), "-o", str(out)])
    assert args.func(args) == 0
    assert squash(finished_run.scenario.title) in squash(page_texts(out)[0])
    assert "Group:" not in page_texts(out)[0]  # a run without a name names no group
    # A group's name (from the player) is on the title and on every page's header.
    named = tmp_path / "named.json"
    data = json.loads(run_file.read_text(encoding="utf-8"))
    data["player"] = {"group": "Table 3"}
    named.write_text(json.dumps(data), encoding="utf-8")
    args = parser.parse_args(["export", "debrief", str(named), "-o", str(out)])
    assert args.func(args) == 0
    pages = page_texts(out)
    assert squash("Group: Table 3") in squash(pages[0])
    assert len(pages) > 1 and all(squash("Scenario debrief · Table 3") in squash(p) for p in pages)
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    args = parser.parse_args(["export", "debrief", str(bad), "-o", str(out)])
    assert args.func(args) == 2


def test_guide_has_no_stranded_heading_or_cut_short_box(builtin_guide):
    _, paged, _ = builtin_guide
    assert paged.layout_problems() == []


@pytest.mark.parametrize("kind", ["handout", "worksheet", "spectrum", "debrief", "agenda"])
def test_every_kind_keeps_its_text_inside_the_margins(
    kind, builtin_library, finished_run, tmp_path
):
    from teachin.export.documents import agenda, debrief, export_pdf, handout, worksheet
    from teachin.export.paged import Margins, Paper
    from teachin.export.spectrum import spectrum_worksheet
    from teachin.plan.fileformat import load_plans

    if kind == "handout":
        document = handout(builtin_library, [builtin_library.ordered_modules()[-1].id])
    elif kind == "worksheet":
        document = worksheet(builtin_library)
    elif kind == "spectrum":
        document = spectrum_worksheet()
    elif kind == "debrief":
        document = debrief(finished_run, builtin_library)
    else:
        plans, _ = load_plans([builtin_content_dir()])
        if not plans:
            pytest.skip("no built-in plans")
        document = agenda(plans[sorted(plans)[0]], builtin_library)
    path = tmp_path / f"{kind}.pdf"
    paged = export_pdf(document, path, Paper.A4)
    assert paged.layout_problems() == []
    margins = Margins()
    outside = [
        word
        for word in words(path)
        if word.x_min < margins.inner * MM_TO_PT - 1
        or word.x_max > word.page_width - margins.outer * MM_TO_PT + 1
        or word.y_min < 0
        or word.y_max > word.page_height
    ]
    assert outside == []


def test_choice_sheet_puts_a_scenario_on_paper(finished_run, builtin_library, tmp_path):
    from teachin.export.documents import choice_sheet, export_pdf
    from teachin.export.paged import Paper

    scenario = finished_run.scenario
    path = tmp_path / "choices.pdf"
    paged = export_pdf(choice_sheet(scenario, builtin_library), path, Paper.LETTER)
    assert paged.layout_problems() == []
    texts = page_texts(path)
    everything = squash("".join(texts))
    assert squash(scenario.title) in everything
    for number, tactic in enumerate(scenario.tactics, start=1):
        assert squash(f"{number}. {tactic.label}") in everything
    record = squash(texts[-1])
    assert "Recordsheet" in record
    for round_ in scenario.rounds:
        assert squash(round_.title) in record  # the whole record sheet on one page


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_staircase_prints_on_its_heading_page(builtin_library, tmp_path, paper):
    # In the guide the picture may fall near a page's foot: it is drawn a little
    # smaller rather than sent to the next page away from its slide's title.
    from teachin.export.documents import export_pdf, guide
    from teachin.export.paged import Paper

    path = tmp_path / "guide.pdf"
    paged = export_pdf(guide(builtin_library, ["militancy-and-escalation"]), path, Paper(paper))
    assert paged.layout_problems() == []
    pages = [squash(text) for text in page_texts(path)]
    heading = next(i for i, text in enumerate(pages) if "Theescalationstaircase" in text)
    assert "10Generalunlimitedstrike" in pages[heading]
    assert "1Populareducation" in pages[heading]


def test_a_long_chart_title_stays_inside_its_panel():
    # Nine panels, three to a row: "Structure test passed: weeks left" ran into the
    # next panel's title on the debrief's measures page.
    from teachin.export.charts import WIDTH, Series, measures_svg

    long = "Structure test passed: weeks left"
    svg = measures_svg([Series(long, [0, 1, 2])] + [Series("Support", [1, 2, 3])] * 8)
    found = re.findall(r'font-size="([\d.]+)" font-weight="bold" fill="#000000">([^<]*)<', svg)
    titles = [(float(size), text) for size, text in found if not text.isdigit()]
    size, text = titles[0]
    assert text == long or text.endswith("…")
    panel = WIDTH / 3
    assert size * 0.58 * len(text) <= panel - 20
    assert size >= 19  # still readable on paper
    assert titles[1] == (23, "Support")  # a short title keeps its size


@pytest.mark.parametrize("paper", ["LETTER", "A4"])
def test_the_blank_staircase_survives_a_photocopier(builtin_library, tmp_path, paper):
    # Solid black outlines and a number on every step, as tall as the first page
    # allows (it stays on the first page, under the four questions).
    from teachin.export.documents import WORKSHEET_STAIRS_HEIGHT, export_pdf, worksheet
    from teachin.export.paged import Paper

    document = worksheet(builtin_library)
    svg = document.staircase_svg or ""
    assert "stroke-dasharray" not in svg
    count = len(builtin_library.staircase.steps)
    assert svg.count('stroke="#000000" stroke-width="3"') == count
    assert f'height="{WORKSHEET_STAIRS_HEIGHT}"' in svg
    path = tmp_path / "worksheet.pdf"
    export_pdf(document, path, Paper[paper])
    texts = page_texts(path)
    assert len(texts) == 2
    first = texts[0].split()
    assert all(str(number) in first for number in range(1, count + 1))


@pytest.mark.parametrize("paper", ["LETTER", "A4"])
def test_the_spectrum_fills_the_width_of_its_first_page(tmp_path, paper):
    # The half circle is as wide as the text, on the first page with who decides,
    # so the wedges leave room to write groups in.
    from teachin.export.documents import export_pdf
    from teachin.export.paged import Margins, Paper
    from teachin.export.spectrum import spectrum_worksheet
    from teachin.workshop.spectrum_svg import WEDGES

    path = tmp_path / "spectrum.pdf"
    export_pdf(spectrum_worksheet(), path, Paper[paper])
    found = words(path)
    margins = Margins()
    # The arrows of "← Our side" and "The other side →", at the two ends of the flat side.
    left = next(word for word in found if word.page == 1 and "←" in word.text)
    right = next(word for word in found if word.page == 1 and "→" in word.text)
    text_width = left.page_width - (margins.inner + margins.outer) * MM_TO_PT
    assert right.x_max - left.x_min > 0.9 * text_width
    labels = {word.text for word in found if word.page == 1}
    assert {part for wedge in WEDGES for part in wedge.split()} <= labels


def test_the_guide_prints_the_spectrum_where_a_slide_asks_for_it(builtin_library, tmp_path):
    from teachin.export.documents import export_pdf, guide
    from teachin.export.paged import Paper

    path = tmp_path / "guide.pdf"
    export_pdf(guide(builtin_library, ["power-mapping"]), path, Paper.LETTER)
    text = squash("".join(page_texts(path)))
    assert "←Ourside" in text and "Theotherside→" in text  # only the picture says these
    assert not any(page.images for page in PdfReader(path).pages)  # drawn as vector lines


def test_the_power_mapping_take_home_draws_the_spectrum_within_two_pages(builtin_library, tmp_path):
    from teachin.export.documents import export_pdf, handout
    from teachin.export.paged import Paper

    for paper in (Paper.LETTER, Paper.A4):
        path = tmp_path / f"take-home-{paper.name}.pdf"
        paged = export_pdf(handout(builtin_library, ["power-mapping"]), path, paper)
        assert paged.page_count <= 2
        text = squash("".join(page_texts(path)))
        assert "←Ourside" in text and "Activeopposition" in text
