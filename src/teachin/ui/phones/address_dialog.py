"""The facilitator picks the network address phones join on (never every interface:
only the one chosen listens). The list comes best first; the last choice is
preselected when it is still there."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from teachin.ui.phones.addresses import Address
from teachin.ui.phones.connect_help import TITLE as HELP_TITLE
from teachin.ui.phones.connect_help import ConnectHelpDialog

NO_NETWORK = (
    "This laptop is not on any network phones could join. Join the hall's Wi-Fi, or "
    "turn on a phone's hotspot and join it, then try again. Until then, count hands."
)


class AddressDialog(QDialog):
    """Which of this laptop's addresses phones join on."""

    addressChosen = Signal(str)
    """The address the facilitator confirmed."""

    def __init__(
        self, addresses: list[Address], remembered: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phones-address")
        self.setWindowTitle("Phones: choose the network")
        self.setAccessibleName("Choose the network phones join on")
        self.addresses = list(addresses)
        intro = QLabel(
            "Phones join on the network this laptop shares with the room. Pick the "
            "room's Wi-Fi or your phone's hotspot; only that address listens, and only "
            "while phones are on."
            if addresses
            else NO_NETWORK,
            self,
        )
        intro.setWordWrap(True)
        intro.setObjectName("phones-address-intro")
        self.intro = intro
        self.choices = QListWidget(self)
        self.choices.setObjectName("phones-addresses")
        self.choices.setAccessibleName("Network addresses of this laptop")
        for address in addresses:
            item = QListWidgetItem(address.label, self.choices)
            item.setData(Qt.ItemDataRole.UserRole, address.ip)
        if addresses:
            ips = [a.ip for a in addresses]
            self.choices.setCurrentRow(ips.index(remembered) if remembered in ips else 0)
        self.choices.itemDoubleClicked.connect(self.accept)
        self.choices.setVisible(bool(addresses))

        buttons = QDialogButtonBox(self)
        self.use_button = buttons.addButton(
            "Use this address", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.use_button.setVisible(bool(addresses))
        buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel
            if addresses
            else QDialogButtonBox.StandardButton.Close
        )
        self.help_button = QPushButton(HELP_TITLE, self)
        self.help_button.setObjectName("phones-help")
        buttons.addButton(self.help_button, QDialogButtonBox.ButtonRole.HelpRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.help_button.clicked.connect(self.show_help)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.choices)
        layout.addWidget(buttons)
        self.resize(560, 320 if addresses else 180)

    @classmethod
    def ask(cls, addresses: list[Address], remembered: str, parent: QWidget) -> AddressDialog:
        """Opens the dialog over ``parent`` (window-modal, deleted once closed); connect
        to its ``addressChosen``."""
        dialog = cls(addresses, remembered, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def accept(self) -> None:
        chosen = self.chosen
        super().accept()
        if chosen is not None:
            self.addressChosen.emit(chosen.ip)

    @property
    def chosen(self) -> Address | None:
        row = self.choices.currentRow()
        return self.addresses[row] if 0 <= row < len(self.addresses) else None

    @Slot()
    def show_help(self) -> None:
        ConnectHelpDialog(self).show()
