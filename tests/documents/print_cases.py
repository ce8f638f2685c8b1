"""The reports the printed-page tests and ``tools/render_pages.py`` lay out: the sample, 7-digit
figures, a 50-character agency name, 16 pages of text and all-blank tables."""

from __future__ import annotations

from pathlib import Path

from reportdesk.core.report import Report
from tests.factories import complete_report

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "sample-report-2022.json"
LONG_AGENCY50 = "某某自治区某某市某某区人民政府某某街道办事处某某社区居民委员会及其下属综合行政执法管理服务中心办公室"
PARAGRAPH = ("本年度，本机关坚持以公开为常态、不公开为例外，围绕重点领域信息公开、政策解读和回应关切，"
             "进一步规范政府信息公开工作流程，完善主动公开目录，提升公开质量和实效，取得了较好成效。")


def sample() -> Report:
    from reportdesk.app.reading import read_report

    return read_report(SAMPLE)


def big_figures() -> Report:
    """Every applicant column of 表三 and every cell of 表四 holds a 7-digit figure, consistently."""
    report = complete_report(seed=7, agency="某某市人力资源和社会保障局")
    for key in list(report.cells):
        if key.startswith("appeals."):
            report.cells[key] = 1_234_567
    for column in ("natural", "commercial", "research", "public_interest", "legal_services", "other_org"):
        for row in ("received", "granted"):
            report.cells[f"requests.{row}.{column}"] = (report.cells[f"requests.{row}.{column}"] or 0) + 1_000_000
    report.cells["proactive.normative_documents.in_force"] = 1_234_567
    return report


def long_agency() -> Report:
    assert len(LONG_AGENCY50) == 50
    return complete_report(seed=8, agency=LONG_AGENCY50)


def long_text() -> Report:
    """About 16 pages: each text section holds many paragraphs."""
    report = complete_report(seed=9, agency="某某县人民政府办公室")
    for section in ("overview", "problems", "other"):
        report.texts[section] = "\n".join(PARAGRAPH * 3 for _ in range(9))
    report.texts["requests"] = PARAGRAPH * 2
    return report


def blank_tables() -> Report:
    report = complete_report(seed=10, agency="某某市某某局")
    report.cells = {key: None for key in report.cells}
    return report


CASES = {"sample": sample, "figures": big_figures, "agency": long_agency, "text": long_text,
         "blank": blank_tables}
