"""The memory bound of a worker process, with what each platform offers.

- POSIX with the ``resource`` module: the worker caps its own address space
  (``RLIMIT_AS``), so an allocation past the bound fails with ``MemoryError`` inside the
  reader, which reports the file as unreadable.
- Windows: the parent puts each worker into a job object whose per-process memory limit
  does the same (``JOB_OBJECT_LIMIT_PROCESS_MEMORY``), written with ``ctypes``; the job
  also ends its workers when the parent goes (``KILL_ON_JOB_CLOSE``).
- Everywhere: the parent reads each busy worker's memory (:func:`process_memory`, from
  ``/proc`` on Linux and ``GetProcessMemoryInfo`` on Windows) and kills a worker that
  grows past the bound; this is what holds when neither of the above is available.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from typing import Any

log = logging.getLogger(__name__)


def limit_own_memory(limit: int) -> bool:
    """In a worker: cap the address space at *limit* bytes; False when the platform cannot."""
    try:
        import resource
    except ImportError:  # Windows (or a platform without the module)
        return False
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        value = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (value, hard))
    except (ValueError, OSError, AttributeError) as exc:
        log.warning("cannot limit worker memory: %s", exc)
        return False
    return True


# --- keeping freed memory for the next item ------------------------------------------------

_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt() parameters
#: Freed memory a worker keeps for its next item rather than giving it back to the system.
KEEP_FREED_BYTES = 64 * 1024 * 1024
#: Allocations up to this size come from the heap (and are reused), not from their own mapping.
HEAP_ALLOCATION_BYTES = 16 * 1024 * 1024


def _glibc_function(name: str) -> Any:
    """The C library's function *name* on Linux with glibc; None elsewhere (another system or C library)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):  # not glibc
        return None


def keep_freed_memory(keep: int = KEEP_FREED_BYTES) -> bool:
    """In a worker, with glibc: keep freed memory for the next item; False elsewhere.

    glibc gives the top of the heap back to the system as soon as more than 128 KB of it
    is free, and maps every allocation above 128 KB on its own: a worker that parses one
    document after another then faults its memory in afresh for each (about 1 MB of
    page faults a Word report, a tenth of its time).  The memory bound is unchanged: what
    is kept is counted in the worker's memory like any other.
    """
    mallopt = _glibc_function("mallopt")
    if mallopt is None:
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_TRIM_THRESHOLD, keep)) and bool(mallopt(_M_MMAP_THRESHOLD, HEAP_ALLOCATION_BYTES))


def give_back_freed_memory() -> bool:
    """With glibc: hand the free pages inside the heap back to the system (``malloc_trim``); False elsewhere.

    The parent does it before it forks a worker.  A page that is free but still mapped is shared
    with the child by ``fork``, and the child copies it as soon as it allocates there (a page fault
    and a 4 KB copy, many of them in its first files); a page given back is a fresh page for
    either process, with nothing to copy.  It takes about a millisecond after a large document
    was freed, nothing when there is nothing to give back.
    """
    malloc_trim = _glibc_function("malloc_trim")
    if malloc_trim is None:
        return False
    malloc_trim.argtypes = [ctypes.c_size_t]
    malloc_trim.restype = ctypes.c_int
    return bool(malloc_trim(0))


# --- reading another process's memory -------------------------------------------------------

def process_memory(pid: int, handle: int | None = None) -> int | None:
    """Resident memory of process *pid* in bytes, or None when it cannot be read here.

    On Windows *handle* (the process handle, e.g. ``Process.sentinel``) is used.
    """
    if sys.platform == "win32":
        return _windows_memory(handle) if handle is not None else None
    return linux_memory(pid)


def linux_memory(pid: int, proc: str = "/proc") -> int | None:
    try:
        with open(f"{proc}/{pid}/statm", "rb") as statm:
            fields = statm.read().split()
        return int(fields[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


class PROCESS_MEMORY_COUNTERS(ctypes.Structure):
    _fields_ = [
        ("cb", ctypes.c_uint32),
        ("PageFaultCount", ctypes.c_uint32),
        ("PeakWorkingSetSize", ctypes.c_size_t),
        ("WorkingSetSize", ctypes.c_size_t),
        ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
        ("QuotaPagedPoolUsage", ctypes.c_size_t),
        ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
        ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
        ("PagefileUsage", ctypes.c_size_t),
        ("PeakPagefileUsage", ctypes.c_size_t),
    ]


def _windows_memory(handle: int, kernel32: Any = None) -> int | None:
    """The committed memory (``PagefileUsage``) of the process: what a job's limit counts."""
    kernel32 = kernel32 or _kernel32()
    if kernel32 is None:
        return None
    counters = PROCESS_MEMORY_COUNTERS()
    counters.cb = ctypes.sizeof(counters)
    if not kernel32.K32GetProcessMemoryInfo(ctypes.c_void_p(handle), ctypes.byref(counters), counters.cb):
        return None
    return int(max(counters.PagefileUsage, counters.WorkingSetSize))


# --- the Windows job object -----------------------------------------------------------------

JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x00000100
JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x00002000
JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION = 0x00000400
JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9


class JOBOBJECT_BASIC_LIMIT_INFORMATION(ctypes.Structure):
    _fields_ = [
        ("PerProcessUserTimeLimit", ctypes.c_int64),
        ("PerJobUserTimeLimit", ctypes.c_int64),
        ("LimitFlags", ctypes.c_uint32),
        ("MinimumWorkingSetSize", ctypes.c_size_t),
        ("MaximumWorkingSetSize", ctypes.c_size_t),
        ("ActiveProcessLimit", ctypes.c_uint32),
        ("Affinity", ctypes.c_size_t),
        ("PriorityClass", ctypes.c_uint32),
        ("SchedulingClass", ctypes.c_uint32),
    ]


class IO_COUNTERS(ctypes.Structure):
    _fields_ = [(name, ctypes.c_uint64) for name in (
        "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
        "ReadTransferCount", "WriteTransferCount", "OtherTransferCount")]


class JOBOBJECT_EXTENDED_LIMIT_INFORMATION(ctypes.Structure):
    _fields_ = [
        ("BasicLimitInformation", JOBOBJECT_BASIC_LIMIT_INFORMATION),
        ("IoInfo", IO_COUNTERS),
        ("ProcessMemoryLimit", ctypes.c_size_t),
        ("JobMemoryLimit", ctypes.c_size_t),
        ("PeakProcessMemoryUsed", ctypes.c_size_t),
        ("PeakJobMemoryUsed", ctypes.c_size_t),
    ]


def _kernel32() -> Any:
    windll = getattr(ctypes, "WinDLL", None)
    if windll is None:
        return None
    try:
        return windll("kernel32", use_last_error=True)
    except OSError:
        return None


class MemoryJob:
    """A Windows job object that caps each assigned process's committed memory.

    *kernel32* is the DLL (or, in tests on other systems, an object with the same
    functions); without one, :meth:`create` returns None and the parent's watch is all.
    """

    def __init__(self, handle: int, kernel32: Any) -> None:
        self.handle = handle
        self.kernel32 = kernel32

    @classmethod
    def create(cls, limit: int, kernel32: Any = None) -> MemoryJob | None:
        kernel32 = kernel32 if kernel32 is not None else _kernel32()
        if kernel32 is None:
            return None
        handle = kernel32.CreateJobObjectW(None, None)
        if not handle:
            log.warning("CreateJobObjectW failed: %s", _last_error())
            return None
        info = JOBOBJECT_EXTENDED_LIMIT_INFORMATION()
        info.BasicLimitInformation.LimitFlags = (
            JOB_OBJECT_LIMIT_PROCESS_MEMORY | JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
            | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION
        )
        info.ProcessMemoryLimit = limit
        if not kernel32.SetInformationJobObject(handle, JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS,
                                                ctypes.byref(info), ctypes.sizeof(info)):
            log.warning("SetInformationJobObject failed: %s", _last_error())
            kernel32.CloseHandle(handle)
            return None
        return cls(handle, kernel32)

    def assign(self, process_handle: int) -> bool:
        """Put a process (its handle, e.g. ``Process.sentinel`` on Windows) into the job."""
        if self.kernel32.AssignProcessToJobObject(self.handle, ctypes.c_void_p(process_handle)):
            return True
        log.warning("AssignProcessToJobObject failed: %s", _last_error())
        return False

    def close(self) -> None:
        if self.handle:
            self.kernel32.CloseHandle(self.handle)
            self.handle = 0


def _last_error() -> int:
    get = getattr(ctypes, "get_last_error", None)
    return int(get()) if get is not None else 0
