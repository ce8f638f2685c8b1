"""Importing Word/Excel/JSON reports as new drafts, and last year's report in the real window."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reportdesk.app.session import Session, drafts_home
from reportdesk.core.catalog import get_form
from reportdesk.core.interchange import report_to_json
from reportdesk.core.numbers import format_value
from reportdesk.core.report import derive
from reportdesk.ui.import_summary import ImportSummaryDialog
from reportdesk.ui.main_window import ReportWindow
from reportdesk.ui.start_page import NewReportDialog
from reportdesk.ui.table_model import ORIGIN_ROLE, PREVIOUS_ROLE
from reportdesk.ui.table_page import TableSectionPage
from reportdesk.ui.text_page import TextSectionPage
from tests.documents.builders import write_docx, write_xlsx
from tests.factories import complete_report

FORM = get_form()
PARTS = [c.id for c in FORM.tables["requests"].columns]



def write_json(path: Path, report) -> Path:  # type: ignore[no-untyped-def]
    path.write_text(json.dumps(report_to_json(FORM, report), ensure_ascii=False), encoding="utf-8")
    return path


def wait_for_draft(qtbot, win: ReportWindow, agency: str) -> Session:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: win.controller is not None and win.controller.session.report.agency == agency,
                    timeout=60000)
    assert win.controller is not None
    return win.controller.session


def requests_page(win: ReportWindow) -> TableSectionPage:
    assert win.workspace is not None
    win.workspace.go_to_step("requests")
    page = win.workspace.page("requests")
    assert isinstance(page, TableSectionPage)
    return page


# --- 打开… imports a report as a new draft ------------------------------------------------------

def test_open_docx_imports_a_new_draft_with_its_summary(qtbot, bare: ReportWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = complete_report(seed=5, agency="甲县某局", year=2023)
    path = write_docx(tmp_path / "甲县 2023 年报.docx", report)
    assert bare.open_file(path)
    session = wait_for_draft(qtbot, bare, "甲县某局")
    first = Path(session.path)
    assert first == drafts_home() / "甲县某局-2023.rdesk"
    expected = derive(FORM, report.cells)
    values = session.values()
    assert all(values[c] == expected[c] for c in FORM.input_cells)
    assert session.origin("requests.received.natural") == "imported"
    assert session.report.texts["problems"] == report.texts["problems"]

    qtbot.waitUntil(lambda: isinstance(bare.summary_dialog, ImportSummaryDialog) and bare.summary_dialog.isVisible())
    dialog = bare.summary_dialog
    assert isinstance(dialog, ImportSummaryDialog)
    assert "甲县 2023 年报.docx" in dialog.heading.text()
    lines = dialog.lines()
    assert lines == session.import_notes
    assert lines[0] == "导入文件：甲县 2023 年报.docx"
    assert f"读取单元格 {len(FORM.cells)} 个，未找到 0 个。" in lines
    assert "来源：Word" in lines

    # the same file again: a second draft, the first one untouched
    before = first.read_bytes()
    assert bare.open_file(path)
    qtbot.waitUntil(lambda: bare.controller is not None and Path(bare.controller.session.path) != first,
                    timeout=60000)
    assert Path(bare.controller.session.path).name == "甲县某局-2023-2.rdesk"  # type: ignore[union-attr]
    assert first.read_bytes() == before

    # the summary is kept in the draft: 报告 › 导入说明 shows it again after reopening
    bare.close_draft()
    assert bare.open_draft(first)
    notes = bare.show_import_notes()
    assert isinstance(notes, ImportSummaryDialog)
    assert notes.lines() == lines
    assert "这份草稿导入时" in notes.heading.text()


def test_import_summary_names_what_could_not_be_read(qtbot, bare: ReportWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A workbook with the applications table only: the missing cells are counted and marked."""
    from openpyxl import load_workbook

    report = complete_report(seed=6, agency="乙县某局", year=2023)
    path = write_xlsx(tmp_path / "乙县.xlsx", report)
    workbook = load_workbook(path)
    del workbook[workbook.sheetnames[0]]  # the proactive table is not there
    workbook.save(path)
    assert bare.open_file(path)
    # a hand-made workbook has no title: the app asks whose report it is
    qtbot.waitUntil(lambda: isinstance(bare.new_dialog, NewReportDialog) and bare.new_dialog.isVisible(),
                    timeout=60000)
    dialog = bare.new_dialog
    assert isinstance(dialog, NewReportDialog)
    assert "没有找到单位名称" in dialog.error.text()
    assert not dialog.previous_button.isVisible()
    dialog.agency.setText("乙县某局")
    dialog.year.setValue(2023)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    session = wait_for_draft(qtbot, bare, "乙县某局")
    assert session.values()["requests.received.natural"] == derive(FORM, report.cells)["requests.received.natural"]
    assert session.values()["proactive.fees.amount"] is None
    missing = sum(1 for c in FORM.cells if c.startswith("proactive."))
    notes = session.import_notes
    assert any(line.startswith("读取单元格") and f"未找到 {missing} 个" in line for line in notes)
    assert any("没有“" in line and line.startswith("文件检查") for line in notes)
    summary = bare.summary_dialog
    assert isinstance(summary, ImportSummaryDialog)
    assert "需要核对" in summary.advice.text()


def test_unreadable_file_is_a_message_not_a_draft(qtbot, bare: ReportWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "坏文件.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    assert bare.open_file(path)
    qtbot.waitUntil(lambda: bare.last_message_box is not None and bare.last_message_box.isVisible(), timeout=60000)
    assert "坏文件.docx" in bare.last_message_box.text()  # type: ignore[union-attr]
    assert bare.controller is None
    assert not list(drafts_home().glob("*.rdesk"))
    qtbot.waitUntil(lambda: bare.import_task is None)
    # an unsupported type is refused at once
    assert not bare.open_file(tmp_path / "notes.txt")
    assert "不支持的文件类型" in bare.last_message_box.text()  # type: ignore[union-attr]


def _drop(win: ReportWindow, paths: list[Path]) -> tuple[bool, bool]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, enter)
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    if enter.isAccepted():
        QApplication.sendEvent(win, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dropping_a_json_report_on_the_start_page_imports_it(qtbot, bare: ReportWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = tmp_path / "readme.txt"
    text.write_text("not a report")
    assert _drop(bare, [text]) == (False, False)
    report = complete_report(seed=7, agency="丙县某局", year=2022)
    path = write_json(tmp_path / "丙县.json", report)
    assert _drop(bare, [path]) == (True, True)
    session = wait_for_draft(qtbot, bare, "丙县某局")
    assert session.report.year == 2022
    assert session.values()["requests.granted.natural"] == report.cells["requests.granted.natural"]
    assert session.import_notes[:2] == ["导入文件：丙县.json", "来源：JSON"]
    assert f"读取单元格 {len(FORM.input_cells)} 个" in session.import_notes[2]


# --- last year's report -------------------------------------------------------------------------

def test_new_from_last_years_word_report(qtbot, bare: ReportWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    last = complete_report(seed=3, agency="丁市某局", year=2022)
    path = write_docx(tmp_path / "2022年报.docx", last)
    dialog = bare.new_report(path)
    assert dialog.agency.text() == "丁市某局"
    assert dialog.year.value() == 2023
    assert "2022年报.docx" in dialog.previous_label.text()
    dialog.year.setValue(2022)  # last year's report must be older
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "应早于本年" in dialog.error.text()
    dialog.year.setValue(2023)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    session = wait_for_draft(qtbot, bare, "丁市某局")
    assert session.report.year == 2023
    assert session.previous is not None and session.previous.year == 2022
    last_values = derive(FORM, last.cells)
    for part in PARTS:  # the total column too, as the sum of what was carried
        cid = f"requests.carried_over.{part}"
        assert session.values()[cid] == last_values[f"requests.carried_forward.{part}"]
        assert session.origin(cid) == ("carried" if FORM.cells[cid].input else None)

    page = requests_page(bare)
    model = page.model
    carried = model.index_of("requests.carried_over.natural")
    received = model.index_of("requests.received.natural")
    assert carried.data(ORIGIN_ROLE) == "carried"
    assert carried.data(Qt.ItemDataRole.ForegroundRole).color() == QColor("#1d4ed8")
    assert received.data(Qt.ItemDataRole.ForegroundRole) is None
    assert received.data(PREVIOUS_ROLE) == format_value(last_values["requests.received.natural"])
    assert model.index_of("requests.received.total").data(PREVIOUS_ROLE) == \
        format_value(last_values["requests.received.total"])
    assert "灰色小字" in page.previous_legend.text() and page.previous_legend.isVisible()
    assert "从上年报告" in carried.data(Qt.ItemDataRole.ToolTipRole)

    # 显示上年数字 off: no figure in the cell, still in the tooltip
    assert bare.show_previous_action.isEnabled() and bare.show_previous_action.isChecked()
    bare.show_previous_action.trigger()
    assert received.data(PREVIOUS_ROLE) is None
    assert f"上年：{format_value(last_values['requests.received.natural'])}" in \
        received.data(Qt.ItemDataRole.ToolTipRole)
    assert "鼠标停在" in page.previous_legend.text()
    bare.show_previous_action.trigger()
    assert received.data(PREVIOUS_ROLE) is not None

    # the cross-year rule: a 上年结转 changed away from last year's 结转下年度 is a warning
    assert bare.controller is not None
    assert not [f for f in bare.controller.findings if f.rule == "carry_over"]
    with qtbot.waitSignal(bare.controller.sig_findings_changed):
        bare.controller.edit_cells({"requests.carried_over.natural": 40})
    assert session.origin("requests.carried_over.natural") == "typed"
    assert carried.data(Qt.ItemDataRole.ForegroundRole) is None
    assert [f for f in bare.controller.findings if f.rule == "carry_over" and "自然人" in f.message]

    # the draft keeps last year's report
    draft = Path(session.path)
    bare.close_draft()
    assert bare.open_draft(draft)
    assert bare.controller.session.previous is not None  # type: ignore[union-attr]
    assert bare.controller.session.previous.agency == "丁市某局"  # type: ignore[union-attr]


def test_set_previous_on_an_open_draft(qtbot, window: ReportWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.controller is not None and window.workspace is not None
    controller = window.controller
    assert not window.year_on_year_action.isEnabled()
    same_year = write_json(tmp_path / "same.json", complete_report(seed=2, year=2023))
    assert not window.set_previous_file(same_year)
    assert "应早于本年" in window.last_message_box.text()  # type: ignore[union-attr]
    assert controller.previous is None

    last = complete_report(seed=8, year=2022)
    last.cells["requests.received.natural"] = 10
    path = write_json(tmp_path / "2022.json", last)
    assert window.set_previous_file(path)
    assert window.year_on_year_action.isEnabled()
    forward = last.cells["requests.carried_forward.natural"]
    assert controller.values["requests.carried_over.natural"] == forward
    # carrying is one step that can be undone
    assert controller.undo_stack.text(controller.undo_stack.index() - 1).startswith("表三：从上年报告结转")
    controller.undo_stack.undo()
    assert controller.values["requests.carried_over.natural"] is None
    controller.undo_stack.redo()
    assert controller.session.origin("requests.carried_over.natural") == "carried"

    # section 五: last year's text beside the editor, read-only
    window.workspace.go_to_step("problems")
    page = window.workspace.page("problems")
    assert isinstance(page, TextSectionPage)
    assert page.previous_box is not None and page.previous_box.isVisible()
    assert page.previous_text is not None and page.previous_text.isReadOnly()
    assert page.previous_text.toPlainText() == last.texts["problems"]
    assert "2022" in page.previous_title.text()
    other = window.workspace.page("other")
    assert isinstance(other, TextSectionPage) and other.previous_box is None

    # 同比变化: a large swing is flagged, copied and shown in its table on double-click
    controller.edit_cells({"requests.received.natural": 40})
    dialog = window.show_year_on_year()
    assert dialog is not None and dialog.isVisible()
    by_cell = {c.cell: c for c in dialog.changes}
    swing = by_cell["requests.received.natural"]
    assert (swing.last, swing.this, swing.change, str(swing.percent), swing.large) == (10, 40, 30, "300.0", True)
    dialog.large_only.setChecked(True)
    assert "requests.received.natural" in dialog.row_cells()
    assert all(by_cell[c].large for c in dialog.row_cells())
    text = dialog.copy_large()
    assert "10 → 40（+30，+300.0%）" in text
    assert QGuiApplication.clipboard().text() == text
    row = dialog.row_cells().index("requests.received.natural")
    dialog.table.cellDoubleClicked.emit(row, 0)
    assert window.workspace.current_step() == "requests"
    # the dialog follows the figures
    controller.edit_cells({"requests.received.natural": 11})
    assert "requests.received.natural" not in dialog.row_cells()

    # removed again: nothing of last year remains visible
    window.clear_previous()
    assert controller.previous is None and window.controller.session.previous is None
    assert not page.previous_box.isVisible()
    assert not window.year_on_year_action.isEnabled()
    assert requests_page(window).model.index_of("requests.received.natural").data(PREVIOUS_ROLE) is None


def test_a_second_file_can_be_opened_as_soon_as_the_first_import_is_shown(
        qtbot, bare: ReportWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The import's thread ends a moment after its result is handled; a file opened in that moment is
    imported, not refused as "another import is running"."""
    import time

    from reportdesk.ui.background import BackgroundCall

    run = BackgroundCall.run

    def slow_to_end(self: BackgroundCall) -> None:
        run(self)
        time.sleep(1.0)  # the result is delivered; the thread is still ending

    monkeypatch.setattr(BackgroundCall, "run", slow_to_end)
    first = write_docx(tmp_path / "甲县 2023 年报.docx", complete_report(seed=5, agency="甲县某局", year=2023))
    second = write_docx(tmp_path / "乙县 2023 年报.docx", complete_report(seed=6, agency="乙县某局", year=2023))
    assert bare.open_file(first)
    wait_for_draft(qtbot, bare, "甲县某局")
    assert bare.open_file(second)
    session = wait_for_draft(qtbot, bare, "乙县某局")
    assert Path(session.path) == drafts_home() / "乙县某局-2023.rdesk"
    qtbot.waitUntil(lambda: not bare._import_threads, timeout=10000)
