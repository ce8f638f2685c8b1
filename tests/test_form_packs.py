"""Form packs end to end: a copy of the 2021 form with a new id, valid from 2025, with an extra row under
（三）不予公开, installed in the user's forms folder, works with no code change — the catalog and
``reportdesk forms``, a new draft by year, totals and checks, Word and Excel, reading its own exports
(with and without their embedded data), the summary workbook and the grid in the window."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from reportdesk.app.batch import review_file
from reportdesk.app.reading import read_report
from reportdesk.app.session import Session
from reportdesk.cli import main
from reportdesk.core.catalog import UnknownFormError, form_for_year, get_form
from reportdesk.core.checks import check_report
from reportdesk.core.interchange import ReportFileError, report_to_json
from reportdesk.core.report import Report, derive
from tests.factories import complete_report
from tests.fixtures.forms import (
    BASE_ID,
    EXTRA_CELLS,
    EXTRA_ID,
    EXTRA_LABEL,
    EXTRA_ROW,
    EXTRA_YEAR,
    install_extra_row_form,
)

PARTS = ["natural", "commercial", "research", "public_interest", "legal_services", "other_org"]


@pytest.fixture
def home() -> Path:
    home = Path(os.environ["REPORTDESK_HOME"])
    install_extra_row_form(home)
    return home


def extra_report(year: int = EXTRA_YEAR) -> Report:
    """A complete, consistent report of the extra form, with figures in the extra row."""
    base = complete_report(year=year)
    cells = dict(base.cells)
    for i, column in enumerate(PARTS, start=1):
        cells[f"requests.{EXTRA_ROW}.{column}"] = i
        cells[f"requests.received.{column}"] = int(cells[f"requests.received.{column}"] or 0) + i
    return Report(form_id=EXTRA_ID, agency=base.agency, year=year, cells=cells, texts=dict(base.texts))


def test_the_catalog_and_the_forms_command_list_it(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    form = get_form(EXTRA_ID)
    requests = form.tables["requests"]
    assert [r.id for r in requests.rows_in(subgroup="（三）不予公开")][-1] == EXTRA_ROW
    assert f"requests.{EXTRA_ROW}.total" in form.cells and form.cells[f"requests.{EXTRA_ROW}.total"].derived
    assert main(["forms"]) == 0
    out = capsys.readouterr().out
    assert BASE_ID in out and "程序自带" in out
    line = next(line for line in out.splitlines() if line.startswith(EXTRA_ID))
    assert "用户安装" in line and "2025 年起" in line and str(home / "forms") in line
    assert main(["forms", "--json"]) == 0
    listed = {item["id"]: item for item in json.loads(capsys.readouterr().out)}
    assert listed[EXTRA_ID]["valid_from_year"] == EXTRA_YEAR and listed[EXTRA_ID]["usable"]


def test_the_newest_form_valid_for_the_year_is_chosen(home: Path, tmp_path: Path) -> None:
    assert form_for_year(2024).id == BASE_ID
    assert form_for_year(2025).id == EXTRA_ID
    assert form_for_year(2030).id == EXTRA_ID
    assert form_for_year(2019).id == BASE_ID  # none covers it: the default form
    new = Session.create(tmp_path / "a.rdesk", agency="某局", year=2025)
    old = Session.create(tmp_path / "b.rdesk", agency="某局", year=2024)
    try:
        assert (new.form.id, old.form.id) == (EXTRA_ID, BASE_ID)
    finally:
        new.close()
        old.close()
    assert main(["new", "-o", str(tmp_path / "c.rdesk"), "--agency", "某局", "--year", "2026"]) == 0
    assert read_report(tmp_path / "c.rdesk").form_id == EXTRA_ID


def test_the_extra_row_counts_in_the_totals_and_the_checks(home: Path, tmp_path: Path) -> None:
    session = Session.create(tmp_path / "d.rdesk", agency="某局", year=2025)
    try:
        # 一 + 二 = 1 + 0 is known; （七）总计 holds 4 and blanks: an error whatever the blanks hold
        session.set_cells({f"requests.{EXTRA_ROW}.natural": 4, "requests.received.natural": 1,
                           "requests.carried_over.natural": 0})
        values = session.values()
        assert values["requests.handled_total.natural"] == 4
        assert values[f"requests.{EXTRA_ROW}.total"] == 4
        balance = [f for f in check_report(session.report) if f.rule == "balance" and "自然人" in f.message]
        assert balance and f"requests.{EXTRA_ROW}.natural" not in balance[0].cells  # via （七）总计
        session.set_cells({"requests.received.natural": 4})
        assert not [f for f in check_report(session.report) if f.rule == "balance" and "自然人" in f.message]
    finally:
        session.close()
    report = extra_report()
    assert [f for f in check_report(report) if f.is_error] == []
    stated = derive(get_form(EXTRA_ID), report.cells)
    stated[f"requests.{EXTRA_ROW}.natural"] = 5  # one more than the totals say
    wrong = Report(form_id=EXTRA_ID, agency="某局", year=EXTRA_YEAR, cells=stated, totals="stated")  # type: ignore[arg-type]
    rules = {f.rule for f in check_report(wrong) if f.is_error}
    assert {"handled_total", "row_total"} <= rules


def _without_embedded_data(docx: Path, target: Path) -> None:
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            if not item.filename.startswith("customXml/"):
                out.writestr(item, source.read(item.filename))


def test_word_and_excel_exports_are_read_back_with_the_extra_row(home: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from reportdesk.documents.batch_summary import write_summary
    from reportdesk.documents.export import export_report

    report = extra_report()
    docx, xlsx = tmp_path / "r.docx", tmp_path / "r.xlsx"
    export_report(report, docx=docx, xlsx=xlsx)
    word_text = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    assert EXTRA_LABEL in word_text
    sheet_labels = [c.value for ws in load_workbook(xlsx).worksheets for row in ws.iter_rows() for c in row]
    assert EXTRA_LABEL in sheet_labels
    expected = {c: report.cells[c] for c in EXTRA_CELLS}
    plain = tmp_path / "plain.docx"
    _without_embedded_data(docx, plain)
    for path in (docx, xlsx, plain):
        back = read_report(path)
        assert back.form_id == EXTRA_ID, path.name
        assert {c: back.cells.get(c) for c in EXTRA_CELLS} == expected, path.name
        assert [f.message for f in check_report(back) if f.is_error] == [], path.name
    results = [review_file(p) for p in (docx, xlsx, plain)]
    assert all(r.readable and r.errors == 0 for r in results), [r.error or r.findings for r in results]
    summary = tmp_path / "汇总.xlsx"
    write_summary(results, summary)
    rows = list(load_workbook(summary)["报告汇总"].iter_rows(values_only=True))
    column = rows[0].index("办理结果总计")
    handled = derive(get_form(EXTRA_ID), report.cells)["requests.handled_total.total"]
    assert [r[column] for r in rows[1:]] == [handled] * 3


def test_a_json_report_names_its_form_and_an_unknown_id_is_refused(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps(report_to_json(get_form(EXTRA_ID), extra_report()), ensure_ascii=False),
                    encoding="utf-8")
    assert read_report(path).form_id == EXTRA_ID
    (home / "forms" / f"{EXTRA_ID}.toml").unlink()
    with pytest.raises(ReportFileError, match="未知的报告格式“gov-info-disclosure-2025-test”"):
        read_report(path)


@pytest.mark.parametrize("form_id", [
    "../forms/gov-info-disclosure-2021", "/etc/passwd", "\\\\host\\share\\x", "gov-info-disclosure-2021.toml",
    "x" * 5000, "gov-info-disclosure-2021\x00", "", "GOV-INFO-DISCLOSURE-2021",
])
def test_a_format_id_is_never_a_path(home: Path, tmp_path: Path, form_id: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "evil.toml"
    outside.write_text('[form]\nid = "evil"\n', encoding="utf-8")
    with pytest.raises(UnknownFormError) as caught:
        get_form(form_id)
    message = str(caught.value)
    assert message.startswith("未知的报告格式“") and len(message) < 200 + len(BASE_ID + EXTRA_ID)
    data = {**report_to_json(get_form(BASE_ID), complete_report()), "format": form_id}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["check", str(path)]) == 2
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert "未知的报告格式" in said or "缺少 \"format\"" in said
    assert "Traceback" not in said and "x" * 100 not in said


def test_a_broken_form_pack_is_listed_with_its_problem_and_never_used(home: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (home / "forms" / "broken-2030.toml").write_text(
        '[form]\nid = "broken-2030"\nvalid_from_year = 2030\n[[sections]]\nid = "x"\nkind = "table"\ntable = "nope"\n',
        encoding="utf-8")
    (home / "forms" / "not-toml.toml").write_text("[form\n", encoding="utf-8")
    assert form_for_year(2031).id == EXTRA_ID  # the newest *usable* form
    assert main(["forms"]) == 1
    out = io.StringIO(capsys.readouterr().out).read()
    assert "broken-2030" in out and "未使用" in out and "不存在的表格" in out
    assert "not-toml" in out and "无法读取" in out
    with pytest.raises(UnknownFormError, match="格式定义文件有错误"):
        get_form("broken-2030")


def test_a_draft_naming_an_unknown_form_is_refused_by_every_command(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    path = tmp_path / "d.rdesk"
    Session.create(path, agency="某局", year=2023).close()
    with sqlite3.connect(path) as db:
        db.execute("update draft_info set value = ? where key = 'form_id'", ("../../etc/" + "y" * 300,))
        assert db.total_changes == 1
    for argv in (["check", str(path)], ["dump", str(path)], ["recover", str(path), "-o", str(tmp_path / "r.rdesk")]):
        status = main(argv)
        captured = capsys.readouterr()
        said = captured.out + captured.err
        assert status == 2, argv
        assert "未知的报告格式“../../etc/yyy" in said and "y" * 100 not in said and "Traceback" not in said


def test_a_batch_file_looks_at_the_forms_once_and_the_next_file_sees_a_new_pack(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Inside one file's check the forms folders are looked at once; a pack installed between two files
    of a batch serves the second (review_file looks again for every file)."""
    from reportdesk.core import catalog

    json_path = tmp_path / "r.json"
    home = Path(os.environ["REPORTDESK_HOME"])
    first = review_file(_json_report(json_path))
    assert first.report is not None and first.report.form_id == BASE_ID
    install_extra_row_form(home)
    second = review_file(_json_report(json_path, extra_report()))
    assert second.readable and second.report is not None and second.report.form_id == EXTRA_ID
    looks = []
    real = catalog._folders
    monkeypatch.setattr(catalog, "_folders", lambda: looks.append(1) or real())
    with catalog.single_look():
        for _ in range(3):
            assert catalog.get_form(EXTRA_ID) is catalog.get_form(EXTRA_ID)
            assert catalog.form_for_year(EXTRA_YEAR).id == EXTRA_ID and EXTRA_ID in catalog.form_ids()
    assert len(looks) == 1
    catalog.get_form(EXTRA_ID)
    catalog.get_form(EXTRA_ID)
    assert len(looks) == 3  # outside a block every look-up looks


def _json_report(path: Path, report: Report | None = None) -> Path:
    report = report or complete_report()
    path.write_text(json.dumps(report_to_json(get_form(report.form_id), report), ensure_ascii=False),
                    encoding="utf-8")
    return path
