"""The phones' windows as a screen-reader or keyboard-only user meets them: every control
named (no two alike), Tab reaching every control in reading order, and nothing out of
reach of both Tab and a key: the console's phones row in room play, the groups window,
the address list and the help."""

from __future__ import annotations

from present_fakes import console_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from tests.accessibility import check_window

from teachin.ui.phones.address_dialog import AddressDialog
from teachin.ui.phones.addresses import Address
from teachin.ui.phones.connect_help import ConnectHelpDialog

Key = Qt.Key


def test_the_console_and_projector_with_phones_on(qtbot, room):
    qtbot.keyClick(room.console, Key.Key_R)
    qtbot.keyClick(room.console, Key.Key_PageDown)
    qtbot.keyClick(room.console, Key.Key_J)
    assert room.phones.on and room.console.room_panel.phones_bar.isVisible()
    check_window(room.console, keys=console_keys(room.console))
    check_window(room.audience)


def test_the_groups_window(qtbot, groups_window):
    check_window(groups_window)
    qtbot.mouseClick(groups_window.start_button, Qt.MouseButton.LeftButton)
    assert groups_window.link.on
    check_window(groups_window)


def test_the_address_list_and_the_help(qtbot):
    addresses = [Address("192.168.43.12", "wlan0"), Address("10.4.0.7", "eth0")]
    dialog = AddressDialog(addresses)
    qtbot.addWidget(dialog)
    dialog.show()
    check_window(dialog)
    qtbot.mouseClick(dialog.help_button, Qt.MouseButton.LeftButton)
    (help_dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, ConnectHelpDialog)]
    check_window(help_dialog)
    help_dialog.close()
