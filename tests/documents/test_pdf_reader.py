"""PDF reports: what a scan, an encrypted file and hostile files give (the cells are in test_sources.py)."""

from __future__ import annotations

import subprocess
import tempfile
import zlib
from pathlib import Path

import pytest

from reportdesk.app.batch import review_many
from reportdesk.app.reading import read_file
from reportdesk.core.interchange import ReportFileError
from reportdesk.documents.pdf_reader import MAX_PAGES, import_pdf
from tests.documents.corpus import soffice


def handmade_pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _stream(data: bytes, extra: str = "", compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        extra += " /Filter /FlateDecode"
    return f"<< /Length {len(data)}{extra} >>\nstream\n".encode() + data + b"\nendstream"


def pages_pdf(n: int, content: bytes = b"", resources: str = "<< >>", compress: bool = False) -> bytes:
    kids = " ".join(f"{4 + i} 0 R" for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
               _stream(content, compress=compress)]
    objects += [f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources {resources} >>"
                .encode() for _ in range(n)]
    return handmade_pdf(objects)


def scanned_pdf() -> bytes:
    """One A4 page holding only a picture (a grey scan of 200 × 280 pixels), no text layer."""
    pixels = bytes((x * 7 + y * 3) % 256 for y in range(280) for x in range(200))
    image = _stream(pixels, " /Type /XObject /Subtype /Image /Width 200 /Height 280 /ColorSpace /DeviceGray"
                    " /BitsPerComponent 8", compress=True)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
               _stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R"
               b" /Resources << /XObject << /Im1 5 0 R >> >> >>", image]
    return handmade_pdf(objects)


def test_a_scan_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "扫描.pdf"
    path.write_bytes(scanned_pdf())
    with pytest.raises(ReportFileError) as caught:
        read_file(path)
    assert "扫描件，没有可读取的文字" in caught.value.message
    assert caught.value.code == "scanned"


def test_an_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    program = soffice()
    if program is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    from tests.documents.builders import write_docx
    from tests.factories import complete_report

    source = write_docx(tmp_path / "r.docx", complete_report())
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to",
                        options, "--outdir", str(tmp_path / "out"), str(source)], check=True, capture_output=True,
                       timeout=300)
    with pytest.raises(ReportFileError) as caught:
        import_pdf(tmp_path / "out" / "r.pdf")
    assert caught.value.code == "encrypted" and "密码" in caught.value.message


@pytest.mark.parametrize(("content", "code"), [
    (b"", "empty"),
    (b"<html><body>not a pdf</body></html>", "not_pdf"),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", "bad_pdf"),
])
def test_damaged_files_get_one_clear_message(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(content)
    with pytest.raises(ReportFileError) as caught:
        import_pdf(path)
    assert caught.value.code == code, caught.value.message


def test_a_truncated_pdf_reads_what_is_there_or_says_it_is_damaged(corpus: dict[str, dict[str, Path]],
                                                                    tmp_path: Path) -> None:
    data = corpus["word_like"]["pdf"].read_bytes()
    path = tmp_path / "half.pdf"
    path.write_bytes(data[: len(data) // 2])
    try:
        result = import_pdf(path)
    except ReportFileError as exc:
        assert exc.code in ("bad_pdf", "scanned")
    else:  # PDFium repairs what it can: whatever was read is accounted for in the summary
        assert len(result.summary.cells_read) + len(result.summary.cells_missing) >= 200


def test_hostile_pdfs_are_bounded_in_the_batch_check(tmp_path: Path) -> None:
    many = tmp_path / "many-pages.pdf"
    many.write_bytes(pages_pdf(MAX_PAGES + 50))
    bomb = tmp_path / "bomb.pdf"  # 300 MB of content from a stream of a few hundred KB
    bomb.write_bytes(pages_pdf(1, b" " * (300 * 1024 * 1024), compress=True))
    nested = tmp_path / "nested.pdf"
    nested.write_bytes(pages_pdf(1, b"BT ET", resources="<< /X " + "[" * 100_000 + "]" * 100_000 + " >>"))
    paths_loop = tmp_path / "segments.pdf"  # a million line segments
    paths_loop.write_bytes(pages_pdf(1, b"0 0 m " + b"1 1 l 0 0 l " * 500_000 + b"S", compress=True))
    results = review_many([many, bomb, nested, paths_loop], jobs=2, isolate=True)
    assert f"PDF 有 {MAX_PAGES + 50} 页" in (results[0].error or "")
    for result in results[1:]:
        assert result.error is not None  # none of them has any text
        assert "超时" not in result.error and "异常退出" not in result.error, result.error


@pytest.mark.parametrize(("pairs", "cut"), [
    ([("2.没有现", "成信息需要另行制作"), ("9", "")], True),  # a row label cut, its figures above
    ([("结果维", "持"), ("其他", "结果"), ("总计", "")], True),  # header cells cut
    ([("（七）总计", "四、结转下年度继续办理"), ("87", "2")], False),  # two whole rows
    ([("1.属于国家秘密", "2.其他法律行政法规禁止公开")], False),
    ([("2.没有现", "成信息需要另行制作"), ("5", "3")], False),  # figures on both sides: two rows
    ([("", "")], False),
])
def test_a_row_cut_by_a_page_break_is_recognised_by_its_labels(pairs: list[tuple[str, str]], cut: bool) -> None:
    from reportdesk.core.catalog import get_form
    from reportdesk.core.table_import import is_cut_row

    assert is_cut_row(get_form(), pairs) is cut
