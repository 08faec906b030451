"""One slide, filling its widget: large text sized to the widget's height, the staircase revealed step by step.

Used three times: full screen on the audience window, and twice (now and next)
in the presenter console, so the facilitator sees exactly what the room sees.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from teachin.export.fonts import with_bundled_family
from teachin.ui.staircase_image import spectrum_image, staircase_image
from teachin.workshop.render import BASE_POINT_SIZE, Style
from teachin.workshop.spectrum_svg import SPECTRUM_ASPECT, SPECTRUM_IMAGE
from teachin.workshop.staircase import (
    PICTURE_HEIGHT,
    PICTURE_WIDTH,
    STAIRCASE_IMAGE,
    Staircase,
    StaircaseMarks,
    staircase_marks,
)
from teachin.workshop.themes import HIGH_CONTRAST, Theme

BODY_PX_AT_1080 = 36.0
"""Body text height on a 1080-pixel-high audience screen at zoom 1 (the back row can read it)."""
_PX_PER_POINT = 96.0 / 72.0
# How much larger than the wanted size a short slide may grow, largest first, and
# how much of the screen's height a grown slide may fill.
GROWTH = (1.6, 1.4, 1.2)
GROWN_FILL = 0.85
# The text sizes tried before the picture is shrunk below its smallest share, as
# shares of the wanted size: 0.78 of 36 px is the back row's floor of 28 px.
TEXT_FITS = (1.0, 0.92, 0.85, 0.78)
# How much of the screen's height the staircase picture may take.
PICTURE_SHARES = (0.66, 0.5, 0.4)
SMALL_PICTURE_SHARES = (0.33, 0.27, 0.22)
NO_PICTURE = 0.0
_LOCAL_SCHEMES = ("file", "")
_SLIDE_CSS = """
h1, h2 {{ margin-top: 0; }}
h1.frame-title {{ margin-top: {gap}pt; }}
p.frame-big {{ font-size: {big}pt; font-weight: bold; }}
p.staircase {{ text-align: center; margin-top: 0; }}
th, td {{ padding: 8px; }}
"""


class SlideView(QTextBrowser):
    """A slide sized to the widget. Never takes keyboard focus: its window handles the keys.

    A left click asks for the next slide, a right click for the previous one.
    """

    clicked = Signal(bool)
    """True: forward (left button); False: back (right button)."""

    def __init__(self, name: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name.casefold().replace(" ", "-"))
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self._body = ""
        self._theme: Theme = HIGH_CONTRAST
        self._zoom = 1.0
        self._staircase: Staircase | None = None
        self._revealed: int | None = None
        self._fit = 1.0
        self._stair_share = 0.66
        self._body_px = 0.0
        self._apply_palette()

    # -- what to show ----------------------------------------------------------

    def show_slide(
        self,
        body_html: str,
        theme: Theme = HIGH_CONTRAST,
        zoom: float = 1.0,
        staircase: Staircase | None = None,
        revealed: int | None = None,
    ) -> None:
        """Shows a slide's HTML body; ``revealed`` staircase steps (None: all of them)."""
        changed_theme = theme != self._theme
        self._body, self._theme, self._zoom = body_html, theme, zoom
        self._staircase, self._revealed = staircase, revealed
        if changed_theme:
            self._apply_palette()
        self._render()

    @property
    def body_pixel_size(self) -> float:
        """Body text height in pixels as shown now (after shrinking a long slide to fit)."""
        return self._body_px

    @property
    def revealed(self) -> int | None:
        return self._revealed

    def wanted_body_px(self) -> float:
        return BODY_PX_AT_1080 * self.viewport().height() / 1080.0 * self._zoom

    # -- Qt overrides ----------------------------------------------------------

    def loadResource(self, resource_type: int, url: QUrl | str) -> object:
        url = QUrl(url)
        if url.toString() == SPECTRUM_IMAGE:
            if self._stair_share == NO_PICTURE:
                return _nothing()
            return spectrum_image(self._theme, self._spectrum_width(), self.devicePixelRatioF())
        marks = staircase_marks(url.toString())
        if marks is not None and self._stair_share == NO_PICTURE:
            return _nothing()
        if marks is not None:
            if marks == StaircaseMarks():  # a slide's plain picture: revealed step by step
                current = None if self._revealed is None else self._revealed - 1
                marks = StaircaseMarks(current=current)
            return staircase_image(
                self._staircase,
                self._theme,
                self._staircase_width(marks.share),
                self.devicePixelRatioF(),
                self._revealed,
                marks.current,
                marks.climbed,
            )
        if url.scheme() not in _LOCAL_SCHEMES:
            return None  # offline: nothing is ever fetched
        return super().loadResource(resource_type, url)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._body:
            self._render()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(True)
        elif event.button() == Qt.MouseButton.RightButton:
            self.clicked.emit(False)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.mousePressEvent(event)  # a quick second click is a second step, not a word selection

    # -- rendering -------------------------------------------------------------

    def _apply_palette(self) -> None:
        palette = self.palette()
        for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
            palette.setColor(role, QColor(self._theme.background))
        palette.setColor(QPalette.ColorRole.Text, QColor(self._theme.text))
        self.setPalette(palette)
        self.viewport().setAutoFillBackground(True)

    def _staircase_width(self, share: float = 1.0) -> int:
        margin = 2 * int(self.document().documentMargin()) + 8
        by_width = (self.viewport().width() - margin) * share
        by_height = self.viewport().height() * self._stair_share * PICTURE_WIDTH / PICTURE_HEIGHT
        return int(max(64, min(by_width, by_height)))

    def _spectrum_width(self) -> int:
        """As wide as the slide, or as the picture's share of the slide's height allows."""
        margin = 2 * int(self.document().documentMargin()) + 8
        by_width = self.viewport().width() - margin
        by_height = self.viewport().height() * self._stair_share / SPECTRUM_ASPECT
        return int(max(64, min(by_width, by_height)))

    def used_height(self) -> float:
        """The document's height without the empty line Qt always adds after a table
        that ends the page: it shows nothing, so it may fall below the screen's edge."""
        document = self.document()
        last = document.lastBlock()
        height = document.size().height()
        if last.length() <= 1 and last.previous().isValid():
            height -= document.documentLayout().blockBoundingRect(last).height()
        return height

    def _render(self) -> None:
        """Lays the slide out at the wanted size; if it does not fit, the staircase shrinks first, then the text."""
        height = max(1, self.viewport().height())
        self.document().setDocumentMargin(max(8.0, self.viewport().width() * 0.035))
        # The spectrum makes way for the text as the staircase does.
        has_staircase = STAIRCASE_IMAGE in self._body or SPECTRUM_IMAGE in self._body
        # A short slide without a picture grows to fill the screen (up to
        # GROW_CEILING times the wanted size), rather than sit in its top fifth.
        grown = () if has_staircase else tuple((g, 0.66) for g in GROWTH)
        shares = PICTURE_SHARES if has_staircase else PICTURE_SHARES[:1]
        # Text first keeps its size down to the back row's floor while the picture
        # shrinks; then the picture gives way further; only then the text goes below it.
        attempts = [*grown] + [(fit, share) for fit in TEXT_FITS for share in shares]
        last_fit, last_share = TEXT_FITS[-1], (SMALL_PICTURE_SHARES if has_staircase else ())
        attempts += [(last_fit, share) for share in last_share]
        if has_staircase and "share=" in self._body:
            # A picture beside text (room play's climb) makes way before the text goes
            # below the back row's floor: the words beside it say where the room stands.
            attempts.append((last_fit, NO_PICTURE))
        smallest = attempts[-1][1]
        attempts += [(last_fit * 0.94**n, smallest) for n in range(1, 8)]
        for fit, share in attempts:
            self._fit, self._stair_share = fit, share
            body_px = max(6.0, self.wanted_body_px() * fit)
            zoom = body_px / (BASE_POINT_SIZE * _PX_PER_POINT)
            size = BASE_POINT_SIZE * zoom
            # Qt sizes <h1>/<h2> relative to the document's default font and ignores
            # their CSS font-size, so the default font carries the body size.
            # In the bundled family, as in print: a slide looks the same on every machine.
            font = with_bundled_family(self.document().defaultFont())
            font.setPointSizeF(size)
            self.document().setDefaultFont(font)
            css = Style(self._theme, zoom).css() + _SLIDE_CSS.format(
                big=f"{size * 1.6:.1f}", gap=f"{size * 2:.1f}"
            )
            self.setHtml(f"<html><head><style>{css}</style></head><body>{self._body}</body></html>")
            root = self.document().rootFrame()
            frame = root.frameFormat()
            frame.setBottomMargin(
                self.viewport().width() * 0.015
            )  # the screen's edge is margin enough
            root.setFrameFormat(frame)
            self._body_px = body_px
            # A grown slide keeps a margin at the bottom; the wanted size only has to fit.
            if self.used_height() <= height * (GROWN_FILL if fit > 1 else 1.0):
                break
        self.verticalScrollBar().setValue(0)


def _nothing() -> QImage:
    """A picture that takes no room (a null image would show Qt's broken-image sign)."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    return image
