"""Each worker holds the item it is on and the next one: what becomes of the next one when
the first hangs, dies or grows without end, and when the clock of each item starts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportdesk.app.batch import review_many
from reportdesk.core.catalog import get_form
from reportdesk.core.interchange import report_to_json
from tests.factories import complete_report


def _reports(folder: Path, names: list[str]) -> list[Path]:
    """One JSON report per name, each with its own agency (its name), so that a result shows whose it is."""
    files = []
    for i, name in enumerate(names):
        path = folder / f"{name}.json"
        data = report_to_json(get_form(), complete_report(seed=i, agency=f"{name}局", year=2023))
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        files.append(path)
    return files


def _agencies(results: list) -> list[str | None]:
    return [r.report.agency if r.report is not None else None for r in results]


def test_the_file_queued_behind_a_stuck_one_is_checked_by_another_worker(tmp_path: Path) -> None:
    from tests.app.worker_tasks import sleep_forever

    files = _reports(tmp_path, ["stuck", "next", "after"])
    results = review_many(files, jobs=1, timeout=1, isolate=True, task=sleep_forever)
    assert [r.path for r in results] == [str(f) for f in files]
    assert "读取超时：超过 1 秒" in (results[0].error or "")
    assert _agencies(results) == [None, "next局", "after局"]
    assert all(r.readable and not r.errors for r in results[1:])


def test_the_file_queued_behind_a_crash_gets_its_own_result(tmp_path: Path) -> None:
    from tests.app.worker_tasks import die_on_crash

    files = _reports(tmp_path, ["crash-1", "next", "crash-2", "after", "last"])
    for jobs in (1, 2):
        results = review_many(files, jobs=jobs, isolate=True, task=die_on_crash)
        assert [r.readable for r in results] == [False, True, False, True, True]
        assert "异常退出" in (results[0].error or "") and "异常退出" in (results[2].error or "")
        assert _agencies(results) == [None, "next局", None, "after局", "last局"]


def test_the_file_queued_behind_a_memory_hog_gets_its_own_result(tmp_path: Path) -> None:
    from tests.app.worker_tasks import allocate_forever

    files = _reports(tmp_path, ["hog", "next", "after"])
    results = review_many(files, jobs=1, timeout=60, memory=600 * 2**20, isolate=True, task=allocate_forever)
    assert [r.readable for r in results] == [False, True, True]
    assert "内存" in (results[0].error or "")
    assert _agencies(results) == [None, "next局", "after局"]


def test_a_failing_file_leaves_the_one_queued_behind_it_alone(tmp_path: Path) -> None:
    from tests.app.worker_tasks import raise_on_bug

    files = _reports(tmp_path, ["bug", "next", "after"])
    results = review_many(files, jobs=1, isolate=True, task=raise_on_bug)
    assert [r.readable for r in results] == [False, True, True]
    assert _agencies(results) == [None, "next局", "after局"]


def test_an_items_time_bound_starts_when_the_item_before_it_ends() -> None:
    """Three items of 1.2 s each under a 2 s bound in one worker: the second and third were
    sent ahead, but each is timed from when the worker got to it, so none is cut off."""
    from reportdesk.app.worker_pool import WorkerPool
    from tests.app.worker_tasks import nap

    seen: dict[int, object] = {}
    with WorkerPool(nap, jobs=1, timeout=2.0, grace=0.0) as pool:
        pool.run([1.2, 1.2, 1.2], seen.__setitem__)
    assert seen == {0: 1.2, 1: 1.2, 2: 1.2}


def test_a_worker_is_sent_the_next_item_before_it_answers_the_first() -> None:
    from reportdesk.app.worker_pool import WorkerPool
    from tests.app.worker_tasks import nap

    held: list[int] = []
    with WorkerPool(nap, jobs=1, timeout=30.0) as pool:
        def outcome(index: int, value: object) -> None:
            held.append(len(pool.workers[0].held))

        pool.run([0.3, 0.3, 0.3], outcome)
    assert held == [1, 1, 0]  # each answer finds the next item already with the worker


def test_a_worker_freezes_what_it_inherits_and_the_parent_keeps_its_own() -> None:
    """The worker puts what it inherited and set up out of its collector's reach; starting it leaves
    the parent's collector as it was (the GUI's start-up objects stay frozen, reportdesk.startup_gc)."""
    import gc

    from reportdesk.app.worker_pool import WorkerPool
    from tests.app.worker_tasks import freeze_count

    gc.freeze()  # as the GUI does once its window is ready
    try:
        before = gc.get_freeze_count()
        assert before > 0
        seen: dict[int, object] = {}
        with WorkerPool(freeze_count, jobs=1) as pool:
            pool.run(["x"], lambda index, value: seen.__setitem__(index, value))
        assert isinstance(seen[0], int) and seen[0] > 1000
        assert gc.get_freeze_count() >= before
    finally:
        gc.unfreeze()


def test_where_there_is_no_poll_the_pool_waits_as_multiprocessing_does(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent waits with one poll() call on POSIX; elsewhere (Windows) with connection.wait: a crash
    and a hang are seen either way."""
    import select

    from tests.app.worker_tasks import die_on_crash, sleep_forever

    monkeypatch.delattr(select, "poll")
    files = _reports(tmp_path, ["crash-1", "next", "after"])
    results = review_many(files, jobs=2, isolate=True, task=die_on_crash)
    assert [r.readable for r in results] == [False, True, True]
    assert _agencies(results) == [None, "next局", "after局"]
    stuck = _reports(tmp_path, ["stuck", "then"])
    results = review_many(stuck, jobs=1, timeout=1, isolate=True, task=sleep_forever)
    assert "读取超时" in (results[0].error or "") and _agencies(results) == [None, "then局"]


def test_a_file_the_pool_gives_no_outcome_for_is_named_not_left_out(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Should the pool ever end a run without an outcome for a file, the batch still lists that file."""
    from reportdesk.app import worker_pool

    def run_losing_the_last_two(self, items, on_outcome, should_stop=None):  # type: ignore[no-untyped-def]
        for index in range(len(items) - 2):
            on_outcome(index, worker_pool.Failure("crash", 139))

    monkeypatch.setattr(worker_pool.WorkerPool, "run", run_losing_the_last_two)
    files = _reports(tmp_path, ["a", "b", "c", "d"])
    results = review_many(files, jobs=1, isolate=True)
    assert [r.path for r in results] == [str(f) for f in files]
    assert all(not r.readable for r in results)
    assert "程序内部出错" in (results[3].error or "") and "异常退出" in (results[0].error or "")
