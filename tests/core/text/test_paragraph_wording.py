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
