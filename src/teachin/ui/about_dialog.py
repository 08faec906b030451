"""Help › About: what teachin is, its source text, and its licences."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from teachin import __version__

ABOUT_HTML = f"""
<h2>teachin {__version__}</h2>
<p>Popular-education workshops on social-movement strategy, offline.</p>
<p>The workshops follow <b>“From Theory To Practice”</b>, a policy adopted by
Solidarity Winnipeg in 2020, and the escalation staircase of Rushdia Mehreen and
David Gray-Donald (2015).</p>
<p><b>Licences</b><br/>
Code: GNU General Public License, version 3 or later (GPL-3.0-or-later).<br/>
Workshop content: Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0):
adapt it for your own fight and share it on the same terms.</p>
<p>teachin makes no network requests. Links to websites open in your browser
only when you click them.</p>
"""


class AboutDialog(QDialog):
    def __init__(self, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About teachin")
        self.setAccessibleName("About teachin")

        picture = QLabel(self)
        picture.setPixmap(icon.pixmap(96, 96))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        picture.setAccessibleName("teachin icon")

        text = QLabel(ABOUT_HTML, self)
        text.setObjectName("aboutText")
        text.setAccessibleName("About teachin")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        text.setMinimumWidth(440)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")

        row = QHBoxLayout()
        row.setSpacing(18)
        row.addWidget(picture)
        row.addWidget(text, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.addLayout(row)
        layout.addWidget(buttons)
