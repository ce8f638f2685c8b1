"""The typed error every draft operation raises: a code for programs, a message for people."""

from __future__ import annotations

import logging
from typing import Literal

log = logging.getLogger(__name__)

ErrorCode = Literal["locked", "damaged", "future_version", "not_a_draft", "io", "readonly"]


class DraftError(Exception):
    """A draft cannot be opened, read or written.  ``message`` is Chinese and says what to do."""

    def __init__(self, message: str, code: ErrorCode) -> None:
        super().__init__(message)
        self.message = message
        self.code: ErrorCode = code


#: Windows: ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION (a file held open by Word, Excel, a
#: synced folder or an antivirus scanner).
WINDOWS_IN_USE = (32, 33)


def in_use(exc: OSError) -> bool:
    """Whether *exc* says the file is held open by another program (Windows error 32 or 33)."""
    return getattr(exc, "winerror", None) in WINDOWS_IN_USE


def os_reason(exc: OSError) -> str:
    """A Chinese reason for an operating-system error, never the raw (English) text."""
    import errno

    if in_use(exc):
        return "文件正被其他程序（如同步盘、杀毒软件或另一个窗口）占用"
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "磁盘空间不足"
    if exc.errno == errno.ENAMETOOLONG:
        return "文件名过长"
    if exc.errno == errno.EROFS:
        return "磁盘或文件夹是只读的"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return "没有写入权限（或文件正被其他程序占用）"
    if isinstance(exc, FileNotFoundError):
        return "文件或文件夹不存在"
    if exc.errno == errno.ELOOP:
        return "路径是一个符号链接"
    return f"系统错误 {exc.errno}" if exc.errno else "系统错误"


#: SQLite primary result codes → what they mean to a clerk.
_SQLITE_REASONS = {
    3: "没有访问权限", 5: "文件正被其他程序使用", 6: "文件正被其他程序使用", 8: "文件或文件夹是只读的",
    10: "读写磁盘时出错", 11: "数据库结构已损坏", 13: "磁盘空间不足", 14: "无法打开文件",
    26: "不是有效的数据库文件",
}


def sqlite_reason(exc: BaseException) -> str:
    """A Chinese reason for an ``sqlite3.Error`` (its English text goes to the log only)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE_REASONS:
        return _SQLITE_REASONS[code & 0xFF]
    text = str(exc)
    for needle, reason in (("disk is full", "磁盘空间不足"), ("malformed", "数据库结构已损坏"),
                           ("not a database", "不是有效的数据库文件"), ("locked", "文件正被其他程序使用"),
                           ("readonly", "文件或文件夹是只读的"), ("unable to open", "无法打开文件"),
                           ("no such column", "数据表缺少必需的列"), ("no such table", "缺少必需的数据表")):
        if needle in text:
            return reason
    return f"数据库错误（{type(exc).__name__}）"


def is_disk_full(exc: BaseException) -> bool:
    import errno

    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    code = getattr(exc, "sqlite_errorcode", None)
    return (isinstance(code, int) and code & 0xFF == 13) or "disk is full" in str(exc)
