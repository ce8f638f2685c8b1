"""Draft speed and size, each beside a baseline measured in the same run on the same disk.

    PYTHONPATH=src python benchmarks/bench_drafts.py [--dir FOLDER]

Targets (issue #3): one cell edit committed < 5 ms (median); opening a draft with 1,000
revisions < 50 ms; a complete report's draft with 1,000 revisions < 2 MB.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.factories

from tests.factories import complete_report

from reportdesk.app.session import Session
from reportdesk.core.catalog import get_form

EDITS = 1000


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bare_commit(folder: Path, n: int) -> list[float]:
    """sqlite3 INSERT + COMMIT, rollback journal, synchronous=FULL: the floor for a durable write."""
    db = sqlite3.connect(folder / "bare.db", isolation_level=None)
    db.execute("PRAGMA synchronous = FULL")
    db.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)")
    times = []
    for i in range(n):
        start = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT OR REPLACE INTO t VALUES (?, ?)", (f"k{i % 50}", str(i)))
        db.execute("COMMIT")
        times.append(time.perf_counter() - start)
    db.close()
    return times


def bare_open(path: Path, n: int) -> list[float]:
    """sqlite3 connect + read one row of the same file: the floor for opening it."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        db = sqlite3.connect(path)
        db.execute("SELECT count(*) FROM cells").fetchone()
        db.close()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", type=Path, default=None, help="folder on the disk to measure (default: temp)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        form = get_form()
        form_ms = (time.perf_counter() - start) * 1000
        cells = form.input_cells
        path = folder / "bench.rdesk"
        session = Session.create(path, agency="某市某某局", year=2023, source=complete_report())
        edit_times = []
        for i in range(EDITS - 1):  # revision 1 is the creation: 1,000 revisions in all
            cell = cells[i % len(cells)]
            start = time.perf_counter()
            session.set_cells({cell: 10 + i % 7})
            edit_times.append(time.perf_counter() - start)
        revisions = len(session.history())
        session.close()
        bare = bare_commit(folder, 300)
        size = path.stat().st_size

        open_times = []
        for _ in range(30):
            start = time.perf_counter()
            s = Session.open(path)
            open_times.append(time.perf_counter() - start)
            s.close()
        bare_opens = bare_open(path, 30)

        copy = folder / "copy.db"
        db = sqlite3.connect(path)
        out = sqlite3.connect(copy)
        db.backup(out)
        out.execute("DELETE FROM changes")
        out.commit()
        out.execute("VACUUM")
        out.close()
        db.close()
        current_only = copy.stat().st_size

        print(f"disk folder: {folder} ({os.name}); form definition loaded once per process in {form_ms:.1f} ms")
        print(f"{'measure':<46}{'ReportDesk':>14}{'baseline':>14}{'target':>12}")
        print(f"{'one cell edit committed (median)':<46}{_median_ms(edit_times):>11.2f} ms"
              f"{_median_ms(bare):>11.2f} ms{'< 5 ms':>12}")
        print(f"{'  (95th percentile)':<46}{statistics.quantiles(edit_times, n=20)[-1] * 1000:>11.2f} ms"
              f"{statistics.quantiles(bare, n=20)[-1] * 1000:>11.2f} ms")
        print(f"{f'open a draft with {revisions} revisions (median)':<46}{_median_ms(open_times):>11.2f} ms"
              f"{_median_ms(bare_opens):>11.2f} ms{'< 50 ms':>12}")
        print(f"{f'complete report, {revisions} revisions':<46}{size / 1024:>11.0f} KB"
              f"{current_only / 1024:>11.0f} KB{'< 2048 KB':>12}")
        print("baselines: bare sqlite3 INSERT+COMMIT (synchronous=FULL) on the same disk; bare sqlite3 connect + "
              "one query; the same draft without its history (vacuumed)")


if __name__ == "__main__":
    main()
