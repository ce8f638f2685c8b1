"""``reportdesk check FILE... [--json]``: check report files and list their findings."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportdesk.checks import check_report
from reportdesk.core.findings import Finding
from reportdesk.core.interchange import ReportFileError
from reportdesk.core.report import Report
from reportdesk.sources import read_report

SEVERITY_NAMES = {"error": "错误", "warning": "警告"}


@dataclass(slots=True)
class FileResult:
    path: str
    report: Report | None = None
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return self.error is None

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "readable": self.readable,
            "error": self.error,
            "findings": [f.to_json() for f in self.findings],
        }


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("check", help="检查报告文件，列出错误和警告", description="检查报告文件，列出错误和警告。")
    p.add_argument("files", nargs="+", metavar="FILE", help="报告文件")
    p.add_argument("--json", action="store_true", help="以 JSON 输出检查结果")
    p.set_defaults(func=run)


def check_file(path: Path) -> FileResult:
    result = FileResult(str(path))
    try:
        result.report = read_report(path)
    except ReportFileError as exc:
        result.error = exc.message
        return result
    result.findings = check_report(result.report)
    return result


def exit_status(results: list[FileResult]) -> int:
    if any(not r.readable for r in results):
        return 2
    if any(f.is_error for r in results for f in r.findings):
        return 1
    return 0


def run(args: argparse.Namespace) -> int:
    results = [check_file(Path(name)) for name in args.files]
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
    for f in result.findings:
        print(f"  {SEVERITY_NAMES[f.severity]} [{f.rule}] {f.message}")
