"""Colour themes for documents, the staircase drawing and the app's palette."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    dark: bool
    text: str
    background: str
    heading: str
    link: str
    muted: str
    rule: str
    label: str
    notes: str
    activity: str
    questions: str
    handout: str
    example: str
    table_head: str
    step: str
    step_current: str
    step_hidden: str
    step_text: str
    step_current_text: str
    highlight: str


LIGHT = Theme(
    id="light",
    name="Light",
    dark=False,
    text="#1d1f21",
    background="#ffffff",
    heading="#7a1f1f",
    link="#0b4f8a",
    muted="#555b61",
    rule="#c9ced3",
    label="#3b3f44",
    notes="#fff4d6",
    activity="#e3f1e3",
    questions="#e6eefb",
    handout="#f1e8f6",
    example="#f2f2ee",
    table_head="#eceff2",
    step="#d9dde2",
    step_current="#a8322d",
    step_hidden="#f1f2f4",
    step_text="#1d1f21",
    step_current_text="#ffffff",
    highlight="#ffe28a",
)
DARK = Theme(
    id="dark",
    name="Dark",
    dark=True,
    text="#e6e6e6",
    background="#1e2125",
    heading="#f2a29a",
    link="#8cc4ff",
    muted="#a7adb3",
    rule="#4a5057",
    label="#d0d4d8",
    notes="#3a3322",
    activity="#24362a",
    questions="#232f40",
    handout="#33283a",
    example="#2c2e31",
    table_head="#2c3137",
    step="#3c434b",
    step_current="#e0685f",
    step_hidden="#272b30",
    step_text="#e6e6e6",
    step_current_text="#111111",
    highlight="#6b5a1a",
)
HIGH_CONTRAST = Theme(
    id="high-contrast",
    name="High contrast",
    dark=True,
    text="#ffffff",
    background="#000000",
    heading="#ffff00",
    link="#00ffff",
    muted="#ffffff",
    rule="#ffffff",
    label="#ffff00",
    notes="#000000",
    activity="#000000",
    questions="#000000",
    handout="#000000",
    example="#000000",
    table_head="#000000",
    step="#000000",
    step_current="#ffff00",
    step_hidden="#000000",
    step_text="#ffffff",
    step_current_text="#000000",
    highlight="#0000aa",
)
PRINT = Theme(
    id="print",
    name="Print",
    dark=False,
    text="#000000",
    background="#ffffff",
    heading="#000000",
    link="#000000",
    muted="#333333",
    rule="#888888",
    label="#000000",
    notes="#f2f2f2",
    activity="#f2f2f2",
    questions="#f2f2f2",
    handout="#f2f2f2",
    example="#f2f2f2",
    table_head="#e6e6e6",
    step="#dddddd",
    step_current="#555555",
    step_hidden="#ffffff",
    step_text="#000000",
    step_current_text="#ffffff",
    highlight="#dddddd",
)

THEMES: dict[str, Theme] = {theme.id: theme for theme in (LIGHT, DARK, HIGH_CONTRAST)}


def theme_named(theme_id: str) -> Theme:
    return THEMES.get(theme_id, LIGHT)
