"""Every rule has a case where it holds and one where it fails (table-driven)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from reportdesk.core.catalog import get_form
from reportdesk.core.checks import check_report
from reportdesk.core.context import build_context, states_no_fee_notice
from reportdesk.core.report import InvalidValue, Report, Totals, derive
from reportdesk.core.rules import evaluate
from tests.factories import complete_report

Edit = Callable[[Report], None]


def stated(report: Report) -> Report:
    """Freeze the totals as a file would state them."""
    report.cells = derive(get_form(), report.cells)
    report.totals = Totals.STATED
    return report


def setting(**cells: object) -> Edit:
    def edit(report: Report) -> None:
        for key, value in cells.items():
            report.cells[key.replace("__", ".")] = value  # type: ignore[assignment]

    return edit


def rules_of(report: Report, previous: Report | None = None) -> set[str]:
    return {f.rule for f in check_report(report, previous)}


def test_a_complete_consistent_report_has_no_findings() -> None:
    assert check_report(complete_report()) == []
    assert check_report(complete_report(seed=7, stated=True)) == []


def bump(cell: str, by: int = 1) -> Edit:
    def edit(report: Report) -> None:
        report.cells[cell] = int(report.cells.get(cell) or 0) + by

    return edit


CASES: list[tuple[str, bool, Edit]] = [
    # rule, stated totals?, edit that breaks it
    ("balance", False, bump("requests.received.legal_services")),
    ("balance", True, bump("requests.carried_forward.total")),
    ("handled_total", True, bump("requests.handled_total.natural")),
    ("row_total", True, bump("requests.granted.total")),
    ("appeals_total", True, bump("appeals.litigation_direct.total", 2)),
    ("blank", False, setting(requests__granted__research=None)),
    ("normative_in_force", False, setting(proactive__normative_documents__issued=50,
                                          proactive__normative_documents__in_force=3)),
    ("regulations_power", False, setting(proactive__regulations__issued=2)),
    ("fee_unit", False, setting(proactive__fees__amount=Decimal(25000))),
    ("no_fee_row", False, setting(requests__other_no_fee__natural=1, requests__other_other__natural=0,
                                  requests__received__natural=None)),
]


@pytest.mark.parametrize(("rule", "as_stated", "edit"), CASES, ids=[c[0] for c in CASES])
def test_rule_holds_then_fails(rule: str, as_stated: bool, edit: Edit) -> None:
    report = complete_report(seed=3, agency="某县某某局")
    if as_stated:
        stated(report)
    assert rule not in rules_of(report)
    edit(report)
    found = [f for f in check_report(report) if f.rule == rule]
    assert found, f"{rule} should fail"
    finding = found[0]
    assert finding.cells, "a finding names its cells"
    assert all(c in get_form().cells for c in finding.cells)
    assert finding.message


def test_non_negative_integer_is_an_error_naming_the_cell() -> None:
    report = complete_report()
    report.invalid["requests.granted.natural"] = InvalidValue("-3", "“-3” 是负数，表中数字不能小于 0。")
    findings = [f for f in check_report(report) if f.rule == "non_negative_integer"]
    assert len(findings) == 1
    assert findings[0].severity == "error"
    assert findings[0].cells == ("requests.granted.natural",)
    assert "（一）予以公开 / 自然人" in findings[0].message
    # the arithmetic rules touching the invalid cell are not reported on top of it
    assert not any(f.rule == "handled_total" for f in check_report(report))


def test_balance_message_shows_the_arithmetic() -> None:
    form = get_form()
    report = Report(form.id, agency="某市某某局", year=2023, totals=Totals.STATED)
    report.cells.update({
        "requests.received.legal_services": 4, "requests.carried_over.legal_services": 0,
        "requests.handled_total.legal_services": 3, "requests.carried_forward.legal_services": 0,
    })
    balance = [f for f in evaluate(form, report, build_context(report)) if f.rule == "balance"]
    assert balance[0].message == (
        "表三“法律服务机构”列：一 + 二 = 4 + 0 = 4，（七）总计 + 四 = 3 + 0 = 3，相差 1，请核对这些数字。")
    assert balance[0].cells == (
        "requests.received.legal_services", "requests.carried_over.legal_services",
        "requests.handled_total.legal_services", "requests.carried_forward.legal_services",
    )
    assert balance[0].section == "requests"
    assert balance[0].severity == "error"


def test_row_total_and_handled_total_messages() -> None:
    report = stated(complete_report(seed=5))
    report.cells["requests.refused_internal.total"] = 0
    report.cells["requests.refused_internal.natural"] = 2
    messages = [f.message for f in check_report(report)]
    assert any(m.startswith("表三“（三）不予公开 5.属于三类内部事务信息”一行：总计 = 0，自然人 + 商业企业")
               and m.endswith("请核对这些数字。") for m in messages)


def test_errors_come_first() -> None:
    report = complete_report()
    report.cells["requests.granted.research"] = None
    report.cells["requests.received.natural"] = int(report.cells["requests.received.natural"] or 0) + 5
    severities = [f.severity for f in check_report(report)]
    assert severities == sorted(severities, key=lambda s: s != "error")
    assert severities[0] == "error" and severities[-1] == "warning"


def test_totals_are_derived_in_a_draft_and_kept_in_a_file() -> None:
    report = complete_report()
    report.cells["requests.granted.total"] = 999  # a draft ignores a stated total
    assert "row_total" not in rules_of(report)
    report.totals = Totals.STATED
    assert "row_total" in rules_of(report)


def test_blank_totals_in_a_file_are_flagged() -> None:
    report = stated(complete_report())
    report.cells["requests.received.total"] = None
    blanks = [f for f in check_report(report) if f.rule == "blank"]
    assert any("requests.received.total" in f.cells for f in blanks)


def test_an_empty_table_is_one_finding() -> None:
    report = Report(get_form().id, agency="某市某某局", year=2023)
    blanks = [f for f in check_report(report) if f.rule == "blank"]
    assert [f.message.split("全部空白")[0] for f in blanks] == ["表二", "表三", "表四"]
    assert all(f.action == "fill_blanks" for f in blanks)


def test_regulations_power_needs_to_know_the_body() -> None:
    report = complete_report(agency="")
    report.cells["proactive.regulations.issued"] = 1
    assert "regulations_power" not in rules_of(report)  # unknown: not guessed
    report.rulemaking_power = True
    assert "regulations_power" not in rules_of(report)
    report.rulemaking_power = False
    assert "regulations_power" in rules_of(report)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本年度未收取信息处理费。", True),
        ("本机关未发出收费通知，未收取信息处理费。", True),
        ("无收取信息处理费情况。", True),
        ("本年度发出收费通知2件，共计0.02万元，实际收取0.02万元。", False),
        ("本单位无其他报告事项。", None),
    ],
)
def test_section_six_fee_statement(text: str, expected: bool | None) -> None:
    assert states_no_fee_notice(text) is expected


# --- rules across years -------------------------------------------------------------


def test_cross_year_rules_hold_for_a_consistent_pair() -> None:
    last = complete_report(seed=11, year=2022)
    this = complete_report(seed=12, year=2023)
    last_cells = derive(get_form(), last.cells)
    for c in ["natural", "commercial", "research", "public_interest", "legal_services", "other_org"]:
        diff = int(last_cells[f"requests.carried_forward.{c}"] or 0) - int(this.cells[f"requests.carried_over.{c}"] or 0)
        this.cells[f"requests.carried_over.{c}"] = last_cells[f"requests.carried_forward.{c}"]
        this.cells[f"requests.carried_forward.{c}"] = int(this.cells[f"requests.carried_forward.{c}"] or 0) + diff
        if this.cells[f"requests.carried_forward.{c}"] < 0:  # type: ignore[operator]
            this.cells[f"requests.received.{c}"] -= this.cells[f"requests.carried_forward.{c}"]  # type: ignore[operator]
            this.cells[f"requests.carried_forward.{c}"] = 0
    this.cells["proactive.normative_documents.in_force"] = (
        int(last.cells["proactive.normative_documents.in_force"] or 0)
        + int(this.cells["proactive.normative_documents.issued"] or 0)
        - int(this.cells["proactive.normative_documents.repealed"] or 0)
    )
    for g in ["reconsideration", "litigation_direct", "litigation_after"]:
        last.cells[f"appeals.{g}.pending"] = 0
    this.texts["problems"] = "（一）存在的主要问题\n政策解读的形式还比较单一，图解和视频解读偏少，部分栏目更新不够及时。\n（二）改进情况\n针对上年指出的问题，本年度已建立栏目更新台账。"
    last.texts["problems"] = "（一）存在的主要问题\n依申请公开答复的规范性有待提高，个别答复书引用条款不准确。\n（二）改进情况\n下一年度将组织答复文书培训，并开展交叉评查。"
    assert rules_of(this, last) == set()


def test_cross_year_rules_fail() -> None:
    last = complete_report(seed=11, year=2022)
    this = complete_report(seed=12, year=2023)
    last.cells["requests.carried_forward.natural"] = 40
    last.cells["appeals.reconsideration.pending"] = 50
    this.texts["problems"] = last.texts["problems"] = "（一）存在的主要问题\n" + "主动公开的信息数量还不够多，重点领域信息公开比重仍需进一步提高。" * 2
    findings = check_report(this, last)
    assert {"carry_over", "in_force_flow", "pending_appeals", "copied_text"} <= {f.rule for f in findings}
    assert any(f.message.startswith("表三“自然人”列：本年“二、上年结转”") and "上年报告“四、结转下年度继续办理” = 40" in f.message
               for f in findings if f.rule == "carry_over")
    assert any("100% 相同" in f.message for f in findings if f.rule == "copied_text")
    # without last year's report none of them runs
    assert not {"carry_over", "in_force_flow", "pending_appeals", "copied_text"} & rules_of(this)
