"""The facilitator's "Phones can't connect?" panel: what goes wrong with phones in
a real hall, and what to do about it, ending with the path that always works (hands)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

TITLE = "Phones can't connect?"

CONNECT_HELP_HTML = """
<h2>Phones can't connect?</h2>
<p>Phones join this laptop over the room's network; nothing goes through the internet.
Try these in order.</p>
<ol>
<li><b>Same network.</b> Every phone must be on the same Wi-Fi as this laptop: the one
whose address is on the projector.</li>
<li><b>Type the address exactly</b>, starting with <code>http://</code> (not https), the
numbers, the colon and the code, or scan the QR code.</li>
<li><b>Guest Wi-Fi keeps devices apart.</b> Many halls' guest networks let each device
reach the internet but not each other, so the page never loads. Use a phone's hotspot
instead: turn the hotspot on, join this laptop and the room's phones to it, then choose
its address here (Change address).</li>
<li><b>Android leaves a Wi-Fi without internet.</b> A phone may say "connected, no
internet" and quietly switch to mobile data. Tap the network and choose to stay
connected (or turn mobile data off for the vote).</li>
<li><b>This laptop's firewall</b> may refuse phones: allow teachin on private networks
when the system asks (Windows asks the first time phones are turned on).</li>
<li><b>A locked phone</b> comes back where it was when it is unlocked; its vote is kept.</li>
<li><b>Nothing works, or someone has no phone?</b> Count hands as before: type the hands
beside the options. Hands and phone votes add up on the projector and are kept apart in
the saved game.</li>
</ol>
"""


class ConnectHelpDialog(QDialog):
    """The troubleshooting panel, beside the presenter console (not modal: play goes on)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phones-connect-help")
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName("What to try when phones cannot join")
        self.text.setOpenLinks(False)
        self.text.setHtml(CONNECT_HELP_HTML)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(620, 560)
