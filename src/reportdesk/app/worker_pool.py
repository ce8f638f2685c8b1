"""Worker processes whose parent holds the bounds: each worker on one item at a time.

The parent hands each worker an item and the next one (so that the worker goes straight
on), and knows at every moment which items each worker holds, which one it is on and
since when.  A worker that overruns its time bound, grows past its memory bound or dies
is killed (if need be) and replaced; only the item it was on is reported as failed, the
one it held behind it goes to another worker, and the others go on.  Nothing relies on
state inherited by ``fork``: a worker sets itself up (memory cap, initializer) after it
starts, so the pool works under ``spawn`` (Windows, and Linux from Python 3.14) as under
``fork``.  ``REPORTDESK_START_METHOD`` chooses the start method (``spawn``,
``forkserver``, ``fork``); the default is the platform's.

The task and the initializer must be module-level functions (they are sent to the worker
by name), their arguments and results picklable.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import math
import multiprocessing
import os
import select
import time
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from reportdesk.app.process_limits import (
    MemoryJob,
    give_back_freed_memory,
    keep_freed_memory,
    limit_own_memory,
    process_memory,
)
from reportdesk.core.records import record

log = logging.getLogger(__name__)

START_METHOD_ENV = "REPORTDESK_START_METHOD"
#: How often the parent looks at the busy workers' memory, in seconds.
POLL_S = 0.2
#: A worker that is not ready this long after it was started is given up.
START_TIMEOUT_S = 120.0
#: Workers in a row that die before they are ready, after which the pool gives up.
START_FAILURES = 3
#: Items a worker holds at once: the one it works on and the next, sent ahead so that it
#: never waits for the parent between two items.
DEPTH = 2


@record
class Failure:
    """What became of an item whose worker did not return a result.

    ``kind``: "timeout" (killed after the time bound), "memory" (killed past the memory
    bound; ``detail`` the bytes seen), "crash" (the worker died; ``detail`` its exit
    code), "error" (the task raised; ``detail`` the traceback), "start" (no worker could
    be started).
    """

    kind: str
    detail: Any = None


def start_method() -> str | None:
    method = os.environ.get(START_METHOD_ENV, "").strip()
    if method and method in multiprocessing.get_all_start_methods():
        return method
    if method:
        log.warning("ignoring %s=%r (not one of %s)", START_METHOD_ENV, method,
                    multiprocessing.get_all_start_methods())
    return None


def _worker_main(conn: Connection, memory: int | None, initializer: Callable[..., object] | None,
                 initargs: tuple[Any, ...], task: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """The worker: cap memory, set up, then answer one item at a time until told to stop."""
    # What the worker inherits (fork) and what its set-up makes lives as long as it does: out of
    # the collector's reach, which would otherwise write to every one of those objects (and so
    # copy every memory page shared with the parent) on the first files.  Done here, in the
    # worker, so that the parent's own frozen objects (reportdesk.startup_gc) stay as they are.
    gc.freeze()
    limited = limit_own_memory(memory) if memory else False
    keep_freed_memory()
    if initializer is not None:
        initializer(*initargs)
    gc.freeze()
    conn.send(("ready", limited))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, item = message
        try:
            reply: tuple[Any, ...] = ("done", index, task(item, *args))
        except MemoryError:
            reply = ("failed", index, "memory", None)
        except Exception:
            reply = ("failed", index, "error", traceback.format_exc())
        try:
            conn.send(reply)
        except Exception:  # an unpicklable result
            conn.send(("failed", index, "error", traceback.format_exc()))


class _Worker:
    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.started = time.monotonic()
        self.ready = False
        self.held: deque[int] = deque()  # the items sent to it, in the order it takes them
        self.since: float | None = None  # when the worker began the first item held

    @property
    def index(self) -> int | None:
        """The item the worker is on (or will begin first), None when it holds none."""
        return self.held[0] if self.held else None

    def give(self, index: int, item: Any) -> None:
        self.conn.send((index, item))
        if not self.held:
            self.since = time.monotonic() if self.ready else None
        self.held.append(index)

    def answered(self, index: int) -> None:
        """The worker sent the outcome of *index*; it goes straight on to the next item held."""
        with contextlib.suppress(ValueError):
            self.held.remove(index)
        self.since = time.monotonic() if self.held and self.ready else None


Outcome = Callable[[int, Any], None]  # (index, the task's result or a Failure)


class WorkerPool:
    """Up to *jobs* workers running ``task(item, *args)`` under a time and a memory bound.

    The time bound is *timeout* + *grace* seconds per item (the grace lets a task's own
    alarm, where it has one, answer first); the memory bound is *memory* bytes per worker.
    Each worker holds up to *depth* items: the one it works on and the next ones, already
    sent, so that it goes on without waiting for the parent.  An item's clock starts when
    the worker's answer for the item before it arrives.  When a worker is killed or dies,
    only the item it was working on fails; the ones it held behind it go to another worker.
    Workers are started when needed and kept between :meth:`run` calls; :meth:`close`
    (or leaving the ``with`` block) ends them.
    """

    def __init__(self, task: Callable[..., Any], args: tuple[Any, ...] = (), jobs: int = 1,
                 timeout: float = 30.0, memory: int | None = None, grace: float = 2.0,
                 initializer: Callable[..., object] | None = None, initargs: tuple[Any, ...] = (),
                 depth: int = DEPTH) -> None:
        self.task, self.args = task, args
        self.jobs = max(1, jobs)
        self.depth = max(1, depth)
        self.timeout, self.grace, self.memory = timeout, grace, memory
        self.initializer, self.initargs = initializer, initargs
        self.context = multiprocessing.get_context(start_method())
        self.workers: list[_Worker] = []
        self.job = MemoryJob.create(memory) if memory and os.name == "nt" else None
        self._start_failures = 0
        self._queue: deque[int] = deque()
        self._next_poll = 0.0

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- workers ---------------------------------------------------------------------------

    def _start(self) -> _Worker:
        if self.context.get_start_method() == "fork":
            give_back_freed_memory()  # what the child would copy as it allocates (process_limits)
        parent, child = self.context.Pipe()
        process = self.context.Process(  # type: ignore[attr-defined]
            target=_worker_main, daemon=True, name="reportdesk-worker",
            args=(child, self.memory, self.initializer, self.initargs, self.task, self.args),
        )
        process.start()
        child.close()
        if self.job is not None:
            self.job.assign(process.sentinel)
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def _end(self, worker: _Worker, kill: bool) -> None:
        if kill and worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        if worker in self.workers:
            self.workers.remove(worker)

    def close(self) -> None:
        for worker in list(self.workers):
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        deadline = time.monotonic() + 2
        for worker in list(self.workers):
            worker.process.join(max(0.0, deadline - time.monotonic()))
            self._end(worker, kill=True)
        if self.job is not None:
            self.job.close()
            self.job = None

    # --- a run -----------------------------------------------------------------------------

    def run(self, items: Sequence[Any], on_outcome: Outcome,
            should_stop: Callable[[], bool] | None = None) -> None:
        """Run the task on every item; *on_outcome* hears of each as it ends (in any order).

        When *should_stop* turns true, no further item is handed out; the items the
        workers hold are finished, and the ones never handed out are not reported.
        """
        queue = self._queue = deque(range(len(items)))
        self._next_poll = time.monotonic() + POLL_S
        while True:
            if should_stop is not None and queue and should_stop():
                queue.clear()
            if self._start_failures >= START_FAILURES:
                while queue:
                    on_outcome(queue.popleft(), Failure("start"))
            for idle in [w for w in self.workers if not w.held and not w.process.is_alive()]:
                self._end(idle, kill=True)  # died between runs (killed from outside)
            self._hand_out(queue, items)
            busy = [w for w in self.workers if w.held]
            if not busy:
                return
            self._wait(busy, on_outcome)

    def _hand_out(self, queue: deque[int], items: Sequence[Any]) -> None:
        """An item to every worker without one (starting workers up to *jobs*), then the
        next ones up to *depth* each."""
        for depth in range(1, self.depth + 1):
            for worker in [w for w in self.workers if len(w.held) < depth]:
                if not queue:
                    return
                self._give(worker, queue, items)
            while depth == 1 and queue and len(self.workers) < self.jobs:
                self._give(self._start(), queue, items)

    def _give(self, worker: _Worker, queue: deque[int], items: Sequence[Any]) -> None:
        index = queue.popleft()
        try:
            worker.give(index, items[index])
        except OSError:  # the worker is gone: its items go back, the worker is replaced
            queue.appendleft(index)
            self._requeue(worker)
            self._end(worker, kill=True)
            self._start_failures += 1

    def _deadline(self, worker: _Worker) -> float:
        if worker.since is None:
            return worker.started + START_TIMEOUT_S
        return worker.since + self.timeout + self.grace

    def _wait(self, busy: list[_Worker], on_outcome: Outcome) -> None:
        now = time.monotonic()
        pause = max(0.0, min(self._deadline(w) for w in busy) - now)
        if self.memory:
            pause = min(pause, max(0.0, self._next_poll - now))
        handles: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        ready = _ready(handles, pause)
        now = time.monotonic()
        look_at_memory = bool(self.memory) and now >= self._next_poll
        if look_at_memory:
            self._next_poll = now + POLL_S
        for worker in busy:
            # A message or a death that comes after wait() returned is seen on the next call.
            if worker.conn in ready and not self._receive(worker, on_outcome):
                continue  # it died, and its items are dealt with
            index = worker.index
            if index is None:
                continue
            if worker.process.sentinel in ready:
                if self._receive(worker, on_outcome, drain=True):  # what it sent before it died
                    self._died(worker, on_outcome)
            elif now >= self._deadline(worker):
                if worker.since is None:  # never became ready: a start that hangs
                    self._start_failures += 1
                    self._requeue(worker)
                    self._end(worker, kill=True)
                    self._fail_if_cannot_start(on_outcome)
                else:
                    log.info("worker %s overran %.0f s on item %s: killed", worker.process.pid,
                             self.timeout, index)
                    self._kill_on_item(worker, on_outcome, Failure("timeout"))
            elif look_at_memory and worker.since is not None and self.memory:
                used = process_memory(worker.process.pid or 0, _handle(worker.process))
                if used is not None and used > self.memory:
                    log.info("worker %s grew to %d bytes on item %s: killed", worker.process.pid, used, index)
                    self._kill_on_item(worker, on_outcome, Failure("memory", used))

    def _receive(self, worker: _Worker, on_outcome: Outcome, drain: bool = False) -> bool:
        """The message wait() said the worker has sent (a next one is seen on the next wait()),
        or with *drain* every message it has sent so far; False when it turned out to be gone."""
        while True:
            try:
                if drain and not worker.conn.poll():
                    return True
                message = worker.conn.recv()
            except (EOFError, OSError):
                self._died(worker, on_outcome)
                return False
            self._message(worker, message, on_outcome)
            if not drain:
                return True

    def _message(self, worker: _Worker, message: tuple[Any, ...], on_outcome: Outcome) -> None:
        if message[0] == "ready":
            worker.ready = True
            worker.since = time.monotonic() if worker.held else None
            self._start_failures = 0
            return
        worker.answered(message[1])
        if message[0] == "done":
            on_outcome(message[1], message[2])
        else:
            _kind, index, kind, detail = message
            if kind == "error":
                log.info("item %s failed in a worker:\n%s", index, detail)
            on_outcome(index, Failure(kind, detail))

    def _kill_on_item(self, worker: _Worker, on_outcome: Outcome, failure: Failure) -> None:
        """Kill *worker*: the item it is on fails, the ones it held behind it go back to the queue."""
        index = worker.held.popleft()
        self._requeue(worker)
        self._end(worker, kill=True)
        on_outcome(index, failure)

    def _died(self, worker: _Worker, on_outcome: Outcome) -> None:
        if worker not in self.workers:
            return
        code = worker.process.exitcode
        self._end(worker, kill=True)
        if not worker.ready:
            self._start_failures += 1
            log.info("a worker died while starting (exit code %s)", code)
            self._requeue(worker)
            self._fail_if_cannot_start(on_outcome)
            return
        if not worker.held:
            return
        index = worker.held.popleft()
        self._requeue(worker)
        log.info("worker died on item %s (exit code %s)", index, code)
        on_outcome(index, Failure("crash", code))

    def _requeue(self, worker: _Worker) -> None:
        """The items *worker* held and never began go back to the front of the queue, in order."""
        self._queue.extendleft(reversed(worker.held))
        worker.held.clear()

    def _fail_if_cannot_start(self, on_outcome: Outcome) -> None:
        # Items that never ran are reported as not started only when workers keep failing.
        if self._start_failures >= START_FAILURES:
            while self._queue:
                on_outcome(self._queue.popleft(), Failure("start"))


def _ready(handles: list[Any], timeout: float) -> list[Any]:
    """The handles that can be read (or are closed) within *timeout* seconds, as ``connection.wait``
    says; on POSIX by one ``poll`` call, without the selector object ``wait`` builds each time (the
    parent waits once for every item)."""
    if not hasattr(select, "poll"):
        return wait(handles, timeout=timeout)
    poller = select.poll()
    by_fd: dict[int, Any] = {}
    for handle in handles:
        fd = handle if isinstance(handle, int) else handle.fileno()
        by_fd[fd] = handle
        poller.register(fd, select.POLLIN)
    # poll() resumes after a signal with the time left (PEP 475); any event, a hang-up too, is "ready".
    return [by_fd[fd] for fd, _event in poller.poll(math.ceil(timeout * 1000))]


def _handle(process: BaseProcess) -> int | None:
    return process.sentinel if os.name == "nt" else None
