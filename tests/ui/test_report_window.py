"""The real window on a real draft: typing, totals, the balance strip, findings, paste, undo, reopen."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from reportdesk.app.session import Session
from reportdesk.ui.main_window import ReportWindow
from reportdesk.ui.steps import StepState
from reportdesk.ui.table_page import TableSectionPage

REPO = Path(__file__).resolve().parents[2]


def requests_page(window: ReportWindow) -> TableSectionPage:
    assert window.workspace is not None
    window.workspace.go_to_step("requests")
    page = window.workspace.page("requests")
    assert isinstance(page, TableSectionPage)
    return page


def type_into(qtbot, page: TableSectionPage, cell_id: str, text: str) -> QLineEdit:  # type: ignore[no-untyped-def]
    """Select the cell, type as a clerk would (the first key opens the editor), return the editor."""
    view = page.view
    view.setCurrentIndex(page.model.index_of(cell_id))
    view.setFocus()
    qtbot.keyClick(view, text[0])
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    if len(text) > 1:
        qtbot.keyClicks(editor, text[1:])
    return editor


def test_typing_updates_totals_balance_strip_and_findings(qtbot, window: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    page = requests_page(window)
    assert window.controller is not None
    editor = type_into(qtbot, page, "requests.received.natural", "12")
    with qtbot.waitSignal(window.controller.sig_findings_changed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.controller.session.values()["requests.received.natural"] == 12
    total = page.model.index_of("requests.received.total")
    assert total.data() == "12"
    assert not page.model.flags(total) & Qt.ItemFlag.ItemIsEditable
    # Enter moved the cursor down to 二、上年结转
    assert page.model.cell_id(page.view.currentIndex()) == "requests.carried_over.natural"
    assert page.balance is not None
    left, right, diff = page.balance.cells["natural"]
    # a blank is not 0: 二 and the right-hand side are blank, any figures there could balance it
    assert (left.text(), right.text(), diff.text()) == ("12 + 空", "空", "有空白")
    assert not [f for f in window.controller.findings if f.rule == "balance"]

    editor = type_into(qtbot, page, "requests.carried_over.natural", "0")
    with qtbot.waitSignal(window.controller.sig_findings_changed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert (left.text(), right.text(), diff.text()) == ("12", "空", "空白应为 12")
    balance = [f for f in window.controller.findings if f.rule == "balance" and "自然人" in f.message]
    assert [f.severity for f in balance] == ["warning"]
    assert "这 2 格之和应为 12" in balance[0].message

    # 四 alone already exceeds 一 + 二: an error whatever （七）总计 holds
    editor = type_into(qtbot, page, "requests.carried_forward.natural", "15")
    with qtbot.waitSignal(window.controller.sig_findings_changed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert (left.text(), right.text(), diff.text()) == ("12", "15 + 空", "-3")
    balance = [f for f in window.controller.findings if f.rule == "balance" and "自然人" in f.message]
    assert [f.severity for f in balance] == ["error"] and "多 3" in balance[0].message
    shown = [window.workspace.findings_panel.list.item(i).text()  # type: ignore[union-attr]
             for i in range(window.workspace.findings_panel.list.count())]  # type: ignore[union-attr]
    assert balance[0].message in shown
    tip = page.model.index_of("requests.received.natural").data(Qt.ItemDataRole.ToolTipRole)
    assert tip.count("多 3") == 1
    assert window.workspace.navigator.state("requests") is StepState.ERRORS  # type: ignore[union-attr]

    # fill the right-hand side: the balance holds and the error goes away
    editor = type_into(qtbot, page, "requests.granted.natural", "10")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    editor = type_into(qtbot, page, "requests.carried_forward.natural", "2")
    with qtbot.waitSignal(window.controller.sig_findings_changed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    # equal so far, but （七）总计 10 still has blank result rows: they must be 0, no tick yet
    assert diff.text() == "空白应为 0"
    assert right.text() == "12 + 空"
    assert not [f for f in window.controller.findings if f.rule == "balance" and "自然人" in f.message]
    assert page.model.index_of("requests.handled_total.natural").data() == "10"


def test_the_strip_ticks_only_a_column_without_blanks(qtbot, window: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    page = requests_page(window)
    assert window.controller is not None and page.balance is not None
    left, right, diff = page.balance.cells["research"]
    editor = type_into(qtbot, page, "requests.received.research", "0")
    with qtbot.waitSignal(window.controller.sig_findings_changed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    # "0 + 空" against a blank side: nothing is known yet, so no "0 ✓"
    assert (left.text(), right.text(), diff.text()) == ("0 + 空", "空", "有空白")
    with qtbot.waitSignal(window.controller.sig_findings_changed):
        page.fill_blanks()
    assert diff.text() == "0 ✓"
    from reportdesk.app.reading import read_report

    saved = read_report(window.controller.session.path)  # read from disk while the window keeps it open
    assert saved.cells["requests.received.research"] == 0 and saved.cells["requests.granted.research"] == 0


def test_blank_and_zero_look_different(window: ReportWindow) -> None:
    page = requests_page(window)
    assert window.controller is not None
    window.controller.edit_cells({"requests.received.natural": 0})
    zero = page.model.index_of("requests.received.natural")
    blank = page.model.index_of("requests.received.commercial")
    assert zero.data() == "0" and blank.data() == ""
    assert zero.data(Qt.ItemDataRole.BackgroundRole) != blank.data(Qt.ItemDataRole.BackgroundRole)
    assert "空白" in blank.data(Qt.ItemDataRole.ToolTipRole)


def test_invalid_input_is_refused_in_place(qtbot, window: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    page = requests_page(window)
    editor = type_into(qtbot, page, "requests.received.natural", "1.5")
    with qtbot.waitSignal(page.view.sig_message) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "不是整数" in blocker.args[0]
    assert QApplication.focusWidget() is editor  # still editing, nothing written
    assert "c0392b" in editor.styleSheet()
    assert page.message.text() == blocker.args[0]
    assert window.controller is not None
    assert window.controller.session.values()["requests.received.natural"] is None
    editor.setText("１,２００")  # full-width digits and a thousands separator are fine
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.controller.session.values()["requests.received.natural"] == 1200


def test_row_labels_explain_the_category(window: ReportWindow) -> None:
    page = requests_page(window)
    model = page.model
    tips = [model.index(r, c).data(Qt.ItemDataRole.ToolTipRole) or ""
            for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert any("5.属于三类内部事务信息" in t and "人事管理" in t for t in tips)


def test_paste_block_reports_accepted_converted_and_rejected(window: ReportWindow) -> None:
    page = requests_page(window)
    assert window.controller is not None
    page.view.setCurrentIndex(page.model.index_of("requests.received.natural"))
    QGuiApplication.clipboard().setText("5\t１,２００\tabc\n3\t7\t/\n")
    plan = page.view.paste_clipboard()
    assert plan is not None
    values = window.controller.session.values()
    assert values["requests.received.natural"] == 5
    assert values["requests.received.commercial"] == 1200
    assert values["requests.received.research"] is None
    assert values["requests.carried_over.natural"] == 3
    assert values["requests.carried_over.commercial"] == 7
    assert values["requests.received.total"] == 1205
    assert len(plan.accepted) == 3 and len(plan.converted) == 2 and len(plan.rejected) == 1
    assert plan.rejected[0].raw == "abc"
    assert "拒绝 1 个" in page.message.text() and "不是数字" in page.message.text()
    assert window.controller.session.origin("requests.received.natural") == "pasted"
    # pasting over the total column: the derived cell is skipped, never written
    page.view.setCurrentIndex(page.model.index_of("requests.granted.other_org"))
    plan = page.view.paste_text("4\t99\n")
    assert plan.skipped == 1
    assert window.controller.session.values()["requests.granted.total"] == 4
    # one paste is one undo step
    window.undo_action.trigger()
    assert window.controller.session.values()["requests.granted.other_org"] is None
    window.undo_action.trigger()
    assert window.controller.session.values()["requests.received.natural"] is None
    assert window.controller.session.values()["requests.carried_over.commercial"] is None


def test_copy_gives_tab_separated_text(window: ReportWindow) -> None:
    page = requests_page(window)
    assert window.controller is not None
    window.controller.edit_cells({"requests.received.natural": 5, "requests.received.commercial": 6})
    first = page.model.index_of("requests.received.natural")
    last = page.model.index_of("requests.received.total")
    page.view.selectionModel().select(QItemSelection(first, last), QItemSelectionModel.SelectionFlag.Select)
    text = page.view.copy_selection()
    assert text == "5\t6\t\t\t\t\t11\n"
    assert QGuiApplication.clipboard().text() == text


def test_delete_clears_and_fill_blanks_with_zero(qtbot, window: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None and window.controller is not None
    window.workspace.go_to_step("appeals")
    page = window.workspace.page("appeals")
    assert isinstance(page, TableSectionPage)
    window.controller.edit_cells({"appeals.reconsideration.upheld": 3})
    page.view.setCurrentIndex(page.model.index_of("appeals.reconsideration.upheld"))
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert window.controller.session.values()["appeals.reconsideration.upheld"] is None
    assert page.fill_blanks() == 12
    values = window.controller.session.values()
    rows = ("reconsideration", "litigation_direct", "litigation_after")
    columns = ("upheld", "corrected", "other", "pending")
    assert all(values[f"appeals.{r}.{c}"] == 0 for r in rows for c in columns)
    assert values["appeals.litigation_after.total"] == 0
    assert not [f for f in window.controller.findings if f.rule == "blank" and f.section == "appeals"]
    window.undo_action.trigger()
    assert window.controller.session.values()["appeals.reconsideration.corrected"] is None


def test_undo_redo_survive_switching_sections(qtbot, window: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    page = requests_page(window)
    assert window.controller is not None and window.workspace is not None
    editor = type_into(qtbot, page, "requests.received.natural", "8")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    window.workspace.go_to_step("proactive")
    window.controller.edit_cells({"proactive.fees.amount": Decimal("1.25")})
    window.workspace.go_to_step("overview")
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert window.controller.session.values()["proactive.fees.amount"] is None
    window.undo_action.trigger()
    assert window.controller.session.values()["requests.received.natural"] is None
    assert page.model.index_of("requests.received.total").data() == ""
    window.redo_action.trigger()
    assert window.controller.session.values()["requests.received.natural"] == 8
    assert page.model.index_of("requests.received.total").data() == "8"


def test_clicking_a_finding_selects_every_cell_involved(qtbot, window: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.controller is not None and window.workspace is not None
    window.controller.edit_cells({"requests.received.research": 4, "requests.carried_over.research": 0,
                                  "requests.carried_forward.research": 5})
    window.workspace.go_to_step("overview")
    panel = window.workspace.findings_panel
    row = next(i for i in range(panel.list.count()) if panel.list.item(i).text().startswith("表三“科研机构”列"))
    item = panel.list.item(row)
    panel.list.scrollToItem(item)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.workspace.current_step() == "requests"
    page = window.workspace.page("requests")
    assert isinstance(page, TableSectionPage)
    selected = {page.model.cell_id(i) for i in page.view.selectionModel().selectedIndexes()}
    assert selected == {"requests.received.research", "requests.carried_over.research",
                        "requests.handled_total.research", "requests.carried_forward.research"}
    tint = page.model.index_of("requests.carried_over.research").data(Qt.ItemDataRole.BackgroundRole)
    assert tint.color().name() == "#fbd5d5"


def test_check_all_with_f5(qtbot, window: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    with qtbot.waitSignal(window.workspace.sig_message) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert blocker.args[0].startswith("全部检查完成")
    assert window.check_action.shortcut().toString() == "F5"


def test_close_and_reopen_finds_everything(qtbot, window: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.controller is not None and window.workspace is not None
    path = window.controller.session.path
    page = requests_page(window)
    editor = type_into(qtbot, page, "requests.received.natural", "21")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    window.workspace.go_to_step("overview")
    overview = window.workspace.page("overview")
    overview.insert_scaffold()  # type: ignore[attr-defined]
    # Chinese arrives from the input method as committed text, not as key presses
    overview.editor.insertPlainText("本年度主动公开信息 120 条。")  # type: ignore[attr-defined]
    with qtbot.waitSignal(window.controller.sig_saved, timeout=3000):
        pass  # the autosave timer writes the text within a second
    assert window.saved_label.text().startswith("已保存 ")
    window.workspace.go_to_step("meta")
    meta = window.workspace.page("meta")
    meta.fields["phone"].setText("0577-12345678")  # type: ignore[attr-defined]
    window.close()  # no question asked; the lock is released

    again = ReportWindow()
    qtbot.addWidget(again)
    assert again.last_draft() == path
    assert again.open_draft(path)
    assert again.controller is not None
    session = again.controller.session
    assert session.values()["requests.received.natural"] == 21
    assert session.values()["requests.received.total"] == 21
    assert "（一）主动公开" in session.report.texts["overview"]
    assert "本年度主动公开信息 120 条。" in session.report.texts["overview"]
    assert session.report.meta["phone"] == "0577-12345678"
    again.close()


def test_a_draft_open_elsewhere_is_reported(qtbot, window: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.controller is not None
    other = ReportWindow()
    qtbot.addWidget(other)
    assert not other.open_draft(window.controller.session.path)
    assert other.controller is None
    assert other.last_message_box is not None
    assert other.last_message_box.windowTitle() == "草稿已在使用中"
    other.close()


def test_save_as_continues_on_the_new_file(tmp_path: Path, window: ReportWindow) -> None:
    assert window.controller is not None
    window.controller.edit_cells({"requests.received.natural": 2})
    assert window.save_as(tmp_path / "副本")
    assert window.controller.session.path == tmp_path / "副本.rdesk"
    window.controller.edit_cells({"requests.received.natural": 3})
    window.close_draft()
    with Session.open(tmp_path / "副本.rdesk") as session:
        assert session.values()["requests.received.natural"] == 3


def test_open_sample_creates_a_draft(window: ReportWindow) -> None:
    window.close_draft()
    assert window.open_sample()
    assert window.controller is not None
    assert window.controller.session.report.year == 2022
    assert window.controller.session.path.suffix == ".rdesk"
    assert any(v is not None for v in window.controller.session.values().values())
    window.close_draft()
    rows = window.start_page.recent.rowCount()
    assert rows == 2  # the empty draft of the fixture and the sample


def test_app_exits_when_ready_without_office_libraries(tmp_path: Path) -> None:
    code = (
        "import sys, os\n"
        "from reportdesk.ui.app import run\n"
        "rc = run()\n"
        "print('office' if {'docx', 'openpyxl'} & set(sys.modules) else 'clean', rc)\n"
    )
    env = {**os.environ, "REPORTDESK_EXIT_WHEN_READY": "1", "QT_QPA_PLATFORM": "offscreen",
           "REPORTDESK_HOME": str(tmp_path), "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["clean", "0"]


def test_export_from_the_app(qtbot, tmp_path: Path, window: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None and window.controller is not None
    window.controller.edit_cells({"requests.received.natural": 7, "requests.granted.natural": 7})
    window.workspace.go_to_step("export")
    page = window.workspace.page("export")
    panel = page.export_panel  # type: ignore[attr-defined]
    assert "错误" in page.verdict.text()  # type: ignore[attr-defined]
    panel.folder.setText(str(tmp_path))
    panel.word_box.setChecked(True)
    panel.excel_box.setChecked(True)
    panel.pdf_box.setChecked(False)
    with qtbot.waitSignal(panel.sig_export_finished, timeout=60000) as blocker:
        assert panel.start_export()
    written, error = blocker.args
    assert error == ""
    assert sorted(p.suffix for p in written) == [".docx", ".xlsx"]
    assert panel.open_folder_button.isVisibleTo(panel)
    import docx
    import openpyxl

    document = docx.Document(str(next(p for p in written if p.suffix == ".docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "某市某某局" in text
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert "7" in cells
    book = openpyxl.load_workbook(next(p for p in written if p.suffix == ".xlsx"))
    assert any(c.value == 7 for ws in book.worksheets for row in ws.iter_rows() for c in row)
