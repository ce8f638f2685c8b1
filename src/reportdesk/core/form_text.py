"""The text checks' part of a form definition: ``[[text_terms]]``, ``[text_checks]``, ``[text_paragraphs]``.

Called by :mod:`reportdesk.core.form_loader` after the tables are built, so that every row,
group and column a term stands for is checked against the tables (an unknown row or an
empty group is a problem with its place, like any other mistake in a form file).  The
regular expressions are only compiled when the text checks first run, not while loading.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Callable
from typing import Any

from reportdesk.core.form import TableDef, TextChecksDef, TextTermsDef

log = logging.getLogger(__name__)

Problem = Callable[[str, str], None]

#: Every entry of ``[text_paragraphs]`` and the {fields} its text may use (filled by
#: :mod:`reportdesk.core.text.paragraphs`).
#: ``DATA_FIELDS`` stands for the fields ``[text_paragraph_fields]`` declares.
DATA_FIELDS = frozenset({"*"})
PARAGRAPH_FIELDS: dict[str, frozenset[str]] = {
    "requests": DATA_FIELDS,
    "appeals": DATA_FIELDS,
    "appeals_none": frozenset(),
    "basis_sentence": frozenset({"basis"}),
    "parts_sentence": frozenset({"parts", "count"}),
    "parts_separator": frozenset(),
    "period_sentence": frozenset({"year"}),
    "website_sentence": frozenset({"website"}),
    "contact_sentence": frozenset({"who", "detail"}),
    "contact_detail": frozenset({"items"}),
    "contact_separator": frozenset(),
    "contact_address": frozenset({"address"}),
    "contact_phone": frozenset({"phone"}),
    "contact_email": frozenset({"email"}),
    "unnamed_agency": frozenset(),
}

_KINDS = {"request": "requests", "applicant": "requests", "appeal_group": "appeals", "appeal_column": "appeals"}


def _strings(raw: Any, where: str, problem: Problem) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (raw,)
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        problem(where, "应为字符串列表")
        return ()
    return tuple(raw)


def _rows(raw: dict[str, Any], key: str, table: TableDef, where: str, problem: Problem) -> tuple[str, ...]:
    """Row ids named directly (``rows``) or by the label of their ``subgroup`` / ``group``."""
    rows = _strings(raw.get(key), f"{where}.{key}", problem)
    for rid in rows:
        if rid not in {r.id for r in table.rows}:
            problem(f"{where}.{key}", f"表“{table.id}”没有行“{rid}”")
    if key == "rows":
        for attr in ("subgroup", "group"):
            if attr in raw:
                label = str(raw[attr])
                found = tuple(r.id for r in table.rows if getattr(r, attr) == label)
                if not found:
                    problem(f"{where}.{attr}", f"表“{table.id}”没有{attr}为“{label}”的行")
                rows += found
    return rows


def _columns(raw: dict[str, Any], table: TableDef, where: str, problem: Problem) -> tuple[str, ...]:
    columns = _strings(raw.get("columns"), f"{where}.columns", problem)
    for cid in columns:
        if cid not in {c.id for c in table.columns}:
            problem(f"{where}.columns", f"表“{table.id}”没有列“{cid}”")
    if "column_group" in raw:
        label = str(raw["column_group"])
        found = tuple(c.id for c in table.columns if c.group == label)
        if not found:
            problem(f"{where}.column_group", f"表“{table.id}”没有分组为“{label}”的列")
        columns += found
    return columns


def build_text_terms(data: dict[str, Any], tables: dict[str, TableDef], problem: Problem) -> tuple[TextTermsDef, ...]:
    terms: list[TextTermsDef] = []
    keys: set[tuple[str, str]] = set()
    for i, raw in enumerate(data.get("text_terms", [])):
        where = f"text_terms[{i}]"
        if not isinstance(raw, dict):
            problem(where, "应为表")
            continue
        key, kind = str(raw.get("key", "")), str(raw.get("kind", ""))
        if kind not in _KINDS:
            problem(f"{where}.kind", f"种类“{kind}”无效（可用：{'、'.join(_KINDS)}）")
            continue
        if not key or (kind, key) in keys:
            problem(f"{where}.key", f"编号“{key}”为空或重复")
        keys.add((kind, key))
        table = tables.get(_KINDS[kind])
        if table is None:
            problem(where, f"表单没有“{_KINDS[kind]}”表")
            continue
        words = _strings(raw.get("terms"), f"{where}.terms", problem)
        if not words:
            problem(f"{where}.terms", "缺少 terms")
        rows = _rows(raw, "rows", table, where, problem) if kind in ("request", "appeal_group") else ()
        columns = _columns(raw, table, where, problem) if kind in ("applicant", "appeal_column") else ()
        if kind in ("request", "appeal_group") and not rows:
            problem(where, "没有指定行（rows、subgroup 或 group）")
        if kind in ("applicant", "appeal_column") and not columns:
            problem(where, "没有指定列（columns 或 column_group）")
        terms.append(TextTermsDef(
            key=key, kind=kind, name=str(raw.get("name", key)), terms=words, rows=rows, columns=columns,
            alt_rows=_rows(raw, "alt_rows", table, where, problem), alt_name=str(raw.get("alt_name", "")),
            item_terms=_strings(raw.get("item_terms"), f"{where}.item_terms", problem),
        ))
    return tuple(terms)


def build_text_checks(data: dict[str, Any], section_ids: set[str], problem: Problem,
                      terms: tuple[TextTermsDef, ...] = ()) -> TextChecksDef:
    raw = data.get("text_checks", {})
    if not isinstance(raw, dict):
        problem("[text_checks]", "应为表")
        return TextChecksDef()
    where = "[text_checks]"
    parts = raw.get("part_terms", {})
    part_terms: list[tuple[str, str]] = []
    if isinstance(parts, dict):
        for sid, pattern in parts.items():
            if sid not in section_ids:
                problem(f"{where}.part_terms", f"没有章节“{sid}”")
            part_terms.append((str(sid), str(pattern)))
    else:
        problem(f"{where}.part_terms", "应为表（章节编号 = 正则表达式）")
    fields = build_paragraph_fields(data, terms, problem)
    none_when = _strings((data.get("text_paragraphs") or {}).get("appeals_none_when_zero"),
                         "[text_paragraphs].appeals_none_when_zero", problem)
    for name in none_when:
        if name not in {f for f, _, _ in fields}:
            problem("[text_paragraphs].appeals_none_when_zero", f"[text_paragraph_fields] 中没有“{name}”")
    paragraphs = build_text_paragraphs(data, problem, frozenset(f for f, _, _ in fields))
    return TextChecksDef(
        old_format_terms=_strings(raw.get("old_format_terms"), f"{where}.old_format_terms", problem),
        old_format_prose=_strings(raw.get("old_format_prose"), f"{where}.old_format_prose", problem),
        old_format_ideas=_strings(raw.get("old_format_ideas"), f"{where}.old_format_ideas", problem),
        old_parts=_strings(raw.get("old_parts"), f"{where}.old_parts", problem),
        superseded_basis=str(raw.get("superseded_basis", "")),
        superseded_basis_title=str(raw.get("superseded_basis_title", "")),
        regulation_order=str(raw.get("regulation_order", "")),
        superseded_regulation_orders=_strings(raw.get("superseded_regulation_orders"),
                                              f"{where}.superseded_regulation_orders", problem),
        part_terms=tuple(part_terms),
        paragraphs=tuple(paragraphs.items()),
        paragraph_fields=fields,
        appeals_none_when_zero=none_when,
    )


def build_paragraph_fields(data: dict[str, Any], terms: tuple[TextTermsDef, ...],
                           problem: Problem) -> tuple[tuple[str, str, str], ...]:
    """``[text_paragraph_fields]``: ``field = "<rows>"`` or ``"<rows>.<columns>"``, where <rows> is a
    request or appeal_group key of ``[[text_terms]]`` and <columns> an applicant (for a request)
    or appeal_column (for an appeal group) key; without <columns> the field counts the total."""
    raw = data.get("text_paragraph_fields", {})
    where = "[text_paragraph_fields]"
    if not isinstance(raw, dict):
        problem(where, "应为表（占位符 = 行或行.列）")
        return ()
    keys = {(t.kind, t.key) for t in terms}
    fields: list[tuple[str, str, str]] = []
    for name, spec in raw.items():
        if not isinstance(spec, str) or not spec:
            problem(f"{where}.{name}", "应为文字：text_terms 的行编号，或 行编号.列编号")
            continue
        rows, _, columns = spec.partition(".")
        if ("request", rows) in keys:
            column_kind = "applicant"
        elif ("appeal_group", rows) in keys:
            column_kind = "appeal_column"
        else:
            problem(f"{where}.{name}", f"“{rows}”不是 [[text_terms]] 中 request 或 appeal_group 的编号")
            continue
        if columns and (column_kind, columns) not in keys:
            problem(f"{where}.{name}", f"“{columns}”不是 [[text_terms]] 中 {column_kind} 的编号")
            continue
        fields.append((str(name), rows, columns))
    return tuple(fields)


def build_text_paragraphs(data: dict[str, Any], problem: Problem,
                          data_fields: frozenset[str] = frozenset()) -> dict[str, str]:
    """``[text_paragraphs]``, each entry checked: all of :data:`PARAGRAPH_FIELDS` present (when
    the table is there at all), no unknown entry, and only the {fields} each one may use (the
    data paragraphs: those *data_fields* that ``[text_paragraph_fields]`` declares)."""
    raw = data.get("text_paragraphs")
    if raw is None:
        return {}
    where = "[text_paragraphs]"
    if not isinstance(raw, dict):
        problem(where, "应为表（名称 = 文字）")
        return {}
    paragraphs: dict[str, str] = {}
    for key, text in raw.items():
        if key == "appeals_none_when_zero":
            continue  # a list of fields, read with [text_paragraph_fields]
        allowed = PARAGRAPH_FIELDS.get(str(key))
        if allowed is DATA_FIELDS:
            allowed = data_fields
        if allowed is None:
            problem(f"{where}.{key}", f"未知的条目（可用：{'、'.join(PARAGRAPH_FIELDS)}）")
            continue
        if not isinstance(text, str):
            problem(f"{where}.{key}", "应为文字")
            continue
        try:
            fields = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError as exc:
            problem(f"{where}.{key}", f"花括号不成对（{exc}）；文字中的花括号请写成 {{{{ 或 }}}}")
            continue
        unknown = sorted(fields - allowed)
        if unknown:
            usable = "、".join(f"{{{f}}}" for f in sorted(allowed)) or "无"
            problem(f"{where}.{key}", f"未知的占位符{'、'.join(f'{{{f}}}' for f in unknown)}（可用：{usable}）")
            continue
        paragraphs[str(key)] = text
    for key in PARAGRAPH_FIELDS:
        if key not in raw:
            problem(where, f"缺少条目“{key}”")
    return paragraphs
