"""The shipped form against the official format, and the loader's error reporting."""

from __future__ import annotations

import copy
import re
import tomllib
from pathlib import Path

import pytest

from reportdesk.core.catalog import form_ids, forms_dir, get_form
from reportdesk.core.form import SectionKind
from reportdesk.core.form_loader import FormDefinitionError, compile_form, load_form

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "format-2021.md"

HEADINGS = [
    ("overview", "一、总体情况"),
    ("proactive", "二、主动公开政府信息情况"),
    ("requests", "三、收到和处理政府信息公开申请情况"),
    ("appeals", "四、政府信息公开行政复议、行政诉讼情况"),
    ("problems", "五、存在的主要问题及改进情况"),
    ("other", "六、其他需要报告的事项"),
]

REQUEST_ROWS = {
    "received": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "partly_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "refused_state_secret": "1.属于国家秘密",
    "refused_prohibited": "2.其他法律行政法规禁止公开",
    "refused_security": "3.危及“三安全一稳定”",
    "refused_third_party": "4.保护第三方合法权益",
    "refused_internal": "5.属于三类内部事务信息",
    "refused_process": "6.属于四类过程性信息",
    "refused_enforcement_file": "7.属于行政执法案卷",
    "refused_inquiry": "8.属于行政查询事项",
    "unavailable_not_held": "1.本机关不掌握相关政府信息",
    "unavailable_needs_creation": "2.没有现成信息需要另行制作",
    "unavailable_unclear": "3.补正后申请内容仍不明确",
    "declined_petition": "1.信访举报投诉类申请",
    "declined_duplicate": "2.重复申请",
    "declined_publication": "3.要求提供公开出版物",
    "declined_excessive": "4.无正当理由大量反复申请",
    "declined_confirmation": "5.要求行政机关确认或重新出具已获取信息",
    "other_no_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other_no_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_other": "3.其他",
    "handled_total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}
REQUEST_COLUMNS = {
    "natural": "自然人", "commercial": "商业企业", "research": "科研机构", "public_interest": "社会公益组织",
    "legal_services": "法律服务机构", "other_org": "其他", "total": "总计",
}
APPEAL_ROWS = {"reconsideration": "行政复议", "litigation_direct": "未经复议直接起诉", "litigation_after": "复议后起诉"}
APPEAL_COLUMNS = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结", "total": "总计"}
PROACTIVE_CELLS = {
    "proactive.regulations.issued", "proactive.regulations.repealed", "proactive.regulations.in_force",
    "proactive.normative_documents.issued", "proactive.normative_documents.repealed",
    "proactive.normative_documents.in_force", "proactive.licensing.decisions", "proactive.penalties.decisions",
    "proactive.enforcement.decisions", "proactive.fees.amount",
}


def test_every_shipped_form_loads() -> None:
    assert form_ids()
    for form_id in form_ids():
        form = load_form(forms_dir() / f"{form_id}.toml")
        assert form.id == form_id


def test_sections_in_order_with_exact_headings() -> None:
    form = get_form()
    assert [(s.id, s.heading) for s in form.sections] == HEADINGS
    assert [s.table for s in form.sections if s.kind is SectionKind.TABLE] == ["proactive", "requests", "appeals"]
    assert all(s.guidance for s in form.sections)


def test_requests_labels_and_ids_are_exact() -> None:
    table = get_form().tables["requests"]
    assert {r.id: r.label for r in table.rows} == REQUEST_ROWS
    assert list({r.id: r.label for r in table.rows}) == list(REQUEST_ROWS)
    assert {c.id: c.label for c in table.columns} == REQUEST_COLUMNS
    assert all(r.help for r in table.rows)


def test_appeals_and_proactive_cells() -> None:
    form = get_form()
    appeals = form.tables["appeals"]
    assert {r.id: r.label for r in appeals.rows} == APPEAL_ROWS
    assert {c.id: c.label for c in appeals.columns} == APPEAL_COLUMNS
    assert set(form.tables["proactive"].cell_ids()) == PROACTIVE_CELLS
    assert len(form.cells) == 10 + 25 * 7 + 15 == 200
    assert form.cells["proactive.fees.amount"].type == "amount"
    assert sum(1 for c in form.cells.values() if c.type == "amount") == 1


def test_grid_geometry_matches_the_official_tables() -> None:
    form = get_form()
    sizes = {tid: (t.n_rows, t.n_cols, t.header_rows) for tid, t in form.tables.items()}
    assert sizes == {"proactive": (14, 4, 0), "requests": (28, 10, 3), "appeals": (4, 15, 3)}
    requests = form.tables["requests"]
    merges = {(g.text, g.row, g.col, g.rowspan, g.colspan) for g in requests.grid if g.rowspan > 1 or g.colspan > 1}
    assert ("三、本年度办理结果", 5, 0, 22, 1) in merges
    assert ("（三）不予公开", 7, 1, 8, 1) in merges
    assert ("（四）无法提供", 15, 1, 3, 1) in merges
    assert ("（五）不予处理", 18, 1, 5, 1) in merges
    assert ("（六）其他处理", 23, 1, 3, 1) in merges
    assert ("申请人情况", 0, 3, 1, 7) in merges
    assert ("法人或其他组织", 1, 4, 1, 5) in merges
    assert ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 0, 0, 3, 3) in merges
    appeals = form.tables["appeals"]
    heads = [(g.text, g.row, g.col, g.rowspan, g.colspan) for g in appeals.grid if g.role == "head"]
    assert ("行政复议", 0, 0, 1, 5) in heads and ("行政诉讼", 0, 5, 1, 10) in heads
    assert ("未经复议直接起诉", 1, 5, 1, 5) in heads and ("复议后起诉", 1, 10, 1, 5) in heads
    assert [g.cell_id for g in appeals.grid if g.cell_id][:2] == ["appeals.reconsideration.upheld",
                                                                  "appeals.reconsideration.corrected"]
    proactive = form.tables["proactive"]
    fee = next(g for g in proactive.grid if g.cell_id == "proactive.fees.amount")
    assert (fee.row, fee.col, fee.colspan) == (13, 1, 3)
    assert "本年收费金额（单位：万元）" in [g.text for g in proactive.grid]


def test_every_grid_position_is_covered_exactly_once() -> None:
    for table in get_form().tables.values():
        covered: list[tuple[int, int]] = []
        for g in table.grid:
            covered += [(g.row + r, g.col + c) for r in range(g.rowspan) for c in range(g.colspan)]
        assert len(covered) == len(set(covered)) == table.n_rows * table.n_cols


def test_totals_are_derived() -> None:
    form = get_form()
    derived = {c for c, d in form.cells.items() if d.derived}
    assert "requests.handled_total.natural" in derived
    assert "requests.received.total" in derived
    assert "appeals.litigation_after.total" in derived
    assert "requests.granted.natural" not in derived
    assert len(derived) == 25 + 6 + 3


@pytest.mark.skipif(not REFERENCE.exists(), reason="the shared reference is not beside this checkout")
def test_labels_match_the_reference_document() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    form = get_form()
    for table in form.tables.values():
        for row in table.rows:
            assert row.label in text, row.label
        for col in table.columns:
            assert col.label in text, col.label
        for g in table.grid:
            if g.text:
                assert g.text in text, g.text
    for section in form.sections:
        assert section.heading in text
    ids_in_reference = set(re.findall(r"`(requests|appeals|proactive)\.([a-z_]+)\.", text))
    assert ids_in_reference  # the reference names ids this way


# --- the loader reports mistakes with their place --------------------------------------


def shipped() -> dict:
    return tomllib.loads((forms_dir() / "gov-info-disclosure-2021.toml").read_text(encoding="utf-8"))


def problems_of(data: dict) -> list[str]:
    form, problems = compile_form(data)
    assert form is None
    return [str(p) for p in problems]


def test_unknown_cell_in_a_rule_is_located() -> None:
    data = shipped()
    data["rules"][0]["left"] = "requests.recieved.{c} + requests.carried_over.{c}"
    found = problems_of(data)
    assert any("rules[0] balance" in p and "requests.recieved.natural" in p for p in found)


def test_duplicate_ids_are_reported() -> None:
    data = shipped()
    data["tables"][1]["rows"].append(copy.deepcopy(data["tables"][1]["rows"][0]))
    assert any("重复" in p and "tables[1].rows" in p for p in problems_of(data))


def test_derived_cycle_is_reported() -> None:
    data = shipped()
    data["derived"].append({"cell": "requests.received.natural", "expr": "requests.received.total - 1"})
    found = problems_of(data)
    assert any("循环" in p and "requests.received.natural" in p for p in found)


def test_bad_expression_and_layout_are_reported() -> None:
    data = shipped()
    data["rules"][0]["right"] = "requests.handled_total.{c} +"
    data["tables"][0]["layout"].pop()  # the fee cell disappears from the drawn table
    found = problems_of(data)
    assert any("表达式" in p for p in found)
    assert any("proactive.fees.amount" in p and "0 次" in p for p in found)


def test_a_broken_file_raises_with_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("[form]\nid = 'x'\n[[sections]]\nid = 'Bad Id'\n", encoding="utf-8")
    with pytest.raises(FormDefinitionError) as info:
        load_form(path)
    assert info.value.problems
    path.write_text("[form\n", encoding="utf-8")
    with pytest.raises(FormDefinitionError, match="TOML"):
        load_form(path)
