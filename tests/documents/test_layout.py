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
    plan_table,
    row_blocks,
    scale_widths,
    text_blocks,
    text_width,
    title_lines,
    words_of,
    wrap_text,
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


def test_row_blocks_follow_the_row_groups() -> None:
    form = get_form()
    assert row_blocks(form.tables["proactive"]) == [(0, 3), (4, 6), (7, 10), (11, 13)]  # each 第二十条 block
    # header with 一; 二; the whole of 三、本年度办理结果 (22 rows under one merged label); 四
    assert row_blocks(form.tables["requests"]) == [(0, 3), (4, 4), (5, 26), (27, 27)]
    assert row_blocks(form.tables["appeals"]) == [(0, 3)]


def test_keep_with_next_keeps_a_table_whole_when_it_fits_else_breaks_between_blocks() -> None:
    form = get_form()
    requests = form.tables["requests"]
    assert keep_with_next(requests, 180.0) == [True] * 27 + [False]
    long = keep_with_next(requests, 400.0)
    assert [i for i, keep in enumerate(long) if not keep] == [3, 4, 26, 27]
    proactive = keep_with_next(form.tables["proactive"], 400.0)
    assert [i for i, keep in enumerate(proactive) if not keep] == [3, 6, 10, 13]


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("（三）不予公开", 3, ["（三）", "不予", "公开"]),
        ("（六）其他处理", 3, ["（六）", "其他", "处理"]),
        ("三、本年度办理结果", 3, ["三、", "本年度", "办理", "结果"]),
        ("自然人", 3, ["自然人"]),
        ("社会公益组织", 2, ["社会", "公益", "组织"]),
        ("法律服务机构", 2, ["法律", "服务", "机构"]),
        ("法律服务机构", 4, ["法律服务", "机构"]),
        ("1.本机关不掌握相关政府信息", 8, ["1.本机关不掌握", "相关政府信息"]),
    ],
)
def test_labels_break_only_between_words(text: str, width: float, lines: list[str]) -> None:
    assert wrap_text(text, width, get_form().print_words) == lines


def test_every_official_label_is_cut_into_words_that_give_it_back() -> None:
    form = get_form()
    for table in form.tables.values():
        for g in table.grid:
            if g.cell_id is None:
                pieces = words_of(g.text, form.print_words)
                assert "".join(pieces) == g.text
                assert not any(p[0] in "、，。）" for p in pieces[1:])


def test_widths_count_digits_as_half_a_character() -> None:
    assert text_width("1234567") == 3.5
    assert text_width("自然人") == 3.0
    assert text_width("12.50") == 2.5


def test_wide_figures_shrink_the_table_a_step_before_they_wrap() -> None:
    form = get_form()
    appeals = form.tables["appeals"]
    small = plan_table(appeals, {c: 5 for c in form.cells}, form.print_words, 156.0)
    big = plan_table(appeals, {c: 9_999_999 for c in form.cells}, form.print_words, 156.0)
    assert small.size == 9.0 and big.size < 9.0
    for plan, figure in ((small, "5"), (big, "9999999")):
        assert abs(sum(plan.widths_mm) - 156.0) < 0.01
        em = plan.size * 25.4 / 72
        assert all(w - 2 * plan.margin_mm >= text_width(figure) * em - 1e-6 for w in plan.widths_mm)


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
    office = complete_report(agency="某某省某某市某某区人民政府办公室")
    assert title_lines(form, office) == ["某某省某某市某某区人民政府办公室", "2023年政府信息公开工作年度报告"]


@pytest.mark.parametrize("agency", [
    "某某自治区某某自治州某某县人民政府",
    "某某省某某市某某区某某街道某某社区居民委员会及其下属某某综合行政执法管理服务中心办公室",
    "某某省某某市某某区某某街道某某社区居民委员会及其下属某某综合行政执法管理服务中心办公室" + "某" * 9,
])
def test_title_lines_fit_break_between_words_and_are_never_one_or_two_characters(agency: str) -> None:
    form = get_form()
    lines = title_lines(form, complete_report(agency=agency))
    assert "".join(lines) == f"{agency}2023年政府信息公开工作年度报告"
    assert all(3 <= text_width(line) <= 20 for line in lines)
    assert lines[-1].endswith("政府信息公开工作年度报告") and "2023年政府信息公开工作年度报告" in lines[-1]


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
