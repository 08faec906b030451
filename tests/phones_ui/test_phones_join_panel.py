"""The projector's phones panel: the join address in large type, a QR code that says
the same address, the phones connected and the live tally by option number."""

from __future__ import annotations

from PySide6.QtGui import QColor

from teachin.ui.phones.join_panel import JoinPanel, TallyRow, short_address
from teachin.ui.phones.qr_view import qr_svg
from teachin.workshop.themes import HIGH_CONTRAST

URL = "http://192.168.1.20:8123/KXPW/"


def test_the_join_panel_shows_the_address_the_qr_and_the_tally(qtbot):
    panel = JoinPanel()
    qtbot.addWidget(panel)
    panel.apply_theme(HIGH_CONTRAST)
    panel.resize(520, 1080)
    panel.show()
    panel.show_join(URL, "KXPW")
    assert panel.address.text() == "192.168.1.20:8123/KXPW\ncode KXPW"
    assert short_address(URL) == "192.168.1.20:8123/KXPW"
    assert panel.qr.text == URL
    assert panel.qr.modules == 37  # version 5 symbol and its quiet zone: 29 + 8
    assert panel.devices.text() == "No phone connected yet"
    panel.show_devices(1)
    assert panel.devices.text() == "1 phone connected"
    panel.show_devices(23)
    assert panel.devices.text() == "23 phones connected"
    assert not panel.tally.isVisible()

    panel.show_tally([TallyRow("1", 7, 3), TallyRow("2", 0, 0), TallyRow("3", 12, 0)], True)
    assert panel.vote_state.text() == "Vote open: choose on your phone"
    assert panel.tally.isVisible()
    description = panel.tally.accessibleDescription()
    assert "option 1: 10 (7 phones + 3 hands)" in description
    assert "option 3: 12 (12 phones + 0 hands)" in description
    assert "option 2" not in description  # nineteen options: only those with a vote or a hand
    panel.show_tally(panel.tally.rows, False)
    assert panel.vote_state.text() == "Vote closed"

    # The QR is drawn a whole number of pixels a module, black on white.
    rect = panel.qr.symbol_rect()
    assert rect.width() % 37 == 0 and rect.width() >= 37 * 4
    image = panel.grab().toImage()
    top_left = panel.qr.mapTo(panel, rect.topLeft().toPoint())
    module = rect.width() / 37
    finder = image.pixelColor(int(top_left.x() + module * 4.5), int(top_left.y() + module * 4.5))
    quiet = image.pixelColor(int(top_left.x() + module * 1.5), int(top_left.y() + module * 1.5))
    assert finder == QColor("#000000") and quiet == QColor("#ffffff")


def test_the_qr_svg_is_a_whole_symbol():
    svg = qr_svg(URL).decode()
    assert svg.startswith("<svg") and 'width="37"' in svg
