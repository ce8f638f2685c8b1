"""The rules for last year's report are one function, so the CLI and the GUI refuse the same files:
a report of this year or later, and a report with nothing in it (an empty 2030 report)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportdesk.app.previous_year import PreviousProblem, PreviousYearError, check_previous
from reportdesk.app.session import EditError, Session
from reportdesk.cli import main
from reportdesk.core.catalog import get_form
from reportdesk.core.interchange import report_to_json
from reportdesk.core.report import Report
from tests.factories import complete_report


def write(path: Path, report: Report) -> Path:
    path.write_text(json.dumps(report_to_json(get_form(), report), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def later(tmp_path: Path) -> Path:
    return write(tmp_path / "2022.json", complete_report(year=2022))


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    return write(tmp_path / "2030.json", Report(form_id=get_form().id, agency="某局", year=2030))


@pytest.mark.parametrize(("previous", "year", "problem"), [
    (complete_report(year=2022), 2021, PreviousProblem.NOT_EARLIER),
    (complete_report(year=2022), 2022, PreviousProblem.NOT_EARLIER),
    (Report(form_id="gov-info-disclosure-2021", agency="某局", year=2030), 2031, PreviousProblem.EMPTY),
    (Report(form_id="gov-info-disclosure-2021", agency="某局", year=2030, texts={"other": "  "}), None,
     PreviousProblem.EMPTY),
    (complete_report(year=2022), 2023, None),
    (complete_report(year=2022), None, None),
])
def test_check_previous(previous: Report, year: int | None, problem: PreviousProblem | None) -> None:
    if problem is None:
        check_previous(previous, year)
        return
    with pytest.raises(PreviousYearError) as caught:
        check_previous(previous, year)
    assert caught.value.code is problem


@pytest.mark.parametrize(("fixture", "year", "said"), [("later", 2021, "应早于本年"), ("empty", 2031, "没有读到任何数字")])
def test_the_cli_refuses(request: pytest.FixtureRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                         fixture: str, year: int, said: str) -> None:
    previous = request.getfixturevalue(fixture)
    out = tmp_path / "new.rdesk"
    assert main(["new", "-o", str(out), "--agency", "某局", "--year", str(year), "--previous", str(previous)]) == 2
    assert said in capsys.readouterr().err
    assert not out.exists()


def test_the_session_refuses(tmp_path: Path) -> None:
    with pytest.raises(EditError, match="应早于本年"):
        Session.create(tmp_path / "a.rdesk", agency="某局", year=2021, previous=complete_report(year=2022))
    assert not (tmp_path / "a.rdesk").exists()
    session = Session.create(tmp_path / "b.rdesk", agency="某局", year=2023)
    with session, pytest.raises(EditError, match="没有读到任何数字"):
        session.set_previous(Report(form_id=get_form().id, agency="某局", year=2022))
    session = Session.open(tmp_path / "b.rdesk")
    with session:
        assert session.previous is None


@pytest.mark.parametrize(("fixture", "said"), [("later", "应早于本年"), ("empty", "没有读到任何数字")])
def test_the_window_refuses(qtbot, request: pytest.FixtureRequest, fixture: str, said: str) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("PySide6")
    from reportdesk.ui.main_window import ReportWindow

    previous = request.getfixturevalue(fixture)
    window = ReportWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.create_draft("某局", 2021 if fixture == "later" else 2031)
    assert window.controller is not None
    assert not window.set_previous_file(previous)
    assert said in window.last_message_box.text()  # type: ignore[union-attr]
    assert window.controller.previous is None
    window.close_draft()
    dialog = window.new_report(previous)
    if fixture == "later":  # read, then refused for the year chosen
        dialog.year.setValue(2021)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert said in dialog.error.text()
    assert dialog.isVisible()
    dialog.close()
    window.close()
