"""``reportdesk export SOURCE --docx OUT.docx [--xlsx OUT.xlsx] [--pdf OUT.pdf] [--strict] [--appendix]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reportdesk.app.reading import read_report
from reportdesk.core.checks import check_report
from reportdesk.core.interchange import MAX_AGENCY_CHARS, ReportFileError, text_problem
from reportdesk.core.report import Report

SEVERITY_NAMES = {"error": "错误", "warning": "警告"}
FONT_CHOICES = ("gb2312", "windows")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="导出报告为 Word / Excel / PDF",
        description="把报告导出为正式格式的 Word 文档（.docx）、Excel 表格（.xlsx）和 PDF。"
                    "有错误时仍可导出（供内部审阅），加 --strict 则拒绝导出。",
    )
    p.add_argument("source", metavar="SOURCE", help="报告文件（JSON 交换文件或草稿）")
    p.add_argument("--docx", metavar="OUT.docx", help="导出 Word 文档（给出文件夹时按单位和年度命名）")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="导出 Excel 表格（三张统计表和校验结果）")
    p.add_argument("--pdf", metavar="OUT.pdf", help="导出 PDF（需要安装 LibreOffice）")
    p.add_argument("--strict", action="store_true", help="报告有错误时拒绝导出（退出码 1）")
    p.add_argument("--appendix", action="store_true",
                   help="三张统计表放在文末附件中，而不是第二、三、四部分下")
    p.add_argument("--fonts", choices=FONT_CHOICES, default="gb2312",
                   help="字体：gb2312＝仿宋_GB2312、楷体_GB2312、方正小标宋简体（默认）；windows＝仿宋、楷体、宋体、黑体")
    p.add_argument("--sign-off", nargs="?", const="", default=None, metavar="DATE",
                   help="文末署名（单位名称）和日期，如 --sign-off 2024-01-20")
    p.set_defaults(func=run)


def _unwritable_text(report: Report) -> str | None:
    """Why the report's agency or texts cannot go into a document (whatever reader produced them)."""
    problem = text_problem(report.agency, max_chars=MAX_AGENCY_CHARS)
    if problem:
        return f"填报单位名称{problem}。"
    for key, text in {**report.meta, **report.texts}.items():
        problem = text_problem(text)
        if problem:
            return f"“{key}”{problem}。"
    return None


def _target(given: str | None, report: Report, suffix: str) -> Path | None:
    """The file to write: as given, or in a folder given, the default name made from the report."""
    if not given:
        return None
    if Path(given).is_dir():
        from reportdesk.core.file_names import export_file_name

        return Path(given) / export_file_name(report.agency, report.year, suffix, folder=given)
    return Path(given)


def run(args: argparse.Namespace) -> int:
    if not (args.docx or args.xlsx or args.pdf):
        print("请至少指定一个导出文件：--docx、--xlsx 或 --pdf。", file=sys.stderr)
        return 2
    try:
        report = read_report(Path(args.source))
    except ReportFileError as exc:
        print(f"{args.source}：无法读取：{exc.message}", file=sys.stderr)
        return 2
    problem = _unwritable_text(report)
    if problem:
        print(f"{args.source}：无法导出：{problem}", file=sys.stderr)
        return 2
    findings = check_report(report)
    errors = [f for f in findings if f.is_error]
    if errors:
        print(f"{args.source}：报告有 {len(errors)} 个错误：", file=sys.stderr)
        for finding in errors:
            print(f"  错误 [{finding.rule}] {finding.message}", file=sys.stderr)
        if args.strict:
            print("已拒绝导出（--strict）。请先改正以上错误。", file=sys.stderr)
            return 1
        print("警告：报告仍有错误，导出的文件只宜供内部审阅，改正后再正式发布。", file=sys.stderr)

    accepted = None
    if Path(args.source).suffix.lower() == ".rdesk":
        from reportdesk.app.drafts import accepted_warnings

        accepted = accepted_warnings(Path(args.source), findings)

    from reportdesk.app.exporting import ExportError, ExportOptions, FontSet, export_report

    options = ExportOptions(
        fonts=FontSet(args.fonts),
        appendix=args.appendix,
        sign_off=args.sign_off is not None,
        sign_off_date=args.sign_off or "",
    )
    try:
        written = export_report(
            report,
            docx=_target(args.docx, report, ".docx"),
            xlsx=_target(args.xlsx, report, ".xlsx"),
            pdf=_target(args.pdf, report, ".pdf"),
            options=options,
            findings=findings,
            accepted=accepted,
        )
    except ExportError as exc:
        print(f"导出失败：{exc.message}", file=sys.stderr)
        return 2
    for path in written:
        print(f"已导出：{path}")
    for line in getattr(written, "font_substitutions", []):
        print(f"PDF 字体替代：{line}")
    return 0
