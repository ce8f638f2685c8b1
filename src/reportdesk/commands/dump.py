"""``reportdesk dump FILE [--json]``: print a report in the interchange format."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reportdesk.app.reading import read_report
from reportdesk.core.catalog import get_form
from reportdesk.core.interchange import ReportFileError, dumps, report_to_json
from reportdesk.core.numbers import format_value
from reportdesk.core.report import derive


def register(sub: argparse._SubParsersAction) -> None:
    from reportdesk.app.reading import sources_help

    p = sub.add_parser("dump", help="输出报告内容（交换格式）",
                       description=f"输出报告的全部内容，合计已计算。可以读取：{sources_help()}。")
    p.add_argument("file", metavar="FILE", help="报告文件（文件类型见上）")
    p.add_argument("--json", action="store_true", help="以 JSON 交换格式输出（默认输出易读的文字）")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        report = read_report(Path(args.file))
    except ReportFileError as exc:
        print(f"{args.file}：无法读取：{exc.message}", file=sys.stderr)
        return 2
    form = get_form(report.form_id)
    data = report_to_json(form, report)
    if args.json:
        print(dumps(data))
        return 0
    print(f"{report.agency}{report.year or ''}年{form.title}")
    cells = derive(form, report.cells) if report.totals == "derived" else report.cells
    for section in form.sections:
        print(f"\n{section.heading}")
        if section.table:
            table = form.tables[section.table]
            for row in table.rows:
                values = "  ".join(
                    f"{table.column(c).label} {format_value(cells.get(f'{table.id}.{row.id}.{c}')) or '—'}"
                    for c in row.columns
                )
                print(f"  {row.label}：{values}")
        text = report.texts.get(section.id, "").strip()
        if text:
            print(text)
    return 0
