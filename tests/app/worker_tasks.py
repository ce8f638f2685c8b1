"""Readers that misbehave on purpose, for the worker tests.

They are module-level functions so that a worker started by ``spawn`` imports them by
name (a monkeypatched function would exist only in the parent).  Each misbehaves only
on files whose name starts with its word, and reads the others as the batch check does.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from reportdesk.app.batch import FileResult, review_bounded


def sleep_forever(path: str, previous_path: str | None, timeout: float) -> FileResult:
    """Stuck as if inside C code: the worker's own alarm (where there is one) is blocked."""
    if Path(path).name.startswith("stuck"):
        if hasattr(signal, "pthread_sigmask") and hasattr(signal, "SIGALRM"):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        while True:
            time.sleep(3600)
    return review_bounded(path, previous_path, timeout)


def allocate_forever(path: str, previous_path: str | None, timeout: float) -> FileResult:
    """Allocates (and touches) memory without end."""
    if Path(path).name.startswith("hog"):
        hoard = []
        while True:
            hoard.append(bytearray(16 * 1024 * 1024))
            time.sleep(0.005)
    return review_bounded(path, previous_path, timeout)


def raise_on_bug(path: str, previous_path: str | None, timeout: float) -> FileResult:
    if Path(path).name.startswith("bug"):
        raise ValueError("invalid literal for int() with base 10: '①'")
    return review_bounded(path, previous_path, timeout)


def die_on_crash(path: str, previous_path: str | None, timeout: float) -> FileResult:
    """Dies as a crash in a C library would."""
    if Path(path).name.startswith("crash"):
        os._exit(139)
    return review_bounded(path, previous_path, timeout)


def platform_facts(item: str) -> dict[str, object]:
    """What a worker sees of the platform (to prove the Windows simulation reaches workers)."""
    import multiprocessing

    try:
        import resource  # noqa: F401
        has_resource = True
    except ImportError:
        has_resource = False
    return {"setitimer": hasattr(signal, "setitimer"), "resource": has_resource,
            "start_method": multiprocessing.get_start_method(allow_none=True), "item": item}


def nap(seconds: float) -> float:
    """Sleeps *seconds* (a task for :class:`reportdesk.app.worker_pool.WorkerPool` itself)."""
    time.sleep(seconds)
    return seconds


def freeze_count(item: str) -> int:
    """How many objects the worker keeps out of its collector's reach (its inherited and set-up ones)."""
    import gc

    return gc.get_freeze_count()
