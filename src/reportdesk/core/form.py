"""The frozen definition of a report format: sections, tables, cells, derived cells, rules.

A :class:`FormDef` is built once by :mod:`reportdesk.core.form_loader` from a file in
``forms/`` and never changes; a filled-in report (:class:`reportdesk.core.report.Report`)
holds only values and refers to cells by their canonical ids (``table.row.column``).
"""

from __future__ import annotations

from enum import StrEnum

from reportdesk.core.expressions import Compiled, Node
from reportdesk.core.numbers import ValueType
from reportdesk.core.records import field, record


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class SectionKind(StrEnum):
    TEXT = "text"
    TABLE = "table"


@record
class ColumnDef:
    id: str
    label: str
    group: str | None = None
    type: ValueType = ValueType.COUNT
    variants: tuple[str, ...] = ()  # wordings seen in published reports, read as this label (a ``label`` note)


@record
class RowDef:
    id: str
    label: str
    columns: tuple[str, ...]
    short: str = ""
    group: str | None = None
    subgroup: str | None = None
    item: str | None = None
    help: str = ""
    variants: tuple[str, ...] = ()  # wordings seen in published reports, read as this label (a ``label`` note)

    @property
    def short_label(self) -> str:
        return self.short or self.label


@record
class CellDef:
    id: str
    table: str
    row: str
    column: str
    type: ValueType
    derived: bool
    label: str  # "（一）予以公开 / 自然人": how the cell is named to a user

    @property
    def input(self) -> bool:
        return not self.derived


@record
class GridCell:
    """One drawn cell of the official table, placed on its grid (0-based)."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str = ""
    cell_id: str | None = None  # a data cell; None for a label
    role: str = "label"  # "label", "head", "item", "group", "note" or "value"
    header: bool = False


@record
class TableDef:
    id: str
    title: str
    columns: tuple[ColumnDef, ...]
    rows: tuple[RowDef, ...]
    grid: tuple[GridCell, ...]
    n_rows: int
    n_cols: int
    header_rows: int
    name: str = ""  # how messages name the table: "表三（依申请公开）"

    @property
    def groups(self) -> tuple[str, ...]:
        """The row groups in order ("三、本年度办理结果"; for appeals "行政诉讼")."""
        return tuple(dict.fromkeys(r.group for r in self.rows if r.group))

    @property
    def short_name(self) -> str:
        """The table's number as printed ("表三"): its ``name`` before the parenthesis."""
        return self.name.split("（")[0].strip() or self.title

    def subgroups(self, group: str | None = None) -> tuple[str, ...]:
        """The subgroups in order ("（三）不予公开" …), of *group* when given."""
        return tuple(dict.fromkeys(r.subgroup for r in self.rows
                                   if r.subgroup and (group is None or r.group == group)))

    def rows_in(self, *, group: str | None = None, subgroup: str | None = None) -> tuple[RowDef, ...]:
        """The rows of a group and/or subgroup, in order."""
        return tuple(r for r in self.rows
                     if (group is None or r.group == group) and (subgroup is None or r.subgroup == subgroup))

    def column(self, column_id: str) -> ColumnDef:
        return next(c for c in self.columns if c.id == column_id)

    def row(self, row_id: str) -> RowDef:
        return next(r for r in self.rows if r.id == row_id)

    def cell_ids(self) -> list[str]:
        return [f"{self.id}.{r.id}.{c}" for r in self.rows for c in r.columns]


@record
class SectionDef:
    id: str
    heading: str
    kind: SectionKind
    guidance: str
    table: str | None = None
    subheadings: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()  # how published reports word this part, shown beside the guidance
    data_subheading: str = ""  # the sub-heading under which 插入数据段落 puts the standard sentences

    @property
    def number(self) -> str:
        """The Chinese ordinal of the heading: "一" for "一、总体情况"."""
        return self.heading.split("、", 1)[0]


@record
class Expr:
    text: str
    node: Node
    fn: Compiled = field(compare=False, repr=False)
    refs: tuple[str, ...] = ()


@record
class DerivedDef:
    cell: str
    expr: Expr
    group: str = ""  # the id of the [[derived]] entry it comes from (a "derivation" rule names it)


class RuleKind(StrEnum):
    EQUATION = "equation"
    CHECK = "check"
    VALID = "valid"
    BLANK = "blank"
    INCOMPLETE = "incomplete"  # figures not found in the document, one finding per table
    COPIED_TEXT = "copied_text"
    #: "the stated total equals its derivation": written in the form as ``derivation = "<derived id>"``
    #: and compiled to one EQUATION per derived cell, so a sum is written once, in [[derived]].
    DERIVATION = "derivation"


class RuleRole(StrEnum):
    """What else a rule is used for besides checking."""

    BALANCE_STRIP = "balance_strip"  # shown live under its table (one column per instance)
    CARRY_OVER = "carry_over"  # left = this year's cell, right = prev.<last year's cell>: carried when blank


@record
class RuleDef:
    """One instance of a rule (a rule written "for each column" gives one per column)."""

    id: str
    kind: RuleKind
    severity: Severity
    subject: str = ""
    left: Expr | None = None
    op: str = "=="
    right: Expr | None = None
    left_name: str = ""
    right_name: str = ""
    terms_by: str = ""  # "row" or "column": which label names each term in a message
    when: Expr | None = None
    assertion: Expr | None = None
    message: str = ""  # a template for kind "check"
    advice: str = ""
    section: str | None = None
    threshold: float = 0.0
    cells: tuple[str, ...] = ()
    uses_previous: bool = False
    table: str | None = None
    roles: tuple[RuleRole, ...] = ()
    binding: tuple[tuple[str, str], ...] = ()  # the "for each" values of this instance


@record
class CitationDef:
    """A document the report cites as the basis of its format (as data the text rules can read)."""

    document: str  # "国办公开办函〔2021〕30号"
    issuer: str = ""  # "国办公开办函"
    year: int = 0  # 2021
    number: int = 0  # 30
    title: str = ""  # "中华人民共和国政府信息公开工作年度报告格式"


@record
class OldFormatDef:
    """A format this one replaces, recognised by labels that only it has."""

    name: str  # "2019 年格式（国办公开办函〔2019〕60号）"
    labels: tuple[str, ...]
    citation: CitationDef | None = None


@record
class KeyTotalDef:
    """A figure in the reviewers' summary workbook: the sum of some cells."""

    name: str
    cells: tuple[str, ...]


@record
class TextTermsDef:
    """How report prose names a row, a group of rows or a column: the text reader's vocabulary.

    ``kind`` is "request" (rows of 表三), "applicant" (columns of 表三), "appeal_group" (rows
    of 表四) or "appeal_column" (columns of 表四).  ``terms`` are regular expressions, most
    specific first; "<prev_year>"/"<next_year>" in a term stand for the years around the
    report's year.  ``alt_rows`` give an equally valid reading (rows + alt_rows): "受理申请121件"
    may count 新收 + 上年结转.
    """

    key: str
    kind: str
    name: str
    terms: tuple[str, ...]
    rows: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    alt_rows: tuple[str, ...] = ()
    alt_name: str = ""
    item_terms: tuple[str, ...] = ()  # of a result group: words naming one of its items ("国家秘密")


@record
class TextChecksDef:
    """What the whole-document text checks know of a format besides its labels (``[text_checks]``)."""

    old_format_terms: tuple[str, ...] = ()  # table labels of the superseded format
    old_format_prose: tuple[str, ...] = ()  # of those, the ones that mean nothing else in prose
    old_format_ideas: tuple[str, ...] = ()  # patterns: ideas of the superseded format in prose ("收费0项")
    old_parts: tuple[str, ...] = ()  # patterns: parts of the superseded outline ("收费及减免")
    superseded_basis: str = ""  # the superseded format's document number
    superseded_basis_title: str = ""  # and its title
    regulation_order: str = ""  # the 《条例》 in force: 国务院令第 N 号
    superseded_regulation_orders: tuple[str, ...] = ()
    part_terms: tuple[tuple[str, str], ...] = ()  # (section id, pattern naming that part in a preamble)
    paragraphs: tuple[tuple[str, str], ...] = ()  # ([text_paragraphs]) the sentences guided writing inserts
    #: ([text_paragraph_fields]) what each {field} of the data paragraphs counts:
    #: (field, a request or appeal_group key of the text terms, an applicant or appeal_column key or "")
    paragraph_fields: tuple[tuple[str, str, str], ...] = ()
    appeals_none_when_zero: tuple[str, ...] = ()  # the fields that, all 0, make it the appeals_none sentence


@record
class FormDef:
    id: str
    version: int
    title: str
    basis: str
    valid_from_year: int
    sections: tuple[SectionDef, ...]
    tables: dict[str, TableDef]
    cells: dict[str, CellDef]
    derived: tuple[DerivedDef, ...]  # in an order where every part precedes its total
    rules: tuple[RuleDef, ...]
    text_terms: tuple[TextTermsDef, ...] = ()
    text_checks: TextChecksDef = field(default_factory=TextChecksDef)
    valid_to_year: int | None = None
    citation: CitationDef | None = None  # what the preamble must cite
    old_formats: tuple[OldFormatDef, ...] = ()
    key_totals: tuple[KeyTotalDef, ...] = ()
    preamble_guidance: str = ""
    preamble_examples: tuple[str, ...] = ()

    #: Words a printed label must not be broken inside (``[print] words``), longest first.
    print_words: tuple[str, ...] = ()

    def rules_with_role(self, role: RuleRole, table: str | None = None) -> tuple[RuleDef, ...]:
        """The rule instances used for *role* (of *table*, when given), in form order."""
        return tuple(r for r in self.rules if role in r.roles and (table is None or r.table == table))

    def section(self, section_id: str) -> SectionDef:
        return next(s for s in self.sections if s.id == section_id)

    @property
    def input_cells(self) -> list[str]:
        return [c for c, d in self.cells.items() if not d.derived]

    @property
    def text_sections(self) -> list[SectionDef]:
        return [s for s in self.sections if s.kind is SectionKind.TEXT]

    def section_of_cell(self, cell_id: str) -> SectionDef:
        table = self.cells[cell_id].table
        return next(s for s in self.sections if s.table == table)
