"""The presenter console's phones row: turn phones on or off, close the phones' vote,
change the address, and the help when phones cannot join; a line says how many
phones are connected and have voted."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from teachin.ui.phones.address_dialog import AddressDialog
from teachin.ui.phones.connect_help import TITLE as HELP_TITLE
from teachin.ui.phones.connect_help import ConnectHelpDialog
from teachin.ui.phones.join_panel import short_address
from teachin.ui.phones.room_phones import RoomPhones
from teachin.ui.tab_order import chain_tab_order, key_window_button


def _button(text: str, tip: str, name: str, parent: QWidget) -> QPushButton:
    button = key_window_button(text, parent)  # Tab reaches it: three have no key
    button.setObjectName(f"phones-{name}")
    button.setToolTip(tip)
    return button


class PhonesBar(QWidget):
    """Phones on, off and their vote, for the facilitator."""

    def __init__(self, phones: RoomPhones, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phones = phones
        self.setObjectName("phones-bar")
        self.setAccessibleName("Phones in the room")
        self.status = QLabel(self)
        self.status.setObjectName("phones-status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName("Phones")
        self.on_button = _button(
            "Phones join (J)", "Let the room vote from their phones", "on", self
        )
        self.on_button.clicked.connect(phones.turn_on)
        self.off_button = _button("Phones off", "Stop the phones' server; hands go on", "off", self)
        self.off_button.clicked.connect(phones.turn_off)
        self.vote_button = _button("Close the phones' vote (V)", "V", "vote", self)
        self.vote_button.clicked.connect(phones.toggle_vote)
        self.address_button = _button(
            "Change address…", "The network phones join on", "address", self
        )
        self.address_button.clicked.connect(self.choose_address)
        self.help_button = _button(HELP_TITLE, "What to try when phones cannot join", "help", self)
        self.help_button.clicked.connect(self.show_help)
        buttons = QHBoxLayout()
        row = [self.on_button, self.vote_button, self.off_button, self.address_button]
        row.append(self.help_button)
        for button in row:
            buttons.addWidget(button)
        chain_tab_order(*row)  # as they stand, not as they were made
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        phones.changed.connect(self.refresh)
        phones.addressNeeded.connect(self.choose_address)
        phones.room.changed.connect(self.refresh)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        phones = self.phones
        link = phones.link
        on = phones.on
        self.on_button.setVisible(not on)
        self.off_button.setVisible(on)
        vote_open = phones.vote_open
        self.vote_button.setVisible(vote_open is not None)
        self.vote_button.setText(
            "Close the phones' vote (V)" if vote_open else "Open the phones' vote again (V)"
        )
        if on:
            line = f"Phones on at {short_address(link.url)}: {link.devices} connected"
            if vote_open is not None:
                line += f", {sum(phones.votes().values())} voted"
                line += "" if vote_open else " (vote closed)"
            line += "."
        else:
            line = "Phones off: hands only."
        if phones.message:
            line += f"\n{phones.message}"
        self.status.setText(line)

    @Slot()
    def choose_address(self) -> None:
        """The facilitator picks the network (several, and none remembered; or to change it)."""
        setup = self.phones.setup
        dialog = AddressDialog.ask(setup.addresses(), setup.settings.phone_address, self)
        dialog.addressChosen.connect(self.phones.start_on)

    @Slot()
    def show_help(self) -> None:
        ConnectHelpDialog(self).show()
