"""Keyboard entry as in Excel: Tab/Enter/arrows move between input cells, typing always lands, focus stays.

Every key goes to the widget that has the focus in the real window; the draft is read back from disk.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from reportdesk.ui.main_window import ReportWindow
from reportdesk.ui.table_view import ReportTableView
from tests.ui.keys import click_cell, commit_text, current_cell, expect_on_disk, focused, press, table_page, type_text

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def test_tab_without_editing_stays_in_the_grid_and_typing_lands(window: ReportWindow) -> None:
    page = table_page(window, "appeals")
    click_cell(page, "appeals.reconsideration.upheld")
    assert isinstance(focused(), ReportTableView)
    press(Qt.Key.Key_Tab)  # no edit in progress
    assert focused() is page.view
    assert current_cell(page) == "appeals.reconsideration.corrected"
    type_text("5")
    assert isinstance(focused(), QLineEdit)
    press(Qt.Key.Key_Tab)
    # "0 Tab" across the whole row: the grey 总计 cells are skipped, every figure lands
    type_text("0")
    press(Qt.Key.Key_Tab)
    type_text("1")
    press(Qt.Key.Key_Tab)
    assert current_cell(page) == "appeals.litigation_direct.upheld"  # 总计 skipped
    for digit in "2345":
        type_text(digit)
        press(Qt.Key.Key_Tab)
    assert current_cell(page) == "appeals.litigation_after.upheld"
    type_text("6")
    press(Qt.Key.Key_Return)
    assert focused() is page.view
    expect_on_disk(window, {
        "appeals.reconsideration.corrected": 5, "appeals.reconsideration.other": 0,
        "appeals.reconsideration.pending": 1, "appeals.litigation_direct.upheld": 2,
        "appeals.litigation_direct.corrected": 3, "appeals.litigation_direct.other": 4,
        "appeals.litigation_direct.pending": 5, "appeals.litigation_after.upheld": 6,
    })


def test_shift_tab_and_shift_enter_go_back(window: ReportWindow) -> None:
    page = table_page(window, "requests")
    click_cell(page, "requests.granted.commercial")
    press(Qt.Key.Key_Backtab, SHIFT)
    assert current_cell(page) == "requests.granted.natural"
    press(Qt.Key.Key_Backtab, SHIFT)  # wraps to the previous row's last input (总计 skipped)
    assert current_cell(page) == "requests.carried_over.other_org"
    press(Qt.Key.Key_Return, SHIFT)
    assert current_cell(page) == "requests.received.other_org"
    type_text("7")
    press(Qt.Key.Key_Return, SHIFT)  # commits, and stays on the first row (nothing above)
    assert focused() is page.view
    expect_on_disk(window, {"requests.received.other_org": 7})


def test_tab_tab_enter_returns_to_the_starting_column(window: ReportWindow) -> None:
    page = table_page(window, "requests")
    click_cell(page, "requests.received.commercial")
    for digit in "123":
        type_text(digit)
        press(Qt.Key.Key_Tab)
    type_text("4")
    press(Qt.Key.Key_Return)
    assert current_cell(page) == "requests.carried_over.commercial"
    type_text("9")
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)  # Tab without editing also counts
    press(Qt.Key.Key_Return)
    assert current_cell(page) == "requests.granted.commercial"
    press(Qt.Key.Key_Right)  # any other move forgets the starting column
    press(Qt.Key.Key_Return)
    assert current_cell(page) == "requests.partly_granted.research"
    expect_on_disk(window, {
        "requests.received.commercial": 1, "requests.received.research": 2,
        "requests.received.public_interest": 3, "requests.received.legal_services": 4,
        "requests.carried_over.commercial": 9,
    })


def test_arrows_skip_header_rows_of_table_two(window: ReportWindow) -> None:
    page = table_page(window, "proactive")
    click_cell(page, "proactive.licensing.decisions")
    type_text("65")
    press(Qt.Key.Key_Down)  # commits; the heading rows "第二十条第（六）项 / 本年处理决定数量" are skipped
    assert current_cell(page) == "proactive.penalties.decisions"
    type_text("3")
    press(Qt.Key.Key_Return)
    assert current_cell(page) == "proactive.enforcement.decisions"
    press(Qt.Key.Key_Up)
    press(Qt.Key.Key_Up)
    assert current_cell(page) == "proactive.licensing.decisions"
    press(Qt.Key.Key_Up)  # up again: over the heading rows to 行政规范性文件
    assert current_cell(page) in {"proactive.normative_documents.issued"}
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Down)
    assert current_cell(page) == "proactive.penalties.decisions"
    expect_on_disk(window, {"proactive.licensing.decisions": 65, "proactive.penalties.decisions": 3})


def test_ctrl_home_end_and_home_land_on_input_cells(window: ReportWindow) -> None:
    page = table_page(window, "requests")
    click_cell(page, "requests.refused_security.research")
    press(Qt.Key.Key_Home, CTRL)
    assert current_cell(page) == "requests.received.natural"
    assert page.view.selectionModel().isSelected(page.view.currentIndex())
    press(Qt.Key.Key_End, CTRL)
    assert current_cell(page) == "requests.carried_forward.other_org"  # the last input (总计 is computed)
    press(Qt.Key.Key_Home)
    assert current_cell(page) == "requests.carried_forward.natural"
    press(Qt.Key.Key_Left)  # nothing to the left but labels: stays
    assert current_cell(page) == "requests.carried_forward.natural"


def test_typing_on_a_total_or_label_says_so(window: ReportWindow) -> None:
    page = table_page(window, "requests")
    click_cell(page, "requests.received.total")  # a total can be looked at, not typed into
    assert current_cell(page) == "requests.received.total"
    messages: list[str] = []
    page.view.sig_message.connect(messages.append)
    type_text("5")
    assert messages and "自动计算" in messages[-1]
    assert page.message.text() == messages[-1]
    assert focused() is page.view
    expect_on_disk(window, {})


def test_clicking_a_row_label_selects_its_row(window: ReportWindow) -> None:
    page = table_page(window, "requests")
    view = page.view
    label = page.model.index(3, 0)  # 一、本年新收政府信息申请数量
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(label).center())
    QApplication.processEvents()
    selected = {page.model.cell_id(i) for i in view.selectionModel().selectedIndexes()}
    assert selected == {f"requests.received.{c}" for c in
                        ("natural", "commercial", "research", "public_interest", "legal_services", "other_org")}
    assert current_cell(page) == "requests.received.natural"
    type_text("4")  # typing lands in the row's first cell
    press(Qt.Key.Key_Return)
    expect_on_disk(window, {"requests.received.natural": 4})


def test_the_end_of_the_table_is_said(window: ReportWindow) -> None:
    page = table_page(window, "appeals")
    click_cell(page, "appeals.litigation_after.pending")
    messages: list[str] = []
    page.view.sig_message.connect(messages.append)
    press(Qt.Key.Key_Tab)
    assert current_cell(page) == "appeals.litigation_after.pending"
    assert messages and "最后" in messages[-1]
    assert focused() is page.view


def test_chinese_input_method_and_full_width_digits_start_editing(window: ReportWindow) -> None:
    page = table_page(window, "requests")
    click_cell(page, "requests.received.natural")
    commit_text("１２")  # what a Chinese input method in full-width mode delivers
    assert isinstance(focused(), QLineEdit)
    press(Qt.Key.Key_Return)
    expect_on_disk(window, {"requests.received.natural": 12})


def test_the_fill_button_leaves_the_focus_in_the_grid(window: ReportWindow) -> None:
    page = table_page(window, "appeals")
    click_cell(page, "appeals.litigation_direct.other")
    QTest.mouseClick(page.fill_button, Qt.MouseButton.LeftButton)
    assert focused() is page.view
    type_text("3")
    press(Qt.Key.Key_Return)
    values = {f"appeals.{r}.{c}": 0 for r in ("reconsideration", "litigation_direct", "litigation_after")
              for c in ("upheld", "corrected", "other", "pending")}
    values["appeals.litigation_direct.other"] = 3
    expect_on_disk(window, values)
