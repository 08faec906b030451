"""The user's own folders, from the platform's conventions (QStandardPaths)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

APP_NAME = "teachin"
ORGANIZATION = "teachin"
ORGANIZATION_DOMAIN = "org.teachin"


def set_application_names() -> None:
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setOrganizationDomain(ORGANIZATION_DOMAIN)


def app_data_dir() -> Path:
    set_application_names()
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)


def user_content_dir() -> Path:
    """Where a user keeps their own modules and scenarios (overriding built-in ones)."""
    return app_data_dir() / "content"


def runs_dir() -> Path:
    """Where the scenario player saves the groups' runs (and the export dialog finds them)."""
    return app_data_dir() / "runs"


def cache_dir() -> Path:
    """Where teachin keeps what it can always rebuild (rendered pages, the library cache)."""
    set_application_names()
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation))
