"""Which address phones join on: found with Qt's interfaces, private ones first, never
link-local or loopback; the facilitator picks one in a small dialog that remembers it."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from teachin.ui.phones.address_dialog import NO_NETWORK, AddressDialog
from teachin.ui.phones.addresses import Address, network_addresses, rank_addresses
from teachin.ui.phones.connect_help import ConnectHelpDialog
from teachin.ui.settings import Settings


def test_private_addresses_come_first_and_unusable_ones_never():
    found = [
        ("eth0", "10.4.0.7"),
        ("docker0", "172.17.0.1"),
        ("wlan0", "192.168.43.12"),
        ("wlan0", "fe80::1%wlan0"),
        ("usb0", "169.254.10.20"),
        ("lo", "127.0.0.1"),
        ("tun0", "8.8.4.4"),
        ("wlan0", "192.168.43.12"),
        ("odd", "not an address"),
    ]
    ranked = rank_addresses(found)
    assert [a.ip for a in ranked] == ["192.168.43.12", "10.4.0.7", "172.17.0.1", "8.8.4.4"]
    assert ranked[0] == Address("192.168.43.12", "wlan0", private=True)
    assert "not a private address" in ranked[-1].label
    assert ranked[0].label == "192.168.43.12 (wlan0)"


def test_this_machines_interfaces_give_usable_addresses_only():
    for address in network_addresses():  # whatever this machine has; may be none
        assert not address.ip.startswith(("127.", "169.254."))
        assert ":" not in address.ip


def test_the_dialog_preselects_the_remembered_address(qtbot, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert settings.phone_address == ""
    settings.phone_address = "10.4.0.7"
    addresses = [Address("192.168.43.12", "wlan0"), Address("10.4.0.7", "eth0")]
    dialog = AddressDialog(addresses, settings.phone_address)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen == addresses[1]
    assert dialog.choices.count() == 2
    assert dialog.choices.item(0).text() == "192.168.43.12 (wlan0)"
    # The facilitator picks the Wi-Fi instead, with the keyboard, and confirms.
    dialog.choices.setFocus()
    qtbot.keyClick(dialog.choices, Qt.Key.Key_Up)
    assert dialog.chosen == addresses[0]
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)


def test_no_network_says_so_and_offers_the_help(qtbot):
    dialog = AddressDialog([], "192.168.1.2")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen is None
    assert dialog.intro.text() == NO_NETWORK
    assert "count hands" in NO_NETWORK
    assert not dialog.use_button.isVisible()
    qtbot.mouseClick(dialog.help_button, Qt.MouseButton.LeftButton)
    helps = [w for w in QApplication.topLevelWidgets() if isinstance(w, ConnectHelpDialog)]
    assert len(helps) == 1 and helps[0].isVisible()
    text = helps[0].text.toPlainText()
    for advice in ("Guest Wi-Fi", "hotspot", "Android", "Count hands"):
        assert advice in text
    helps[0].close()
