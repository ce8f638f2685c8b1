"""The wording guided writing inserts is the form's data (``[text_paragraphs]``), and moving it
there changed no byte: the paragraphs of the sample report and of the factories' reports are
compared with ``data/paragraphs_golden.json``, recorded from the code before the wording moved."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from reportdesk.app.reading import read_report
from reportdesk.core.catalog import get_form
from reportdesk.core.report import Report, effective_cells
from reportdesk.core.text.paragraphs import appeals_paragraph, data_paragraph, preamble, requests_paragraph
from tests.factories import complete_report

REPO = Path(__file__).resolve().parents[3]
GOLDEN = Path(__file__).with_name("data") / "paragraphs_golden.json"
SAMPLE = REPO / "resources" / "samples" / "sample-report-2022.json"


def cases() -> Iterator[tuple[str, Report]]:
    """Every branch of the wording: full, partial and no metadata, no year, no appeals."""
    sample = read_report(SAMPLE)
    yield "sample", sample
    for seed in range(1, 6):
        yield f"factory-{seed}", complete_report(seed=seed)
    yield "factory-stated", complete_report(seed=7, stated=True)
    empty = Report(form_id=sample.form_id, agency="某县某某镇人民政府", year=2024, cells={}, texts={})
    yield "empty", empty
    for name, meta in {
        "office-only": {"contact_office": "党政办公室"},
        "phone-only": {"phone": "0577-00000000"},
        "address-email": {"address": "某县某路1号", "email": "gk@example.cn"},
        "website-only": {"website": "某县人民政府门户网站"},
    }.items():
        yield name, Report(form_id=sample.form_id, agency="某县某某局", year=2023, cells={}, texts={}, meta=meta)
    yield "no-agency-no-year", Report(form_id=sample.form_id, agency="", year=None,
                                      cells={}, texts={}, meta={"phone": "12345"})


def paragraphs_of(report: Report) -> dict[str, str]:
    form = get_form(report.form_id)
    cells = effective_cells(form, report)
    return {
        "requests": requests_paragraph(cells, form),
        "appeals": appeals_paragraph(cells, form),
        "data": data_paragraph(cells, form),
        "preamble": preamble(form, report),
    }


def test_the_inserted_wording_is_byte_for_byte_as_recorded() -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    produced = {name: paragraphs_of(report) for name, report in cases()}
    assert produced.keys() == golden.keys()
    for name, texts in produced.items():
        assert texts == golden[name], name


if __name__ == "__main__":  # records the golden file (run once, from the code before a change)
    GOLDEN.write_text(json.dumps({n: paragraphs_of(r) for n, r in cases()}, ensure_ascii=False, indent=1) + "\n",
                      encoding="utf-8")


# --- the wording is the form's: a changed form gives changed sentences ------------------


def _form_with(**paragraphs: str):  # type: ignore[no-untyped-def]
    import tomllib

    from reportdesk.core.catalog import forms_dir
    from reportdesk.core.form_loader import compile_form

    data = tomllib.loads((forms_dir() / "gov-info-disclosure-2021.toml").read_text(encoding="utf-8"))
    data["text_paragraphs"].update(paragraphs)
    form, problems = compile_form(data)
    assert form is not None, [str(p) for p in problems]
    return form


def test_a_form_with_changed_templates_writes_the_changed_sentences() -> None:
    report = complete_report(seed=3)
    form = _form_with(
        requests="全年新收申请{received}件（自然人{natural}件），办结{handled}件，结转{carried_forward}件。",
        appeals="复议{r_total}件、诉讼{l_total}件。",
        parts_sentence="本报告分为{parts}，共{count}个部分。",
        parts_separator="、",
        period_sentence="统计期限为{year}年度。",
        contact_sentence="联系人：{who}{detail}。",
        contact_detail="，{items}",
        contact_separator="，",
        contact_phone="联系电话{phone}",
        unnamed_agency="本单位",
    )
    cells = effective_cells(form, report)
    received = sum(int(cells[f"requests.received.{c}"] or 0) for c in
                   ("natural", "commercial", "research", "public_interest", "legal_services", "other_org"))
    text = requests_paragraph(cells, form)
    assert text == (f"全年新收申请{received}件（自然人{cells['requests.received.natural']}件），"
                    f"办结{cells['requests.handled_total.total']}件，结转{cells['requests.carried_forward.total']}件。")
    assert appeals_paragraph(cells, form) == (f"复议{cells['appeals.reconsideration.total']}件、诉讼"
                                              f"{cells['appeals.litigation_direct.total'] + cells['appeals.litigation_after.total']}件。")
    report.meta = {"phone": "0571-1"}
    report.agency = ""
    text = preamble(form, report)
    assert "本报告分为总体情况、主动公开政府信息情况、" in text and "，共六个部分。" in text
    assert "统计期限为2023年度。" in text
    assert text.endswith("联系人：本单位，联系电话0571-1。")
    # the default form's wording is nowhere left in what the changed form writes
    assert "全文由" not in text and "统计期限自" not in text and "如对本报告有疑问" not in text


def test_a_changed_template_is_what_refreshing_a_stale_paragraph_looks_for() -> None:
    from reportdesk.core.text.paragraphs import refresh_data_paragraphs

    form = _form_with(requests="新收{received}件，办结{handled}件。")
    report = complete_report(seed=2)
    cells = effective_cells(form, report)
    old = "（二）依申请公开\n新收1件，办结2件。\n本局自己写的话。"
    text, count = refresh_data_paragraphs(old, cells, form)
    assert count == 1 and text == old.replace("新收1件，办结2件。", requests_paragraph(cells, form))


def test_the_loader_checks_every_paragraph_entry() -> None:
    import tomllib

    from reportdesk.core.catalog import forms_dir
    from reportdesk.core.form_loader import compile_form

    data = tomllib.loads((forms_dir() / "gov-info-disclosure-2021.toml").read_text(encoding="utf-8"))
    data["text_paragraphs"]["requests"] = "共收到{recieved}件"
    data["text_paragraphs"]["period_sentence"] = "自{year年起"
    data["text_paragraphs"]["farewell"] = "谢谢"
    del data["text_paragraphs"]["unnamed_agency"]
    form, problems = compile_form(data)
    found = [str(p) for p in problems]
    assert form is None
    assert any("text_paragraphs].requests" in p and "{recieved}" in p and "{received}" in p for p in found), found
    assert any("period_sentence" in p and "花括号" in p for p in found), found
    assert any("farewell" in p and "未知的条目" in p for p in found), found
    assert any("unnamed_agency" in p and "缺少" in p for p in found), found


def _compiled(edit):  # type: ignore[no-untyped-def]
    import tomllib

    from reportdesk.core.catalog import forms_dir
    from reportdesk.core.form_loader import compile_form

    data = tomllib.loads((forms_dir() / "gov-info-disclosure-2021.toml").read_text(encoding="utf-8"))
    edit(data)
    return compile_form(data)


def test_what_a_field_counts_is_the_forms() -> None:
    def edit(data: dict) -> None:
        data["text_paragraph_fields"]["commercial"] = "received.commercial"
        data["text_paragraph_fields"]["secrets"] = "refused.all"
        data["text_paragraphs"]["requests"] = "新收{received}件，其中商业企业{commercial}件；不予公开{secrets}件。"
        data["text_paragraphs"]["appeals_none_when_zero"] = ["r_total"]
        data["text_paragraphs"]["appeals"] = "复议{r_total}件，其中纠正{r_corrected}件。"

    form, problems = _compiled(edit)
    assert form is not None, [str(p) for p in problems]
    report = complete_report(seed=4)
    cells = effective_cells(form, report)
    refused = sum(int(cells[f"requests.{r.id}.total"] or 0) for r in form.tables["requests"].rows
                  if r.subgroup == "（三）不予公开")
    assert requests_paragraph(cells, form) == (f"新收{cells['requests.received.total']}件，其中商业企业"
                                               f"{cells['requests.received.commercial']}件；不予公开{refused}件。")
    assert appeals_paragraph(cells, form) == (f"复议{cells['appeals.reconsideration.total']}件，其中纠正"
                                              f"{cells['appeals.reconsideration.corrected']}件。")
    for part in ("upheld", "corrected", "other", "pending", "total"):
        cells[f"appeals.reconsideration.{part}"] = 0
    assert appeals_paragraph(cells, form) == "本年度未发生因政府信息公开引起的行政复议、行政诉讼。"  # only 复议 decides now


def test_the_loader_checks_every_field() -> None:
    def edit(data: dict) -> None:
        data["text_paragraph_fields"]["bad_rows"] = "recieved"
        data["text_paragraph_fields"]["bad_column"] = "received.upheld"  # a 表四 column for a 表三 row
        data["text_paragraphs"]["appeals_none_when_zero"] = ["r_total", "x_total"]

    form, problems = _compiled(edit)
    found = [str(p) for p in problems]
    assert form is None
    assert any("bad_rows" in p and "recieved" in p for p in found), found
    assert any("bad_column" in p and "applicant" in p for p in found), found
    assert any("appeals_none_when_zero" in p and "x_total" in p for p in found), found
