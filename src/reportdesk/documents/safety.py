"""Opening office files from strangers without letting them stall or exhaust the machine.

Reviewers receive files from many sources.  Before any XML is parsed:

- the first bytes are looked at: an empty file, an OLE compound file (an encrypted
  Office file or an old binary .doc/.xls) and anything that is not a zip archive are
  refused with a Chinese reason;
- the zip directory is checked: number of entries, total uncompressed size and the
  compression ratio of every large entry (a zip bomb claims gigabytes from kilobytes);
- a part is read with a hard limit on the bytes actually decompressed (the directory
  may lie), and refused if it declares a DTD (``<!DOCTYPE``/``<!ENTITY``: OOXML never
  has one, an entity bomb always does);
- XML is parsed by lxml with entities and external references off, no network, no DTD.
"""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path
from typing import Any

from reportdesk.core.interchange import ReportFileError

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 100 * 1024 * 1024  # the file on disk
MAX_TOTAL_UNCOMPRESSED = 300 * 1024 * 1024  # all entries together, as declared
MAX_PART_BYTES = 60 * 1024 * 1024  # one XML part, as actually decompressed
MAX_ENTRIES = 5_000
MAX_RATIO = 200  # uncompressed / compressed, for entries above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_DTD_MARKS = tuple(
    mark.encode(enc) for mark in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be")
)

KIND_NAMES = {"docx": "Word（.docx）", "xlsx": "Excel（.xlsx）"}


def _ole_kind(head: bytes) -> str:
    """What an OLE compound file holds, from the stream names in its directory."""
    if "EncryptionInfo".encode("utf-16-le") in head or "EncryptedPackage".encode("utf-16-le") in head:
        return "encrypted"
    if "WordDocument".encode("utf-16-le") in head:
        return "doc"
    if "Workbook".encode("utf-16-le") in head or "Book".encode("utf-16-le") in head:
        return "xls"
    return "ole"


def read_head(path: Path, length: int = 1024 * 1024) -> bytes:
    """The first *length* bytes of *path*, after refusing an empty file or one over the size bound."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as stream:
            head = stream.read(min(size, length))
    except OSError as exc:
        raise ReportFileError(f"无法打开文件：{exc.strerror or exc}", "io") from exc
    if size == 0:
        raise ReportFileError("文件是空的（0 字节），可能在复制或下载时损坏，请重新获取文件。", "empty")
    if size > MAX_FILE_BYTES:
        raise ReportFileError(
            f"文件过大（{size / 1024 / 1024:.0f} MB），年度报告不应超过 {MAX_FILE_BYTES // 1024 // 1024} MB，未读取。",
            "too_large",
        )
    return head


def open_package(path: Path, kind: str) -> zipfile.ZipFile:
    """Open *path* as an OOXML zip package of *kind* ("docx"/"xlsx") after the checks above."""
    name = KIND_NAMES[kind]
    head = read_head(path)
    if head.startswith(OLE_SIGNATURE):
        ole = _ole_kind(head)
        if ole == "encrypted":
            raise ReportFileError(
                "加密或旧版 .doc 文件：这个文件设置了打开密码（已加密），无法读取。"
                "请在 Word/Excel 中取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）后另存。",
                "encrypted",
            )
        old = {"doc": "Word 97-2003（.doc）", "xls": "Excel 97-2003（.xls）"}.get(ole, "旧版 Office")
        raise ReportFileError(
            f"加密或旧版 .doc 文件：这是{old}格式的文件，不是{name}。"
            f"请在 Word/Excel 中打开，另存为{name}后再读取。",
            "old_office",
        )
    if not head.startswith(ZIP_SIGNATURES):
        raise ReportFileError(
            f"文件不是有效的{name}文件（内容既不是 Office 文档也不是压缩包），可能已损坏或扩展名不对。", "not_office"
        )
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        raise ReportFileError(f"文件已损坏，不是有效的{name}文件（{exc}）。", "bad_zip") from exc
    try:
        _check_directory(archive, name)
    except ReportFileError:
        archive.close()
        raise
    return archive


def _check_directory(archive: zipfile.ZipFile, name: str) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ReportFileError(f"文件包含 {len(infos)} 个部件，远多于正常的{name}文件，已拒绝读取。", "zip_bomb")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            raise ReportFileError(
                f"文件疑似“压缩炸弹”：部件 {info.filename} 压缩后 {info.compress_size} 字节，"
                f"解压后声称 {info.file_size / 1024 / 1024:.0f} MB（压缩比 {ratio:.0f} 倍），已拒绝读取。",
                "zip_bomb",
            )
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise ReportFileError(
            f"文件解压后共 {total / 1024 / 1024:.0f} MB，超过 {MAX_TOTAL_UNCOMPRESSED // 1024 // 1024} MB 的上限，"
            "疑似“压缩炸弹”，已拒绝读取。",
            "zip_bomb",
        )
    if any(info.flag_bits & 0x1 for info in infos):
        raise ReportFileError(f"文件中的部件已加密，无法读取。请另存为未加密的{name}文件。", "encrypted")


def read_part(archive: zipfile.ZipFile, name: str, limit: int = MAX_PART_BYTES) -> bytes:
    """The bytes of part *name*, decompressing at most *limit* bytes; refuse a DTD."""
    try:
        with archive.open(name) as stream:
            data = stream.read(limit + 1)
    except KeyError as exc:
        raise ReportFileError(f"文件缺少必需的部件 {name}，不是完整的 Office 文档。", "bad_zip") from exc
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise ReportFileError(f"文件已损坏：部件 {name} 无法解压（{exc}）。", "bad_zip") from exc
    except RuntimeError as exc:  # encrypted member
        raise ReportFileError(f"文件中的部件 {name} 已加密，无法读取。", "encrypted") from exc
    if len(data) > limit:
        raise ReportFileError(
            f"部件 {name} 解压后超过 {limit // 1024 // 1024} MB，疑似“压缩炸弹”，已拒绝读取。", "zip_bomb"
        )
    refuse_dtd(data, name)
    return data


def refuse_dtd(data: bytes, name: str) -> None:
    # Every mark holds the byte "!" in each encoding; a part without one (most parts) needs
    # no further look, and finding one byte is a single fast scan.
    if b"!" in data and any(mark in data for mark in _DTD_MARKS):
        raise ReportFileError(
            f"部件 {name} 含有 DTD/实体声明（正常的 Office 文档没有），可能是“XML 实体炸弹”，已拒绝读取。", "xml_dtd"
        )


def check_all_parts(archive: zipfile.ZipFile) -> None:
    """Read every XML part once (bounded) and refuse any with a DTD: for libraries that parse themselves."""
    for info in archive.infolist():
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            read_part(archive, info.filename)


_PARSER: Any = None


def xml_parser() -> Any:
    """lxml's parser with every dangerous feature off."""
    global _PARSER
    if _PARSER is None:
        from lxml import etree

        _PARSER = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
            huge_tree=False, remove_comments=True, remove_pis=True,
            collect_ids=False,  # no table of xml:id attributes: nothing looks elements up by id
        )
    return _PARSER


def parse_xml(data: bytes, name: str) -> Any:
    from lxml import etree

    try:
        return etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError as exc:
        raise ReportFileError(f"文件已损坏：部件 {name} 不是有效的 XML（{exc}）。", "bad_xml") from exc
