"""The app names new drafts and exports with the one safe-file-name function."""

from __future__ import annotations

from pathlib import Path

from reportdesk.storage.home import drafts_home
from reportdesk.ui.main_window import ReportWindow
from tests.core.test_file_names import windows_problem


def test_a_new_draft_of_an_awkward_agency_gets_a_valid_readable_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    win = ReportWindow()
    qtbot.addWidget(win)
    for agency in ("某市/某某局：办公室?", "CON", "某局. "):
        assert win.create_draft(agency, 2023)
        assert win.controller is not None
        path = win.controller.session.path
        assert path.parent == drafts_home() and path.is_file()
        assert windows_problem(path.name) is None, path.name
    assert {p.name for p in drafts_home().glob("*.rdesk")} >= {"某市／某某局：办公室？-2023.rdesk", "CON-2023.rdesk",
                                                               "某局-2023.rdesk"}
    win.close()


def test_export_defaults_are_safe_names_in_the_chosen_folder(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = ReportWindow()
    qtbot.addWidget(win)
    assert win.create_draft("某市.某某局|信息公开办", 2023)
    assert win.workspace is not None
    win.workspace.go_to_step("export")
    panel = win.workspace.page("export").export_panel  # type: ignore[attr-defined]
    panel.folder.setText(str(tmp_path))
    panel.word_box.setChecked(True)
    panel.excel_box.setChecked(True)
    targets = panel.targets()
    assert targets["docx"] == tmp_path / "某市.某某局｜信息公开办2023年政府信息公开工作年度报告.docx"
    assert targets["xlsx"].name.endswith("2023年政府信息公开工作年度报告.xlsx")  # the dot is no suffix
    assert all(windows_problem(p.name) is None for p in targets.values())
    win.close()
