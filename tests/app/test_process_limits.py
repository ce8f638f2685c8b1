"""The memory bound's platform parts, tested as far as this system allows.

The Windows job object cannot run here: its structures are checked against the sizes the
Windows headers give on 64-bit Windows, and the calls against a stand-in for kernel32.
"""

from __future__ import annotations

import ctypes
import os
import struct

import pytest

from reportdesk.app import process_limits as pl

WIN64 = struct.calcsize("P") == 8


@pytest.mark.skipif(not WIN64, reason="the sizes below are those of 64-bit Windows")
def test_job_structures_have_the_windows_layout() -> None:
    # winnt.h on x64: JOBOBJECT_BASIC_LIMIT_INFORMATION 64 bytes, IO_COUNTERS 48,
    # JOBOBJECT_EXTENDED_LIMIT_INFORMATION 144; psapi.h PROCESS_MEMORY_COUNTERS 72.
    assert ctypes.sizeof(pl.JOBOBJECT_BASIC_LIMIT_INFORMATION) == 64
    assert ctypes.sizeof(pl.IO_COUNTERS) == 48
    assert ctypes.sizeof(pl.JOBOBJECT_EXTENDED_LIMIT_INFORMATION) == 144
    assert pl.JOBOBJECT_EXTENDED_LIMIT_INFORMATION.ProcessMemoryLimit.offset == 112
    assert pl.JOBOBJECT_BASIC_LIMIT_INFORMATION.LimitFlags.offset == 16
    assert ctypes.sizeof(pl.PROCESS_MEMORY_COUNTERS) == 72


class FakeKernel32:
    """Records the calls ReportDesk makes; answers as Windows does when they succeed."""

    def __init__(self, fail: str = "") -> None:
        self.fail = fail
        self.calls: list[tuple] = []
        self.info: pl.JOBOBJECT_EXTENDED_LIMIT_INFORMATION | None = None

    def CreateJobObjectW(self, attributes, name):
        self.calls.append(("create", attributes, name))
        return 0 if self.fail == "create" else 0x1234

    def SetInformationJobObject(self, handle, info_class, info, size):
        self.calls.append(("set", handle, info_class, size))
        self.info = ctypes.cast(info, ctypes.POINTER(pl.JOBOBJECT_EXTENDED_LIMIT_INFORMATION)).contents
        return 0 if self.fail == "set" else 1

    def AssignProcessToJobObject(self, job, process):
        self.calls.append(("assign", job, process.value))
        return 0 if self.fail == "assign" else 1

    def CloseHandle(self, handle):
        self.calls.append(("close", handle))
        return 1

    def K32GetProcessMemoryInfo(self, process, counters, size):
        self.calls.append(("memory", process.value, size))
        c = ctypes.cast(counters, ctypes.POINTER(pl.PROCESS_MEMORY_COUNTERS)).contents
        c.WorkingSetSize, c.PagefileUsage = 300 * 2**20, 500 * 2**20
        return 1


def test_a_job_caps_each_process_and_ends_them_with_the_parent() -> None:
    kernel32 = FakeKernel32()
    job = pl.MemoryJob.create(1536 * 2**20, kernel32)
    assert job is not None and job.handle == 0x1234
    assert kernel32.calls[1][:3] == ("set", 0x1234, 9)  # JobObjectExtendedLimitInformation
    assert kernel32.calls[1][3] == ctypes.sizeof(pl.JOBOBJECT_EXTENDED_LIMIT_INFORMATION)
    assert kernel32.info is not None
    flags = kernel32.info.BasicLimitInformation.LimitFlags
    assert flags & 0x100 and flags & 0x2000  # PROCESS_MEMORY, KILL_ON_JOB_CLOSE
    assert kernel32.info.ProcessMemoryLimit == 1536 * 2**20
    assert job.assign(0x99)
    assert kernel32.calls[-1] == ("assign", 0x1234, 0x99)
    job.close()
    job.close()
    assert kernel32.calls[-1] == ("close", 0x1234) and kernel32.calls.count(("close", 0x1234)) == 1


@pytest.mark.parametrize("fail", ["create", "set"])
def test_a_job_that_cannot_be_made_leaves_the_parents_watch(fail: str) -> None:
    kernel32 = FakeKernel32(fail)
    assert pl.MemoryJob.create(2**30, kernel32) is None
    if fail == "set":
        assert kernel32.calls[-1] == ("close", 0x1234)


def test_without_kernel32_there_is_no_job_here() -> None:
    if os.name != "nt":
        assert pl.MemoryJob.create(2**30) is None


def test_windows_memory_reads_the_committed_size() -> None:
    kernel32 = FakeKernel32()
    assert pl._windows_memory(0x77, kernel32) == 500 * 2**20
    assert kernel32.calls[-1] == ("memory", 0x77, ctypes.sizeof(pl.PROCESS_MEMORY_COUNTERS))


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="Linux /proc")
def test_linux_memory_of_this_process_and_of_none() -> None:
    used = pl.linux_memory(os.getpid())
    assert used is not None and 10 * 2**20 < used < 64 * 2**30
    assert pl.linux_memory(2**22 + 12345) is None or pl.linux_memory(2**22 + 12345) > 0
    assert pl.process_memory(os.getpid()) == pytest.approx(used, rel=0.5)


_FAULTS = """
import sys
from reportdesk.app.process_limits import keep_freed_memory
kept = keep_freed_memory() if sys.argv[1] == "keep" else False
def faults():  # minor page faults, from /proc (the simulated Windows run has no resource module)
    with open("/proc/self/stat") as stat:
        return int(stat.read().rsplit(")", 1)[1].split()[7])
def work():  # what reading a document does with malloc: blocks of many sizes, all freed at the end
    blocks = [bytearray(20_000) for _ in range(200)] + [bytearray(300_000) for _ in range(4)]
    del blocks
for _ in range(3):
    work()
start = faults()
for _ in range(20):
    work()
print(kept, faults() - start)
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="glibc's malloc on Linux only")
def test_a_worker_keeps_freed_memory_for_its_next_item() -> None:
    """With glibc, memory freed after one item is reused by the next instead of being given
    back and faulted in again (a worker reading documents one after another)."""
    import subprocess
    import sys

    def run(mode: str) -> tuple[str, int]:
        done = subprocess.run([sys.executable, "-c", _FAULTS, mode], capture_output=True, text=True, timeout=60,
                              check=True)
        kept, faults = done.stdout.split()
        return kept, int(faults)

    kept, faults = run("keep")
    if kept != "True":
        pytest.skip("not glibc")
    _, without = run("plain")
    assert faults < 100 < without


_GIVE_BACK = """
from reportdesk.app.process_limits import give_back_freed_memory
def resident():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096
blocks = [bytearray(50_000) for _ in range(1000)]  # 50 MB on the heap (below glibc's mmap threshold)
keep = blocks[-1]  # the top of the heap stays in use: glibc cannot give the rest back by itself
del blocks[:-1]
before = resident()
given = give_back_freed_memory()
print(given, before - resident())
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="glibc's malloc on Linux only")
def test_freed_memory_is_given_back_before_a_fork() -> None:
    """The free pages inside the heap go back to the system, so that a forked worker has none to copy."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _GIVE_BACK], capture_output=True, text=True, timeout=60, check=True)
    given, freed = done.stdout.split()
    if given != "True":
        pytest.skip("not glibc")
    assert int(freed) > 30 * 2**20


def test_the_pool_gives_freed_memory_back_before_it_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportdesk.app import worker_pool
    from tests.app.worker_tasks import nap

    calls: list[str] = []
    monkeypatch.setattr(worker_pool, "give_back_freed_memory", lambda: calls.append("given") or True)
    results: dict[int, object] = {}
    with worker_pool.WorkerPool(nap, jobs=2) as pool:
        pool.run([0.0, 0.0, 0.0], results.__setitem__)
        method = pool.context.get_start_method()
    assert sorted(results) == [0, 1, 2]
    assert calls == (["given", "given"] if method == "fork" else [])
