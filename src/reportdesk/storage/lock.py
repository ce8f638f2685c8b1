"""One writer per draft: an operating-system lock on a small file beside the draft.

``报告.rdesk`` is locked through ``报告.rdesk.lock``, held open with ``flock`` (POSIX)
or ``msvcrt.locking`` (Windows) for as long as the session lives.  The operating system
drops the lock when the process ends *in any way* — exit, crash, SIGKILL, power cut —
so a crashed ReportDesk never leaves a draft locked: the stale ``.lock`` file that may
remain is simply locked again by the next process.  The file records who holds the
lock, so that the message can say which process has the draft open.

The lock is keyed on the file itself, not on the name it was given: the lock file sits
beside the draft's resolved path (so a symbolic link to the draft finds the same lock), and
a second lock in a per-user folder is named after the file's identity (device and inode /
file id), so that a hard link — another name for the same file — is refused too.  Lock
files are opened without following links (``O_NOFOLLOW``) and a lock path that is a link
is refused: a planted ``d.rdesk.lock → 另一个文件`` is never truncated or created.

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
import stat
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from reportdesk.storage.errors import DraftError

log = logging.getLogger(__name__)

_WINDOWS = sys.platform == "win32"
_LOCK_OFFSET = 1 << 20  # Windows: lock a byte past the holder record, so others can still read it


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _host_name() -> str:
    """This computer's name, as ``socket.gethostname()`` gives it (on POSIX the same ``uname`` field),
    without importing :mod:`socket` on the path that opens a draft."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def lock_path_for(path: Path) -> Path:
    """The lock file of draft *path*: beside the file it names (links resolved)."""
    path = Path(path)
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # a link loop: the name itself
        real = path.absolute()
    return real.with_name(real.name + ".lock")


def identity_lock_dir() -> Path | None:
    """The per-user folder of identity locks, or None when it is not safe to use (not ours,
    open to others, a link)."""
    uid = os.getuid() if hasattr(os, "getuid") else None
    folder = Path(tempfile.gettempdir()) / (f"reportdesk-locks-{uid}" if uid is not None else "reportdesk-locks")
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(folder)
    except OSError as exc:
        log.warning("no identity lock folder %s: %s", folder, exc)
        return None
    if not stat.S_ISDIR(info.st_mode) or (uid is not None and (info.st_uid != uid or info.st_mode & 0o077)):
        log.warning("identity lock folder %s is not private to this user; hard links are not detected", folder)
        return None
    return folder


def identity_lock_path(draft: Path) -> Path | None:
    """``<lock folder>/<device>-<inode>.lock`` for the file *draft* names (None if it does not exist)."""
    try:
        info = os.stat(draft)
    except OSError:
        return None
    if not info.st_ino:  # a file system without file ids: the name lock has to do
        return None
    folder = identity_lock_dir()
    return None if folder is None else folder / f"{info.st_dev:x}-{info.st_ino:x}.lock"


def open_no_follow(path: Path, flags: int, mode: int = 0o644) -> int:
    """``os.open`` that refuses a symbolic link at *path* (and, on POSIX, never follows one);
    raises ``IsADirectoryError``/``OSError(ELOOP)`` for a link and OSError for a non-regular file."""
    import errno

    if os.path.islink(path):
        raise OSError(errno.ELOOP, "is a symbolic link", str(path))
    fd = os.open(path, flags | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0), mode)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
    except BaseException:
        os.close(fd)
        raise
    return fd


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


class _LockFile:
    """An exclusive operating-system lock on one lock file, created when missing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None

    def acquire(self) -> bool:
        """True when locked; False when another process holds it.  Raises OSError."""
        for _attempt in range(5):
            fd = open_no_follow(self.path, os.O_RDWR | os.O_CREAT)
            if not _try_lock(fd):
                os.close(fd)
                return False
            # The lock file may have been removed and re-created by its previous holder
            # between our open() and flock(); then we hold a lock nobody else will see.
            try:
                same = os.path.samestat(os.fstat(fd), os.lstat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                self.fd = fd
                return True
            _unlock(fd)
            os.close(fd)
        return False

    def write(self, data: bytes) -> None:
        assert self.fd is not None
        try:
            os.lseek(self.fd, 0, os.SEEK_SET)
            os.write(self.fd, data)
            os.ftruncate(self.fd, len(data))
        except OSError:
            log.warning("could not record the lock holder in %s", self.path)

    def release(self) -> None:
        if self.fd is None:
            return
        fd, self.fd = self.fd, None
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


def _read_record(path: Path) -> dict[str, object]:
    try:
        fd = open_no_follow(path, os.O_RDONLY)
    except OSError:
        return {}
    try:
        with os.fdopen(fd, "rb") as f:
            data = json.loads(f.read(4096).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read_holder(path: Path) -> dict[str, object]:
    """Who holds the lock of draft *path*, as recorded in its lock file ({} when unknown)."""
    record = _read_record(lock_path_for(path))
    if not record:
        identity = identity_lock_path(path)
        record = _read_record(identity) if identity is not None else {}
    return record


def is_locked(path: Path) -> bool:
    """Whether a ReportDesk holds draft *path* open for writing (by any of its names); creates nothing."""
    for lock in (lock_path_for(path), identity_lock_path(path)):
        if lock is None:
            continue
        try:
            fd = open_no_follow(lock, os.O_RDWR)
        except OSError:
            continue
        try:
            if not _try_lock(fd):
                return True
            _unlock(fd)
        finally:
            os.close(fd)
    return False


class DraftLock:
    """Held while a session has the draft open for writing."""

    def __init__(self, draft: Path) -> None:
        self.draft = Path(draft)
        self.path = lock_path_for(self.draft)
        self._name = _LockFile(self.path)
        self._identity: _LockFile | None = None

    @property
    def held(self) -> bool:
        return self._name.fd is not None

    def acquire(self) -> None:
        """Lock the draft by its name and, when the file exists, by its identity."""
        try:
            got = self._name.acquire()
        except PermissionError as exc:
            raise DraftError(
                f"草稿所在的文件夹 {self.draft.parent} 不允许写入，无法在此编辑草稿。"
                "请把草稿复制到可以写入的文件夹（如“文档”）后再打开。",
                "readonly",
            ) from exc
        except OSError as exc:
            raise DraftError(self._bad_lock_message(exc), "io") from exc
        if not got:
            raise DraftError(self._locked_message(), "locked")
        try:
            self.bind()
        except BaseException:
            self._name.release()
            raise
        self._write_holder()

    def bind(self) -> None:
        """Take the identity lock of the file the draft names now (after it was created or replaced)."""
        if self._identity is not None:
            self._identity.release()
            self._identity = None
        identity = identity_lock_path(self.draft)
        if identity is None:
            return
        lock = _LockFile(identity)
        try:
            got = lock.acquire()
        except OSError as exc:
            log.warning("identity lock %s unusable: %s", identity, exc)
            return
        if not got:
            raise DraftError(self._locked_message(identity, other_name=True), "locked")
        self._identity = lock
        self._write_holder()

    def _bad_lock_message(self, exc: OSError) -> str:
        import errno

        if exc.errno in (errno.ELOOP, errno.EINVAL, errno.EMLINK) or os.path.islink(self.path):
            return (f"草稿的锁文件“{self.path}”是一个符号链接或不是普通文件。为安全起见，程序不会打开或改动它。"
                    "请删除这个锁文件（草稿不会受影响）后再打开草稿。")
        from reportdesk.storage.errors import os_reason

        return f"无法打开草稿的锁文件“{self.path}”：{os_reason(exc)}。"

    def _write_holder(self) -> None:
        record = {
            "pid": os.getpid(),
            "host": _host_name(),
            "since": datetime.now().astimezone().isoformat(timespec="seconds"),
            "draft": str(self.draft),
        }
        data = json.dumps(record, ensure_ascii=False).encode("utf-8")
        for lock in (self._name, self._identity):
            if lock is not None and lock.fd is not None:
                lock.write(data)

    def _locked_message(self, lock: Path | None = None, *, other_name: bool = False) -> str:
        holder = _read_record(lock) if lock is not None else read_holder(self.draft)
        who = ""
        if holder.get("pid"):
            who = f"（进程 {holder['pid']}"
            if holder.get("host") and holder.get("host") != _host_name():
                who += f"，计算机 {holder['host']}"
            if holder.get("since"):
                who += f"，自 {str(holder['since'])[:19].replace('T', ' ')} 起"
            who += "）"
        via = ""
        if other_name and holder.get("draft") and str(holder.get("draft")) != str(self.draft):
            via = f"（通过另一个文件名“{holder['draft']}”，它与此文件是同一个文件）"
        return (
            f"草稿“{self.draft.name}”已在另一个 ReportDesk 窗口中打开{via}{who}，不能同时编辑。"
            "请切换到那个窗口，或先在那里关闭草稿；只查看可以使用“检查”。"
        )

    def release(self) -> None:
        if self._identity is not None:
            self._identity.release()
            self._identity = None
        self._name.release()
