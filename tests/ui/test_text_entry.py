"""Writing the text: the data paragraph lands under （二）依申请公开, PDF line breaks are joined as one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from reportdesk.ui.main_window import ReportWindow
from reportdesk.ui.text_page import TextSectionPage, data_paragraph_place, join_broken_lines
from tests.ui.keys import draft_on_disk, focused, press

CTRL = Qt.KeyboardModifier.ControlModifier
HEADS = ("（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障")


def overview(window: ReportWindow) -> TextSectionPage:
    assert window.workspace is not None
    window.workspace.go_to_step("overview")
    page = window.workspace.page("overview")
    assert isinstance(page, TextSectionPage)
    return page


@pytest.mark.parametrize(("text", "expected"), [
    ("（一）主动公开\n甲。\n（三）政府信息管理\n丙。", "（一）主动公开\n甲。\n（二）依申请公开\n段。\n（三）政府信息管理\n丙。"),
    ("（一）主动公开\n甲。\n（二）依申请公开\n已有。\n（三）政府信息管理\n",
     "（一）主动公开\n甲。\n（二）依申请公开\n段。\n已有。\n（三）政府信息管理\n"),
    ("本年度工作概述。", "本年度工作概述。\n（二）依申请公开\n段。"),
])
def test_data_paragraph_place(text: str, expected: str) -> None:
    at, add = data_paragraph_place(text, "（二）依申请公开", HEADS)
    block = ("（二）依申请公开\n" if add else "") + "段。"
    lead = "" if at == 0 or text[at - 1] == "\n" else "\n"
    tail = "" if at == len(text) else "\n"
    assert text[:at] + lead + block + tail + text[at:] == expected


def test_insert_data_paragraph_never_goes_before_the_first_paragraph(window: ReportWindow) -> None:
    page = overview(window)
    page.editor.setPlainText("（一）主动公开\n本年度主动公开信息 120 条。\n（三）政府信息管理\n")
    cursor = page.editor.textCursor()
    cursor.setPosition(0)  # the clerk never clicked into the text
    page.editor.setTextCursor(cursor)
    QTest.mouseClick(page.data_button, Qt.MouseButton.LeftButton)
    text = draft_on_disk(window).texts["overview"]
    lines = text.split("\n")
    assert lines[0] == "（一）主动公开"
    i = lines.index("（二）依申请公开")
    assert lines[i - 1] == "本年度主动公开信息 120 条。" and lines[i + 1].startswith("本年度")
    assert lines.index("（三）政府信息管理") > i + 1


def test_text_pasted_from_a_pdf_is_joined_in_one_undo_step(window: ReportWindow) -> None:
    page = overview(window)
    page.editor.setFocus()
    pdf = "（一）主动公开\n本年度通过门户网站主动公开政府\n信息356条，其中政策文件\n12件。\n（二）依申请公开\n"
    mime = QMimeData()
    mime.setText(pdf)
    QGuiApplication.clipboard().setMimeData(mime)
    press(Qt.Key.Key_V, CTRL)
    assert page.join_bar.isVisibleTo(page) and "2 处" in page.join_label.text()
    QTest.mouseClick(page.join_button, Qt.MouseButton.LeftButton)
    joined = "（一）主动公开\n本年度通过门户网站主动公开政府信息356条，其中政策文件12件。\n（二）依申请公开\n"
    assert draft_on_disk(window).texts["overview"] == joined.rstrip("\n") or \
        draft_on_disk(window).texts["overview"] == joined
    page.editor.setFocus()
    assert focused() is page.editor
    press(Qt.Key.Key_Z, CTRL)  # one undo gives the text as pasted
    assert page.editor.toPlainText() == pdf
    assert draft_on_disk(window).texts["overview"] in (pdf, pdf.rstrip("\n"))


def test_join_broken_lines_keeps_headings_sentences_and_latin_spaces() -> None:
    text, count = join_broken_lines("一、总体情况\n（一）主动公开\n访问 www\nexample.gov.cn 查询；\n2.其他\n")
    assert count == 1
    assert text == "一、总体情况\n（一）主动公开\n访问 www example.gov.cn 查询；\n2.其他\n"


def test_preview_paragraphs_have_a_first_line_indent(window: ReportWindow) -> None:
    page = overview(window)
    page.editor.setPlainText("（一）主动公开\n本年度主动公开信息 120 条。")
    page.commit()
    assert window.workspace is not None
    window.workspace.set_preview_visible(True)
    preview = window.workspace.preview
    preview.rebuild()
    block = preview.document().begin()
    indents = []
    while block.isValid():
        if "主动公开信息" in block.text():
            indents.append(block.blockFormat().textIndent())
        block = block.next()
    assert indents and all(i > 20 for i in indents)
