"""The staircase drawing, and the spectrum of allies, as images for a text document
(reader, slides, player)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from teachin.workshop.spectrum_svg import SPECTRUM_IMAGE, drawn_height, spectrum_svg
from teachin.workshop.staircase import (
    PICTURE_HEIGHT,
    PICTURE_WIDTH,
    STAIRCASE_IMAGE,
    Staircase,
    picture_height,
)
from teachin.workshop.staircase_svg import staircase_svg
from teachin.workshop.themes import Theme

STAIRCASE_URL = QUrl(STAIRCASE_IMAGE)
SPECTRUM_URL = QUrl(SPECTRUM_IMAGE)


def staircase_image(
    staircase: Staircase | None,
    theme: Theme,
    width: int,
    ratio: float = 1.0,
    revealed: int | None = None,
    current: int | None = None,
    climbed: int = 0,
) -> QImage:
    """``width`` logical pixels wide (16:9), drawn at ``ratio`` device pixels per pixel."""
    width = max(16, width)
    image = blank_image(width, picture_height(width), ratio, theme)
    if staircase is None:
        return image
    svg = staircase_svg(
        staircase,
        theme,
        revealed=revealed,
        current=current,
        climbed=climbed,
        width=PICTURE_WIDTH,
        height=PICTURE_HEIGHT,
    )
    return paint_svg(image, svg)


def paint_svg(image: QImage, svg: str) -> QImage:
    """Paints ``svg`` over the whole of ``image`` (antialiased) and returns it."""
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def spectrum_image(theme: Theme, width: int, ratio: float = 1.0) -> QImage:
    """The spectrum of allies ``width`` logical pixels wide, at ``ratio`` device pixels
    per pixel: empty wedges on the theme's background, outlined in its text colour."""
    width = max(16, width)
    image = blank_image(width, drawn_height(width), ratio, theme)
    return paint_svg(image, spectrum_svg(theme))


def blank_image(width: int, height: int, ratio: float, theme: Theme) -> QImage:
    """An image ``width`` by ``height`` logical pixels at ``ratio``, in the theme's background."""
    image = QImage(
        round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(ratio)
    image.fill(QColor(theme.background))
    return image
