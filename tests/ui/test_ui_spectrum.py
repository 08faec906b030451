"""The spectrum of allies (``/// spectrum``) drawn in the reader and on the projector."""

from __future__ import annotations

from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from teachin.locations import builtin_content_dir
from teachin.ui.main_window import MainWindow
from teachin.ui.present.slide_view import SlideView
from teachin.ui.staircase_image import SPECTRUM_URL
from teachin.workshop.library import load_library
from teachin.workshop.render import slide_html
from teachin.workshop.spectrum_svg import SPECTRUM_IMAGE, drawn_height

MODULE = "power-mapping"


def _spectrum_slide(module) -> int:
    return next(i for i, slide in enumerate(module.slides) if "spectrum" in slide.block_kinds())


def test_the_reader_draws_the_spectrum_in_the_theme(qtbot: QtBot, make_window) -> None:
    window: MainWindow = make_window(base=[builtin_content_dir()])
    window.open_href(f"module:{MODULE}")
    image = window.reader.document().resource(
        QTextDocument.ResourceType.ImageResource, SPECTRUM_URL
    )
    assert isinstance(image, QImage) and not image.isNull()
    width = image.width() / image.devicePixelRatio()
    assert 300 <= width <= window.reader.viewport().width()
    assert abs(image.height() / image.devicePixelRatio() - drawn_height(round(width))) <= 1
    # Drawn, not blank: lines cross the middle row of the picture.
    row = image.height() // 2
    colours = {image.pixelColor(x, row).name() for x in range(0, image.width(), 3)}
    assert len(colours) > 1


def test_the_projector_shows_the_spectrum_and_text_the_back_row_can_read(qtbot: QtBot) -> None:
    library = load_library([builtin_content_dir()])
    module = library.modules[MODULE]
    slide = SlideView("Slide", "The slide")
    qtbot.addWidget(slide)
    slide.resize(1920, 1080)
    slide.show()
    body = slide_html(module, _spectrum_slide(module))
    assert SPECTRUM_IMAGE in body
    slide.show_slide(body, staircase=library.staircase)
    assert slide.used_height() <= slide.viewport().height() + 1
    assert slide.body_pixel_size >= 28  # the back row's floor
    image = slide.loadResource(QTextDocument.ResourceType.ImageResource.value, SPECTRUM_URL)
    assert isinstance(image, QImage) and not image.isNull()
    height = image.height() / image.devicePixelRatio()
    assert 0.3 * slide.viewport().height() <= height <= 0.66 * slide.viewport().height() + 1
