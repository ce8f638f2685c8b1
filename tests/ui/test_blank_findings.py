"""A table's blanks are one finding with every cell highlighted, and 将空白单元格填为 0 from the panel."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reportdesk.app.reading import read_report
from reportdesk.ui.main_window import ReportWindow
from reportdesk.ui.table_page import TableSectionPage


def _click_item(qtbot, panel, text_start: str):  # type: ignore[no-untyped-def]
    row = next(i for i in range(panel.list.count()) if panel.list.item(i).text().startswith(text_start))
    item = panel.list.item(row)
    panel.list.scrollToItem(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualItemRect(item).center())
    return item


def test_one_blank_finding_per_table_and_the_fill_action(qtbot, window: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.controller is not None and window.workspace is not None
    appeals = {f"appeals.{g}.{c}": 0 for g in ("reconsideration", "litigation_direct", "litigation_after")
               for c in ("upheld", "corrected", "other", "pending")}
    appeals.update({"appeals.litigation_after.upheld": 2, "appeals.reconsideration.other": None,
                    "appeals.litigation_direct.pending": None})
    window.controller.edit_cells({k: v for k, v in appeals.items() if v is not None})
    window.workspace.go_to_step("overview")
    panel = window.workspace.findings_panel
    blank = [f for f in window.controller.findings if f.rule == "blank" and f.message.startswith("表四")]
    assert len(blank) == 1
    assert set(blank[0].cells) == {"appeals.reconsideration.other", "appeals.litigation_direct.pending"}
    assert blank[0].message.startswith("表四有 2 个空白单元格：“行政复议 / 其他结果”、“未经复议直接起诉 / 尚未审结”")
    assert not panel.action_button.isVisible()

    _click_item(qtbot, panel, "表四有 2 个空白单元格")
    assert window.workspace.current_step() == "appeals"
    page = window.workspace.page("appeals")
    assert isinstance(page, TableSectionPage)
    selected = {page.model.cell_id(i) for i in page.view.selectionModel().selectedIndexes()}
    assert selected == set(blank[0].cells)
    assert panel.action_button.isVisible() and panel.action_button.text() == "将空白单元格填为 0"

    # another table's blanks are not touched: only the cells of the finding are filled
    before = window.controller.session.values()
    qtbot.mouseClick(panel.action_button, Qt.MouseButton.LeftButton)
    values = window.controller.session.values()
    assert values["appeals.reconsideration.other"] == 0 and values["appeals.litigation_direct.pending"] == 0
    assert {k: v for k, v in values.items() if not k.startswith("appeals.")} == \
        {k: v for k, v in before.items() if not k.startswith("appeals.")}
    assert not [f for f in window.controller.findings if f.rule == "blank" and f.message.startswith("表四")]
    path = window.controller.session.path
    window.undo_action.trigger()  # one undoable step
    assert window.controller.session.values()["appeals.reconsideration.other"] is None
    window.redo_action.trigger()
    on_disk = read_report(path)  # as `reportdesk check` reads a draft open in the app
    assert on_disk.cells["appeals.litigation_direct.pending"] == 0
    assert on_disk.cells["appeals.reconsideration.other"] == 0
