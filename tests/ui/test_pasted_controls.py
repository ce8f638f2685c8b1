"""Text from Word or a PDF, pasted into the real window, is cleaned (not refused) and saved.

Word's clipboard text carries manual line breaks (U+000B), page breaks (U+000C) and table
cell marks (U+0007); a PDF viewer's carries NULs, soft hyphens and zero-width spaces.  Each
is pasted with Ctrl+V into the focused editor of the real window and the draft is read back
from disk.  Files and the command line still refuse such characters (tests at the end).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from reportdesk.ui.main_window import ReportWindow
from reportdesk.ui.text_page import TextSectionPage
from tests.ui.keys import commit_text, draft_on_disk, focused, press

CTRL = Qt.KeyboardModifier.ControlModifier


def section(window: ReportWindow, key: str = "overview") -> TextSectionPage:
    assert window.workspace is not None
    window.workspace.go_to_step(key)
    page = window.workspace.page(key)
    assert isinstance(page, TextSectionPage)
    page.editor.setFocus()
    QApplication.processEvents()
    assert focused() is page.editor
    return page


def paste(text: str) -> None:
    mime = QMimeData()
    mime.setText(text)
    QGuiApplication.clipboard().setMimeData(mime)
    press(Qt.Key.Key_V, CTRL)


@pytest.fixture
def errors(window: ReportWindow) -> list[str]:
    """Every message the controller raises (a refused edit would be one)."""
    seen: list[str] = []
    assert window.controller is not None
    window.controller.sig_error.connect(seen.append)
    return seen


WORD = ("（一）主动公开\x0b本年度主动公开政府信息356条。\x0c"
        "（二）依申请公开\r\n项目\t数量\x07\r\n新收申请\t12\x07\x07\r\n")
WORD_SAVED = "（一）主动公开\n本年度主动公开政府信息356条。\n（二）依申请公开\n项目\t数量\n新收申请\t12\n"

PDF = "本年度共收到政府信息\u00ad公开申请\u200b12件\x00，其中\ufeff自然人\u2060 10件。\u2028办结12件。\u2029"
PDF_SAVED = "本年度共收到政府信息公开申请12件，其中自然人 10件。\n办结12件。\n"


def test_text_pasted_from_word_is_saved_with_its_line_breaks_and_without_cell_marks(
        window: ReportWindow, errors: list[str]) -> None:
    page = section(window)
    paste(WORD)
    assert page.editor.toPlainText() == WORD_SAVED  # shown as it is saved
    assert draft_on_disk(window).texts["overview"] in (WORD_SAVED, WORD_SAVED.rstrip("\n"))
    assert errors == []
    assert not page.note_bar.isVisibleTo(page)  # only invisible characters went: nothing to say
    press(Qt.Key.Key_Z, CTRL)  # the paste is one step
    assert page.editor.toPlainText() == ""


def test_text_pasted_from_a_pdf_loses_only_what_no_one_sees(window: ReportWindow, errors: list[str]) -> None:
    page = section(window, "other")
    paste(PDF)
    saved = draft_on_disk(window).texts["other"]
    assert saved in (PDF_SAVED, PDF_SAVED.rstrip("\n"))
    assert errors == [] and not page.note_bar.isVisibleTo(page)


def test_a_paste_into_the_middle_keeps_the_text_around_it(window: ReportWindow, errors: list[str]) -> None:
    page = section(window, "problems")
    page.editor.setPlainText("甲乙")
    cursor = page.editor.textCursor()
    cursor.setPosition(1)
    page.editor.setTextCursor(cursor)
    paste("一\x07二\x0b三")
    assert page.editor.toPlainText() == "甲一二\n三乙"
    assert page.editor.textCursor().position() == 5  # after the pasted text
    assert draft_on_disk(window).texts["problems"] == "甲一二\n三乙" and errors == []


class BrokenClipboardText(QMimeData):
    """What a Windows clipboard can hold (UTF-16 cut in the middle of a pair): Python strings
    with half a pair cannot be handed to Qt, so the text comes from this override."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text
        self.setText("placeholder")

    def text(self) -> str:
        return self._text


def test_a_paste_over_a_selection_replaces_it(window: ReportWindow, errors: list[str]) -> None:
    page = section(window, "problems")
    page.editor.setPlainText("甲要替换的乙")
    cursor = page.editor.textCursor()
    cursor.setPosition(1)
    cursor.setPosition(5, cursor.MoveMode.KeepAnchor)
    page.editor.setTextCursor(cursor)
    paste("新\x0c文字\x07")
    assert page.editor.toPlainText() == "甲新\n文字乙"
    assert draft_on_disk(window).texts["problems"] == "甲新\n文字乙" and errors == []
    press(Qt.Key.Key_Z, CTRL)
    assert page.editor.toPlainText() == "甲要替换的乙"


def test_a_lone_surrogate_is_removed_and_said(window: ReportWindow, errors: list[str]) -> None:
    page = section(window)
    mime = BrokenClipboardText("残缺\ud83d字符")
    QGuiApplication.clipboard().setMimeData(mime)
    if QGuiApplication.clipboard().mimeData() is not mime:
        pytest.skip("this platform's clipboard copies the data: the override does not reach the paste")
    press(Qt.Key.Key_V, CTRL)
    assert draft_on_disk(window).texts["overview"] == "残缺字符"
    assert errors == []
    assert page.note_bar.isVisibleTo(page) and "1 个残缺的字符" in page.note.text()


def test_typed_line_separators_and_invisible_characters_are_cleaned_on_the_way_to_the_draft(
        window: ReportWindow, errors: list[str]) -> None:
    section(window)
    commit_text("第一行")
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # Qt inserts U+2028 here
    commit_text("第二\u200b行\x07")  # an input method may deliver these
    assert draft_on_disk(window).texts["overview"] == "第一行\n第二行"
    assert errors == []


def test_a_pasted_agency_loses_its_cell_mark_and_line_break(window: ReportWindow, errors: list[str]) -> None:
    from reportdesk.ui.meta_page import MetaPage

    assert window.workspace is not None
    window.workspace.go_to_step("meta")
    page = window.workspace.page("meta")
    assert isinstance(page, MetaPage)
    page.agency.setFocus()
    page.agency.selectAll()
    QApplication.processEvents()
    paste("某市\t某某局\x07")
    press(Qt.Key.Key_Tab)  # leaving the field commits it
    assert json.loads(draft_on_disk(window).meta["agency"]) == "某市 某某局"
    assert errors == []


# --- files and the command line keep refusing: a program should be fixed, not its output ---------


def test_the_command_line_and_json_still_refuse_control_characters(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from reportdesk.app.session import Session
    from reportdesk.cli import main
    from reportdesk.core.catalog import get_form
    from reportdesk.core.interchange import report_to_json
    from tests.factories import complete_report

    draft = tmp_path / "d.rdesk"
    assert main(["new", "-o", str(draft), "--agency", "某局", "--year", "2023"]) == 0
    before = draft.read_bytes()
    assert main(["set", str(draft), "texts.other=本年度\x0b未收取信息处理费。"]) == 2
    assert "控制字符（U+000B）" in capsys.readouterr().err
    assert draft.read_bytes() == before
    with Session.open(draft) as session:
        assert "other" not in session.report.texts

    data = report_to_json(get_form(), complete_report())
    data["texts"]["overview"] = "段落\x07"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["check", str(source)]) == 2
    assert "U+0007" in capsys.readouterr().out
    assert main(["new", "-o", str(tmp_path / "n.rdesk"), "--agency", "某局", "--year", "2023",
                 "--from", str(source)]) == 2
    assert "U+0007" in capsys.readouterr().err and not (tmp_path / "n.rdesk").exists()
