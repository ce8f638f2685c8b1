"""The command line names files in a folder with the safe-file-name function, and a summary
that cannot be written is one clear message."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportdesk.cli import main
from reportdesk.core.catalog import get_form
from reportdesk.core.interchange import report_to_json
from tests.core.test_file_names import windows_problem
from tests.factories import complete_report

REPO = Path(__file__).resolve().parents[2]


def _report(tmp_path: Path, agency: str) -> Path:
    path = tmp_path / "r.json"
    data = report_to_json(get_form(), complete_report(agency=agency, year=2023))
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_export_into_a_folder_uses_the_report_for_the_name(tmp_path: Path, capsys) -> None:
    source = _report(tmp_path, "某市:某某局*")
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", str(source), "--docx", str(out), "--xlsx", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["某市：某某局＊2023年政府信息公开工作年度报告.docx", "某市：某某局＊2023年政府信息公开工作年度报告.xlsx"]
    assert all(windows_problem(n) is None for n in names)


def test_summary_into_a_folder(tmp_path: Path, capsys) -> None:
    source = _report(tmp_path, "某局")
    assert main(["check", str(source), "--summary", str(tmp_path)]) == 0
    assert main(["check", str(source), "--summary", str(tmp_path)]) == 0
    assert (tmp_path / "审阅汇总.xlsx").is_file() and (tmp_path / "审阅汇总-2.xlsx").is_file()
    assert "审阅汇总-2.xlsx" in capsys.readouterr().err


def test_summary_on_an_unwritable_folder_is_one_clear_line(tmp_path: Path, capsys) -> None:
    source = _report(tmp_path, "某局")
    assert main(["check", str(source), "--summary", str(tmp_path / "无此文件夹" / "汇总.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "无法保存汇总表" in err and "不存在" in err and "Traceback" not in err


@pytest.fixture
def full_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A 64 KiB tmpfs (needs root and mount; skipped where the system does not allow it)."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_summary_on_a_full_disk_is_one_clear_message_without_traceback(tmp_path: Path, full_disk: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        data = report_to_json(get_form(), complete_report(seed=i, agency=f"第{i}个很长名称的某市某某局", year=2023))
        (folder / f"{i}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (full_disk / "filler").write_bytes(bytes(56 * 1024))
    target = full_disk / "汇总.xlsx"
    done = subprocess.run([sys.executable, "-m", "reportdesk", "check", str(folder), "--summary", str(target)],
                          capture_output=True, text=True, timeout=300,
                          env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 2
    assert "无法保存汇总表" in done.stderr and "磁盘空间不足" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert [p.name for p in full_disk.iterdir()] == ["filler"]  # no half-written file, no temporary left


def test_new_into_a_folder_names_the_draft_after_agency_and_year(tmp_path: Path, capsys) -> None:
    from reportdesk.app.session import Session

    folder = tmp_path / "草稿"
    folder.mkdir()
    args = ["new", "-o", str(folder), "--agency", "某市:某某局*", "--year", "2023"]
    assert main(args) == 0
    first = folder / "某市：某某局＊-2023.rdesk"
    assert sorted(p.name for p in folder.iterdir()) == [first.name]
    assert str(first) in capsys.readouterr().out
    with Session.open(first) as session:
        assert (session.report.agency, session.report.year) == ("某市:某某局*", 2023)
    before = first.read_bytes()
    assert main(args) == 0  # the name is taken: a second draft beside it, the first untouched
    assert {p.name for p in folder.iterdir()} == {first.name, "某市：某某局＊-2023-2.rdesk"}
    assert first.read_bytes() == before
    assert all(windows_problem(p.name) is None for p in folder.iterdir())


def test_new_into_a_folder_with_a_reserved_or_long_agency(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    assert main(["new", "-o", str(folder), "--agency", "CON", "--year", "2024"]) == 0
    # 100 characters, the longest agency: the name leaves room for the lock, journal and temporary beside it
    assert main(["new", "-o", str(folder), "--agency", "某" * 99 + "局", "--year", "2024"]) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 2 and "CON-2024.rdesk" in names  # "CON-2024" is no device name
    assert all(windows_problem(n) is None and n.endswith("-2024.rdesk") for n in names)


def test_new_with_a_name_that_is_neither_a_folder_nor_a_draft_is_refused(tmp_path: Path, capsys) -> None:
    assert main(["new", "-o", str(tmp_path / "missing" / "x.txt"), "--agency", "某局", "--year", "2024"]) == 2
    assert ".rdesk" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_new_into_a_folder_that_does_not_exist_says_so(tmp_path: Path, capsys) -> None:
    assert main(["new", "-o", str(tmp_path / "没有") + "/", "--agency", "某局", "--year", "2024"]) == 2
    assert "没有这个文件夹" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
