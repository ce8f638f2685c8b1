"""Blanks are not zeros, and not errors; figures not found are neither (issue 15, items 1–3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportdesk.core.catalog import get_form
from reportdesk.core.checks import check_report
from reportdesk.core.findings import Finding
from reportdesk.core.interchange import ReportFileError, read_json_file, report_from_json, report_to_json
from reportdesk.core.missing import MissingKind, describe_missing
from reportdesk.core.report import Report, Totals
from reportdesk.core.rules import BalanceKind, balance
from tests.factories import complete_report

APPEAL_COLUMNS = ("upheld", "corrected", "other", "pending")


def stated_report(**cells: int | None) -> Report:
    """A complete, consistent report as read from a file, then the given appeal cells (``litigation_after``)."""
    report = complete_report(seed=3, stated=True)
    for group in ("reconsideration", "litigation_direct", "litigation_after"):
        for column in (*APPEAL_COLUMNS, "total"):
            report.cells[f"appeals.{group}.{column}"] = 0
    for column, value in cells.items():
        report.cells[f"appeals.litigation_after.{column}"] = value
    return report


def appeals_findings(report: Report) -> list[Finding]:
    return [f for f in check_report(report) if f.rule == "appeals_total"]


# --- item 1: blank operands -----------------------------------------------------------

def test_the_hand_made_report_of_the_issue_is_a_warning_saying_what_the_blank_must_hold() -> None:
    # total 3 with parts 0, /, 1, 1: the only fact is that the blank must be 1
    found = appeals_findings(stated_report(total=3, upheld=0, corrected=None, other=1, pending=1))
    assert len(found) == 1
    assert found[0].severity == "warning"
    assert found[0].message == (
        "表四“复议后起诉”：总计 = 3，结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 0 + 空 + 1 + 1；"
        "结果纠正为空；若总计 3 无误，结果纠正应为 1，请核实后填写。")
    assert "appeals.litigation_after.corrected" in found[0].cells


CASES = [
    # (cells of 复议后起诉, severity or None, words in the message)
    ({"total": 3, "upheld": 2, "corrected": None, "other": 1, "pending": 1}, "error",
     ["2 + 空 + 1 + 1", "结果纠正为空，但其余各项已是 4，比总计 3 多 1", "无论结果纠正是多少都不相等"]),
    ({"total": 5, "upheld": 0, "corrected": None, "other": None, "pending": 1}, "warning",
     ["0 + 空 + 空 + 1", "结果纠正、其他结果为空；若总计 5 无误，这 2 格之和应为 4"]),
    ({"total": None, "upheld": 0, "corrected": 0, "other": 1, "pending": 1}, "warning",
     ["总计 = 空", "总计为空；若结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 2 无误，总计应为 2"]),
    # blanks on both sides: any figures could balance it; the blank finding asks for them
    ({"total": None, "upheld": 0, "corrected": None, "other": 1, "pending": 1}, None, []),
    # holds with the blank as 0: only the blank finding (fill in 0)
    ({"total": 2, "upheld": 0, "corrected": None, "other": 1, "pending": 1}, None, []),
    # no blank: the plain arithmetic error, as before
    ({"total": 3, "upheld": 0, "corrected": 0, "other": 1, "pending": 1}, "error",
     ["0 + 0 + 1 + 1 = 2", "相差 1，请核对这些数字。"]),
    ({"total": 2, "upheld": 0, "corrected": 0, "other": 1, "pending": 1}, None, []),
]


@pytest.mark.parametrize(("cells", "severity", "words"), CASES)
def test_blank_operands_on_either_side(cells: dict[str, int | None], severity: str | None, words: list[str]) -> None:
    report = stated_report(**cells)
    found = appeals_findings(report)
    if severity is None:
        assert found == []
    else:
        assert [f.severity for f in found] == [severity]
        for w in words:
            assert w in found[0].message
    blank_cells = {f"appeals.litigation_after.{c}" for c, v in cells.items() if v is None}
    blanks = [f for f in check_report(report) if f.rule == "blank"]
    assert {c for f in blanks for c in f.cells} == blank_cells


def test_balance_with_a_blank_row_in_a_draft_names_the_row_and_the_value() -> None:
    report = complete_report(seed=4)
    report.cells["requests.carried_forward.natural"] = None
    cells = {f.rule: f for f in check_report(report) if "自然人" in f.message}
    finding = cells["balance"]
    assert finding.severity == "warning"
    assert "（七）总计 + 四 = " in finding.message and " + 空" in finding.message
    assert "“四、结转下年度继续办理”为空；若一 + 二 = " in finding.message
    assert "“四、结转下年度继续办理”应为 " in finding.message


@pytest.mark.parametrize(
    ("left", "left_blanks", "right", "right_blanks", "kind", "needed"),
    [
        (3, 0, 3, 0, BalanceKind.HOLDS, 0),
        (3, 0, 2, 0, BalanceKind.FAILS, 0),
        (3, 0, 2, 1, BalanceKind.NEEDS, 1),
        (2, 2, 5, 0, BalanceKind.NEEDS, 3),
        (3, 0, 4, 1, BalanceKind.FAILS, 0),  # the known parts already exceed the total
        (3, 1, 4, 1, BalanceKind.OPEN, 0),
        (4, 1, 4, 0, BalanceKind.HOLDS, 0),
    ],
)
def test_balance_outcomes(left: int, left_blanks: int, right: int, right_blanks: int, kind: BalanceKind,
                          needed: int) -> None:
    outcome = balance(left, left_blanks, right, right_blanks)
    assert outcome.kind is kind and outcome.needed == needed


def test_a_blank_in_force_count_is_not_smaller_than_the_issued_count() -> None:
    report = complete_report(seed=2)
    report.cells["proactive.normative_documents.issued"] = 5
    report.cells["proactive.normative_documents.in_force"] = None
    assert "normative_in_force" not in {f.rule for f in check_report(report)}
    report.cells["proactive.normative_documents.in_force"] = 3
    [finding] = [f for f in check_report(report) if f.rule == "normative_in_force"]
    assert finding.message.startswith("表二“行政规范性文件”的现行有效件数 3 小于本年制发件数 5")


# --- item 2: one blank finding per table ----------------------------------------------

def test_45_blank_cells_are_one_finding_with_every_cell() -> None:
    form = get_form()
    report = complete_report(seed=5, stated=True)
    # 45 input cells over 8 rows (a row's 总计 left blank with all its parts blank adds nothing: not counted)
    rows = [r.id for r in form.tables["requests"].rows][2:10]
    blank = [f"requests.{r}.{c}" for r in rows for c in form.tables["requests"].row(r).columns
             if not form.cells[f"requests.{r}.{c}"].derived][:45]
    for cell_id in blank:
        report.cells[cell_id] = None
    blanks = [f for f in check_report(report) if f.rule == "blank"]
    assert len(blanks) == 1
    assert blanks[0].message == ("表三有 45 个空白单元格，分布在 8 行，官方表格要求没有数据的格子填 0，"
                                 "请逐格填写数字或 0。")
    assert set(blanks[0].cells) == set(blank)
    assert blanks[0].action == "fill_blanks"
    data = blanks[0].to_json()
    assert data["cells"] == list(blanks[0].cells) and len(data["cells"]) == 45
    assert data["action"] == "fill_blanks"


def test_a_few_blanks_are_named() -> None:
    report = complete_report(seed=5)
    report.cells["proactive.enforcement.decisions"] = None
    report.cells["proactive.regulations.repealed"] = None
    [finding] = [f for f in check_report(report) if f.rule == "blank"]
    assert finding.message == ("表二有 2 个空白单元格：“规章 / 本年废止件数”、“行政强制”，"
                               "官方表格要求没有数据的格子填 0，请逐格填写数字或 0。")


# --- item 3: not found is not blank ---------------------------------------------------

def test_a_figure_not_found_never_makes_an_equation_fail() -> None:
    report = stated_report(total=3, upheld=0, corrected=None, other=1, pending=1)
    report.missing = {"appeals.litigation_after.corrected"}
    findings = check_report(report)
    assert not [f for f in findings if f.rule in ("appeals_total", "blank")]
    [incomplete] = [f for f in findings if f.rule == "incomplete_table"]
    assert incomplete.severity == "warning"
    assert incomplete.cells == ("appeals.litigation_after.corrected",)
    assert incomplete.message.startswith("表四有 1 个单元格未找到：“复议后起诉 / 结果纠正”；")
    assert incomplete.section == "appeals"


def test_figures_read_that_cannot_balance_stay_an_error_beside_a_figure_not_found() -> None:
    report = stated_report(total=3, upheld=2, corrected=None, other=1, pending=1)
    report.missing = {"appeals.litigation_after.corrected"}
    [finding] = appeals_findings(report)
    assert finding.severity == "error"
    assert "2 + 未找到 + 1 + 1" in finding.message and "结果纠正未找到，但其余各项已是 4" in finding.message


def test_a_cut_table_is_one_finding_and_its_rules_stay_silent() -> None:
    form = get_form()
    report = complete_report(seed=6, stated=True)
    table = form.tables["requests"]
    cut = [c for r in table.rows[8:] for c in (f"requests.{r.id}.{col}" for col in r.columns)]
    for cell_id in cut:
        del report.cells[cell_id]
    report.missing = set(cut)
    findings = check_report(report)
    assert {f.rule for f in findings} == {"incomplete_table"}
    [finding] = findings
    assert finding.message.startswith("表三只读到“（三）不予公开 4.保护第三方合法权益”一行，其后 17 行未找到，表格可能被截断；")
    assert set(finding.cells) == set(cut)
    # as blanks the same figures would be taken for the clerk's omissions
    report.missing = set()
    assert "blank" in {f.rule for f in check_report(report)}


def test_a_derived_total_of_a_part_not_found_is_not_known() -> None:
    report = complete_report(seed=8)  # a draft: totals derived
    report.cells["requests.granted.natural"] = None
    report.missing = {"requests.granted.natural"}
    rules = {f.rule for f in check_report(report)}
    assert "balance" not in rules and "blank" not in rules and "incomplete_table" in rules
    data = report_to_json(get_form(), report)
    assert "requests.handled_total.natural" not in data["cells"]
    assert {"requests.granted.natural", "requests.handled_total.natural", "requests.granted.total"} <= set(
        data["missing"])


@pytest.mark.parametrize(
    ("missing", "kind", "text"),
    [
        ([f"appeals.{g}.{c}" for g in ("reconsideration", "litigation_direct", "litigation_after")
          for c in (*APPEAL_COLUMNS, "total")], MissingKind.TABLE,
         "表四（政府信息公开行政复议、行政诉讼情况）未找到，其中 15 个数字都没有读到（表格可能是图片，或不在文件中）"),
        ([f"requests.{r}.{c}" for r in ("refused_internal", "declined_petition")
          for c in ("natural", "commercial", "research", "public_interest", "legal_services", "other_org", "total")],
         MissingKind.ROWS, "表三缺少 2 行：“（三）不予公开 5.属于三类内部事务信息”、“（五）不予处理 1.信访举报投诉类申请”"),
        (["proactive.normative_documents.issued", "proactive.regulations.in_force"], MissingKind.CELLS,
         "表二有 2 个单元格未找到：“规章 / 现行有效件数”、“行政规范性文件 / 本年制发件数”"),
        (["proactive.fees.amount"], MissingKind.CUT, "表二只读到“行政强制”一行，其后 1 行未找到，表格可能被截断"),
        ([f"requests.{r}.{c}" for r in ("handled_total", "carried_forward")
          for c in ("natural", "commercial", "research", "public_interest", "legal_services", "other_org", "total")]
         + ["requests.other_other.total"], MissingKind.CUT,
         "表三只读到“（六）其他处理 3.其他”一行，其后 2 行未找到，表格可能被截断；另有 1 个单元格未找到：“（六）其他处理 3.其他 / 总计”"),
    ],
)
def test_what_was_not_found_is_said_per_table(missing: list[str], kind: MissingKind, text: str) -> None:
    form = get_form()
    [part] = describe_missing(form, missing)
    assert part.kind is kind
    assert part.text == text
    assert set(part.cells) == set(missing)


def test_a_table_absent_from_the_document_is_only_missing_table() -> None:
    from reportdesk.core.text.structure import DocumentStructure

    form = get_form()
    report = complete_report(seed=9, stated=True)
    appeals = [c for c in form.cells if c.startswith("appeals.")]
    for cell_id in appeals:
        del report.cells[cell_id]
    report.missing = set(appeals)
    assert [f.rule for f in check_report(report)] == ["incomplete_table"]  # JSON: no layout known
    report.structure = DocumentStructure(tables=frozenset({"proactive", "requests"}))
    assert [f.rule for f in check_report(report)] == ["missing_table"]


# --- the interchange JSON's `missing` list ----------------------------------------------

def test_missing_is_read_and_written(tmp_path: Path) -> None:
    form = get_form()
    report = stated_report(total=3, upheld=0, corrected=None, other=1, pending=1)
    report.missing = {"appeals.litigation_after.corrected"}
    data = report_to_json(form, report)
    assert data["missing"] == ["appeals.litigation_after.corrected"]
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    again = read_json_file(path, get_form)
    assert again.missing == {"appeals.litigation_after.corrected"}
    assert again.totals is Totals.STATED
    assert check_report(again) == check_report(report)
    assert "missing" not in report_to_json(form, complete_report())


@pytest.mark.parametrize(
    ("missing", "words"),
    [
        ("appeals.litigation_after.corrected", "应是单元格编号的数组"),
        ([1, 2], "应是单元格编号的数组"),
        (["appeals.litigation_after.nothing"], "未知的单元格编号：appeals.litigation_after.nothing"),
        (["appeals.litigation_after.total"], "既在 \"cells\" 中有值，又列在 \"missing\"（未找到）中：复议后起诉 / 总计"),
    ],
)
def test_a_bad_missing_list_is_one_clear_message(missing: object, words: str) -> None:
    data = {"format": "gov-info-disclosure-2021", "cells": {"appeals.litigation_after.total": 3}, "missing": missing}
    with pytest.raises(ReportFileError) as caught:
        report_from_json(data, get_form)
    assert words in caught.value.message


def test_last_year_figures_not_found_do_not_make_a_cross_year_rule_fail() -> None:
    last = complete_report(seed=11, year=2022, stated=True)
    this = complete_report(seed=12, year=2023)
    del last.cells["requests.carried_forward.natural"]
    last.missing = {"requests.carried_forward.natural"}
    findings = [f for f in check_report(this, last) if f.rule == "carry_over"]
    assert not [f for f in findings if "“自然人”列" in f.message]


def test_a_draft_total_with_blank_parts_is_a_figure_plus_blanks() -> None:
    form = get_form()
    report = Report(form.id, agency="某市某某局", year=2023)  # a draft: totals derived
    report.cells.update({"requests.received.natural": 5, "requests.carried_over.natural": 0,
                         "requests.granted.natural": 3, "requests.carried_forward.natural": 0})
    [finding] = [f for f in check_report(report) if f.rule == "balance" and "“自然人”列" in f.message]
    assert finding.severity == "warning"
    assert finding.message == (
        "表三“自然人”列：一 + 二 = 5 + 0 = 5，（七）总计 + 四 = （3 + 空） + 0；“（七）总计”的各项中有空白；"
        "若一 + 二 = 5 无误，“（七）总计”中空白的各项之和应为 2，请核实后填写。")
    report.cells["requests.carried_forward.natural"] = 6  # 四 alone exceeds 一 + 二: no blank can help
    [finding] = [f for f in check_report(report) if f.rule == "balance" and "“自然人”列" in f.message]
    assert finding.severity == "error"
    assert "但其余各项已是 9，比一 + 二 = 5 多 4，无论空白是多少都不相等" in finding.message


def test_an_equation_that_is_not_a_sum_of_cells_counts_blanks_as_written() -> None:
    import tomllib

    from reportdesk.core.catalog import forms_dir
    from reportdesk.core.form_loader import compile_form
    from reportdesk.core.rules import evaluate

    data = tomllib.loads((forms_dir() / "gov-info-disclosure-2021.toml").read_text(encoding="utf-8"))
    data["rules"] = [{"id": "ratio", "kind": "equation", "severity": "warning", "table": "proactive",
                      "subject": "表二“行政规范性文件”", "left": "proactive.normative_documents.in_force",
                      "op": ">=", "right": "proactive.normative_documents.issued - proactive.normative_documents.repealed",
                      "right_name": "本年制发 − 本年废止"}]
    form, problems = compile_form(data)
    assert form is not None, problems
    report = Report(form.id, cells={"proactive.normative_documents.in_force": 1,
                                    "proactive.normative_documents.issued": 5})
    [finding] = evaluate(form, report)
    assert finding.message == ("表二“行政规范性文件”：“行政规范性文件 / 现行有效件数” = 1，"
                               "本年制发 − 本年废止 = 5，请核对这些数字。")
    report.missing = {"proactive.normative_documents.repealed"}
    assert evaluate(form, report) == []  # a figure not found never makes it fail
