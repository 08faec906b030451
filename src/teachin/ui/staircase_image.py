"""The staircase drawing as an image for a text document (reader, slides, player)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

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
    height = picture_height(width)
    image = QImage(
        round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(ratio)
    image.fill(QColor(theme.background))
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
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image
