"""Journals left beside a draft, and readers beside a live writer (issue 11, items 1, 2, 11).

* A crash leaves ``d.rdesk-journal``; the clerk copies a backup over ``d.rdesk``.  Rolling the
  old journal into the backup would damage it, so opening for writing refuses with both
  files untouched; ``check``/``dump`` read the intact backup; ``recover`` still works.
* ``check``/``dump`` while another ReportDesk writes the draft: a consistent snapshot every
  time, never "已损坏", never a traceback when the journal comes and goes.
* A draft in WAL mode is read without leaving ``-wal``/``-shm`` files behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reportdesk.app.reading import read_report
from reportdesk.app.session import DraftError, Session
from reportdesk.core.interchange import ReportFileError
from reportdesk.storage.draft import read_history, read_state
from reportdesk.storage.recovery import recover
from tests.factories import complete_report
from tests.storage.conftest import digest

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + str(ROOT)}


def _crash_mid_transaction(path: Path) -> None:
    """SIGKILL a process in the middle of a large write to *path*: a hot journal stays beside it."""
    code = textwrap.dedent(f"""
        import os, signal, sqlite3
        db = sqlite3.connect({str(path)!r}, isolation_level=None)
        db.execute("PRAGMA cache_size = 2")
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE texts SET text = text || ?", ("改" * 20000,))
        db.execute("UPDATE changes SET new = coalesce(new, '') || ?", ("x" * 500,))
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    done = subprocess.run([sys.executable, "-c", code], env=_env(), timeout=60)
    assert done.returncode == -signal.SIGKILL
    journal = path.with_name(path.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0


def _big_draft(path: Path, agency: str) -> Path:
    report = complete_report()
    report.texts = {k: "本年度依法公开政府信息。" * 400 for k in ("overview", "proactive", "requests", "problems")}
    with Session.create(path, agency=agency, year=2023, source=report) as s:
        for n in range(40):
            s.set_cells({"requests.granted.natural": n})
    return path


@pytest.fixture
def backup_over_crash(tmp_path: Path) -> tuple[Path, Path, Path]:
    """d.rdesk is a small backup copied over a draft whose crash left d.rdesk-journal."""
    draft = _big_draft(tmp_path / "d.rdesk", "某市大局")
    backup = tmp_path / "backup.rdesk"
    with Session.create(backup, agency="某市备份局", year=2022, source=complete_report(seed=2)) as s:
        s.set_cells({"requests.granted.natural": 77})
    _crash_mid_transaction(draft)
    shutil.copyfile(backup, draft)
    journal = draft.with_name(draft.name + "-journal")
    # The precondition of the scenario: SQLite itself would roll the journal into the backup
    # and damage it (checked on a throw-away copy).
    probe = tmp_path / "probe"
    probe.mkdir()
    shutil.copyfile(draft, probe / "p.rdesk")
    shutil.copyfile(journal, probe / "p.rdesk-journal")
    db = sqlite3.connect(probe / "p.rdesk")
    try:
        damaged = db.execute("PRAGMA quick_check").fetchall() != [("ok",)]
    except sqlite3.DatabaseError:
        damaged = True
    finally:
        db.close()
    assert damaged, "the foreign journal should damage the backup when SQLite rolls it back"
    return draft, journal, backup


def test_a_foreign_journal_is_never_rolled_into_the_draft(backup_over_crash: tuple[Path, Path, Path]) -> None:
    draft, journal, _backup = backup_over_crash
    before = (digest(draft), digest(journal))
    with pytest.raises(DraftError) as info:
        Session.open(draft)
    assert info.value.code == "damaged"
    assert "不属于它的日志文件" in info.value.message and "d.rdesk-journal" in info.value.message
    assert "两个文件都未作改动" in info.value.message
    assert (digest(draft), digest(journal)) == before
    assert not draft.with_name("d.rdesk.lock").exists()


def test_check_and_dump_read_the_intact_backup(backup_over_crash: tuple[Path, Path, Path]) -> None:
    draft, journal, _backup = backup_over_crash
    before = (digest(draft), digest(journal))
    report = read_report(draft)
    assert report.agency == "某市备份局" and report.cells["requests.granted.natural"] == 77
    assert [r.number for r in read_history(draft)] == [1, 2]
    assert (digest(draft), digest(journal)) == before


def test_recover_works_from_the_copy(backup_over_crash: tuple[Path, Path, Path], tmp_path: Path) -> None:
    draft, journal, _backup = backup_over_crash
    before = (digest(draft), digest(journal))
    result = recover(draft, tmp_path / "new.rdesk")
    assert (digest(draft), digest(journal)) == before
    with Session.open(result.path) as s:
        assert s.report.agency == "某市备份局" and s.report.cells["requests.granted.natural"] == 77


def test_after_moving_the_journal_away_the_draft_opens(backup_over_crash: tuple[Path, Path, Path]) -> None:
    draft, journal, _backup = backup_over_crash
    journal.rename(journal.with_name("elsewhere"))
    with Session.open(draft) as s:
        assert s.report.cells["requests.granted.natural"] == 77


def test_a_genuine_crash_journal_is_rolled_back_as_before(tmp_path: Path) -> None:
    draft = _big_draft(tmp_path / "c.rdesk", "某市崩溃局")
    expected = read_report(draft).texts
    _crash_mid_transaction(draft)
    assert read_report(draft).texts == expected  # readers roll back on a private copy
    assert draft.with_name("c.rdesk-journal").exists()
    with Session.open(draft) as s:  # the writer rolls back for real
        assert s.report.texts == expected
    assert not draft.with_name("c.rdesk-journal").exists()


def test_a_wal_mode_draft_is_read_without_leaving_files(tmp_path: Path) -> None:
    draft = _big_draft(tmp_path / "w.rdesk", "某市日志局")
    db = sqlite3.connect(draft)
    assert db.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    db.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    before = digest(draft)
    assert read_report(draft).agency == "某市日志局"
    read_state(draft)
    assert sorted(p.name for p in tmp_path.iterdir()) == names
    assert digest(draft) == before
    with Session.open(draft) as s:  # opening for writing turns it back to a rollback journal
        s.set_cells({"requests.granted.natural": 3})
    assert read_report(draft).cells["requests.granted.natural"] == 3


WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from reportdesk.app.session import Session
    path, stop = Path(sys.argv[1]), Path(sys.argv[2])
    with Session.open(path) as s:
        n = 0
        print("ready", flush=True)
        while not stop.exists():
            n += 1
            s.apply(cells={f"requests.granted.{c}": n for c in ("natural", "commercial", "research")},
                    texts={"overview": "本年度" + "公开" * (n % 300)})
            time.sleep(0.002)  # heavy writing, yet a reader gets its turn (as any edit rate of a person)
    print(n, flush=True)
""")

READER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from reportdesk.app.reading import read_report
    from reportdesk.core.interchange import ReportFileError
    path, count = Path(sys.argv[1]), int(sys.argv[2])
    bad = 0
    for _ in range(count):
        try:
            report = read_report(path)
        except ReportFileError as exc:
            bad += 1
            print("ERROR", exc.code, exc.message, flush=True)
            continue
        values = {report.cells.get(f"requests.granted.{c}") for c in ("natural", "commercial", "research")}
        if len(values) != 1:  # one edit seen half: not a consistent snapshot
            bad += 1
            print("TORN", sorted(map(str, values)), flush=True)
    print("BAD", bad, flush=True)
""")


def test_readers_beside_a_live_writer_never_see_damage(tmp_path: Path) -> None:
    draft = tmp_path / "busy.rdesk"
    with Session.create(draft, agency="某市繁忙局", year=2023, source=complete_report()) as s:
        s.set_cells({f"requests.granted.{c}": 0 for c in ("natural", "commercial", "research")})
    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(draft), str(stop)], env=_env(),
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        readers = [subprocess.Popen([sys.executable, "-c", READER, str(draft), "125"], env=_env(),
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
        outputs = [r.communicate(timeout=600) for r in readers]
    finally:
        stop.touch()
        commits = writer.communicate(timeout=60)[0].strip()
    for out, err in outputs:
        assert "Traceback" not in err, err
        assert out.strip().endswith("BAD 0"), out[-2000:]
    assert int(commits) > 20  # the writer really wrote while the 500 reads ran
    with pytest.raises(ReportFileError):  # sanity: a damaged draft still is damaged for a reader
        broken = tmp_path / "broken.rdesk"
        data = bytearray(draft.read_bytes())
        data[4096:8192] = os.urandom(4096)
        broken.write_bytes(bytes(data))
        read_report(broken)


def test_a_journal_vanishing_while_the_header_is_read_is_no_error(full_draft: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The journal of a live writer disappears between seeing it and looking at its size."""
    journal = full_draft.with_name(full_draft.name + "-journal")
    journal.write_bytes(b"")
    real_stat = Path.stat

    def vanishing(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if self.name.endswith("-journal"):
            raise FileNotFoundError(2, "No such file or directory", str(self))
        return real_stat(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "stat", vanishing)
    assert read_report(full_draft).agency == "某市某某局"
