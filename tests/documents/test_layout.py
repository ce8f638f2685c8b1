from __future__ import annotations

import pytest

from reportdesk.core.catalog import get_form
from reportdesk.core.report import Report
from reportdesk.documents.layout import (
    ColumnKind,
    Level,
    column_kinds,
    export_values,
    grid_rows,
    keep_with_next,
    scale_widths,
    text_blocks,
    title_lines,
)
from reportdesk.documents.options import chinese_date
from tests.factories import complete_report


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）主动公开", [(Level.HEADING2, "（一）主动公开", "")]),
        ("本年度公开了信息。", [(Level.BODY, "", "本年度公开了信息。")]),
        ("1.规范流程", [(Level.HEADING3, "1.规范流程", "")]),
        ("（二）依申请公开。本年度收到申请3件，全部办结。",
         [(Level.HEADING2, "（二）依申请公开。", "本年度收到申请3件，全部办结。")]),
        ("2022 年，本局将继续推进工作。", [(Level.BODY, "", "2022 年，本局将继续推进工作。")]),
        ("a\n\n  \nb", [(Level.BODY, "", "a"), (Level.BODY, "", "b")]),
    ],
)
def test_text_blocks(text: str, expected: list[tuple[Level, str, str]]) -> None:
    assert [(b.level, b.lead, b.text) for b in text_blocks(text)] == expected


def test_grid_rows_cover_every_grid_position() -> None:
    form = get_form()
    for table in form.tables.values():
        rows = grid_rows(table)
        assert len(rows) == table.n_rows
        for r, row in enumerate(rows):
            assert sum(cell.colspan for cell, _ in row) == table.n_cols
            for cell, starts in row:
                assert starts == (cell.row == r)


def test_column_kinds_follow_the_grid() -> None:
    requests = get_form().tables["requests"]
    kinds = column_kinds(requests)
    assert kinds[:3] == [ColumnKind.GROUP, ColumnKind.GROUP, ColumnKind.LABEL]
    assert kinds[3:] == [ColumnKind.VALUE] * 7
    assert column_kinds(get_form().tables["appeals"]) == [ColumnKind.VALUE] * 15


def test_keep_with_next_keeps_blocks_and_headers_together() -> None:
    form = get_form()
    proactive = keep_with_next(form.tables["proactive"])
    assert [i for i, keep in enumerate(proactive) if not keep] == [3, 6, 10, 13]  # before each 第二十条 row
    requests = keep_with_next(form.tables["requests"])
    assert requests[:5] == [True] * 5 and not any(requests[5:])
    assert keep_with_next(form.tables["appeals"]) == [True, True, True, False]


def test_scale_widths_adds_up_exactly() -> None:
    assert sum(scale_widths([1.3, 2.7, 3.1], 8844)) == 8844


def test_export_values_keeps_blanks_blank() -> None:
    form = get_form()
    report = Report(form_id=form.id, agency="某局", year=2023, cells={"requests.received.natural": 2})
    values = export_values(form, report)
    assert values["requests.received.total"] == 2  # derived for a draft
    assert values.get("requests.received.commercial") is None  # never invented as 0


def test_title_breaks_after_a_long_agency_name() -> None:
    form = get_form()
    assert title_lines(form, complete_report(agency="某局")) == ["某局2023年政府信息公开工作年度报告"]
    long = complete_report(agency="乐清市人力资源和社会保障局")
    assert title_lines(form, long) == ["乐清市人力资源和社会保障局", "2023年政府信息公开工作年度报告"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-01-20", "2024年1月20日"),
        ("2024年1月20日", "2024年1月20日"),
        ("二〇二四年一月", "二〇二四年一月"),
    ],
)
def test_chinese_date(raw: str, expected: str) -> None:
    assert chinese_date(raw) == expected
