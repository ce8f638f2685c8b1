"""The crash handler keeps the draft and writes a log."""

from __future__ import annotations

import os
from pathlib import Path

from reportdesk.app.session import Session
from reportdesk.ui.crash import CrashHandler
from reportdesk.ui.main_window import ReportWindow


def test_crash_handler_flushes_the_draft_and_writes_a_log(qtbot, window: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.controller is not None
    path = window.controller.session.path
    window.controller.set_text("other", "本年度未收取信息处理费。")
    assert window.controller.session.pending
    handler = CrashHandler(window.flush_for_crash, show_dialog=False)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        handler(type(exc), exc, exc.__traceback__)
    assert not window.controller.session.pending
    assert handler.last_log is not None
    assert handler.last_log.parent == Path(os.environ["REPORTDESK_HOME"]) / "logs"
    text = handler.last_log.read_text(encoding="utf-8")
    assert "RuntimeError: boom in a slot" in text and "Traceback" in text
    window.close_draft()
    with Session.open(path) as session:
        assert session.report.texts["other"] == "本年度未收取信息处理费。"
