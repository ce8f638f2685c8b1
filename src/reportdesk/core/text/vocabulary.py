"""The text reader's vocabulary, from the form definition's ``[[text_terms]]``.

The reader knows the *language* of report prose (what a count looks like, which words
qualify it, which other business a clause may be about); what the rows, groups and columns
of a format are called comes from the form file, so a new format brings its own words.
The reader relies on these keys of the request terms: ``received``, ``received_loose``,
``carried_over``, ``handled_total``, ``carried_forward`` (the rows a "其中自然人…" clause can
refine) and on every other request key being a result of 三、本年度办理结果.

Patterns are compiled when first needed, once per form and report year (terms may name
the years around the report's: "结转至2024年").
"""

from __future__ import annotations

import logging
import re
from functools import cached_property

from reportdesk.core.form import FormDef, TextTermsDef
from reportdesk.core.pattern_cache import compile_pattern
from reportdesk.core.records import record

log = logging.getLogger(__name__)

#: Request keys whose rows a following "其中自然人…件" clause refines.
ROW_KEYS = ("received", "carried_over", "handled_total", "carried_forward")
#: Request keys that are not results of 三、本年度办理结果.
NOT_RESULTS = {*ROW_KEYS, "received_loose"}


@record
class Quantity:
    """What a number in the text claims to be: the sum of some table cells."""

    name: str  # in Chinese, for messages: "表三“一、本年新收政府信息公开申请数量”总计"
    cells: tuple[str, ...]
    # An equally valid reading: "受理申请121件" may count 新收 + 上年结转.
    alt_cells: tuple[str, ...] = ()
    alt_name: str = ""


def _compile(terms: tuple[str, ...], year: int | None) -> re.Pattern[str] | None:
    parts = []
    for term in terms:
        if "<prev_year>" in term or "<next_year>" in term:
            if year is None:
                continue
            term = term.replace("<prev_year>", str(year - 1)).replace("<next_year>", str(year + 1))
        parts.append(f"(?:{term})")
    if not parts:
        return None
    try:
        return compile_pattern("|".join(parts))
    except re.error as exc:  # a broken term in a form file: that term set reads nothing
        log.error("text term %r does not compile: %s", terms, exc)
        return None


def _any(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern that matches where any of *patterns* does, to pass over text that has none of them.

    Only patterns without groups are joined: a group's number (which a back reference names) would
    change in the joined pattern.
    """
    if not patterns or any(p.groups for p in patterns):
        return None
    try:
        return compile_pattern("|".join(f"(?:{p.pattern})" for p in patterns))
    except re.error:  # global flags inside a term, say: each pattern is tried on its own
        return None


@record
class Patterns:
    """The vocabulary compiled for one report year."""

    requests: tuple[tuple[re.Pattern[str], TextTermsDef], ...]  # in file order: more specific first
    any_request: re.Pattern[str] | None  # finds something wherever one of *requests* does (None: not known)
    applicants: tuple[tuple[re.Pattern[str], TextTermsDef], ...]
    all_applicants: re.Pattern[str] | None
    appeal_groups: tuple[tuple[re.Pattern[str], TextTermsDef], ...]
    appeal_columns: tuple[tuple[re.Pattern[str], TextTermsDef], ...]
    zero_forward: re.Pattern[str] | None  # "无结转下年度" / "无结转2024年…"
    zero_over: re.Pattern[str] | None  # "无上年结转"
    zero_results: tuple[tuple[re.Pattern[str], TextTermsDef], ...]  # "未出现不予公开…情况"
    result_items: re.Pattern[str] | None  # any item of a result group: "国家秘密", "不掌握"
    appeal_words: re.Pattern[str] | None  # any appeal group: "复议", "诉讼", "起诉"
    zero_appeals: re.Pattern[str] | None  # "未发生…行政复议、行政诉讼"


class Vocabulary:
    def __init__(self, form: FormDef) -> None:
        self.form = form
        self.requests = tuple(t for t in form.text_terms if t.kind == "request")
        self.applicants = tuple(t for t in form.text_terms if t.kind == "applicant")
        self.appeal_groups = tuple(t for t in form.text_terms if t.kind == "appeal_group")
        self.appeal_columns = tuple(t for t in form.text_terms if t.kind == "appeal_column")
        self._patterns: dict[int | None, Patterns] = {}

    def request(self, key: str) -> TextTermsDef:
        return next(t for t in self.requests if t.key == key)

    def group_rows(self, key: str) -> tuple[str, ...]:
        """The rows of 表三 a request key stands for: "refused" → the eight （三） rows."""
        return self.request(key).rows

    def appeal_rows(self, key: str) -> tuple[str, ...]:
        return next(t for t in self.appeal_groups if t.key == key).rows

    def appeal_group_name(self, key: str) -> str:
        return next(t for t in self.appeal_groups if t.key == key).name

    def appeal_column_name(self, column: str) -> str:
        return next((t.name for t in self.appeal_columns if column in t.columns), column)

    @cached_property
    def org_columns(self) -> tuple[str, ...]:
        return next((t.columns for t in self.applicants if t.key == "orgs"), ())

    @cached_property
    def applicant_columns(self) -> tuple[str, ...]:
        """Every column of 表三 but the total, in table order."""
        return tuple(c.id for c in self.form.tables["requests"].columns if c.id != "total")

    def quantity(self, key: str, columns: tuple[str, ...] = ("total",), column_name: str = "总计") -> Quantity:
        t = self.request(key)
        cells = tuple(f"requests.{r}.{c}" for r in t.rows for c in columns)
        if not t.alt_rows:
            return Quantity(f"表三“{t.name}”{column_name}", cells)
        alt = cells + tuple(f"requests.{r}.{c}" for r in t.alt_rows for c in columns)
        return Quantity(f"表三“{t.name}”{column_name}", cells, alt, f"{t.alt_name}{column_name}）")

    def appeal_quantity(self, group: str, column: str) -> Quantity:
        cells = tuple(f"appeals.{g}.{column}" for g in self.appeal_rows(group))
        return Quantity(f"表四“{self.appeal_group_name(group)}”{self.appeal_column_name(column)}", cells)

    def patterns(self, year: int | None) -> Patterns:
        found = self._patterns.get(year)
        if found is None:
            found = self._patterns[year] = self._build(year)
            if len(self._patterns) > 64:
                self._patterns.pop(next(iter(self._patterns)))
        return found

    def _build(self, year: int | None) -> Patterns:
        def each(terms: tuple[TextTermsDef, ...]) -> tuple[tuple[re.Pattern[str], TextTermsDef], ...]:
            return tuple((p, t) for t in terms if (p := _compile(t.terms, year)) is not None)

        def zero(key: str, lead: str) -> re.Pattern[str] | None:
            t = next((t for t in self.requests if t.key == key), None)
            inner = _compile(t.terms, year) if t else None
            return compile_pattern(f"{lead}(?:{inner.pattern})") if inner else None

        results = tuple(t for t in self.requests if t.key not in NOT_RESULTS and "+" not in t.key)
        zero_results = []
        for t in results:
            inner = _compile(t.terms, year)
            if inner is not None:
                zero_results.append((compile_pattern(f"(?:未|没有|无)(?:出现|发生|作出|存在|有)?(?:{inner.pattern})"), t))
        all_terms = next((t for t in self.applicants if t.key == "all"), None)
        items = _compile(tuple(i for t in results for i in t.item_terms), year)
        appeal_words = _compile(tuple(term for t in self.appeal_groups for term in t.terms), year)
        zero_appeals = None
        if appeal_words is not None:
            zero_appeals = compile_pattern(
                r"(?:未|没有|无)(?:发生|出现|收到|产生|接到|涉及|有)?(?:因|由于)?(?:[^，,。；]{0,24}?)"
                f"(?:{appeal_words.pattern})")
        requests = each(self.requests)
        return Patterns(
            requests=requests,
            any_request=_any(tuple(p for p, _ in requests)),
            applicants=each(tuple(t for t in self.applicants if t.key != "all")),
            all_applicants=_compile(all_terms.terms, year) if all_terms else None,
            appeal_groups=each(self.appeal_groups),
            appeal_columns=each(tuple(t for t in self.appeal_columns if t.key != "total")),
            zero_forward=zero("carried_forward", "(?:无|没有|未有)"),
            zero_over=zero("carried_over", "(?:无|没有)"),
            zero_results=tuple(zero_results),
            result_items=items,
            appeal_words=appeal_words,
            zero_appeals=zero_appeals,
        )


_CACHE: dict[int, tuple[FormDef, Vocabulary]] = {}


def vocabulary(form: FormDef) -> Vocabulary:
    """The vocabulary of *form* (built once per loaded form)."""
    held = _CACHE.get(id(form))
    if held is None or held[0] is not form:
        held = _CACHE[id(form)] = (form, Vocabulary(form))
    return held[1]
