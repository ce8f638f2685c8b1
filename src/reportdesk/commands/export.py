"""``reportdesk export SOURCE --docx OUT.docx [--xlsx OUT.xlsx] [--pdf OUT.pdf] [--strict] [--appendix]``.

The report is read, checked and typeset in a worker process under the batch check's bounds
(:class:`reportdesk.app.worker_pool.WorkerPool`: the parent kills a worker past
:data:`EXPORT_TIMEOUT_S` or :data:`EXPORT_MEMORY_BYTES`), into a private work folder; only
finished documents are then moved to the user's files, each replaced in one step.  A report
whose text is too long to typeset in time is one message, exit status 2, and no file.
The PDF is made here afterwards (LibreOffice has its own time bound, see ``documents/pdf.py``).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportdesk.app.batch import FILE_TIMEOUT_S, WORKER_MEMORY_BYTES
from reportdesk.app.reading import read_report
from reportdesk.core.checks import check_report
from reportdesk.core.interchange import MAX_AGENCY_CHARS, ReportFileError, text_problem
from reportdesk.core.records import field, record
from reportdesk.core.report import Report

if TYPE_CHECKING:
    from reportdesk.app.worker_pool import Failure

SEVERITY_NAMES = {"error": "错误", "warning": "警告"}
#: The time a whole export (read, check, Word and Excel) may take: the batch check's bound per file.
EXPORT_TIMEOUT_S: float = FILE_TIMEOUT_S
EXPORT_MEMORY_BYTES = WORKER_MEMORY_BYTES
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


@record(frozen=False)
class Prepared:
    """What the worker hands back: its status and messages, and the finished files it wrote in
    the private work folder with the user's file each one becomes (``(work file, target)``)."""

    status: int = 0
    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)
    pdf: tuple[str, str] | None = None  # (the .docx to convert, the PDF to write)


def prepare(request: dict[str, Any]) -> Prepared:
    """In the worker: read and check the report, and write the documents into ``request["work"]``.

    Nothing outside the private work folder is written here, so a worker killed at its time
    or memory bound leaves no file, whole or partial, where the user looks.
    """
    try:
        return _prepare(request)
    except RecursionError:
        return Prepared(2, err=[f"{request['source']}：无法导出：文件的结构嵌套过深，不是有效的报告文件。"])


def _prepare(request: dict[str, Any]) -> Prepared:
    source, work = request["source"], Path(request["work"])
    result = Prepared()
    try:
        report = read_report(Path(source))
    except ReportFileError as exc:
        return Prepared(2, err=[f"{source}：无法读取：{exc.message}"])
    problem = _unwritable_text(report)
    if problem:
        return Prepared(2, err=[f"{source}：无法导出：{problem}"])
    findings = check_report(report)
    errors = [f for f in findings if f.is_error]
    if errors:
        result.err.append(f"{source}：报告有 {len(errors)} 个错误：")
        result.err += [f"  错误 [{finding.rule}] {finding.message}" for finding in errors]
        if request["strict"]:
            result.err.append("已拒绝导出（--strict）。请先改正以上错误。")
            result.status = 1
            return result
        result.err.append("警告：报告仍有错误，导出的文件只宜供内部审阅，改正后再正式发布。")

    accepted = None
    if Path(source).suffix.lower() == ".rdesk":
        from reportdesk.app.drafts import accepted_warnings

        accepted = accepted_warnings(Path(source), findings)

    from reportdesk.app.exporting import ExportError, ExportOptions, FontSet, export_report

    options = ExportOptions(
        fonts=FontSet(request["fonts"]),
        appendix=request["appendix"],
        sign_off=request["sign_off"] is not None,
        sign_off_date=request["sign_off"] or "",
    )
    docx = _target(request["docx"], report, ".docx")
    xlsx = _target(request["xlsx"], report, ".xlsx")
    pdf = _target(request["pdf"], report, ".pdf")
    work_docx = work / "report.docx" if docx is not None or pdf is not None else None
    work_xlsx = work / "report.xlsx" if xlsx is not None else None
    try:
        export_report(report, docx=work_docx, xlsx=work_xlsx, options=options, findings=findings, accepted=accepted)
    except ExportError as exc:
        return Prepared(2, err=[*result.err, f"导出失败：{exc.message}"])
    if docx is not None and work_docx is not None:
        result.files.append((str(work_docx), str(docx)))
    if xlsx is not None and work_xlsx is not None:
        result.files.append((str(work_xlsx), str(xlsx)))
    if pdf is not None and work_docx is not None:
        result.pdf = (str(work_docx), str(pdf))
    return result


def _request(args: argparse.Namespace, work: str) -> dict[str, Any]:
    return {"source": args.source, "work": work, "docx": args.docx, "xlsx": args.xlsx, "pdf": args.pdf,
            "strict": args.strict, "appendix": args.appendix, "fonts": args.fonts, "sign_off": args.sign_off}


def _size(path: str) -> str:
    try:
        size = Path(path).stat().st_size
    except OSError:
        return ""
    return f"此报告文件有 {size / 2**20:.1f} MB，" if size >= 2**20 else f"此报告文件有 {size / 1024:.0f} KB，"


def bound_message(source: str, failure: Failure, timeout: float, memory: int) -> str | None:
    """The one line a clerk reads when the worker was stopped at a bound (None: not a bound)."""
    untouched = "已停止导出，没有写入任何文件（原有文件未被改动）。"
    if failure.kind == "timeout":
        return (f"{source}：导出超时：超过 {timeout:.0f} 秒仍未完成，{untouched}{_size(source)}其中的文字可能过长"
                "（例如粘贴了整篇文件或大量重复内容）：请删减过长的文字后重试。")
    if failure.kind == "memory":
        return (f"{source}：导出时占用内存过多（上限 {memory // 2**20} MB），{untouched}{_size(source)}"
                "其中的文字可能过长或文件被恶意构造：请删减过长的文字后重试。")
    if failure.kind == "start":
        return f"{source}：无法启动导出进程，{untouched}请关闭一些程序后重试。"
    return None


def run(args: argparse.Namespace) -> int:
    if not (args.docx or args.xlsx or args.pdf):
        print("请至少指定一个导出文件：--docx、--xlsx 或 --pdf。", file=sys.stderr)
        return 2
    from reportdesk.app.worker_pool import Failure, WorkerPool

    work = tempfile.mkdtemp(prefix="reportdesk-export-")
    try:
        outcome: list[object] = []
        with WorkerPool(prepare, jobs=1, timeout=EXPORT_TIMEOUT_S, memory=EXPORT_MEMORY_BYTES, grace=0.0) as pool:
            pool.run([_request(args, work)], lambda _index, value: outcome.append(value))
        value = outcome[0] if outcome else Failure("start")
        if isinstance(value, Failure):
            message = bound_message(args.source, value, EXPORT_TIMEOUT_S, EXPORT_MEMORY_BYTES)
            if message is None:  # the worker died or raised: a bug, for the guard in cli.py (status 3)
                raise RuntimeError(f"export worker failed ({value.kind}): {value.detail}")
            print(message, file=sys.stderr)
            return 2
        assert isinstance(value, Prepared)
        for line in value.err:
            print(line, file=sys.stderr)
        if value.status:
            return value.status
        return _place(value, args.fonts)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _place(prepared: Prepared, fonts: str) -> int:
    """Move the finished documents to the user's files (each replaced in one step) and make the PDF."""
    from reportdesk.app.exporting import ExportError, FontSet, pdf_from_docx, place_file

    written: list[str] = []
    substitutions: list[str] = []
    try:
        for made, target in prepared.files:
            place_file(Path(made), Path(target))
            written.append(target)
        if prepared.pdf is not None:
            substitutions = pdf_from_docx(Path(prepared.pdf[0]), Path(prepared.pdf[1]), FontSet(fonts))
            written.append(prepared.pdf[1])
    except ExportError as exc:
        for path in written:
            print(f"已导出：{path}")
        print(f"导出失败：{exc.message}", file=sys.stderr)
        return 2
    for path in written:
        print(f"已导出：{path}")
    for line in substitutions:
        print(f"PDF 字体替代：{line}")
    return 0

