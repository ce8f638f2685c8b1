"""Fixtures for the desktop app tests: the real window on a real draft in a temporary home."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("PySide6")

from reportdesk.ui.main_window import ReportWindow


@pytest.fixture(autouse=True)
def _clipboard_emptied_while_qt_lives() -> Iterator[None]:
    """Empty the clipboard after each test: mime data a test put there is then deleted by Qt while the
    application still exists, not by Python's collector at exit after Qt (a crash on exit)."""
    yield
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()


@pytest.fixture
def bare(qtbot) -> Iterator[ReportWindow]:  # type: ignore[no-untyped-def]
    """The window on its start page (no draft open)."""
    win = ReportWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def window(bare: ReportWindow) -> ReportWindow:
    """The window on a new, empty draft."""
    bare.activateWindow()
    assert bare.create_draft("某市某某局", 2023)
    return bare
