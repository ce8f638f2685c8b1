"""Writing a file atomically, and the error an export raises when it cannot.

The document is written to a temporary file in the target's folder and renamed over the
target only when complete, so a failure (full disk, no permission, the target open in
Word or Excel on Windows) never leaves a half-written file and never damages an existing one.

The new file gets the mode of the file it replaces, or what the umask gives a new file (not
``mkstemp``'s 0600).  The temporary file is created without following links
(``mkstemp``: ``O_EXCL | O_NOFOLLOW``) and named ``.~<name>.<pid>-<random>.tmp``; ones of
that naming left behind by a killed ReportDesk (their process is gone, or they are a day
old) are removed by the next export to the same name.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import logging
import os
import re
import stat
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

log = logging.getLogger(__name__)


class ExportError(Exception):
    """An export failed; ``message`` says why and what to do, in Chinese."""

    def __init__(self, message: str, code: str = "io") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


#: Windows: the file is held open by another program (sharing / lock violation).
_IN_USE = (32, 33)
_STALE_AFTER = 24 * 3600


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
        existing = target.stat()
    except OSError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise ExportError(f"无法保存“{target}”：同名的已有项不是普通文件（可能是命名管道或设备），请换一个文件名。",
                          "not_a_file")
    clean_stale_temporaries(target)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".~{target.stem}.{os.getpid()}-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _explain(exc, target, writing_temp=True) from exc
    os.close(fd)
    temp = Path(temp_name)
    try:
        with _quiet_unraisable():
            try:
                produce(temp)
            except OSError as exc:
                _release_frames(exc)  # close what the writer left open (a ZipFile) now, quietly
                raise
        _set_mode(temp, existing)
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


def _set_mode(temp: Path, existing: os.stat_result | None) -> None:
    """The replaced file's permission bits, or the umask's for a new file."""
    if existing is not None:
        mode = stat.S_IMODE(existing.st_mode)
    else:
        mask = os.umask(0o022)
        os.umask(mask)
        mode = 0o666 & ~mask
    with contextlib.suppress(OSError):  # a file system without modes (FAT, some network shares)
        os.chmod(temp, mode)


@contextlib.contextmanager
def _quiet_unraisable() -> Iterator[None]:
    """While an export runs, an error raised in a destructor (``ZipFile.__del__`` failing to
    write on a full disk) goes to the log, not to the user's terminal as a traceback."""
    previous = sys.unraisablehook

    def hook(info: sys.UnraisableHookArgs) -> None:
        log.info("ignored during export: %r in %r", info.exc_value, info.object)

    sys.unraisablehook = hook
    try:
        yield
    finally:
        gc.collect()
        sys.unraisablehook = previous


def _release_frames(exc: BaseException) -> None:
    """Drop the locals of the frames *exc* passed through (their open files close now)."""
    log.debug("export failed", exc_info=exc)
    tb = exc.__traceback__
    with contextlib.suppress(RuntimeError):  # a frame still executing cannot be cleared
        traceback.clear_frames(tb.tb_next if tb is not None else None)
    gc.collect()


def clean_stale_temporaries(target: Path) -> list[Path]:
    """Remove temporary files of our own naming for *target* that nobody writes any more."""
    pattern = re.compile(rf"^\.~{re.escape(Path(target).stem)}\.(?:(\d+)-)?[A-Za-z0-9_]{{8}}\.tmp$")
    removed: list[Path] = []
    folder = Path(target).parent if str(Path(target).parent) else Path(".")
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.match(entry.name)
        if match is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                continue
            pid = int(match.group(1)) if match.group(1) else None
            if (pid is not None and not _alive(pid)) or time.time() - info.st_mtime > _STALE_AFTER:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError as exc:
            log.warning("could not remove the stale temporary file %s: %s", entry.path, exc)
    return removed


def _alive(pid: int) -> bool:
    """Whether process *pid* may still be writing (True when it cannot be told: Windows)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # os.kill(pid, 0) would terminate it on Windows; the age rule applies there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # pragma: no cover - nothing more can be done
        log.warning("could not remove temporary file %s", path)


def _explain(exc: OSError, target: Path, *, writing_temp: bool = False) -> ExportError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return ExportError(
            f"无法保存“{target}”：磁盘空间不足。请清理磁盘或另选保存位置后重试；原有文件未被改动。",
            "disk_full",
        )
    in_use = getattr(exc, "winerror", None) in _IN_USE
    if in_use or isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if not in_use and (writing_temp or exc.errno == errno.EROFS):
            return ExportError(
                f"无法保存“{target}”：没有写入文件夹“{target.parent}”的权限。请另选保存位置（如“文档”文件夹）。",
                "permission",
            )
        if in_use or target.exists():
            return ExportError(
                f"无法保存“{target}”：该文件正在被其他程序（如 Word、WPS 或 Excel）打开或没有写入权限。"
                "请关闭该文件后重试，或另存为其他文件名；原有文件未被改动。",
                "locked",
            )
        return ExportError(f"无法保存“{target}”：没有写入权限。请另选保存位置。", "permission")
    if exc.errno == errno.ENAMETOOLONG:
        return ExportError(f"无法保存“{str(target)[:60]}…”：文件名过长，请换一个短一些的文件名。", "io")
    log.info("cannot save %s: %r", target, exc)
    return ExportError(f"无法保存“{target}”：写入时出错（系统错误代码 {exc.errno}）。原有文件未被改动。", "io")
