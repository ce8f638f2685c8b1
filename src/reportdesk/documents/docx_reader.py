"""Reading a report from a Word (.docx) file as published: by labels, never by position.

The main document part is parsed directly with a hardened lxml parser (see
:mod:`reportdesk.documents.safety`) rather than through ``docx.Document()``: python-docx
loads every part of the package and builds a proxy per cell, which is many times slower
for a reviewer's batch, and its merged-cell handling (a merged cell returned once per
grid column) is what the grid below replaces.  Merges are read from the XML itself:
``w:gridSpan`` (across) and ``w:vMerge`` (down); a merged cell's text sits at its first
grid position and the positions it covers are empty.

The paragraphs and grids (:class:`reportdesk.documents.content.DocumentContent`, the
intermediate every document reader produces) are mapped to the form by
:func:`reportdesk.documents.content.build_result`.
"""

from __future__ import annotations

import logging
import posixpath
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportdesk.core.interchange import ReportFileError
from reportdesk.core.table_import import Grid, ImportResult
from reportdesk.documents import docx_formatting
from reportdesk.documents.content import DocumentContent, build_result
from reportdesk.documents.embedded import docx_payload
from reportdesk.documents.safety import open_package, parse_xml, read_part

log = logging.getLogger(__name__)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_T, _TAB, _BR, _CR = f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"
_SDT, _SDT_CONTENT, _CUSTOM = f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"
_VAL = f"{_W}val"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

#: The main part of a real report is well under 1 MB (pictures are separate parts); the
#: parsed tree takes several times the text, so this bounds the memory of one file.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MAX_GRID_COLS = 64
MAX_TABLE_ROWS = 3_000


def import_docx(path: Path, converted: str = "", source: str = "Word") -> ImportResult:
    """Read *path*; raise :class:`ReportFileError` when it is not a readable .docx."""
    return build_result(docx_content(path, converted, source))


def docx_content(path: Path, converted: str = "", source: str = "Word") -> DocumentContent:
    """The paragraphs and table grids of the .docx at *path*, in document order."""
    with open_package(path, "docx") as archive:
        main = _main_part(archive)
        root = _parse_document(read_part(archive, main, MAX_DOCUMENT_BYTES), main)
        embedded = docx_payload(archive)
    if root.tag != f"{_W}document":
        raise ReportFileError("文件不是 Word 文档（主体部件不是 Word 正文），可能是其他文件改了扩展名。", "not_office")
    content = DocumentContent(source, embedded=embedded, converted=converted)
    body = root.find(f"{_W}body")
    if body is not None:
        for kind, item in _blocks(body):
            if kind == "p":
                content.paragraphs.append(item)
            else:
                content.add_grid(item, f"第 {len(content.grids) + 1} 个表格")
    return content



def _parse_document(data: bytes, name: str) -> Any:
    """The main part's tree, parsed without the formatting nothing reads (:mod:`.docx_formatting`)."""
    lean = docx_formatting.lean(data)
    if lean is not data:
        try:
            return parse_xml(lean, name)
        except ReportFileError:
            pass  # parsed again as it is, for the file's own error message (line and column)
    return parse_xml(data, name)


# --- the package ---------------------------------------------------------------------

def _main_part(archive: zipfile.ZipFile) -> str:
    """The main document part named by the package relationships (word/document.xml usually)."""
    try:
        rels = parse_xml(read_part(archive, "_rels/.rels"), "_rels/.rels")
    except ReportFileError as exc:
        if exc.code != "bad_zip":
            raise
        rels = None
    if rels is not None:
        for rel in rels.iter(f"{_REL_NS}Relationship"):
            if rel.get("Type") == _OFFICE_DOC and rel.get("TargetMode") != "External":
                target = posixpath.normpath(rel.get("Target", "").lstrip("/"))
                if target.startswith("xl/"):
                    break
                if target.startswith("ppt/"):
                    raise ReportFileError("这是 PowerPoint 文件，不是 Word 文档，无法读取。", "not_office")
                if target in archive.namelist():
                    return target
    if "word/document.xml" in archive.namelist():
        return "word/document.xml"
    if "xl/workbook.xml" in archive.namelist():
        raise ReportFileError("这是 Excel 文件（.xlsx）改了扩展名，请把扩展名改回 .xlsx 后再读取。", "not_office")
    raise ReportFileError("文件不是 Word 文档（缺少正文部件 word/document.xml）。", "not_office")


# --- the body ------------------------------------------------------------------------

def _blocks(parent: Any) -> Iterator[tuple[str, Any]]:
    """("p", text) and ("tbl", grid) in document order, looking inside content controls."""
    for child in parent:
        tag = child.tag
        if tag == _P:
            if not _generated(child):
                yield "p", paragraph_text(child)
        elif tag == _TBL:
            yield "tbl", table_grid(child)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)
        elif tag == _CUSTOM:
            yield from _blocks(child)


#: The paragraph style of what ReportDesk's writer adds to the text (sign-off, 附件说明, the
#: "详见附件…" line): not part of any section's text when the file is read back.
GENERATED_STYLE = "ReportDeskAuto"
_P_PR, _P_STYLE = f"{_W}pPr", f"{_W}pStyle"


def _generated(p: Any) -> bool:
    ppr = p.find(_P_PR)
    style = ppr.find(_P_STYLE) if ppr is not None else None
    return style is not None and style.get(_VAL) == GENERATED_STYLE


def paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for node in p.iter(_T, _TAB, _BR, _CR):
        if node.tag == _T:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _cell_text(tc: Any) -> str:
    """The text of a cell, its paragraphs joined by line breaks (one pass over the XML)."""
    parts: list[str] = []
    paragraphs = 0
    for node in tc.iter(_P, _T, _TAB, _BR, _CR):
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        elif tag == _P:
            if paragraphs:
                parts.append("\n")
            paragraphs += 1
        elif tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _children(parent: Any, tag: str) -> Iterator[Any]:
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in (_SDT, _CUSTOM):
            inner = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if inner is not None:
                yield from _children(inner, tag)


def _int_val(element: Any, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(_VAL, default))
    except ValueError:
        return default


_GRID_SPAN, _V_MERGE, _H_MERGE, _GRID_BEFORE = f"{_W}gridSpan", f"{_W}vMerge", f"{_W}hMerge", f"{_W}gridBefore"
_MERGES, _CELL_OR_ROW = (_V_MERGE, _H_MERGE), (_TC, _TR)


def table_grid(tbl: Any) -> Grid:
    """The table's text on its grid: a merged cell's text at its first position, "" elsewhere.

    One pass over the table's elements (lxml's ``iter`` with a tag filter runs in C); a table
    holding another table takes the slower walk cell by cell.
    """
    if tbl.find(f".//{_TBL}") is not None:
        return _table_grid_nested(tbl)
    rows: Grid = []
    row: list[str] | None = None
    parts: list[str] | None = None  # the texts of the cell being read; None outside a cell
    covered = False
    span = paragraphs = 0
    t, p, tc, grid_span, grid_before, tab = _T, _P, _TC, _GRID_SPAN, _GRID_BEFORE, _TAB  # local names
    for node in tbl.iter(_T, _P, _TC, _TR, _TAB, _BR, _CR, _GRID_SPAN, _V_MERGE, _H_MERGE, _GRID_BEFORE):
        tag = node.tag
        if tag == t:
            if parts is not None:
                parts.append(node.text or "")
        elif tag == p:
            if parts is not None:
                if paragraphs:
                    parts.append("\n")
                paragraphs += 1
        elif tag in _CELL_OR_ROW:
            if parts is not None and row is not None and len(row) < MAX_GRID_COLS:  # the cell ends
                row.append("" if covered else "".join(parts))
                if span > 1:
                    row.extend([""] * min(span - 1, MAX_GRID_COLS - len(row)))
            if tag == tc:
                parts, covered, span, paragraphs = [], False, 1, 0
                continue
            parts = None
            if len(rows) >= MAX_TABLE_ROWS:
                log.warning("table truncated at %d rows", MAX_TABLE_ROWS)
                return rows
            row = []
            rows.append(row)
        elif tag == grid_span:
            span = min(max(_int_val(node, 1), 1), MAX_GRID_COLS)
        elif tag == grid_before:
            if row is not None and parts is None:
                row.extend([""] * min(max(_int_val(node, 0), 0), MAX_GRID_COLS))
        elif tag in _MERGES:
            if node.get(_VAL, "continue") != "restart":
                covered = True
        elif parts is not None:
            parts.append("\t" if tag == tab else "\n")
    if parts is not None and row is not None and len(row) < MAX_GRID_COLS:
        row.append("" if covered else "".join(parts))
        if span > 1:
            row.extend([""] * min(span - 1, MAX_GRID_COLS - len(row)))
    return rows


def _table_grid_nested(tbl: Any) -> Grid:
    rows: Grid = []
    for tr in _children(tbl, _TR):
        if len(rows) >= MAX_TABLE_ROWS:
            log.warning("table truncated at %d rows", MAX_TABLE_ROWS)
            break
        tr_pr = tr.find(f"{_W}trPr")
        col = 0 if tr_pr is None else min(max(_int_val(tr_pr.find(f"{_W}gridBefore"), 0), 0), MAX_GRID_COLS)
        row = [""] * col
        cells = tr.findall(_TC) if tr.find(_SDT) is None and tr.find(_CUSTOM) is None else _children(tr, _TC)
        for tc in cells:
            tc_pr = tc.find(f"{_W}tcPr")
            span, covered = 1, False
            if tc_pr is not None:
                span = min(max(_int_val(tc_pr.find(f"{_W}gridSpan"), 1), 1), MAX_GRID_COLS)
                v_merge = tc_pr.find(f"{_W}vMerge")
                if v_merge is not None and v_merge.get(_VAL, "continue") != "restart":
                    covered = True  # the cell above holds the text
                h_merge = tc_pr.find(f"{_W}hMerge")
                if h_merge is not None and h_merge.get(_VAL, "continue") != "restart":
                    covered = True
            text = "" if covered else _cell_text(tc)
            row.append(text)
            row.extend([""] * (span - 1))
            if len(row) >= MAX_GRID_COLS:
                del row[MAX_GRID_COLS:]
                break
        rows.append(row)
    return rows
