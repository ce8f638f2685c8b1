"""The write lock across processes, stale locks after a crash, reading while locked, schema migration."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reportdesk.app.reading import read_report
from reportdesk.app.session import DraftError, Session
from reportdesk.cli import main
from reportdesk.storage.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from tests.conftest import REPO
from tests.storage.conftest import digest

_OPENER = """
import sys
from pathlib import Path
from reportdesk.app.session import DraftError, Session
try:
    s = Session.open(Path(sys.argv[1]))
except DraftError as exc:
    print(exc.code)
    print(exc.message)
    sys.exit(3)
print("opened", flush=True)
if len(sys.argv) > 2:
    s.set_cells({"requests.granted.natural": 77})
    print("edited", flush=True)
    sys.stdin.readline()  # hold the draft open until told (or killed)
s.close()
"""


def _python(*args: str, **kwargs: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)])}
    return subprocess.Popen([sys.executable, "-c", _OPENER, *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.PIPE, **kwargs)


def test_second_process_is_told_the_draft_is_locked(full_draft: Path) -> None:
    with Session.open(full_draft):
        child = _python(str(full_draft))
        out, err = child.communicate(timeout=60)
    assert child.returncode == 3, err
    code, message = out.splitlines()[:2]
    assert code == "locked"
    assert f"进程 {os.getpid()}" in message and "另一个 ReportDesk" in message
    # and once closed, the other process may open it
    child = _python(str(full_draft))
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0 and out.strip() == "opened", err


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_killed_holder_leaves_no_stale_lock(full_draft: Path) -> None:
    child = _python(str(full_draft), "hold")
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "opened"
    assert child.stdout.readline().strip() == "edited"
    with pytest.raises(DraftError) as info:
        Session.open(full_draft)
    assert info.value.code == "locked"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    child.stdout.close()
    assert (full_draft.parent / "full.rdesk.lock").exists()  # the file stays, the lock does not
    with Session.open(full_draft) as s:
        assert s.values()["requests.granted.natural"] == 77


def test_locked_draft_can_still_be_read_and_checked_without_change(full_draft: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    with Session.open(full_draft) as s:
        s.set_cells({"requests.granted.natural": 21})
        before = digest(full_draft)
        assert read_report(full_draft).cells["requests.granted.natural"] == 21
        assert main(["check", str(full_draft)]) in (0, 1)
        assert "某市某某局" in capsys.readouterr().out
        assert main(["history", str(full_draft)]) == 0
        assert "填写 三、（一）予以公开 自然人 = 21" in capsys.readouterr().out
        assert main(["set", str(full_draft), "requests.granted.natural=1"]) == 2
        assert "另一个 ReportDesk" in capsys.readouterr().err
        assert digest(full_draft) == before


def _version_1_draft(path: Path) -> None:
    """A draft as the first schema version wrote it (no accepted warnings, no previous report)."""
    db = sqlite3.connect(path, isolation_level=None)
    for statement in MIGRATIONS[0]:
        db.execute(statement)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.executemany("INSERT INTO draft_info VALUES (?, ?)",
                   [("form_id", "gov-info-disclosure-2021"), ("form_version", "1")])
    db.execute("INSERT INTO meta VALUES ('agency', '\"旧版单位\"'), ('year', '2022')")
    db.execute("INSERT INTO cells VALUES ('requests.granted.natural', '4', 'typed')")
    db.execute("INSERT INTO revisions VALUES (1, '2023-01-05T09:00:00.000+08:00', '新建草稿')")
    db.execute("INSERT INTO changes VALUES (1, 0, 'cell', 'requests.granted.natural', NULL, '4', NULL, 'typed')")
    db.close()


def test_version_1_draft_is_read_without_change_and_migrated_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.rdesk"
    _version_1_draft(path)
    before = digest(path)
    report = read_report(path)
    assert (report.agency, report.year, report.cells) == ("旧版单位", 2022, {"requests.granted.natural": 4})
    assert digest(path) == before
    with Session.open(path) as s:
        assert s.values()["requests.granted.natural"] == 4
        assert s.accepted_warnings() == {}
        s.accept_warning("blank|proactive.fees.amount|proactive", "本单位无收费项目")
        s.set_cells({"requests.granted.natural": 5})
        assert [r.number for r in s.history()] == [1, 2, 3]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT reason FROM accepted_warnings").fetchall() == [("本单位无收费项目",)]
    db.close()


def test_failed_migration_leaves_old_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reportdesk.storage.schema as schema

    path = tmp_path / "old.rdesk"
    _version_1_draft(path)
    broken = (*schema.MIGRATIONS[:1], (*schema.MIGRATIONS[1], "CREATE TABLE cells (x)"))
    monkeypatch.setattr(schema, "MIGRATIONS", broken)
    with pytest.raises(sqlite3.OperationalError):
        schema.migrate(sqlite3.connect(path, isolation_level=None))
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not db.execute("SELECT 1 FROM sqlite_schema WHERE name = 'accepted_warnings'").fetchall()
    db.close()
