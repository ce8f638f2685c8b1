"""Reading a report from its published web page: a saved .html / .htm, or a .mhtml archive.

Government sites publish every report as a page: the site's header, navigation and
breadcrumbs, a metadata block (索引号, 发布机构 …), the report, then sharing links and the
footer.  The report is found as the smallest element holding all of its markers (the six
numbered headings and the tables with the official labels); the title above it is taken
from the nearest heading-like element naming a 年度报告.  Inside:

- block elements (``<p>``, ``<div>``, headings, list items) and ``<br>`` end a paragraph;
  white space is collapsed as a browser does, except that a line break in the source
  between two Chinese characters is nothing (a browser would show a space there);
  ``&nbsp;`` and full-width spaces used for indenting are dropped at the ends;
- a ``<table>`` holding another table is layout and is read as blocks; any other table is
  a grid: ``rowspan``/``colspan`` put a merged cell's text at its first position and
  ``""`` on those it covers, a ``<br>`` or a paragraph inside a cell is a line break
  (the mapper reads labels split over lines);
- hidden elements, scripts and styles are left out.

The encoding comes from the byte order mark, the page's ``<meta charset>``, or else UTF-8
if the bytes are valid UTF-8 and GB18030 (a superset of GB2312 and GBK) otherwise.
Parsing is lxml's HTML parser (no network, no entities beyond HTML's own, depth-limited);
the file size and the table sizes are bounded.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportdesk.core.interchange import ReportFileError
from reportdesk.core.report import Report
from reportdesk.core.table_import import Grid, ImportResult
from reportdesk.documents.content import DocumentContent, build_result

log = logging.getLogger(__name__)

MAX_HTML_BYTES = 20 * 1024 * 1024
MAX_GRID_COLS = 64
MAX_TABLE_ROWS = 3_000
MAX_SPAN = 200

_BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
    "header", "footer", "nav", "aside", "main", "blockquote", "pre", "center", "address", "figure",
    "figcaption", "form", "fieldset", "hr", "caption", "tbody", "thead", "tfoot", "tr", "td", "th", "body",
})
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg",
                   "select", "button", "textarea", "input", "map", "canvas", "video", "audio"})
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
_SECTION_HEADING = re.compile(r"^[一二三四五六]\s*[、.．，,]")
_TITLE = re.compile(r"(?:19|20)\d{2}\s*年(?:度)?.{0,30}?(?:政府信息公开|政务公开).{0,12}?(?:年度报告|工作报告|年报)")
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u200b\ufeff]+")
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ \t\r\n\f\v\u00a0]+(?=[{_CJK}])")
_SOME_TAG = re.compile(r"<\s*(html|body|div|p|table|head|meta|title|span|br)\b", re.I)


def _label_hints() -> frozenset[str]:
    """Texts that mark a report table: the labels of the installed forms' rows and columns (squeezed)."""
    from reportdesk.core.catalog import form_ids, get_form

    hints: set[str] = set()
    for form_id in form_ids():
        for table in get_form(form_id).tables.values():
            hints |= {_squeeze(label) for label in (*(r.label for r in table.rows), *(c.label for c in table.columns))
                      if len(_squeeze(label)) >= 3}
    return frozenset(hints)


def read_html(path: Path) -> Report:
    """The report in the web page at *path* (by suffix, see :data:`reportdesk.app.reading.FILE_KINDS`)."""
    return import_html(path).report


def import_html(path: Path) -> ImportResult:
    """Read *path*; raise :class:`ReportFileError` when it is not a readable web page."""
    return build_result(html_content(path))


def html_content(path: Path) -> DocumentContent:
    data = _read_bytes(path)
    if path.suffix.lower() in (".mhtml", ".mht") or data[:2000].lower().find(b"mime-version") >= 0:
        text = _mhtml_html(data)
    else:
        text = decode_html(data)
    return page_content(text)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_HTML_BYTES:
            raise ReportFileError(
                f"网页文件过大（{size / 1024 / 1024:.0f} MB），一份报告的网页不应超过 "
                f"{MAX_HTML_BYTES // 1024 // 1024} MB，未读取。", "too_large")
        with open(path, "rb") as stream:
            data = stream.read(MAX_HTML_BYTES + 1)
    except OSError as exc:
        raise ReportFileError(f"无法打开文件：{exc.strerror or exc}", "io") from exc
    if not data.strip():
        raise ReportFileError("文件是空的（0 字节），可能在保存或下载时损坏，请重新保存网页。", "empty")
    return data


def decode_html(data: bytes) -> str:
    """The page's text: BOM, then ``<meta charset>``, then UTF-8 if valid, else GB18030."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                      (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace")
    declared = _META_CHARSET.search(data[:8192])
    if declared:
        name = declared.group(1).decode("ascii", errors="replace").lower()
        if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"):
            name = "gb18030"
        try:
            codecs.lookup(name)
        except LookupError:
            name = ""
        if name and not name.startswith("utf-16"):
            return data.decode(name, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _mhtml_html(data: bytes) -> str:
    """The first HTML part of an MHTML archive (as saved by a browser), decoded."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as exc:  # the email package raises many kinds for a damaged archive
        raise ReportFileError(f"MHTML 文件已损坏，无法读取（{exc}）。", "bad_html") from exc
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        charset = part.get_content_charset()
        if charset:
            charset = "gb18030" if charset.lower() in ("gb2312", "gbk", "x-gbk", "cp936") else charset
            try:
                return payload.decode(charset, errors="replace")
            except LookupError:
                pass
        return decode_html(payload)
    raise ReportFileError("MHTML 文件中没有网页（text/html）部分，无法读取。", "bad_html")


# --- the page -------------------------------------------------------------------------

def page_content(text: str) -> DocumentContent:
    """The report's paragraphs and tables, found inside a whole web page."""
    from lxml import etree, html

    text = text.lstrip("\ufeff")
    if "\x00" in text[:65536] or not _SOME_TAG.search(text[:262144]):
        raise ReportFileError("文件不是网页（里面没有 HTML 标记），可能已损坏或扩展名不对。", "not_html")
    if text.lstrip().startswith("<?xml"):
        text = text.split("?>", 1)[-1]
    if not text.strip():
        raise ReportFileError("网页中没有任何内容。", "empty")
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=False,
                             default_doctype=False)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReportFileError(f"网页无法解析（{exc}）。", "bad_html") from exc
    body = root.find("body")
    if body is None:
        body = root
    container = _report_element(body)
    content = DocumentContent("网页")
    title = _title_outside(root, body, container)
    if title:
        content.paragraphs.append(title)
    reader = _BlockReader(content)
    reader.read(container)
    reader.flush()
    if not any(p.strip() for p in content.paragraphs) and not content.grids:
        raise ReportFileError("网页中没有可读取的文字（可能全部是图片或脚本生成的内容）。", "empty")
    return content


def _is_visible(element: Any) -> bool:
    if not isinstance(element.tag, str):
        return False
    return not (element.tag.lower() in _SKIP or _HIDDEN.search(element.get("style", ""))
                or element.get("hidden") is not None)


def _visible_children(element: Any) -> Iterator[Any]:
    for child in element:
        if _is_visible(child):
            yield child


def _report_element(body: Any) -> Any:
    """The smallest element holding the report's headings and tables (the body if none is found)."""
    markers: list[Any] = []
    hints = _label_hints()
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "table" and element.find(".//table") is None:
            text = element.text_content()
            squeezed = _squeeze(text)
            if sum(hint in squeezed for hint in hints) >= 2:
                markers.append(element)
        elif tag in _BLOCKS and tag not in ("td", "th", "tr", "body"):
            own = _squeeze(element.text_content())
            if len(own) <= 40 and _SECTION_HEADING.match(own) and element.find(".//table") is None:
                markers.append(element)
    if not markers:
        return body
    paths = [[*list(m.iterancestors())[::-1], m] for m in markers]
    common = body
    for level in zip(*paths, strict=False):
        if all(x is level[0] for x in level):
            common = level[0]
        else:
            break
    if isinstance(common.tag, str) and common.tag.lower() in ("table", "tr", "td", "th", "tbody") and len(markers) > 1:
        return common  # everything inside one table: the layout table is read as blocks
    return common


def _title_outside(root: Any, body: Any, container: Any) -> str:
    """The report's title when it stands above the report's element (as on most sites)."""
    if container is body:
        return ""
    for element in container.iter():
        if isinstance(element.tag, str) and _TITLE.search(_squeeze(element.text_content()[:200])) \
                and len(_squeeze(element.text_content())) <= 60:
            return ""  # the title is inside
    before = ""
    for element in body.iter():
        if element is container:
            break
        if not isinstance(element.tag, str) or element.tag.lower() in _SKIP or element.tag.lower() in ("a", "li"):
            continue
        text = _squeeze(element.text_content())
        if len(text) <= 60 and _TITLE.search(text) and element.find(".//a") is None \
                and not any(a.tag in ("a", "li", "nav") for a in element.iterancestors()):
            before = _clean(element.text_content())  # the last one before the report: its title, not a link
    if not before:
        title = root.find(".//title")
        if title is not None and title.text:
            text = _clean(title.text)
            match = _TITLE.search(text)
            if match:
                # "2023年…年度报告_某市人民政府" or "某局…年度报告-政务公开": the part up to the title's end.
                before = re.split(r"[_|｜—–]| - ", text)[0].strip()
    return before


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\u00a0\u3000]+", "", text)


def _clean(text: str) -> str:
    """White space as a browser shows it; none between two Chinese characters; no indent."""
    text = _CJK_GAP.sub("", text)
    text = _SPACE.sub(" ", text)
    return text.strip(" \u3000")


class _BlockReader:
    """Walk the report's element: paragraphs at block boundaries, grids from the tables."""

    def __init__(self, content: DocumentContent) -> None:
        self.content = content
        self.parts: list[str] = []

    def flush(self) -> None:
        text = _clean("".join(self.parts))
        if text:
            self.content.paragraphs.append(text)
        self.parts = []

    def read(self, element: Any, depth: int = 0) -> None:
        if depth > 200:
            return
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag == "table":
            self.flush()
            if element.find(".//table") is not None:
                for child in _visible_children(element):
                    self.read(child, depth + 1)
                    self.flush()
            else:
                grid = table_grid(element)
                if grid:
                    self.content.add_grid(grid, f"第 {len(self.content.grids) + 1} 个表格")
            self._tail(element)
            return
        if tag == "br":
            self.flush()
            self._tail(element)
            return
        block = tag in _BLOCKS
        if block:
            self.flush()
        if element.text:
            self.parts.append(element.text)
        for child in element:
            if _is_visible(child):
                self.read(child, depth + 1)
            elif child.tail:  # the tail of a skipped element is text of this one
                self.parts.append(child.tail)
        if block:
            self.flush()
        self._tail(element)

    def _tail(self, element: Any) -> None:
        if element.tail:
            self.parts.append(element.tail)


def cell_text(cell: Any) -> str:
    """A cell's text: its paragraphs and ``<br>`` as line breaks, white space collapsed."""
    lines: list[str] = []
    parts: list[str] = []

    def end_line() -> None:
        line = _clean("".join(parts))
        if line:
            lines.append(line)
        parts.clear()

    def walk(element: Any, depth: int) -> None:
        if depth > 100:
            return
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag == "br":
            end_line()
        else:
            block = tag in _BLOCKS and element is not cell
            if block:
                end_line()
            if element.text:
                parts.append(element.text)
            for child in element:
                if _is_visible(child):
                    walk(child, depth + 1)
                elif child.tail:
                    parts.append(child.tail)
            if block:
                end_line()
        if element is not cell and element.tail:
            parts.append(element.tail)

    walk(cell, 0)
    end_line()
    return "\n".join(lines)


def _span(cell: Any, name: str) -> int:
    try:
        return min(max(int(str(cell.get(name, "1")).strip() or 1), 1), MAX_SPAN)
    except ValueError:
        return 1


def table_grid(table: Any) -> Grid:
    """The table's text on its grid: rowspan/colspan resolved, a merged cell's text at its first position."""
    rows: list[Any] = []
    for element in table.iter("tr"):
        # Rows of this table only (a nested table was ruled out by the caller).
        rows.append(element)
        if len(rows) >= MAX_TABLE_ROWS:
            log.warning("table truncated at %d rows", MAX_TABLE_ROWS)
            break
    grid: Grid = []
    taken: dict[tuple[int, int], bool] = {}
    for r, tr in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
        c = 0
        for cell in _visible_children(tr):
            if cell.tag.lower() not in ("td", "th"):
                continue
            while taken.get((r, c)):
                c += 1
            if c >= MAX_GRID_COLS:
                break
            rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
            rowspan = min(rowspan, len(rows) - r)
            colspan = min(colspan, MAX_GRID_COLS - c)
            text = cell_text(cell)
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken[(r + dr, c + dc)] = True
                    row = r + dr
                    while len(grid) <= row:
                        grid.append([])
                    line = grid[row]
                    while len(line) <= c + dc:
                        line.append("")
                    line[c + dc] = text if dr == 0 and dc == 0 else ""
            c += colspan
    width = max((len(cells) for cells in grid), default=0)
    for cells in grid:
        cells.extend([""] * (width - len(cells)))
    return [cells for cells in grid if any(t.strip() for t in cells)] if width else []
