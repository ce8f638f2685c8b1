"""The whole-document rules: the text of a report against its tables, its years, its citations.

``check_text(form, report, cells, structure)`` is pure like the table rule engine: the
same report gives the same findings.  Rules that judge layout (``headings``,
``missing_table``, ``label``) need a :class:`DocumentStructure` from the importer; for a
draft or a JSON file the layout is the form's own and they find nothing.  Every rule
prefers silence to a false alarm: a sentence it does not understand is left alone.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import lru_cache

from reportdesk.core.findings import Finding
from reportdesk.core.form import FormDef, SectionKind, Severity
from reportdesk.core.numbers import Value, ValueType
from reportdesk.core.pattern_cache import compile_pattern
from reportdesk.core.records import record
from reportdesk.core.report import EXTRA_TEXTS, Report
from reportdesk.core.text.extract import AllClaim, TextFigure, aggregate_subject, extract
from reportdesk.core.text.lazy import lazy
from reportdesk.core.text.numerals import parse_number
from reportdesk.core.text.sentences import Sentence, forget_sentences, inside, quoted_spans, split_sentences
from reportdesk.core.text.structure import DocumentStructure
from reportdesk.core.text.vocabulary import Vocabulary, vocabulary

log = logging.getLogger(__name__)


@record
class TextRuleDef:
    id: str
    severity: Severity
    title: str  # what the rule checks, in Chinese (for a settings page or a help text)


TEXT_RULES: dict[str, TextRuleDef] = {
    r.id: r
    for r in (
        TextRuleDef("headings", Severity.WARNING, "六个部分的标题齐全、顺序正确、与格式一致"),
        TextRuleDef("missing_table", Severity.ERROR, "第二、三、四部分都有表格"),
        TextRuleDef("label", Severity.WARNING, "表格的栏目名称与格式一致"),
        TextRuleDef("old_format", Severity.ERROR, "没有使用2019年格式的表格栏目"),
        TextRuleDef("text_number", Severity.ERROR, "文字中的申请、复议、诉讼数字与表格一致"),
        TextRuleDef("text_year", Severity.WARNING, "标题、统计期限和文字中的年度正确"),
        TextRuleDef("citation", Severity.WARNING, "格式文件的文号引用正确"),
        TextRuleDef("parts_count", Severity.WARNING, "前言列出的组成部分与六个部分一致"),
        TextRuleDef("fee_statement", Severity.WARNING, "第六部分说明了信息处理费的收取情况"),
        TextRuleDef("title", Severity.WARNING, "标题为“单位名称＋YYYY年政府信息公开工作年度报告”"),
        TextRuleDef("old_format_idea", Severity.WARNING, "文字中没有2019年格式的统计口径（如收费项目数、收费及减免情况）"),
        TextRuleDef("template_text", Severity.WARNING, "没有模板或范文中遗留的文字（“贵办”“XX局”）"),
        TextRuleDef("text_conflict", Severity.WARNING, "文字中同一个数字前后一致"),
    )
}

_CN_ORDINALS = "一二三四五六七八九十"


def _finding(
    rule: str, message: str, *, cells: tuple[str, ...] = (), advice: str = "", section: str | None = None,
    sentence: Sentence | None = None,
) -> Finding:
    return Finding(
        rule, TEXT_RULES[rule].severity, message, cells, advice, section,
        sentence.text if sentence else None, sentence.span if sentence else None,
    )


def text_order(form: FormDef, report: Report) -> list[tuple[str, str]]:
    """(text id, text) for the preamble and each section that has text, in document order."""
    order = [*EXTRA_TEXTS, *(s.id for s in form.sections)]
    return [(k, report.texts[k]) for k in order if report.texts.get(k)]


def forget_reading() -> None:
    """Forget what was read from texts (their figures, their sentences).

    The window keeps it: a keystroke in a table checks the same texts again, and reading them
    is most of the text rules' time.  A batch check calls this before each file, so that what
    was read from one report never serves another (reports of the same wording would share it).
    """
    _EXTRACTED.clear()
    forget_sentences()


def check_text(
    form: FormDef, report: Report, cells: Mapping[str, Value], structure: DocumentStructure | None = None
) -> list[Finding]:
    """Every finding of the whole-document rules, in document order."""
    texts = text_order(form, report)
    findings: list[Finding] = []
    for rule in _RULES:
        findings.extend(rule(form, report, cells, texts, structure))
    return findings


Texts = list[tuple[str, str]]
Rule = Callable[[FormDef, Report, Mapping[str, Value], Texts, DocumentStructure | None], list[Finding]]


# --- headings, missing_table, label, old_format --------------------------------------

_NORM_TABLE = str.maketrans("()。．\"：", "（）..“:")


def _norm(text: str) -> str:
    text = re.sub(r"\s+", "", text)
    return text.translate(_NORM_TABLE)


def _heading_matches(form: FormDef, headings: tuple[str, ...]) -> dict[str, tuple[int, str]]:
    """Section id → (index in *headings*, heading as found), by exact text or by ordinal."""
    found: dict[str, tuple[int, str]] = {}
    normalized = [_norm(h) for h in headings]
    for section in form.sections:
        target = _norm(section.heading)
        exact = [i for i, h in enumerate(normalized) if h == target]
        if exact:
            found[section.id] = (exact[0], headings[exact[0]])
            continue
        prefix = section.number + "、"
        same_number = [i for i, h in enumerate(normalized) if h.startswith(prefix)]
        if same_number:
            found[section.id] = (same_number[0], headings[same_number[0]])
    return found


def _headings(form: FormDef, report: Report, cells: Mapping[str, Value], texts: Texts,
              structure: DocumentStructure | None) -> list[Finding]:
    if structure is None or structure.headings is None:
        return []
    matches = _heading_matches(form, structure.headings)
    findings: list[Finding] = []
    for section in form.sections:
        if section.id not in matches:
            findings.append(_finding(
                "headings", f"缺少第{section.number}部分“{section.heading}”。", section=section.id,
                advice="年度报告应包括格式规定的六个部分，没有内容的部分也要保留标题并写明“无”或填写表格。"))
            continue
        _, found = matches[section.id]
        if _norm(found) != _norm(section.heading):
            findings.append(Finding(
                "headings", TEXT_RULES["headings"].severity,
                f"第{section.number}部分的标题是“{found.strip()}”，格式规定为“{section.heading}”。",
                (), "请使用格式规定的标题原文。", section.id, found.strip()))
    positions = [matches[s.id][0] for s in form.sections if s.id in matches]
    if positions != sorted(positions):
        order = "、".join(s.number for s in sorted((s for s in form.sections if s.id in matches),
                                                   key=lambda s: matches[s.id][0]))
        findings.append(_finding(
            "headings", f"六个部分的顺序不对：文中依次为 {order}。",
            advice="请按一、二、三、四、五、六的顺序排列各部分。"))
    return findings


def _missing_table(form: FormDef, report: Report, cells: Mapping[str, Value], texts: Texts,
                   structure: DocumentStructure | None) -> list[Finding]:
    if structure is None or structure.tables is None:
        return []
    findings = []
    for section in form.sections:
        if section.kind is SectionKind.TABLE and section.table and section.table not in structure.tables:
            table = form.tables[section.table]
            findings.append(_finding(
                "missing_table", f"第{section.number}部分“{section.heading}”没有“{table.title}”表格。",
                section=section.id,
                advice="格式要求第二、三、四部分各附一张统计表，即使全部为 0 也要填写表格。"))
    return findings


def _label(form: FormDef, report: Report, cells: Mapping[str, Value], texts: Texts,
           structure: DocumentStructure | None) -> list[Finding]:
    if structure is None:
        return []
    findings = []
    seen: set[tuple[str, str]] = set()
    for lab in structure.labels:
        if lab.official is None or _norm(lab.found) == _norm(lab.official):
            continue
        if _old_terms(form, lab.found) or (lab.table, lab.found) in seen:
            continue  # reported by old_format
        seen.add((lab.table, lab.found))
        title = form.tables[lab.table].title if lab.table in form.tables else lab.table
        section = next((s.id for s in form.sections if s.table == lab.table), None)
        findings.append(Finding(
            "label", TEXT_RULES["label"].severity,
            f"“{title}”表中的栏目“{lab.found.strip()}”与格式规定的“{lab.official}”不同。",
            (), "栏目名称是格式的一部分，请逐字使用官方名称。", section, lab.found.strip()))
    return findings


def _old_terms(form: FormDef, text: str) -> list[str]:
    """The superseded format's table labels (``[text_checks].old_format_terms``) in *text*."""
    plain = _norm(text).replace("／", "/")
    return [t for t in form.text_checks.old_format_terms if _norm(t) in plain]


@lru_cache(maxsize=16)
def _alternation(terms: tuple[str, ...], escape: bool) -> re.Pattern[str] | None:
    """One pattern matching any of *terms* (literal when *escape*), compiled when first needed."""
    if not terms:
        return None
    return compile_pattern("|".join(re.escape(t) if escape else f"(?:{t})" for t in terms))


def _old_format(form: FormDef, report: Report, cells: Mapping[str, Value], texts: Texts,
                structure: DocumentStructure | None) -> list[Finding]:
    if report.year is not None and report.year < form.valid_from_year:
        return []
    year = f"{report.year} 年度" if report.year else "本"
    findings: list[Finding] = []
    if structure is not None:
        terms: list[str] = []
        for lab in structure.labels:
            terms.extend(t for t in _old_terms(form, lab.found) if t not in terms)
        signs = [*(f"“{t}”" for t in terms), *structure.old_format_signs]
        if signs:
            findings.append(_finding(
                "old_format", f"{year}报告使用了2019年格式（{form.text_checks.superseded_basis}）的表格：{'、'.join(signs)}。",
                advice=f"{form.valid_from_year} 年及以后的报告应使用{form.basis}规定的表格，请按新格式重新填写。"))
    prose = _alternation(form.text_checks.old_format_prose, True)
    for text_id, text in texts:
        if prose is None:
            break
        if prose.search(text) is None:  # literal terms: none in the text, none in any of its sentences
            continue
        quotes = quoted_spans(text)
        for sentence in split_sentences(text):
            m = prose.search(sentence.text)
            if m and not inside(quotes, sentence.start + m.start(), sentence.start + m.end()):
                findings.append(_finding(
                    "old_format", f"文字中报告了2019年格式的统计项目“{m.group()}”，{form.valid_from_year}年格式已不再统计此项。",
                    section=text_id, sentence=sentence,
                    advice=f"请删去这一项，或改为{form.valid_from_year}年格式统计表中的对应项目。"))
                break
    return findings


# --- text_number ---------------------------------------------------------------------

def _cell(cells: Mapping[str, Value], cell_id: str, parts_of_total: tuple[str, ...] = ()) -> Value:
    value = cells.get(cell_id)
    if value is None and cell_id.startswith("requests.") and cell_id.endswith(".total"):
        row = cell_id[: -len(".total")]
        parts = [cells.get(f"{row}.{c}") for c in parts_of_total]
        if any(p is not None for p in parts):
            return sum(p or 0 for p in parts)
    return value


def _sum(cells: Mapping[str, Value], cell_ids: tuple[str, ...], parts_of_total: tuple[str, ...] = ()
         ) -> int | Decimal | None:
    values = [_cell(cells, c, parts_of_total) for c in cell_ids]
    if all(v is None for v in values):
        return None
    return sum(v or 0 for v in values)


def _text_number(form: FormDef, report: Report, cells: Mapping[str, Value], texts: Texts,
                 structure: DocumentStructure | None) -> list[Finding]:
    findings: list[Finding] = []
    vocab = vocabulary(form)
    parts = vocab.applicant_columns
    for text_id, text in texts:
        figures, claims = _extracted(form, text_id, text, report.year)
        seen: set[tuple[tuple[str, ...], tuple[int, int]]] = set()
        for fig in figures:
            if (fig.quantity.cells, fig.span) in seen:
                continue
            seen.add((fig.quantity.cells, fig.span))
            finding = _compare(fig, cells, parts)
            if finding is not None:
                findings.append(finding)
        for claim in claims:
            findings.extend(_claim(claim, cells, vocab))
    return findings


_EXTRACTED: dict[tuple[int, str, str, int | None], tuple[list[TextFigure], list[AllClaim]]] = {}


def _extracted(form: FormDef, text_id: str, text: str, year: int | None) -> tuple[list[TextFigure], list[AllClaim]]:
    """The figures of one text, read once for the rules that need them (text_number, text_conflict),
    and kept for the next check of the same text (a batch check forgets them: :func:`forget_reading`)."""
    key = (id(form), text_id, text, year)
    found = _EXTRACTED.get(key)
    if found is None:
        if len(_EXTRACTED) >= 16:
            _EXTRACTED.clear()
        found = _EXTRACTED[key] = extract(text_id, text, year, form)
    return found


_ADVICE_NUMBER = "请核对后改正文字或表格中的数字。用“插入数据段落”写入的段落可以一键更新为表格中的数字。"


def _compare(fig: TextFigure, cells: Mapping[str, Value], parts: tuple[str, ...]) -> Finding | None:
    expected = _sum(cells, fig.quantity.cells, parts)
    if expected is None or expected == fig.value:
        return None
    if fig.quantity.alt_cells and _sum(cells, fig.quantity.alt_cells, parts) == fig.value:
        return None
    message = f"文字“{fig.phrase}”与表格不一致：{fig.quantity.name}为 {expected}"
    if fig.quantity.alt_cells:
        message += f"，{fig.quantity.alt_name}为 {_sum(cells, fig.quantity.alt_cells, parts)}"
    message += f"，文字写的是 {fig.value}。"
    return Finding("text_number", TEXT_RULES["text_number"].severity, message, fig.quantity.cells,
                   _ADVICE_NUMBER, fig.section, fig.sentence.text, fig.sentence.span)


def _claim(claim: AllClaim, cells: Mapping[str, Value], vocab: Vocabulary) -> list[Finding]:
    others = ("corrected", "other", "pending") if claim.kind == "upheld" else ("upheld", "corrected", "other")
    findings = []
    for group in claim.groups:
        bad: list[tuple[str, int | Decimal, tuple[str, ...]]] = []
        for column in others:
            ids = tuple(f"appeals.{g}.{column}" for g in vocab.appeal_rows(group))
            value = _sum(cells, ids)
            if value:
                bad.append((column, value, ids))
        if not bad:
            continue
        listed = "、".join(f"{vocab.appeal_column_name(c)} {v} 件" for c, v, _ in bad)
        findings.append(Finding(
            "text_number", TEXT_RULES["text_number"].severity,
            f"文字说“{claim.phrase}”，但表四“{vocab.appeal_group_name(group)}”有{listed}。",
            tuple(c for _, _, ids in bad for c in ids), _ADVICE_NUMBER, claim.section,
            claim.sentence.text, claim.sentence.span))
    return findings


# --- text_year -----------------------------------------------------------------------

_PERIOD = lazy(
    r"统计(?:期限|时限|期间|区间|时间|周期|限|期)?[^。；\n\d]{0,10}?"
    r"(?P<y1>\d{4})\s*年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日\s*(?:起)?\s*(?:至|到|—|－|-|~|～)\s*"
    r"(?P<y2>\d{4})\s*年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日"
)
_AS_OF = lazy(r"(?:截至|截止|截止到|截止至|至)\s*(?P<y>\d{4})\s*年\s*(?:底|末|年底|年末|12\s*月\s*31\s*日)")
_COMPARISON = lazy(r"较|比|同比|相比|增长|减少|增加|下降|上升|对比")
_LEADING_YEAR = lazy(
    r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)?\s*(?P<y>\d{4})\s*年(?:度)?\s*[，,]?\s*"
    r"(?=我|本|全|市|区|县|镇|乡|街道|局|委|办|共|在|各)"
)
_PLAN = lazy(
    r"(?P<y>\d{4})\s*年(?:度)?\s*[，,]?\s*(?:(?:本|我)[^\s，。；,\d]{0,5}?|全[^\s，。；,\d]{0,3}?)?"
    r"(?:将|拟|计划|力争|争取|准备)"
)
_YEAR_ANY = lazy(r"(?<!\d)((?:19|20)\d{2})\s*年")


def _text_year(form: FormDef, report: Report, cells: Mapping[str, Value], texts: Texts,
               structure: DocumentStructure | None) -> list[Finding]:
    year = report.year
    findings: list[Finding] = []
    period_year: int | None = None
    for text_id, text in texts:
        quotes = quoted_spans(text)
        for sentence in split_sentences(text):
            s = sentence.text
            for m in _PERIOD.finditer(s):
                y1, y2 = int(m.group("y1")), int(m.group("y2"))
                period_year = period_year or y2
                start, end = (int(m.group("m1")), int(m.group("d1"))), (int(m.group("m2")), int(m.group("d2")))
                if year is not None and (y1 != year or y2 != year):
                    findings.append(_finding(
                        "text_year", f"统计期限写的是 {y1} 年至 {y2} 年，本报告是 {year} 年度。",
                        section=text_id, sentence=sentence,
                        advice=f"统计期限应为“自{year}年1月1日起至{year}年12月31日止”。"))
                elif end != (12, 31) or start != (1, 1):
                    findings.append(_finding(
                        "text_year",
                        f"统计期限为 {start[0]}月{start[1]}日至 {end[0]}月{end[1]}日，应为 1月1日至 12月31日。",
                        section=text_id, sentence=sentence,
                        advice="年度报告的统计期限是整个自然年：自1月1日起至12月31日止。"))
            if year is None:
                continue
            for m in ([] if _PERIOD.search(s) else _AS_OF.finditer(s)):
                y = int(m.group("y"))
                if y < year and not inside(quotes, sentence.start + m.start(), sentence.end) \
                        and not _COMPARISON.search(s):
                    findings.append(_finding(
                        "text_year", f"文字写的是“{m.group().strip()}”，本报告是 {year} 年度。",
                        section=text_id, sentence=sentence,
                        advice=f"这段文字可能沿用了往年报告，请改为 {year} 年的情况（如“截至{year}年底”）。"))
            lead = _LEADING_YEAR.match(s)
            if (lead and text_id in ("preamble", "overview", "other") and int(lead.group("y")) == year - 1
                    and not _COMPARISON.search(s) and not re.search(r"上年|去年|上一年", s)
                    and all(int(y) != year for y in _YEAR_ANY.findall(s))):
                findings.append(_finding(
                    "text_year", f"这句话以“{lead.group('y')}年”开头，写的像是上一年度的情况；本报告是 {year} 年度。",
                    section=text_id, sentence=sentence,
                    advice="如果是沿用了上年报告的文字，请改为本年度的情况。"))
            if text_id == "problems":
                for m in _PLAN.finditer(s):
                    if int(m.group("y")) == year and not inside(quotes, sentence.start + m.start(), sentence.end) \
                            and str(year + 1) not in s:
                        findings.append(_finding(
                            "text_year",
                            f"改进计划写的是“{m.group().strip()}…”，本报告是 {year} 年度，计划应是 {year + 1} 年的。",
                            section=text_id, sentence=sentence,
                            advice=f"第五部分的改进措施面向下一年度，请改为“{year + 1}年”或“下一年度”。"))
    if structure is not None and structure.title:
        title_years = [int(y) for y in _YEAR_ANY.findall(structure.title)]
        title_year = title_years[0] if title_years else None
        for other, what in ((year, "报告年度"), (period_year, "统计期限")):
            if title_year is not None and other is not None and title_year != other:
                findings.append(Finding(
                    "text_year", TEXT_RULES["text_year"].severity,
                    f"标题中的年度 {title_year} 年与{what} {other} 年不一致。", (),
                    "标题应为“<机关全称><年度>年政府信息公开工作年度报告”，年度与统计期限一致。", None, structure.title))
                break
    return findings


# --- citation ------------------------------------------------------------------------

_WRONG_BRACKETS = lazy(r"[【\[［]\s*(?:19|20)\d{2}\s*[】\]］]\s*\d{1,4}\s*号")
_BRACKET_OPEN, _BRACKET_CLOSE = r"[〔【\[［(（]", r"[〕】\]］)）]"
_ORDER = lazy(r"国务院令\s*(?:第\s*)?(?P<n>\d+)\s*号")


@record
class _Citations:
    """The patterns of the citation rule, made from the form's basis and its [text_checks]."""

    right: str  # "国办公开办函〔2021〕30号"
    issuer: str  # "国办公开办函"
    number: re.Pattern[str] | None  # the basis's year and number after any issuer ("国办发〔2021〕30号")
    cites_new: re.Pattern[str] | None
    new_number: re.Pattern[str] | None
    old_basis: re.Pattern[str] | None
    old_title: str  # the distinctive end of the superseded notice's title: "年度报告有关事项的通知"


_DOCUMENT_NUMBER = lazy(r"(?P<issuer>.+?)\s*[〔【\[［(（]\s*(?P<y>\d{4})\s*[〕】\]］)）]\s*(?P<n>\d+)\s*号")


@lru_cache(maxsize=8)
def _citations(basis: str, title: str, superseded_basis: str, superseded_title: str) -> _Citations:
    def parts(doc: str) -> tuple[str, str, str] | None:
        m = _DOCUMENT_NUMBER.fullmatch(doc.strip())
        return (m.group("issuer"), m.group("y"), m.group("n")) if m else None

    new, old = parts(basis), parts(superseded_basis)
    number = cites_new = new_number = old_basis = None
    if new is not None:
        tail = rf"\s*{_BRACKET_OPEN}\s*{new[1]}\s*{_BRACKET_CLOSE}\s*{new[2]}\s*号"
        number = compile_pattern(rf"(?P<issuer>国[^\s〔【\[［(（,，、。；;:：《》“”<>]{{1,9}}?){tail}")
        new_number = compile_pattern(rf"{new[1]}\s*{_BRACKET_CLOSE}\s*{new[2]}\s*号")
        cites_new = compile_pattern(rf"{re.escape(title)}格式|{new_number.pattern}")
    if old is not None:
        old_basis = compile_pattern(rf"{_BRACKET_OPEN}\s*{old[1]}\s*{_BRACKET_CLOSE}\s*{old[2]}\s*号")
    old_title = superseded_title.split("工作")[-1] if superseded_title else ""
    return _Citations(basis, new[0] if new else "", number, cites_new, new_number, old_basis, old_title)


def _citation(form: FormDef, report: Report, cells: Mapping[str, Value], texts: Texts,
              structure: DocumentStructure | None) -> list[Finding]:
    if report.year is not None and report.year < form.valid_from_year:
        return []
    checks = form.text_checks
    c = _citations(form.basis, form.title, checks.superseded_basis, checks.superseded_basis_title)
    findings: list[Finding] = []
    right = c.right
    cites_new = c.cites_new is not None and any(c.cites_new.search(t) for _, t in texts)  # by name or number
    cites_new_number = c.new_number is not None and any(c.new_number.search(t) for _, t in texts)
    reported: set[str] = set()

    def add(kind: str, message: str, text_id: str, sentence: Sentence, advice: str = "") -> None:
        if kind not in reported:
            reported.add(kind)
            findings.append(_finding("citation", message, section=text_id, sentence=sentence,
                                     advice=advice or f"年度报告格式的文号是“{right}”（括号为六角括号〔〕）。"))

    for text_id, text in texts:
        for sentence in split_sentences(text):
            s = sentence.text
            if c.number is not None:
                for m in c.number.finditer(s):
                    if m.group("issuer") != c.issuer:
                        add("issuer", f"文号写成了“{m.group()}”，应为“{right}”。", text_id, sentence)
            if bracket := _WRONG_BRACKETS.search(s):
                add("brackets", f"文号“{bracket.group()}”的年份用了方括号，公文文号的年份应使用六角括号〔〕。", text_id, sentence)
            old_here = c.old_basis is not None and c.old_basis.search(s)
            if old_here and not cites_new_number:  # citing the 2019 notice beside the 2021 format is no fault
                add("old", f"引用了2019年的{checks.superseded_basis}；{report.year or f'{form.valid_from_year} 年及以后'}年度报告应依据{right}。",
                    text_id, sentence)
            if c.old_title and (title := re.search(re.escape(c.old_title), s)):
                near = s[title.end(): title.end() + 30]
                if c.cites_new is not None and c.cites_new.search(near) and not (c.old_basis and c.old_basis.search(near)):
                    add("mixed", f"引用的通知标题“{checks.superseded_basis_title}”是2019年通知（{checks.superseded_basis}）的标题，"
                        f"文号却是{right}；{form.valid_from_year}年格式的名称是《中华人民共和国{form.title}格式》（{right}）。",
                        text_id, sentence)
                elif not cites_new and not old_here:
                    add("old", f"引用的“{checks.superseded_basis_title}”是2019年的通知（{checks.superseded_basis}）；"
                        f"年度报告应依据《中华人民共和国{form.title}格式》（{right}）。", text_id, sentence)
            for m in _ORDER.finditer(s):
                if m.group("n") in checks.superseded_regulation_orders:
                    add("order", f"《条例》写成了“国务院令第{m.group('n')}号”，那是2007年公布的旧《条例》；"
                        f"现行《条例》是2019年修订的国务院令第{checks.regulation_order}号。", text_id, sentence,
                        advice=f"请改为“《中华人民共和国政府信息公开条例》（国务院令第{checks.regulation_order}号）”。")
    return findings


# --- parts_count ---------------------------------------------------------------------

# "全文由……六部分组成", "本报告包括……六部分内容", "报告分为……", "主要从……六个方面汇报", "全文包括……。"
_PARTS_INTRO = lazy(r"由|包括|包含|分为|涵盖|主要从")
_PARTS_END = lazy(
    r"(?:等)?(?P<n>[一二三四五六七八九十\d]+)\s*(?:个)?(?:部分|方面|项)(?:内容)?|(?:等)?(?:部分|方面|内容)?(?:组成|构成)"
)
_PARTS_OF_REPORT = lazy(r"报告|年报|全文|本文|内容")
_ELIDED = lazy(r"…|⋯|\.{3}|。{3}")


def _parts_list(text: str) -> tuple[str, str | None, int] | None:
    """(the listed parts, the number of parts said, where the list starts) of a preamble sentence."""
    for intro in _PARTS_INTRO.finditer(text):
        if not _PARTS_OF_REPORT.search(text[max(0, intro.start() - 120) : intro.start()]):
            continue
        rest = text[intro.end() : intro.end() + 300]  # a list of parts is at most 240 characters
        end = _PARTS_END.search(rest)
        stop = rest.find("。")
        if end is not None and (stop == -1 or end.start() < stop):
            listed, n = rest[: end.start()], end.group("n")
        else:
            listed, n = rest if stop == -1 else rest[:stop], None
        listed = listed.lstrip("：: ")
        if 4 <= len(listed) <= 240:
            return listed, n, intro.start()
    return None


def _parts_count(form: FormDef, report: Report, cells: Mapping[str, Value], texts: Texts,
                 structure: DocumentStructure | None) -> list[Finding]:
    checks = form.text_checks
    concepts = [(form.section(sid).heading.split("、", 1)[-1], rx) for sid, rx in checks.part_terms]
    old_parts = _alternation(checks.old_parts, False)
    for text_id, text in texts:
        if text_id not in ("preamble", "overview"):
            continue
        for sentence in split_sentences(text)[:6]:
            found = _parts_list(sentence.text)
            if found is None:
                continue
            parts, said, _ = found
            present = [name for name, rx in concepts if re.search(rx, parts)]
            if len(present) < 3:
                continue  # not the list of the report's parts
            missing = [name for name, rx in concepts if not re.search(rx, parts)]
            if _ELIDED.search(parts):
                missing = []  # "由总体情况……等六部分组成": the list is shortened, what it leaves out is not said
            n = parse_number(said) if said else None
            old = old_parts.search(parts) if old_parts is not None else None
            problems = []
            if n is not None and n != len(form.sections):
                problems.append(f"写的是{said}部分，格式规定为{_cn_number(len(form.sections))}部分")
            if missing:
                prefix = f"说有{said}部分，" if n is not None else ""
                problems.append(f"{prefix}列出的部分缺少“{'”“'.join(missing)}”")
            if old:
                problems.append(f"列出了旧格式的“{old.group()}”部分")
            if not problems:
                return []
            listed = "、".join(s.heading.split("、", 1)[-1] for s in form.sections)
            return [_finding(
                "parts_count", "前言中的报告组成" + "；".join(problems) + "。", section=text_id, sentence=sentence,
                advice=f"应写“由{listed}{_cn_number(len(form.sections))}部分组成”。")]
    return []


# --- fee_statement -------------------------------------------------------------------

_FEE_MENTION = lazy(r"信息处理费|收费通知|处理费|收取[^，。；]{0,8}费|收费")
_FEE_NOTICED = lazy(
    r"收费通知[^。；]{0,24}?(?:总?金额|合计|共计|计)[^。；\d]{0,6}?(?P<amt>\d+(?:\.\d+)?)\s*(?P<unit>万元|元)"
)
_FEE_COLLECTED = lazy(r"实际(?:收取|收缴|缴纳|收到)[^。；\d]{0,12}?(?P<amt>\d+(?:\.\d+)?)\s*(?P<unit>万元|元)")


def _yuan(m: re.Match[str]) -> Decimal:
    amount = Decimal(m.group("amt"))
    return amount * 10000 if m.group("unit") == "万元" else amount


def _fee_statement(form: FormDef, report: Report, cells: Mapping[str, Value], texts: Texts,
                   structure: DocumentStructure | None) -> list[Finding]:
    other = report.texts.get("other", "")
    if structure is not None and structure.headings is not None and not other.strip():
        matches = _heading_matches(form, structure.headings)
        if "other" not in matches:
            return []  # the missing section is reported by rule headings
    if not _FEE_MENTION.search(other):
        elsewhere = [tid for tid, t in texts if tid != "other" and re.search(r"信息处理费|收费通知", t)]
        where = ""
        if elsewhere:
            names = {s.id: s.heading for s in form.sections} | EXTRA_TEXTS
            where = f"（“{names.get(elsewhere[0], elsewhere[0])}”中提到了信息处理费，格式要求在第六部分说明）"
        return [_finding(
            "fee_statement", f"第六部分“其他需要报告的事项”没有说明信息处理费的收取情况{where}。",
            section="other",
            advice="请写明依据《政府信息公开信息处理费管理办法》发出收费通知的件数、总金额和实际收取的金额；"
                   "没有收取的写“本年度未收取信息处理费”。")]
    findings = []
    for sentence in split_sentences(other):
        noticed, collected = _FEE_NOTICED.search(sentence.text), _FEE_COLLECTED.search(sentence.text)
        if noticed and collected and _yuan(collected) > _yuan(noticed):
            findings.append(_finding(
                "fee_statement",
                f"实际收取的信息处理费（{collected.group('amt')}{collected.group('unit')}）多于收费通知的总金额"
                f"（{noticed.group('amt')}{noticed.group('unit')}）。",
                section="other", sentence=sentence, advice="实际收取的金额不会超过收费通知的金额，请核对。"))
    return findings


# --- title ---------------------------------------------------------------------------

_SPACES = lazy(r"\s+")


def _cn_number(n: int) -> str:
    return "零一二三四五六七八九十"[n] if 0 <= n <= 10 else str(n)


def _title(form: FormDef, report: Report, cells: Mapping[str, Value], texts: Texts,
           structure: DocumentStructure | None) -> list[Finding]:
    """The title is "<单位名称><YYYY>年<form title>"; a preamble does not name the report with another year."""
    findings: list[Finding] = []
    advice = f"标题应为“单位名称＋YYYY年{form.title}”，如“{report.agency or '某市某某局'}{report.year or 'YYYY'}年{form.title}”。"
    if structure is not None and structure.title and structure.title.strip():
        title = _SPACES.sub("", structure.title)
        if not re.fullmatch(rf".*?(?:19|20)\d{{2}}年(?:度)?{re.escape(form.title)}", title):
            moved = re.sub(r"(?:19|20)\d{2}年(度)?", lambda m: "年度" if m.group(1) else "", title)
            if re.search(r"(?:19|20)\d{2}年", title) is None:
                what = "没有写明年度" if form.title in title else f"没有写成“{form.title}”，也没有写明年度"
            elif form.title in moved:  # "…政府信息公开工作2022年度报告"
                what = f"年度没有写在“{form.title}”之前"
            else:
                what = f"没有写成“{form.title}”"
            findings.append(Finding("title", TEXT_RULES["title"].severity, f"标题“{title}”{what}。",
                                    (), advice, None, structure.title.strip()))
    if report.year is None:
        return findings
    named = compile_pattern(rf"(?:编制|公布|发布|形成|完成)了?(?:并公布|并发布)?(?:本单位|本机关)?"
                       rf"《(?P<t>[^《》\n]{{0,40}}?(?P<y>(?:19|20)\d{{2}})\s*年(?:度)?{re.escape(form.title)})》")
    for text_id, text in texts:
        if text_id not in ("preamble", "overview"):
            continue
        for sentence in split_sentences(text)[:6]:
            for m in named.finditer(sentence.text):
                if int(m.group("y")) != report.year:
                    findings.append(_finding(
                        "title", f"文中把本报告称为《{m.group('t')}》，本报告是 {report.year} 年度。", section=text_id,
                        sentence=sentence, advice=f"请把报告名称中的年度改为 {report.year} 年。"))
    return findings


# --- old_format_idea -----------------------------------------------------------------

_FEE_ITEMS_PUBLISHED = lazy(r"公开|公示|发布|更新")
_FEE_AMOUNT = lazy(r"\d+(?:\.\d+)?\s*万?元")


def _clause_before(text: str, pos: int) -> str:
    """The words of *text* from the start of the clause holding *pos* up to *pos*."""
    start = max(text.rfind(p, 0, pos) for p in "，,；;。：:") + 1
    return text[start:pos]


def _old_format_idea(form: FormDef, report: Report, cells: Mapping[str, Value], texts: Texts,
                     structure: DocumentStructure | None) -> list[Finding]:
    if report.year is not None and report.year < form.valid_from_year:
        return []
    ideas = _alternation(form.text_checks.old_format_ideas, False)
    if ideas is None:
        return []
    findings: list[Finding] = []
    for text_id, text in texts:
        quotes = quoted_spans(text)
        for sentence in split_sentences(text):
            m = ideas.search(sentence.text)
            if m and text_id in ("preamble", "overview") and _parts_list(sentence.text) is not None:
                continue  # the preamble's list of parts: reported by parts_count
            if m and _FEE_ITEMS_PUBLISHED.search(_clause_before(sentence.text, m.start())) \
                    and _FEE_AMOUNT.search(sentence.text):
                continue  # "主动公开行政事业性收费1项，公开费用总额为4.043万元": the items published, with the amount
            if m and not inside(quotes, sentence.start + m.start(), sentence.start + m.end()):
                findings.append(_finding(
                    "old_format_idea", f"文字中的“{m.group()}”是2019年格式（{form.text_checks.superseded_basis}）的统计口径，"
                    f"{form.valid_from_year}年格式已不再这样统计。", section=text_id, sentence=sentence,
                    advice=f"{form.valid_from_year}年格式只统计{_amount_cell_name(form)}，信息处理费的情况写在第六部分。"))
                break
    return findings


def _amount_cell_name(form: FormDef) -> str:
    """How the form's amount cell reads ("行政事业性收费 / 本年收费金额（单位：万元）"), for advice."""
    cell = next((c for c in form.cells.values() if c.type is ValueType.AMOUNT and not c.derived), None)
    return cell.label if cell is not None else "收费金额"


# --- template_text -------------------------------------------------------------------

# words left over from a template or a letter to the superior office: "根据贵办…", "XX局", "某某",
# and a bracketed placeholder where a detail belongs: "在…门户网站(具体网址)查阅", "（单位名称）"
_TEMPLATE = lazy(
    r"贵(?:办|单位|局|委|厅|府)|(?<![A-Za-z0-9])[XＸ×]{2,}(?![A-Za-z0-9])|某某|□{2,}|＿{3,}|_{3,}|请填写|此处填写|在此填写"
    r"|[(（【\[]\s*(?:请?填写?)?(?:具体(?:网址|地址|电话|名称|单位)|单位(?:全称|名称)|机关(?:全称|名称)|网址|联系电话)\s*[)）】\]]"
)


def _template_text(form: FormDef, report: Report, cells: Mapping[str, Value], texts: Texts,
                   structure: DocumentStructure | None) -> list[Finding]:
    findings: list[Finding] = []
    places = [*texts, *((("title", structure.title),) if structure is not None and structure.title else ())]
    for text_id, text in places:
        quotes = quoted_spans(text)
        for sentence in split_sentences(text):
            m = _TEMPLATE.search(sentence.text)
            if m and m.group() in (report.agency or ""):
                continue  # the report's own name as entered ("某市某某局" in an example report)
            if m and not inside(quotes, sentence.start + m.start(), sentence.start + m.end()):
                findings.append(_finding(
                    "template_text", f"文字中有“{m.group()}”，像是模板或范文中没有改掉的文字。",
                    section=None if text_id == "title" else text_id, sentence=sentence,
                    advice="年度报告面向社会公开：请把占位字样改为本单位的实际名称和情况，删去写给上级机关的称呼（如“贵办”）。"))
    return findings


# --- text_conflict -------------------------------------------------------------------

def _text_conflict(form: FormDef, report: Report, cells: Mapping[str, Value], texts: Texts,
                   structure: DocumentStructure | None) -> list[Finding]:
    """The text gives two different counts of one thing (and the table, blank, cannot say which)."""
    parts = vocabulary(form).applicant_columns
    first: dict[tuple[tuple[str, ...], tuple[str, ...]], TextFigure] = {}
    findings: list[Finding] = []
    reported: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    for text_id, text in texts:
        aggregate: dict[int, bool] = {}  # by sentence: asked once, however many figures it has
        for fig in _extracted(form, text_id, text, report.year)[0]:
            if fig.sentence.start not in aggregate:
                aggregate[fig.sentence.start] = aggregate_subject(fig.sentence)
            if aggregate[fig.sentence.start]:
                continue  # "全县共收到…" beside the body's own figure
            key = (fig.quantity.cells, fig.quantity.alt_cells)
            seen = first.setdefault(key, fig)
            if seen.value == fig.value or key in reported or _sum(cells, fig.quantity.cells, parts) is not None:
                continue
            reported.add(key)
            findings.append(_finding(
                "text_conflict", f"文字中{fig.quantity.name}前后不一致：“{seen.phrase}”是 {seen.value}，“{fig.phrase}”是 {fig.value}。",
                cells=fig.quantity.cells, section=text_id, sentence=fig.sentence,
                advice="同一个数字在文中只能有一个值，请核对后统一，并填写表格中的对应栏目。"))
    return findings


_RULES: tuple[Rule, ...] = (
    _headings, _missing_table, _label, _old_format, _text_number, _text_year, _citation, _parts_count,
    _fee_statement, _title, _old_format_idea, _template_text, _text_conflict,
)
