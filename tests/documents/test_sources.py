"""Every source gives the cells, the text and the findings of the Word document it was made from.

The Word documents are typed by hand in clerks' layouts (tests/documents/corpus.py) and
converted by LibreOffice to PDF, HTML, .doc, .odt and .rtf once per session; each
converted file is read the way the user reads it (app/reading.read_file, the function
behind check, dump, new --from and the app) and compared cell by cell with the .docx.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportdesk.app.batch import check_imported, review_many
from reportdesk.app.reading import read_file
from reportdesk.core.catalog import get_form
from reportdesk.core.table_import import ImportResult
from reportdesk.documents.docx_reader import import_docx
from reportdesk.documents.xlsx_reader import import_xlsx
from tests.documents.corpus import CONVERTED_FORMATS, DOCX_STYLES

SOURCES = {"pdf": "PDF", "html": "网页", "doc": "Word 97-2003 文档（.doc）", "odt": "OpenDocument 文本（.odt）",
           "rtf": "RTF 文档（.rtf）"}


def _findings(result: ImportResult) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.rule, f.message, f.cells) for f in check_imported(result)]


def assert_same_report(got: ImportResult, truth: ImportResult) -> None:
    wrong = {c: (truth.report.cells.get(c), got.report.cells.get(c)) for c in get_form().cells
             if got.report.cells.get(c) != truth.report.cells.get(c)}
    assert wrong == {}, f"{len(wrong)} wrong cells"
    assert got.report.invalid == truth.report.invalid
    assert got.report.texts == truth.report.texts
    assert (got.report.agency, got.report.year) == (truth.report.agency, truth.report.year)
    assert got.summary.unmapped == truth.summary.unmapped
    assert sorted(got.summary.cells_missing) == sorted(truth.summary.cells_missing)
    assert _findings(got) == _findings(truth)


def _cases() -> list[object]:
    """Every style in every format; reading a .doc/.odt/.rtf starts LibreOffice (seconds), so
    beyond two styles those are marked slow."""
    cases: list[object] = []
    for name in DOCX_STYLES:
        for fmt in CONVERTED_FORMATS:
            heavy = fmt in ("doc", "odt", "rtf") and name not in ("word_like", "irregular")
            cases.append(pytest.param(name, fmt, marks=pytest.mark.slow if heavy else (), id=f"{name}-{fmt}"))
    return cases


@pytest.mark.parametrize(("name", "fmt"), _cases())
def test_source_reads_as_the_docx_it_was_made_from(corpus: dict[str, dict[str, Path]], name: str, fmt: str) -> None:
    truth = import_docx(corpus[name]["docx"])
    assert truth.summary.unmapped == [] and len(truth.summary.cells_read) > 150  # the .docx itself reads fully
    got = read_file(corpus[name][fmt])
    assert_same_report(got, truth)
    assert got.summary.source == SOURCES[fmt]
    lines = got.summary.lines()
    assert lines[0] == f"来源：{SOURCES[fmt]}"
    if fmt in ("doc", "odt", "rtf"):
        assert lines[1].startswith("转换：由 LibreOffice 从") and ".docx" in lines[1]
    assert any(line.startswith("表三（依申请公开）：读取") for line in lines)


def test_a_wps_file_is_read_through_libreoffice(corpus: dict[str, dict[str, Path]], tmp_path: Path) -> None:
    # WPS 文字 saves .wps in the Word 97-2003 binary format; LibreOffice recognises it by content.
    wps = tmp_path / "报告.wps"
    shutil.copyfile(corpus["word_like"]["doc"], wps)
    got = read_file(wps)
    assert_same_report(got, import_docx(corpus["word_like"]["docx"]))
    assert got.summary.source == "WPS 文字文档（.wps）"


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_old_and_open_workbooks_read_as_the_xlsx(workbooks: dict[str, dict[str, Path]], fmt: str) -> None:
    truth = import_xlsx(workbooks["tables"]["xlsx"])
    got = read_file(workbooks["tables"][fmt])
    assert got.report.cells == truth.report.cells and got.report.invalid == truth.report.invalid
    assert got.summary.unmapped == truth.summary.unmapped == []
    assert _findings(got) == _findings(truth)
    assert got.summary.converted.startswith("由 LibreOffice 从")


def test_the_batch_check_reads_every_source_in_worker_processes(corpus: dict[str, dict[str, Path]],
                                                                 tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from reportdesk.documents.batch_summary import write_summary

    files = [corpus["split_without_header"][fmt] for fmt in ("docx", *CONVERTED_FORMATS)]
    results = review_many(files, jobs=2)
    truth = check_imported(import_docx(files[0]))
    for result in results:
        assert result.readable, result.error
        assert [(f.rule, f.message) for f in result.findings] == [(f.rule, f.message) for f in truth]
    out = tmp_path / "汇总.xlsx"
    write_summary(results, out)
    rows = list(load_workbook(out)["报告汇总"].iter_rows(values_only=True))
    column = rows[0].index("来源")
    assert rows[0][column] == "来源"
    assert [r[column] for r in rows[1:]] == [
        "Word", "PDF", "网页", "Word 97-2003 文档（.doc）（经 LibreOffice 转换）",
        "OpenDocument 文本（.odt）（经 LibreOffice 转换）", "RTF 文档（.rtf）（经 LibreOffice 转换）"]
