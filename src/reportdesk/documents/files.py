"""Writing a file atomically, and the error an export raises when it cannot.

The document is written to a temporary file in the target's folder and renamed over the
target only when complete, so a failure (full disk, no permission, the target open in
Word or Excel on Windows) never leaves a half-written file and never damages an existing one.
"""

from __future__ import annotations

import errno
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)


class ExportError(Exception):
    """An export failed; ``message`` says why and what to do, in Chinese."""

    def __init__(self, message: str, code: str = "io") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def write_atomically(target: Path, produce: Callable[[Path], None]) -> None:
    """Call ``produce(temp_path)`` to write the file, then move it to *target* in one step."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(
            f"无法保存“{target}”：文件夹“{folder}”不存在，请先创建该文件夹或另选位置。", "no_folder"
        )
    if target.is_dir():
        raise ExportError(f"无法保存“{target}”：这是一个文件夹，请填写文件名。", "is_dir")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".~{target.stem}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _explain(exc, target, writing_temp=True) from exc
    os.close(fd)
    temp = Path(temp_name)
    try:
        produce(temp)
        with open(temp, "rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except ExportError:
        _remove(temp)
        raise
    except OSError as exc:
        _remove(temp)
        raise _explain(exc, target) from exc
    except BaseException:
        _remove(temp)
        raise
    log.info("wrote %s", target)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # pragma: no cover - nothing more can be done
        log.warning("could not remove temporary file %s", path)


def _explain(exc: OSError, target: Path, *, writing_temp: bool = False) -> ExportError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ExportError(
            f"无法保存“{target}”：磁盘空间不足。请清理磁盘或另选保存位置后重试；原有文件未被改动。",
            "disk_full",
        )
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if writing_temp or exc.errno == errno.EROFS:
            return ExportError(
                f"无法保存“{target}”：没有写入文件夹“{target.parent}”的权限。请另选保存位置（如“文档”文件夹）。",
                "permission",
            )
        if target.exists():
            return ExportError(
                f"无法保存“{target}”：该文件正在被其他程序（如 Word、WPS 或 Excel）打开或没有写入权限。"
                "请关闭该文件后重试，或另存为其他文件名；原有文件未被改动。",
                "locked",
            )
        return ExportError(f"无法保存“{target}”：没有写入权限。请另选保存位置。", "permission")
    reason = exc.strerror or str(exc)
    return ExportError(f"无法保存“{target}”：{reason}。原有文件未被改动。", "io")
