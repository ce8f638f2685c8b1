"""Where the shipped form definitions and resources are, and loading a form by its id."""

from __future__ import annotations

import functools
import logging
from importlib import resources
from pathlib import Path

from reportdesk.core.form import FormDef
from reportdesk.core.form_loader import load_form

log = logging.getLogger(__name__)

DEFAULT_FORM_ID = "gov-info-disclosure-2021"


class UnknownFormError(LookupError):
    def __init__(self, form_id: str, known: list[str]) -> None:
        super().__init__(f"未知的报告格式“{form_id}”，本程序支持：{'、'.join(known) or '（无）'}")
        self.form_id = form_id


def _data_dir(name: str) -> Path:
    """``forms``, ``resources`` or ``docs``: inside the installed wheel, or at the top of a source tree."""
    packaged = resources.files("reportdesk") / "_data" / name
    if packaged.is_dir():
        return Path(str(packaged))
    source = Path(__file__).resolve().parents[3] / name
    if source.is_dir():
        return source
    raise FileNotFoundError(f"找不到程序数据文件夹 {name}，请重新安装 ReportDesk。")


def forms_dir() -> Path:
    return _data_dir("forms")


def resources_dir() -> Path:
    return _data_dir("resources")


def docs_dir() -> Path:
    """The user's guide (``docs/``: Markdown and its images)."""
    return _data_dir("docs")


def form_ids() -> list[str]:
    return sorted(p.stem for p in forms_dir().glob("*.toml"))


@functools.cache
def get_form(form_id: str = DEFAULT_FORM_ID) -> FormDef:
    """The shipped form with this id, loaded and checked once per process."""
    path = forms_dir() / f"{form_id}.toml"
    if not path.is_file():
        raise UnknownFormError(form_id, form_ids())
    return load_form(path)
