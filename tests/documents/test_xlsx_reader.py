from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from reportdesk.core.catalog import get_form
from reportdesk.core.report import derive
from reportdesk.documents.xlsx_reader import import_xlsx
from tests.documents.builders import Style, write_xlsx
from tests.factories import complete_report


@pytest.mark.parametrize(("sheets", "offset"), [(3, (0, 0)), (1, (0, 0)), (1, (4, 2)), (3, (2, 1))])
def test_hand_made_workbook_in_the_official_layout(tmp_path: Path, sheets: int, offset: tuple[int, int]) -> None:
    report = complete_report(seed=4)
    style = Style(label=lambda s: s.replace("（", "(").replace("）", ")"))
    result = import_xlsx(write_xlsx(tmp_path / "r.xlsx", report, style, sheets=sheets, offset=offset))
    assert result.report.cells == derive(get_form(), report.cells)
    assert result.summary.cells_missing == [] and result.summary.unmapped == []
    assert result.findings == []


def test_unmerged_workbook(tmp_path: Path) -> None:
    report = complete_report(seed=9)
    result = import_xlsx(write_xlsx(tmp_path / "r.xlsx", report, Style(merge=False), sheets=1))
    assert result.report.cells == derive(get_form(), report.cells)


def test_export_round_trip_and_hand_edited_figure(tmp_path: Path) -> None:
    from reportdesk.documents.excel_writer import write_xlsx as export_xlsx

    report = complete_report(seed=12, agency="某县某局", year=2024)
    path = tmp_path / "exported.xlsx"
    export_xlsx(report, path, [])
    result = import_xlsx(path)
    assert result.summary.embedded
    assert result.report.cells == derive(get_form(), report.cells)
    assert result.report.texts == report.texts
    assert (result.report.agency, result.report.year) == ("某县某局", 2024)
    assert result.findings == []

    workbook = load_workbook(path)
    target = None
    for sheet in workbook.worksheets:
        if sheet.title == "_reportdesk":
            continue
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == "行政处罚":
                    target = sheet.cell(row=cell.row, column=cell.column + 1)
    assert target is not None
    old = target.value
    # Edit the figure in the sheet XML, as Excel or WPS would save it: every total keeps its
    # formula and a value (openpyxl itself would drop the totals' values on saving).
    import re
    import zipfile

    index = workbook.sheetnames.index(target.parent.title) + 1
    with zipfile.ZipFile(path) as archive:
        parts = {i: archive.read(i) for i in archive.namelist()}
    name = f"xl/worksheets/sheet{index}.xml"
    parts[name] = re.sub(rf'(<c r="{target.coordinate}"[^>]*><v>){old}(</v>)'.encode(),
                         rf"\g<1>{int(old) + 100}\g<2>".encode(), parts[name])
    with zipfile.ZipFile(path, "w") as archive:
        for item, blob in parts.items():
            archive.writestr(item, blob)
    edited = import_xlsx(path)
    mismatch = [f for f in edited.findings if f.rule == "export_mismatch"]
    assert [f.cells for f in mismatch] == [("proactive.penalties.decisions",)]
    assert f"表格中为 {int(old) + 100}，导出时为 {int(old)}" in mismatch[0].message
