"""Paste with Ctrl+V into the real window, the clipboard written in the exact formats of Excel/WPS/Word/browsers.

Each scenario puts QMimeData on the clipboard, presses Ctrl+V on the focused grid and reads the
draft back from disk.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reportdesk.core.numbers import Value
from reportdesk.ui.main_window import ReportWindow
from tests.ui.clipboard_formats import excel_html, excel_sheet, excel_tsv, random_values, word_html
from tests.ui.keys import click_cell, expect_on_disk, focused, press, put_clipboard, table_page

CTRL = Qt.KeyboardModifier.ControlModifier


def inputs_of(window: ReportWindow, table: str, values: dict[str, Value]) -> dict[str, Value]:
    assert window.controller is not None
    form = window.controller.form
    return {cid: v for cid, v in values.items() if form.cells[cid].table == table and form.cells[cid].input}


@pytest.mark.parametrize("flavour", ["excel-text", "excel-html", "word-html"])
@pytest.mark.parametrize("start", ["requests.received.natural", "requests.other_other.research",
                                   "requests.carried_forward.total"])
def test_a_whole_table_pastes_onto_its_cells_wherever_pasted(window: ReportWindow, flavour: str,
                                                            start: str) -> None:
    assert window.controller is not None
    form = window.controller.form
    table = form.tables["requests"]
    values = random_values(form, table, seed=len(flavour) * 7 + len(start))
    rows, merges = excel_sheet(form, table, values)
    rows[5][4] = "商业\n企业"  # a header typed with Alt+Enter: quoted in the text flavour
    if flavour == "excel-text":
        put_clipboard(excel_tsv(rows))
    elif flavour == "excel-html":
        put_clipboard(excel_tsv(rows), excel_html(rows, merges))
    else:
        put_clipboard("ignored when the HTML holds a table", word_html(table, values, form))
    page = table_page(window, "requests")
    click_cell(page, start)
    press(Qt.Key.Key_V, CTRL)
    assert focused() is page.view
    expect_on_disk(window, inputs_of(window, "requests", values))
    assert "按粘贴内容中的行、列标签对齐" in page.message.text()
    assert "未能放置" not in page.message.text()
    assert "。；" not in page.message.text()


@pytest.mark.parametrize("flavour", ["excel-text", "excel-html", "word-html"])
def test_table_four_and_table_two_from_the_excel_sheet(window: ReportWindow, flavour: str) -> None:
    assert window.controller is not None
    form = window.controller.form
    expected: dict[str, Value] = {}
    for step, start in (("appeals", "appeals.litigation_after.other"), ("proactive", "proactive.fees.amount")):
        table = form.tables[step]
        values = random_values(form, table, seed=3)
        if step == "proactive":
            values["proactive.fees.amount"] = 1234
        rows, merges = excel_sheet(form, table, values)
        if flavour == "word-html":
            put_clipboard("", word_html(table, values, form))
        else:
            put_clipboard(excel_tsv(rows), excel_html(rows, merges) if flavour == "excel-html" else "")
        page = table_page(window, step)
        click_cell(page, start)
        press(Qt.Key.Key_V, CTRL)
        expected |= inputs_of(window, step, values)
        assert "未能放置" not in page.message.text(), page.message.text()
    expect_on_disk(window, expected)


@pytest.mark.parametrize("start", ["requests.received.natural", "requests.received.research",
                                   "requests.granted.natural"])
def test_a_row_copied_with_its_label_does_not_shift(window: ReportWindow, start: str) -> None:
    page = table_page(window, "requests")
    click_cell(page, start)
    put_clipboard("一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t4\r\n")
    press(Qt.Key.Key_V, CTRL)
    expect_on_disk(window, {"requests.received.natural": 3, "requests.received.commercial": 1,
                            "requests.received.research": 0, "requests.received.public_interest": 0,
                            "requests.received.legal_services": 0, "requests.received.other_org": 0})
    assert "跳过 1 个合计" in page.message.text()


def test_bare_figures_with_windows_line_ends_full_width_and_separators(window: ReportWindow) -> None:
    page = table_page(window, "requests")
    click_cell(page, "requests.granted.commercial")
    put_clipboard("１２\t\"1,234\"\t2,345\r\n０\t 7 \t\r\n")
    press(Qt.Key.Key_V, CTRL)
    expect_on_disk(window, {"requests.granted.commercial": 12, "requests.granted.research": 1234,
                            "requests.granted.public_interest": 2345, "requests.partly_granted.commercial": 0,
                            "requests.partly_granted.research": 7})
    assert "经过转换" in page.message.text()


def test_a_label_row_in_table_two_aligns_past_header_rows(window: ReportWindow) -> None:
    page = table_page(window, "proactive")
    click_cell(page, "proactive.regulations.issued")
    put_clipboard("信息内容\t本年处理决定数量\r\n行政处罚\t8\r\n行政强制\t2\r\n")
    press(Qt.Key.Key_V, CTRL)
    expect_on_disk(window, {"proactive.penalties.decisions": 8, "proactive.enforcement.decisions": 2})


def test_a_browser_table_with_rowspan_colspan_br_and_nbsp(window: ReportWindow) -> None:
    html = (
        "<meta charset='utf-8'><table border='1'><thead><tr><th colspan='5'>行政复议</th>"
        "<th colspan='10'>行政诉讼</th></tr>"
        "<tr><th rowspan='2'>结果<br>维持</th><th rowspan='2'>结果<br/>纠正</th><th rowspan='2'>其他<br>结果</th>"
        "<th rowspan='2'>尚未<br>审结</th><th rowspan='2'>总计</th><th colspan='5'>未经复议直接起诉</th>"
        "<th colspan='5'>复议后起诉</th></tr><tr>"
        + "".join(f"<th>{h}</th>" for h in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 2)
        + "</tr></thead><tbody><tr>"
        + "".join(f"<td>&nbsp;{v}&nbsp;</td>" for v in (1, 2, 0, 1, 4, 0, 0, 1, 0, 1, "１", 0, 0, 0, 1))
        + "</tr></tbody></table>"
    )
    page = table_page(window, "appeals")
    click_cell(page, "appeals.litigation_direct.pending")
    put_clipboard("", html)
    press(Qt.Key.Key_V, CTRL)
    expect_on_disk(window, {
        "appeals.reconsideration.upheld": 1, "appeals.reconsideration.corrected": 2,
        "appeals.reconsideration.other": 0, "appeals.reconsideration.pending": 1,
        "appeals.litigation_direct.upheld": 0, "appeals.litigation_direct.corrected": 0,
        "appeals.litigation_direct.other": 1, "appeals.litigation_direct.pending": 0,
        "appeals.litigation_after.upheld": 1, "appeals.litigation_after.corrected": 0,
        "appeals.litigation_after.other": 0, "appeals.litigation_after.pending": 0,
    })


def test_what_cannot_be_placed_is_named(window: ReportWindow) -> None:
    page = table_page(window, "requests")
    click_cell(page, "requests.received.other_org")
    put_clipboard("5\t6\t7\r\n")  # 5 into 其他, 6 onto the computed 总计, 7 beyond the table
    press(Qt.Key.Key_V, CTRL)
    expect_on_disk(window, {"requests.received.other_org": 5})
    text = page.message.text()
    assert "跳过 1 个合计" in text and "未能放置" in text and "“7”" in text and "超出表格右边" in text
    put_clipboard("行政许可\t9\r\n")  # a row of 表二 pasted into 表三
    press(Qt.Key.Key_V, CTRL)
    assert "属于另一张表" in page.message.text() and "“9”" in page.message.text()
    expect_on_disk(window, {"requests.received.other_org": 5})
    put_clipboard("某某情况\t9\t8\r\n")  # a label of no table: the figures from the row's first cell
    press(Qt.Key.Key_V, CTRL)
    assert "“某某情况”与本表的行对不上" in page.message.text()
    expect_on_disk(window, {"requests.received.other_org": 5, "requests.received.natural": 9,
                            "requests.received.commercial": 8})


def test_the_paste_report_has_no_doubled_punctuation(window: ReportWindow) -> None:
    page = table_page(window, "requests")
    click_cell(page, "requests.received.natural")
    put_clipboard("1.5\tabc\t３\t/\r\n")
    press(Qt.Key.Key_V, CTRL)
    text = page.message.text()
    assert "拒绝 2 个" in text and "经过转换" in text
    for doubled in ("。；", "。。", "；；", "，；", "。，"):
        assert doubled not in text, text
    assert text.endswith("。")
