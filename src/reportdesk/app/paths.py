"""Where the user's guide and the log folder are (for the Help menu), and free file names; no Qt here.

The Help menu shows :func:`guide_path` (Markdown; ``QTextBrowser.setSource`` renders it with its
images, offline) and "打开日志文件夹" opens :func:`ensure_log_dir`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path, PurePosixPath

from reportdesk.core.catalog import docs_dir
from reportdesk.core.file_names import safe_file_name

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


def free_path(folder: Path, name: str) -> Path:
    """*folder*/*name* made safe (:func:`reportdesk.core.file_names.safe_file_name`), with "-2",
    "-3" … added to the stem when the name is taken; an existing file is never chosen."""
    folder = Path(folder)
    suffix = PurePosixPath(name).suffix
    safe = safe_file_name(name[: len(name) - len(suffix)], suffix, folder=str(folder))
    stem = safe[: len(safe) - len(suffix)]
    path, n = folder / safe, 2
    while path.exists() or path.is_symlink():
        candidate = folder / safe_file_name(f"{stem}-{n}", suffix, folder=str(folder), room=0)
        if candidate == path:  # no room left for the number: shorten the stem
            stem = stem[:-1] or "_"
            continue
        path, n = candidate, n + 1
    return path
