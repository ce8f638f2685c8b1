"""Read the exported .docx back with python-docx and check it against the form and the figures."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from reportdesk.app.reading import read_report
from reportdesk.core.catalog import get_form
from reportdesk.core.interchange import report_from_json, report_to_json
from reportdesk.core.numbers import format_value
from reportdesk.core.report import Report, derive
from reportdesk.documents.embedded import extract_docx
from reportdesk.documents.options import ExportOptions, FontSet
from reportdesk.documents.word_writer import TEXT_WIDTH_TWIPS, write_docx
from tests.documents.readback import docx_table_cells, grid_geometry
from tests.factories import complete_report

FORM = get_form()
TABLE_ORDER = ["proactive", "requests", "appeals"]


def _export(tmp_path: Path, report: Report, **options: object) -> docx.document.Document:
    path = tmp_path / "report.docx"
    write_docx(report, path, ExportOptions(**options))  # type: ignore[arg-type]
    return docx.Document(str(path))


def _paragraph_texts(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def _east_asian(paragraph: docx.text.paragraph.Paragraph) -> set[str | None]:
    fonts = set()
    for run in paragraph.runs:
        rfonts = run._r.rPr.find(qn("w:rFonts"))
        fonts.add(rfonts.get(qn("w:eastAsia")) if rfonts is not None else None)
    return fonts


def test_title_preamble_and_headings_in_order(tmp_path: Path) -> None:
    report = complete_report()
    texts = _paragraph_texts(_export(tmp_path, report))
    assert texts[0] == "某市某某局\n2023年政府信息公开工作年度报告"  # broken after the agency
    assert texts[1] == report.texts["preamble"]
    headings = [t for t in texts if t in {s.heading for s in FORM.sections}]
    assert headings == [s.heading for s in FORM.sections]
    for line in report.texts["overview"].split("\n"):
        assert line in texts
    assert texts.index("（一）主动公开") > texts.index("一、总体情况")


def test_tables_have_the_official_labels_merges_and_figures(tmp_path: Path) -> None:
    report = complete_report(seed=7)
    values = derive(FORM, report.cells)
    document = _export(tmp_path, report)
    assert len(document.tables) == 3
    for table_id, table in zip(TABLE_ORDER, document.tables, strict=True):
        definition = FORM.tables[table_id]
        drawn = docx_table_cells(table._tbl)
        assert {k: v[:2] for k, v in drawn.items()} == grid_geometry(definition)
        for g in definition.grid:
            expected = g.text if g.cell_id is None else format_value(values[g.cell_id])
            assert drawn[(g.row, g.col)][2] == expected, (table_id, g)
    # spot checks against the reference, character for character
    requests = docx_table_cells(document.tables[1]._tbl)
    assert requests[(5, 0)] == (22, 1, "三、本年度办理结果")
    assert requests[(7, 1)] == (8, 1, "（三）不予公开")
    assert requests[(9, 2)][2] == "3.危及“三安全一稳定”"
    assert requests[(27, 0)] == (1, 3, "四、结转下年度继续办理")
    assert requests[(27, 9)][2] == str(values["requests.carried_forward.total"])


def test_tables_each_sit_under_their_heading(tmp_path: Path) -> None:
    document = _export(tmp_path, complete_report())
    body = document.element.body
    order = []
    for child in body:
        if child.tag == qn("w:tbl"):
            order.append("TABLE")
        elif child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            if text in {s.heading for s in FORM.sections}:
                order.append(text)
    expected = []
    for section in FORM.sections:
        expected += [section.heading, "TABLE"] if section.table else [section.heading]
    assert order == expected
    assert expected[1:3] == ["二、主动公开政府信息情况", "TABLE"]


def test_blank_cells_are_exported_blank(tmp_path: Path, sample_path: Path) -> None:
    report = read_report(sample_path)
    document = _export(tmp_path, report)
    proactive = docx_table_cells(document.tables[0]._tbl)
    assert proactive[(2, 1)][2] == ""  # 规章 本年制发件数: blank in the sample, not 0
    assert proactive[(3, 1)][2] == "2"
    assert proactive[(3, 3)][2] == "9"


def test_table_geometry_widths_borders_and_rows(tmp_path: Path) -> None:
    document = _export(tmp_path, complete_report())
    for table_id, table in zip(TABLE_ORDER, document.tables, strict=True):
        tbl = table._tbl
        grid = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol"))]
        assert len(grid) == FORM.tables[table_id].n_cols
        assert sum(grid) == TEXT_WIDTH_TWIPS
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        borders = tbl.tblPr.find(qn("w:tblBorders"))
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            assert borders.find(qn(f"w:{side}")).get(qn("w:val")) == "single"
        rows = tbl.findall(qn("w:tr"))
        for index, tr in enumerate(rows):
            tr_pr = tr.find(qn("w:trPr"))
            assert tr_pr.find(qn("w:cantSplit")) is not None
            is_header = tr_pr.find(qn("w:tblHeader")) is not None
            assert is_header == (index < FORM.tables[table_id].header_rows)
            c = 0
            for tc in tr.findall(qn("w:tc")):
                span = tc.tcPr.find(qn("w:gridSpan"))
                n = int(span.get(qn("w:val"))) if span is not None else 1
                assert int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) == sum(grid[c:c + n])
                c += n


def test_page_margins_and_size(tmp_path: Path) -> None:
    section = _export(tmp_path, complete_report()).sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    for attr, mm in (("top_margin", 37), ("bottom_margin", 35), ("left_margin", 28), ("right_margin", 26)):
        assert abs(getattr(section, attr) - Mm(mm)) < Mm(0.1), attr


def test_fonts_sizes_and_spacing(tmp_path: Path) -> None:
    document = _export(tmp_path, complete_report())
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    title = paragraphs[0]
    assert _east_asian(title) == {"方正小标宋简体"}
    assert title.runs[0].font.size.pt == 22
    by_text = {p.text: p for p in paragraphs}
    assert _east_asian(by_text["一、总体情况"]) == {"黑体"}
    assert _east_asian(by_text["（一）主动公开"]) == {"楷体_GB2312"}
    body = by_text["本年度通过门户网站主动公开政府信息。"]
    assert _east_asian(body) == {"仿宋_GB2312"}
    assert body.runs[0].font.size.pt == 16
    assert body.runs[0].font.name == "Times New Roman"
    ppr = body._p.pPr
    assert ppr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    spacing = ppr.find(qn("w:spacing"))
    assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == ("578", "exact")
    # every run in the document names its east-Asian font, tables included
    for run in document.element.body.iter(qn("w:r")):
        if run.find(qn("w:t")) is not None:
            assert run.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia")), run.xml
    for table in document.tables:
        for run in table._tbl.iter(qn("w:r")):
            assert run.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia")) == "宋体"


def test_windows_font_set(tmp_path: Path) -> None:
    document = _export(tmp_path, complete_report(), fonts=FontSet.WINDOWS)
    by_text = {p.text: p for p in document.paragraphs if p.text.strip()}
    assert _east_asian(by_text["（一）主动公开"]) == {"楷体"}
    assert _east_asian(by_text["本年度通过门户网站主动公开政府信息。"]) == {"仿宋"}
    assert "GB2312" not in document.element.xml


def test_page_numbers_are_page_fields(tmp_path: Path) -> None:
    document = _export(tmp_path, complete_report())
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        assert paragraph._p.pPr.find(qn("w:jc")).get(qn("w:val")) == align
        instr = [i.text for i in paragraph._p.iter(qn("w:instrText"))]
        assert [i.strip() for i in instr] == ["PAGE"]
        kinds = [f.get(qn("w:fldCharType")) for f in paragraph._p.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"]
        assert paragraph.text == "— 1 —"
        for run in paragraph.runs:
            assert run.font.size.pt == 14
            assert run._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "宋体"


def test_appendix_and_sign_off(tmp_path: Path) -> None:
    report = complete_report()
    document = _export(tmp_path, report, appendix=True, sign_off=True, sign_off_date="2024-01-20")
    texts = _paragraph_texts(document)
    assert texts.count("详见附件《政府信息公开情况统计表》。") == 3
    signature = texts.index("某市某某局")
    assert texts[signature + 1] == "2024年1月20日"
    appendix = texts.index("附件")
    assert signature < appendix
    assert texts[appendix + 1:appendix + 4] == [
        "政府信息公开情况统计表", "（2023年度）", "填报单位：某市某某局"]
    assert [t for t in texts[appendix:] if t in {t.title for t in FORM.tables.values()}] == [
        "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况"]
    body = list(document.element.body)
    first_table = next(i for i, el in enumerate(body) if el.tag == qn("w:tbl"))
    anchor = next(i for i, el in enumerate(body)
                  if "".join(t.text or "" for t in el.iter(qn("w:t"))) == "附件")
    assert first_table > anchor
    assert body[anchor].find(qn("w:pPr")).find(qn("w:pageBreakBefore")) is not None


def test_embedded_report_round_trips(tmp_path: Path, sample_path: Path) -> None:
    for report in (complete_report(seed=3), read_report(sample_path)):
        path = tmp_path / "r.docx"
        write_docx(report, path)
        data = extract_docx(path)
        assert data == report_to_json(FORM, report)
        back = report_from_json(data, get_form)
        exported = derive(FORM, report.cells) if report.totals == "derived" else report.cells
        assert back.cells == {k: v for k, v in exported.items() if v is not None}
        assert back.texts == {k: v for k, v in report.texts.items() if v}
        assert back.agency == report.agency and back.year == report.year


def test_embedded_part_is_related_from_the_document(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    write_docx(complete_report(), path)
    document = docx.Document(str(path))
    parts = [rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/customXml")
             and str(rel.target_part.partname) == "/customXml/reportdesk-report.xml"]
    assert len(parts) == 1
    assert parts[0].blob.decode().split(">", 1)[1].lstrip().startswith(
        '<reportdesk xmlns="urn:reportdesk:report:1" version="1"')


def test_extract_finds_a_renamed_part_and_ignores_foreign_files(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "r.docx"
    write_docx(complete_report(), path)
    renamed = tmp_path / "renamed.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(renamed, "w") as dst:
        for info in src.infolist():
            name = info.filename.replace("reportdesk-report.xml", "item7.xml")
            dst.writestr(name, src.read(info))
    assert extract_docx(renamed) == extract_docx(path) is not None
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    assert extract_docx(plain) is None
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"not a zip")
    assert extract_docx(junk) is None


@pytest.mark.parametrize("text", ["控制字符\x01\x0b在文本中", "<&>\"'", "制表\t符"])
def test_odd_characters_in_texts_do_not_break_the_document(tmp_path: Path, text: str) -> None:
    report = complete_report()
    report.texts["other"] = text
    document = _export(tmp_path, report)
    assert any(text.replace("\x01", "").replace("\x0b", "").replace("\t", " ") == p.text
               for p in document.paragraphs)
