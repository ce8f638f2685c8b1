"""The report's interchange data carried invisibly inside an exported .docx or .xlsx.

ReportDesk reads an exported file back exactly from this copy, and can tell when the
visible tables were edited by hand after export by comparing the two.

- .docx: a custom XML part (``/customXml/reportdesk-report.xml``) related from the document
  part, root ``<reportdesk xmlns="urn:reportdesk:report:1" version="1">`` holding the JSON
  as text, with a properties part naming the namespace.  Word renames custom XML parts
  when it saves (``item1.xml``), so reading looks for the root element, not the name.
- .xlsx: a "veryHidden" sheet ``_reportdesk`` (not listed by Excel's 取消隐藏) with the
  compact JSON split over A1, A2, … (an Excel cell holds at most 32,767 characters).

Reading uses the hardened zip/XML reading of :mod:`reportdesk.documents.safety` for .docx and openpyxl for .xlsx;
the importers call :func:`docx_payload` and :func:`xlsx_payload` on what they have already opened.
"""

from __future__ import annotations

import json
import logging
import uuid
import zipfile
from pathlib import Path
from typing import Any

from reportdesk.core.interchange import ReportFileError
from reportdesk.documents.safety import parse_xml, read_part

log = logging.getLogger(__name__)

NAMESPACE = "urn:reportdesk:report:1"
VERSION = "1"
DOCX_PART = "/customXml/reportdesk-report.xml"
DOCX_PROPS_PART = "/customXml/reportdesk-report-props.xml"
XLSX_SHEET = "_reportdesk"
#: Characters per cell: 16,000 code points stay under Excel's 32,767 UTF-16 units even
#: if every character lies outside the Basic Multilingual Plane.
XLSX_CHUNK = 16_000
MAX_PART_BYTES = 20 * 1024 * 1024

_RT_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_RT_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_CT_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


def _payload(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _parse_payload(text: str, where: str) -> dict[str, Any] | None:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:  # also nesting thousands deep, numbers of 4,300+ digits
        log.warning("embedded report data in %s is not valid JSON: %s", where, type(exc).__name__)
        return None
    if not isinstance(data, dict):
        log.warning("embedded report data in %s is not a JSON object", where)
        return None
    return data


# --- .docx ----------------------------------------------------------------------------

def docx_xml(data: dict[str, Any]) -> bytes:
    # Imported here: xml.sax.saxutils pulls in urllib.request and http.client (~20 ms), which a
    # reader of embedded data (every worker of a batch check) never needs.
    from xml.sax.saxutils import escape

    body = escape(_payload(data))
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<reportdesk xmlns="{NAMESPACE}" version="{VERSION}">{body}</reportdesk>'
    ).encode()


def embed_docx(document: Any, data: dict[str, Any]) -> None:
    """Add *data* to a python-docx ``Document`` (before it is saved) as a custom XML part."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    item = Part(PackURI(DOCX_PART), "application/xml", docx_xml(data), package)
    props_xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<ds:datastoreItem ds:itemID="{{{str(uuid.uuid4()).upper()}}}" xmlns:ds="{_DS}">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode()
    props = Part(PackURI(DOCX_PROPS_PART), _CT_PROPS, props_xml, package)
    item.relate_to(props, _RT_CUSTOM_XML_PROPS)
    document.part.relate_to(item, _RT_CUSTOM_XML)


def docx_payload(archive: zipfile.ZipFile) -> dict[str, Any] | None:
    """The report data in an open .docx package, or None; read with the hardened parser
    (no DTD, no entities, bounded size).  Raises ReportFileError for a damaged part."""
    for info in archive.infolist():
        name = info.filename.lower()
        if not name.startswith("customxml/") or not name.endswith(".xml") or "/_rels/" in name:
            continue
        blob = read_part(archive, info.filename, MAX_PART_BYTES)
        if NAMESPACE.encode() not in blob[:1000]:
            continue
        root = parse_xml(blob, info.filename)
        if root.tag != f"{{{NAMESPACE}}}reportdesk":
            continue
        return _parse_payload(root.text or "", info.filename)
    return None


def extract_docx(path: Path) -> dict[str, Any] | None:
    """The report data embedded in the .docx at *path*, or None if it has none (or is no .docx)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return docx_payload(archive)
    except (OSError, zipfile.BadZipFile, ReportFileError) as exc:
        log.warning("cannot read the embedded data of %s: %s", path, exc)
    return None


# --- .xlsx ----------------------------------------------------------------------------

def embed_xlsx(workbook: Any, data: dict[str, Any]) -> None:
    """Add *data* to an openpyxl ``Workbook`` as the very hidden sheet ``_reportdesk``."""
    text = _payload(data)
    sheet = workbook.create_sheet(XLSX_SHEET)
    sheet.sheet_state = "veryHidden"
    for index, start in enumerate(range(0, len(text), XLSX_CHUNK), start=1):
        cell = sheet.cell(row=index, column=1)
        cell.value = text[start:start + XLSX_CHUNK]
        cell.data_type = "s"  # a chunk starting with "=" is text, not a formula


def xlsx_payload(sheet: Any) -> dict[str, Any] | None:
    """The report data in the openpyxl worksheet ``_reportdesk``, or None."""
    parts: list[str] = []
    for (value,) in sheet.iter_rows(min_col=1, max_col=1, max_row=10_000, values_only=True):
        if value is None:
            break
        parts.append(str(value))
    return _parse_payload("".join(parts), XLSX_SHEET)


def extract_xlsx(path: Path) -> dict[str, Any] | None:
    """The report data embedded in the .xlsx at *path*, or None if it has none (or is no .xlsx)."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        log.warning("cannot read %s as an .xlsx: %s", path, exc)
        return None
    try:
        if XLSX_SHEET not in workbook.sheetnames:
            return None
        return xlsx_payload(workbook[XLSX_SHEET])
    finally:
        workbook.close()
