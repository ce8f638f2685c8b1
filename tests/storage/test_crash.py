"""Fault injection: SIGKILL a process in the middle of saving, hundreds of times.

A forked child opens the draft and applies multi-cell edits (plus a section text) in a
loop, reporting each commit through a pipe; the test kills it at a random moment —
while opening, between commits, or in the middle of one — and then checks that the
draft opens, passes ``PRAGMA integrity_check`` and shows every edit wholly or not at all.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from reportdesk.app.reading import read_report
from reportdesk.app.session import Session
from tests.storage.conftest import digest

PARTS = ("natural", "commercial", "research", "public_interest", "legal_services", "other_org")
GROUPS = [[f"requests.{row}.{c}" for c in PARTS] for row in ("granted", "partly_granted", "refused_internal")]
KILLS = 300


def _child(path: Path, ack: int) -> None:
    try:
        session = Session.open(path)
        n = int(session.report.texts.get("overview", "edit 0").split()[1]) + 1
        while True:
            group = GROUPS[n % len(GROUPS)]
            session.apply(cells=dict.fromkeys(group, n), texts={"overview": f"edit {n}"})
            os.write(ack, b".")
            n += 1
    finally:
        os._exit(0)


def _kill_at_random(path: Path, rng: random.Random) -> int:
    """Run one child, kill it after a random number of commits plus a random delay; return the commits seen."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_end)
        _child(path, write_end)
    os.close(write_end)
    wanted = rng.randint(0, 4)
    seen = 0
    while seen < wanted:
        got = os.read(read_end, 64)
        if not got:
            break
        seen += len(got)
    deadline = time.perf_counter() + rng.uniform(0, 0.004)
    while time.perf_counter() < deadline:
        pass
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(read_end)
    return seen


def _check(path: Path) -> int:
    """The draft opens, is intact, and each edit is all-or-nothing; returns the last edit number."""
    before = digest(path)
    report = read_report(path)  # readable even with a journal left by the kill, and not changed by reading
    assert digest(path) == before
    with Session.open(path) as session:
        values = session.values()
        text = session.report.texts.get("overview", "edit 0")
        last = int(text.split()[1])
        numbers = []
        for group in GROUPS:
            got = {values[c] for c in group}
            assert len(got) == 1, f"a multi-cell edit was saved in part: {group} = {got}"
            numbers.append(got.pop() or 0)
        assert max(numbers) == last, (numbers, text)  # the text went with its cells
        assert report.texts.get("overview", "edit 0") == text
        assert session.history()[-1].number == last + 1
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    db.close()
    return last


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL")
def test_sigkill_during_saves_never_damages_or_splits_an_edit(tmp_path: Path) -> None:
    path = tmp_path / "crash.rdesk"
    Session.create(path, agency="某市某某局", year=2023).close()
    rng = random.Random(20240601)
    journals = 0
    last = 0
    for _ in range(KILLS):
        seen = _kill_at_random(path, rng)
        if path.with_name(path.name + "-journal").exists():
            journals += 1
        now = _check(path)
        assert now >= last + seen  # every acknowledged commit survived the kill
        last = now
    assert last > KILLS  # the children did make progress
    print(f"{KILLS} kills, {last} edits committed, {journals} kills left a journal behind")
