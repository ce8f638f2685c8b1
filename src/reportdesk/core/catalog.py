"""The installed form definitions (form packs), and choosing one by its id or by the report's year.

Forms are found in two folders: the program's own ``forms/`` and ``forms`` in the user's data folder
(``REPORTDESK_HOME/forms`` when set; see :mod:`reportdesk.places`), so that an office can install a
new official format without a new release.  Each ``*.toml`` there is one form; its ``[form]`` table
names its id, title, basis and the years it applies to (``valid_from_year``, optionally
``valid_to_year``).

A format id read from a file (a JSON report, a .docx/.xlsx's embedded data, a draft) is only ever
*looked up* among the installed ids, never joined to a folder: ``../x``, absolute paths and
``\\\\host\\share`` are unknown ids like any other (:class:`UnknownFormError`, "未知的报告格式").
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportdesk.core import form_cache
from reportdesk.core.form import FormDef
from reportdesk.core.form_loader import FormDefinitionError, compile_form, load_form
from reportdesk.core.pattern_cache import compile_pattern
from reportdesk.core.records import record
from reportdesk.places import docs_dir, forms_dir, resources_dir, user_forms_dir

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_FORM_ID",
    "FormEntry",
    "UnknownFormError",
    "available_forms",
    "docs_dir",
    "form_for_year",
    "form_ids",
    "forms_dir",
    "get_form",
    "resources_dir",
]

#: The form of reports that name none and whose year no installed form covers.
DEFAULT_FORM_ID = "gov-info-disclosure-2021"
FORM_ID = compile_pattern(r"[a-z0-9][a-z0-9-]{0,63}")
MAX_FORM_FILE_BYTES = 2 * 1024 * 1024
ORIGIN_PROGRAM = "程序自带"
ORIGIN_USER = "用户安装"


def shorten(text: str, limit: int = 40) -> str:
    """*text* for a message: control and unprintable characters shown as escapes, at most *limit* long."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


class UnknownFormError(LookupError):
    def __init__(self, form_id: object, known: list[str], reason: str = "") -> None:
        shown = shorten(form_id if isinstance(form_id, str) else repr(form_id))
        why = f"（{reason}）" if reason else ""
        super().__init__(f"未知的报告格式“{shown}”{why}，本程序支持：{'、'.join(known) or '（无）'}")
        self.form_id = form_id


@record
class FormEntry:
    """One installed form file, as ``reportdesk forms`` lists it."""

    id: str
    title: str
    basis: str
    valid_from_year: int
    valid_to_year: int | None
    path: Path
    origin: str  # ORIGIN_PROGRAM or ORIGIN_USER
    problem: str = ""  # why it is not used ("" when it is)

    def covers(self, year: int) -> bool:
        return self.valid_from_year <= year and (self.valid_to_year is None or year <= self.valid_to_year)

    @property
    def years(self) -> str:
        """"2021 年起" or "2021—2025 年"."""
        if self.valid_to_year is None:
            return f"{self.valid_from_year} 年起"
        return f"{self.valid_from_year}—{self.valid_to_year} 年"


def _folders() -> list[tuple[Path, str]]:
    return [(forms_dir(), ORIGIN_PROGRAM), (user_forms_dir(), ORIGIN_USER)]


def _stamp(path: Path) -> tuple[str, int]:
    """What changes when a form file is added to, removed from or renamed in a folder, or a file is
    rewritten: one ``stat``, so that looking a form up stays cheap."""
    try:
        return str(path), path.stat().st_mtime_ns
    except OSError:
        return str(path), 0


class _Look:
    """What the installed forms were found to be at the start of a :func:`single_look` block."""

    __slots__ = ("entries", "forms")

    def __init__(self) -> None:
        self.entries: tuple[FormEntry, ...] | None = None
        self.forms: dict[str, FormDef] = {}


_look: _Look | None = None


@contextlib.contextmanager
def single_look() -> Iterator[None]:
    """Within the block the forms folders and files are looked at once, not at every look-up.

    A batch check reads each file inside one (the reader, the mapper and the rules look forms up a
    few times a file, each time a handful of ``stat`` calls); the next file looks again, so a form
    installed during a batch serves the files read after it.
    """
    global _look
    outer = _look
    _look = outer or _Look()
    try:
        yield
    finally:
        _look = outer


def available_forms() -> list[FormEntry]:
    """Every form file in the program's and the user's forms folders (broken ones with their ``problem``)."""
    look = _look
    if look is None:
        return list(_scan(tuple(_stamp(folder) for folder, _ in _folders())))
    if look.entries is None:
        look.entries = _scan(tuple(_stamp(folder) for folder, _ in _folders()))
    return list(look.entries)


@functools.cache
def _scan(_stamps: tuple[tuple[str, int], ...]) -> tuple[FormEntry, ...]:
    entries: list[FormEntry] = []
    seen: dict[str, FormEntry] = {}
    for folder, origin in _folders():
        for entry in _entries(folder, origin):
            if entry.problem:
                entries.append(entry)
            elif entry.id in seen:
                entries.append(_replace_problem(entry, f"与{seen[entry.id].origin}的格式编号相同，未使用"))
            else:
                seen[entry.id] = entry
                entries.append(entry)
    return tuple(entries)


def _replace_problem(entry: FormEntry, problem: str) -> FormEntry:
    return FormEntry(entry.id, entry.title, entry.basis, entry.valid_from_year, entry.valid_to_year,
                     entry.path, entry.origin, problem)


def _entries(folder: Path, origin: str) -> Iterator[FormEntry]:
    try:
        files = sorted(p for p in folder.glob("*.toml") if p.is_file())
    except OSError:
        return
    for path in files:
        yield _entry(path, origin)


def _entry(path: Path, origin: str) -> FormEntry:
    """The ``[form]`` head of *path*; a file that cannot serve gives an entry with its problem."""
    stem = path.stem
    try:
        if path.stat().st_size > MAX_FORM_FILE_BYTES:
            return FormEntry(stem, "", "", 0, None, path, origin, "文件过大")
        head = _parsed(path, _stamp(path)).get("form")
    except (OSError, ValueError) as exc:  # ValueError: not UTF-8, not TOML (tomllib.TOMLDecodeError)
        return FormEntry(stem, "", "", 0, None, path, origin, f"无法读取：{shorten(str(exc), 80)}")
    if not isinstance(head, dict):
        return FormEntry(stem, "", "", 0, None, path, origin, "缺少 [form] 部分")
    form_id = head.get("id")
    start, end = head.get("valid_from_year", 0), head.get("valid_to_year")
    problem = ""
    if not isinstance(form_id, str) or not FORM_ID.fullmatch(form_id):
        problem, form_id = "格式编号无效（只能用小写字母、数字和 -）", stem
    elif form_id != stem:
        problem = f"文件名应为 {form_id}.toml"
    elif not isinstance(start, int) or isinstance(start, bool) or not (isinstance(end, int) or end is None):
        problem, start, end = "valid_from_year / valid_to_year 应为年份数字", 0, None
    return FormEntry(form_id, str(head.get("title", "")), str(head.get("basis", "")), start, end, path, origin,
                     problem)


def form_ids() -> list[str]:
    """The ids of the usable installed forms."""
    return sorted(e.id for e in available_forms() if not e.problem)


def get_form(form_id: object = DEFAULT_FORM_ID) -> FormDef:
    """The installed form with this id, loaded and checked once per process.

    Anything but the id of an installed, valid form raises :class:`UnknownFormError`.
    """
    look = _look
    if look is not None and isinstance(form_id, str) and form_id in look.forms:
        return look.forms[form_id]
    entries = {e.id: e for e in available_forms() if not e.problem}
    if not isinstance(form_id, str) or form_id not in entries:
        raise UnknownFormError(form_id, sorted(entries))
    entry = entries[form_id]
    try:
        form = _load(entry.path, _stamp(entry.path))
    except FormDefinitionError as exc:
        log.warning("form %s is broken: %s", entry.path, exc)
        raise UnknownFormError(form_id, sorted(entries), "格式定义文件有错误，请运行 reportdesk forms 查看") from exc
    if look is not None:
        look.forms[form_id] = form
    return form


@functools.cache
def _parsed(path: Path, _stamp: tuple[str, int]) -> dict[str, Any]:
    """The TOML of a form file, read once per version of the file (listing and loading share it), and
    parsed only when no copy parsed from exactly this text is kept (:mod:`reportdesk.core.form_cache`)."""
    text = path.read_text(encoding="utf-8")
    data = form_cache.load(path, text)
    if data is None:
        import tomllib

        data = tomllib.loads(text)
        form_cache.store(path, text, data)
    return data


@functools.cache
def _load(path: Path, stamp: tuple[str, int]) -> FormDef:
    try:
        data = _parsed(path, stamp)
    except (OSError, ValueError):  # not UTF-8, not TOML
        return load_form(path)  # says what is wrong, with the file's name
    form, problems = compile_form(data)
    if problems or form is None:
        raise FormDefinitionError(str(path), problems)
    return form


def form_for_year(year: int | None) -> FormDef:
    """The newest usable form valid for *year* (the default form when none covers it or *year* is None)."""
    if year is not None:
        candidates = sorted((e for e in available_forms() if not e.problem and e.covers(year)),
                            key=lambda e: (e.valid_from_year, e.origin == ORIGIN_PROGRAM), reverse=True)
        for entry in candidates:
            try:
                return get_form(entry.id)
            except UnknownFormError:
                continue  # a broken form file: the next newest
    return get_form(DEFAULT_FORM_ID)
