"""Guided writing: the standard paragraphs written from the tables and the metadata.

``requests_paragraph`` and ``appeals_paragraph`` write the data sentences real reports
use ("本年度共收到政府信息公开申请N件，其中自然人…件、法人或其他组织…件；…"), and
``preamble`` the opening paragraph (legal basis with the right document number, the six
parts, the 统计期限, where the report is published, whom to ask).  When a figure changes
after a paragraph was inserted, the ``text_number`` rule reports it and
``refresh_data_paragraphs`` rewrites every inserted paragraph with the current figures.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from functools import cache

from reportdesk.core.catalog import get_form
from reportdesk.core.form import FormDef
from reportdesk.core.numbers import Value
from reportdesk.core.pattern_cache import compile_pattern
from reportdesk.core.records import record
from reportdesk.core.report import Report
from reportdesk.core.text.vocabulary import Vocabulary, vocabulary

log = logging.getLogger(__name__)

#: The metadata a preamble's contact sentence lists, in this order (``contact_<field>`` in the form).
CONTACT_FIELDS = ("address", "phone", "email")


def _templates(form: FormDef) -> dict[str, str]:
    """The form's ``[text_paragraphs]`` (see :data:`reportdesk.core.form_text.PARAGRAPH_FIELDS`)."""
    return dict(form.text_checks.paragraphs)


def __getattr__(name: str) -> str:
    """REQUESTS_TEMPLATE, APPEALS_TEMPLATE and APPEALS_NONE of the default form."""
    key = {"REQUESTS_TEMPLATE": "requests", "APPEALS_TEMPLATE": "appeals", "APPEALS_NONE": "appeals_none"}.get(name)
    if key is None:
        raise AttributeError(name)
    return _templates(get_form())[key]


def _pattern(template: str) -> str:
    """The template as a pattern in which every {field} is a number."""
    parts = re.split(r"\{[a-z_]+\}", template)
    return r"\d+".join(re.escape(p) for p in parts)


@cache
def _paragraph_patterns(requests: str, appeals: str, appeals_none: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The inserted paragraphs as patterns, compiled when first needed."""
    return compile_pattern(_pattern(requests)), compile_pattern(f"{_pattern(appeals)}|{re.escape(appeals_none)}")


def _vocab(form: FormDef | None) -> Vocabulary:
    return vocabulary(form or get_form())


def _v(cells: Mapping[str, Value], *cell_ids: str) -> int:
    return int(sum(int(cells.get(c) or 0) for c in cell_ids))


def _row_total(cells: Mapping[str, Value], row: str, vocab: Vocabulary) -> int:
    """A row's total: the stated total, or the sum of its parts when the total is blank."""
    total = cells.get(f"requests.{row}.total")
    if total is not None:
        return int(total)
    return _v(cells, *(f"requests.{row}.{c}" for c in vocab.applicant_columns))


def _count(cells: Mapping[str, Value], vocab: Vocabulary, rows_key: str, columns_key: str) -> int:
    """What a field of ``[text_paragraph_fields]`` counts (see the form file)."""
    request = next((t for t in vocab.requests if t.key == rows_key), None)
    if request is not None:
        if not columns_key:
            return sum(_row_total(cells, r, vocab) for r in request.rows)
        columns = next(t.columns for t in vocab.applicants if t.key == columns_key)
        return _v(cells, *(f"requests.{r}.{c}" for r in request.rows for c in columns))
    rows = vocab.appeal_rows(rows_key)
    if columns_key:
        columns = next(t.columns for t in vocab.appeal_columns if t.key == columns_key)
        return _v(cells, *(f"appeals.{g}.{c}" for g in rows for c in columns))
    totals = [f"appeals.{g}.total" for g in rows]
    if all(cells.get(i) is None for i in totals):  # no total stated: the sum of the parts
        parts = [c.id for c in vocab.form.tables["appeals"].columns if c.id != "total"]
        return _v(cells, *(f"appeals.{g}.{p}" for g in rows for p in parts))
    return _v(cells, *totals)


def _figures(cells: Mapping[str, Value], vocab: Vocabulary) -> dict[str, int]:
    return {name: _count(cells, vocab, rows, columns)
            for name, rows, columns in vocab.form.text_checks.paragraph_fields}


def requests_paragraph(cells: Mapping[str, Value], form: FormDef | None = None) -> str:
    """The standard sentences about applications, from the effective cells of table 三."""
    vocab = _vocab(form)
    return _templates(vocab.form)["requests"].format_map(_figures(cells, vocab))


def appeals_paragraph(cells: Mapping[str, Value], form: FormDef | None = None) -> str:
    """The standard sentence about 行政复议 and 行政诉讼, from the effective cells of table 四."""
    vocab = _vocab(form)
    figures = _figures(cells, vocab)
    templates = _templates(vocab.form)
    none_when = vocab.form.text_checks.appeals_none_when_zero
    if none_when and all(figures[f] == 0 for f in none_when):
        return templates["appeals_none"]
    return templates["appeals"].format_map(figures)


def data_paragraph(cells: Mapping[str, Value], form: FormDef | None = None) -> str:
    """Both data paragraphs, one per line: what "插入数据段落" inserts."""
    return requests_paragraph(cells, form) + "\n" + appeals_paragraph(cells, form)


def report_title(report: Report, form: FormDef | None = None) -> str:
    """"<机关全称><YYYY>年<the form's title>"."""
    year = f"{report.year}年" if report.year else ""
    return f"{report.agency}{year}{(form or get_form()).title}"


def preamble(form: FormDef, report: Report) -> str:
    """The opening paragraph: basis, the six parts, the 统计期限, where published, contact.

    Every sentence is the form's (``[text_paragraphs]``); parts whose metadata is missing are
    left out rather than written with a gap.
    """
    t = _templates(form)
    parts = [s.heading.split("、", 1)[1] for s in form.sections]
    count = "零一二三四五六七八九十"[len(parts)] if len(parts) <= 10 else str(len(parts))
    sentences = [t["basis_sentence"].format(basis=form.basis),
                 t["parts_sentence"].format(parts=t["parts_separator"].join(parts), count=count)]
    if report.year:
        sentences.append(t["period_sentence"].format(year=report.year))
    meta = report.meta
    if meta.get("website"):
        sentences.append(t["website_sentence"].format(website=meta["website"]))
    contact = [t[f"contact_{f}"].format_map({f: meta[f]}) for f in CONTACT_FIELDS if meta.get(f)]
    who = (report.agency or t["unnamed_agency"]) + meta.get("contact_office", "")
    if contact or meta.get("contact_office"):
        detail = t["contact_detail"].format(items=t["contact_separator"].join(contact)) if contact else ""
        sentences.append(t["contact_sentence"].format(who=who, detail=detail))
    return "".join(sentences)


@record
class StaleParagraph:
    span: tuple[int, int]  # of the inserted paragraph in the text
    current: str  # as the text has it
    updated: str  # as the figures are now


def stale_data_paragraphs(text: str, cells: Mapping[str, Value], form: FormDef | None = None) -> list[StaleParagraph]:
    """The inserted data paragraphs of *text* whose numbers no longer match the tables."""
    fresh = {"requests": requests_paragraph(cells, form), "appeals": appeals_paragraph(cells, form)}
    stale = []
    t = _templates(_vocab(form).form)
    requests_rx, appeals_rx = _paragraph_patterns(t["requests"], t["appeals"], t["appeals_none"])
    for kind, rx in (("requests", requests_rx), ("appeals", appeals_rx)):
        for m in rx.finditer(text):
            if m.group() != fresh[kind]:
                stale.append(StaleParagraph((m.start(), m.end()), m.group(), fresh[kind]))
    return sorted(stale, key=lambda s: s.span)


def refresh_data_paragraphs(text: str, cells: Mapping[str, Value], form: FormDef | None = None) -> tuple[str, int]:
    """*text* with every stale inserted data paragraph rewritten; and how many were."""
    stale = stale_data_paragraphs(text, cells, form)
    for s in reversed(stale):
        text = text[: s.span[0]] + s.updated + text[s.span[1] :]
    return text, len(stale)
