"""One writer per draft: an operating-system lock on a small file beside the draft.

``报告.rdesk`` is locked through ``报告.rdesk.lock``, held open with ``flock`` (POSIX)
or ``msvcrt.locking`` (Windows) for as long as the session lives.  The operating system
drops the lock when the process ends *in any way* — exit, crash, SIGKILL, power cut —
so a crashed ReportDesk never leaves a draft locked: the stale ``.lock`` file that may
remain is simply locked again by the next process.  The file records who holds the
lock, so that the message can say which process has the draft open.

SQLite's own locks cannot do this job: they last only for one transaction, and its
``locking_mode=EXCLUSIVE`` would also keep readers (``reportdesk check``) out.  The lock
is on a separate file because POSIX record locks on the database file itself would be
released by SQLite closing any of its own handles to it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import sys
from datetime import datetime
from pathlib import Path

from reportdesk.storage.errors import DraftError

log = logging.getLogger(__name__)

_WINDOWS = sys.platform == "win32"
_LOCK_OFFSET = 1 << 20  # Windows: lock a byte past the holder record, so others can still read it


def lock_path_for(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _try_lock(fd: int) -> bool:
    if _WINDOWS:
        import msvcrt

        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if _WINDOWS:
        import msvcrt

        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def read_holder(path: Path) -> dict[str, object]:
    """Who holds the lock of draft *path*, as recorded in its lock file ({} when unknown)."""
    try:
        data = json.loads(lock_path_for(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class DraftLock:
    """Held while a session has the draft open for writing."""

    def __init__(self, draft: Path) -> None:
        self.draft = draft
        self.path = lock_path_for(draft)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        for _attempt in range(5):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except PermissionError as exc:
                raise DraftError(
                    f"草稿所在的文件夹 {self.draft.parent} 不允许写入，无法在此编辑草稿。"
                    "请把草稿复制到可以写入的文件夹（如“文档”）后再打开。",
                    "readonly",
                ) from exc
            except OSError as exc:
                raise DraftError(f"无法打开草稿的锁文件 {self.path}：{exc.strerror or exc}", "io") from exc
            if not _try_lock(fd):
                os.close(fd)
                raise DraftError(self._locked_message(), "locked")
            # The lock file may have been removed and re-created by its previous holder
            # between our open() and flock(); then we hold a lock nobody else will see.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                self._fd = fd
                self._write_holder()
                return
            _unlock(fd)
            os.close(fd)
        raise DraftError(f"无法锁定草稿 {self.draft}，请稍后再试。", "locked")

    def _write_holder(self) -> None:
        assert self._fd is not None
        record = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now().astimezone().isoformat(timespec="seconds"),
        }
        data = json.dumps(record, ensure_ascii=False).encode("utf-8")
        try:
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.write(self._fd, data)
            os.ftruncate(self._fd, len(data))
        except OSError:
            log.warning("could not record the lock holder in %s", self.path)

    def _locked_message(self) -> str:
        holder = read_holder(self.draft)
        who = ""
        if holder.get("pid"):
            who = f"（进程 {holder['pid']}"
            if holder.get("host") and holder.get("host") != socket.gethostname():
                who += f"，计算机 {holder['host']}"
            if holder.get("since"):
                who += f"，自 {str(holder['since'])[:19].replace('T', ' ')} 起"
            who += "）"
        return (
            f"草稿“{self.draft.name}”已在另一个 ReportDesk 窗口中打开{who}，不能同时编辑。"
            "请切换到那个窗口，或先在那里关闭草稿；只查看可以使用“检查”。"
        )

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        # Remove the file first, while still holding the lock; see acquire() for why that is safe.
        with contextlib.suppress(OSError):
            if not _WINDOWS:
                self.path.unlink()
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)
        if _WINDOWS:
            with contextlib.suppress(OSError):
                self.path.unlink()
