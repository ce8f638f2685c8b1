"""Damaged, foreign, future and read-only files: a clear message, the bytes untouched, nothing crashes."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
from pathlib import Path

import pytest

from reportdesk.app.reading import read_report
from reportdesk.app.session import DraftError, Session
from reportdesk.cli import main
from reportdesk.core.interchange import ReportFileError
from reportdesk.storage.recovery import recover
from reportdesk.storage.schema import APPLICATION_ID, SCHEMA_VERSION
from tests.storage.conftest import digest


def _expect_refused(path: Path, code: str, words: str, capsys: pytest.CaptureFixture[str]) -> str:
    before = digest(path)
    with pytest.raises(DraftError) as info:
        Session.open(path)
    assert info.value.code == code
    assert words in info.value.message
    with pytest.raises(ReportFileError) as read_info:
        read_report(path)
    assert read_info.value.message == info.value.message
    assert main(["check", str(path)]) == 2
    out = capsys.readouterr().out
    assert words in out and "Traceback" not in out
    assert digest(path) == before
    assert not path.with_name(path.name + ".lock").exists()
    return info.value.message


@pytest.mark.parametrize("keep", [0, 50, 100, 4096, 3 * 4096 + 17, -4096, -1])
def test_truncated_draft_is_refused_and_left_alone(full_draft: Path, keep: int,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    data = full_draft.read_bytes()
    size = int(keep) if keep >= 0 else len(data) + int(keep)
    full_draft.write_bytes(data[:size])
    message = _expect_refused(full_draft, "damaged", "", capsys)
    if size == 0:
        assert "空的（0 字节）" in message
    elif size >= 100:
        assert f"实际只有 {size} 字节" in message and "recover" in message


def test_random_bytes_are_not_a_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "noise.rdesk"
    path.write_bytes(random.Random(7).randbytes(20_000))
    _expect_refused(path, "not_a_draft", "不是 ReportDesk 草稿", capsys)


def test_text_file_renamed_is_not_a_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.rdesk"
    path.write_text("今年的数字：3、5、8", encoding="utf-8")
    _expect_refused(path, "not_a_draft", "不是 ReportDesk 草稿", capsys)


def test_another_programs_sqlite_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.rdesk"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    db.execute("INSERT INTO photos (name) VALUES ('a.jpg')")
    db.commit()
    db.close()
    _expect_refused(path, "not_a_draft", "其他程序的 SQLite 数据库", capsys)
    with pytest.raises(DraftError) as info:
        recover(path, tmp_path / "out.rdesk")
    assert info.value.code == "not_a_draft"
    assert not (tmp_path / "out.rdesk").exists()


def test_future_schema_is_refused(full_draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = sqlite3.connect(full_draft)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    message = _expect_refused(full_draft, "future_version", "更新版本的 ReportDesk", capsys)
    assert f"第 {SCHEMA_VERSION + 1} 版" in message


def test_damaged_page_inside_the_file(full_draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = bytearray(full_draft.read_bytes())
    page = 4096
    for offset in range(2 * page, 2 * page + page, 7):  # scribble over page 3, keep the length
        data[offset] = 0xA5
    full_draft.write_bytes(bytes(data))
    _expect_refused(full_draft, "damaged", "已损坏", capsys)


def _writable_by_mode(path: Path) -> bool:
    return bool(path.stat().st_mode & stat.S_IWUSR)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_read_only_file_is_refused_for_editing_but_readable(full_draft: Path) -> None:
    full_draft.chmod(0o444)
    try:
        before = digest(full_draft)
        with pytest.raises(DraftError) as info:
            Session.open(full_draft)
        assert info.value.code == "readonly"
        assert "只读" in info.value.message
        assert read_report(full_draft).agency == "某市某某局"
        assert main(["set", str(full_draft), "requests.granted.natural=1"]) == 2
        assert digest(full_draft) == before
    finally:
        full_draft.chmod(0o644)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_read_only_folder_is_refused_for_editing_but_readable(full_draft: Path) -> None:
    folder = full_draft.parent
    before = digest(full_draft)
    folder.chmod(0o555)
    try:
        with pytest.raises(DraftError) as info:
            Session.open(full_draft)
        assert info.value.code == "readonly"
        assert "文件夹" in info.value.message
        assert read_report(full_draft).cells["requests.granted.natural"] == 11
        assert _writable_by_mode(full_draft)
    finally:
        folder.chmod(0o755)
    assert digest(full_draft) == before
    assert sorted(p.name for p in folder.iterdir()) == ["full.rdesk"]


def test_recover_truncated_draft_salvages_readable_values(full_draft: Path, tmp_path: Path) -> None:
    data = full_draft.read_bytes()
    full_draft.write_bytes(data[: len(data) - 4096])
    before = digest(full_draft)
    out = tmp_path / "saved.rdesk"
    assert main(["recover", str(full_draft), "-o", str(out)]) == 0
    assert digest(full_draft) == before
    with Session.open(out) as s:
        assert s.report.agency == "某市某某局"
        assert s.values()["requests.granted.natural"] == 11
        assert s.values()["requests.granted.research"] == 12
        assert s.report.texts["overview"] == "本年度主动公开政府信息。"
        filled = sum(1 for c in s.form.input_cells if s.report.cells.get(c) is not None)
        assert filled == len(s.form.input_cells)
        assert s.history()[0].description.startswith("从损坏的草稿")


def test_recover_with_damaged_cells_table_uses_history(full_draft: Path, tmp_path: Path) -> None:
    db = sqlite3.connect(full_draft)
    root = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'cells'").fetchone()[0]
    db.close()
    data = bytearray(full_draft.read_bytes())
    start = (root - 1) * 4096
    data[start:start + 4096] = random.Random(3).randbytes(4096)
    full_draft.write_bytes(bytes(data))
    out = tmp_path / "saved.rdesk"
    with pytest.raises(DraftError):
        Session.open(full_draft)
    result = recover(full_draft, out)
    assert result.cells >= 160
    with Session.open(out) as s:
        assert s.values()["requests.granted.natural"] == 11
        assert s.accepted_warnings() == {"carry_over|requests.carried_over.natural|requests": "上年数字有误"}


def test_recover_of_random_bytes_says_nothing_to_recover(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "noise.rdesk"
    path.write_bytes(random.Random(1).randbytes(5000))
    assert main(["recover", str(path), "-o", str(tmp_path / "x.rdesk")]) == 2
    assert "没有可以恢复的" in capsys.readouterr().err
    assert not (tmp_path / "x.rdesk").exists()


def test_application_id_is_set(full_draft: Path) -> None:
    db = sqlite3.connect(full_draft)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    db.close()
