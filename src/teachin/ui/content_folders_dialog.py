"""Help › Content folders: where teachin reads content, and where your own goes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ContentFoldersDialog(QDialog):
    def __init__(
        self, user_folder: Path, folders: list[Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contentFoldersDialog")
        self.setWindowTitle("Content folders")
        self.setAccessibleName("Content folders")
        self._user_folder = user_folder

        intro = QLabel(
            "<p>Your own modules go in <b>modules/</b> inside your content folder. A file with the "
            "same id as a built-in module replaces it. Press <b>F5</b> to reload "
            "after editing.</p>",
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        path = QLabel(str(user_folder), self)
        path.setObjectName("userFolderPath")
        path.setAccessibleName("Your content folder")
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = path.font()
        font.setBold(True)
        path.setFont(font)

        listing_label = QLabel("Folders in use, lowest layer first:", self)
        listing = QListWidget(self)
        listing.setObjectName("contentFolderList")
        listing.setAccessibleName("Folders in use")
        listing.addItems([str(folder) for folder in folders])
        listing_label.setBuddy(listing)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = QPushButton("&Open my content folder", self)
        self.open_button.setAccessibleName("Open my content folder")
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self._open_user_folder)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(path)
        layout.addWidget(listing_label)
        layout.addWidget(listing)
        layout.addWidget(buttons)
        self.resize(640, 360)

    @Slot()
    def _open_user_folder(self) -> None:
        (self._user_folder / "modules").mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._user_folder)))
