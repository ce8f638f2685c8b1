"""PDF through LibreOffice: ``soffice --headless --convert-to pdf`` on an exported file.

LibreOffice runs with a private profile folder (``-env:UserInstallation``) so that it
neither collides with a LibreOffice the user has open nor leaves settings behind, and
under a timeout so that a hung conversion cannot block the application.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from reportdesk.documents.files import ExportError, write_atomically

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 180
SOFFICE_ENV = "REPORTDESK_SOFFICE"

_KNOWN_PLACES = {
    "win32": [
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    ],
    "darwin": ["/Applications/LibreOffice.app/Contents/MacOS/soffice"],
}

NOT_INSTALLED = (
    "未找到 LibreOffice（soffice），无法生成 PDF。请安装 LibreOffice（https://zh-cn.libreoffice.org）后重试，"
    "或导出 Word 文件后在 Word / WPS 中“另存为 PDF”。"
)


def find_soffice() -> str | None:
    """The LibreOffice program: ``$REPORTDESK_SOFFICE``, then the PATH, then the usual install folders."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        return configured if Path(configured).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for place in _KNOWN_PLACES.get(sys.platform, []):
        if Path(place).is_file():
            return place
    return None


def convert_to_pdf(source: Path, target: Path, timeout: float = TIMEOUT_SECONDS) -> None:
    """Convert *source* (.docx or .xlsx) to the PDF *target*, atomically."""
    soffice = find_soffice()
    if soffice is None:
        raise ExportError(NOT_INSTALLED, "no_libreoffice")
    source = Path(source).resolve()
    with tempfile.TemporaryDirectory(prefix="reportdesk-pdf-") as work:
        work_dir = Path(work)
        profile = (work_dir / "profile").as_uri()
        out_dir = work_dir / "out"
        out_dir.mkdir()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
                   "--convert-to", "pdf", "--outdir", str(out_dir), str(source)]
        log.info("running %s", command)
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            raise ExportError(
                f"LibreOffice 转换 PDF 超时（超过 {int(timeout)} 秒）。请关闭正在运行的 LibreOffice 后重试，"
                "或在 Word / WPS 中打开导出的文件另存为 PDF。", "timeout"
            ) from exc
        except OSError as exc:
            raise ExportError(f"无法启动 LibreOffice（{soffice}）：{exc.strerror or exc}。{NOT_INSTALLED}",
                              "no_libreoffice") from exc
        produced = out_dir / f"{source.stem}.pdf"
        if done.returncode != 0 or not produced.is_file():
            detail = (done.stderr or done.stdout).decode(errors="replace").strip()[-300:]
            raise ExportError(
                f"LibreOffice 未能把“{source.name}”转换为 PDF（退出码 {done.returncode}）。"
                f"{('详细信息：' + detail) if detail else ''}请在 Word / WPS 中打开该文件另存为 PDF。",
                "conversion",
            )
        def copy(temp: Path) -> None:
            shutil.copyfile(produced, temp)

        write_atomically(Path(target), copy)
