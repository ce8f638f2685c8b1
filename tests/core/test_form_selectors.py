"""Row groups, selectors, sums over selections, "derivation" rules, rule roles and the format's other data
in the form definition: each feature works on the shipped form and each mistake is located."""

from __future__ import annotations

import copy
import tomllib

import pytest

from reportdesk.core.catalog import forms_dir, get_form
from reportdesk.core.equations import carry_edits, carry_pairs, instance_name, side_name, side_value
from reportdesk.core.form import RuleKind, RuleRole
from reportdesk.core.form_loader import compile_form
from reportdesk.core.rules import evaluate
from tests.factories import complete_report

RESULT_ROWS = 21  # （一） … （六）3


def shipped() -> dict:
    return tomllib.loads((forms_dir() / "gov-info-disclosure-2021.toml").read_text(encoding="utf-8"))


def problems_of(data: dict) -> list[str]:
    form, problems = compile_form(data)
    assert form is None
    return [str(p) for p in problems]


def test_groups_and_subgroups_are_on_the_table() -> None:
    requests = get_form().tables["requests"]
    assert requests.groups == ("三、本年度办理结果",)
    assert requests.subgroups() == ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理")
    assert len(requests.rows_in(subgroup="（三）不予公开")) == 8
    assert len(requests.rows_in(group="三、本年度办理结果")) == RESULT_ROWS + 1  # and （七）总计
    assert get_form().tables["appeals"].groups == ("行政诉讼",)


def test_a_sum_over_a_selection_is_every_row_of_it() -> None:
    form = get_form()
    handled = next(d for d in form.derived if d.cell == "requests.handled_total.natural")
    assert handled.group == "handled_total"
    rows = {r.split(".")[1] for r in handled.expr.refs}
    assert len(rows) == RESULT_ROWS and "handled_total" not in rows and "received" not in rows


def test_derivation_rules_are_the_equations_of_their_totals() -> None:
    form = get_form()
    handled = [r for r in form.rules if r.id == "handled_total"]
    assert len(handled) == 7 and all(r.kind is RuleKind.EQUATION for r in handled)
    total = next(r for r in handled if dict(r.binding)["c"] == "total")
    assert total.left is not None and total.left.text == "requests.handled_total.total"
    assert len(total.cells) == RESULT_ROWS + 1 and all(c.endswith(".total") for c in total.cells)
    assert len([r for r in form.rules if r.id == "row_total"]) == len(form.tables["requests"].rows)
    report = complete_report(stated=True)
    report.cells["requests.refused_inquiry.natural"] = int(report.cells["requests.refused_inquiry.natural"] or 0) + 1
    found = {f.rule for f in evaluate(form, report)}
    assert {"handled_total", "row_total"} <= found and "balance" not in found  # the stated total balances


@pytest.mark.parametrize(("selector", "said"), [
    ("@requests.rows[colour=red]", "条件“colour=red”无效"),
    ("@requests.rows[subgroup=（九）不存在]", "没有选中任何行"),
    ("@nope.rows", "选择器“@nope.rows”无效"),
    ("@requests.cells", "选择器“@requests.cells”无效"),
])
def test_a_bad_selector_is_located(selector: str, said: str) -> None:
    data = shipped()
    data["derived"][1]["expr"] = f"sum(requests.{{r}}.{{c}} for r in {selector})"
    found = problems_of(data)
    assert any("derived[1]" in p and said in p for p in found), found


def test_a_derivation_rule_needs_a_known_total_and_no_sides() -> None:
    data = shipped()
    rule = next(r for r in data["rules"] if r["id"] == "handled_total")
    broken = copy.deepcopy(data)
    next(r for r in broken["rules"] if r["id"] == "handled_total")["derivation"] = "nope"
    assert any("未找到“nope”" in p for p in problems_of(broken))
    rule["left"] = "requests.handled_total.{c}"
    assert any("不写 left / right" in p for p in problems_of(data))


def test_roles_are_checked() -> None:
    data = shipped()
    next(r for r in data["rules"] if r["id"] == "balance")["roles"] = ["balance_strip", "confetti"]
    assert any("未知的规则用途“confetti”" in p for p in problems_of(data))
    data = shipped()
    next(r for r in data["rules"] if r["id"] == "balance")["roles"] = ["carry_over"]
    assert any("结转规则" in p for p in problems_of(data))


def test_the_balance_strip_and_the_carry_over_come_from_the_rules() -> None:
    form = get_form()
    strip = form.rules_with_role(RuleRole.BALANCE_STRIP, "requests")
    assert [instance_name(form, r) for r in strip] == [c.label for c in form.tables["requests"].columns]
    assert side_name(form, strip[0], "left") == "一 + 二"
    assert side_name(form, strip[0], "right") == "（七）总计 + 四"
    assert side_value(strip[0], "left", {}) is None
    assert side_value(strip[0], "left", {"requests.received.natural": 3}) == 3
    pairs = carry_pairs(form)
    assert ("requests.carried_over.natural", "requests.carried_forward.natural") in pairs and len(pairs) == 7
    edits = carry_edits(form, {"requests.carried_over.commercial": 1},
                        {"requests.carried_forward.natural": 4, "requests.carried_forward.commercial": 9,
                         "requests.carried_forward.total": 13})
    assert edits == {"requests.carried_over.natural": 4}  # a filled cell and a total are never carried into


def test_key_totals_citation_and_old_formats_are_data() -> None:
    form = get_form()
    assert form.citation is not None and form.citation.document == "国办公开办函〔2021〕30号"
    assert (form.citation.year, form.citation.number) == (2021, 30)
    assert form.old_formats and "本年新制作数量" in form.old_formats[0].labels
    assert form.old_formats[0].citation is not None and form.old_formats[0].citation.number == 60
    assert [k.name for k in form.key_totals][:2] == ["本年新收申请", "上年结转"]
    data = shipped()
    data["key_totals"][0]["cells"] = ["requests.recieved.total"]
    assert any("key_totals[0]" in p and "requests.recieved.total" in p for p in problems_of(data))
