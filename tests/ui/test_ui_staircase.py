"""The staircase: an SVG from staircase.toml, drawn in the reader."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot
from tests.qt_waits import PaintWatch, settle

from teachin.locations import builtin_content_dir
from teachin.ui.main_window import MainWindow
from teachin.ui.reader_view import STAIRCASE_URL
from teachin.workshop.staircase import (
    Staircase,
    StaircaseMarks,
    Step,
    load_staircase,
    staircase_marks,
)
from teachin.workshop.staircase_svg import staircase_svg
from teachin.workshop.themes import LIGHT

GOOD = Path(__file__).parent.parent / "data" / "good"
SVG = "{http://www.w3.org/2000/svg}"


def labels(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(text.itertext()) for text in root.iter(f"{SVG}text")]


def test_svg_has_every_step_bottom_to_top() -> None:
    staircase, problems = load_staircase(GOOD / "staircase.toml")
    assert staircase is not None and not problems
    found = labels(staircase_svg(staircase, LIGHT))
    assert len(found) == len(staircase.steps)
    assert found[0].endswith(staircase.steps[0].label)
    assert found[0].startswith("1")


def test_svg_escapes_labels_and_reveals_and_marks_the_current_step() -> None:
    steps = tuple(Step(id=f"s{i}", label=f"Step <{i}> & co") for i in range(4))
    svg = staircase_svg(Staircase("T & t", "", steps), LIGHT, revealed=2, current=1)
    assert labels(svg) == ["1  Step <0> & co", "2  Step <1> & co"]  # parsed: it was escaped
    root = ET.fromstring(svg)
    dashed = [r for r in root.iter(f"{SVG}rect") if r.get("stroke-dasharray")]
    assert len(dashed) == 2  # the two hidden steps
    assert [r for r in root.iter(f"{SVG}rect") if r.get("stroke-width") == "6"]  # thick outline
    assert list(root.iter(f"{SVG}polygon"))  # and an arrow: not colour alone


def test_svg_ticks_the_steps_a_group_climbed() -> None:
    steps = tuple(Step(id=f"s{i}", label=f"Step {i}") for i in range(4))
    svg = staircase_svg(Staircase("T", "", steps), LIGHT, current=2, climbed=2)
    assert labels(svg) == ["1✓  Step 0", "2✓  Step 1", "3  Step 2", "4  Step 3"]


def test_a_picture_address_carries_its_marks_and_refuses_odd_values() -> None:
    marks = StaircaseMarks(current=6, climbed=3, share=0.46)
    assert staircase_marks(marks.address()) == marks
    assert StaircaseMarks().address() == "teachin:staircase"
    assert staircase_marks("teachin:staircase") == StaircaseMarks()
    assert staircase_marks("teachin:other?current=1") is None
    odd = staircase_marks("teachin:staircase?current=-4&climbed=x&share=9&current=1e400")
    assert odd == StaircaseMarks()  # from a content file: out of range means no mark


def test_reader_draws_the_staircase_sized_to_the_view(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.library_panel, Qt.Key.Key_Return)
    image = window.reader.document().resource(
        QTextDocument.ResourceType.ImageResource, STAIRCASE_URL
    )
    assert isinstance(image, QImage) and not image.isNull()
    logical_width = image.width() / image.devicePixelRatio()
    assert 300 <= logical_width <= window.reader.viewport().width()
    # Drawn, not blank: the picture has more than the background colour in it.
    colours = {image.pixelColor(x, image.height() - 10).name() for x in range(0, image.width(), 7)}
    assert len(colours) > 1


def staircase_format_width(document: QTextDocument) -> float:
    cursor = document.find("\ufffc")
    while not cursor.isNull():
        char_format = cursor.charFormat()
        if (
            char_format.isImageFormat()
            and char_format.toImageFormat().name() == STAIRCASE_URL.toString()
        ):
            return char_format.toImageFormat().width()
        cursor = document.find("\ufffc", cursor)
    raise AssertionError("no staircase on the page")


def test_staircase_is_drawn_when_first_painted_not_before(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(base=[builtin_content_dir()])
    watch = PaintWatch(window.reader.viewport())
    window.open_href("module:militancy-and-escalation")
    qtbot.waitUntil(lambda: watch.paints > 0)
    # The page is laid out with the picture's place kept, but the picture (an SVG
    # render) waits until the reader scrolls to it.
    assert window.reader._image is None
    assert staircase_format_width(window.reader.document()) >= 320
    window.open_href("module:militancy-and-escalation#slide-3")
    qtbot.waitUntil(lambda: window.reader._image is not None)


def test_staircase_follows_the_reader_width(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1400, 800)
    qtbot.keyClick(window.library_panel, Qt.Key.Key_Return)
    wide = staircase_format_width(window.reader.document())
    window.resize(900, 700)
    qtbot.waitUntil(lambda: staircase_format_width(window.reader.document()) < wide)
    narrow = staircase_format_width(window.reader.document())
    assert narrow <= window.reader.viewport().width()
    image = window.reader.document().resource(
        QTextDocument.ResourceType.ImageResource, STAIRCASE_URL
    )
    assert round(image.width() / image.devicePixelRatio()) == round(narrow)


def test_no_horizontal_scroll_bar_for_a_page_that_fits(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    # Qt's table layout can round a table one pixel past the page: that pixel must
    # not bring up a scroll bar (the module has data tables and boxed notes).
    window = make_window(base=[builtin_content_dir()])
    window.open_href("module:militancy-and-escalation")
    for width in range(900, 1000, 9):
        window.resize(width, 700)
        # The staircase is laid out again at the new width a moment after a resize.
        qtbot.waitUntil(lambda: not window.reader._resize_timer.isActive())
        settle(qtbot)
        assert not window.reader.horizontalScrollBar().isVisible(), width
