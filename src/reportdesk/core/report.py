"""A filled-in report: metadata, the cell values and the text of each section.

The report holds values, not layout.  Cell values are ``int`` (counts), ``Decimal``
(the 万元 amount) or ``None`` (blank).  A value that could not be read as a figure is
kept in ``invalid`` with its raw text, so that it is reported (rule
``non_negative_integer``) and never silently dropped.

A cell of a report read from a file is either *read* (a figure, or blank: the cell is
there and empty or "/") or *not found* (``missing``: the row is not in the document, the
table is a picture or cut off part-way).  Blank is a fact about the report; not found is
a fact about what could be read, and the rules never count it as 0.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING

from reportdesk.core.expressions import Env
from reportdesk.core.form import FormDef
from reportdesk.core.numbers import Value
from reportdesk.core.records import field, record

if TYPE_CHECKING:
    from reportdesk.core.text.structure import DocumentStructure

log = logging.getLogger(__name__)

#: Metadata fields a report may carry beyond agency and year, with their Chinese names.
META_FIELDS: dict[str, str] = {
    "contact_office": "联系科室",
    "phone": "联系电话",
    "email": "电子邮箱",
    "address": "通信地址",
    "website": "发布网站",
    "publish_date": "发布日期",
}

#: Text parts of a report that are not one of the six sections.
EXTRA_TEXTS: dict[str, str] = {"preamble": "前言"}


class Totals(StrEnum):
    """Whether totals are computed from their parts (a draft) or kept as stated (a file)."""

    DERIVED = "derived"
    STATED = "stated"


@record
class InvalidValue:
    raw: str
    message: str


@record(frozen=False)
class Report:
    form_id: str
    agency: str = ""
    year: int | None = None
    rulemaking_power: bool | None = None  # None: inferred from the agency's name
    meta: dict[str, str] = field(default_factory=dict)
    cells: dict[str, Value] = field(default_factory=dict)
    invalid: dict[str, InvalidValue] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    totals: Totals = Totals.DERIVED
    # cells a reader did not find in the document (never blank, never 0); empty for a draft
    missing: set[str] = field(default_factory=set)
    # the layout a reader found in a .docx/.xlsx (headings, tables, labels); None for a
    # draft or JSON, whose layout is the form's own
    structure: DocumentStructure | None = None

    def value(self, cell_id: str) -> Value:
        return self.cells.get(cell_id)


def derive(form: FormDef, cells: Mapping[str, Value]) -> dict[str, Value]:
    """The values with every derived cell computed from its parts.

    A total is blank when all of its parts are blank, so that an untouched table does
    not fill with zeros before the clerk has typed anything.
    """
    result = dict(cells)
    env = Env(result, {})
    for d in form.derived:
        if all(result.get(r) is None for r in d.expr.refs):
            result[d.cell] = None
        else:
            result[d.cell] = d.expr.fn(env)
    return result


def effective_cells(form: FormDef, report: Report) -> dict[str, Value]:
    """The values the rules see: totals derived for a draft, as stated for a file."""
    if report.totals is Totals.DERIVED:
        return derive(form, report.cells)
    return dict(report.cells)


def effective_missing(form: FormDef, report: Report) -> set[str]:
    """The cells the rules must treat as unknown: those not found, and a derived total of one of them.

    A total stated in a file was read on its own; a total derived (a draft, or JSON with
    ``"totals": "derived"``) from a part that was not found is not known either.
    """
    missing = {c for c in report.missing if c in form.cells and report.cells.get(c) is None}
    if missing and report.totals is Totals.DERIVED:
        for d in form.derived:
            if any(r in missing for r in d.expr.refs):
                missing.add(d.cell)
    return missing


def partly_blank(form: FormDef, cells: Mapping[str, Value]) -> set[str]:
    """The derived cells computed from parts of which some, not all, are blank.

    Such a total is a known figure plus blanks, not a figure: the equation rules and the
    balance strip treat it as "3 + 空", since a blank is not 0.  *cells* are derived values.
    """
    result: set[str] = set()
    for d in form.derived:  # every part precedes its total
        if cells.get(d.cell) is None:
            continue
        if any(cells.get(r) is None or r in result for r in d.expr.refs):
            result.add(d.cell)
    return result
