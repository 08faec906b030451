"""The app's palette and focus styling, from a document theme."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap, QPolygonF

from teachin.workshop.themes import Theme

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def palette_for(theme: Theme) -> QPalette:
    background = QColor(theme.background)
    text = QColor(theme.text)
    if theme.id == "high-contrast":
        window = background
    elif theme.dark:
        window = background.lighter(125)
    else:
        window = background.darker(106)
    highlight = QColor(theme.link)
    palette = QPalette()
    for role, colour in (
        (Role.Window, window),
        (Role.WindowText, text),
        (Role.Base, background),
        (Role.AlternateBase, window if theme.id != "high-contrast" else background),
        (Role.Text, text),
        (Role.Button, window),
        (Role.ButtonText, text),
        (Role.BrightText, QColor(theme.step_current)),
        (Role.ToolTipBase, background),
        (Role.ToolTipText, text),
        (Role.PlaceholderText, QColor(theme.muted)),
        (Role.Highlight, highlight),
        (Role.HighlightedText, background),
        (Role.Link, QColor(theme.link)),
        (Role.LinkVisited, QColor(theme.link)),
        (Role.Light, window.lighter(130)),
        (Role.Midlight, window.lighter(115)),
        (Role.Mid, QColor(theme.rule)),
        (Role.Dark, QColor(theme.rule).darker(130)),
        (Role.Shadow, QColor(theme.rule).darker(200)),
    ):
        palette.setColor(role, colour)
    muted = QColor(theme.muted)
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, muted)
    return palette


def focus_style_sheet(theme: Theme) -> str:
    """A clear focus ring on the big widgets, visible from the back of a room."""
    ring = theme.step_current if theme.id != "high-contrast" else "#ffff00"
    return (
        f"QTreeView:focus, QListView:focus, QTextBrowser:focus, QLineEdit:focus "
        f"{{ border: 2px solid {ring}; }}"
        f"QTreeView, QListView, QTextBrowser {{ border: 2px solid transparent; }}"
        f"QLineEdit {{ padding: 4px; border: 1px solid {theme.rule}; border-radius: 3px; "
        f"background: {theme.background}; color: {theme.text}; }}"
        f"QLineEdit:focus {{ border: 2px solid {ring}; }}"
        # Tool buttons drawn the same way in every state, so that one switched on
        # (Notes) shows it on every theme by a frame, not by a shade alone.
        f"QToolButton {{ border: 2px solid transparent; border-radius: 3px; padding: 2px; }}"
        f"QToolButton:hover {{ border-color: {theme.rule}; }}"
        f"QToolButton:focus {{ border-color: {ring}; }}"
        f"QToolButton:checked, QToolButton:pressed {{ background: {theme.step}; "
        f"color: {theme.text}; border-color: {ring}; }}"
    )


def arrow_icon(
    pointing_left: bool, colour: str, disabled_colour: str | None = None, size: int = 22
) -> QIcon:
    """A solid arrow in the theme's text colour (the style's own arrows vanish on
    dark themes). Disabled (nowhere to go back to), it is a hollow outline in
    ``disabled_colour``: told by its shape as well as by its colour, which the
    style's own greying barely changes on the high-contrast theme."""
    icon = QIcon(_arrow_pixmap(pointing_left, colour, size, solid=True))
    if disabled_colour is not None:
        hollow = _arrow_pixmap(pointing_left, disabled_colour, size, solid=False)
        icon.addPixmap(hollow, QIcon.Mode.Disabled)
    return icon


def _arrow_pixmap(pointing_left: bool, colour: str, size: int, solid: bool) -> QPixmap:
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if solid:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
    else:
        painter.setPen(QPen(QColor(colour), 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    s = size
    points = [
        (0.15, 0.5),
        (0.55, 0.15),
        (0.55, 0.36),
        (0.88, 0.36),
        (0.88, 0.64),
        (0.55, 0.64),
        (0.55, 0.85),
    ]
    if not pointing_left:
        points = [(1 - x, y) for x, y in points]
    painter.drawPolygon(QPolygonF([QPointF(x * s, y * s) for x, y in points]))
    painter.end()
    return pixmap
