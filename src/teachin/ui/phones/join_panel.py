"""The projector's phones panel, beside the slide: how to join (the address in large
type and a QR code), how many phones are connected, and the live tally of the round
being played, phones and hands together, by option number (never who voted what)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from teachin.ui.phones.qr_view import QrView
from teachin.workshop.themes import HIGH_CONTRAST, Theme

TEXT_PX_AT_1080 = 30.0
"""The panel's body text on a 1080-pixel-high projector (the slide's is 36)."""
LEGEND = "votes (phones + hands)"
QR_SHARE = 0.36
"""The QR code's side as a share of the panel's height (about 390 pixels on 1080)."""


@dataclass(frozen=True)
class TallyRow:
    number: str
    """The option's number as the slide shows it."""
    phones: int
    hands: int

    @property
    def total(self) -> int:
        return self.phones + self.hands

    def words(self) -> str:
        return f"{self.total} ({self.phones} phones + {self.hands} hands)"


def short_address(url: str) -> str:
    """What people type: ``192.168.1.20:8123/ABCD`` for ``http://192.168.1.20:8123/ABCD/``
    (browsers add the http:// themselves)."""
    return url.removeprefix("http://").rstrip("/")


class TallyView(QWidget):
    """A bar and a count per option number: the count is text, the bar a second cue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phones-tally")
        self.setAccessibleName("Votes so far, by option number")
        self.rows: list[TallyRow] = []
        self.theme = HIGH_CONTRAST
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_rows(self, rows: list[TallyRow], theme: Theme) -> None:
        self.rows, self.theme = list(rows), theme
        self.setAccessibleDescription(
            "; ".join(f"option {row.number}: {row.words()}" for row in rows)
        )
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return int(self.fontMetrics().height() * 1.25)

    def sizeHint(self) -> QSize:
        return QSize(200, self._row_height() * (len(self.rows) + 1) if self.rows else 0)

    def minimumSizeHint(self) -> QSize:
        return QSize(100, 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.rows:
            return
        painter = QPainter(self)
        metrics = self.fontMetrics()
        text = QColor(self.theme.text)
        bar_colour = QColor(self.theme.step_current)
        row_height = min(self._row_height(), self.height() // (len(self.rows) + 1))
        counts = [f"{row.total} ({row.phones}+{row.hands})" for row in self.rows]
        number_width = metrics.horizontalAdvance("00 ")
        count_width = max(metrics.horizontalAdvance(f" {count}") for count in counts)
        bar_width = max(10, self.width() - number_width - count_width - 8)
        most = max((row.total for row in self.rows), default=0) or 1
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setPen(text)
        painter.drawText(
            QRectF(0, 0, self.width(), row_height),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            LEGEND,
        )
        for index, (row, count) in enumerate(zip(self.rows, counts, strict=True)):
            top = (index + 1) * row_height
            painter.setPen(text)
            painter.setFont(bold)
            painter.drawText(
                QRectF(0, top, number_width, row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                row.number,
            )
            bar = QRectF(number_width, top + row_height * 0.2, bar_width, row_height * 0.6)
            painter.setPen(QPen(text, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(bar)
            filled = QRectF(bar.x(), bar.y(), bar.width() * row.total / most, bar.height())
            painter.fillRect(filled, bar_colour)
            painter.setFont(self.font())
            painter.setPen(text)
            painter.drawText(
                QRectF(self.width() - count_width, top, count_width, row_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                count,
            )
        painter.end()


def _label(name: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    return label


class JoinPanel(QWidget):
    """The phones panel on the audience window (shown only while phones are on)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phones-join-panel")
        self.setAccessibleName("Join with your phone")
        self.setAutoFillBackground(True)
        self.heading = _label("join-heading", self)
        self.heading.setText("Join with your phone")
        self.qr = QrView(self)
        self.address = _label("join-address", self)
        self.address.setAccessibleName("Address to open in a browser")
        self.devices = _label("join-devices", self)
        self.devices.setAccessibleName("Phones connected")
        self.vote_state = _label("join-vote-state", self)
        self.tally = TallyView(self)
        self.footer = _label("join-footer", self)
        self.footer.setText("No phone? Raise your hand: hands count too.")
        self.url = ""
        self.code = ""
        self._theme = HIGH_CONTRAST
        self._themed = False
        self._layout = layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.address)
        layout.addWidget(self.devices)
        layout.addWidget(self.vote_state)
        layout.addWidget(self.tally)
        layout.addStretch(1)
        layout.addWidget(self.footer)
        self.show_devices(0)
        self.show_tally([], None)

    def show_join(self, url: str, code: str) -> None:
        if (url, code) == (self.url, self.code):
            return
        self.url, self.code = url, code
        self.qr.set_text(url)
        self.address.setText(f"{short_address(url)}\ncode {code}")
        self._fit_sizes()

    def show_devices(self, count: int) -> None:
        self.devices.setText(
            "No phone connected yet"
            if count == 0
            else f"{count} phone{'s' if count != 1 else ''} connected"
        )

    def show_tally(self, rows: list[TallyRow], vote_open: bool | None) -> None:
        """The round's tally, the options with a vote or a hand only (a round may offer
        nineteen); ``vote_open`` None: no round being voted on (no tally shown)."""
        rows = [row for row in rows if row.total]
        if vote_open is None:
            self.vote_state.setText("Phones wait for the next vote")
        elif vote_open:
            self.vote_state.setText("Vote open: choose on your phone")
        else:
            self.vote_state.setText("Vote closed")
        self.tally.set_rows(rows if vote_open is not None else [], self._theme)
        self.tally.setVisible(vote_open is not None)

    def apply_theme(self, theme: Theme) -> None:
        if self._themed and theme == self._theme:
            return  # a new palette repaints the whole panel: only when the theme changes
        self._theme, self._themed = theme, True
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(theme.background))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(theme.text))
        self.setPalette(palette)
        self.tally.set_rows(self.tally.rows, theme)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_sizes()

    def _fit_sizes(self) -> None:
        """Text sized to the projector (as the slides are); the address on lines of its
        own at the largest size that fits; the QR code a fixed share of the height."""
        window_height = self.window().height() or self.height()
        px = max(10.0, TEXT_PX_AT_1080 * window_height / 1080.0)
        layout = self._layout
        margins = layout.contentsMargins()
        width = max(1, self.width() - margins.left() - margins.right())
        for label, scale, bold in (
            (self.heading, 1.15, True),
            (self.address, 1.3, True),
            (self.devices, 1.0, False),
            (self.vote_state, 1.0, True),
            (self.footer, 0.8, False),
        ):
            font = QFont(label.font())
            font.setPixelSize(int(px * scale))
            font.setBold(bold)
            label.setFont(font)
        self._fit_address(width)
        font = QFont(self.tally.font())
        font.setPixelSize(int(px * 0.9))
        self.tally.setFont(font)
        # The QR keeps its size whatever the tally holds (a code that shrinks as votes
        # come in is hard to scan from the back); the tally takes what is left.
        side = int(max(96, min(width, self.height() * QR_SHARE)))
        self.qr.setFixedSize(side, side)

    def _fit_address(self, width: int) -> None:
        """The address shrinks until its longest line fits (people copy it character by character)."""
        font = QFont(self.address.font())
        lines = self.address.text().splitlines() or [""]
        while font.pixelSize() > 10:
            metrics = QFontMetrics(font)
            if max(metrics.horizontalAdvance(line) for line in lines) <= width:
                break
            font.setPixelSize(font.pixelSize() - 1)
        self.address.setFont(font)
