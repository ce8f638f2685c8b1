"""Where the user's guide and the log folder are (for the Help menu); no Qt here.

The Help menu shows :func:`guide_path` (Markdown; ``QTextBrowser.setSource`` renders it with its
images, offline) and "打开日志文件夹" opens :func:`ensure_log_dir`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from reportdesk.core.catalog import docs_dir

log = logging.getLogger(__name__)

APP_NAME = "ReportDesk"
GUIDES = {"zh_CN": "guide.zh-CN.md", "en": "guide.en.md"}
DEFAULT_LANGUAGE = "zh_CN"


def guide_path(language: str = DEFAULT_LANGUAGE) -> Path:
    """The user's guide in *language* (``zh_CN`` or ``en``; anything else gives the Chinese one)."""
    return docs_dir() / GUIDES.get(language, GUIDES[DEFAULT_LANGUAGE])


def log_dir() -> Path:
    """``$REPORTDESK_HOME/logs`` if set, else the per-user log folder (``%LOCALAPPDATA%\\ReportDesk\\Logs``,
    ``~/.local/state/ReportDesk/log``); where crash logs are written."""
    home = os.environ.get("REPORTDESK_HOME")
    if home:
        return Path(home) / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def ensure_log_dir() -> Path:
    """:func:`log_dir`, created when missing, so that the file manager can open it."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder
