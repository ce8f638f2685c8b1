"""Atomic writes: a failure leaves no half-written file and the old file untouched."""

from __future__ import annotations

import errno
import os
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
