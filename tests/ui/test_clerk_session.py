"""A new clerk's session, as found under Xvfb with real keys: what still went silently wrong.

Every key goes to the widget that has the focus in the real window; the draft is read back from disk.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from reportdesk.storage.draft import read_state
from reportdesk.ui.main_window import ReportWindow
from reportdesk.ui.meta_page import MetaPage
from reportdesk.ui.table_view import ReportTableView
from tests.ui.keys import (
    cells_on_disk,
    click_cell,
    commit_text,
    current_cell,
    expect_on_disk,
    focused,
    press,
    put_clipboard,
    table_page,
    type_text,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_block_pasted_into_an_open_cell_lands_on_the_grid(window: ReportWindow) -> None:
    """Ctrl+V while typing in a cell put "3⇥4⇥5↵6⇥7⇥8" into that one cell: Enter stored 1345678."""
    page = table_page(window, "requests")
    click_cell(page, "requests.received.natural")
    type_text("1")
    assert isinstance(focused(), QLineEdit)
    put_clipboard("3\t4\t5\r\n6\t7\t8\r\n")
    press(Qt.Key.Key_V, CTRL)
    assert focused() is page.view  # the editor gave way to the grid paste
    press(Qt.Key.Key_Return)
    expect_on_disk(window, {
        "requests.received.natural": 3, "requests.received.commercial": 4, "requests.received.research": 5,
        "requests.carried_over.natural": 6, "requests.carried_over.commercial": 7,
        "requests.carried_over.research": 8,
    })
    assert "已粘贴 6 个数字" in page.message.text()


def test_the_edit_menu_paste_in_an_open_cell_does_the_same(window: ReportWindow) -> None:
    page = table_page(window, "appeals")
    click_cell(page, "appeals.reconsideration.upheld")
    type_text("9")
    put_clipboard("1\t2\r\n")
    window.paste_action.trigger()
    QApplication.processEvents()
    expect_on_disk(window, {"appeals.reconsideration.upheld": 1, "appeals.reconsideration.corrected": 2})


def test_one_figure_pasted_into_an_open_cell_goes_into_its_text(window: ReportWindow) -> None:
    page = table_page(window, "requests")
    click_cell(page, "requests.received.natural")
    type_text("1")
    put_clipboard("23\r\n")  # one Excel cell: its text with a line end
    press(Qt.Key.Key_V, CTRL)
    editor = focused()
    assert isinstance(editor, QLineEdit) and editor.text() == "123"
    press(Qt.Key.Key_Return)
    expect_on_disk(window, {"requests.received.natural": 123})


def test_two_figures_in_one_cell_are_refused_not_run_together(window: ReportWindow) -> None:
    """"12 5" was stored as 125 (the parser drops inner spaces for "1 234")."""
    page = table_page(window, "requests")
    click_cell(page, "requests.received.natural")
    type_text("12 5")
    press(Qt.Key.Key_Return)
    editor = focused()
    assert isinstance(editor, QLineEdit) and editor.text() == "12 5"  # refused in place
    assert "中间有空格" in page.message.text()
    editor.clear()
    type_text("1 234")  # a thousands group is still a figure
    press(Qt.Key.Key_Return)
    expect_on_disk(window, {"requests.received.natural": 1234})


def test_a_pasted_cell_with_two_figures_is_rejected_and_named(window: ReportWindow) -> None:
    page = table_page(window, "requests")
    click_cell(page, "requests.received.natural")
    put_clipboard("7\t12 5\t3\r\n")
    press(Qt.Key.Key_V, CTRL)
    expect_on_disk(window, {"requests.received.natural": 7, "requests.received.research": 3})
    assert "拒绝 1 个" in page.message.text() and "12 5" in page.message.text()


def test_closing_the_window_mid_edit_keeps_the_figure(window: ReportWindow, qtbot) -> None:
    """Typed 7, closed the window without Enter: the 7 was lost and a traceback went to the log."""
    page = table_page(window, "requests")
    click_cell(page, "requests.received.natural")
    type_text("7")
    assert window.controller is not None
    path = window.controller.session.path
    window.close()
    QApplication.processEvents()
    assert read_state(path)[0].cells.get("requests.received.natural") == ("7", "typed")
    again = ReportWindow()
    qtbot.addWidget(again)
    again.show()
    assert again.open_draft(path)
    assert again.controller is not None and again.controller.values["requests.received.natural"] == 7
    again.close()


def test_changing_step_mid_edit_writes_the_figure(window: ReportWindow) -> None:
    page = table_page(window, "requests")
    click_cell(page, "requests.received.natural")
    type_text("8")
    press(Qt.Key.Key_PageDown, CTRL)  # 下一步
    assert window.workspace is not None and window.workspace.current_step() == "appeals"
    assert cells_on_disk(window).get("requests.received.natural") == "8"


def test_a_refused_figure_keeps_its_page_until_fixed_or_cancelled(window: ReportWindow) -> None:
    """"8a" then 下一步: the page changed and the text vanished; the only message was on the hidden page."""
    page = table_page(window, "requests")
    click_cell(page, "requests.received.natural")
    type_text("8a")
    press(Qt.Key.Key_PageDown, CTRL)
    workspace = window.workspace
    assert workspace is not None
    assert workspace.current_step() == "requests" and workspace.stack.currentWidget() is page
    editor = focused()
    assert isinstance(editor, QLineEdit) and editor.text() == "8a"
    assert "8a" in page.message.text() and "才能离开本页" in page.message.text()
    press(Qt.Key.Key_Escape)
    press(Qt.Key.Key_PageDown, CTRL)
    assert workspace.current_step() == "appeals"
    expect_on_disk(window, {})


def test_clicking_away_from_a_refused_figure_says_it_was_not_written(window: ReportWindow) -> None:
    page = table_page(window, "requests")
    click_cell(page, "requests.received.natural")
    type_text("8a")
    click_cell(page, "requests.received.commercial")
    assert current_cell(page) == "requests.received.commercial"
    assert "没有写入" in page.message.text() and "8a" in page.message.text()
    expect_on_disk(window, {})


def test_the_mouse_wheel_over_the_year_does_not_change_it(window: ReportWindow) -> None:
    """Scrolling 基本信息 with the wheel over 报告年度 changed the report's year on disk (2023 → 2022)."""
    assert window.workspace is not None
    window.workspace.go_to_step("meta")
    page = window.workspace.page("meta")
    assert isinstance(page, MetaPage)
    page.agency.setFocus()
    spin = page.year
    centre = QPointF(spin.rect().center())
    for _ in range(3):
        wheel = QWheelEvent(centre, QPointF(spin.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, -120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(spin, wheel)
    QApplication.processEvents()
    page.commit()
    assert spin.value() == 2023
    assert window.controller is not None and read_state(window.controller.session.path)[0].meta.get("year") == "2023"


def test_excel_accounting_zeros_paste_as_zero(window: ReportWindow) -> None:
    """Excel shows 0 as " - " in the accounting format; its HTML keeps the value (x:num="0")."""
    page = table_page(window, "appeals")
    click_cell(page, "appeals.reconsideration.upheld")
    cells = [("0", " - "), ("3", "3"), (None, "-")]  # a real 0, a figure, a typed dash (no value)
    tds = "".join(
        f'<td class=xl66 x:num="{v}"><span style=\'mso-spacerun:yes\'>&nbsp;&nbsp;&nbsp; </span>{t}</td>'
        if v is not None else f"<td class=xl67>{t}</td>"
        for v, t in cells
    )
    html = ('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><!--StartFragment-->'
            f"<table><tr height=19>{tds}</tr></table><!--EndFragment--></body></html>")
    put_clipboard("  -   \t3\t-\r\n", html)
    press(Qt.Key.Key_V, CTRL)
    assert isinstance(focused(), ReportTableView)
    expect_on_disk(window, {"appeals.reconsideration.upheld": 0, "appeals.reconsideration.corrected": 3})


def test_the_first_window_fits_the_screen(qtbot) -> None:
    """The first start opened 1400×860 on a 1366×768 screen: the findings pane and status bar were off it."""
    win = ReportWindow()
    qtbot.addWidget(win)
    area = (win.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    assert win.width() <= area.width() and win.height() <= area.height()
    win.close()



def test_one_copied_figure_pasted_on_a_selected_row_fills_it(window: ReportWindow) -> None:
    """Excel fills a selection with one copied cell; only the first cell of the row took the 0."""
    page = table_page(window, "requests")
    view = page.view
    row = page.model.index_of("requests.received.natural").row()
    label = page.model.index(row, 0)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(label).center())
    QApplication.processEvents()
    put_clipboard("0\r\n", "<table><tr><td x:num>0</td></tr></table>")
    press(Qt.Key.Key_V, CTRL)
    expect_on_disk(window, {f"requests.received.{c}": 0 for c in
                            ("natural", "commercial", "research", "public_interest", "legal_services", "other_org")})
    assert "已粘贴 6 个数字" in page.message.text()
    press(Qt.Key.Key_Z, CTRL)  # one step
    expect_on_disk(window, {})


def test_ctrl_n_opens_the_new_report_dialog(window: ReportWindow) -> None:
    """文件 › 新建报告 (Ctrl+N) crashed: Qt passed the action's checked=False as the previous report's path."""
    page = table_page(window, "requests")
    click_cell(page, "requests.received.natural")
    press(Qt.Key.Key_N, CTRL)
    dialog = window.new_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "新建报告" and dialog.previous is None
    commit_text("某县测试局")  # as the input method delivers it
    press(Qt.Key.Key_Return)
    assert window.controller is not None and window.controller.session.report.agency == "某县测试局"


def test_an_agency_pasted_from_word_into_the_new_report_dialog_is_cleaned(window: ReportWindow) -> None:
    """Word puts a cell mark (\x07) and zero-width spaces on the clipboard: the draft gets the name, no refusal."""
    press(Qt.Key.Key_N, CTRL)
    dialog = window.new_dialog
    assert dialog is not None and dialog.isVisible()
    mime = QMimeData()
    mime.setText("某县\u200b测试局\x07")
    QGuiApplication.clipboard().setMimeData(mime)
    dialog.agency.setFocus()
    press(Qt.Key.Key_V, CTRL)
    press(Qt.Key.Key_Return)
    assert window.controller is not None
    assert window.controller.session.report.agency == "某县测试局"
    assert read_state(window.controller.session.path)[0].meta["agency"] == "\"某县测试局\""  # on disk (JSON text)


def test_a_click_on_the_navigator_keeps_a_refused_figure(window: ReportWindow) -> None:
    """A click elsewhere closed the editor (Qt commits on focus-out) and the step changed: "8a" vanished."""
    page = table_page(window, "requests")
    click_cell(page, "requests.received.natural")
    type_text("8a")
    workspace = window.workspace
    assert workspace is not None
    navigator = workspace.navigator.list
    item = navigator.item(workspace.navigator.step_ids().index("appeals"))
    QTest.mouseClick(navigator.viewport(), Qt.MouseButton.LeftButton, pos=navigator.visualItemRect(item).center())
    QApplication.processEvents()
    assert workspace.stack.currentWidget() is page and workspace.navigator.current_step() == "requests"
    editor = focused()
    assert isinstance(editor, QLineEdit) and editor.text() == "8a"
    editor.selectAll()
    type_text("8")
    QTest.mouseClick(navigator.viewport(), Qt.MouseButton.LeftButton, pos=navigator.visualItemRect(item).center())
    QApplication.processEvents()
    assert workspace.current_step() == "appeals"
    expect_on_disk(window, {"requests.received.natural": 8})


def test_undo_of_another_page_waits_for_a_refused_figure(window: ReportWindow) -> None:
    """With "8a" kept open in 表四, 编辑 › 撤销 of a 表三 step would change 表三 out of sight."""
    requests = table_page(window, "requests")
    click_cell(requests, "requests.received.natural")
    type_text("5")
    press(Qt.Key.Key_Return)
    appeals = table_page(window, "appeals")
    click_cell(appeals, "appeals.reconsideration.upheld")
    type_text("8a")
    assert window.workspace is not None
    window.workspace.findings_panel.setFocus()  # the focus leaves the cell; "8a" stays in it
    QApplication.processEvents()
    window.undo_action.trigger()
    QApplication.processEvents()
    assert window.workspace.stack.currentWidget() is appeals
    assert "不是有效数字" in window.statusBar().currentMessage()
    expect_on_disk(window, {"requests.received.natural": 5})


def test_save_and_check_mid_edit_take_the_figure_being_typed(window: ReportWindow) -> None:
    """立即保存 (Ctrl+S) and 全部检查 (F5) while a figure is still in its editor left it out."""
    page = table_page(window, "requests")
    click_cell(page, "requests.received.natural")
    type_text("4")
    press(Qt.Key.Key_S, CTRL)
    assert window.controller is not None
    assert read_state(window.controller.session.path)[0].cells.get("requests.received.natural") == ("4", "typed")
    click_cell(page, "requests.received.commercial")
    type_text("6")
    press(Qt.Key.Key_F5)
    blank = next(f for f in window.controller.findings if f.rule == "blank" and "表三" in f.message)
    assert "requests.received.commercial" not in blank.cells
    expect_on_disk(window, {"requests.received.natural": 4, "requests.received.commercial": 6})


def test_a_pasted_total_that_the_parts_do_not_make_is_named(window: ReportWindow) -> None:
    """The source row said 总计 10 but its parts add up to 9: the 10 was skipped without a word."""
    page = table_page(window, "appeals")
    click_cell(page, "appeals.reconsideration.upheld")
    put_clipboard("2\t3\t4\t0\t10\r\n")  # 结果维持 … 尚未审结, 总计
    press(Qt.Key.Key_V, CTRL)
    expect_on_disk(window, {"appeals.reconsideration.upheld": 2, "appeals.reconsideration.corrected": 3,
                            "appeals.reconsideration.other": 4, "appeals.reconsideration.pending": 0})
    message = page.message.text()
    assert "合计与各项之和不符" in message and "粘贴的是 10" in message and "各项相加是 9" in message
    press(Qt.Key.Key_Z, CTRL)
    put_clipboard("2\t3\t4\t0\t9\r\n")  # a total that agrees says nothing more
    press(Qt.Key.Key_V, CTRL)
    assert "不符" not in page.message.text() and "跳过 1 个合计" in page.message.text()


def test_a_whole_consistent_sheet_reports_no_total_mismatch(window: ReportWindow) -> None:
    from tests.ui.clipboard_formats import excel_html, excel_sheet, excel_tsv, random_values

    assert window.controller is not None
    form = window.controller.form
    table = form.tables["requests"]
    values = random_values(form, table, seed=7)
    rows, merges = excel_sheet(form, table, values)
    page = table_page(window, "requests")
    click_cell(page, "requests.received.natural")
    put_clipboard(excel_tsv(rows), excel_html(rows, merges))
    press(Qt.Key.Key_V, CTRL)
    expect_on_disk(window, values)
    assert "跳过" in page.message.text() and "不符" not in page.message.text()


def test_the_sample_report_re_keyed_with_tab_lands_figure_for_figure(window: ReportWindow, sample_path: Path) -> None:
    """Every figure of the 2022 sample typed into a fresh draft with Tab only (a blank: Tab without typing)."""
    from reportdesk.core.catalog import get_form
    from reportdesk.core.interchange import read_json_file
    from reportdesk.core.numbers import format_value

    sample = read_json_file(sample_path, get_form)
    assert window.controller is not None
    form = window.controller.form
    expected = {cid: v for cid, v in sample.cells.items() if cid in form.cells and form.cells[cid].input}
    for step in ("proactive", "requests", "appeals"):
        page = table_page(window, step)
        positions = sorted((g.row, g.col, g.cell_id) for g in page.model.table.grid
                           if g.cell_id and not form.cells[g.cell_id].derived)
        press(Qt.Key.Key_Home, CTRL)
        for _row, _col, cid in positions:
            assert current_cell(page) == cid
            value = expected.get(cid)
            if value is not None:
                type_text(format_value(value))
            press(Qt.Key.Key_Tab)
    expect_on_disk(window, expected)
