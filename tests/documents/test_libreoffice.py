"""A real client: LibreOffice converts the exports to PDF; pdftotext reads the result.

Skipped only where LibreOffice or poppler-utils are missing (``.ci/run`` installs both).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from reportdesk.core.catalog import get_form
from reportdesk.core.checks import check_report
from reportdesk.core.numbers import format_value
from reportdesk.core.report import derive
from reportdesk.documents.excel_writer import write_xlsx
from reportdesk.documents.options import ExportOptions
from reportdesk.documents.pdf import convert_to_pdf
from reportdesk.documents.word_writer import write_docx
from tests.factories import complete_report

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                       reason="LibreOffice (soffice) or pdftotext not installed"),
]

FORM = get_form()
MM = 72 / 25.4
REPORT = complete_report(seed=11, agency="某某市人力资源和社会保障局")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    out: dict[str, Path] = {}
    write_docx(REPORT, folder / "inline.docx")
    write_docx(REPORT, folder / "appendix.docx", ExportOptions(appendix=True, sign_off=True))
    write_xlsx(REPORT, folder / "tables.xlsx", check_report(REPORT))
    for name in ("inline.docx", "appendix.docx", "tables.xlsx"):
        target = folder / f"{name.replace('.', '_')}.pdf"
        convert_to_pdf(folder / name, target)
        out[name] = target
    return out


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def _words(pdf: Path) -> list[tuple[int, float, float, float, str]]:
    """(page, page width, xMin, xMax, text) of every word."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    ns = "{http://www.w3.org/1999/xhtml}"
    root = ElementTree.fromstring(html)
    words = []
    for number, page in enumerate(root.iter(f"{ns}page"), start=1):
        width = float(page.get("width"))
        for word in page.iter(f"{ns}word"):
            words.append((number, width, float(word.get("xMin")), float(word.get("xMax")), word.text or ""))
    return words


def _is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(n == h for h in it) for n in needles)


def _expected_numbers() -> list[str]:
    values = derive(FORM, REPORT.cells)
    return [format_value(values[g.cell_id]) for tid in ("proactive", "requests", "appeals")
            for g in FORM.tables[tid].grid if g.cell_id]


@pytest.mark.parametrize("name", ["inline.docx", "appendix.docx"])
def test_docx_pdf_has_title_headings_and_numbers_in_order(pdfs: dict[str, Path], name: str) -> None:
    text = _text(pdfs[name])
    flat = re.sub(r"\s+", "", text)
    assert "某某市人力资源和社会保障局2023年政府信息公开工作年度报告" in flat
    positions = [flat.index(section.heading) for section in FORM.sections]
    assert positions == sorted(positions)
    # labels short enough not to wrap inside their cell (wrapped cells interleave in pdftotext's lines)
    for g in FORM.tables["requests"].grid:
        if g.role == "label" and len(g.text) <= 14:
            assert g.text in flat, g.text
    tokens = re.findall(r"\d+(?:\.\d+)?", text)
    assert _is_subsequence(_expected_numbers(), tokens)
    assert re.search(r"—\s*1\s*—", text) and re.search(r"—\s*2\s*—", text)


@pytest.mark.parametrize("name", ["inline.docx", "appendix.docx"])
def test_docx_pdf_stays_inside_the_text_block(pdfs: dict[str, Path], name: str) -> None:
    words = _words(pdfs[name])
    assert words
    for page, width, x_min, x_max, text in words:
        assert x_min >= 28 * MM - 1, (page, text, x_min)
        assert x_max <= width - 26 * MM + 1, (page, text, x_max)
    # the tables' last column (总计) really reaches the right part of the text block
    right_most = max(x_max for *_, x_max, text in words if text.isdigit())
    assert right_most > words[0][1] - 26 * MM - 20 * MM


def test_xlsx_pdf_has_the_tables_in_order_and_fits_the_page(pdfs: dict[str, Path]) -> None:
    text = _text(pdfs["tables.xlsx"])
    flat = re.sub(r"\s+", "", text)
    assert "政府信息公开情况统计表（2023年度）" in flat
    assert "填报单位：某某市人力资源和社会保障局" in flat
    positions = [flat.index(s.heading) for s in FORM.sections if s.table]
    assert positions == sorted(positions)
    assert _is_subsequence(_expected_numbers(), re.findall(r"\d+(?:\.\d+)?", text))
    for page, width, _x_min, x_max, text_ in _words(pdfs["tables.xlsx"]):
        assert x_max <= width, (page, text_)
    # one page per table sheet: the width fits, so nothing spills onto extra pages
    pages = text.count("\f")
    assert pages == 4  # three tables and 校验结果
