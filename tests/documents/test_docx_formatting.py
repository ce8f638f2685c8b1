"""Leaving out run and paragraph formatting before the parse changes nothing the reader reads."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from reportdesk.core.interchange import ReportFileError
from reportdesk.documents import docx_formatting, docx_reader
from reportdesk.documents.docx_formatting import lean
from reportdesk.documents.word_writer import build_document
from tests.documents.builders import FULL_WIDTH, Style, write_docx
from tests.factories import complete_report

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}"><w:body>'
TAIL = "</w:body></w:document>"
FONTS = '<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="ＭＳ 明朝"/><w:sz w:val="32"/>'


def _doc(body: str, head: str = HEAD) -> bytes:
    return (head + body + TAIL).encode("utf-8")


def _package(path: Path, document: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document)
    return path


def _both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """The reader's content of *path* with the formatting left out, and parsing everything."""
    lean_content = docx_reader.docx_content(path)
    with monkeypatch.context() as m:
        m.setattr(docx_formatting, "lean", lambda data: data)
        full_content = docx_reader.docx_content(path)
    return lean_content, full_content


def test_plain_formatting_goes_and_the_paragraph_style_stays() -> None:
    data = _doc(f'<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:jc w:val="center"/><w:rPr>{FONTS}</w:rPr></w:pPr>'
                f'<w:r><w:rPr>{FONTS}<w:b/></w:rPr><w:t>一、总体情况</w:t></w:r></w:p>'
                '<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr><w:r><w:rPr></w:rPr><w:t>正文</w:t></w:r></w:p>')
    out = lean(data).decode("utf-8")
    assert "rFonts" not in out and "jc" not in out and "<w:b/>" not in out
    assert '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>一、总体情况</w:t>' in out  # the empty <w:rPr/> too
    assert "<w:pPr/><w:r><w:t>正文</w:t>" in out


def test_a_cells_width_and_alignment_go_and_its_merges_stay() -> None:
    cell = ('<w:tc><w:tcPr><w:tcW w:w="2160" w:type="dxa"/><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>'
            '<w:vAlign w:val="center"/></w:tcPr><w:p><w:r><w:t xml:space="preserve"> 12 </w:t></w:r></w:p></w:tc>')
    out = lean(_doc(f"<w:tbl><w:tr>{cell}</w:tr></w:tbl>")).decode("utf-8")
    assert '<w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr>' in out
    assert "<w:t> 12 </w:t>" in out
    plain = '<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2160"/><w:vAlign w:val="top"/></w:tcPr><w:p/></w:tc>'
    assert "<w:tc><w:tcPr></w:tcPr><w:p/></w:tc>" in lean(_doc(f"<w:tbl><w:tr>{plain}</w:tr></w:tbl>")).decode()


@pytest.mark.parametrize("props", [
    '<w:tcW w:w="50%" w:type="pct"/>',  # a value of another kind
    '<w:tcW w:w="1" w:w="2"/>',  # an attribute twice: the parser's to refuse
    '<w:cnfStyle w:val="100000000000"/><w:tcW w:w="1" w:type="dxa"/>',  # not the first
    '<w:vAlign w:val="center"/><w:hideMark/>',  # not the last
])
def test_cell_properties_of_another_shape_are_kept(props: str) -> None:
    data = _doc(f"<w:tbl><w:tr><w:tc><w:tcPr>{props}</w:tcPr><w:p/></w:tc></w:tr></w:tbl>")
    assert lean(data) == data


@pytest.mark.parametrize("body", [
    # text, a tab or a break inside formatting (not valid Word XML, but the reader reads it today)
    f'<w:p><w:r><w:rPr>{FONTS}<w:t/></w:rPr><w:t>甲</w:t></w:r></w:p>',
    '<w:p><w:r><w:rPr><w:tab/></w:rPr><w:t>甲</w:t></w:r></w:p>',
    # tab stops (w:tabs/w:tab) are read as tabs by the paragraph walk: nested, so kept
    '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>',
    # white space, another namespace, an entity, a single-quoted value: left alone
    '<w:p><w:r><w:rPr> <w:b/></w:rPr><w:t>甲</w:t></w:r></w:p>',
    '<w:p><w:r><w:rPr><w14:ligatures xmlns:w14="urn:x" w14:val="all"/></w:rPr><w:t>甲</w:t></w:r></w:p>',
    '<w:p><w:r><w:rPr><w:rFonts w:ascii="A&amp;B"/></w:rPr><w:t>甲</w:t></w:r></w:p>',
    "<w:p><w:r><w:rPr><w:rFonts w:ascii='Arial'/></w:rPr><w:t>甲</w:t></w:r></w:p>",
])
def test_formatting_holding_anything_read_or_unusual_is_kept(body: str) -> None:
    data = _doc(body)
    assert lean(data) == data


@pytest.mark.parametrize("data", [
    _doc(f"<!-- a comment --><w:p><w:r><w:rPr>{FONTS}</w:rPr><w:t>甲</w:t></w:r></w:p>"),
    _doc(f"<w:p><w:r><w:rPr>{FONTS}</w:rPr><w:t><![CDATA[<w:rPr><w:b/></w:rPr>]]></w:t></w:r></w:p>"),
    _doc(f"<w:p><w:r><w:rPr>{FONTS}</w:rPr><w:t>甲</w:t></w:r></w:p>",
         head=f'<?xml version="1.0" encoding="GB18030"?><w:document xmlns:w="{W_NS}"><w:body>'),
    _doc(f'<w:p xmlns:w="{W_NS}"><w:r><w:rPr>{FONTS}</w:rPr><w:t>甲</w:t></w:r></w:p>',
         head='<?xml version="1.0"?><w:document><w:body>'),
])
def test_nothing_goes_from_a_part_where_markup_could_hide_or_w_is_not_declared_on_the_root(data: bytes) -> None:
    assert lean(data) == data


@pytest.mark.parametrize("bad", [
    '<w:sz w:val=21/>',  # unquoted
    '<w:sz w:val="\x01"/>',  # a character XML forbids
    '<w:sz w:val="ab"',  # never closed
    '<x:sz x:val="1"/>',  # an undeclared prefix
])
def test_a_fault_in_the_formatting_is_still_the_files_own_error(tmp_path: Path, bad: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = _package(tmp_path / "bad.docx", _doc(f"<w:p><w:r><w:rPr>{bad}</w:rPr><w:t>甲</w:t></w:r></w:p>"))
    with pytest.raises(ReportFileError) as with_lean:
        docx_reader.docx_content(path)
    with monkeypatch.context() as m, pytest.raises(ReportFileError) as without:
        m.setattr(docx_formatting, "lean", lambda data: data)
        docx_reader.docx_content(path)
    assert with_lean.value.code == without.value.code == "bad_xml"
    assert with_lean.value.message == without.value.message  # the same line and column


def test_invalid_utf8_in_a_value_is_not_hidden(tmp_path: Path) -> None:
    body = b'<w:p><w:r><w:rPr><w:rFonts w:ascii="\xe5\xae"/></w:rPr><w:t>x</w:t></w:r></w:p>'
    data = HEAD.encode() + body + TAIL.encode()
    assert lean(data) == data
    with pytest.raises(ReportFileError):
        docx_reader.docx_content(_package(tmp_path / "bad.docx", data))


def test_tricky_tables_read_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Merged cells, a nested table, a field, empty cells, a generated paragraph, formatting everywhere."""
    rpr = f"<w:rPr>{FONTS}</w:rPr>"

    def cell(text: str, props: str = "") -> str:
        return (f'<w:tc><w:tcPr><w:tcW w:w="100" w:type="dxa"/>{props}</w:tcPr><w:p><w:pPr><w:jc w:val="center"/>'
                f'{rpr}</w:pPr><w:r>{rpr}<w:t>{text}</w:t></w:r></w:p></w:tc>')

    field = (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{rpr}<w:instrText> PAGE </w:instrText></w:r>'
             f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')
    span, restart, below = '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    nested = f'<w:tbl><w:tr>{cell("内")}{cell("表")}</w:tr></w:tbl>'
    body = (
        f'<w:p><w:pPr><w:pStyle w:val="ReportDeskAuto"/><w:jc w:val="right"/></w:pPr><w:r>{rpr}<w:t>自动</w:t></w:r></w:p>'
        f'<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:pPr><w:pStyle w:val="ReportDeskAuto"/></w:pPr>'
        f'<w:r>{rpr}<w:t>两个段落属性</w:t><w:tab/><w:br/></w:r>{field}</w:p>'
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        f'<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>{cell("跨", span)}</w:tr>'
        f'<w:tr>{cell("上", restart)}{cell("")}{cell("3")}</w:tr>'
        f'<w:tr>{cell("", below)}<w:tc><w:p/></w:tc>{cell("4")}</w:tr>'
        f'</w:tbl><w:tbl><w:tr>{cell("外")}<w:tc>{nested}<w:p><w:r><w:t>尾</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
        f'<w:sdt><w:sdtContent><w:p><w:r>{rpr}<w:t>控件</w:t></w:r></w:p></w:sdtContent></w:sdt>'
    )
    path = _package(tmp_path / "tricky.docx", _doc(body))
    assert len(lean(_doc(body))) < len(_doc(body)) / 2
    lean_content, full_content = _both(path, monkeypatch)
    assert lean_content == full_content
    assert full_content.paragraphs == ["两个段落属性\t\n", "控件"]  # the first is ReportDesk's own line
    assert full_content.grids[0] == [["", "跨", ""], ["上", "", "3"], ["", "", "4"]]


@pytest.mark.parametrize("style", [
    Style(word_like=True), Style(split_requests_after=9), Style(appendix=True, word_like=True),
    Style(merge=False), Style(value=lambda c, s: s.translate(FULL_WIDTH), empty_rows=(3, 12)),
])
def test_built_reports_read_the_same(tmp_path: Path, style: Style, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_docx(tmp_path / "r.docx", complete_report(seed=3), style)
    lean_content, full_content = _both(path, monkeypatch)
    assert lean_content == full_content


def test_an_exported_report_reads_the_same_from_a_part_a_third_the_size(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "exported.docx"
    build_document(complete_report(seed=4)).save(str(path))
    data = zipfile.ZipFile(path).read("word/document.xml")
    assert len(lean(data)) < len(data) / 2
    lean_content, full_content = _both(path, monkeypatch)
    assert lean_content == full_content


def test_an_element_holding_another_and_one_never_closed() -> None:
    nested = _doc(f"<w:p><w:r><w:rPr><w:b/><w:rPr>{FONTS}</w:rPr><w:i/></w:rPr><w:t>甲</w:t></w:r></w:p>")
    once = lean(nested)
    assert b"<w:rPr><w:b/><w:rPr/><w:i/></w:rPr>" in once  # the inner one is emptied, the outer kept
    assert lean(once) == once
    unclosed = _doc(f"<w:p><w:r><w:rPr>{FONTS}<w:t>甲</w:t></w:r></w:p><w:p><w:r><w:rPr>{FONTS}</w:rPr></w:r></w:p>")
    out = lean(unclosed)
    assert out.count(b"<w:rPr>") == 1 and b"<w:rPr>" + FONTS.encode() + b"<w:t>" in out


@pytest.mark.parametrize("body", [
    "<w:p><w:r><w:t>1<w:rPr></w:rPr>2</w:t></w:r></w:p>",
    f"<w:p><w:r><w:t>1<w:rPr>{FONTS}</w:rPr>2</w:t></w:r></w:p>",
    f"<w:p><w:r><w:t>3<w:pPr>{FONTS}</w:pPr>4</w:t></w:r></w:p>",
    "<w:p><w:r><w:t>1<w:r><w:rPr></w:rPr>2</w:r>3</w:t></w:r></w:p>",
    '<w:p><w:r><w:t>1<w:tcPr><w:tcW w:w="1" w:type="dxa"/>2<w:vAlign w:val="top"/></w:tcPr>3</w:t></w:r></w:p>',
])
def test_text_beside_emptied_formatting_never_joins(tmp_path: Path, body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An element's text ends at its first child: formatting inside a w:t is emptied, never removed."""
    path = _package(tmp_path / "t.docx", _doc(body))
    lean_content, full_content = _both(path, monkeypatch)
    assert lean_content == full_content
    assert full_content.paragraphs in (["1"], ["3"])
    assert lean(_doc(body)) != _doc(body)


def test_an_attribute_given_twice_in_the_formatting_is_still_refused(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    data = _doc('<w:p><w:r><w:rPr><w:sz w:val="21" w:val="22"/></w:rPr><w:t>甲</w:t></w:r></w:p>'
                '<w:p><w:pPr><w:jc w:val="left"/><w:ind w:left="1" w:left="2"/></w:pPr></w:p>')
    assert lean(data) == data
    path = _package(tmp_path / "twice.docx", data)
    with pytest.raises(ReportFileError) as error:
        docx_reader.docx_content(path)
    assert error.value.code == "bad_xml"
