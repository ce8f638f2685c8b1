"""Reading and writing the files of the cache folder, where what is kept is only ever a copy.

A copy that cannot be read (missing, a folder, a FIFO, a device, too large) is as good as none, and a
copy that cannot be written (a read-only folder, a full disk) is simply not kept: neither is an error.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)


def read_regular_file(path: Path, max_bytes: int) -> bytes | None:
    """The bytes of *path* when it is an ordinary file of at most *max_bytes*; None otherwise (missing,
    a folder, a FIFO, which would block a plain read for ever, a device, unreadable, too large)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
            return None
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(max_bytes + 1)
        return data if len(data) <= max_bytes else None
    except OSError:
        return None
    finally:
        os.close(handle)


def write_whole(target: Path, data: bytes) -> bool:
    """Write *data* to *target* whole or not at all (also with two programs writing at once); False
    when it could not be written, which the caller treats as "not kept"."""
    temporary: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
        return True
    except OSError as exc:
        log.info("cache file %s not written: %s", target, exc)
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return False
