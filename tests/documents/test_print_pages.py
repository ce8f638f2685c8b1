"""The printed report, as LibreOffice renders it, measured with ``pdftotext -bbox-layout``.

For each print case (the sample, 7-digit figures, a 50-character agency name, 16 pages of
text, all-blank tables): no table label broken inside a word (each line the layout chose is
one line on paper), no figure broken, no fragment of a row group on a page without its group
label, 28 characters a line, the page number 7 mm (±1) below the type area, and no page that
holds only the sign-off.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from reportdesk.core.catalog import get_form
from reportdesk.core.numbers import format_value
from reportdesk.documents.layout import export_values, text_width
from reportdesk.documents.options import ExportOptions
from reportdesk.documents.pdf import convert_to_pdf
from reportdesk.documents.word_writer import table_plan, write_docx
from tests.documents.print_cases import CASES

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                       reason="LibreOffice (soffice) or pdftotext not installed"),
]

FORM = get_form()
MM = 25.4 / 72
TYPE_AREA_BOTTOM_MM = 297 - 35
NS = "{http://www.w3.org/1999/xhtml}"


def _pages(pdf: Path) -> list[list[tuple[float, float, float, str]]]:
    """Per page, its lines as (xMin, xMax, yMin) in mm and their text without spaces."""
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = []
    for page in ElementTree.fromstring(html).iter(f"{NS}page"):
        lines = []
        for line in page.iter(f"{NS}line"):
            text = "".join(w.text or "" for w in line.iter(f"{NS}word"))
            lines.append((float(line.get("xMin")) * MM, float(line.get("xMax")) * MM,
                          float(line.get("yMin")) * MM, text))
        pages.append(lines)
    return pages


@pytest.fixture(scope="module", params=[(case, appendix) for case in sorted(CASES) for appendix in (False, True)],
                ids=lambda p: f"{p[0]}-{'appendix' if p[1] else 'inline'}")
def printed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    case, appendix = request.param
    report = CASES[case]()
    folder = tmp_path_factory.mktemp(case)
    docx = folder / "r.docx"
    write_docx(report, docx, ExportOptions(sign_off=True, appendix=appendix))
    convert_to_pdf(docx, folder / "r.pdf", fonts=("仿宋_GB2312", "楷体_GB2312", "方正小标宋简体", "黑体", "宋体"))
    return case, report, _pages(folder / "r.pdf")


def _plans(report):  # type: ignore[no-untyped-def]
    values = export_values(FORM, report)
    return values, {t: table_plan(FORM.tables[t], values, FORM.print_words) for t in FORM.tables}


def test_no_table_label_is_broken_again(printed) -> None:  # type: ignore[no-untyped-def]
    _, report, pages = printed
    _, plans = _plans(report)
    texts = [text for page in pages for *_, text in page]
    for table_id, plan in plans.items():
        for (row, col), lines in plan.lines.items():
            for line in lines:
                assert any(line in text for text in texts), (table_id, row, col, line)


def test_no_figure_is_broken(printed) -> None:  # type: ignore[no-untyped-def]
    _, report, pages = printed
    values, _ = _plans(report)
    texts = [text for page in pages for *_, text in page]  # a figure broken in two is on two lines
    for table in FORM.tables.values():
        for g in table.grid:
            figure = format_value(values.get(g.cell_id)) if g.cell_id else ""
            if len(figure) > 1:
                assert any(figure in text for text in texts), (g.cell_id, figure)


def test_no_row_group_fragment_without_its_label(printed) -> None:  # type: ignore[no-untyped-def]
    _, report, pages = printed
    _, plans = _plans(report)
    table = FORM.tables["requests"]
    plan = plans["requests"]
    groups = [g for g in table.grid if g.role == "group"]
    for page in pages:
        text = "\n".join(t for *_, t in page)
        for group in groups:
            members = [g for g in table.grid if g.role == "label" and group.row <= g.row < group.row + group.rowspan]
            shown = [m for m in members if plan.lines[(m.row, m.col)][0] in text]
            if shown:
                label = plan.lines[(group.row, group.col)]
                assert all(line in text for line in label), (group.text, [m.text for m in shown])


def test_28_characters_a_line(printed) -> None:  # type: ignore[no-untyped-def]
    name, _, pages = printed
    # text lines across the whole block (digits count half: they are Times New Roman)
    body = [t for page in pages for x0, x1, _, t in page if x0 < 30 and x1 > 180 and re.search(r"[\u4e00-\u9fff]", t)]
    assert body, name
    # a closing mark may hang past the 28th character (LibreOffice compresses line-end punctuation)
    body = [t[:-1] if t[-1] in "。，、；：”）" else t for t in body]
    assert all(text_width(t) <= 28 for t in body), [t for t in body if text_width(t) > 28]
    assert sum(text_width(t) >= 27.5 for t in body) >= len(body) // 2


def test_page_number_7mm_below_the_type_area(printed) -> None:  # type: ignore[no-untyped-def]
    _, _, pages = printed
    for number, page in enumerate(pages, start=1):
        found = [y for _, _, y, t in page if re.fullmatch(rf"—{number}—", t)]
        assert found, number
        assert 6.0 <= found[0] - TYPE_AREA_BOTTOM_MM <= 8.0, (number, found[0] - TYPE_AREA_BOTTOM_MM)


def test_no_page_holds_only_the_sign_off(printed) -> None:  # type: ignore[no-untyped-def]
    _, report, pages = printed
    agency = report.agency
    for page in pages:
        content = [t for *_, t in page if not re.fullmatch(r"—\d+—", t)]
        rest = [t for t in content if t not in agency and not re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", t)
                and not t.startswith("附件：")]  # the 附件说明 line belongs with the sign-off too
        assert rest, content


def test_the_appendix_keeps_each_table_on_one_page(tmp_path: Path) -> None:
    report = CASES["figures"]()
    write_docx(report, tmp_path / "r.docx", ExportOptions(appendix=True))
    convert_to_pdf(tmp_path / "r.docx", tmp_path / "r.pdf")
    pages = ["\n".join(t for *_, t in page) for page in _pages(tmp_path / "r.pdf")]
    first = [i for i, text in enumerate(pages) if "一、本年新收政府信息公开申请数量" in text]
    last = [i for i, text in enumerate(pages) if "四、结转下年度继续办理" in text]
    assert len(first) == len(last) == 1 and first == last


def test_missing_faces_are_mapped_and_listed(tmp_path: Path) -> None:
    from reportdesk.documents.export import export_report
    from reportdesk.documents.pdf import installed_families

    installed = installed_families() or set()
    result = export_report(CASES["sample"](), pdf=tmp_path / "r.pdf")
    listed = dict(line.split(" → ", 1) for line in result.font_substitutions)
    for face in ("仿宋_GB2312", "楷体_GB2312", "方正小标宋简体"):
        if face not in installed:
            assert face in listed, result.font_substitutions
    fonts = subprocess.run(["pdffonts", str(tmp_path / "r.pdf")], capture_output=True, text=True).stdout
    if "AR PL UKai CN" in installed:  # 楷体 headings in a Kai face, not the sans fallback
        assert listed.get("楷体_GB2312") == "AR PL UKai CN" and "UKai" in fonts


@pytest.mark.parametrize("agency", ["某市某某局", "乐清市人力资源和社会保障局", "某某省某某市某某区人民政府办公室"])
def test_the_title_prints_in_the_lines_it_was_given(tmp_path: Path, agency: str) -> None:
    from reportdesk.documents.layout import title_lines
    from tests.factories import complete_report

    report = complete_report(agency=agency)
    write_docx(report, tmp_path / "r.docx")
    convert_to_pdf(tmp_path / "r.docx", tmp_path / "r.pdf", fonts=("方正小标宋简体", "仿宋_GB2312"))
    first_page = [t for *_, t in _pages(tmp_path / "r.pdf")[0]]
    lines = title_lines(FORM, report)
    assert first_page[:len(lines)] == lines  # no line of one character ("…年度报 / 告")
