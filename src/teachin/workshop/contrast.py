"""How far apart a theme's colours are, by the WCAG 2 contrast ratio. Qt-free: the
same check serves the documents, the staircase drawing and the app's palette.

Text needs 4.5:1 against what it stands on (WCAG AA for body text); the high-contrast
theme promises 7:1 (AAA), for a projector in a bright hall or tired eyes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from teachin.workshop.themes import HIGH_CONTRAST, PRINT, THEMES, Theme

NORMAL_MINIMUM = 4.5
HIGH_MINIMUM = 7.0


def _channel(value: int) -> float:
    """One sRGB channel, linearised as WCAG 2 defines it."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


@cache
def relative_luminance(colour: str) -> float:
    """``colour`` as "#rrggbb"."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    red, green, blue = (int(text[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """From 1 (the same colour) to 21 (black on white), whichever is lighter."""
    one, two = relative_luminance(first), relative_luminance(second)
    lighter, darker = max(one, two), min(one, two)
    return (lighter + 0.05) / (darker + 0.05)


def minimum_for(theme: Theme) -> float:
    return HIGH_MINIMUM if theme.id == HIGH_CONTRAST.id else NORMAL_MINIMUM


@dataclass(frozen=True)
class ColourPair:
    """Text of one colour drawn on another, where the app or a document does it."""

    where: str
    text: str
    background: str

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.text, self.background)


def theme_pairs(theme: Theme) -> list[ColourPair]:
    """Every pairing of text and ground that a page, a slide or the staircase draws."""
    words = {"text": "body text", "heading": "a heading", "link": "a link"}
    words |= {"muted": "muted text", "label": "a label"}
    pairs = [
        ColourPair(f"{name} on the page", getattr(theme, role), theme.background)
        for role, name in words.items()
    ]
    for box in ("notes", "activity", "questions", "handout", "example", "table_head"):
        ground = getattr(theme, box)
        pairs += [
            ColourPair(f"text in a {box} box", theme.text, ground),
            ColourPair(f"label in a {box} box", theme.label, ground),
            ColourPair(f"link in a {box} box", theme.link, ground),
        ]
    pairs += [
        ColourPair("a staircase step's label", theme.step_text, theme.step),
        ColourPair("the current step's label", theme.step_current_text, theme.step_current),
        ColourPair("text on a search match", theme.text, theme.highlight),
    ]
    return pairs


def contrast_problems(theme: Theme) -> list[str]:
    """Each pairing below the theme's minimum, said in words."""
    minimum = minimum_for(theme)
    return [
        f"{theme.name}: {pair.where} is {pair.ratio:.2f}:1 ({pair.text} on "
        f"{pair.background}), below {minimum:g}:1"
        for pair in theme_pairs(theme)
        if pair.ratio < minimum
    ]


def every_theme() -> list[Theme]:
    return [*THEMES.values(), PRINT]
