"""Links, hard links, non-regular files and leftovers beside a draft (issue 11, items 6, 7, 8, 11)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reportdesk.app.session import DraftError, Session
from reportdesk.storage.draft import read_history
from reportdesk.storage.recovery import recover
from tests.factories import complete_report
from tests.storage.conftest import digest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links, FIFOs and kills as on POSIX")
ROOT = Path(__file__).resolve().parents[2]


def test_a_lock_file_linked_to_another_file_is_never_written(full_draft: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("重要文件内容")
    lock = full_draft.with_name(full_draft.name + ".lock")
    lock.symlink_to(victim)
    with pytest.raises(DraftError) as info:
        Session.open(full_draft)
    assert "符号链接" in info.value.message
    assert victim.read_text() == "重要文件内容"
    assert lock.is_symlink()


def test_a_dangling_lock_link_does_not_create_its_target(full_draft: Path, tmp_path: Path) -> None:
    target = tmp_path / "created-by-link"
    full_draft.with_name(full_draft.name + ".lock").symlink_to(target)
    with pytest.raises(DraftError):
        Session.open(full_draft)
    (tmp_path / "new.rdesk.lock").symlink_to(target)
    with pytest.raises(DraftError):
        Session.create(tmp_path / "new.rdesk", agency="某局", year=2023)
    assert not target.exists() and not (tmp_path / "new.rdesk").exists()


def test_a_lock_path_that_is_a_fifo_is_refused(full_draft: Path) -> None:
    os.mkfifo(full_draft.with_name(full_draft.name + ".lock"))
    with pytest.raises(DraftError) as info:
        Session.open(full_draft)
    assert "不是普通文件" in info.value.message


def test_two_writers_through_a_symbolic_link_are_refused(full_draft: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.rdesk"
    link.symlink_to(full_draft)
    with Session.open(full_draft):
        with pytest.raises(DraftError) as info:
            Session.open(link)
        assert info.value.code == "locked"
    with Session.open(link):
        with pytest.raises(DraftError) as info:
            Session.open(full_draft)
        assert info.value.code == "locked"


def test_two_writers_through_a_hard_link_are_refused(full_draft: Path, tmp_path: Path) -> None:
    other = tmp_path / "sub"
    other.mkdir()
    hard = other / "another-name.rdesk"
    os.link(full_draft, hard)
    with Session.open(full_draft):
        with pytest.raises(DraftError) as info:
            Session.open(hard)
        assert info.value.code == "locked"
        assert "同一个文件" in info.value.message and "full.rdesk" in info.value.message
    with Session.open(hard) as s:  # one at a time works, by either name
        s.set_cells({"requests.granted.natural": 5})
    with Session.open(full_draft) as s:
        assert s.report.cells["requests.granted.natural"] == 5


def test_a_second_process_through_a_hard_link_is_refused(full_draft: Path, tmp_path: Path) -> None:
    hard = tmp_path / "hard.rdesk"
    os.link(full_draft, hard)
    code = textwrap.dedent(f"""
        import time
        from pathlib import Path
        from reportdesk.app.session import Session
        with Session.open(Path({str(full_draft)!r})):
            print("open", flush=True)
            time.sleep(60)
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "open"
        with pytest.raises(DraftError) as info:
            Session.open(hard)
        assert info.value.code == "locked" and f"进程 {child.pid}" in info.value.message
    finally:
        child.kill()
        child.wait()
    with Session.open(hard):  # the lock died with the process
        pass


@pytest.mark.parametrize("call", ["open", "history", "recover"])
def test_a_fifo_given_as_a_draft_is_refused_at_once(tmp_path: Path, call: str) -> None:
    fifo = tmp_path / "pipe.rdesk"
    os.mkfifo(fifo)
    with pytest.raises(DraftError) as info:
        if call == "open":
            Session.open(fifo)
        elif call == "history":
            read_history(fifo)
        else:
            recover(fifo, tmp_path / "out.rdesk")
    assert "命名管道" in info.value.message
    assert not (tmp_path / "out.rdesk").exists()


def test_stale_temporaries_of_a_killed_creation_are_cleaned_up(tmp_path: Path) -> None:
    target = tmp_path / "new.rdesk"
    code = textwrap.dedent(f"""
        import os, signal, sqlite3
        from pathlib import Path
        import reportdesk.storage.draft as draft
        real = draft.os.replace  # os.replace itself: other renames (the form cache's) go on
        def killed(src, dst):
            if not str(dst).endswith(".rdesk"):
                return real(src, dst)
            os.kill(os.getpid(), signal.SIGKILL)
        draft.os.replace = killed
        from reportdesk.app.session import Session
        Session.create(Path({str(target)!r}), agency="某局", year=2023)
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, timeout=60)
    assert done.returncode == -signal.SIGKILL
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".creating")]
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".new.rdesk.")
    # A link of our naming is no temporary of ours: left alone, never followed.
    bystander = tmp_path / "bystander.txt"
    bystander.write_text("别动")
    planted = tmp_path / ".new.rdesk.1-00000000.creating-journal"
    planted.symlink_to(bystander)
    Session.create(target, agency="某局", year=2023).close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([".new.rdesk.1-00000000.creating-journal", "bystander.txt", "new.rdesk"])
    assert bystander.read_text() == "别动"


def test_stale_temporaries_are_cleaned_when_the_draft_is_opened(full_draft: Path) -> None:
    stale = [full_draft.with_name(f".{full_draft.name}.{n}.creating") for n in (99999991, 99999992)]
    stale.append(full_draft.with_name(f".{full_draft.name}.99999993-0badcafe.saving-journal"))
    other = full_draft.with_name(".other.rdesk.99999994.creating")
    for p in [*stale, other]:
        p.write_bytes(b"x")
    with Session.open(full_draft):
        pass
    assert not any(p.exists() for p in stale)
    assert other.exists()  # another draft's temporaries are that draft's business


def test_a_read_only_draft_can_still_be_listed(full_draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reportdesk.cli import main

    full_draft.chmod(0o444)
    before = digest(full_draft)
    try:
        assert main(["history", str(full_draft)]) == 0
    finally:
        full_draft.chmod(0o644)
    out = capsys.readouterr().out
    assert "新建草稿" in out and "接受警告" in out
    assert digest(full_draft) == before


def test_recover_of_a_draft_cut_short_says_so(full_draft: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.rdesk"
    cut.write_bytes(full_draft.read_bytes()[:101])
    with pytest.raises(DraftError) as info:
        recover(cut, tmp_path / "out.rdesk")
    assert "其他程序" not in info.value.message and "已损坏" in info.value.message
    assert not (tmp_path / "out.rdesk").exists()


def test_a_draft_created_keeps_umask_and_no_temporaries(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        with Session.create(tmp_path / "m.rdesk", agency="某局", year=2023, source=complete_report()):
            pass
    finally:
        os.umask(old)
    assert (tmp_path / "m.rdesk").stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.rdesk"]


def test_a_new_draft_never_meets_an_old_journal_of_its_name(full_draft: Path, tmp_path: Path) -> None:
    journal = tmp_path / "new.rdesk-journal"
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 504)  # a journal header
    with pytest.raises(DraftError) as info:
        Session.create(tmp_path / "new.rdesk", agency="某局", year=2023)
    assert "new.rdesk-journal" in info.value.message
    with Session.open(full_draft) as s, pytest.raises(DraftError) as info:
        s.save_as(tmp_path / "new.rdesk")
    assert "new.rdesk-journal" in info.value.message
    assert not (tmp_path / "new.rdesk").exists() and journal.exists()
