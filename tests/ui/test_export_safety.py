"""Exporting a report with errors asks first, never overwrites silently, and marks the files as internal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from reportdesk.core.file_names import export_file_name
from reportdesk.ui.export_panel import ExportPanel, documents_folder
from reportdesk.ui.main_window import ReportWindow


def export_panel(window: ReportWindow) -> ExportPanel:
    assert window.workspace is not None
    window.workspace.go_to_step("export")
    panel = window.workspace.page("export").export_panel  # type: ignore[attr-defined]
    assert isinstance(panel, ExportPanel)
    return panel


def answer(panel: ExportPanel, label: str) -> None:
    box = panel.question_box
    assert isinstance(box, QMessageBox)
    button = next(b for b in box.buttons() if b.text() == label)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def docx_header(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    return "".join(p.text for p in document.sections[0].header.paragraphs)


def test_errors_ask_first_mark_internal_and_never_overwrite(qtbot, tmp_path: Path, window: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.controller is not None
    # 一 + 二 = 1 + 0 while （七）总计 already holds 5 + blanks: no value of the blanks balances it, an error
    window.controller.edit_cells({"requests.received.natural": 1, "requests.carried_over.natural": 0,
                                  "requests.granted.natural": 5})
    errors = sum(1 for f in window.controller.findings if f.is_error)
    assert errors > 0
    panel = export_panel(window)
    assert Path(panel.folder.text()) == documents_folder()  # not the hidden drafts folder
    panel.folder.setText(str(tmp_path))
    panel.word_box.setChecked(True)
    panel.excel_box.setChecked(True)
    panel.pdf_box.setChecked(False)
    QTest.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert panel.question_box is not None and f"{errors} 个错误" in panel.question_box.text()
    answer(panel, "取消")
    assert not list(tmp_path.iterdir()) and "已取消" in panel.result.text()

    QTest.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.sig_export_finished, timeout=60000) as blocker:
        answer(panel, "仍然导出（内部审阅稿）")
    written, error = blocker.args
    assert error == ""
    name = export_file_name("某市某某局", 2023, "")
    assert name == "某市某某局2023年政府信息公开工作年度报告"
    docx_path = tmp_path / f"{name}.docx"
    assert docx_path in written
    assert docx_header(docx_path) == f"内部审阅稿 — 尚有 {errors} 个错误"
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / f"{name}.xlsx")
    assert all(ws.oddHeader.center.text == f"内部审阅稿 — 尚有 {errors} 个错误" for ws in book.worksheets)
    first = docx_path.read_bytes()

    # the same export again: the existing files are named and kept unless the clerk says 覆盖
    QTest.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    answer(panel, "仍然导出（内部审阅稿）")
    assert panel.question_box is not None and f"{name}.docx" in panel.question_box.text()
    with qtbot.waitSignal(panel.sig_export_finished, timeout=60000) as blocker:
        answer(panel, "另存为新文件")
    assert sorted(p.name for p in blocker.args[0]) == [f"{name}-2.docx", f"{name}-2.xlsx"]
    assert docx_path.read_bytes() == first

    # corrected: a clean export has no internal header, and replaces only when told to
    window.controller.edit_cells({"requests.granted.natural": 0})  # the blanks could now balance it: a warning
    assert not [f for f in window.controller.findings if f.is_error]
    QTest.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.sig_export_finished, timeout=60000):
        answer(panel, "覆盖原文件")
    assert docx_header(docx_path) == ""


def test_export_choices_are_remembered(qtbot, tmp_path: Path, window: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.controller is not None
    panel = export_panel(window)
    panel.folder.setText(str(tmp_path))
    panel.word_box.setChecked(False)
    panel.excel_box.setChecked(True)
    panel.sign_box.setChecked(True)
    panel.appendix_box.setChecked(True)
    panel.fonts.setCurrentIndex(1)
    with qtbot.waitSignal(panel.sig_export_finished, timeout=60000):
        QTest.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)  # an empty report: no errors
    path = window.controller.session.path
    window.close_draft()
    assert window.open_draft(path)
    again = export_panel(window)
    assert Path(again.folder.text()) == tmp_path
    assert (again.word_box.isChecked(), again.excel_box.isChecked()) == (False, True)
    assert again.sign_box.isChecked() and again.appendix_box.isChecked()
    assert again.fonts.currentIndex() == 1
