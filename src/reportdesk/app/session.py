"""The session API: what the desktop app and the CLI call to work on one draft.

A :class:`Session` owns an open, locked draft file and the report in memory.  Every
edit returns a :class:`Changes` naming exactly what changed (derived totals included),
so a view refreshes only that; undo is ``set_cells`` with the old values it carries.
Cell and metadata edits are committed at once (a few milliseconds); section texts,
edited keystroke by keystroke, are kept pending until :meth:`Session.flush` (the app
calls it from a 1 s timer and on close).  Qt-free.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from reportdesk.app.previous_year import PreviousYearError, check_previous
from reportdesk.core.catalog import form_for_year, get_form
from reportdesk.core.checks import check_report
from reportdesk.core.equations import carry_edits
from reportdesk.core.findings import Finding
from reportdesk.core.form import FormDef
from reportdesk.core.interchange import MAX_AGENCY_CHARS, YEAR_RANGE, parse_year, text_problem
from reportdesk.core.numbers import Value, ValueParseError, format_value, parse_value
from reportdesk.core.records import field, record
from reportdesk.core.report import EXTRA_TEXTS, META_FIELDS, Report, Totals, derive
from reportdesk.core.self_review import (
    Acceptance,
    SelfReviewMark,
    finding_fingerprint,
    report_fingerprint,
    section_fingerprint,
    self_review_ids,
)
from reportdesk.core.self_review import (
    acceptances as review_acceptances,
)
from reportdesk.core.typed_text import clean_typed_text
from reportdesk.storage.codec import (
    SECTION_REVIEW_PREFIX,
    SIGNOFF_KEY,
    WARNING_PRINT_PREFIX,
    decode,
    encode_meta,
    encode_value,
    initial_changes,
    previous_to_json,
    self_review_marks,
)
from reportdesk.storage.draft import CELL, META, ORIGINS, TEXT, WARNING, Change, DraftFile, Revision, now
from reportdesk.storage.errors import DraftError
from reportdesk.storage.home import RecentDraft, drafts_home, recent_drafts, remember_draft
from reportdesk.storage.recovery import RecoveryResult, recover

log = logging.getLogger(__name__)

__all__ = [
    "Acceptance",
    "Changes",
    "DraftError",
    "EditError",
    "IncompleteError",
    "RecentDraft",
    "RecoveryResult",
    "Revision",
    "SelfReviewMark",
    "Session",
    "drafts_home",
    "recent_drafts",
    "recover",
    "total_discrepancies",
]

META_NAMES: dict[str, str] = {"agency": "填报单位", "year": "报告年度", "rulemaking_power": "规章制定权", **META_FIELDS}


def _check_previous(previous: Report, year: int | None) -> None:
    try:
        check_previous(previous, year)
    except PreviousYearError as exc:
        raise EditError(exc.message, "previous") from exc


class EditError(ValueError):
    """An edit that cannot be applied (unknown cell, a total, a bad value); nothing was changed."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.key = key


class IncompleteError(EditError):
    """标记为已完成 refused: the check still finds errors (listed in ``errors``)."""

    def __init__(self, errors: list[Finding]) -> None:
        super().__init__(f"还有 {len(errors)} 个错误，不能标记为已完成。请先逐条处理这些错误，再标记为已完成。",
                         "complete")
        self.errors = errors


@record
class Changes:
    """What one edit changed, so a view refreshes only that."""

    cells: dict[str, tuple[Value, Value]] = field(default_factory=dict)  # input and derived cells
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)
    meta: dict[str, tuple[object, object]] = field(default_factory=dict)
    revision: int | None = None  # the revision written; None when nothing was written (yet)
    warnings: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # accepted-warning reasons
    review: dict[str, tuple[object, object]] = field(default_factory=dict)  # review marks (meta key -> JSON)

    @property
    def empty(self) -> bool:
        return not (self.cells or self.texts or self.meta or self.warnings or self.review)


@record
class Discrepancy:
    """A total stated in an imported file that differs from the sum of its stated parts."""

    cell: str
    label: str
    stated: Value
    computed: Value

    @property
    def message(self) -> str:
        return (f"{self.label}：文件中的合计为 {format_value(self.stated) or '空白'}，"
                f"按各项计算为 {format_value(self.computed) or '空白'}；草稿中的合计按各项计算。")


def total_discrepancies(form: FormDef, report: Report) -> list[Discrepancy]:
    """Totals stated in *report* that disagree with their parts (none for a derived-totals report)."""
    if report.totals is Totals.DERIVED:
        return []
    computed = derive(form, {c: report.cells.get(c) for c in form.input_cells})
    out: list[Discrepancy] = []
    for d in form.derived:
        stated = report.cells.get(d.cell)
        if stated != computed.get(d.cell) and not (stated is None and computed.get(d.cell) in (None, 0)):
            out.append(Discrepancy(d.cell, cell_name(form, d.cell), stated, computed.get(d.cell)))
    return out


def cell_name(form: FormDef, cell_id: str) -> str:
    """"三、（一）予以公开 自然人": how a cell is named in history and messages."""
    cell = form.cells[cell_id]
    number = form.section_of_cell(cell_id).number
    label = cell.label.replace(" / ", " ")
    if re.match(r"^[一二三四五六七八九十]+、", label):  # "一、本年新收…": "三、一、…" would read badly
        return f"表{number} {label}"
    return f"{number}、{label}"


def _check_report_texts(report: Report) -> None:
    """Refuse a report (read by any reader) whose agency, details or texts no file can hold."""
    problem = text_problem(report.agency, max_chars=MAX_AGENCY_CHARS)
    if problem:
        raise EditError(f"填报单位名称{problem}。", "agency")
    for key, text in {**report.meta, **report.texts}.items():
        problem = text_problem(text)
        if problem:
            raise EditError(f"“{META_NAMES.get(key, key)}”{problem}。", key)


def _section_name(form: FormDef, key: str) -> str:
    if key in EXTRA_TEXTS:
        return EXTRA_TEXTS[key]
    return form.section(key).heading


def _same(a: object, b: object) -> bool:
    return type(a) is type(b) and a == b


class Session:
    """One open draft.  Use :meth:`create` or :meth:`open`; always :meth:`close` (or use ``with``)."""

    path: Path
    form: FormDef
    report: Report
    previous: Report | None
    last_saved: datetime | None

    def __init__(self, file: DraftFile) -> None:
        self._file = file
        self.path = file.path
        self.last_saved = None
        self._pending_texts: dict[str, str] = {}
        self._load()
        last = file.last_revision()
        self.last_saved = last.timestamp if last else None

    def _load(self) -> None:
        state = self._file.load()
        loaded = decode(state, self._file.path.name)
        self._self_review = self_review_marks(state.meta)
        self.form = loaded.form
        self.report = loaded.report
        self.previous = loaded.previous
        self._origins = loaded.origins
        self._warnings = loaded.warnings
        self._stored_texts = dict(self.report.texts)
        self._values = self._derive()

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, *, agency: str, year: int, source: Report | None = None,
               previous: Report | None = None, import_notes: Sequence[str] = ()) -> Session:
        """A new draft at *path* (which must not exist), optionally filled from *source*.

        *import_notes* (an import summary's lines) are kept in the draft, with the notes the
        import itself raises, and come back as :attr:`import_notes` whenever it is opened.
        """
        agency = (agency or "").strip()
        if not agency:
            raise EditError("请填写填报单位名称。", "agency")
        problem = text_problem(agency, max_chars=MAX_AGENCY_CHARS)
        if problem:
            raise EditError(f"填报单位名称{problem}。", "agency")
        if isinstance(year, bool) or not isinstance(year, int) or year not in YEAR_RANGE:
            raise EditError(f"报告年度应是 2000 至 2100 之间的整数，却是“{year}”。", "year")
        if source is not None:
            _check_report_texts(source)
        if previous is not None:
            _check_previous(previous, year)
        form = get_form(source.form_id) if source is not None else form_for_year(year)
        report = Report(form_id=form.id, agency=agency, year=year, totals=Totals.DERIVED)
        origins: dict[str, str] = {}
        notes: list[str] = [n for n in import_notes if n]
        if source is not None:
            report.rulemaking_power = source.rulemaking_power
            report.meta = dict(source.meta)
            report.texts = {k: v for k, v in source.texts.items() if v}
            report.cells = {c: source.cells[c] for c in form.input_cells if source.cells.get(c) is not None}
            origins = dict.fromkeys(report.cells, "imported")
            notes += [d.message for d in total_discrepancies(form, source)]
            notes += [f"{cell_name(form, c)}：{bad.message}（未导入）" for c, bad in source.invalid.items()
                      if c in form.cells]
        if previous is not None:
            prev_cells = derive(get_form(previous.form_id), previous.cells) \
                if previous.totals is Totals.DERIVED else previous.cells
            carried = carry_edits(form, report.cells, prev_cells)
            report.cells.update(carried)
            origins.update(dict.fromkeys(carried, "carried"))
        description = "新建草稿" if source is None else f"新建草稿（导入 {len(report.cells)} 个数字）"
        info = {"form_id": form.id, "form_version": str(form.version)}
        if notes:
            info["import_notes"] = "\n".join(notes)
        file = DraftFile.create(Path(path), info=info, changes=initial_changes(form, report, origins),
                                description=description,
                                previous_json=previous_to_json(previous) if previous is not None else None)
        session = cls(file)
        session.import_notes = notes
        remember_draft(session.path)
        return session

    @classmethod
    def open(cls, path: Path) -> Session:
        """Open and lock a draft; raises :class:`DraftError` (``locked``, ``damaged`` …)."""
        file = DraftFile.open(Path(path))
        try:
            session = cls(file)
        except BaseException:
            file.close()
            raise
        session.import_notes = [n for n in file.load().info.get("import_notes", "").split("\n") if n]
        remember_draft(session.path)
        return session

    import_notes: list[str] = []  # noqa: RUF012 - set per instance by create/open

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -----------------------------------------------------------------------
    def values(self) -> dict[str, Value]:
        """Every cell of the form (blank ones as None), totals computed from their parts."""
        return dict(self._values)

    def findings(self) -> list[Finding]:
        return check_report(self.report, self.previous)

    def origin(self, cell_id: str) -> str | None:
        return self._origins.get(cell_id)

    def accepted_warnings(self) -> dict[str, str]:
        """Finding key (``Finding.key``) -> the reason the clerk gave for accepting it."""
        return dict(self._warnings)

    @property
    def pending(self) -> bool:
        return bool(self._pending_texts)

    def history(self) -> list[Revision]:
        self.flush()
        return self._file.history()

    # -- editing -----------------------------------------------------------------------
    def _commit(self, description: str, changes: list[Change]) -> int:
        revision = self._file.commit(description, changes)
        self.last_saved = revision.timestamp
        return revision.number

    def _check_cell(self, cell_id: object, value: Value) -> Value:
        if not isinstance(cell_id, str) or cell_id not in self.form.cells:
            raise EditError(f"未知的单元格编号“{cell_id}”。单元格编号形如 requests.granted.natural。", str(cell_id))
        cell = self.form.cells[cell_id]
        if cell.derived:
            raise EditError(f"“{cell_name(self.form, cell_id)}”是合计，由各项自动计算，不能直接填写。", cell_id)
        try:
            return parse_value(value, cell.type)
        except ValueParseError as exc:
            raise EditError(f"{cell_name(self.form, cell_id)}：{exc.message}", cell_id) from exc

    def set_cells(self, edits: Mapping[str, Value], *, origin: str = "typed",
                  description: str | None = None) -> Changes:
        """Set several cells as one saved, undoable step; all or nothing (raises :class:`EditError`)."""
        return self.apply(cells=edits, origin=origin, description=description)

    def apply(self, *, cells: Mapping[str, Value] | None = None, texts: Mapping[str, str] | None = None,
              origin: str = "typed", description: str | None = None) -> Changes:
        """Cells and section texts changed together, saved as one revision; all or nothing."""
        if origin not in ORIGINS:
            raise EditError(f"未知的数据来源“{origin}”。", None)
        parsed = {cell_id: self._check_cell(cell_id, value) for cell_id, value in (cells or {}).items()}
        new_texts = dict(texts or {})
        for key, text in new_texts.items():
            self._check_text(key, text)
        self.flush()
        changes: list[Change] = []
        for cell_id, new in parsed.items():
            old = self.report.cells.get(cell_id)
            if _same(old, new):
                continue
            changes.append(Change(CELL, cell_id, encode_value(old), encode_value(new),
                                  self._origins.get(cell_id), None if new is None else origin))
        cell_count = len(changes)
        text_diffs = {k: (self.report.texts.get(k, ""), t) for k, t in new_texts.items()
                      if self.report.texts.get(k, "") != t}
        changes += [Change(TEXT, k, old or None, new or None) for k, (old, new) in text_diffs.items()]
        if not changes:
            return Changes()
        if description is None:
            parts = [self._describe_cells(parsed, changes[:cell_count])] if cell_count else []
            if text_diffs:
                parts.append(f"修改 {'、'.join(_section_name(self.form, k) for k in text_diffs)} 的文字")
            description = "；".join(parts)
        number = self._commit(description, changes)
        for change in changes[:cell_count]:
            new_value = parsed[change.key]
            if new_value is None:
                self.report.cells.pop(change.key, None)
                self._origins.pop(change.key, None)
            else:
                self.report.cells[change.key] = new_value
                self._origins[change.key] = origin
        for key, (_old, text) in text_diffs.items():
            if text:
                self.report.texts[key] = self._stored_texts[key] = text
            else:
                self.report.texts.pop(key, None)
                self._stored_texts.pop(key, None)
        return Changes(cells=self._refresh_values(), texts=text_diffs, revision=number)

    def _check_text(self, key: str, text: object) -> None:
        allowed = {s.id for s in self.form.sections} | set(EXTRA_TEXTS)
        if key not in allowed:
            raise EditError(f"未知的文字部分“{key}”，可用的有：{'、'.join(sorted(allowed))}。", key)
        if not isinstance(text, str):
            raise EditError(f"“{_section_name(self.form, key)}”的内容应是文字。", key)
        problem = text_problem(text)
        if problem:
            raise EditError(f"“{_section_name(self.form, key)}”的文字{problem}。", key)

    def _describe_cells(self, parsed: Mapping[str, Value], changes: list[Change]) -> str:
        first = changes[0].key
        shown = f"{cell_name(self.form, first)} = {format_value(parsed[first]) or '（空）'}"
        verb = "清空" if all(parsed[c.key] is None for c in changes) else "填写"
        if verb == "清空":
            shown = cell_name(self.form, first)
        if len(changes) == 1:
            return f"{verb} {shown}"
        return f"{verb} {len(changes)} 个单元格（{shown} 等）"

    def _derive(self) -> dict[str, Value]:
        derived = derive(self.form, self.report.cells)
        return {c: derived.get(c) for c in self.form.cells}

    def _refresh_values(self) -> dict[str, tuple[Value, Value]]:
        before = self._values
        after = self._derive()
        self._values = after
        return {c: (before.get(c), after.get(c)) for c in self.form.cells
                if not _same(before.get(c), after.get(c))}

    def set_text(self, key: str, text: str, *, typed: bool = False) -> Changes:
        """Change a section text in memory; it is saved by the next :meth:`flush` (or any other edit).

        *typed*: the text comes from the clerk's keyboard or clipboard (the app), and is cleaned
        before the check (:func:`reportdesk.core.typed_text.clean_typed_text`: Word's line and
        page breaks become line breaks, invisible controls go); text from a file or the command
        line is checked as it is and refused with the reason.
        """
        if typed and isinstance(text, str):
            text = clean_typed_text(text).text
        self._check_text(key, text)
        old = self.report.texts.get(key, "")
        if old == text:
            return Changes()
        if text:
            self.report.texts[key] = text
        else:
            self.report.texts.pop(key, None)
        if text == self._stored_texts.get(key, ""):
            self._pending_texts.pop(key, None)
        else:
            self._pending_texts[key] = text
        return Changes(texts={key: (old, text)})

    def flush(self) -> None:
        """Commit pending text edits as one revision."""
        if not self._pending_texts:
            return
        pending = self._pending_texts
        changes = [Change(TEXT, key, self._stored_texts.get(key) or None, text or None)
                   for key, text in pending.items()]
        names = "、".join(_section_name(self.form, k) for k in pending)
        self._commit(f"修改 {names} 的文字", changes)
        for key, text in pending.items():
            if text:
                self._stored_texts[key] = text
            else:
                self._stored_texts.pop(key, None)
        self._pending_texts = {}

    def set_meta(self, *, typed: bool = False, **fields: Any) -> Changes:
        """Change agency, year, rulemaking_power or any of ``META_FIELDS``; saved at once.

        *typed*: as for :meth:`set_text`; a one-line field also has its line breaks and tabs
        made spaces.
        """
        new_values: dict[str, object] = {}
        for key, value in fields.items():
            if key not in META_NAMES:
                raise EditError(f"未知的报告信息“{key}”，可用的有：{'、'.join(META_NAMES)}。", key)
            if typed and isinstance(value, str):
                value = clean_typed_text(value, single_line=True).text
            new_values[key] = self._check_meta(key, value)
        self.flush()
        current = self._meta_values()
        diffs = {k: (current.get(k), v) for k, v in new_values.items() if not _same(current.get(k), v)}
        if not diffs:
            return Changes()
        changes = [Change(META, k, encode_meta(old), encode_meta(new)) for k, (old, new) in diffs.items()]
        description = "修改 " + "，".join(
            f"{META_NAMES[k]}：{'' if old is None else old} → {'' if new is None else new}"
            for k, (old, new) in diffs.items())
        number = self._commit(description, changes)
        self._set_meta_values(new_values)
        return Changes(meta=diffs, revision=number)

    def _check_meta(self, key: str, value: Any) -> object:
        if key == "year":
            if value is None:
                return None
            year = parse_year(value)
            if year is None:
                raise EditError(f"报告年度应是 2000 至 2100 之间的整数，却是“{str(value)[:20]}”。", key)
            return year
        if key == "rulemaking_power":
            if value is not None and not isinstance(value, bool):
                raise EditError("规章制定权只能是“有”“无”或“未知”。", key)
            return value
        if value is None:
            return "" if key == "agency" else None
        if not isinstance(value, str):
            raise EditError(f"“{META_NAMES[key]}”应是文字。", key)
        value = value.strip()
        problem = text_problem(value, max_chars=MAX_AGENCY_CHARS if key == "agency" else None)
        if problem:
            raise EditError(f"“{META_NAMES[key]}”{problem}。", key)
        return value if value or key == "agency" else None

    def _meta_values(self) -> dict[str, object]:
        values: dict[str, object] = {"agency": self.report.agency, "year": self.report.year,
                                     "rulemaking_power": self.report.rulemaking_power}
        values.update(self.report.meta)
        return values

    def _set_meta_values(self, values: Mapping[str, object]) -> None:
        for key, value in values.items():
            if key == "agency":
                self.report.agency = str(value or "")
            elif key == "year":
                self.report.year = value  # type: ignore[assignment]
            elif key == "rulemaking_power":
                self.report.rulemaking_power = value  # type: ignore[assignment]
            elif value is None:
                self.report.meta.pop(key, None)
            else:
                self.report.meta[key] = str(value)

    def accept_warning(self, key: str, reason: str, *, fingerprint: str | None = None) -> Changes:
        """Record that the clerk accepts warning *key* (``Finding.key``) for *reason*; saved at once.

        With *fingerprint* (see :meth:`accept_finding`) the acceptance lapses when the content changes.
        """
        reason = (reason or "").strip()
        if not key:
            raise EditError("缺少要接受的警告。", key)
        if not reason:
            raise EditError("接受警告时请填写理由，例如“本年确有文件到期失效”。", key)
        mark = {"fingerprint": fingerprint} if fingerprint else None
        return self._set_warning(key, reason, mark, f"接受警告 {key.split('|', 1)[0]}：{reason}")

    def accept_finding(self, finding: Finding, reason: str) -> Changes:
        """Accept a warning for *reason*; it reopens when a figure or the text it involves changes.

        Errors cannot be accepted (:class:`EditError`).
        """
        if finding.is_error:
            raise EditError(f"错误不能接受，只能改正：{finding.message}", finding.key)
        return self.accept_warning(finding.key, reason, fingerprint=self._finding_print(finding))

    def withdraw_warning(self, key: str) -> Changes:
        """Undo :meth:`accept_warning`: the warning counts again."""
        return self._set_warning(key, None, None, f"撤销接受警告 {key.split('|', 1)[0]}")

    def _set_warning(self, key: str, reason: str | None, mark: dict[str, str] | None,
                     description: str) -> Changes:
        self.flush()
        old = self._warnings.get(key)
        mark_key = WARNING_PRINT_PREFIX + key
        old_mark = self._self_review.get(mark_key)
        if old == reason and old_mark == mark:
            return Changes()
        changes = [Change(WARNING, key, old, reason)] if old != reason else []
        if old_mark != mark:
            changes.append(Change(META, mark_key, encode_meta(old_mark), encode_meta(mark)))
        number = self._commit(description, changes)
        if reason is None:
            self._warnings.pop(key, None)
        else:
            self._warnings[key] = reason
        self._set_self_review(mark_key, mark)
        return Changes(warnings={key: (old, reason)} if old != reason else {},
                       review={mark_key: (old_mark, mark)} if old_mark != mark else {}, revision=number)

    def _finding_print(self, finding: Finding) -> str:
        return finding_fingerprint(finding, self._values, self.report.texts)

    def acceptances(self, findings: list[Finding]) -> dict[str, Acceptance]:
        """For each of *findings* that was accepted: its reason, and whether the acceptance still holds."""
        prints = {key[len(WARNING_PRINT_PREFIX):]: mark.get("fingerprint")
                  for key, mark in self._self_review.items() if key.startswith(WARNING_PRINT_PREFIX)}
        return review_acceptances(findings, self._warnings, prints, self._values, self.report.texts)

    # -- review: 已自查 and 已完成 ---------------------------------------------------------
    def _set_self_review(self, key: str, mark: dict[str, str] | None) -> None:
        if mark is None:
            self._self_review.pop(key, None)
        else:
            self._self_review[key] = mark

    def _write_self_review(self, key: str, mark: dict[str, str] | None, description: str) -> Changes:
        self.flush()
        old = self._self_review.get(key)
        if old == mark:
            return Changes()
        number = self._commit(description, [Change(META, key, encode_meta(old), encode_meta(mark))])
        self._set_self_review(key, mark)
        return Changes(review={key: (old, mark)}, revision=number)

    def _self_review_of(self, key: str, current_print: str) -> SelfReviewMark | None:
        mark = self._self_review.get(key)
        if not mark:
            return None
        try:
            at = datetime.fromisoformat(mark.get("at", ""))
        except ValueError:
            log.warning("review mark %s has no valid time: %r", key, mark)
            return None
        return SelfReviewMark(mark.get("by", ""), at, mark.get("fingerprint") == current_print)

    def _section_label(self, section: str) -> str:
        return "基本信息" if section == "meta" else self.form.section(section).heading

    def set_section_self_reviewed(self, section: str, by: str | None) -> Changes:
        """Tick step *section* (a section id, or "meta") as 已自查 by *by*; ``None`` removes the tick."""
        if section not in self_review_ids(self.form):
            raise EditError(f"未知的部分“{section}”，可用的有：{'、'.join(self_review_ids(self.form))}。", section)
        self.flush()
        key = SECTION_REVIEW_PREFIX + section
        if by is None:
            return self._write_self_review(key, None, f"取消 {self._section_label(section)} 的自查标记")
        mark = {"by": by.strip(), "at": now().isoformat(timespec="seconds"),
                "fingerprint": section_fingerprint(self.form, section, self.report, self._values)}
        return self._write_self_review(key, mark, f"{self._section_label(section)} 已自查（{by.strip()}）")

    def section_self_reviews(self) -> dict[str, SelfReviewMark]:
        """Step id -> its 已自查 tick; ``current`` is False when the step changed after the tick."""
        out: dict[str, SelfReviewMark] = {}
        for section in self_review_ids(self.form):
            key = SECTION_REVIEW_PREFIX + section
            if key in self._self_review:
                review = self._self_review_of(key, section_fingerprint(self.form, section, self.report, self._values))
                if review is not None:
                    out[section] = review
        return out

    def mark_complete(self, by: str) -> Changes:
        """标记为已完成: run every check; refuse (:class:`IncompleteError`) while errors remain."""
        by = (by or "").strip()
        if not by:
            raise EditError("请填写完成人的姓名。", "complete")
        self.flush()
        errors = [f for f in self.findings() if f.is_error]
        if errors:
            raise IncompleteError(errors)
        mark = {"by": by, "at": now().isoformat(timespec="seconds"),
                "fingerprint": report_fingerprint(self.form, self.report, self._values)}
        return self._write_self_review(SIGNOFF_KEY, mark, f"标记为已完成（{by}）")

    def withdraw_complete(self) -> Changes:
        return self._write_self_review(SIGNOFF_KEY, None, "取消“已完成”标记")

    def completion(self) -> SelfReviewMark | None:
        """Who marked the report 已完成 and when; ``current`` is False when it changed since."""
        return self._self_review_of(SIGNOFF_KEY, report_fingerprint(self.form, self.report, self._values))

    def set_previous(self, previous: Report | None) -> None:
        """Attach (or remove) last year's report, used by the cross-year rules; not part of the history.

        Raises :class:`EditError` (``previous``) when it cannot be last year's report."""
        if previous is not None:
            _check_previous(previous, self.report.year)
        self._file.set_previous(previous_to_json(previous) if previous is not None else None)
        self.previous = previous

    # -- history -----------------------------------------------------------------------
    def restore(self, revision: int) -> Changes:
        """Make revision *revision* current again, as a new revision (so the restore can be undone)."""
        self.flush()
        history = {r.number: r for r in self._file.history()}
        if revision not in history:
            last = max(history) if history else 0
            raise EditError(f"没有第 {revision} 版。本草稿有第 1 至第 {last} 版，可用“历史”查看。", str(revision))
        target = self._file.state_at(revision)
        current = self._file.load().items()
        changes: list[Change] = []
        for item in sorted(set(target) | set(current)):
            old, old_origin = current.get(item, (None, None))
            new, new_origin = target.get(item, (None, None))
            if (old, old_origin if item[0] == CELL else None) != (new, new_origin if item[0] == CELL else None):
                changes.append(Change(item[0], item[1], old, new, old_origin, new_origin))
        if not changes:
            return Changes()
        when = history[revision].timestamp.strftime("%Y-%m-%d %H:%M:%S")
        before_values, before_texts = dict(self._values), dict(self.report.texts)
        before_meta, before_warnings = self._meta_values(), dict(self._warnings)
        before_self_review = dict(self._self_review)
        number = self._commit(f"恢复到第 {revision} 版（{when}）", changes)
        self._load()
        after_meta = self._meta_values()
        return Changes(
            cells={c: (before_values.get(c), self._values.get(c)) for c in self.form.cells
                   if not _same(before_values.get(c), self._values.get(c))},
            texts={k: (before_texts.get(k, ""), self.report.texts.get(k, ""))
                   for k in set(before_texts) | set(self.report.texts)
                   if before_texts.get(k, "") != self.report.texts.get(k, "")},
            meta={k: (before_meta.get(k), after_meta.get(k)) for k in set(before_meta) | set(after_meta)
                  if not _same(before_meta.get(k), after_meta.get(k))},
            warnings={k: (before_warnings.get(k), self._warnings.get(k))
                      for k in set(before_warnings) | set(self._warnings)
                      if before_warnings.get(k) != self._warnings.get(k)},
            review={k: (before_self_review.get(k), self._self_review.get(k)) for k in set(before_self_review) | set(self._self_review)
                    if before_self_review.get(k) != self._self_review.get(k)},
            revision=number,
        )

    # -- files -------------------------------------------------------------------------
    def save_as(self, path: Path) -> None:
        """Copy the draft (history included) to *path*; the session continues there, the old file is released."""
        self.flush()
        new_file = self._file.save_as(Path(path))
        if new_file is self._file:
            return
        self._file.close()
        self._file = new_file
        self.path = new_file.path
        remember_draft(self.path)

    def close(self) -> None:
        """Flush and release the lock; safe to call twice."""
        if self._file is None:
            return
        try:
            self.flush()
        finally:
            self._file.close()
            self._file = None  # type: ignore[assignment]


