"""Charts for print, as SVG text (no Qt): the PDF paints them as vector graphics.

Small multiples, one panel per measure, black on white: nothing is told by
colour, every panel is named, and each line ends with its value written out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from teachin.typefaces import FAMILY

WIDTH = 960
PANEL_HEIGHT = 270
COLUMNS = 2
_FONT = f'font-family="{FAMILY}"'


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float]
    """One value per point: the start, then after each round."""
    low: float = 0.0
    high: float = 100.0
    ranges: Sequence[tuple[float, float]] = ()
    """For a measure the group only estimated: its (low, high) range at the same points,
    drawn as a hatched band behind the true line."""


def measures_svg(series: Sequence[Series], width: int = WIDTH) -> str:
    """One small line chart per measure, two to a row (three when there are more than
    four), rounds along the bottom."""
    columns = COLUMNS if len(series) <= 2 * COLUMNS else COLUMNS + 1
    rows = max(1, math.ceil(len(series) / columns))
    height = rows * PANEL_HEIGHT
    panel_width = width / columns
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img">',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for number, item in enumerate(series):
        x = (number % columns) * panel_width
        y = (number // columns) * PANEL_HEIGHT
        parts.append(
            _panel(item, x, y, panel_width, PANEL_HEIGHT, 27 if columns == COLUMNS else 23)
        )
    parts.append("</svg>")
    return "\n".join(parts)


# The width of an average bold sans-serif character, in font sizes (measured on
# DejaVu Sans Bold, the face the PDF uses where no other is installed).
_BOLD_CHARACTER = 0.58
_SMALLEST_TITLE = 19


def _fitted_title(label: str, room: float, size: int) -> tuple[str, float]:
    """A panel's title and its font size, so it never runs into the next panel:
    smaller for a long label (down to a readable size), then cut with "…"."""
    wanted = len(label) * _BOLD_CHARACTER * size
    if wanted <= room:
        return label, size
    smaller = max(_SMALLEST_TITLE, room / (len(label) * _BOLD_CHARACTER))
    fits = int(room / (_BOLD_CHARACTER * smaller))
    if fits >= len(label):
        return label, smaller
    return label[: max(1, fits - 1)].rstrip() + "…", smaller


def _panel(
    item: Series, left: float, top: float, width: float, height: float, title_size: int
) -> str:
    plot_left, plot_right = left + 62, left + width - 62
    plot_top, plot_bottom = top + 52, top + height - 54
    low, high = item.low, item.high if item.high > item.low else item.low + 1
    values = list(item.values) or [low]
    count = len(values)

    def px(index: int) -> float:
        return plot_left + (plot_right - plot_left) * (index / max(count - 1, 1))

    def py(value: float) -> float:
        share = (min(max(value, low), high) - low) / (high - low)
        return plot_bottom - (plot_bottom - plot_top) * share

    title, size = _fitted_title(item.label, width - 20, title_size)
    out = [
        f'<text x="{left + 10:.1f}" y="{top + 28:.1f}" {_FONT} font-size="{size:.1f}" '
        f'font-weight="bold" fill="#000000">{escape(title)}</text>'
    ]
    for fraction in (0.0, 0.5, 1.0):
        value = low + (high - low) * fraction
        gy = py(value)
        dash = "" if fraction == 0.0 else ' stroke-dasharray="4 6"'
        out.append(
            f'<line x1="{plot_left:.1f}" y1="{gy:.1f}" x2="{plot_right:.1f}" y2="{gy:.1f}" '
            f'stroke="#888888" stroke-width="1.5"{dash}/>'
        )
        out.append(
            f'<text x="{plot_left - 8:.1f}" y="{gy + 6:.1f}" {_FONT} font-size="20" '
            f'text-anchor="end" fill="#333333">{value:.0f}</text>'
        )
    step = max(1, math.ceil((count - 1) / 8))
    for index in range(0, count, step):
        label = "start" if index == 0 else str(index)
        out.append(
            f'<text x="{px(index):.1f}" y="{plot_bottom + 24:.1f}" {_FONT} font-size="20" '
            f'text-anchor="middle" fill="#333333">{label}</text>'
        )
    if item.ranges:
        edge = [(px(i), py(high)) for i, (_, high) in enumerate(item.ranges)]
        edge += [(px(i), py(low)) for i, (low, _) in reversed(list(enumerate(item.ranges)))]
        band = " ".join(f"{x:.1f},{y:.1f}" for x, y in edge)
        out.append(
            f'<polygon points="{band}" fill="#d0d0d0" stroke="#555555" stroke-width="1.5" '
            f'stroke-dasharray="6 4"/>'
        )
    points = " ".join(f"{px(i):.1f},{py(v):.1f}" for i, v in enumerate(values))
    out.append(
        f'<polyline points="{points}" fill="none" stroke="#000000" stroke-width="3" '
        f'stroke-linejoin="round"/>'
    )
    for index, value in enumerate(values):
        out.append(f'<circle cx="{px(index):.1f}" cy="{py(value):.1f}" r="4.5" fill="#000000"/>')
    last = values[-1]
    out.append(
        f'<text x="{px(count - 1) + 10:.1f}" y="{py(last) + 6:.1f}" {_FONT} font-size="22" '
        f'font-weight="bold" fill="#000000">{last:.0f}</text>'
    )
    out.append(
        f'<text x="{(plot_left + plot_right) / 2:.1f}" y="{top + height - 2:.1f}" {_FONT} '
        f'font-size="18" text-anchor="middle" fill="#333333">round</text>'
    )
    return "\n".join(out)
