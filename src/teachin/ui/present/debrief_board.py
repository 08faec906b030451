"""The debrief board: the groups' runs side by side, on the projector, for the room to compare.

The facilitator gathers the groups' run files (a shared folder, a USB stick)
with "Add a folder…" or "Add run files…". The board shows one chart with a line
per group (the highest staircase step climbed after each round), and a card per
group: how it ended, how far it climbed, which strategy its choices resembled.
Groups are told apart by a letter, a line style and a marker shape, never by
colour alone. A damaged or foreign file gets a message naming it and is
skipped; the others load.

Entry point for the main window: :func:`open_debrief_board`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from teachin.debrief.model import describe_run
from teachin.debrief.words import TOO_EARLY
from teachin.runs.board import MAX_GROUPS, GroupRun, load_groups, run_files_in, unique_names
from teachin.scenario.model import Scenario
from teachin.ui.layouts import clear_layout, layout_widgets
from teachin.ui.painting import CENTRE, NO_BRUSH, RIGHT, RoundsPlot, ThemedPainter, bold_font
from teachin.ui.present.presentation import choose_audience_screen
from teachin.workshop.library import Library
from teachin.workshop.staircase import Staircase
from teachin.workshop.themes import HIGH_CONTRAST, Theme

BODY_PX_AT_1080 = 30.0
"""Card text height on a 1080-pixel-high screen at zoom 1 (read from the back row)."""
LETTERS = "ABCDEFGH"
PEN_STYLES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
)
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "star", "down", "bar")
MARKER_GLYPHS = {
    "circle": "●",
    "square": "■",
    "triangle": "▲",
    "diamond": "◆",
    "cross": "✚",
    "star": "★",
    "down": "▼",
    "bar": "▮",
}
LINE_WORDS = {
    Qt.PenStyle.SolidLine: "solid line",
    Qt.PenStyle.DashLine: "dashed line",
    Qt.PenStyle.DotLine: "dotted line",
    Qt.PenStyle.DashDotLine: "dash-dot line",
    Qt.PenStyle.DashDotDotLine: "dash-dot-dot line",
}
DARK_INKS = ("#ffff00", "#00ffff", "#ffffff", "#ff9e9e", "#9eff9e", "#ffb000", "#d0b0ff", "#ff80d8")
LIGHT_INKS = (
    "#1d3f8f",
    "#a8322d",
    "#1b6b35",
    "#6b3fa0",
    "#8a5a00",
    "#000000",
    "#006f7a",
    "#9c2a72",
)
STEP_WORDS = "Highest step climbed together, after each round"
ZOOM_STEP = 1.1


def group_style(index: int) -> tuple[str, Qt.PenStyle, str]:
    """(letter, line style, marker) for the board's ``index``-th group."""
    return LETTERS[index % len(LETTERS)], PEN_STYLES[index % len(PEN_STYLES)], MARKERS[index % 8]


def style_words(index: int) -> str:
    letter, pen, marker = group_style(index)
    return f"{letter}, {LINE_WORDS[pen]}, {marker} marks"


def _ink(theme: Theme, index: int) -> QColor:
    inks = DARK_INKS if theme.dark else LIGHT_INKS
    return QColor(inks[index % len(inks)])


def _line_pen(colour: QColor, style: Qt.PenStyle) -> QPen:
    """A group's line: thick, in its style, cut square at the ends."""
    pen = QPen(colour, 4, style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def draw_marker(painter: QPainter, kind: str, centre: QPointF, radius: float) -> None:
    """A filled marker shape in the painter's pen colour."""
    colour = painter.pen().color()
    painter.save()
    painter.setPen(QPen(colour, 1.5))
    painter.setBrush(colour)
    x, y, r = centre.x(), centre.y(), radius
    if kind == "circle":
        painter.drawEllipse(centre, r, r)
    elif kind == "square":
        painter.drawRect(QRectF(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8))
    elif kind == "triangle":
        painter.drawPolygon(
            QPolygonF([QPointF(x, y - r), QPointF(x + r, y + r), QPointF(x - r, y + r)])
        )
    elif kind == "down":
        painter.drawPolygon(
            QPolygonF([QPointF(x, y + r), QPointF(x + r, y - r), QPointF(x - r, y - r)])
        )
    elif kind == "diamond":
        painter.drawPolygon(
            QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)])
        )
    elif kind == "cross":
        w = r * 0.4
        painter.drawRect(QRectF(x - w, y - r, 2 * w, 2 * r))
        painter.drawRect(QRectF(x - r, y - w, 2 * r, 2 * w))
    elif kind == "star":
        points = []
        for n in range(10):
            angle = -math.pi / 2 + n * math.pi / 5
            length = r * (1.15 if n % 2 == 0 else 0.5)
            points.append(QPointF(x + length * math.cos(angle), y + length * math.sin(angle)))
        painter.drawPolygon(QPolygonF(points))
    else:  # bar
        painter.drawRect(QRectF(x - r * 0.45, y - r, r * 0.9, r * 2))
    painter.restore()


class PathsChart(QWidget):
    """One line per group: the highest step climbed after each round, with a letter
    and the group's name at the end of its line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("debrief-paths-chart")
        self.setAccessibleName("The groups' paths on the staircase")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.groups: list[GroupRun] = []
        self.staircase: Staircase | None = None
        self.theme: Theme = HIGH_CONTRAST

    def set_groups(self, groups: list[GroupRun], staircase: Staircase | None, theme: Theme) -> None:
        self.groups, self.staircase, self.theme = list(groups), staircase, theme
        parts = []
        for index, group in enumerate(self.groups):
            path = ", ".join(str(v) for v in group.climbed()) or "no rounds played"
            parts.append(f"{group.name} ({style_words(index)}): {path}")
        self.setAccessibleDescription(f"{STEP_WORDS}. " + "; ".join(parts))
        self.update()

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(900, round(line * 12))

    def minimumSizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(300, round(line * 7))

    def rounds(self) -> int:
        return max([len(g.scenario.rounds) for g in self.groups] + [1])

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = ThemedPainter(self, self.theme)
        small = QFont(self.font())
        small.setPixelSize(max(10, round(self.font().pixelSize() * 0.8)))
        painter.setFont(small)
        metrics = QFontMetricsF(small)
        line = metrics.height()
        steps = len(self.staircase.steps) if self.staircase is not None else 10
        labels = [
            f"{n}  {self.staircase.steps[n - 1].label}" if self.staircase else str(n)
            for n in range(1, steps + 1)
        ]
        label_w = min(max(metrics.horizontalAdvance(t) for t in labels), self.width() * 0.3) + 12
        bold = bold_font(small)
        names_w = min(
            max(
                [
                    QFontMetricsF(bold).horizontalAdvance(f"{LETTERS[i % 8]} {g.name}")
                    for i, g in enumerate(self.groups)
                ]
                + [metrics.horizontalAdvance("off the staircase")]
            )
            + line,
            self.width() * 0.26,
        )
        area = QRectF(
            label_w + 8,
            line * 0.7,
            self.width() - label_w - names_w - 24,
            self.height() - line * 3.2,
        )
        plot = RoundsPlot.over(area, self.rounds(), steps)
        self._paint_axes(painter, plot, metrics, labels, label_w)
        if self.groups:
            ends = self._paint_lines(painter, plot, line)
            painter.setFont(bold)
            self._paint_names(painter, plot, ends, line, names_w)
        painter.end()

    def _paint_axes(
        self,
        painter: ThemedPainter,
        plot: RoundsPlot,
        metrics: QFontMetricsF,
        labels: list[str],
        label_w: float,
    ) -> None:
        """The grid, the steps up the side (every other one when they crowd) and
        the rounds along the bottom."""
        area, line, steps = plot.area, metrics.height(), len(labels)
        painter.use(painter.ink_pen("rule", 1, Qt.PenStyle.SolidLine))
        for step in range(steps + 1):
            painter.drawLine(
                QPointF(area.left(), plot.y(step)), QPointF(area.right(), plot.y(step))
            )
        painter.use("text")
        every_step = max(1, math.ceil(line * 0.95 / max(plot.y_step, 1)))
        for step, text in enumerate(labels, start=1):
            if step % every_step and step != steps:
                continue
            painter.text(
                QRectF(0, plot.y(step) - line / 2, label_w, line), text, RIGHT, elide=label_w
            )
        painter.text(QRectF(0, plot.y(0) - line / 2, label_w, line), "none", RIGHT)
        x_step = plot.x_step
        every = max(1, round(metrics.horizontalAdvance("start ") / max(x_step, 1)))
        for number in range(0, self.rounds() + 1, every):
            painter.text(
                QRectF(
                    plot.x(number) - x_step / 2 - 20, area.bottom() + line * 0.4, x_step + 40, line
                ),
                "start" if number == 0 else str(number),
                CENTRE,
            )
        painter.text(
            QRectF(area.left(), area.bottom() + line * 1.4, area.width(), line), "round", CENTRE
        )

    def _paint_lines(
        self, painter: ThemedPainter, plot: RoundsPlot, line: float
    ) -> list[tuple[float, int]]:
        """A line per group with its markers; returns where each line ends (y, group)."""
        radius = max(5.0, line * 0.3)
        count = len(self.groups)
        ends: list[tuple[float, int]] = []
        for index, group in enumerate(self.groups):
            _letter, pen_style, marker = group_style(index)
            colour = _ink(self.theme, index)
            # Groups on the same path are drawn a little apart, so every line shows.
            offset = (index - (count - 1) / 2) * min(6.0, plot.y_step / (count + 1))
            points = [plot.point(0, 0, offset)]
            points += [plot.point(n, v, offset) for n, v in enumerate(group.climbed(), start=1)]
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            painter.use(_line_pen(colour, pen_style), NO_BRUSH)
            painter.drawPath(path)
            painter.use(QPen(colour, 1))
            for point in points[1:]:
                draw_marker(painter, marker, point, radius)
            ends.append((points[-1].y(), index))
        return ends

    def _paint_names(
        self,
        painter: ThemedPainter,
        plot: RoundsPlot,
        ends: list[tuple[float, int]],
        line: float,
        names_w: float,
    ) -> None:
        """The groups' names at their lines' ends, pushed apart so they never overlap."""
        ends.sort()
        placed: list[tuple[float, int]] = []
        for y, index in ends:
            if placed and y < placed[-1][0] + line:
                y = placed[-1][0] + line
            placed.append((y, index))
        overflow = placed[-1][0] + line / 2 - self.height() if placed else 0
        if overflow > 0:
            placed = [(y - overflow, index) for y, index in placed]
        for y, index in placed:
            painter.use(QPen(_ink(self.theme, index), 1))
            letter = group_style(index)[0]
            painter.text(
                QRectF(plot.area.right() + line * 0.8, y - line / 2, names_w, line),
                f"{letter} {self.groups[index].name}",
                elide=names_w - 4,
            )


class StyleSample(QWidget):
    """A short piece of a group's line with its marker: the key to the chart."""

    def __init__(self, index: int, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index, self.theme = index, theme
        self.setAccessibleName(f"Line: {style_words(index)}")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(round(line * 2.6), round(line))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = ThemedPainter(self, self.theme, background=False)
        _letter, pen_style, marker = group_style(self.index)
        colour = _ink(self.theme, self.index)
        y = self.height() / 2
        painter.use(_line_pen(colour, pen_style))
        painter.drawLine(QPointF(2, y), QPointF(self.width() - 2, y))
        painter.setPen(QPen(colour, 1))
        draw_marker(painter, marker, QPointF(self.width() / 2, y), self.height() * 0.3)
        painter.end()


def card_html(group: GroupRun, index: int, staircase: Staircase | None) -> str:
    """What a group's card says (rich text), from the run's one description."""
    story = describe_run(group.run, staircase)
    highest = f"highest: {story.highest_name}" if story.highest else "no step climbed"
    count = len(story.rounds)
    parts = [
        f"<p><b>{escape(story.heading)}</b></p>",
        f"<p>{count} round{'' if count == 1 else 's'} · {escape(highest)}</p>",
    ]
    if story.ending is not None and story.ending.verdict_words:
        parts.insert(1, f"<p>{escape(story.ending.verdict_words)}</p>")
    if story.rushed:
        rounds = ", ".join(str(r) for r in story.rushed)
        word = "round" if len(story.rushed) == 1 else "rounds"
        parts.append(f"<p>Steps taken {TOO_EARLY} (!): {word} {rounds}</p>")
    for reveal in story.reveals if story.finished else ():
        if not reveal.round:  # the end's estimate against the truth
            parts.append(f"<p>{escape(reveal.words)}</p>")
    if story.closest is not None:
        shares = " · ".join(
            f"{escape(share.label)} {share.percent}"
            for share in story.fingerprint
            if share.share > 0
        )
        parts.append(f"<p>Choices resembled: {shares}</p>")
    if group.room and group.decisions:
        counted = [d for d in group.decisions if d.hands]
        if counted:
            parts.append(f"<p>Hands counted in {len(counted)} of {count} rounds</p>")
    return "".join(parts)


class GroupCard(QFrame):
    def __init__(
        self,
        group: GroupRun,
        index: int,
        staircase: Staircase | None,
        theme: Theme,
        show_scenario: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.group = group
        self.setObjectName(f"debrief-card-{index + 1}")
        self.setFrameShape(QFrame.Shape.Box)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        letter = group_style(index)[0]
        self.name = QLabel(f"{letter}  {group.name}", self)
        font = QFont(self.font())
        font.setBold(True)
        self.name.setFont(font)
        self.name.setWordWrap(True)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setToolTip(str(group.path))
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        text = card_html(group, index, staircase)
        if show_scenario:
            text = f"<p><i>{escape(group.scenario.title)}</i></p>" + text
        self.body.setText(text)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setAccessibleName(f"Group {letter}: {group.name}")
        self.setAccessibleDescription(self.body.text())
        head = QHBoxLayout()
        head.addWidget(StyleSample(index, theme, self))
        head.addWidget(self.name, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.body)
        layout.addStretch(1)


EMPTY_TEXT = (
    "No runs on the board yet. Gather the groups' run files (the player saves them as "
    "“.run.json”): “Add a folder…” for a shared folder or a USB stick, or “Add run files…”."
)


class DebriefBoard(QWidget):
    """The board. Keys: F full screen, + and − size, Escape leaves full screen, then closes."""

    changed = Signal()

    def __init__(
        self,
        scenarios: Mapping[str, Scenario],
        library: Library | None,
        theme: Theme = HIGH_CONTRAST,
        start_folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("debrief-board")
        self.setAccessibleName("Debrief board")
        self.setWindowTitle("Debrief board — teachin")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.scenarios = dict(scenarios)
        self.library = library
        self.staircase = library.staircase if library is not None else None
        self.theme = theme
        self.start_folder = start_folder
        self.zoom = 1.0
        self.groups: list[GroupRun] = []
        self.problems: list[str] = []

        self._apply_palette()
        bar = self._build_bar()
        # The board opens with the keys on itself, not on its first button (which Tab
        # reaches): no focus ring on the projector, and Space presses nothing.
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title = QLabel(self)
        self.title.setObjectName("debrief-title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label = QLabel(self)
        self.problems_label.setObjectName("debrief-problems")
        self.problems_label.setAccessibleName("Files that could not be shown")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.setStyleSheet(
            f"border: 3px solid {theme.text}; padding: 6px; color: {theme.text};"
        )
        self.problems_label.hide()
        self.empty = QLabel(EMPTY_TEXT, self)
        self.empty.setObjectName("debrief-empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart = PathsChart(self)
        self.chart_title = QLabel(STEP_WORDS, self)
        self.cards_box = QWidget(self)
        self.cards = QGridLayout(self.cards_box)
        self.cards.setContentsMargins(0, 0, 0, 0)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.title)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.chart_title)
        layout.addWidget(self.chart, 5)
        layout.addWidget(self.cards_box, 0)
        self.resize(1280, 720)
        self._apply_font()
        self.refresh()

    def _apply_palette(self) -> None:
        """The board's own colours: the theme's, whatever the app's palette."""
        palette = self.palette()
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            palette.setColor(role, QColor(self.theme.background))
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            palette.setColor(role, QColor(self.theme.text))
        self.setPalette(palette)
        self.setAutoFillBackground(True)

    def _build_bar(self) -> QHBoxLayout:
        """Adding runs, clearing, full screen and closing: mouse buttons for the keys."""
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for name, text, tip, slot in (
            (
                "folder",
                "Add a folder…",
                "Every run file in a folder (a shared folder, a USB stick)",
                self.choose_folder,
            ),
            ("files", "Add run files…", "Choose one or more run files", self.choose_files),
            (
                "clear",
                "Clear the board",
                "Take every run off the board (the files stay)",
                self.clear,
            ),
            ("fullscreen", "Full screen (F)", "F", self.toggle_full_screen),
            ("close", "Close", "Close the board", self.close),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"debrief-{name}")
            button.setAccessibleName(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            self.buttons[name] = button
            if name == "fullscreen":
                bar.addStretch(1)
            bar.addWidget(button)
        return bar

    # -- loading -------------------------------------------------------------------------
    def add_paths(self, paths: Sequence[Path]) -> int:
        """Put these run files on the board; returns how many loaded. Files that cannot
        be read are named in the message line and skipped."""
        loaded = load_groups(paths, self.scenarios, [g.path for g in self.groups], MAX_GROUPS)
        self.groups.extend(loaded.groups)
        unique_names(self.groups)
        self.problems = loaded.problems
        self.refresh()
        return len(loaded.groups)

    def add_folder(self, folder: Path) -> int:
        files = run_files_in(folder)
        if not files:
            self.problems = [f"{folder}: no run files (*.json) in this folder"]
            self.refresh()
            return 0
        return self.add_paths(files)

    @Slot()
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Add every run file in a folder", str(self.start_folder or Path.home())
        )
        if folder:
            self.start_folder = Path(folder)
            self.add_folder(Path(folder))

    @Slot()
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            "Add run files",
            str(self.start_folder or Path.home()),
            "Run files (*.run.json *.json);;All files (*)",
        )
        if files:
            self.start_folder = Path(files[0]).parent
            self.add_paths([Path(f) for f in files])

    @Slot()
    def clear(self) -> None:
        self.groups = []
        self.problems = []
        self.refresh()

    # -- showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        has = bool(self.groups)
        self.empty.setVisible(not has)
        self.chart.setVisible(has)
        self.chart_title.setVisible(has)
        self.cards_box.setVisible(has)
        titles = sorted({g.scenario.title for g in self.groups})
        if not has:
            self.title.setText("Debrief board: the groups' paths side by side")
        elif len(titles) == 1:
            self.title.setText(f"How the groups played “{titles[0]}”")
        else:
            self.title.setText("How the groups played: " + ", ".join(f"“{t}”" for t in titles))
        if self.problems:
            self.problems_label.setText(
                "⚠ Skipped (the other runs are shown):\n" + "\n".join(self.problems)
            )
        self.problems_label.setVisible(bool(self.problems))
        self.chart.set_groups(self.groups, self.staircase, self.theme)
        clear_layout(self.cards)
        columns = 4 if len(self.groups) > 4 else max(1, len(self.groups))
        for index, group in enumerate(self.groups):
            card = GroupCard(
                group, index, self.staircase, self.theme, len(titles) > 1, self.cards_box
            )
            self.cards.addWidget(card, index // columns, index % columns)
        for column in range(4):
            self.cards.setColumnStretch(column, 1 if column < columns else 0)
        self._fit_cards()
        self.changed.emit()

    def _fit_cards(self) -> None:
        """Every card as tall as its wrapped text needs at its width (the chart takes the rest)."""
        cards = [c for c in layout_widgets(self.cards) if isinstance(c, GroupCard)]
        if not cards:
            return
        columns = 4 if len(cards) > 4 else len(cards)
        spacing = max(0, self.cards.horizontalSpacing())
        board_layout = self.layout()
        margin = board_layout.contentsMargins().left() if board_layout is not None else 0
        width = self.width() - margin * 2
        card_width = max(80, (width - spacing * (columns - 1)) // columns)
        for card in cards:
            card_layout = card.layout()
            if card_layout is not None:
                card.setMinimumHeight(card_layout.totalHeightForWidth(card_width))

    def card_texts(self) -> list[str]:
        """Every card's text, in board order (what the room reads)."""
        cards = layout_widgets(self.cards)
        return [f"{c.name.text()}\n{c.body.text()}" for c in cards if isinstance(c, GroupCard)]

    def body_pixel_size(self) -> int:
        return self.font().pixelSize()

    def _apply_font(self) -> None:
        height = self.height() if self.height() > 0 else 720
        font = QFont(self.font())
        font.setPixelSize(max(12, round(BODY_PX_AT_1080 * height / 1080 * self.zoom)))
        self.setFont(font)
        big = QFont(font)
        big.setPixelSize(round(font.pixelSize() * 1.4))
        big.setBold(True)
        self.title.setFont(big)
        bold = QFont(font)
        bold.setBold(True)
        self.chart_title.setFont(bold)
        small = QFont(font)
        small.setPixelSize(max(11, round(font.pixelSize() * 0.6)))
        for button in self.buttons.values():
            button.setFont(small)
        self.problems_label.setFont(QFont(small))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_font()
        self._fit_cards()

    # -- keys and screens ----------------------------------------------------------------
    def place_on(self, screen: QScreen) -> None:
        self.setScreen(screen)
        self.setGeometry(screen.geometry())

    @Slot()
    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_F, Qt.Key.Key_F5):
            self.toggle_full_screen()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom = min(2.0, self.zoom * ZOOM_STEP)
            self._apply_font()
            self._fit_cards()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom = max(0.5, self.zoom / ZOOM_STEP)
            self._apply_font()
            self._fit_cards()
        elif key == Qt.Key.Key_Escape:
            if self.isFullScreen():
                self.showNormal()
            else:
                self.close()
        else:
            super().keyPressEvent(event)


def open_debrief_board(
    scenarios: Mapping[str, Scenario],
    library: Library | None,
    paths: Sequence[Path] = (),
    screens: Sequence[QScreen] | None = None,
    full_screen: bool = True,
    start_folder: Path | None = None,
) -> DebriefBoard:
    """Opens the debrief board on the projector (full screen when there is a second
    screen), over ``scenarios``; ``paths``: run files to show at once. The board has
    no Qt parent: the caller keeps it while it is open (see teachin.ui.windows).
    ``start_folder``: where "Add a folder…" and "Add run files…" open first (the
    folder the player saves runs in)."""
    board = DebriefBoard(scenarios, library, start_folder=start_folder)
    if paths:
        board.add_paths(list(paths))
    screens = list(screens) if screens is not None else QGuiApplication.screens()
    console = screens[0] if screens else None
    projector = choose_audience_screen(screens, console)
    if projector is not None:
        board.place_on(projector)
    if full_screen and projector is not None and projector is not console:
        board.showFullScreen()
    else:
        board.show()
    board.activateWindow()
    return board
