"""Figures stated in report prose, each tied to the table cells it describes.

The extraction is built on how real reports are phrased ("共收到政府信息公开申请162件，上年度
结转1件，办结159件，结转下年度办理4件", "因政府信息公开被行政复议7件，其中结果维持6件",
"全年无因政府信息公开申请引起的行政复议和行政诉讼", "均获维持"); what the rows and columns
are called comes from the form definition (:mod:`reportdesk.core.text.vocabulary`).  It is
deliberately narrow: a number is taken only when the sentence is about 政府信息公开
applications or appeals, the clause names no other kind of business (许可, 信访, 建议提案 …),
the number is exact ("二十余件" is not) and no other year, period or comparison qualifies it.
What is not understood is left alone: a missed figure costs less than a false alarm.

Every sentence is read once, clause by clause, so the time grows linearly with the text.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right

from reportdesk.core.catalog import get_form
from reportdesk.core.form import FormDef
from reportdesk.core.records import field, record
from reportdesk.core.text.lazy import lazy
from reportdesk.core.text.numerals import find_counts
from reportdesk.core.text.sentences import Clause, Sentence, Spans, quoted_spans, split_sentences
from reportdesk.core.text.vocabulary import NOT_RESULTS, ROW_KEYS, Patterns, Quantity, Vocabulary, vocabulary

log = logging.getLogger(__name__)

__all__ = ["AllClaim", "Quantity", "TextFigure", "extract"]


@record
class TextFigure:
    quantity: Quantity
    value: int
    phrase: str  # the words as written: "受理政府信息公开申请2件"
    span: tuple[int, int]  # of the phrase, in the section text
    sentence: Sentence
    section: str


@record
class AllClaim:
    """"均获维持" (every case upheld) or "均尚未审结" (every case pending) for some appeal groups."""

    kind: str  # "upheld" or "pending"
    groups: tuple[str, ...]  # appeal group keys of the vocabulary
    phrase: str
    span: tuple[int, int]
    sentence: Sentence
    section: str


# --- the language of report prose (not of a format) ----------------------------------

_APP_TOPIC = lazy(r"依申请|申请公开|公开申请|信息公开的?申请|公开政府信息的申请")
_OTHER_BUSINESS = lazy(
    r"许可|审批|信访|投诉|举报|建议|提案|咨询|留言|来信|来电|来访|诉求|热线|办件|补贴|备案|登记|工单|政务服务"
    r"|复议|诉讼|起诉|应诉|稿件|文件|网站|政策|事项|信件|邮件|意见"
)
# Words that name the applications themselves or how they came in, not other business:
# "依申请公开事项", "申请办件", "来信申请的69件", "网站申请195件".
_TOPIC_WORDS = lazy(
    r"依申请(?:政府)?(?:信息)?公开(?:政府信息)?的?(?:事项|办件|来件|件)|(?:政府)?信息公开申请的?(?:事项|办件|来件)"
    r"|申请(?:公开)?的?(?:事项|办件|来件)|(?:来信|信件|信函|网站|网上|网络|在线|当面|现场|邮寄|传真|电子邮件|邮件)"
    r"(?:的)?(?:方式)?(?:申请|提交|提出)"
)
_QUALIFIED = lazy(
    r"历年|以来|近[两三四五六七八九十\d]年|上半年|下半年|季度|[\d一二三四五六七八九十]+(?:个)?月(?:份)?(?!\d*日)"
    r"|同比|环比|较|比上年|比去年|增长|增加|减少|下降|上升|持平|平均|日均|月均|每年|每月|去年|上一年度报告"
)
_YEAR = lazy(r"(?<![\d０-９])((?:19|20)\d{2})\s*年")
_ZERO_RECEIVED = lazy(
    r"(?:未|没有|无)(?P<verb>收到|收到过|受理|接到|接收|接收到|发生|产生|有)?"
    r"(?P<also>(?:和|及|并)(?:处理|办理|办结|答复))?"
    r"(?:任何|群众|公民|法人|其他组织|社会公众|社会各界|申请人|书面|网络|线上|线下|方式|形式|申请的|提出的?|主动要求|要求|的|和|或"
    r"|者|、|政府|信息)*"
    r"(?:依申请公开|信息公开申请|公开申请|申请公开|公开政府信息的申请"
    r"|(?<=组织|公民|法人)的?申请)"
)
_DISCLOSED_INFO = lazy(r"的?(?:政府)?信息(?!的?申请|公开申请)")
_NOT_ZERO = lazy(r"无需|无须|无论|无法|未予|没有必要")
_AND_HANDLED = lazy(r"到?(?:并|和|及)(?:处理|办理|办结|答复)")  # right after 收到/受理: "收到并办理…24件"
_GENERIC_VERBS = {"handled_total", "received_loose"}
# "不予受理4件", "尚未办结2件": the verb negated is not the count of applications received or handled
_NEGATED = lazy(r"(?:不予|未予|不|未|没有|无法|拒绝|暂未|尚未)$")
_NEGATED_KEYS = {"received", "received_loose", "handled_total"}
# an outcome beside "答复7件" that is not among the answered: "不予受理4件", "未予答复1件", "退回2件"
_BREAKDOWN = lazy(r"^\s*(?:其中|包括|含)")
_NEGATED_OUTCOME = lazy(r"^\s*(?:不予|未予|拒绝)(?:受理|答复|办理|处理|回复)|^\s*(?:退回|驳回)")

_APPEAL_TOPIC = lazy(r"信息公开|政府信息|依申请|政务公开")
_APPEAL_SKIP = lazy(
    r"受理|办理|审理|主持|作出|决定书|纠错率|败诉率|出庭|撤销|撤回"
    r"|(?:复议|诉讼)[^，,。；]{0,4}?(?:类|方面)?(?:信息|文书|决定)"  # "行政复议类信息24条": items published
)
_ALL_UPHELD = lazy(
    r"(?:均|全部|都|皆)(?:已)?(?:获|被|予以|得到|获得|做出|作出)?(?:法院|复议机关)?(?:判决|决定)?(?:予以)?维持"
    r"|^(?:结果)?(?:为|予以)?维持$"
)
_ALL_PENDING = lazy(r"(?:均|全部|都)(?:尚)?未审结|(?:均|全部|都)(?:在|正在)审理")
_ZERO_APPEALS_EXCLUDE = lazy(r"纠错|纠正|败诉|撤销|确认违法|维持|审结|决定|结果|文书|需|须|经复议|直接")
# a clause that states the result of the cases counted just before it: "1件，为其他结果", "尚未审结"
_RESULT_FILLER = lazy(r"(?:均|全部|都|皆|为|系|已|目前|案件|该案|此案|上述|尚|正在|仍在|结果|中|的)*")
_ALL_CONCLUDED = lazy(r"^(?:均|全部|都)?已(?:全部)?(?:审结|结案|办结)$")
_ZERO_CORRECTED = lazy(r"(?:未|没有|无)(?:出现|发生)?(?:被)?(?:纠错|纠正)")
_AGGREGATE = lazy(r"全县|全市|全区|全镇|全乡|全省|各级|各部门|各单位|各乡镇|各镇|各街道")
_CLAUSE_END = lazy(r"[，,；;。]")


# --- extraction --------------------------------------------------------------------------


@record(frozen=False)
class _State:
    """What the sentences read so far in a paragraph were about."""

    paragraph: int = -1
    app_topic: bool = False  # the previous sentence spoke of applications (with a figure)
    appeal_topic: bool = False
    appeal_group: str | None = None
    under_heading: bool = False  # the paragraph follows a sub-heading about applications: "（二）依申请公开情况"


@record(frozen=False)
class _Read:
    """One sentence being read: its clauses, their keywords and which clauses a foreign year rules out."""

    sentence: Sentence
    clauses: list[Clause]
    hits: list[list[tuple[int, int, int, str]]]  # per clause: (start, end, priority, key), in order
    blocked: list[bool]  # per clause: another year qualifies it
    all_spans: list[tuple[int, int]] = field(default_factory=list)  # "公民、法人或其他组织", in sentence offsets


def extract(section: str, text: str, year: int | None, form: FormDef | None = None
            ) -> tuple[list[TextFigure], list[AllClaim]]:
    """Every figure about applications and appeals that *text* states, and its "均…" claims."""
    vocab = vocabulary(form or get_form())
    pats = vocab.patterns(year)
    figures: list[TextFigure] = []
    claims: list[AllClaim] = []
    quotes = quoted_spans(text)
    state = _State()
    heading: Sentence | None = None  # a one-line sub-heading sets the topic of what follows it
    lines = _LineIndex(text)
    for sentence in split_sentences(text):
        if sentence.paragraph != state.paragraph:
            state = _State(paragraph=sentence.paragraph)
            if heading is not None and heading.paragraph == sentence.paragraph - 1:
                state.app_topic = state.under_heading = bool(_APP_TOPIC.search(heading.text))
                state.appeal_topic = _appeal_words(pats, heading.text)
            heading = sentence if _is_heading(sentence, lines) else None
        if _foreign_year_leads(sentence, year, pats):
            state.app_topic = state.appeal_topic = False
            continue
        if _is_inline_heading(sentence):  # "（四）行政复议、行政诉讼情况。" before the paragraph's text
            state.app_topic = state.app_topic or bool(_APP_TOPIC.search(sentence.text))
            state.appeal_topic = state.appeal_topic or _appeal_words(pats, sentence.text)
            continue
        read = _read(sentence, year, pats)
        before = len(figures), len(claims)
        _requests(section, read, quotes, state, figures, vocab, pats)
        _appeals(section, read, quotes, state, figures, claims, vocab, pats)
        found = (len(figures), len(claims)) != before
        state.app_topic = bool(_APP_TOPIC.search(sentence.text)) or (state.app_topic and found) or state.under_heading
        if not found and not _APPEAL_TOPIC.search(sentence.text) and section != "appeals":
            state.appeal_topic = False
    return figures, claims


class _LineIndex:
    """Where each line of a text starts, to find a sentence's line without rescanning the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line(self, pos: int) -> str:
        i = bisect_right(self.starts, pos) - 1
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[i] : end]


def _is_heading(sentence: Sentence, lines: _LineIndex) -> bool:
    """A line of its own, short, without a count: "（二）依申请公开情况", "四、政府信息公开行政复议、行政诉讼情况"."""
    if len(sentence.text) > 40:
        return False
    line = lines.line(sentence.start).strip()
    whole_line = line == sentence.text or line == sentence.text.rstrip("。")
    return whole_line and not find_counts(sentence.text)


_ORDINAL_HEAD = lazy(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])")


def _is_inline_heading(sentence: Sentence) -> bool:
    s = sentence.text
    return len(s) <= 30 and bool(_ORDINAL_HEAD.match(s)) and s.rstrip("。.").endswith(("情况", "方面", "工作")) \
        and not find_counts(s)


def _foreign_year_leads(sentence: Sentence, year: int | None, pats: Patterns) -> bool:
    """A sentence opening with another year ("2021年，共收到…" in a 2022 report) is not checked.

    A year that is part of a keyword ("2022年结转至2023年2件": 上年结转) does not count.
    """
    if year is None:
        return False
    text = sentence.text.lstrip("（(一二三四五六七八九十）)、 ")
    m = _YEAR.match(text)
    if not m or int(m.group(1)) == year:
        return False
    return not any(p.match(text) for p, _ in pats.requests)


def _appeal_words(pats: Patterns, text: str) -> bool:
    return pats.appeal_words is not None and pats.appeal_words.search(text) is not None


def _request_hits(pats: Patterns, ctext: str) -> list[tuple[int, int, int, str]]:
    """The application keywords of a clause, in order; overlapping ones give way to the more specific."""
    hits: list[tuple[int, int, int, str]] = []
    if pats.any_request is not None and pats.any_request.search(ctext) is None:
        return hits  # none of the keywords is in the clause
    for priority, (pattern, t) in enumerate(pats.requests):
        for m in pattern.finditer(ctext):
            if m.end() > m.start() and not (t.key in _NEGATED_KEYS and _NEGATED.search(ctext[: m.start()])):
                hits.append((m.start(), m.end(), priority, t.key))
    if not hits:
        return hits
    hits.sort(key=lambda h: (h[2], h[0]))
    kept: list[tuple[int, int, int, str]] = []
    for h in hits:
        if all(h[1] <= k[0] or h[0] >= k[1] for k in kept):
            kept.append(h)
    kept.sort()
    return kept


def _read(sentence: Sentence, year: int | None, pats: Patterns) -> _Read:
    """Cut *sentence* into clauses and find, once, which clauses another year rules out.

    A year other than the report's rules out its own clause and, unless the clause is a
    parenthesis ("（含2022年结转的3件）"), every clause after it; a year that is part of a
    keyword ("2022年结转" = 上年结转) rules out nothing.
    """
    clauses = sentence.clauses()
    hits = [_request_hits(pats, c.text) for c in clauses]
    blocked = [False] * len(clauses)
    if year is not None:
        foreign = [(m.start(), m.end()) for m in _YEAR.finditer(sentence.text) if int(m.group(1)) != year]
        k = 0
        poisoned = False
        for i, clause in enumerate(clauses):
            start, end = clause.start - sentence.start, clause.end - sentence.start
            own = []
            while k < len(foreign) and foreign[k][0] < end:
                if foreign[k][0] >= start:
                    y0, y1 = foreign[k][0] - start, foreign[k][1] - start
                    if not any(h[0] <= y0 and y1 <= h[1] for h in hits[i]):
                        own.append(foreign[k])
                k += 1
            parenthesis = start > 0 and sentence.text[start - 1] in "(（"
            if own and not parenthesis:
                poisoned = True
            blocked[i] = poisoned or bool(own)
    read = _Read(sentence, clauses, hits, blocked)
    if pats.all_applicants is not None:
        read.all_spans = [(m.start(), m.end()) for m in pats.all_applicants.finditer(sentence.text)]
    return read


def _clause_ok(read: _Read, i: int, clause: Clause, quotes: Spans) -> bool:
    if read.blocked[i] or _QUALIFIED.search(clause.text):
        return False
    return not quotes.contains(clause.start, clause.end)


def _first_count(clause: Clause, after: int, quotes: Spans) -> tuple[int, int, int] | None:
    """(value, start, end) of the first exact count in *clause* at or after offset *after*."""
    for value, start, end, approximate in find_counts(clause.text):
        if start < after:
            continue
        if approximate or quotes.contains(clause.start + start, clause.start + end):
            return None
        return value, start, end
    return None


def _requests(
    section: str, read: _Read, quotes: Spans, state: _State, figures: list[TextFigure], vocab: Vocabulary,
    pats: Patterns,
) -> None:
    sentence = read.sentence
    topic = bool(_APP_TOPIC.search(sentence.text)) or state.app_topic or section == "requests"
    if not topic:
        return
    row: str | None = None  # the row the clauses of this sentence speak of ("其中自然人8件")
    elsewhere = False  # the clause before spoke of other business: "县长信箱收到信件183条，答复183条"
    waiting: str | None = None  # a keyword whose count comes after an enumeration: "共收到涉及拆迁、物业等领域的申请15件"
    # "答复7件，不予受理4件": the answered are one outcome among others, not every application handled
    # (a breakdown after the count, "办结177件，其中，予以公开60件…不予处理3件", lists its parts, not others)
    other_outcome = [False] * len(read.clauses)
    later = False
    for k in range(len(read.clauses) - 1, -1, -1):
        other_outcome[k] = later
        text_k = read.clauses[k].text
        later = False if _BREAKDOWN.match(text_k) else later or bool(_NEGATED_OUTCOME.search(text_k))
    for i, clause in enumerate(read.clauses):
        ctext = clause.text
        waited, waiting = waiting, None
        ok = _clause_ok(read, i, clause, quotes)
        if elsewhere and not _APP_TOPIC.search(ctext) and all(h[3] in _GENERIC_VERBS for h in read.hits[i]):
            row = None
            continue
        elsewhere = False
        zero_done = False
        for pattern, key in ((pats.zero_forward, "carried_forward"), (pats.zero_over, "carried_over")):
            m = pattern.search(ctext) if pattern is not None else None
            if m is not None and not find_counts(ctext[m.end():]):
                if ok:
                    figures.append(_figure(section, sentence, clause, m.start(), m.end(), vocab.quantity(key), 0))
                zero_done = True
                break
        if zero_done:
            continue
        if _appeal_words(pats, ctext):
            row = None
            continue
        zero = _ZERO_RECEIVED.search(ctext)
        if zero and not zero.group("verb") and zero.group().endswith("依申请公开") \
                and _DISCLOSED_INFO.match(ctext, zero.end()):
            zero = None  # "无依申请公开的政府信息": no information disclosed on request, not no request
        if zero and not _NOT_ZERO.search(ctext) and not find_counts(ctext):
            if ok:
                figures.append(_figure(section, sentence, clause, zero.start(), zero.end(), vocab.quantity("received"), 0))
                if zero.group("also"):
                    figures.append(_figure(section, sentence, clause, zero.start(), zero.end(),
                                           vocab.quantity("handled_total"), 0))
            row = None
            continue
        if _OTHER_BUSINESS.search(_TOPIC_WORDS.sub("", ctext)):
            row = None
            elsewhere = True
            continue
        if not find_counts(ctext):
            for pattern, t in pats.zero_results:
                if (m := pattern.search(ctext)) and ok:
                    figures.append(_figure(section, sentence, clause, m.start(), m.end(), vocab.quantity(t.key), 0))
                    break
        keyed = _request_figures(read.hits[i], ctext, pats.result_items)
        if keyed is not None:
            if not keyed:
                row = None
                continue
            last_key = keyed[-1][0]
            row = "received" if last_key == "received_loose" else last_key
            if row not in ROW_KEYS:
                row = None
            waiting = last_key if keyed[-1][3] is None else None
            if not ok:
                continue
            for key, keyword_start, keyword_end, count in keyed:
                if count is None or quotes.contains(clause.start + count[1], clause.start + count[2]):
                    continue
                if key == "handled_total" and other_outcome[i]:
                    continue
                start, end = min(keyword_start, count[1]), max(keyword_end, count[2])
                figures.append(_figure(section, sentence, clause, start, end, vocab.quantity(key), count[0]))
                if key == "received_loose" and _AND_HANDLED.match(ctext, keyword_end):
                    figures.append(_figure(section, sentence, clause, start, end, vocab.quantity("handled_total"),
                                           count[0]))
            continue
        if waited is not None and "申请" in ctext and sentence.text[clause.start - sentence.start - 1] == "、":
            counts = find_counts(ctext)
            if len(counts) == 1 and not counts[0][3] and ok and not any(p.search(ctext) for p, _ in pats.applicants):
                value, _, end, _ = counts[0]
                figures.append(_figure(section, sentence, clause, 0, end, vocab.quantity(waited), value))
                continue
        if row is None:
            continue
        for pattern, t in pats.applicants:
            m = pattern.search(ctext)
            if not m:
                continue
            count = _first_count(clause, m.end(), quotes)
            if count is not None and ok:
                at = clause.start - sentence.start + m.start()
                if any(s <= at < e for s, e in read.all_spans):  # "公民、法人或其他组织": every applicant
                    quantity = vocab.quantity(row)
                else:
                    quantity = vocab.quantity(row, t.columns, t.name)
                figures.append(_figure(section, sentence, clause, m.start(), count[2], quantity, count[0]))
            break


def _request_figures(
    hits: list[tuple[int, int, int, str]], ctext: str, items: re.Pattern[str] | None
) -> list[tuple[str, int, int, tuple[int, int, int] | None]] | None:
    """Each application keyword of a clause with the count it introduces, in order.

    None when the clause names no keyword; an empty list when it names one but its number
    cannot be trusted.  A count belongs to the nearest keyword before it
    ("共受理申请859件……答复805件"); a keyword with no count after it takes a count written
    just before it ("17件结转下年办理"), and a generic verb right after a specific keyword is
    part of it ("顺延至下一年答复2件" is carried forward, not answered).
    """
    if not hits:
        return None
    if any(h[3] not in NOT_RESULTS for h in hits) and items is not None and items.search(ctext) and "等" not in ctext:
        return []  # "属于国家秘密不予公开1件": the number may be one item's, not the group's
    counts = find_counts(ctext)
    kept: list[tuple[int, int, int, str]] = []
    for h in hits:
        if kept and h[3] in _GENERIC_VERBS and kept[-1][3] not in _GENERIC_VERBS \
                and not any(kept[-1][1] <= s < h[0] for _, s, _, _ in counts):
            kept[-1] = (kept[-1][0], h[1], kept[-1][2], kept[-1][3])  # the verb belongs to the keyword
            continue
        kept.append(h)
    result: list[tuple[str, int, int, tuple[int, int, int] | None]] = []
    taken: set[int] = set()
    for i, (start, end, _, key) in enumerate(kept):
        limit = kept[i + 1][0] if i + 1 < len(kept) else len(ctext)
        after = next(((v, s, e, approx) for v, s, e, approx in counts if end <= s < limit), None)
        if after is None:
            floor = kept[i - 1][1] if i else 0
            before = [(v, s, e, approx) for v, s, e, approx in counts if floor <= s and e <= start and s not in taken]
            if before and start - before[-1][2] <= 24:
                after = before[-1]
        if after is None:
            result.append((key, start, end, None))
            continue
        if after[3]:
            return []  # "二十余件": not exact
        taken.add(after[1])
        result.append((key, start, end, after[:3]))
    return result


def _figure(
    section: str, sentence: Sentence, clause: Clause, start: int, end: int, quantity: Quantity, value: int
) -> TextFigure:
    """The figure; its phrase runs from the start of the clause to the end of the number's unit."""
    lead = len(clause.text) - len(clause.text.lstrip())
    text_start, text_end = clause.start + lead, clause.start + max(end, start)
    phrase = sentence.text[text_start - sentence.start : text_end - sentence.start]
    return TextFigure(quantity, value, phrase, (text_start, text_end), sentence, section)


def _groups_in(pats: Patterns, ctext: str) -> list[tuple[str, int, int]]:
    """The appeal groups a clause names, most specific first: (key, start, end)."""
    found: list[tuple[str, int, int]] = []
    for pattern, t in pats.appeal_groups:
        for m in pattern.finditer(ctext):
            if all(m.end() <= s or m.start() >= e for _, s, e in found):
                found.append((t.key, m.start(), m.end()))
    return found


def _column_of(pats: Patterns, ctext: str) -> tuple[str, int, int] | None:
    for pattern, t in pats.appeal_columns:
        m = pattern.search(ctext)
        if m:
            return t.columns[0], m.start(), m.end()
    return None


def _appeals(
    section: str, read: _Read, quotes: Spans, state: _State, figures: list[TextFigure], claims: list[AllClaim],
    vocab: Vocabulary, pats: Patterns,
) -> None:
    sentence = read.sentence
    text = sentence.text
    if not (_appeal_words(pats, text) or "维持" in text or "审结" in text or "审理" in text or "纠" in text):
        return
    topic = bool(_APPEAL_TOPIC.search(text)) or state.appeal_topic or state.app_topic or section == "appeals"
    if not topic:
        return
    groups_seen: list[str] = []
    zero_region = (-1, -1)
    zero = pats.zero_appeals.search(text) if pats.zero_appeals is not None else None
    if zero:
        region_end = _clause_end(text, zero.end())
        region = text[zero.start() : region_end]
        first = next((i for i, c in enumerate(read.clauses) if c.end - sentence.start > zero.start()), 0)
        if not _ZERO_APPEALS_EXCLUDE.search(region) and not find_counts(region) and not read.blocked[first] \
                and not _QUALIFIED.search(region) \
                and not quotes.contains(sentence.start + zero.start(), sentence.start + region_end):
            clause = Clause(region, sentence.start + zero.start(), sentence.start + region_end)
            for zero_group in dict.fromkeys(g for g, _, _ in _groups_in(pats, region)):
                figures.append(_figure(section, sentence, clause, 0, len(region),
                                       vocab.appeal_quantity(zero_group, "total"), 0))
            state.appeal_topic = True
            zero_region = (zero.start(), region_end)
    # the groups and counts of the clauses just before: "信息公开类行政复议5件、行政诉讼1件"
    counted: list[tuple[str, int]] = []
    uncounted: list[str] = []  # groups named just before, joined by "、", with no count: "行政复议、行政诉讼案件共2件"
    for i, clause in enumerate(read.clauses):
        ctext = clause.text
        rel = clause.start - sentence.start
        joined, uncounted = uncounted if rel > 0 and text[rel - 1] == "、" else [], []
        if zero_region[0] <= rel < zero_region[1]:
            counted = []
            continue
        named = _groups_in(pats, ctext)
        named.sort(key=lambda g: g[1])
        group: str | None = named[0][0] if named else None
        if group is not None:
            state.appeal_group = group
            for g, _, _ in named:
                if g not in groups_seen:
                    groups_seen.append(g)
        claim = _ALL_UPHELD.search(ctext) or _ALL_PENDING.search(ctext)
        if claim and not find_counts(ctext):
            targets: tuple[str, ...] = _claim_targets(groups_seen) or (
                (state.appeal_group,) if state.appeal_group else ())
            if targets and _clause_ok(read, i, clause, quotes):
                kind = "pending" if _ALL_PENDING.search(ctext) else "upheld"
                start, end = clause.start + claim.start(), clause.start + claim.end()
                claims.append(AllClaim(kind, targets, text[start - sentence.start : end - sentence.start],
                                       (start, end), sentence, section))
                state.appeal_topic = True
            counted = []
            continue
        if not find_counts(ctext):
            done = _result_of_counted(section, read, i, clause, quotes, counted, named, state, figures, vocab, pats)
            counted = []
            if done:
                continue
        if _APPEAL_SKIP.search(ctext):
            counted = []
            continue
        current = group or state.appeal_group
        before, counted = counted, []
        if current is None:
            continue
        if group is None and len({g for g, _ in before}) > 1:
            continue  # "行政复议6件、行政诉讼3件，其中维持5件": which group's result is not said
        column, keyword_start, keyword_end = "total", 0, 0
        col = _column_of(pats, ctext)
        if col is not None:
            column, keyword_start, keyword_end = col
        if group is not None and column == "total":
            if not find_counts(ctext):
                uncounted = [*joined, *(g for g, _, _ in named)]
                continue
            if len(named) > 1 or joined:
                if _clause_ok(read, i, clause, quotes):
                    counted = _several_groups(section, sentence, clause, named, joined, quotes, figures, vocab)
                    state.appeal_topic = state.appeal_topic or bool(counted)
                continue
            keyword_start, keyword_end = named[0][1], named[0][2]
        if group is None and column == "total":
            continue  # a number with neither a group nor a result named
        count = _first_count(clause, keyword_end, quotes)
        if count is None or not _clause_ok(read, i, clause, quotes):
            continue
        figures.append(_figure(section, sentence, clause, keyword_start, count[2],
                               vocab.appeal_quantity(current, column), count[0]))
        if column == "total":
            counted = [*before, (current, count[0])]
        state.appeal_topic = True


_EACH = lazy(r"(?:各|分别)(?:为|是|有)?$")


def _several_groups(
    section: str, sentence: Sentence, clause: Clause, named: list[tuple[str, int, int]], joined: list[str],
    quotes: Spans, figures: list[TextFigure], vocab: Vocabulary,
) -> list[tuple[str, int]]:
    """The totals of a clause that names several appeal groups; the (group, count) pairs read.

    Each group takes the count written after it and before the next group ("行政复议案件6件和行政诉讼
    案件3件"). Groups named one after another with one count after them share it only with
    "各"/"分别" ("行政复议、行政诉讼各1件"); otherwise the count is their sum ("行政复议和行政诉讼共3件")
    and no cell is said.
    """
    ctext = clause.text
    counts = [c for c in find_counts(ctext) if not quotes.contains(clause.start + c[1], clause.start + c[2])]
    read: list[tuple[str, int]] = []
    waiting = list(joined)
    for j, (group, start, end) in enumerate(named):
        limit = named[j + 1][1] if j + 1 < len(named) else len(ctext)
        waiting.append(group)
        mine = [c for c in counts if end <= c[1] < limit]
        if not mine:
            continue
        value, c_start, c_end, approximate = mine[0]
        if approximate:
            return read
        if len(waiting) == 1:
            figures.append(_figure(section, sentence, clause, start, c_end, vocab.appeal_quantity(group, "total"), value))
            read.append((group, value))
        elif _EACH.search(ctext[end:c_start]) and len(set(waiting)) == len(waiting) \
                and _claim_targets(waiting) == tuple(waiting):
            for g in waiting:
                figures.append(_figure(section, sentence, clause, 0, c_end, vocab.appeal_quantity(g, "total"), value))
                read.append((g, value))
        waiting = []
    return read


_EVERY = lazy(r"^(?:均|全部|都|皆)")


def _result_of_counted(
    section: str, read: _Read, i: int, clause: Clause, quotes: Spans, counted: list[tuple[str, int]],
    named: list[tuple[str, int, int]], state: _State, figures: list[TextFigure], vocab: Vocabulary, pats: Patterns,
) -> bool:
    """A clause without a number that states a result: "1件，为其他结果", "已审结", "未被纠错".

    It is about the count just before it, or with "均" about every count just before it
    ("行政复议5件、行政诉讼1件，均为结果维持") when none of them is part of another.
    """
    ctext = clause.text.strip().rstrip("。；;！!？?")
    sentence = read.sentence
    ok = _clause_ok(read, i, clause, quotes)
    if _ZERO_CORRECTED.search(ctext):
        groups = [g for g, _, _ in named] or ([counted[-1][0]] if counted else []) or \
            ([state.appeal_group] if state.appeal_group else [])
        if ok:
            for g in dict.fromkeys(groups):
                figures.append(_figure(section, sentence, clause, 0, len(clause.text), vocab.appeal_quantity(g, "corrected"), 0))
        return bool(groups)
    if not counted:
        return False
    about = counted[-1:]
    groups = [g for g, _ in counted]
    if _EVERY.match(ctext) and len(set(groups)) == len(groups) and _claim_targets(groups) == tuple(groups):
        about = counted
    if _ALL_CONCLUDED.match(ctext):
        if ok:
            for group, _ in about:
                figures.append(_figure(section, sentence, clause, 0, len(clause.text),
                                       vocab.appeal_quantity(group, "pending"), 0))
        return True
    col = _column_of(pats, ctext)
    if col is None or not _RESULT_FILLER.fullmatch(ctext[: col[1]] + ctext[col[2] :]):
        return False
    if ok:
        for group, value in about:
            figures.append(_figure(section, sentence, clause, 0, len(clause.text),
                                   vocab.appeal_quantity(group, col[0]), value))
    return True


def _claim_targets(groups_seen: list[str]) -> tuple[str, ...]:
    """The groups a "均…" claim is about: "行政诉讼3件，其中直接起诉2件，均尚未审结" is about the 2."""
    targets = list(groups_seen)
    if "litigation" in targets:
        after = targets[targets.index("litigation") + 1 :]
        if any(g in ("litigation_direct", "litigation_after") for g in after):
            targets.remove("litigation")
    return tuple(targets)


def _clause_end(text: str, pos: int) -> int:
    m = _CLAUSE_END.search(text, pos)
    return m.start() if m else len(text)


def aggregate_subject(sentence: Sentence) -> bool:
    """The sentence speaks of many bodies at once ("全县共收到…"), not only of the reporting one."""
    return bool(_AGGREGATE.search(sentence.text))
