"""Atomic writes: a failure leaves no half-written file and the old file untouched."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from reportdesk.documents.files import ExportError, write_atomically
from reportdesk.documents.word_writer import write_docx
from tests.factories import complete_report


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    write_atomically(target, lambda p: p.write_text("new"))
    assert target.read_text() == "new"
    assert _leftovers(tmp_path) == []


def test_target_locked_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(b"old")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as info:
        write_docx(complete_report(), target)
    assert info.value.code == "locked"
    assert "正在被其他程序" in info.value.message and "report.docx" in info.value.message
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_disk_full_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"

    def full(path: Path) -> None:
        path.write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError) as info:
        write_atomically(target, full)
    assert info.value.code == "disk_full"
    assert "磁盘空间不足" in info.value.message
    assert not target.exists() and _leftovers(tmp_path) == []


def test_no_permission_for_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError) as info:
        write_atomically(tmp_path / "x.docx", lambda p: None)
    assert info.value.code == "permission" and "没有写入文件夹" in info.value.message


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as info:
        write_atomically(tmp_path / "nope" / "x.docx", lambda p: None)
    assert info.value.code == "no_folder"


def test_a_bug_in_the_writer_also_cleans_up(tmp_path: Path) -> None:
    def broken(path: Path) -> None:
        path.write_bytes(b"partial")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_atomically(tmp_path / "x.docx", broken)
    assert list(tmp_path.iterdir()) == []


# --- issue 11 item 11 and issue 17 item 3: modes, stale temporaries, replace faults, full disks ----------

def test_replacing_keeps_the_mode_of_the_replaced_file(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_atomically(target, lambda p: p.write_bytes(b"new"))
    assert target.stat().st_mode & 0o777 == 0o644
    target.chmod(0o604)
    write_atomically(target, lambda p: p.write_bytes(b"newer"))
    assert target.stat().st_mode & 0o777 == 0o604


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_gets_what_the_umask_gives(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        write_atomically(tmp_path / "n.xlsx", lambda p: p.write_bytes(b"x"))
    finally:
        os.umask(old)
    assert (tmp_path / "n.xlsx").stat().st_mode & 0o777 == mode


@pytest.mark.skipif(os.name != "posix", reason="process ids checked with kill(0) on POSIX")
def test_stale_temporaries_of_our_naming_are_removed_on_the_next_export(tmp_path: Path) -> None:
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    stale = tmp_path / f".~report.{dead_pid}-abcd_123.tmp"
    old_style = tmp_path / ".~report.k2j4h5g6.tmp"  # mkstemp's name before the pid was added
    live = tmp_path / f".~report.{os.getpid()}-zzzzzzzz.tmp"
    young = tmp_path / ".~report.aaaaaaaa.tmp"
    other = tmp_path / f".~other.{dead_pid}-abcd_123.tmp"
    for p in (stale, old_style, live, young, other):
        p.write_bytes(b"half")
    day_old = time.time() - 2 * 24 * 3600
    os.utime(old_style, (day_old, day_old))
    bystander = tmp_path / "bystander.txt"
    bystander.write_text("别动")
    link = tmp_path / f".~report.{dead_pid}-linklink.tmp"
    link.symlink_to(bystander)
    write_atomically(tmp_path / "report.docx", lambda p: p.write_bytes(b"new"))
    assert not stale.exists() and not old_style.exists()
    assert live.exists() and young.exists() and other.exists() and link.is_symlink()
    assert bystander.read_text() == "别动"


def _in_use(winerror: int, kind: type[OSError]) -> OSError:
    exc = kind(errno.EACCES, "The process cannot access the file because it is being used by another process")
    exc.winerror = winerror  # type: ignore[attr-defined]  # as Windows raises it
    return exc


REPLACE_FAULTS = {
    "PermissionError": lambda: PermissionError(errno.EACCES, "Permission denied"),
    "winerror 32": lambda: _in_use(32, PermissionError),
    "winerror 33": lambda: _in_use(33, PermissionError),
    "OSError winerror 32": lambda: _in_use(32, OSError),
    "OSError winerror 33": lambda: _in_use(33, OSError),
}


def _export_paths(tmp_path: Path) -> dict[str, tuple[Path, object]]:
    from reportdesk.app.batch import review_file
    from reportdesk.documents.batch_summary import write_summary
    from reportdesk.documents.excel_writer import write_xlsx

    report = complete_report()
    sample = Path(__file__).resolve().parents[2] / "resources" / "samples" / "sample-report-2022.json"
    return {
        "docx": (tmp_path / "年度报告.docx", lambda target: write_docx(report, target)),
        "xlsx": (tmp_path / "统计表.xlsx", lambda target: write_xlsx(report, target, [])),
        "summary": (tmp_path / "汇总.xlsx", lambda target: write_summary([review_file(sample)], target)),
        "pdf-copy": (tmp_path / "年度报告.pdf", lambda target: write_atomically(target, lambda p: p.write_bytes(b"%PDF"))),
    }


@pytest.mark.parametrize("fault", sorted(REPLACE_FAULTS))
@pytest.mark.parametrize("kind", ["docx", "xlsx", "summary", "pdf-copy"])
def test_every_export_explains_a_file_held_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str,
                                               kind: str) -> None:
    target, write = _export_paths(tmp_path)[kind]
    target.write_bytes(b"old")

    def held(src: object, dst: object) -> None:
        raise REPLACE_FAULTS[fault]()

    monkeypatch.setattr(os, "replace", held)
    with pytest.raises(ExportError) as info:
        write(target)  # type: ignore[operator]
    assert info.value.code == "locked"
    assert info.value.message == (f"无法保存“{target}”：该文件正在被其他程序（如 Word、WPS 或 Excel）打开或没有写入权限。"
                                  "请关闭该文件后重试，或另存为其他文件名；原有文件未被改动。")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []


@pytest.mark.parametrize("fault", sorted(REPLACE_FAULTS))
@pytest.mark.parametrize("kind", ["create", "save_as"])
def test_every_draft_save_explains_a_file_held_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str,
                                                    kind: str) -> None:
    from reportdesk.app.session import DraftError, Session
    from reportdesk.storage import draft as draft_module

    source = tmp_path / "source.rdesk"
    Session.create(source, agency="某局", year=2023, source=complete_report()).close()
    session = Session.open(source)
    target = tmp_path / "目标.rdesk"

    def held(src: object, dst: object) -> None:
        raise REPLACE_FAULTS[fault]()

    monkeypatch.setattr(draft_module.os, "replace", held)
    try:
        with pytest.raises(DraftError) as info:
            if kind == "create":
                Session.create(target, agency="某局", year=2023)
            else:
                session.save_as(target)
    finally:
        session.close()
    message = info.value.message
    assert "文件正被其他程序" in message or "没有写入权限" in message, message
    assert "请关闭占用该文件的程序" in message and "没有留下不完整的文件" in message
    assert "Permission denied" not in message and "being used" not in message
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["source.rdesk"]


def test_a_real_full_disk_gives_the_message_and_no_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.storage.tmpfs import small_tmpfs

    root = Path(__file__).resolve().parents[2]
    sample = root / "resources" / "samples" / "sample-report-2022.json"
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    with small_tmpfs(tmp_path, "64k") as disk:
        (disk / "old.docx").write_bytes(b"old")
        for args in (["export", str(sample), "--xlsx", str(disk / "a.xlsx")],
                     ["export", str(sample), "--docx", str(disk / "old.docx"), "--xlsx", str(disk / "b.xlsx")],
                     ["check", str(sample), "--summary", str(disk / "s.xlsx")]):
            from tests.storage.tmpfs import fill

            fill(disk, leave=4096)
            done = subprocess.run([sys.executable, "-m", "reportdesk", *args], capture_output=True, text=True,
                                  env=env, timeout=120)
            (disk / "filler").unlink()
            assert done.returncode == 2, (args, done.stdout, done.stderr)
            assert "磁盘空间不足" in done.stderr
            assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
            assert (disk / "old.docx").read_bytes() == b"old"
            assert sorted(p.name for p in disk.iterdir()) == ["old.docx"]


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_the_temporary_of_a_killed_export_is_removed_by_the_next_one(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import textwrap

    target = tmp_path / "年度报告.docx"
    code = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        import reportdesk.documents.files as files
        files.os.replace = lambda src, dst: os.kill(os.getpid(), signal.SIGKILL)
        files.write_atomically(Path({str(target)!r}), lambda p: p.write_bytes(b"half"))
    """)
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(root / "src")},
                          timeout=60)
    assert done.returncode == -signal.SIGKILL
    assert len([p for p in tmp_path.iterdir() if p.name.startswith(".~年度报告.")]) == 1
    write_atomically(target, lambda p: p.write_bytes(b"whole"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["年度报告.docx"]
    assert target.read_bytes() == b"whole"
