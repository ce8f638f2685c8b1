"""``reportdesk check FILE-or-DIR... [--json] [--summary OUT.xlsx] [--jobs N] [--previous LAST]``.

Check report files (any of app/reading.py's FILE_KINDS) and list their findings.  Folders are
searched for reports; many files are checked in parallel with progress on stderr.
Exit status: 0 no errors, 1 errors found, 2 a file could not be read (or bad usage).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reportdesk.app.batch import (
    FileResult,
    StderrProgress,
    collect_files,
    read_any,
    review_file,
    review_many,
)
from reportdesk.core.interchange import ReportFileError

SEVERITY_NAMES = {"error": "错误", "warning": "警告"}

__all__ = ["FileResult", "check_file", "exit_status", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    from reportdesk.app.reading import sources_help

    p = sub.add_parser("check", help="检查报告文件，列出错误和警告",
                       description=f"检查报告文件，列出错误和警告。可以读取：{sources_help()}。")
    p.add_argument("files", nargs="+", metavar="FILE", help="报告文件或包含报告的文件夹（文件类型见上）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出检查结果")
    p.add_argument("--summary", metavar="OUT.xlsx", help="另存一份汇总表（每份报告一行，另一张表列出全部问题）")
    p.add_argument("--jobs", type=int, metavar="N", help="同时检查的进程数（默认为 CPU 核数）")
    p.add_argument("--previous", metavar="LAST", help="上年报告：同时检查跨年度规则（上年结转等）并列出同比变化")
    p.set_defaults(func=run)


def check_file(path: Path) -> FileResult:
    return review_file(path)


def exit_status(results: list[FileResult]) -> int:
    if any(not r.readable for r in results):
        return 2
    if any(f.is_error for r in results for f in r.findings):
        return 1
    return 0


def run(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        print("--jobs 应是不小于 1 的整数。", file=sys.stderr)
        return 2
    previous_path = None
    if args.previous:
        try:
            read_any(Path(args.previous))
        except ReportFileError as exc:
            print(f"{args.previous}：无法读取上年报告：{exc.message}", file=sys.stderr)
            return 2
        previous_path = str(Path(args.previous).resolve())
    files, problems = collect_files(args.files)
    results = review_many(files, previous_path, args.jobs, StderrProgress()) + problems
    if args.summary:
        from reportdesk.app.exporting import ExportError, write_summary

        summary = Path(args.summary)
        if summary.is_dir():  # a folder: 审阅汇总.xlsx in it (审阅汇总-2.xlsx … when taken)
            from reportdesk.core.file_names import free_path

            summary = free_path(summary, "审阅汇总.xlsx")
        try:
            write_summary(results, summary)
        except ExportError as exc:
            print(f"无法保存汇总表：{exc.message}", file=sys.stderr)
            return 2
        print(f"汇总表已保存：{summary}（{len(results)} 份报告）", file=sys.stderr)
    if args.json:
        json.dump([r.to_json() for r in results], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for result in results:
            print_human(result)
    return exit_status(results)


def print_human(result: FileResult) -> None:
    if result.error is not None:
        print(f"{result.path}：无法读取：{result.error}")
        return
    assert result.report is not None
    errors = sum(1 for f in result.findings if f.is_error)
    warnings = len(result.findings) - errors
    who = " ".join(x for x in (result.report.agency, f"{result.report.year} 年" if result.report.year else "") if x)
    print(f"{result.path}（{who or '未填写单位和年度'}）：{errors} 个错误，{warnings} 个警告")
    summary = result.summary
    if summary is not None and summary.from_document:
        note = f"  导入：读取单元格 {len(summary.cells_read)} 个，未找到 {len(summary.cells_missing)} 个"
        if summary.embedded:
            note += "（含导出时嵌入的数据）"
        print(note)
        for line in summary.unmapped:
            print(f"  未能对应：{line}")
        for line in summary.notes:  # e.g. a figure read before its footnote mark
            print(f"  说明：{line}")
    for f in result.findings:
        print(f"  {SEVERITY_NAMES[f.severity]} [{f.rule}] {f.message}")
    swings = [c for c in result.changes if c.large]
    if swings:
        print("  与上年相比变化较大（请在文字中说明原因）：")
        for change in swings:
            print(f"    {change.label}：{change.describe()}")
