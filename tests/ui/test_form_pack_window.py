"""The window on a draft of an installed form pack (the 2021 form with an extra row, valid from 2025):
the grid shows the extra row, typing into it updates the totals and the balance strip, the draft
on disk holds the figure."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from reportdesk.app.reading import read_report
from reportdesk.ui.main_window import ReportWindow
from tests.fixtures.forms import EXTRA_ID, EXTRA_LABEL, EXTRA_ROW, install_extra_row_form
from tests.ui.test_report_window import requests_page, type_into


def test_the_extra_row_is_in_the_grid_and_in_the_balance_strip(qtbot) -> None:  # type: ignore[no-untyped-def]
    install_extra_row_form(Path(os.environ["REPORTDESK_HOME"]))
    window = ReportWindow()
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    assert window.create_draft("某市某某局", 2025)
    assert window.controller is not None and window.controller.form.id == EXTRA_ID
    page = requests_page(window)
    model = page.model
    labels = {model.data(model.index(r, c)) for r in range(model.rowCount()) for c in range(model.columnCount())}
    assert EXTRA_LABEL in labels
    editor = type_into(qtbot, page, f"requests.{EXTRA_ROW}.natural", "3")
    with qtbot.waitSignal(window.controller.sig_findings_changed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert model.index_of("requests.handled_total.natural").data() == "3"
    assert page.balance is not None
    left, right, diff = page.balance.cells["natural"]
    # blanks are not zeros: the left side is blank, the right a figure with blank parts
    assert (left.text(), right.text(), diff.text()) == ("空", "3 + 空", "有空白")
    path = window.controller.session.path
    window.close()
    saved = read_report(path)
    assert saved.form_id == EXTRA_ID and saved.cells[f"requests.{EXTRA_ROW}.natural"] == 3
