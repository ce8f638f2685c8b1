"""The mapper on plain grids (as a reader produces them), without any office library."""

from __future__ import annotations

from reportdesk.core.catalog import get_form
from reportdesk.core.report import Report
from reportdesk.core.table_import import ImportSummary, TableMapper

APPEALS_GRID = [
    ["行政复议", "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", "", ""],
    ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
    ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
     "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
    ["1", "2", "3", "4", "10", "5", "0", "0", "1", "6", "0", "0", "0", "2", "2"],
]


def _map(*grids: list[list[str]]) -> tuple[Report, ImportSummary]:
    form = get_form()
    summary = ImportSummary("test")
    mapper = TableMapper(form, summary)
    for i, grid in enumerate(grids):
        mapper.feed(grid, f"表{i + 1}")
    report = Report(form_id=form.id, year=2023)
    mapper.finish(report)
    return report, summary


def test_appeals_columns_by_their_group_headers() -> None:
    report, summary = _map(APPEALS_GRID)
    assert report.cells["appeals.reconsideration.total"] == 10
    assert report.cells["appeals.litigation_direct.upheld"] == 5
    assert report.cells["appeals.litigation_direct.pending"] == 1
    assert report.cells["appeals.litigation_after.pending"] == 2
    assert summary.tables_found == ["appeals"]
    assert report.structure is not None and report.structure.tables == frozenset({"appeals"})


def test_requests_columns_in_another_order_and_a_continuation_without_header() -> None:
    header = [["", "总计", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]
    first = [*header, ["一、本年新收政府信息公开申请数量", "7", "1", "1", "1", "1", "1", "2"]]
    second = [["（七）总计", "3", "3", "0", "0", "0", "0", "0"]]
    report, summary = _map(first, second)
    assert report.cells["requests.received.total"] == 7
    assert report.cells["requests.received.other_org"] == 2
    assert report.cells["requests.handled_total.natural"] == 3
    assert summary.unmapped == []


def test_single_value_rows_with_conflicting_values_are_not_guessed() -> None:
    grid = [["信息内容", "本年处理决定数量", "", ""], ["行政许可", "12", "13", ""], ["行政处罚", "4", "", ""]]
    report, summary = _map(grid)
    assert "proactive.licensing.decisions" not in report.cells
    assert report.cells["proactive.penalties.decisions"] == 4
    assert any("行政许可" in u and "12、13" in u for u in summary.unmapped)


def test_the_single_row_other_handling_of_2019_is_old_format() -> None:
    grid = [["", "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
            ["三、本年度办理结果", "（六）其他处理", "", "0", "0", "0", "0", "0", "0", "0"]]
    report, summary = _map(grid)
    assert summary.old_format and report.cells == {}
    assert report.structure is not None and report.structure.old_format_signs


def test_blank_and_not_found_are_told_apart() -> None:
    header = [["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]]
    rows = [["一、本年新收政府信息公开申请数量", "3", "/", "", "0", "0", "0", "3"],
            ["二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0"]]
    report, summary = _map(APPEALS_GRID, header + rows)
    assert summary.cells_blank == ["requests.received.commercial", "requests.received.research"]
    assert "requests.received.commercial" in summary.cells_read  # blank: the cell is there
    assert "requests.granted.natural" in summary.cells_missing and "requests.granted.natural" in report.missing
    assert report.missing == set(summary.cells_missing)
    assert not report.missing & set(summary.cells_read)
    assert summary.not_found == [
        "表二（主动公开政府信息情况）未找到，其中 10 个数字都没有读到（表格可能是图片，或不在文件中）",
        "表三只读到“二、上年结转政府信息公开申请数量”一行，其后 23 行未找到，表格可能被截断",
    ]
    summary.source = "Word"
    lines = summary.lines()
    assert "读取单元格 29 个（其中空白 2 个），未找到 171 个。" in lines
    assert "未找到：表三只读到“二、上年结转政府信息公开申请数量”一行，其后 23 行未找到，表格可能被截断。" in lines
    assert summary.brief().startswith("读取 29 格（空白 2 格），未找到 171 格")
    data = summary.to_json()
    assert data["cells_blank"] == summary.cells_blank and data["not_found"] == summary.not_found
