"""What a careful user notices: clean summaries, stale notes, step reasons, the guidance pane, laptop fit,
findings that show every cell, the open dialog, the new-report dialog, 编辑 › 复制/粘贴."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reportdesk.storage.home import drafts_home
from reportdesk.ui.main_window import ReportWindow
from reportdesk.ui.start_page import NewReportDialog
from tests.ui.keys import click_cell, expect_on_disk, press, table_page, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_clean_draft_says_no_problems_after_reopening(qtbot, window: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.controller is not None and window.workspace is not None
    page = table_page(window, "appeals")
    QTest.mouseClick(page.fill_button, Qt.MouseButton.LeftButton)  # 表四 complete: no findings about it
    path = window.controller.session.path
    window.close_draft()
    assert window.open_draft(path)
    assert window.workspace is not None
    summary = window.workspace.findings_panel.summary.text()
    assert summary  # never blank
    window.workspace.check_all()
    assert window.workspace.findings_panel.summary.text()


def test_the_clean_panel_says_so(window: ReportWindow) -> None:
    from reportdesk.ui.findings_panel import FindingsPanel

    panel = FindingsPanel()
    panel.set_findings([], {})
    assert panel.summary.text() == "没有发现问题。"


def test_notes_under_a_table_clear_when_the_value_is_fixed_or_undone(window: ReportWindow) -> None:
    page = table_page(window, "proactive")
    click_cell(page, "proactive.fees.amount")
    type_text("1.23456")
    press(Qt.Key.Key_Return)
    assert "小数" in page.message.text()
    QApplication.focusWidget().clear()  # type: ignore[union-attr]
    type_text("1.5")
    press(Qt.Key.Key_Return)
    assert "小数" not in page.message.text()  # the refusal is gone once the value is fixed
    QTest.mouseClick(page.fill_button, Qt.MouseButton.LeftButton)
    assert "填为 0" in page.message.text()
    page.view.setFocus()
    press(Qt.Key.Key_Z, CTRL)
    assert page.message.text() == ""
    expect_on_disk(window, {"proactive.fees.amount": "1.5"})  # type: ignore[dict-item]


def test_the_refusal_and_the_guidance_say_the_same_rule(window: ReportWindow) -> None:
    assert window.controller is not None
    page = table_page(window, "requests")
    click_cell(page, "requests.received.natural")
    type_text("x")
    press(Qt.Key.Key_Return)
    assert "没有数据的格子填 0" in page.message.text()
    proactive = window.controller.form.section("proactive").guidance
    assert "没有数据的格子填 0" in proactive
    assert "表示无数据" not in page.message.text()


def test_every_step_says_why(window: ReportWindow) -> None:
    assert window.workspace is not None and window.controller is not None
    window.controller.set_meta(contact_office="办公室", phone="1", email="a@b.cn", website="w", publish_date="d")
    nav = window.workspace.navigator
    item = nav.list.item(nav.step_ids().index("meta"))
    assert "填写中" in item.toolTip() and "通信地址" in item.toolTip()
    window.workspace.go_to_step("meta")
    assert "通信地址" in window.workspace.state_line.text()
    window.workspace.go_to_step("requests")
    assert "140 个" in window.workspace.state_line.text() or "都还没有填写" in window.workspace.state_line.text()
    assert nav.progress_label.text().startswith("完成 ")
    assert not nav.progress.isTextVisible()


def test_the_guidance_pane_collapses_and_remembers(window: ReportWindow) -> None:
    assert window.workspace is not None and window.controller is not None
    QTest.mouseClick(window.workspace.guidance_button, Qt.MouseButton.LeftButton)
    assert not window.workspace.guidance.isVisible()
    assert window.workspace.guidance_button.text() == "显示说明"
    path = window.controller.session.path
    window.close_draft()
    assert window.open_draft(path)
    assert window.workspace is not None
    assert window.workspace.guidance_button.isChecked() and not window.workspace.guidance.isVisible()
    QTest.mouseClick(window.workspace.guidance_button, Qt.MouseButton.LeftButton)
    assert window.workspace.guidance.isVisible()


@pytest.mark.parametrize("size", [(1366, 728), (1280, 680)])
def test_tables_fit_a_laptop_without_sideways_scrolling(window: ReportWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    for step in ("proactive", "requests", "appeals"):
        page = table_page(window, step)
        QApplication.processEvents()
        assert page.view.horizontalScrollBar().maximum() == 0, step
        if step == "appeals":  # the whole of 表四, its one data row included
            assert page.view.verticalScrollBar().maximum() == 0
            last = page.model.index_of("appeals.litigation_after.total")
            assert page.view.cell_visible("appeals.litigation_after.total"), last


def test_a_finding_scrolls_so_that_every_cell_shows(window: ReportWindow) -> None:
    from reportdesk.core.findings import Finding
    from reportdesk.core.form import Severity

    assert window.workspace is not None
    window.resize(1366, 728)
    page = table_page(window, "requests")
    page.view.verticalScrollBar().setValue(0)
    cells = ("requests.declined_excessive.research", "requests.other_no_correction.research",
             "requests.other_other.research", "requests.carried_forward.research")
    finding = Finding("sum", Severity.WARNING, "（三）至（六）与四", cells=cells, section="requests")
    window.workspace.show_finding(finding)  # what a click on the finding does
    QApplication.processEvents()
    assert [c for c in cells if not page.view.cell_visible(c)] == []
    selected = {page.model.cell_id(i) for i in page.view.selectionModel().selectedIndexes()}
    assert selected == set(cells)


def test_open_never_offers_recent_json(window: ReportWindow) -> None:
    window.close_draft()
    recent = drafts_home() / "recent.json"
    assert recent.exists()
    assert not window.open_file(recent)
    assert window.last_message_box is not None and "最近" in window.last_message_box.text()


def test_the_new_report_dialog_shows_a_long_name_in_full(window: ReportWindow) -> None:
    dialog = NewReportDialog(window)
    dialog.show()
    name = "某某省某某市某某区人民政府办公室（某某区政务服务和数据管理局、某某区政务公开办公室）"
    dialog.agency.setText(name)
    QApplication.processEvents()
    assert dialog.agency.width() >= dialog.agency.fontMetrics().horizontalAdvance(name)
    assert "不用" not in dialog.previous_label.text()
    dialog.close()


def test_edit_menu_copy_and_paste(window: ReportWindow) -> None:
    page = table_page(window, "requests")
    assert [a.text() for a in window.edit_menu.actions() if a.text()][-2:] == ["复制", "粘贴"]
    mime = QMimeData()
    mime.setText("6\t7\r\n")
    QGuiApplication.clipboard().setMimeData(mime)
    click_cell(page, "requests.granted.natural")
    window.paste_action.trigger()
    expect_on_disk(window, {"requests.granted.natural": 6, "requests.granted.commercial": 7})
    click_cell(page, "requests.granted.natural")
    window.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == "6\n"


def test_file_names_say_the_year_once(tmp_path: Path) -> None:
    from reportdesk.core.file_names import export_file_name

    assert export_file_name("某市某某局", 2022, "") == "某市某某局2022年政府信息公开工作年度报告"
    assert "年度年度" not in export_file_name("某局", 2022, "") and export_file_name("某局", 2022, "").count("年度") == 1


def test_a_finding_too_tall_for_the_screen_folds_the_rows_between(window: ReportWindow) -> None:
    assert window.controller is not None and window.workspace is not None
    window.resize(1366, 728)
    # one side known (4 + 0), the other blank: a balance finding naming rows 一、二 and （七）、四
    window.controller.edit_cells({"requests.received.research": 4, "requests.carried_over.research": 0})
    finding = next(f for f in window.controller.findings if f.rule == "balance" and "科研机构" in f.message)
    panel = window.workspace.findings_panel
    row = next(i for i in range(panel.list.count()) if panel.list.item(i).text() == finding.message)
    panel.list.scrollToItem(panel.list.item(row))
    QTest.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.list.visualItemRect(panel.list.item(row)).center())
    QApplication.processEvents()
    page = table_page(window, "requests")
    assert window.workspace.current_step() == "requests"
    assert [c for c in finding.cells if not page.view.cell_visible(c)] == []  # all four, rows 一 … 四
    assert "暂时收起" in page.message.text()
    press(Qt.Key.Key_Down)  # any key brings every row back, and then acts
    assert not any(page.view.isRowHidden(r) for r in range(page.model.rowCount()))
    assert page.message.text() == ""
    type_text("2")
    press(Qt.Key.Key_Return)
    assert window.controller.session.values()["requests.carried_over.research"] == 2


@pytest.mark.parametrize("text", ["a & b < c > d", "“引号” \"双\" 'single'", "&amp; already", "纯中文，无符号。"])
def test_the_guidance_escapes_text_as_html_escape_does(text: str) -> None:
    import html

    from reportdesk.ui.guidance_pane import _escape

    assert _escape(text) == html.escape(text)

