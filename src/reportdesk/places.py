"""Where ReportDesk keeps things: the one module that resolves every folder and file location.

``REPORTDESK_HOME`` (``~`` expanded), when set, holds everything of the user's: drafts, ``forms/``
(form packs the office installs), ``settings.ini``, ``logs/`` and ``cache/`` (copies made again when
missing).  Otherwise the per-user folders of
the platform are used (``platformdirs``: ``%LOCALAPPDATA%\\ReportDesk`` on Windows,
``~/.local/share/ReportDesk`` on Linux …).  The program's own data (``forms``, ``resources``,
``docs``) is inside the installed wheel, or at the top of a source tree.

This is the lowest layer of the package (below ``core``): it imports only the standard library,
and ``platformdirs`` lazily when no ``REPORTDESK_HOME`` is set, so every layer may use it.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

APP_NAME = "ReportDesk"
HOME_VARIABLE = "REPORTDESK_HOME"
GUIDES = {"zh_CN": "guide.zh-CN.md", "en": "guide.en.md"}
DEFAULT_LANGUAGE = "zh_CN"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_VARIABLE, "").strip()
    return Path(value).expanduser() if value else None


@functools.cache
def _platform_dir(kind: str) -> Path:
    import platformdirs

    getters: dict[str, Callable[..., str]] = {
        "data": platformdirs.user_data_dir,
        "config": platformdirs.user_config_dir,
        "log": platformdirs.user_log_dir,
        "cache": platformdirs.user_cache_dir,
    }
    return Path(getters[kind](APP_NAME, appauthor=False)).expanduser()


# --- the user's folders ---------------------------------------------------------------

def user_home() -> Path:
    """``$REPORTDESK_HOME`` if set, else the per-user data folder; created when missing (best effort)."""
    home = _home_override() or _platform_dir("data")
    with contextlib.suppress(OSError):
        home.mkdir(parents=True, exist_ok=True)
    return home


def user_forms_dir() -> Path:
    """``forms`` in the user's data folder: form packs installed by the office (not created here)."""
    return (_home_override() or _platform_dir("data")) / "forms"


def settings_path() -> Path:
    """``settings.ini``: in ``$REPORTDESK_HOME`` if set, else in the per-user config folder."""
    home = _home_override()
    return (home if home is not None else _platform_dir("config")) / "settings.ini"


def log_dir() -> Path:
    """``$REPORTDESK_HOME/logs`` if set, else the per-user log folder (``%LOCALAPPDATA%\\ReportDesk\\Logs``,
    ``~/.local/state/ReportDesk/log``); where crash logs are written."""
    home = _home_override()
    return home / "logs" if home is not None else _platform_dir("log")


def cache_dir() -> Path:
    """``$REPORTDESK_HOME/cache`` if set, else the per-user cache folder (``%LOCALAPPDATA%\\ReportDesk\\Cache``,
    ``~/.cache/ReportDesk``): copies the program can always make again (not created here)."""
    home = _home_override()
    return home / "cache" if home is not None else _platform_dir("cache")


def ensure_log_dir() -> Path:
    """:func:`log_dir`, created when missing, so that the file manager can open it."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# --- the program's own data -----------------------------------------------------------

@functools.cache
def _package_dir() -> Path:
    """The installed package's folder (wheel, frozen build), resolved once: it does not move while the
    program runs, and resolving it costs a system call per path component (form look-ups ask often)."""
    return Path(__file__).resolve().parent


@functools.cache
def _data_dir(name: str) -> Path:
    """``forms``, ``resources`` or ``docs``: inside the installed wheel, or at the top of a source tree;
    found once (it does not move while the program runs, and a batch check asks for each file)."""
    here = _package_dir()
    packaged = here / "_data" / name
    if packaged.is_dir():
        return packaged
    source = here.parents[1] / name
    if source.is_dir():
        return source
    raise FileNotFoundError(f"找不到程序数据文件夹 {name}，请重新安装 ReportDesk。")


def forms_dir() -> Path:
    """The form definitions shipped with the program."""
    return _data_dir("forms")


def resources_dir() -> Path:
    return _data_dir("resources")


def docs_dir() -> Path:
    """The user's guide (``docs/``: Markdown and its images)."""
    return _data_dir("docs")


def guide_path(language: str = DEFAULT_LANGUAGE) -> Path:
    """The user's guide in *language* (``zh_CN`` or ``en``; anything else gives the Chinese one)."""
    return docs_dir() / GUIDES.get(language, GUIDES[DEFAULT_LANGUAGE])
