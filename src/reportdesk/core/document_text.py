"""Finding the title, the preamble and each section's text among a document's paragraphs.

Headings are recognised by their number ("一、" … "六、") in order, so that local
variants ("四、因政府信息公开申请行政复议和提起行政诉讼的情况") still open the right
section; a heading that differs from the official one is recorded.  An appendix ("附件1
政府信息公开情况统计表 …") and the captions of the tables are not section text.
Plain Python, no office library.
"""

from __future__ import annotations

import logging
import re
import unicodedata

from reportdesk.core.form import FormDef
from reportdesk.core.labels import label_key, squeeze
from reportdesk.core.records import field, record

log = logging.getLogger(__name__)

_HEADING = re.compile(r"^\s*([一二三四五六])\s*[、.．，,]\s*(\S.*)$")
_NUMBERS = "一二三四五六"
_TITLE_END = re.compile(r"(年度报告|工作报告|年报)\s*$")
_TITLE = re.compile(
    r"^(?:关于)?(?P<agency>.*?)(?:关于)?(?P<year>(?:19|20)\d{2})\s*年(?:度)?(?:的)?(?:政府信息公开|政务公开)"
)
_PERIOD_YEAR = re.compile(r"统计期限?[^。]{0,12}?(?P<year>(?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
_APPENDIX = re.compile(r"^附\s*件\s*[0-9０-９一二三]*\s*[:：]?")
_FILLER = re.compile(r"^填\s*报\s*单\s*位\s*[:：]\s*(?P<agency>.+)$")
_YEAR_CAPTION = re.compile(r"^[（(]\s*(?:19|20)\d{2}\s*年度?\s*[)）]$")


@record(frozen=False)
class DocumentText:
    title: str = ""
    agency: str = ""
    year: int | None = None
    texts: dict[str, str] = field(default_factory=dict)
    headings_found: list[str] = field(default_factory=list)  # section ids
    headings: list[str] = field(default_factory=list)  # as found, in document order
    heading_differences: list[tuple[str, str]] = field(default_factory=list)  # (found, official)


def split_text(form: FormDef, paragraphs: list[str]) -> DocumentText:
    """Split the body paragraphs (tables left out) into title, preamble and sections."""
    result = DocumentText()
    sections = {s.number: s for s in form.sections}
    captions = {label_key(t.title) for t in form.tables.values()} | {label_key("政府信息公开情况统计表")}
    parts: dict[str, list[str]] = {}
    current = "title"
    title_lines: list[str] = []
    in_appendix = False
    filler_agency = ""
    done: set[str] = set()
    for raw in paragraphs:
        text = unicodedata.normalize("NFC", raw).strip()
        if not text:
            continue
        heading = _heading(text, current, done)
        if heading is not None:
            number, found = heading
            section = sections[number]
            current = section.id
            done.add(number)
            in_appendix = False
            result.headings_found.append(section.id)
            result.headings.append(text)
            if squeeze(found) != squeeze(section.heading):
                result.heading_differences.append((squeeze(found), section.heading))
            continue
        if _APPENDIX.match(text) and len(text) < 60:
            in_appendix = True
            continue
        filler = _FILLER.match(squeeze(text))
        if filler:
            filler_agency = filler_agency or filler.group("agency")
            continue
        key = label_key(text)
        if in_appendix or key in captions or _YEAR_CAPTION.match(squeeze(text)) or key.startswith("续表"):
            continue
        if current == "title" and len(squeeze(text)) > 60:
            current = "preamble"  # a long first paragraph is no title: the report has none
        if current == "title":
            title_lines.append(text)
            if _TITLE_END.search(text) or len(title_lines) >= 3:
                current = "preamble"
            continue
        parts.setdefault(current, []).append(text)
    if current == "title" and title_lines:
        # No heading was ever found: what looked like a title is the whole text.
        parts.setdefault("preamble", []).extend(title_lines[1:])
        title_lines = title_lines[:1]
    result.title = "".join(squeeze(x) for x in title_lines)
    result.texts = {k: "\n".join(v) for k, v in parts.items() if v}
    match = _TITLE.match(result.title)
    if match:
        result.agency = match.group("agency").strip("　 ")
        result.year = int(match.group("year"))
    if result.year is None:
        period = _PERIOD_YEAR.search(squeeze(result.texts.get("preamble", "")))
        if period:
            result.year = int(period.group("year"))
    if not result.agency and filler_agency:
        result.agency = filler_agency
    return result


def _heading(text: str, current: str, done: set[str]) -> tuple[str, str] | None:
    """(number, heading text) when *text* is one of the six headings, else None."""
    if len(text) > 40:
        return None
    match = _HEADING.match(text)
    if not match:
        return None
    number = match.group(1)
    body = match.group(2)
    if number in done or body.endswith(("。", "；", ";")):
        return None
    # Only a later heading than those already seen opens a section: "一、" in the text of
    # section 六 is an enumeration, not the first section.
    if done and _NUMBERS.index(number) < max(_NUMBERS.index(n) for n in done):
        return None
    if current == "title" and number != "一":
        return None
    return number, f"{number}、{body}"
