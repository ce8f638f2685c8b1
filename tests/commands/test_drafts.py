"""The draft commands through ``reportdesk.cli.main`` and one real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportdesk.app.session import Session
from reportdesk.cli import main
from reportdesk.core.catalog import get_form
from reportdesk.core.interchange import report_to_json
from tests.conftest import REPO
from tests.factories import complete_report
from tests.storage.conftest import digest


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "d.rdesk"
    assert main(["new", "-o", str(path), "--agency", "某市某某局", "--year", "2023"]) == 0
    return path


def _history(path: Path) -> list[str]:
    with Session.open(path) as s:
        return [r.description for r in s.history()]


def test_new_from_json_reports_totals_that_disagree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = complete_report(seed=2, stated=True)
    parts = sum(report.cells[f"requests.received.{c}"] for c in
                ("natural", "commercial", "research", "public_interest", "legal_services", "other_org"))
    report.cells["requests.received.total"] = parts + 10
    source = tmp_path / "in.json"
    source.write_text(json.dumps(report_to_json(get_form(), report, include_derived=False), ensure_ascii=False),
                      encoding="utf-8")
    out = tmp_path / "new.rdesk"
    assert main(["new", "-o", str(out), "--agency", "某县某局", "--year", "2024", "--from", str(source)]) == 0
    captured = capsys.readouterr()
    assert "已填 166/166 个数字" in captured.out
    assert f"文件中的合计为 {parts + 10}，按各项计算为 {parts}" in captured.err
    assert "表三 一、本年新收政府信息公开申请数量 总计" in captured.err
    assert main(["dump", str(out), "--json"]) == 0
    dumped = json.loads(capsys.readouterr().out)
    assert dumped["agency"] == "某县某局" and dumped["year"] == 2024
    assert dumped["cells"]["requests.received.total"] == parts


def test_new_refuses_existing_file_and_bad_year(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(draft)
    assert main(["new", "-o", str(draft), "--agency", "某局", "--year", "2023"]) == 2
    assert "已" in capsys.readouterr().err
    assert digest(draft) == before
    assert main(["new", "-o", str(draft.with_name("y.rdesk")), "--agency", "某局", "--year", "1999"]) == 2
    assert "2000 至 2100" in capsys.readouterr().err
    assert not draft.with_name("y.rdesk").exists()


def test_set_several_cells_and_a_text_in_one_revision(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["set", str(draft), "requests.granted.natural=1,234", "requests.granted.commercial=５",
                 "proactive.fees.amount=12.50万元", "texts.overview=本年度主动公开政府信息。"]) == 0
    out = capsys.readouterr().out
    assert "requests.granted.total （空） → 1239" in out
    with Session.open(draft) as s:
        values = s.values()
        assert values["requests.granted.natural"] == 1234 and values["requests.granted.total"] == 1239
        assert str(values["proactive.fees.amount"]) == "12.5"
        assert s.report.texts["overview"] == "本年度主动公开政府信息。"
        assert len(s.history()) == 2


@pytest.mark.parametrize("bad", ["requests.granted.commercial=-1", "requests.granted.commercial=1.5",
                                 "requests.nothing.natural=3", "requests.granted.total=3", "novalue",
                                 "texts.nowhere=x"])
def test_set_with_any_bad_edit_changes_nothing(draft: Path, bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(draft)
    assert main(["set", str(draft), "requests.granted.natural=5", bad]) == 2
    err = capsys.readouterr().err
    assert "未作任何修改" in err and "Traceback" not in err
    assert digest(draft) == before
    assert _history(draft) == ["新建草稿"]


def test_set_blank_clears_a_cell(draft: Path) -> None:
    assert main(["set", str(draft), "requests.granted.natural=4"]) == 0
    assert main(["set", str(draft), "requests.granted.natural="]) == 0
    with Session.open(draft) as s:
        assert s.values()["requests.granted.natural"] is None
        assert s.history()[-1].description == "清空 三、（一）予以公开 自然人"


def test_history_and_restore(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["set", str(draft), "requests.granted.natural=1"])
    main(["set", str(draft), "requests.granted.natural=2"])
    capsys.readouterr()
    assert main(["history", str(draft)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert lines[1].split()[0] == "2" and lines[1].endswith("填写 三、（一）予以公开 自然人 = 1")
    assert main(["restore", str(draft), "2"]) == 0
    assert "已恢复到第 2 版" in capsys.readouterr().out
    with Session.open(draft) as s:
        assert s.values()["requests.granted.natural"] == 1
    assert main(["restore", str(draft), "3"]) == 0  # undo the restore
    with Session.open(draft) as s:
        assert s.values()["requests.granted.natural"] == 2
        assert len(s.history()) == 5
    assert main(["restore", str(draft), "42"]) == 2
    assert "没有第 42 版" in capsys.readouterr().err


def test_check_reads_a_draft(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # blank 二 and 四 could still balance the column (only the blanks are reported); 四 blank must be 4
    main(["set", str(draft), "requests.received.natural=5", "requests.granted.natural=1"])
    capsys.readouterr()
    assert main(["check", str(draft), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)[0]
    assert not [f for f in result["findings"] if f["rule"] == "balance"]
    main(["set", str(draft), "requests.carried_over.natural=0"])
    capsys.readouterr()
    assert main(["check", str(draft), "--json"]) == 0
    balance = [f for f in json.loads(capsys.readouterr().out)[0]["findings"] if f["rule"] == "balance"]
    assert balance and {f["severity"] for f in balance} == {"warning"}
    # （七）总计 = 1 counts its blank result rows as blanks, not zeros
    assert ("（七）总计 + 四 = （1 + 空） + 空；“四、结转下年度继续办理”为空、“（七）总计”的各项中有空白；"
            "若一 + 二 = 5 无误，这些空白之和应为 4") in balance[0]["message"]
    main(["set", str(draft), "requests.carried_forward.natural=6"])  # 四 alone exceeds 一 + 二
    capsys.readouterr()
    assert main(["check", str(draft), "--json"]) == 1
    result = json.loads(capsys.readouterr().out)[0]
    assert result["readable"] and any(f["rule"] == "balance" and f["severity"] == "error" for f in result["findings"])


def test_commands_on_missing_or_damaged_draft_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.rdesk"
    for argv in (["set", str(missing), "requests.granted.natural=1"], ["history", str(missing)],
                 ["restore", str(missing), "1"]):
        assert main(argv) == 2
        assert "找不到草稿文件" in capsys.readouterr().err


def test_real_process_set_and_no_qt_imported(draft: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)])}
    done = subprocess.run([sys.executable, "-m", "reportdesk", "set", str(draft), "requests.granted.natural=3",
                           "requests.granted.research=x"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "“x” 不是数字" in done.stderr and "Traceback" not in done.stderr
    probe = ("import sys; from reportdesk.cli import main; rc = main(['check', sys.argv[1]]); "
             "bad = [m for m in ('PySide6', 'docx', 'openpyxl') if m in sys.modules]; "
             "print('IMPORTED', bad); sys.exit(rc)")
    done = subprocess.run([sys.executable, "-c", probe, str(draft)], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode in (0, 1), done.stderr
    assert "IMPORTED []" in done.stdout
