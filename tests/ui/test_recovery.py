"""A damaged draft in the app: a clear message, and its readable content saved into a new draft."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from reportdesk.app.session import Session
from reportdesk.ui.main_window import ReportWindow
from tests.factories import complete_report


def test_damaged_draft_is_recovered_into_a_new_draft(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "某市某某局-2023.rdesk"
    report = complete_report()
    with Session.create(path, agency="某市某某局", year=2023, source=report):
        pass
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 4096])  # cut short, as by a failed copy
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    win = ReportWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_draft(path) is False
    box = win.last_message_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.windowTitle() == "草稿已损坏"
    recover_button = next(b for b in box.buttons() if b.text() == "恢复到新草稿")
    recover_button.click()

    qtbot.waitUntil(lambda: win.controller is not None)
    session = win.controller.session  # type: ignore[union-attr]
    assert Path(session.path).name == "某市某某局-2023-恢复.rdesk"
    assert session.values()["requests.granted.natural"] == report.cells["requests.granted.natural"]
    assert session.report.agency == "某市某某局"
    assert "已恢复到新草稿" in win.statusBar().currentMessage()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # the original is untouched
    win.close()
