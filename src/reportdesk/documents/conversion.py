"""Old and WPS office formats (.doc, .wps, .rtf, .odt; .xls, .et, .ods) read through LibreOffice.

The file is converted by ``soffice --headless --convert-to docx|xlsx`` into a private
temporary folder, with a LibreOffice profile of its own (``-env:UserInstallation``, so that
a LibreOffice the clerk has open is neither disturbed nor handed the job), under a time
limit and an address-space limit, in a process group of its own that is killed whole when
the time is up or the batch check's alarm interrupts the wait.  The converted file is then
read by the .docx or .xlsx reader, and the import summary says what was converted.

``REPORTDESK_SOFFICE`` names the LibreOffice program (see :func:`reportdesk.documents.pdf.find_soffice`).
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import tempfile
from pathlib import Path

from reportdesk.core.interchange import ReportFileError
from reportdesk.core.table_import import ImportResult
from reportdesk.documents.pdf import find_soffice
from reportdesk.documents.safety import OLE_SIGNATURE, _ole_kind, read_head

log = logging.getLogger(__name__)

#: suffix → (what LibreOffice converts it to, the name of the format in messages)
CONVERTED: dict[str, tuple[str, str]] = {
    ".doc": ("docx", "Word 97-2003 文档（.doc）"),
    ".wps": ("docx", "WPS 文字文档（.wps）"),
    ".rtf": ("docx", "RTF 文档（.rtf）"),
    ".odt": ("docx", "OpenDocument 文本（.odt）"),
    ".xls": ("xlsx", "Excel 97-2003 工作簿（.xls）"),
    ".et": ("xlsx", "WPS 表格（.et）"),
    ".ods": ("xlsx", "OpenDocument 表格（.ods）"),
}
_FILTERS = {"docx": "docx:MS Word 2007 XML", "xlsx": "xlsx:Calc MS Excel 2007 XML"}
CONVERT_TIMEOUT_S = 60
#: LibreOffice maps a lot of address space at start; a conversion of a report needs far less
#: than this, a hostile file that makes it grow without end is stopped here.
SOFFICE_MEMORY_BYTES = 3 * 1024 * 1024 * 1024

NO_LIBREOFFICE = (
    "读取{kind}需要 LibreOffice，但本机未安装 LibreOffice（soffice）。"
    "请在 Word 或 WPS 中另存为 .docx 后再打开（表格文件另存为 .xlsx），"
    "或安装 LibreOffice（https://zh-cn.libreoffice.org）后重试。"
)


def import_converted(path: Path, timeout: float = CONVERT_TIMEOUT_S) -> ImportResult:
    """Convert *path* with LibreOffice and read the result; raise :class:`ReportFileError`."""
    suffix = path.suffix.lower()
    target, kind = CONVERTED[suffix]
    _check_source(path, kind)
    with tempfile.TemporaryDirectory(prefix="reportdesk-convert-") as work:
        converted = convert(path, target, Path(work), kind, timeout)
        note = f"由 LibreOffice 从{kind}转换为 .{target} 后读取"
        if target == "docx":
            from reportdesk.documents.docx_reader import import_docx

            return import_docx(converted, note, kind)
        from reportdesk.documents.xlsx_reader import import_xlsx

        return import_xlsx(converted, note, kind)


def _check_source(path: Path, kind: str) -> None:
    head = read_head(path)
    if head.startswith(OLE_SIGNATURE) and _ole_kind(head) == "encrypted":
        raise ReportFileError(
            f"这个{kind}设置了打开密码（已加密），无法读取。请在 Word / WPS 中取消密码后另存为 .docx 再打开。",
            "encrypted",
        )


def convert(path: Path, target: str, work: Path, kind: str, timeout: float = CONVERT_TIMEOUT_S) -> Path:
    """Convert *path* to *target* ("docx"/"xlsx") inside *work*; return the converted file."""
    soffice = find_soffice()
    if soffice is None:
        raise ReportFileError(NO_LIBREOFFICE.format(kind=kind), "no_libreoffice")
    # A copy under a plain name: LibreOffice names its output after the input, and a name
    # starting with "-" or holding odd characters must not reach its command line.
    source = work / f"source{path.suffix.lower()}"
    try:
        source.write_bytes(path.read_bytes())
    except OSError as exc:
        raise ReportFileError(f"无法读取文件：{exc.strerror or exc}", "io") from exc
    out_dir = work / "out"
    out_dir.mkdir()
    command = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--nodefault", "--nologo", "--convert-to", _FILTERS[target],
               "--outdir", str(out_dir), str(source)]
    detail = run_soffice(command, timeout, kind)
    produced = out_dir / f"source.{target}"
    if not produced.is_file() or produced.stat().st_size == 0:
        raise ReportFileError(
            f"LibreOffice 未能打开这个{kind}（文件可能已损坏、已加密或不是{kind}）。"
            f"{('详细信息：' + detail) if detail else ''}请在 Word 或 WPS 中另存为 .docx 后再打开。",
            "conversion",
        )
    return produced


def run_soffice(command: list[str], timeout: float, kind: str) -> str:
    """Run LibreOffice in a process group of its own; kill the group on time-out or interruption."""
    log.info("running %s", command)
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, start_new_session=os.name == "posix",
                                   preexec_fn=_limit_memory if os.name == "posix" else None)
    except OSError as exc:
        raise ReportFileError(
            f"无法启动 LibreOffice（{command[0]}）：{exc.strerror or exc}。" + NO_LIBREOFFICE.format(kind=kind),
            "no_libreoffice",
        ) from exc
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _kill(process)
        raise ReportFileError(
            f"LibreOffice 转换{kind}超时（超过 {int(timeout)} 秒），文件可能过于复杂或被恶意构造。"
            "请在 Word 或 WPS 中另存为 .docx 后再打开。", "timeout"
        ) from exc
    except BaseException:
        _kill(process)
        raise
    return output.decode(errors="replace").strip()[-300:] if process.returncode else ""


def _limit_memory() -> None:  # pragma: no cover - runs in the child before exec
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = SOFFICE_MEMORY_BYTES if hard == resource.RLIM_INFINITY else min(SOFFICE_MEMORY_BYTES, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _kill(process: subprocess.Popen[bytes]) -> None:
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError, OSError) as exc:
        log.warning("cannot stop LibreOffice: %s", exc)
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        log.warning("LibreOffice did not stop")
