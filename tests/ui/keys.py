"""Key presses as a clerk makes them: always sent to the widget that has the focus in the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from reportdesk.core.numbers import Value, format_value
from reportdesk.storage.draft import DraftState, read_state
from reportdesk.ui.main_window import ReportWindow
from reportdesk.ui.table_page import TableSectionPage


def put_clipboard(text: str, html: str = "") -> None:
    """What Excel, WPS or Word put on the clipboard: the text flavour, and the HTML one beside it."""
    mime = QMimeData()
    mime.setText(text)
    if html:
        mime.setHtml(html)
    QGuiApplication.clipboard().setMimeData(mime)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the focus left the window"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)
    QApplication.processEvents()


def type_text(text: str) -> None:
    """Type characters one by one into whatever has the focus (the first opens the cell editor)."""
    for ch in text:
        QTest.keyClicks(focused(), ch)
        QApplication.processEvents()


def commit_text(text: str) -> None:
    """Chinese as the input method delivers it: committed text to the focused widget."""
    from PySide6.QtGui import QInputMethodEvent

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(focused(), event)
    QApplication.processEvents()


def table_page(window: ReportWindow, step: str) -> TableSectionPage:
    assert window.workspace is not None
    window.workspace.go_to_step(step)
    page = window.workspace.page(step)
    assert isinstance(page, TableSectionPage)
    QApplication.processEvents()
    return page


def current_cell(page: TableSectionPage) -> str | None:
    return page.model.cell_id(page.view.currentIndex())


def click_cell(page: TableSectionPage, cell_id: str) -> None:
    view = page.view
    index = page.model.index_of(cell_id)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    QApplication.processEvents()


def draft_on_disk(window: ReportWindow) -> DraftState:
    """Flush the draft and read the file back as stored (without the open session)."""
    assert window.controller is not None and window.workspace is not None
    window.workspace.commit_pending()
    window.controller.flush()
    path: Path = window.controller.session.path
    return read_state(path)[0]


def cells_on_disk(window: ReportWindow) -> dict[str, str]:
    """Cell id -> the figure as stored in the draft file (blank cells are absent)."""
    return {cid: value for cid, (value, _origin) in draft_on_disk(window).cells.items()}


def expect_on_disk(window: ReportWindow, expected: dict[str, Value]) -> None:
    """Every input cell on disk equals *expected* (missing from *expected* means blank)."""
    assert window.controller is not None
    form = window.controller.form
    stored = cells_on_disk(window)
    inputs = {cid for cid, d in form.cells.items() if d.input}
    got = {cid: stored[cid] for cid in inputs if cid in stored}
    want = {cid: format_value(v) for cid, v in expected.items() if v is not None}
    assert got == want
