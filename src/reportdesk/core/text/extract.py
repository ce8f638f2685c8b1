"""Figures stated in report prose, each tied to the table cells it describes.

The extraction is built on how real reports are phrased ("共收到政府信息公开申请162件，上年度
结转1件，办结159件，结转下年度办理4件", "因政府信息公开被行政复议7件，其中结果维持6件",
"全年无因政府信息公开申请引起的行政复议和行政诉讼", "均获维持").  It is deliberately
narrow: a number is taken only when the sentence is about 政府信息公开 applications or
appeals, the clause names no other kind of business (许可, 信访, 建议提案 …), the number is
exact ("二十余件" is not) and no other year, period or comparison qualifies it.  What is
not understood is left alone: a missed figure costs less than a false alarm.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from reportdesk.core.text.numerals import find_counts
from reportdesk.core.text.sentences import Clause, Sentence, inside, quoted_spans, split_sentences

log = logging.getLogger(__name__)

PARTS = ("natural", "commercial", "research", "public_interest", "legal_services", "other_org")
ORGS = PARTS[1:]
RESULT_GROUPS: dict[str, tuple[str, ...]] = {
    "granted": ("granted",),
    "partly_granted": ("partly_granted",),
    "refused": (
        "refused_state_secret", "refused_prohibited", "refused_security", "refused_third_party",
        "refused_internal", "refused_process", "refused_enforcement_file", "refused_inquiry",
    ),
    "unavailable": ("unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear"),
    "declined": (
        "declined_petition", "declined_duplicate", "declined_publication", "declined_excessive",
        "declined_confirmation",
    ),
    "other": ("other_no_correction", "other_no_fee", "other_other"),
}
APPEAL_GROUPS: dict[str, tuple[str, ...]] = {
    "reconsideration": ("reconsideration",),
    "litigation": ("litigation_direct", "litigation_after"),
    "litigation_direct": ("litigation_direct",),
    "litigation_after": ("litigation_after",),
}
APPEAL_GROUP_NAMES = {
    "reconsideration": "行政复议",
    "litigation": "行政诉讼",
    "litigation_direct": "行政诉讼（未经复议直接起诉）",
    "litigation_after": "行政诉讼（复议后起诉）",
}
APPEAL_COLUMN_NAMES = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结", "total": "总计"}


@dataclass(frozen=True, slots=True)
class Quantity:
    """What a number in the text claims to be: the sum of some table cells."""

    name: str  # in Chinese, for messages: "表三“一、本年新收政府信息公开申请数量”总计"
    cells: tuple[str, ...]
    # An equally valid reading: "受理申请121件" may count 新收 + 上年结转.
    alt_cells: tuple[str, ...] = ()
    alt_name: str = ""


@dataclass(frozen=True, slots=True)
class TextFigure:
    quantity: Quantity
    value: int
    phrase: str  # the words as written: "受理政府信息公开申请2件"
    span: tuple[int, int]  # of the phrase, in the section text
    sentence: Sentence
    section: str


@dataclass(frozen=True, slots=True)
class AllClaim:
    """"均获维持" (every case upheld) or "均尚未审结" (every case pending) for some appeal groups."""

    kind: str  # "upheld" or "pending"
    groups: tuple[str, ...]  # keys of APPEAL_GROUPS
    phrase: str
    span: tuple[int, int]
    sentence: Sentence
    section: str


# --- the phrasings ---------------------------------------------------------------------

_APP_TOPIC = re.compile(r"依申请|申请公开|公开申请|信息公开的?申请")
_OTHER_BUSINESS = re.compile(
    r"许可|审批|信访|投诉|举报|建议|提案|咨询|留言|来信|来电|来访|诉求|热线|办件|补贴|备案|登记|工单|政务服务"
    r"|复议|诉讼|起诉|应诉|稿件|文件|网站|政策|事项|信件|邮件|意见"
)
_QUALIFIED = re.compile(
    r"累计|历年|以来|近[两三四五六七八九十\d]年|上半年|下半年|季度|[\d一二三四五六七八九十]+(?:个)?月(?:份)?(?!\d*日)"
    r"|同比|环比|较|比上年|比去年|增长|增加|减少|下降|上升|持平|平均|日均|月均|每年|每月|去年|上一年度报告"
)
_YEAR = re.compile(r"(?<![\d０-９])((?:19|20)\d{2})\s*年")

# (pattern, quantity key); the first that matches a clause decides what its number is.
_REQUEST_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), key)
    for p, key in (
        (r"(?<!不)予以公开(?:及|和|与)部分公开", "granted+partly_granted"),
        (r"不予(?:以)?公开", "refused"),
        (r"(?<!不)予以公开", "granted"),
        (r"部分公开", "partly_granted"),
        (r"无法提供", "unavailable"),
        (r"不予处理", "declined"),
        (r"其他处理", "other"),
        (r"结转(?:到|至|入)?下(?:一)?年(?:度)?|转入下(?:一)?年(?:度)?|顺延(?:到|至)下(?:一)?年(?:度)?|下(?:一)?年(?:度)?结转", "carried_forward"),
        (r"上(?:一)?年(?:度)?(?:结转|转入|遗留)|结转自上(?:一)?年", "carried_over"),
        (r"新收", "received"),
        (r"办结|答复|办理完毕|处理完毕", "handled_total"),
        (r"收到|受理|接到|接收|收悉|共收", "received_loose"),
    )
)
# 不掌握, 过程性信息 … : when a clause names an item of a result group, its number may be
# that item's, not the group's ("属于国家秘密不予公开1件"), unless it says "等".
_RESULT_ITEMS = re.compile(r"不掌握|国家秘密|三安全一稳定|第三方|内部事务|过程性|执法案卷|行政查询|另行制作|不明确|信访|重复申请|出版物|大量反复|确认或重新出具|逾期|补正|缴纳")
_APPLICANTS: tuple[tuple[re.Pattern[str], tuple[str, ...], str], ...] = (
    (re.compile(r"自然人"), ("natural",), "自然人"),
    (re.compile(r"法人(?:或|和|及)?其他组织|法人"), ORGS, "法人或其他组织"),
    (re.compile(r"商业企业"), ("commercial",), "商业企业"),
    (re.compile(r"科研机构"), ("research",), "科研机构"),
    (re.compile(r"社会公益组织"), ("public_interest",), "社会公益组织"),
    (re.compile(r"法律服务机构"), ("legal_services",), "法律服务机构"),
)
_ZERO_RECEIVED = re.compile(
    r"(?:未|没有|无)(?:收到|受理|接到|接收|发生|产生|有)?(?:任何)?(?:群众|公民|社会公众)?(?:提出的?)?(?:政府)?(?:信息)?的?"
    r"(?:依申请公开|信息公开申请|公开申请|申请公开)"
)
_ZERO_FORWARD = re.compile(r"(?:无|没有|未有)(?:结转(?:到|至)?下(?:一)?年(?:度)?|下(?:一)?年(?:度)?结转)")
_ZERO_OVER = re.compile(r"(?:无|没有)上(?:一)?年(?:度)?结转")

_APPEAL_TOPIC = re.compile(r"信息公开|政府信息")
_APPEAL_SKIP = re.compile(r"受理|办理|审理|主持|作出|决定书|纠错率|败诉率|出庭")
_APPEAL_GROUP_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"复议后(?:提起)?(?:行政)?(?:起诉|诉讼)"), "litigation_after"),
    (re.compile(r"(?:未经复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼)|未经复议"), "litigation_direct"),
    (re.compile(r"行政复议|复议"), "reconsideration"),
    (re.compile(r"行政诉讼|诉讼|起诉"), "litigation"),
)
_APPEAL_COLUMN_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"尚未审结|未审结|未结案"), "pending"),
    (re.compile(r"维持"), "upheld"),
    (re.compile(r"纠正|纠错"), "corrected"),
    (re.compile(r"其他结果"), "other"),
)
_ALL_UPHELD = re.compile(r"(?:均|全部|都|皆)(?:已)?(?:获|被|予以|得到|获得)?(?:法院|复议机关)?(?:判决|决定)?维持|^(?:结果)?(?:为|予以)?维持$")
_ALL_PENDING = re.compile(r"(?:均|全部|都)(?:尚)?未审结|(?:均|全部|都)(?:在|正在)审理")
_ZERO_APPEALS = re.compile(
    r"(?:未|没有|无)(?:发生|出现|收到|产生|接到|涉及|有)?(?:因|由于)?(?:[^，。；、]{0,16}?)(?:行政复议|行政诉讼)"
)
_ZERO_APPEALS_EXCLUDE = re.compile(r"纠错|纠正|败诉|撤销|确认违法|维持|审结|决定|结果|文书|需|须|经复议|直接")


def _quantity(key: str, column_cells: tuple[str, ...] = ("total",), column_name: str = "总计") -> Quantity:
    names = {
        "received": "一、本年新收政府信息公开申请数量",
        "carried_over": "二、上年结转政府信息公开申请数量",
        "handled_total": "三、本年度办理结果（七）总计",
        "carried_forward": "四、结转下年度继续办理",
        "granted": "（一）予以公开",
        "partly_granted": "（二）部分公开",
        "refused": "（三）不予公开",
        "unavailable": "（四）无法提供",
        "declined": "（五）不予处理",
        "other": "（六）其他处理",
        "granted+partly_granted": "（一）予以公开与（二）部分公开之和",
    }
    if key == "received_loose":
        q = _quantity("received", column_cells, column_name)
        alt = q.cells + _quantity("carried_over", column_cells, column_name).cells
        return Quantity(q.name, q.cells, alt, f"新收与上年结转之和（表三“一”+“二”{column_name}）")
    rows: tuple[str, ...]
    if key in RESULT_GROUPS:
        rows = RESULT_GROUPS[key]
    elif key == "granted+partly_granted":
        rows = ("granted", "partly_granted")
    else:
        rows = (key,)
    cells = tuple(f"requests.{r}.{c}" for r in rows for c in column_cells)
    return Quantity(f"表三“{names[key]}”{column_name}", cells)


def _appeal_quantity(group: str, column: str) -> Quantity:
    cells = tuple(f"appeals.{g}.{column}" for g in APPEAL_GROUPS[group])
    return Quantity(f"表四“{APPEAL_GROUP_NAMES[group]}”{APPEAL_COLUMN_NAMES[column]}", cells)


# --- extraction --------------------------------------------------------------------------


@dataclass(slots=True)
class _State:
    """What the sentences read so far in a paragraph were about."""

    paragraph: int = -1
    app_topic: bool = False  # the previous sentence spoke of applications (with a figure)
    appeal_topic: bool = False
    appeal_group: str | None = None


def extract(section: str, text: str, year: int | None) -> tuple[list[TextFigure], list[AllClaim]]:
    """Every figure about applications and appeals that *text* states, and its "均…" claims."""
    figures: list[TextFigure] = []
    claims: list[AllClaim] = []
    quotes = quoted_spans(text)
    state = _State()
    heading: Sentence | None = None  # a one-line sub-heading sets the topic of what follows it
    for sentence in split_sentences(text):
        if sentence.paragraph != state.paragraph:
            state = _State(paragraph=sentence.paragraph)
            if heading is not None and heading.paragraph == sentence.paragraph - 1:
                state.app_topic = bool(_APP_TOPIC.search(heading.text))
                state.appeal_topic = bool(re.search(r"复议|诉讼", heading.text))
            heading = sentence if _is_heading(sentence, text) else None
        if _foreign_year_leads(sentence, year):
            state.app_topic = state.appeal_topic = False
            continue
        before = len(figures), len(claims)
        _requests(section, sentence, year, quotes, state, figures)
        _appeals(section, sentence, year, quotes, state, figures, claims)
        found = (len(figures), len(claims)) != before
        state.app_topic = bool(_APP_TOPIC.search(sentence.text)) or (state.app_topic and found)
        if not found and not _APPEAL_TOPIC.search(sentence.text) and section != "appeals":
            state.appeal_topic = False
    return figures, claims


def _is_heading(sentence: Sentence, text: str) -> bool:
    """A line of its own, short, without a count: "（二）依申请公开情况", "四、政府信息公开行政复议、行政诉讼情况"."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.start)
    line = text[line_start : len(text) if line_end == -1 else line_end].strip()
    whole_line = line == sentence.text or line == sentence.text.rstrip("。")
    return whole_line and len(sentence.text) <= 40 and not find_counts(sentence.text)


def _foreign_year_leads(sentence: Sentence, year: int | None) -> bool:
    """A sentence opening with another year ("2021年，共收到…" in a 2022 report) is not checked."""
    if year is None:
        return False
    m = _YEAR.match(sentence.text.lstrip("（(一二三四五六七八九十）)、 "))
    return bool(m and int(m.group(1)) != year)


def _clause_ok(clause: Clause, sentence: Sentence, year: int | None, quotes: list[tuple[int, int]]) -> bool:
    if _QUALIFIED.search(clause.text):
        return False
    if inside(quotes, clause.start, clause.end):
        return False
    if year is not None:
        head = sentence.text[: clause.end - sentence.start]
        if any(int(y) != year for y in _YEAR.findall(head)):
            return False
    return True


def _first_count(clause: Clause, after: int, quotes: list[tuple[int, int]]) -> tuple[int, int, int] | None:
    """(value, start, end) of the first exact count in *clause* at or after offset *after*."""
    for value, start, end, approximate in find_counts(clause.text):
        if start < after:
            continue
        if approximate or inside(quotes, clause.start + start, clause.start + end):
            return None
        return value, start, end
    return None


def _requests(
    section: str, sentence: Sentence, year: int | None, quotes: list[tuple[int, int]], state: _State,
    figures: list[TextFigure],
) -> None:
    topic = bool(_APP_TOPIC.search(sentence.text)) or state.app_topic or section == "requests"
    if not topic:
        return
    row: str | None = None  # the row the clauses of this sentence speak of ("其中自然人8件")
    for clause in sentence.clauses():
        ctext = clause.text
        if _ZERO_FORWARD.search(ctext) and _clause_ok(clause, sentence, year, quotes):
            m = _ZERO_FORWARD.search(ctext)
            assert m is not None
            figures.append(_figure(section, sentence, clause, m.start(), m.end(), _quantity("carried_forward"), 0))
            continue
        if _ZERO_OVER.search(ctext) and _clause_ok(clause, sentence, year, quotes):
            m = _ZERO_OVER.search(ctext)
            assert m is not None
            figures.append(_figure(section, sentence, clause, m.start(), m.end(), _quantity("carried_over"), 0))
            continue
        if re.search(r"复议|诉讼|起诉", ctext) or _OTHER_BUSINESS.search(ctext):
            row = None
            continue
        zero = _ZERO_RECEIVED.search(ctext)
        if zero and not re.search(r"无需|无须|无论|无法|未予|没有必要", ctext):
            if _clause_ok(clause, sentence, year, quotes):
                figures.append(_figure(section, sentence, clause, zero.start(), zero.end(), _quantity("received"), 0))
            row = None
            continue
        keyed = _request_figures(ctext)
        if keyed is not None:
            if not keyed:
                row = None
                continue
            last_key = keyed[-1][0]
            row = "received" if last_key == "received_loose" else last_key
            if row not in ("received", "carried_over", "handled_total", "carried_forward"):
                row = None
            if not _clause_ok(clause, sentence, year, quotes):
                continue
            for key, keyword_start, count in keyed:
                if count is None or inside(quotes, clause.start + count[1], clause.start + count[2]):
                    continue
                figures.append(_figure(section, sentence, clause, keyword_start, count[2], _quantity(key), count[0]))
            continue
        if row is None:
            continue
        for pattern, columns, name in _APPLICANTS:
            m = pattern.search(ctext)
            if not m:
                continue
            count = _first_count(clause, m.end(), quotes)
            if count is not None and _clause_ok(clause, sentence, year, quotes):
                figures.append(
                    _figure(section, sentence, clause, m.start(), count[2], _quantity(row, columns, name), count[0])
                )
            break


def _request_figures(ctext: str) -> list[tuple[str, int, tuple[int, int, int] | None]] | None:
    """Each application keyword of a clause with the count it introduces, in order.

    None when the clause names no keyword; an empty list when it names one but its number
    cannot be trusted.  A count belongs to the nearest keyword before it
    ("共受理申请859件……答复805件"); a keyword followed by no count gives ``None``.
    """
    hits: list[tuple[int, int, int, str]] = []  # (start, end, priority, key)
    for priority, (pattern, key) in enumerate(_REQUEST_PHRASES):
        for m in pattern.finditer(ctext):
            hits.append((m.start(), m.end(), priority, key))
    if not hits:
        return None
    # overlapping hits: keep the earlier-listed (more specific) phrase
    hits.sort(key=lambda h: (h[2], h[0]))
    kept: list[tuple[int, int, int, str]] = []
    for h in hits:
        if all(h[1] <= k[0] or h[0] >= k[1] for k in kept):
            kept.append(h)
    kept.sort()
    if any(k[3] in RESULT_GROUPS for k in kept) and _RESULT_ITEMS.search(ctext) and "等" not in ctext:
        return []  # "属于国家秘密不予公开1件": the number may be one item's, not the group's
    counts = find_counts(ctext)
    result: list[tuple[str, int, tuple[int, int, int] | None]] = []
    for i, (start, end, _, key) in enumerate(kept):
        limit = kept[i + 1][0] if i + 1 < len(kept) else len(ctext)
        count = next(((v, s, e) for v, s, e, approx in counts if end <= s < limit), None)
        if count is not None and any(approx for v, s, e, approx in counts if s == count[1]):
            return []  # "二十余件": not exact
        result.append((key, start, count))
    return result


def _figure(
    section: str, sentence: Sentence, clause: Clause, start: int, end: int, quantity: Quantity, value: int
) -> TextFigure:
    """The figure; its phrase runs from the start of the clause to the end of the number's unit."""
    lead = len(clause.text) - len(clause.text.lstrip())
    text_start, text_end = clause.start + lead, clause.start + max(end, start)
    phrase = sentence.text[text_start - sentence.start : text_end - sentence.start]
    return TextFigure(quantity, value, phrase, (text_start, text_end), sentence, section)


def _appeals(
    section: str, sentence: Sentence, year: int | None, quotes: list[tuple[int, int]], state: _State,
    figures: list[TextFigure], claims: list[AllClaim],
) -> None:
    text = sentence.text
    if not re.search(r"复议|诉讼|起诉|维持|审结", text):
        return
    topic = bool(_APPEAL_TOPIC.search(text)) or state.appeal_topic or section == "appeals"
    if not topic:
        return
    groups_seen: list[str] = []
    zero = _ZERO_APPEALS.search(text)
    if (
        zero
        and not _ZERO_APPEALS_EXCLUDE.search(text[zero.start() : _clause_end(text, zero.end())])
        and not find_counts(text[zero.start() : _clause_end(text, zero.end())])
    ):
        region_end = _clause_end(text, zero.end())
        region = text[zero.start() : region_end]
        clause = Clause(region, sentence.start + zero.start(), sentence.start + region_end)
        if _clause_ok(clause, sentence, year, quotes):
            zero_targets = []
            if "复议" in region.replace("复议后", ""):
                zero_targets.append("reconsideration")
            if re.search(r"诉讼|起诉", region):
                zero_targets.append("litigation")
            for zero_group in zero_targets:
                figures.append(
                    _figure(section, sentence, clause, 0, len(region), _appeal_quantity(zero_group, "total"), 0)
                )
            state.appeal_topic = True
            return
    for clause in sentence.clauses():
        ctext = clause.text
        group: str | None = None
        for pattern, g in _APPEAL_GROUP_WORDS:
            m = pattern.search(ctext)
            if m:
                group = g
                break
        if group is not None:
            state.appeal_group = group
            if group not in groups_seen:
                groups_seen.append(group)
        if _APPEAL_SKIP.search(ctext):
            continue
        claim = _ALL_UPHELD.search(ctext) or _ALL_PENDING.search(ctext)
        if claim and not find_counts(ctext):
            targets = _claim_targets(groups_seen) or ((state.appeal_group,) if state.appeal_group else ())
            if targets and _clause_ok(clause, sentence, year, quotes):
                kind = "pending" if _ALL_PENDING.search(ctext) else "upheld"
                start, end = clause.start + claim.start(), clause.start + claim.end()
                claims.append(AllClaim(kind, targets, text[start - sentence.start : end - sentence.start],
                                       (start, end), sentence, section))
                state.appeal_topic = True
            continue
        current = group or state.appeal_group
        if current is None:
            continue
        column = "total"
        keyword_end = 0
        keyword_start = 0
        for pattern, col in _APPEAL_COLUMN_WORDS:
            m = pattern.search(ctext)
            if m:
                column, keyword_start, keyword_end = col, m.start(), m.end()
                break
        if group is not None and column == "total":
            m = next(p.search(ctext) for p, g in _APPEAL_GROUP_WORDS if g == group)
            assert m is not None
            keyword_start, keyword_end = m.start(), m.end()
        if group is None and column == "total":
            continue  # a number with neither a group nor a result named
        count = _first_count(clause, keyword_end, quotes)
        if count is None or not _clause_ok(clause, sentence, year, quotes):
            continue
        figures.append(
            _figure(section, sentence, clause, keyword_start, count[2], _appeal_quantity(current, column), count[0])
        )
        state.appeal_topic = True


def _claim_targets(groups_seen: list[str]) -> tuple[str, ...]:
    """The groups a "均…" claim is about: "行政诉讼3件，其中直接起诉2件，均尚未审结" is about the 2."""
    targets = list(groups_seen)
    if "litigation" in targets:
        after = targets[targets.index("litigation") + 1 :]
        if any(g in ("litigation_direct", "litigation_after") for g in after):
            targets.remove("litigation")
    return tuple(targets)


def _clause_end(text: str, pos: int) -> int:
    m = re.compile(r"[，,；;。]").search(text, pos)
    return m.start() if m else len(text)
