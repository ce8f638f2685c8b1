"""The app reads PDF reports and published web pages like Word ones: 打开…, drag and drop, 基于上年报告新建."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from reportdesk.core.catalog import get_form
from reportdesk.core.report import derive
from reportdesk.ui.import_summary import ImportSummaryDialog
from reportdesk.ui.main_window import ReportWindow
from tests.documents.builders import Style, write_docx
from tests.documents.corpus import convert_all, soffice
from tests.documents.web_pages import trs_page
from tests.factories import complete_report
from tests.ui.test_import_and_previous import _drop, wait_for_draft

FORM = get_form()



def test_the_dialogs_offer_every_source(bare: ReportWindow) -> None:
    patterns = bare._report_filter()
    for suffix in ("*.rdesk", "*.docx", "*.pdf", "*.html", "*.mhtml", "*.doc", "*.wps", "*.xls", "*.et", "*.json"):
        assert suffix in patterns.split(";;")[0]
    assert any(f.startswith("PDF 报告") for f in patterns.split(";;"))


def test_dropping_a_pdf_report_imports_it_with_its_summary(qtbot, bare: ReportWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    report = complete_report(seed=41, agency="戊县某局", year=2023)
    word = write_docx(tmp_path / "戊县年报.docx", report, Style(word_like=True))
    convert_all([word], "pdf", tmp_path)
    assert _drop(bare, [tmp_path / "戊县年报.pdf"]) == (True, True)
    session = wait_for_draft(qtbot, bare, "戊县某局")
    truth = derive(FORM, report.cells)
    assert {c: session.values()[c] for c in FORM.input_cells} == {c: truth[c] for c in FORM.input_cells}
    assert session.report.texts["problems"] == report.texts["problems"]
    qtbot.waitUntil(lambda: isinstance(bare.summary_dialog, ImportSummaryDialog) and bare.summary_dialog.isVisible())
    lines = bare.summary_dialog.lines()  # type: ignore[union-attr]
    assert lines[:2] == ["导入文件：戊县年报.pdf", "来源：PDF"]
    assert "表三（依申请公开）：读取 175 格，全部读到。" in lines


def test_a_published_page_as_last_years_report(qtbot, bare: ReportWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    last = complete_report(seed=42, agency="己市某局", year=2022)
    page = tmp_path / "2022年报.html"
    page.write_text(trs_page(last), encoding="utf-8")
    dialog = bare.new_report(page)
    assert dialog.agency.text() == "己市某局" and dialog.year.value() == 2023
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    session = wait_for_draft(qtbot, bare, "己市某局")
    carried = derive(FORM, last.cells)
    assert session.values()["requests.carried_over.natural"] == carried["requests.carried_forward.natural"]


def test_an_old_word_file_without_libreoffice_says_what_to_do(qtbot, bare: ReportWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTDESK_SOFFICE", str(tmp_path / "no-such-soffice"))
    path = tmp_path / "旧报告.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    assert bare.open_file(path)
    qtbot.waitUntil(lambda: bare.last_message_box is not None and bare.last_message_box.isVisible(), timeout=60000)
    text = bare.last_message_box.text()  # type: ignore[union-attr]
    assert "请在 Word 或 WPS 中另存为 .docx 后再打开" in text and "LibreOffice" in text
    assert bare.controller is None
