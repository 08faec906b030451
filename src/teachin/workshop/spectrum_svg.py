"""The spectrum of allies as an SVG picture: a half circle cut into five wedges.

Qt-free. The spectrum is a tool from George Lakey and Training for Change: everyone
in a fight stands somewhere from active allies (at the left, our side) to active
opposition (at the right). Each wedge carries its name near the rim, where the
wedge is widest, and the rest of it stays empty to write names in. Meaning never
rests on colour: the printed sheet is black lines on white, solid and thick
enough to survive a photocopier.
"""

from __future__ import annotations

import math
from html import escape

from teachin.workshop.themes import Theme

WEDGES = (
    "Active allies",
    "Passive allies",
    "Neutrals",
    "Passive opposition",
    "Active opposition",
)
"""The five wedges, from our side to the other side."""
SPECTRUM_TITLE = "The spectrum of allies"
SPECTRUM_IMAGE = "teachin:spectrum"
"""The picture address where a page shows the spectrum (``/// spectrum``); each medium draws it."""
PICTURE_WIDTH = 1000
_MARGIN = 14.0
_LABEL_RADIUS = 0.84
"""Where a wedge's label sits, as a share of the radius (near the rim, where wedges are wide)."""
_FONT = 30.0
_ENDS_FONT = 26.0
_ENDS_ROOM = 56.0
"""Room under the half circle for the two ends' names."""
_LINE = 4.0
"""Line width: about 0.7 mm on a Letter or A4 page, solid on a photocopy."""


def picture_height(width: float = PICTURE_WIDTH) -> float:
    """How tall the drawing is at ``width``: the half circle and the line under it."""
    radius = (width - 2 * _MARGIN) / 2
    return _MARGIN + radius + _ENDS_ROOM


SPECTRUM_ASPECT = picture_height() / PICTURE_WIDTH
"""Height over width of the drawing, however large it is drawn."""


def drawn_height(width: int) -> int:
    """How tall the picture is when the drawing is scaled to ``width`` (reader, slides)."""
    return round(width * SPECTRUM_ASPECT)


def spectrum_svg(theme: Theme, width: int = PICTURE_WIDTH) -> str:
    """The spectrum as a standalone SVG document: empty wedges on the background
    colour, outlined in the text colour, each labelled with its name."""
    height = picture_height(width)
    radius = (width - 2 * _MARGIN) / 2
    centre_x, centre_y = width / 2, _MARGIN + radius
    step = math.pi / len(WEDGES)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height:.0f}" '
        f'viewBox="0 0 {width} {height:.0f}" role="img">',
        f"<title>{escape(SPECTRUM_TITLE)}: {escape(', '.join(WEDGES))}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height:.0f}" fill="{theme.background}"/>',
    ]
    for index, label in enumerate(WEDGES):
        high = math.pi - index * step  # angles from the right-hand end, anticlockwise
        low = high - step
        start = _point(centre_x, centre_y, radius, high)
        end = _point(centre_x, centre_y, radius, low)
        parts.append(
            f'<path d="M {centre_x:.1f} {centre_y:.1f} L {start} '
            f'A {radius:.1f} {radius:.1f} 0 0 1 {end} Z" fill="{theme.background}" '
            f'stroke="{theme.text}" stroke-width="{_LINE}" stroke-linejoin="round"/>'
        )
        parts.append(_label(label, centre_x, centre_y, radius, high, low, theme.text))
    baseline = centre_y + _ENDS_FONT * 1.4
    parts.append(
        f'<text x="{_MARGIN:.1f}" y="{baseline:.1f}" font-family="sans-serif" '
        f'font-size="{_ENDS_FONT}" fill="{theme.text}">← Our side</text>'
    )
    parts.append(
        f'<text x="{width - _MARGIN:.1f}" y="{baseline:.1f}" font-family="sans-serif" '
        f'font-size="{_ENDS_FONT}" fill="{theme.text}" text-anchor="end">The other side →</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts)


def _point(centre_x: float, centre_y: float, radius: float, angle: float) -> str:
    return f"{centre_x + radius * math.cos(angle):.1f} {centre_y - radius * math.sin(angle):.1f}"


def _label(
    label: str,
    centre_x: float,
    centre_y: float,
    radius: float,
    high: float,
    low: float,
    colour: str,
) -> str:
    """The wedge's name, one word a line, centred across the wedge at the label's height."""
    height = _LABEL_RADIUS * radius * math.sin((high + low) / 2)
    left, right = _wedge_span(radius, high, low, height)
    words = label.split()
    middle = centre_y - height
    first_baseline = middle - (len(words) - 1) * _FONT * 0.55 + _FONT * 0.35
    x = centre_x + (left + right) / 2
    # One <text> a line: Qt's SVG renderer does not place a <tspan> by its own x and y.
    return "".join(
        f'<text x="{x:.1f}" y="{first_baseline + row * _FONT * 1.1:.1f}" '
        f'font-family="sans-serif" font-size="{_FONT}" font-weight="bold" fill="{colour}" '
        f'text-anchor="middle">{escape(word)}</text>'
        for row, word in enumerate(words)
    )


def _wedge_span(radius: float, high: float, low: float, height: float) -> tuple[float, float]:
    """Where the wedge between angles ``high`` and ``low`` starts and ends, left to
    right from the centre, on a line ``height`` above the flat side."""
    rim = math.sqrt(max(radius * radius - height * height, 0.0))
    left = -rim if high >= math.pi else max(-rim, height / math.tan(high))
    right = rim if low <= 0 else min(rim, height / math.tan(low))
    return left, right
