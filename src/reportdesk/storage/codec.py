"""Between a stored draft (strings in tables) and a :class:`Report` (typed values).

Cell values are stored as text in the form :func:`core.numbers.format_value` gives
("12", "12.5"), so an amount in 万元 stays an exact Decimal; meta values as JSON.  This
module also holds :func:`read_report`, the ``.rdesk`` reader of ``reportdesk.app.reading``.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from reportdesk.core.catalog import UnknownFormError, get_form
from reportdesk.core.form import FormDef
from reportdesk.core.interchange import ReportFileError, dumps, report_from_json, report_to_json
from reportdesk.core.numbers import Value, ValueParseError, format_value, parse_value
from reportdesk.core.records import field, record
from reportdesk.core.report import META_FIELDS, InvalidValue, Report, Totals
from reportdesk.storage.draft import CELL, META, TEXT, WARNING, Change, DraftState, read_state
from reportdesk.storage.errors import DraftError

log = logging.getLogger(__name__)

#: Meta keys a draft stores, besides META_FIELDS.
CORE_META = ("agency", "year", "rulemaking_power")
META_KEYS = (*CORE_META, *META_FIELDS)

#: SelfReviewMark marks live in the ``meta`` table too, as JSON objects under these keys (no schema
#: change: ``decode`` ignores meta keys it does not know, so older versions leave them alone).
#: ``review.signoff`` {"by", "at", "fingerprint"}: the report marked 已完成;
#: ``review.section.<id>`` {"by", "at", "fingerprint"}: a step ticked 已自查;
#: ``review.warning.<finding key>`` {"fingerprint"}: what an accepted warning vouched for
#: (its reason stays in ``accepted_warnings``).
REVIEW_PREFIX = "review."
SIGNOFF_KEY = "review.signoff"
SECTION_REVIEW_PREFIX = "review.section."
WARNING_PRINT_PREFIX = "review.warning."


def encode_value(value: Value) -> str | None:
    return None if value is None else format_value(value)


def encode_meta(value: object) -> str | None:
    return None if value is None or value == "" else json.dumps(value, ensure_ascii=False)


def decode_meta(text: str | None) -> object:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


@record(frozen=False)
class LoadedDraft:
    """A draft's content in typed form."""

    form: FormDef
    report: Report
    origins: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)
    previous: Report | None = None


def form_of(state: DraftState, where: str) -> FormDef:
    form_id = state.info.get("form_id", "")
    try:
        form = get_form(form_id)
    except UnknownFormError as exc:
        raise DraftError(
            f"草稿“{where}”使用的报告格式不被本程序支持（{exc.args[0]}）。"
            "请升级 ReportDesk 或安装这一报告格式（reportdesk forms 列出已安装的格式）后再打开。",
            "future_version",
        ) from exc
    stored = state.info.get("form_version", "")
    if stored.isdigit() and int(stored) > form.version:
        raise DraftError(
            f"草稿“{where}”按更新的报告格式定义（第 {stored} 版，本程序为第 {form.version} 版）填写。请升级 ReportDesk 后再打开。",
            "future_version",
        )
    return form


def decode(state: DraftState, where: str) -> LoadedDraft:
    form = form_of(state, where)
    meta = {k: decode_meta(v) for k, v in state.meta.items()}
    year = meta.get("year")
    power = meta.get("rulemaking_power")
    report = Report(
        form_id=form.id,
        agency=str(meta.get("agency") or ""),
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        rulemaking_power=power if isinstance(power, bool) else None,
        meta={k: str(v) for k, v in meta.items() if k in META_FIELDS and v is not None},
        texts=dict(state.texts),
        totals=Totals.DERIVED,
    )
    origins: dict[str, str] = {}
    for cell_id, (text, origin) in state.cells.items():
        cell = form.cells.get(cell_id)
        if cell is None or cell.derived:
            log.warning("draft %s has a value for %s, which is not an input cell of %s", where, cell_id, form.id)
            continue
        try:
            report.cells[cell_id] = parse_value(text, cell.type)
        except ValueParseError as exc:
            report.invalid[cell_id] = InvalidValue(text, exc.message)
        origins[cell_id] = origin
    previous = None
    if state.previous_json:
        try:
            previous = report_from_json(json.loads(state.previous_json), get_form)
        except (ValueError, ReportFileError) as exc:
            log.warning("last year's report in %s cannot be read: %s", where, exc)
    return LoadedDraft(form, report, origins, dict(state.warnings), previous)


def self_review_marks(meta: dict[str, str]) -> dict[str, dict[str, str]]:
    """The review marks among a draft's stored meta rows (malformed ones are left out)."""
    out: dict[str, dict[str, str]] = {}
    for key, text in meta.items():
        if key.startswith(REVIEW_PREFIX):
            value = decode_meta(text)
            if isinstance(value, dict):
                out[key] = {k: str(v) for k, v in value.items()}
            else:
                log.warning("review mark %s is not an object: %r", key, text)
    return out


def previous_to_json(previous: Report) -> str:
    return dumps(report_to_json(get_form(previous.form_id), previous))


def initial_changes(form: FormDef, report: Report, origins: dict[str, str]) -> list[Change]:
    """The changes that take an empty draft to *report* (input cells only)."""
    changes: list[Change] = []
    for key, value in (("agency", report.agency), ("year", report.year), ("rulemaking_power", report.rulemaking_power)):
        encoded = encode_meta(value)
        if encoded is not None:
            changes.append(Change(META, key, None, encoded))
    for key in META_FIELDS:
        encoded = encode_meta(report.meta.get(key))
        if encoded is not None:
            changes.append(Change(META, key, None, encoded))
    for cell_id in form.input_cells:
        encoded = encode_value(report.cells.get(cell_id))
        if encoded is not None:
            changes.append(Change(CELL, cell_id, None, encoded, None, origins.get(cell_id, "imported")))
    for key, text in report.texts.items():
        if text:
            changes.append(Change(TEXT, key, None, text))
    return changes


def read_report(path: Path) -> Report:
    """The ``.rdesk`` reader for ``reportdesk check/dump``: no lock taken, nothing written."""
    try:
        state, _header = read_state(path)
        return decode(state, Path(path).name).report
    except DraftError as exc:
        raise ReportFileError(exc.message, exc.code) from exc


__all__ = [
    "META", "TEXT", "WARNING", "LoadedDraft", "decode", "initial_changes", "read_report", "read_warning_marks",
]


def read_warning_marks(path: Path) -> tuple[LoadedDraft, dict[str, str | None]]:
    """The content of the draft at *path* and the fingerprint stored with each accepted warning
    (``Finding.key`` -> fingerprint).  No lock, nothing written.  Whether an acceptance still holds is
    decided by the application layer (:func:`reportdesk.app.drafts.accepted_warnings`), not here."""
    try:
        state, _header = read_state(path)
        loaded = decode(state, Path(path).name)
    except DraftError as exc:
        raise ReportFileError(exc.message, exc.code) from exc
    marks = self_review_marks(state.meta)
    prints = {key[len(WARNING_PRINT_PREFIX):]: mark.get("fingerprint")
              for key, mark in marks.items() if key.startswith(WARNING_PRINT_PREFIX)}
    return loaded, prints
