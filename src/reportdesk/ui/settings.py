"""The app's own settings (window geometry, last draft) in one ini file."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QSettings

log = logging.getLogger(__name__)

APP_NAME = "ReportDesk"


def settings_path() -> Path:
    home = os.environ.get("REPORTDESK_HOME")
    if home:
        return Path(home) / "settings.ini"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.ini"


def app_settings() -> QSettings:
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)


def log_dir() -> Path:
    """Where crash logs go: the same folder the Help menu opens."""
    from reportdesk.app.paths import log_dir as help_log_dir

    return help_log_dir()
