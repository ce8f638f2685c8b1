"""Every table-rule finding is one sentence a clerk can act on (issue 15, item 7).

What is wrong, where (表二/表三/表四 and the row or column as printed), with the numbers, and
what to do; no cell ids or rule ids in the sentence (the rule id is a separate field).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from reportdesk.core.catalog import get_form
from reportdesk.core.checks import check_report
from reportdesk.core.findings import Finding
from reportdesk.core.interchange import read_json_file
from reportdesk.core.report import InvalidValue, Report
from tests.core.test_rules import CASES, stated
from tests.factories import complete_report

TABLE_RULES = {r.id for r in get_form().rules}
INTERNAL = re.compile(r"[A-Za-z_]{3,}\.[A-Za-z_]{3,}|\{|\}")  # a cell id, a template left unfilled
PLACES = ("表二", "表三", "表四", "第六部分", "本机关", "“")


def scenarios(sample_path: Path) -> Iterator[tuple[str, Report, Report | None]]:
    yield "sample", read_json_file(sample_path, get_form), None
    yield "empty", Report(get_form().id, agency="某县某某局", year=2023), None
    for rule, as_stated, edit in CASES:
        report = complete_report(seed=3, agency="某县某某局")
        if as_stated:
            stated(report)
        edit(report)
        yield rule, report, None
    report = stated(complete_report(seed=4))
    for cell in ("appeals.litigation_after.corrected", "requests.granted.research", "requests.carried_forward.total",
                 "proactive.licensing.decisions"):
        report.cells[cell] = None
    report.cells["appeals.reconsideration.upheld"] = 99
    report.invalid["requests.granted.natural"] = InvalidValue("-3", "“-3” 是负数，表中数字不能小于 0。")
    report.invalid["proactive.fees.amount"] = InvalidValue("1e9", "“1e9” 是科学计数法，请直接填写数字。")
    report.missing = {"requests.other_other.natural", "appeals.litigation_direct.total"}
    for cell in report.missing:
        report.cells.pop(cell, None)
    yield "mixed", report, None
    last = complete_report(seed=11, year=2022)
    this = complete_report(seed=12, year=2023)
    last.cells["requests.carried_forward.natural"] = 40
    last.cells["appeals.reconsideration.pending"] = 50
    this.cells["proactive.fees.amount"] = Decimal(5000)
    this.texts["problems"] = last.texts["problems"] = "（一）存在的主要问题\n" + "主动公开的信息数量还不够多。" * 5
    yield "cross-year", this, last


def table_findings(sample_path: Path) -> list[tuple[str, Finding]]:
    found = [(name, f) for name, report, last in scenarios(sample_path) for f in check_report(report, last)
             if f.rule in TABLE_RULES]
    assert {f.rule for _, f in found} == TABLE_RULES  # every rule is reviewed
    return found


def test_every_table_rule_speaks_in_one_actionable_sentence(sample_path: Path) -> None:
    for name, f in table_findings(sample_path):
        where = f"{name}/{f.rule}: {f.message}"
        assert not INTERNAL.search(f.message), where
        assert f.rule not in f.message, where
        assert f.message.endswith("。"), where
        assert "请" in f.message, where  # says what to do
        assert f.message.startswith(PLACES), where  # says where
        assert f.message.count("。") == 1, where  # one sentence
        assert "  " not in f.message, where


@pytest.mark.parametrize("rule", ["balance", "handled_total", "row_total", "appeals_total"])
def test_arithmetic_shows_the_figures(rule: str, sample_path: Path) -> None:
    messages = [f.message for _, f in table_findings(sample_path) if f.rule == rule]
    assert messages and all(re.search(r"= \d+", m) for m in messages)
