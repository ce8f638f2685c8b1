"""The real window on a real draft: guided writing, text highlights, accepted warnings, 已自查,
标记为已完成 and the preview."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from reportdesk.app.session import Session
from reportdesk.core.text import paragraphs
from reportdesk.ui.findings_panel import ACCEPTED_ROLE, FindingsPanel
from reportdesk.ui.main_window import ReportWindow
from reportdesk.ui.meta_page import MetaPage
from reportdesk.ui.settings import app_settings
from reportdesk.ui.table_page import TableSectionPage
from reportdesk.ui.text_page import TextSectionPage
from reportdesk.ui.workspace import USER_NAME_KEY, DraftWorkspace
from tests.factories import complete_report

REASON = "本单位无规章制定权，规章栏为上级文件转发数"


@pytest.fixture
def complete(qtbot) -> Iterator[ReportWindow]:  # type: ignore[no-untyped-def]
    """The window on a draft made from a complete, consistent report (no findings)."""
    win = ReportWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    assert win.create_draft("某市某某局", 2023, source=complete_report())
    assert win.controller is not None and win.controller.findings == []
    yield win
    win.close()


def workspace(window: ReportWindow) -> DraftWorkspace:
    assert window.workspace is not None
    return window.workspace


def text_page(window: ReportWindow, step: str) -> TextSectionPage:
    workspace(window).go_to_step(step)
    page = workspace(window).page(step)
    assert isinstance(page, TextSectionPage)
    return page


def table_page(window: ReportWindow, step: str) -> TableSectionPage:
    page = workspace(window).page(step)
    assert isinstance(page, TableSectionPage)
    return page


def panel_texts(panel: FindingsPanel) -> list[str]:
    return [panel.list.item(i).text() for i in range(panel.list.count())]


# --- guided writing ----------------------------------------------------------------------------

def test_data_paragraph_goes_under_its_heading_and_is_refreshed_with_one_click(qtbot, complete: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    controller = complete.controller
    assert controller is not None
    page = text_page(complete, "overview")
    assert page.data_button.isVisible()
    page.editor.moveCursor(QTextCursor.MoveOperation.End)  # the cursor is elsewhere: it still goes under （二）
    qtbot.mouseClick(page.data_button, Qt.MouseButton.LeftButton)
    text = controller.session.report.texts["overview"]
    lines = text.split("\n")
    expected = paragraphs.data_paragraph(controller.values).split("\n")
    i = lines.index("（二）依申请公开")
    assert lines[i + 1: i + 3] == expected
    assert lines[i + 3] == "依法办理政府信息公开申请。"  # the clerk's own sentence is kept after it
    assert "本年度共收到政府信息公开申请" in expected[0]
    assert not page.insert_data_paragraph()  # a second click does not write it twice
    assert text == controller.session.report.texts["overview"]
    assert not page.stale_bar.isVisible()
    assert controller.findings == []

    # a figure changes: text_number speaks, and the bar offers the update
    received = int(controller.values["requests.received.natural"] or 0)
    carried = int(controller.values["requests.carried_forward.natural"] or 0)
    controller.edit_cells({"requests.received.natural": received + 4, "requests.carried_forward.natural": carried + 4})
    assert [f.rule for f in controller.findings] == ["text_number"] * len(controller.findings)
    assert controller.findings and page.stale_bar.isVisible()
    assert "1 段" in page.stale_label.text()
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    updated = controller.session.report.texts["overview"]
    assert paragraphs.requests_paragraph(controller.values) in updated
    assert "依法办理政府信息公开申请。" in updated and "（一）主动公开" in updated
    assert controller.findings == [] and not page.stale_bar.isVisible()


def test_data_paragraph_without_the_heading_brings_it_along(complete: ReportWindow) -> None:
    controller = complete.controller
    assert controller is not None
    page = text_page(complete, "overview")
    page.editor.setPlainText("本年度工作概述。")
    page.editor.moveCursor(QTextCursor.MoveOperation.End)
    assert page.insert_data_paragraph()
    assert controller.session.report.texts["overview"] == (
        "本年度工作概述。\n（二）依申请公开\n" + paragraphs.data_paragraph(controller.values)
    )
    assert not text_page(complete, "problems").data_button.isVisibleTo(text_page(complete, "problems"))


def test_insert_preamble_uses_the_details_just_typed(qtbot, complete: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    controller = complete.controller
    assert controller is not None
    workspace(complete).go_to_step("meta")
    meta = workspace(complete).page("meta")
    assert isinstance(meta, MetaPage)
    meta.preamble.editor.clear()
    meta.fields["website"].setText("某市人民政府门户网站")  # typed, not yet committed
    meta.preamble.editor.setFocus()
    qtbot.mouseClick(meta.preamble.preamble_button, Qt.MouseButton.LeftButton)
    preamble = controller.session.report.texts["preamble"]
    assert preamble == paragraphs.preamble(controller.form, controller.session.report)
    assert "国办公开办函〔2021〕30号" in preamble and "某市人民政府门户网站" in preamble
    assert "自2023年1月1日起至2023年12月31日止" in preamble


def test_guidance_shows_examples(complete: ReportWindow) -> None:
    workspace(complete).go_to_step("other")
    assert "示例" in workspace(complete).guidance.toPlainText()
    assert "未收取信息处理费" in workspace(complete).guidance.toPlainText()


# --- text_number: the sentence and the cell ---------------------------------------------------

def test_text_number_finding_highlights_the_sentence_and_the_cell(qtbot, complete: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    controller = complete.controller
    assert controller is not None
    page = text_page(complete, "overview")
    sentence = "本年度共收到政府信息公开申请2件。"
    page.editor.setPlainText(page.editor.toPlainText() + "\n" + sentence)
    page.commit()
    finding = next(f for f in controller.findings if f.rule == "text_number")
    assert finding.excerpt == sentence and finding.cells == ("requests.received.total",)
    start = page.editor.toPlainText().index(sentence)
    assert (start, start + len(sentence)) in page.highlighted_ranges()  # marked even before it is clicked

    panel = workspace(complete).findings_panel
    workspace(complete).go_to_step("meta")
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.list.visualItemRect(panel.list.item(0)).center())
    assert workspace(complete).current_step() == "overview"
    assert page.active_range() == (start, start + len(sentence))
    assert page.editor.textCursor().position() == start
    assert page.note_bar.isVisible() and finding.message == page.note.text()
    assert not panel.accept_button.isEnabled()  # an error cannot be accepted
    requests = table_page(complete, "requests")
    selected = {requests.model.cell_id(i) for i in requests.view.selectionModel().selectedIndexes()}
    assert selected == {"requests.received.total"}
    assert requests.model.index_of("requests.received.total").data(Qt.ItemDataRole.BackgroundRole) is not None

    qtbot.mouseClick(page.cell_button, Qt.MouseButton.LeftButton)  # 查看表格中的数字
    assert workspace(complete).current_step() == "requests"
    assert requests.model.cell_id(requests.view.currentIndex()) == "requests.received.total"


# --- accepted warnings -------------------------------------------------------------------------

def test_accept_a_warning_with_a_reason_then_it_reopens_and_can_be_withdrawn(qtbot, complete: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    controller = complete.controller
    assert controller is not None
    controller.edit_cells({"proactive.regulations.issued": 1, "proactive.regulations.in_force": 1})
    panel = workspace(complete).findings_panel
    warning = next(f for f in controller.findings if f.rule == "regulations_power")
    panel.list.setCurrentItem(panel.item_for(warning.key))
    assert panel.accept_button.isEnabled() and not panel.withdraw_button.isEnabled()
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    dialog = workspace(complete).reason_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()  # no reason, no acceptance
    for ch in REASON:  # typed character by character (QTest cannot send Chinese key events)
        dialog.reason.insert(ch)
    with qtbot.waitSignal(controller.sig_findings_changed):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert controller.session.accepted_warnings() == {warning.key: REASON}
    item = panel.item_for(warning.key)
    assert item is not None and item.data(ACCEPTED_ROLE) == REASON
    assert item.text().startswith("〔已接受〕") and REASON in item.text()
    assert item.foreground().color().name() == "#8a8f98"  # greyed
    assert panel.counts() == (0, 0) and panel.accepted_count() == 1
    assert "1 个已接受" in panel.summary.text()
    assert workspace(complete).navigator.state("proactive").value == "complete"
    assert controller.accepted() == {warning.key: REASON}

    # the export page lists it the same way
    workspace(complete).go_to_step("export")
    export_page = workspace(complete).page("export")
    export = export_page.findings  # type: ignore[attr-defined]
    assert export.item_for(warning.key).data(ACCEPTED_ROLE) == REASON
    assert "没有错误" in export_page.verdict.text() or "全部检查通过" in export_page.verdict.text()  # type: ignore[attr-defined]

    # changing an involved figure reopens it
    controller.edit_cells({"proactive.regulations.in_force": 2})
    item = panel.item_for(warning.key)
    assert item is not None and item.data(ACCEPTED_ROLE) is None
    assert "曾接受" in item.text() and REASON in item.text()
    assert panel.counts() == (0, 1)
    panel.list.setCurrentItem(item)
    assert panel.withdraw_button.isEnabled()
    qtbot.mouseClick(panel.withdraw_button, Qt.MouseButton.LeftButton)
    assert controller.session.accepted_warnings() == {}
    assert "曾接受" not in panel.item_for(warning.key).text()  # type: ignore[union-attr]


# --- 已自查 and 已完成 ---------------------------------------------------------------------------

def answer_name(qtbot, ws: DraftWorkspace, name: str) -> None:  # type: ignore[no-untyped-def]
    dialog = ws.name_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.setTextValue(name)
    dialog.accept()


def test_section_tick_is_stored_and_turns_red_after_a_change(qtbot, complete: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    controller = complete.controller
    assert controller is not None
    ws = workspace(complete)
    ws.go_to_step("requests")
    assert ws.review_box.isVisible() and not ws.review_box.isChecked()
    qtbot.mouseClick(ws.review_box, Qt.MouseButton.LeftButton)
    answer_name(qtbot, ws, "张三")  # asked once
    assert app_settings().value(USER_NAME_KEY) == "张三"
    assert ws.review_box.isChecked() and "张三" in ws.review_box.text()
    assert ws.navigator.review_mark("requests") == "ok"
    assert controller.session.section_reviews()["requests"].by == "张三"

    ws.go_to_step("other")
    ws.review_box.click()  # the name is known: no dialog
    assert ws.navigator.review_mark("other") == "ok"

    value = int(controller.values["requests.granted.natural"] or 0)
    controller.edit_cells({"requests.granted.natural": value + 1})
    assert ws.navigator.review_mark("requests") == "stale"
    assert ws.navigator.review_mark("other") == "ok"
    item = ws.navigator.list.item(ws.navigator.step_ids().index("requests"))
    assert item.foreground().color().name() == "#c62828" and "自查后有改动" in item.text()
    ws.go_to_step("requests")
    assert "c62828" in ws.review_box.styleSheet()
    ws.review_box.click()  # looked again: ticked afresh
    assert ws.navigator.review_mark("requests") == "ok"

    path = controller.session.path
    complete.close_draft()
    with Session.open(path) as reopened:
        assert set(reopened.section_reviews()) == {"requests", "other"}


def test_mark_complete_refuses_with_errors_then_records_and_shows_it(qtbot, complete: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    controller = complete.controller
    assert controller is not None
    ws = workspace(complete)
    app_settings().setValue(USER_NAME_KEY, "李四")
    natural = controller.values["requests.received.natural"]
    controller.edit_cells({"requests.received.natural": 999})
    complete.complete_action.trigger()
    box = ws.message_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "不能标记为已完成" in box.windowTitle() and "相差" in box.text()
    assert ws.current_step() == "export"
    assert controller.session.completion() is None
    box.accept()

    controller.edit_cells({"requests.received.natural": natural})
    export_page = ws.page("export")
    qtbot.mouseClick(export_page.complete_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    done = controller.session.completion()
    assert done is not None and done.by == "李四" and done.current
    assert ws.navigator.completion.isVisible() and "已完成：李四" in ws.navigator.completion.text()
    assert "已完成：李四" in export_page.completion.text()  # type: ignore[attr-defined]

    complete.close_draft()  # the start page lists it as done
    recent = complete.start_page.recent
    assert any("已完成（李四" in (recent.item(r, 3).text()) for r in range(recent.rowCount()))


# --- preview -------------------------------------------------------------------------------------

def test_preview_shows_the_report_and_follows_typing_debounced(qtbot, complete: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    controller = complete.controller
    assert controller is not None
    ws = workspace(complete)
    preview = ws.preview
    assert not preview.isVisible()
    with qtbot.waitSignal(preview.sig_rebuilt):
        complete.preview_action.trigger()
    assert preview.isVisible() and ws.preview_button.isChecked()
    shown = preview.toPlainText()
    for expected in ("某市某某局\n2023年政府信息公开工作年度报告", "一、总体情况", "六、其他需要报告的事项",
                     "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "本年度未收取信息处理费。",
                     "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"):
        assert expected in shown, expected
    page_html = preview.toHtml()
    assert "rowspan" in page_html and "colspan" in page_html
    received = str(controller.values["requests.received.total"])
    assert received in shown

    page = text_page(complete, "other")
    rebuilds = preview.rebuilds
    page.editor.moveCursor(QTextCursor.MoveOperation.End)
    for ch in "另有说明":  # typed character by character (QTest cannot send Chinese key events)
        page.editor.insertPlainText(ch)
    assert preview.rebuilds == rebuilds  # nothing rebuilt per keystroke
    with qtbot.waitSignal(preview.sig_rebuilt, timeout=5000):
        pass
    assert "另有说明" in preview.toPlainText()
    assert preview.rebuilds == rebuilds + 1  # one rebuild for the whole burst

    complete.preview_action.trigger()
    assert not preview.isVisible() and not ws.preview_button.isChecked()
    controller.edit_cells({"requests.received.natural": 500})
    assert preview.rebuilds == rebuilds + 1  # hidden: not rebuilt
    with qtbot.waitSignal(preview.sig_rebuilt):
        ws.preview_button.click()
    assert "500" in preview.toPlainText()
