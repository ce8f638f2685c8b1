"""The app's own settings (window geometry, last draft) in one ini file."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings

from reportdesk.places import APP_NAME, log_dir, settings_path

__all__ = ["APP_NAME", "app_settings", "log_dir", "settings_path"]

log = logging.getLogger(__name__)


def app_settings() -> QSettings:
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)
