"""Batch checking for reviewers: one file, or hundreds in parallel with bounded time and memory.

A file is read by the importer of its type (a Word or Excel file gives an import summary
and findings of its own: ``old_format``, ``missing_table``, ``label``, ``export_mismatch``)
and checked by the rule engine, with last year's report when one is given.  A batch runs
in worker processes; each file gets a time limit, each worker a memory limit, so that a
hostile file is reported as unreadable and the rest of the batch goes on.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportdesk.core.findings import Finding, sort_findings
from reportdesk.core.interchange import ReportFileError
from reportdesk.core.report import Report
from reportdesk.core.table_import import ImportResult, ImportSummary
from reportdesk.core.year_on_year import YearChange

log = logging.getLogger(__name__)

REVIEW_SUFFIXES = (".docx", ".xlsx", ".json", ".rdesk")
FILE_TIMEOUT_S = 30
WORKER_MEMORY_BYTES = 1536 * 1024 * 1024
WATCHDOG_GRACE_S = 20


@dataclass(slots=True)
class FileResult:
    path: str
    report: Report | None = None
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)
    summary: ImportSummary | None = None
    changes: list[YearChange] = field(default_factory=list)  # beside last year's, when given

    @property
    def readable(self) -> bool:
        return self.error is None

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.is_error)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "readable": self.readable,
            "error": self.error,
            "findings": [f.to_json() for f in self.findings],
        }


# --- one file ---------------------------------------------------------------------------

def import_file(path: Path) -> ImportResult:
    """Read any supported file with its import summary (:func:`reportdesk.app.reading.read_file`)."""
    from reportdesk.app.reading import read_file

    return read_file(path)


def read_any(path: Path) -> Report:
    """The report in *path* (:func:`reportdesk.app.reading.read_report`)."""
    from reportdesk.app.reading import read_report

    return read_report(path)


def check_imported(result: ImportResult, previous: Report | None = None) -> list[Finding]:
    """The import's own findings and every rule's findings, without noise about absent tables.

    A table that is not in the file is one ``missing_table`` finding (from the layout the
    importer found), not also a "blank" finding; the 2019 tables are one ``old_format``
    finding, and the 2021 table rules say nothing about figures that were not read.
    """
    from reportdesk.core.catalog import get_form
    from reportdesk.core.checks import check_report

    report = result.report
    form = get_form(report.form_id)
    skip: set[str] = set()
    if result.summary.old_format:
        skip = set(form.tables)
    elif report.structure is not None and report.structure.tables is not None:
        skip = set(form.tables) - set(report.structure.tables)
    findings = list(result.findings)
    for finding in check_report(report, previous):
        if finding.cells and skip and all(c.split(".", 1)[0] in skip for c in finding.cells):
            continue
        findings.append(finding)
    return sort_findings(findings)


def review_file(path: Path, previous: Report | None = None) -> FileResult:
    result = FileResult(str(path))
    try:
        imported = import_file(path)
    except ReportFileError as exc:
        result.error = exc.message
        return result
    except MemoryError:
        result.error = "读取时内存不足：文件可能被恶意构造或过于复杂，已停止读取。"
        return result
    except RecursionError:
        result.error = "文件结构嵌套过深，无法读取。"
        return result
    result.report = imported.report
    result.summary = imported.summary
    result.findings = check_imported(imported, previous)
    if previous is not None and not imported.summary.old_format:
        from reportdesk.core.catalog import get_form
        from reportdesk.core.year_on_year import year_on_year

        result.changes = year_on_year(get_form(imported.report.form_id), imported.report, previous)
    return result


# --- a batch ----------------------------------------------------------------------------

class FileTimeout(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise FileTimeout


def _limit_worker(memory: int) -> None:
    """In a worker process: cap the address space so a hostile file fails with MemoryError."""
    try:
        import resource
    except ImportError:  # Windows
        return
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError) as exc:
        log.warning("cannot limit worker memory: %s", exc)


@functools.lru_cache(maxsize=2)
def _previous(path: str | None) -> Report | None:
    return read_any(Path(path)) if path else None


def review_bounded(path: str, previous_path: str | None, timeout: float = FILE_TIMEOUT_S) -> FileResult:
    """:func:`review_file` with a time limit (on systems with SIGALRM)."""
    import signal

    can_alarm = hasattr(signal, "setitimer") and _in_main_thread()
    if can_alarm:
        old = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return review_file(Path(path), _previous(previous_path))
    except FileTimeout:
        return FileResult(path, error=f"读取超时：超过 {timeout:.0f} 秒仍未读完，文件可能被恶意构造，已跳过。")
    finally:
        if can_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def collect_files(names: Iterable[str]) -> tuple[list[Path], list[FileResult]]:
    """Files named, folders searched for reports; names that are neither become unreadable results."""
    files: list[Path] = []
    problems: list[FileResult] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() in REVIEW_SUFFIXES and p.is_file()
                and not p.name.startswith(("~$", ".")) and "_reportdesk" not in p.parts
            )
            if not found:
                problems.append(FileResult(name, error=f"文件夹中没有报告文件（{'、'.join(REVIEW_SUFFIXES)}）。"))
            files.extend(found)
        else:
            files.append(path)
    return files, problems


Progress = Callable[[int, int], None]


def review_many(files: Sequence[Path], previous_path: str | None = None, jobs: int | None = None,
                progress: Progress | None = None, timeout: float = FILE_TIMEOUT_S,
                isolate: bool = False) -> list[FileResult]:
    """Check *files* (in parallel when there are several); results in the order given.

    With *isolate* every file is read in a worker process, even a single one: the app uses
    it so that a hostile file never runs inside the GUI process (whose threads have no alarm).
    """
    jobs = jobs or os.cpu_count() or 1
    total = len(files)
    if (jobs <= 1 or total <= 1) and not isolate:
        results = []
        for i, path in enumerate(files):
            results.append(review_bounded(str(path), previous_path, timeout))
            if progress:
                progress(i + 1, total)
        return results
    _warm_up(files)
    slots: list[FileResult | None] = [None] * total
    pending = list(range(total))
    while pending:
        outcome = _run_pool(files, pending, slots, previous_path, min(jobs, len(pending)), timeout,
                            lambda: progress(sum(s is not None for s in slots), total) if progress else None)
        pending = [i for i in pending if slots[i] is None]
        if outcome != "ok" and pending:
            # A worker died (a crash in a C library on a hostile file) or hung past every
            # limit: run the rest one at a time in fresh workers, so the culprit is named.
            for i in pending:
                alone = _run_pool(files, [i], slots, previous_path, 1, timeout, lambda: None)
                if alone == "hung":
                    slots[i] = FileResult(str(files[i]), error=f"读取超时：超过 {timeout:.0f} 秒仍未读完，文件可能被恶意构造，已跳过。")
                elif alone == "broken":
                    slots[i] = FileResult(str(files[i]), error="读取时程序异常退出（文件可能被恶意构造），已跳过。")
                if progress:
                    progress(sum(s is not None for s in slots), total)
            pending = []
    return [s if s is not None else FileResult(str(files[i]), error="未能检查。") for i, s in enumerate(slots)]


def _warm_up(files: Sequence[Path]) -> None:
    """Import the readers and build the label indexes once, before the workers are forked."""
    from reportdesk.core.catalog import get_form
    from reportdesk.core.table_import import _indexes

    _indexes(get_form())
    suffixes = {p.suffix.lower() for p in files}
    if ".docx" in suffixes:
        import reportdesk.documents.docx_reader
    if ".xlsx" in suffixes:
        import reportdesk.documents.xlsx_reader  # noqa: F401


def review_chunk(paths: list[str], previous_path: str | None, timeout: float) -> list[FileResult]:
    """Several files in one task (fewer round trips to the worker), each with its own time limit."""
    return [review_bounded(path, previous_path, timeout) for path in paths]


def _run_pool(files: Sequence[Path], indexes: list[int], slots: list[FileResult | None],
              previous_path: str | None, jobs: int, timeout: float, tick: Callable[[], object]) -> str:
    """Run *indexes* in a pool; fill *slots*; return "ok", "broken" (a worker died) or "hung".

    Each file has its own alarm in the worker; should a file hold a worker past the alarm
    (stuck inside C code), the watchdog here kills the workers.
    """
    with ProcessPoolExecutor(max_workers=jobs, initializer=_limit_worker,
                             initargs=(WORKER_MEMORY_BYTES,)) as pool:
        size = max(1, min(8, len(indexes) // (jobs * 4)))
        chunks = [indexes[i:i + size] for i in range(0, len(indexes), size)]
        futures: dict[Future[list[FileResult]], list[int]] = {
            pool.submit(review_chunk, [str(files[i]) for i in chunk], previous_path, timeout): chunk
            for chunk in chunks
        }
        remaining = set(futures)
        watchdog = timeout * size + WATCHDOG_GRACE_S
        while remaining:
            finished, remaining = wait(remaining, timeout=watchdog, return_when=FIRST_COMPLETED)
            if not finished:
                _kill_workers(pool)
                return "hung"
            for future in finished:
                chunk = futures[future]
                try:
                    for i, result in zip(chunk, future.result(), strict=True):
                        slots[i] = result
                except BrokenProcessPool:
                    return "broken"
                except Exception as exc:  # a bug: report it for these files and go on
                    log.exception("checking %s failed", [str(files[i]) for i in chunk])
                    for i in chunk:
                        slots[i] = FileResult(str(files[i]), error=f"检查时出错：{exc}")
                tick()
    return "ok"


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        try:
            process.kill()
        except (OSError, AttributeError) as exc:
            log.warning("cannot stop a worker: %s", exc)


class StderrProgress:
    """Progress on stderr for long runs: a rewritten line on a terminal, a line per 10% otherwise."""

    def __init__(self, stream: Any = None, min_files: int = 10) -> None:
        self.stream = stream or sys.stderr
        self.min_files = min_files
        self.start = time.monotonic()
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last_decile = -1

    def __call__(self, done: int, total: int) -> None:
        if total < self.min_files:
            return
        rate = done / max(time.monotonic() - self.start, 1e-6)
        line = f"已检查 {done}/{total} 个文件（每秒 {rate:.1f} 个）"
        if self.tty:
            self.stream.write("\r" + line + ("\n" if done == total else ""))
        else:
            decile = done * 10 // total
            if decile == self._last_decile:
                return
            self._last_decile = decile
            self.stream.write(line + "\n")
        self.stream.flush()
