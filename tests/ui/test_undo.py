"""One undo history that names what it changes and never changes an invisible page silently.

Includes the property test: seeded random sequences of typing, paste, fill, clear, undo and redo
(keys to the focused widget of the real window, the menu from a text page), checked against a
model of the intended values after every step, in the window and on disk.
"""

from __future__ import annotations

from random import Random

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from reportdesk.core.numbers import Value
from reportdesk.ui.main_window import ReportWindow
from reportdesk.ui.text_page import TextSectionPage
from tests.ui.keys import click_cell, commit_text, draft_on_disk, expect_on_disk, focused, press, table_page, type_text

CTRL = Qt.KeyboardModifier.ControlModifier

#: Runs of input cells next to each other in a grid row (a paste of bare figures lands on them in order).
RUNS = {
    "requests": [[f"requests.{row}.{c}" for c in ("natural", "commercial", "research", "public_interest",
                                                  "legal_services", "other_org")]
                 for row in ("received", "carried_over", "granted", "refused_internal", "other_other",
                             "carried_forward")],
    "appeals": [[f"appeals.{row}.{c}" for c in ("upheld", "corrected", "other", "pending")]
                for row in ("reconsideration", "litigation_direct", "litigation_after")],
    "proactive": [[f"proactive.{row}.{c}" for c in ("issued", "repealed", "in_force")]
                  for row in ("regulations", "normative_documents")],
}


def text_page(window: ReportWindow, step: str = "overview") -> TextSectionPage:
    assert window.workspace is not None
    window.workspace.go_to_step(step)
    page = window.workspace.page(step)
    assert isinstance(page, TextSectionPage)
    QApplication.processEvents()
    return page


def test_undo_names_the_step_and_shows_the_table_first(window: ReportWindow) -> None:
    assert window.workspace is not None and window.controller is not None
    page = table_page(window, "proactive")
    click_cell(page, "proactive.licensing.decisions")
    type_text("65")
    press(Qt.Key.Key_Return)
    click_cell(page, "proactive.licensing.decisions")
    type_text("66")
    press(Qt.Key.Key_Return)
    overview = text_page(window)
    assert isinstance(focused(), QPlainTextEdit)
    window.edit_menu.aboutToShow.emit()
    assert window.undo_action.text() == "撤销：表二：修改“行政许可 / 本年处理决定数量”"
    window.undo_action.trigger()  # 编辑 › 撤销 with the text editor in focus but nothing typed in it
    assert window.workspace.current_step() == "proactive"  # the change is shown, not made out of sight
    selected = {page.model.cell_id(i) for i in page.view.selectionModel().selectedIndexes()}
    assert selected == {"proactive.licensing.decisions"}
    assert "已撤销" in window.statusBar().currentMessage()
    expect_on_disk(window, {"proactive.licensing.decisions": 65})
    # typing in the editor: the menu acts on the editor, and says so; the table stays
    overview = text_page(window)
    overview.editor.setFocus()
    commit_text("本年度")
    window.edit_menu.aboutToShow.emit()
    assert window.undo_action.text() == "撤销：一、总体情况中的文字输入"
    window.undo_action.trigger()
    assert overview.editor.toPlainText() == ""
    assert window.workspace.current_step() == "overview"
    expect_on_disk(window, {"proactive.licensing.decisions": 65})
    assert draft_on_disk(window).texts.get("overview", "") == ""


def test_ctrl_z_in_a_cell_being_typed_undoes_the_typing_only(window: ReportWindow) -> None:
    page = table_page(window, "requests")
    click_cell(page, "requests.received.natural")
    type_text("4")
    press(Qt.Key.Key_Return)
    click_cell(page, "requests.received.commercial")
    type_text("59")
    press(Qt.Key.Key_Z, CTRL)  # in the open editor: its own text
    press(Qt.Key.Key_Escape)
    expect_on_disk(window, {"requests.received.natural": 4})


class IntendedHistory:
    """What the clerk means: the values after each step, and where undo/redo stand."""

    def __init__(self) -> None:
        self.states: list[dict[str, Value]] = [{}]
        self.index = 0

    @property
    def current(self) -> dict[str, Value]:
        return self.states[self.index]

    def edit(self, changes: dict[str, Value]) -> None:
        new = dict(self.current)
        for cid, value in changes.items():
            if value is None:
                new.pop(cid, None)
            else:
                new[cid] = value
        if new != self.current:
            self.states[self.index + 1:] = [new]
            self.index += 1

    def undo(self) -> None:
        self.index = max(self.index - 1, 0)

    def redo(self) -> None:
        self.index = min(self.index + 1, len(self.states) - 1)


def changed_step(before: dict[str, Value], after: dict[str, Value]) -> str | None:
    keys = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    return next(iter(keys)).split(".", 1)[0] if keys else None


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_random_typing_paste_fill_undo_redo_match_the_intended_values(window: ReportWindow, seed: int) -> None:
    assert window.workspace is not None and window.controller is not None
    rng = Random(seed)
    model = IntendedHistory()
    for _step in range(36):
        op = rng.choice(["type", "type", "paste", "fill", "clear", "undo", "undo", "redo", "menu-undo"])
        step = rng.choice(list(RUNS))
        if op == "type":
            page = table_page(window, step)
            run = rng.choice(RUNS[step])
            cid = rng.choice(run)
            value = rng.choice([0, 1, 2, 3, 5, 8, 13, 120])
            click_cell(page, cid)
            type_text(str(value))
            press(rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Tab]))
            model.edit({cid: value})
        elif op == "paste":
            page = table_page(window, step)
            run = rng.choice(RUNS[step])
            start = rng.randrange(len(run))
            figures = [rng.choice([0, 1, 4, 9, 1234]) for _ in range(rng.randint(1, len(run) - start))]
            mime = QMimeData()
            mime.setText("\t".join(f"{v:,}" for v in figures) + "\r\n")
            QGuiApplication.clipboard().setMimeData(mime)
            click_cell(page, run[start])
            press(Qt.Key.Key_V, CTRL)
            model.edit(dict(zip(run[start:], figures, strict=False)))
        elif op == "fill":
            page = table_page(window, step)
            QTest.mouseClick(page.fill_button, Qt.MouseButton.LeftButton)
            blanks = {cid: 0 for run in [page.model.input_cell_ids()] for cid in run if cid not in model.current}
            model.edit(blanks)
        elif op == "clear":
            page = table_page(window, step)
            cid = rng.choice(rng.choice(RUNS[step]))
            click_cell(page, cid)
            press(Qt.Key.Key_Delete)
            model.edit({cid: None})
        elif op in ("undo", "redo"):
            before = model.current
            model.undo() if op == "undo" else model.redo()
            if isinstance(QApplication.focusWidget(), QPlainTextEdit):
                table_page(window, step)  # Ctrl+Z in a text editor is the editor's own
            press(Qt.Key.Key_Z if op == "undo" else Qt.Key.Key_Y, CTRL)
            moved = changed_step(before, model.current)
            if moved is not None:  # the page of the cells that changed is the one shown
                assert window.workspace.current_step() == moved
        else:  # 编辑 › 撤销 chosen from a text page
            before = model.current
            model.undo()
            text_page(window, rng.choice(["overview", "problems"]))
            window.undo_action.trigger()
            moved = changed_step(before, model.current)
            if moved is not None:
                assert window.workspace.current_step() == moved
        shown = {cid: v for cid, v in window.controller.values.items()
                 if v is not None and window.controller.form.cells[cid].input}
        assert shown == model.current, f"after {op} (seed {seed}, step {_step})"
        expect_on_disk(window, model.current)
