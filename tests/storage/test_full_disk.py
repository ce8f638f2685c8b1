"""``new``, ``recover``, ``set`` and 另存为 on a really full disk (a small tmpfs): one Chinese line, nothing left."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reportdesk.app.session import DraftError, Session
from tests.factories import complete_report
from tests.storage.conftest import digest
from tests.storage.tmpfs import fill, small_tmpfs

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "sample-report-2022.json"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "reportdesk", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_new_and_recover_on_a_full_disk(tmp_path: Path, full_draft: Path) -> None:
    with small_tmpfs(tmp_path, "256k") as disk:
        fill(disk, leave=2048)
        for args in (["new", "-o", str(disk / "n.rdesk"), "--agency", "某局", "--year", "2023", "--from", str(SAMPLE)],
                     ["recover", str(full_draft), "-o", str(disk / "r.rdesk")]):
            done = _run(*args)
            assert done.returncode == 2, done
            assert "磁盘空间不足" in done.stderr and "没有留下不完整的文件" in done.stderr
            assert "Traceback" not in done.stderr and "OperationalError" not in done.stderr, done.stderr
            assert sorted(p.name for p in disk.iterdir()) == ["filler"]


def test_edits_and_save_as_on_a_full_disk(tmp_path: Path) -> None:
    with small_tmpfs(tmp_path, "512k") as disk:
        draft = disk / "d.rdesk"
        Session.create(draft, agency="某局", year=2023, source=complete_report()).close()
        before = digest(draft)
        fill(disk, leave=0)
        done = _run("set", str(draft), "texts.overview=" + "本年度" * 10000)
        assert done.returncode == 2 and "磁盘空间不足" in done.stderr and "Traceback" not in done.stderr, done
        assert digest(draft) == before
        with Session.open(draft) as s:
            try:
                s.save_as(disk / "copy.rdesk")
            except DraftError as exc:
                assert "磁盘空间不足" in exc.message
            else:  # pragma: no cover - the disk was full
                raise AssertionError("save_as on a full disk succeeded")
        assert sorted(p.name for p in disk.iterdir()) == ["d.rdesk", "filler"]
        assert digest(draft) == before
