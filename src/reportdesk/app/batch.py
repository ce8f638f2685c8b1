"""Batch checking for reviewers: one file, or hundreds in parallel with bounded time and memory.

A file is read by the importer of its type (a Word or Excel file gives an import summary
and findings of its own: ``old_format``, ``missing_table``, ``label``, ``export_mismatch``)
and checked by the rule engine, with last year's report when one is given.  A batch runs
in worker processes (:mod:`reportdesk.app.worker_pool`); the parent bounds each file's
time and each worker's memory, so that a hostile file is reported as unreadable and the
rest of the batch goes on; every file gets its own result, whatever happens to another.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportdesk.app.reading import READABLE_SUFFIXES
from reportdesk.core import pattern_cache
from reportdesk.core.findings import Finding, sort_findings
from reportdesk.core.interchange import ReportFileError
from reportdesk.core.records import field, record
from reportdesk.core.report import Report
from reportdesk.core.table_import import ImportResult, ImportSummary
from reportdesk.core.year_on_year import YearChange

if TYPE_CHECKING:  # imported when a pool is made: `check` of one file needs no multiprocessing
    from reportdesk.app.worker_pool import Failure

log = logging.getLogger(__name__)

REVIEW_SUFFIXES = READABLE_SUFFIXES  # the one list of readable files is app/reading.py's
FILE_TIMEOUT_S = 30
WORKER_MEMORY_BYTES = 1536 * 1024 * 1024
#: Seconds past a file's time bound after which the parent kills its worker (the worker's
#: own alarm, where the system has one, answers first).
PARENT_GRACE_S = 2.0


@record(frozen=False)
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
    for finding in check_report(report, previous, form=form):
        if finding.cells and skip and all(c.split(".", 1)[0] in skip for c in finding.cells):
            continue
        findings.append(finding)
    return sort_findings(findings)


def review_file(path: Path, previous: Report | None = None) -> FileResult:
    from reportdesk.core.catalog import single_look
    from reportdesk.core.text import forget_reading

    forget_reading()  # nothing read from the last file's texts serves this one
    with single_look():  # the installed forms looked at once for this file
        return _review_file(path, previous)


def _review_file(path: Path, previous: Report | None) -> FileResult:
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


def timeout_message(timeout: float) -> str:
    return f"读取超时：超过 {timeout:.0f} 秒仍未读完，文件可能被恶意构造，已跳过。"


def can_alarm() -> bool:
    """Whether this thread can bound a file's time itself (SIGALRM: POSIX, main thread only)."""
    import signal

    return hasattr(signal, "setitimer") and hasattr(signal, "SIGALRM") and _in_main_thread()


@functools.lru_cache(maxsize=2)
def _previous(path: str | None) -> Report | None:
    return read_any(Path(path)) if path else None


def review_bounded(path: str, previous_path: str | None, timeout: float = FILE_TIMEOUT_S) -> FileResult:
    """:func:`review_file` with its own time limit where the system has SIGALRM.

    In a worker this is a first line only: the parent kills a worker that overruns (see
    :mod:`reportdesk.app.worker_pool`), which is what holds where there is no alarm.
    """
    import signal

    alarm = can_alarm()
    if alarm:
        old = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        result = review_file(Path(path), _previous(previous_path))
    except FileTimeout:
        result = FileResult(path, error=timeout_message(timeout))
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    # A worker ends without the exit handlers: the patterns this file was the first to need are kept
    # now, so that the next batch's workers start with them compiled (nothing to do once none is new).
    pattern_cache.save_quietly()
    return result


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
#: What a worker runs for each file: ``task(path, previous_path, timeout) -> FileResult``
#: (a module-level function: it is sent to the worker by name).
Task = Callable[[str, str | None, float], FileResult]

_ERROR_MESSAGE = "检查此文件时程序内部出错，已跳过此文件（其他文件不受影响）。请把此文件提供给技术支持。"


def failure_result(path: str, failure: Failure, timeout: float, memory: int | None) -> FileResult:
    """The unreadable result of a file whose worker gave no result."""
    if failure.kind == "timeout":
        return FileResult(path, error=timeout_message(timeout))
    if failure.kind == "memory":
        limit = f"（上限 {memory // 2**20} MB）" if memory else ""
        return FileResult(path, error=f"读取时占用内存过多{limit}：文件可能被恶意构造或过于复杂，已停止读取。")
    if failure.kind == "crash":
        return FileResult(path, error="读取时程序异常退出（文件可能被恶意构造），已跳过。")
    if failure.kind == "start":
        return FileResult(path, error="无法启动检查进程，未能检查此文件：请关闭一些程序后重试。")
    return FileResult(path, error=_ERROR_MESSAGE)


def _review_here(path: str, previous_path: str | None, timeout: float, task: Task) -> FileResult:
    """One file in this process; an exception in it is that file's result only."""
    try:
        return task(path, previous_path, timeout)
    except MemoryError:
        return FileResult(path, error="读取时内存不足：文件可能被恶意构造或过于复杂，已停止读取。")
    except Exception:
        log.info("checking %s failed", path, exc_info=True)
        return FileResult(path, error=_ERROR_MESSAGE)


_WARMED: set[tuple[str, ...]] = set()


def _init_worker(suffixes: tuple[str, ...]) -> None:
    """In each worker as it starts: everything the first file would otherwise wait for.

    The readers of the file types in the batch (and lxml's hardened parser), the form's
    label indexes (which then know the official tables' texts), and the checks with every
    pattern of the text rules compiled.
    """
    if suffixes in _WARMED:  # a worker started by fork from a parent that did it already
        return
    from reportdesk.core.catalog import get_form
    from reportdesk.core.checks import check_report
    from reportdesk.core.table_import import read_official_tables
    from reportdesk.core.text.lazy import compile_all
    from reportdesk.core.text.vocabulary import vocabulary

    form = get_form()
    read_official_tables(form)
    compile_all()
    vocabulary(form).patterns(None)  # a report's year adds only the patterns that name years
    check_report(Report(form_id=form.id))
    if ".docx" in suffixes or ".xlsx" in suffixes:
        from reportdesk.documents.safety import xml_parser

        xml_parser()
    if ".docx" in suffixes:
        import reportdesk.documents.docx_reader
    if ".xlsx" in suffixes:
        import reportdesk.documents.xlsx_reader
    if ".pdf" in suffixes:
        import reportdesk.documents.pdf_reader
    if set(suffixes) & {".html", ".htm", ".mhtml", ".mht"}:
        import reportdesk.documents.html_reader  # noqa: F401
    _WARMED.add(suffixes)


class ReviewPool:
    """Worker processes that check files, kept between calls of :meth:`review` (the 审阅
    window checks a folder in chunks with one pool); each file is bounded in time and
    memory by the parent, and every file gets its own result."""

    def __init__(self, jobs: int | None = None, previous_path: str | None = None,
                 timeout: float = FILE_TIMEOUT_S, memory: int | None = WORKER_MEMORY_BYTES,
                 task: Task | None = None, suffixes: Iterable[str] = REVIEW_SUFFIXES,
                 grace: float = PARENT_GRACE_S) -> None:
        from reportdesk.app.worker_pool import WorkerPool

        self.timeout, self.memory = timeout, memory
        warm = tuple(sorted({s.lower() for s in suffixes}))
        self.pool = WorkerPool(task or review_bounded, (previous_path, timeout), jobs or os.cpu_count() or 1,
                               timeout=timeout, memory=memory, grace=grace, initializer=_init_worker,
                               initargs=(warm,))
        if self.pool.context.get_start_method() == "fork":
            # Not relied on (each worker sets itself up), but forked workers then find it done.
            _init_worker(warm)

    def __enter__(self) -> ReviewPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.pool.close()

    def review(self, files: Sequence[Path], progress: Progress | None = None,
               should_stop: Callable[[], bool] | None = None) -> list[FileResult]:
        """Results in the order given (without the files never started, when stopped)."""
        total = len(files)
        slots: list[FileResult | None] = [None] * total
        done = 0

        from reportdesk.app.worker_pool import Failure

        def outcome(index: int, value: object) -> None:
            nonlocal done
            path = str(files[index])
            if isinstance(value, FileResult):
                slots[index] = value
            else:
                failure = value if isinstance(value, Failure) else Failure("error", value)
                slots[index] = failure_result(path, failure, self.timeout, self.memory)
            done += 1
            if progress:
                progress(done, total)

        self.pool.run([str(f) for f in files], outcome, should_stop)
        if should_stop is None or not should_stop():
            # Not stopped: every file gets a result.  One the pool gave no outcome for (never expected) is
            # named as unchecked rather than left out of the list without a word.
            for index, slot in enumerate(slots):
                if slot is None:
                    log.error("no outcome for %s from the worker pool", files[index])
                    slots[index] = FileResult(str(files[index]), error=_ERROR_MESSAGE)
        return [s for s in slots if s is not None]


def review_many(files: Sequence[Path], previous_path: str | None = None, jobs: int | None = None,
                progress: Progress | None = None, timeout: float = FILE_TIMEOUT_S,
                isolate: bool = False, memory: int | None = WORKER_MEMORY_BYTES,
                task: Task | None = None) -> list[FileResult]:
    """Check *files* (in parallel when there are several); results in the order given.

    With *isolate* every file is read in a worker process, even a single one: the app uses
    it so that a hostile file never runs inside the GUI process.  Otherwise a single file
    (or ``jobs=1``) is read here only when it is JSON (a size-capped parse in Python, which
    an alarm can interrupt) and this thread has an alarm: a Word or Excel file or a draft is
    parsed in C (zip, XML, SQLite), where only the parent's kill is sure to stop it.
    """
    jobs = jobs or os.cpu_count() or 1
    total = len(files)
    task = task or review_bounded
    here = all(Path(p).suffix.lower() == ".json" for p in files) and can_alarm()
    if (jobs <= 1 or total <= 1) and not isolate and here:
        results = []
        for i, path in enumerate(files):
            results.append(_review_here(str(path), previous_path, timeout, task))
            if progress:
                progress(i + 1, total)
        return results
    suffixes = {p.suffix.lower() for p in files}
    with ReviewPool(min(jobs, max(total, 1)), previous_path, timeout, memory, task, suffixes) as pool:
        return pool.review(files, progress)


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
