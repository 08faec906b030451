"""The escalation staircase as an SVG picture, drawn from ``staircase.toml``.

Qt-free: the reader, the projector, the scenario player and the PDF all draw the
same picture. Steps rise from bottom-left to top-right; each step is a band that
starts further right than the one below it and carries its number and label.
Meaning never rests on colour alone: hidden steps are dashed and unlabelled,
and the current step has a thick outline and an arrow beside it.
"""

from __future__ import annotations

from html import escape

from teachin.typefaces import FAMILY
from teachin.workshop.staircase import Staircase
from teachin.workshop.themes import Theme

_MARGIN = 12.0
_MARKER_SPACE = 44.0
"""Room left of the bottom step for the current-step arrow."""
_LABEL_RATIO = 0.46
"""Label font size as a share of a step's height."""


def _text_width(text: str, size: float) -> float:
    """A generous estimate of a sans-serif line's width (no font metrics without Qt)."""
    return len(text) * size * 0.56


def staircase_svg(
    staircase: Staircase,
    theme: Theme,
    revealed: int | None = None,
    current: int | None = None,
    width: int = 960,
    height: int = 540,
    blank: bool = False,
    climbed: int = 0,
) -> str:
    """The staircase as a standalone SVG document.

    ``revealed``: how many steps from the bottom are shown (None: all); the rest
    are drawn as faint dashed outlines without labels. ``current``: the 0-based
    index of a step to highlight, or None. ``blank``: every step empty to write
    on, with solid outlines and its number only (a worksheet that survives a
    photocopier). ``climbed``: how many steps from the bottom carry a tick (a
    group's climb, shown by a mark and not by colour alone).
    """
    steps = staircase.steps
    count = len(steps)
    shown = count if revealed is None else max(0, min(count, revealed))
    band = (height - 2 * _MARGIN) / max(count, 1)
    font = max(10.0, band * _LABEL_RATIO)
    left = _MARGIN + _MARKER_SPACE
    right = width - _MARGIN
    # Each step starts `shift` further right than the one below; the top step
    # keeps enough room for its own label.
    top_label = f"{count}  {steps[-1].label}" if steps else ""
    top_room = min(_text_width(top_label, font) + 2 * font, (right - left) * 0.6)
    shift = (right - left - top_room) / max(count - 1, 1)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img">',
        f"<title>{escape(staircase.title)}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="{theme.background}"/>',
    ]
    current_shape = ""
    # Steps are set apart by a gap of background colour, or by a visible rule
    # when the steps themselves are the background colour (high contrast).
    edge = theme.rule if theme.step.lower() == theme.background.lower() else theme.background
    for index, step in enumerate(steps):
        x = left + index * shift
        y = height - _MARGIN - (index + 1) * band
        w = right - x
        box = f'x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{band:.1f}"'
        if blank:
            parts.append(_blank_step(box, x, y, font, theme, index + 1))
            continue
        if index >= shown:
            parts.append(
                f'<rect {box} fill="{theme.step_hidden}" stroke="{theme.rule}" '
                f'stroke-width="1.5" stroke-dasharray="6 6"/>'
            )
            continue
        is_current = index == current
        fill = theme.step_current if is_current else theme.step
        ink = theme.step_current_text if is_current else theme.step_text
        parts.append(f'<rect {box} fill="{fill}" stroke="{edge}" stroke-width="2"/>')
        label = escape(step.label)
        number = f"{index + 1}✓" if index < climbed else str(index + 1)
        baseline = y + band / 2 + font * 0.36
        weight = "bold" if is_current else "normal"
        parts.append(
            f'<text x="{x + font * 0.5:.1f}" y="{baseline:.1f}" font-family="{FAMILY}" '
            f'font-size="{font:.1f}" fill="{ink}" font-weight="{weight}">'
            f'<tspan font-weight="bold">{number}</tspan>  {label}</text>'
        )
        if is_current:
            inset = 3.0
            current_shape = (
                f'<rect x="{x + inset:.1f}" y="{y + inset:.1f}" width="{w - 2 * inset:.1f}" '
                f'height="{band - 2 * inset:.1f}" fill="none" stroke="{theme.text}" '
                'stroke-width="6"/>'
                + _arrow(x - 6, y + band / 2, min(band * 0.8, _MARKER_SPACE - 8), theme.text)
            )
    parts.append(current_shape)
    parts.append("</svg>")
    return "\n".join(part for part in parts if part)


def _blank_step(box: str, x: float, y: float, font: float, theme: Theme, number: int) -> str:
    """A step to write on: a solid outline and its number in the corner."""
    return (
        f'<rect {box} fill="{theme.background}" stroke="{theme.text}" stroke-width="3"/>'
        f'<text x="{x + font * 0.5:.1f}" y="{y + font * 1.1:.1f}" '
        f'font-family="{FAMILY}" font-size="{font:.1f}" font-weight="bold" '
        f'fill="{theme.text}">{number}</text>'
    )


def _arrow(tip_x: float, mid_y: float, size: float, colour: str) -> str:
    """A solid arrow pointing right at (tip_x, mid_y)."""
    half = size / 2
    points = [
        (tip_x, mid_y),
        (tip_x - half, mid_y - half),
        (tip_x - half, mid_y - half / 2),
        (tip_x - size, mid_y - half / 2),
        (tip_x - size, mid_y + half / 2),
        (tip_x - half, mid_y + half / 2),
        (tip_x - half, mid_y + half),
    ]
    coordinates = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
    return f'<polygon points="{escape(coordinates)}" fill="{escape(colour)}"/>'
