"""``reportdesk check`` / ``dump`` / ``--version`` through main() and one real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportdesk.cli import main
from reportdesk.core.catalog import get_form
from reportdesk.core.interchange import report_to_json
from tests.factories import complete_report


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def good_file(tmp_path: Path, name: str = "good.json", **changes: object) -> Path:
    data = report_to_json(get_form(), complete_report())
    data.update(changes)
    return write(tmp_path / name, data)


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict]]:
    status = main(["check", "--json", *args])
    return status, json.loads(capsys.readouterr().out)


def test_a_good_report_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_json(capsys, str(good_file(tmp_path)))
    assert status == 0
    assert out == [{"path": str(tmp_path / "good.json"), "readable": True, "error": None, "findings": []}]


def test_error_finding_gives_status_1_with_cells(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = report_to_json(get_form(), complete_report())
    data["cells"]["requests.received.natural"] += 1
    status, out = run_json(capsys, str(write(tmp_path / "bad.json", data)))
    assert status == 1
    rules = {f["rule"] for f in out[0]["findings"]}
    assert {"balance", "row_total"} <= rules
    balance = next(f for f in out[0]["findings"] if f["rule"] == "balance")
    assert balance["severity"] == "error" and "requests.received.natural" in balance["cells"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"{not json", "JSON 格式错误"),
        (b"[1, 2]", "最外层应是一个 JSON 对象"),
        (b'"text"', "最外层应是一个 JSON 对象"),
        (b'{"format": "gov-info-disclosure-1999", "cells": {}}', "未知的报告格式"),
        (b'{"format": "gov-info-disclosure-2021", "cells": {"requests.recieved.natural": 1}}', "未知的单元格编号"),
        (b'{"format": "gov-info-disclosure-2021", "year": "two"}', "year"),
        (b'{"format": "gov-info-disclosure-2021", "cells": [1]}', "cells"),
        (b'{"cells": {}}', "format"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"", "JSON 格式错误"),
        (b'{"format": "gov-info-disclosure-2021", "cells": {"proactive.fees.amount": NaN}}', "NaN"),
    ],
)
def test_unreadable_files_get_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, words: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    good = good_file(tmp_path)
    status, out = run_json(capsys, str(bad), str(good))
    assert status == 2
    assert out[0]["readable"] is False and words in out[0]["error"]
    assert "\n" not in out[0]["error"]
    assert out[1]["readable"] is True  # the other file was still checked


def test_huge_file_is_refused_without_reading_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    status, out = run_json(capsys, str(big))
    assert status == 2
    assert "文件过大（50.0 MB）" in out[0]["error"]


@pytest.mark.parametrize("value", [-1, 1.5, "abc", "1e9999", True, [3], {"a": 1}])
def test_invalid_values_are_error_findings_naming_the_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: object
) -> None:
    data = report_to_json(get_form(), complete_report())
    data["cells"]["requests.granted.natural"] = value
    status, out = run_json(capsys, str(write(tmp_path / "v.json", data)))
    assert status == 1
    bad = [f for f in out[0]["findings"] if f["rule"] == "non_negative_integer"]
    assert len(bad) == 1 and bad[0]["cells"] == ["requests.granted.natural"] and bad[0]["severity"] == "error"


def test_json_1e9999_number_is_an_error_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "inf.json"
    path.write_text('{"format": "gov-info-disclosure-2021", "cells": {"requests.granted.natural": 1e9999}}')
    status, out = run_json(capsys, str(path))
    assert status == 1
    assert [f["cells"] for f in out[0]["findings"] if f["rule"] == "non_negative_integer"] == [["requests.granted.natural"]]


def test_missing_file_and_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_json(capsys, str(tmp_path / "nope.json"), str(tmp_path))
    assert status == 2
    assert "不存在" in out[0]["error"] and "文件夹" in out[1]["error"]


def test_human_output_lists_errors_first_in_chinese(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(sample_path)]) == 0
    out = capsys.readouterr().out
    assert "乐清市人力资源和社会保障局 2022 年）：0 个错误" in out
    assert "警告 [blank]" in out


def test_the_sample_report_has_its_real_findings(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_json(capsys, str(sample_path))
    assert status == 0
    findings = out[0]["findings"]
    blank_cells = {c for f in findings if f["rule"] == "blank" for c in f["cells"]}
    assert "proactive.regulations.issued" in blank_cells
    assert "requests.handled_total.total" in blank_cells  # （七）总计 left blank in the original
    assert "requests.received.natural" not in blank_cells  # stated as 0
    assert not any(f["severity"] == "error" for f in findings)


def test_dump_prints_interchange_with_totals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = report_to_json(get_form(), complete_report(), include_derived=False)
    data["totals"] = "derived"
    assert "requests.granted.total" not in data["cells"]
    path = write(tmp_path / "d.json", data)
    assert main(["dump", str(path), "--json"]) == 0
    dumped = json.loads(capsys.readouterr().out)
    report = complete_report()
    expected = sum(int(report.cells[f"requests.granted.{c}"] or 0) for c in
                   ["natural", "commercial", "research", "public_interest", "legal_services", "other_org"])
    assert dumped["cells"]["requests.granted.total"] == expected
    assert dumped["format"] == "gov-info-disclosure-2021"
    assert main(["dump", str(path)]) == 0
    assert "三、收到和处理政府信息公开申请情况" in capsys.readouterr().out


def test_bad_usage_is_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["check"])
    assert info.value.code == 2
    assert "参数错误" in capsys.readouterr().err


def test_real_process_version_and_check(sample_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "reportdesk", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("reportdesk ")
    done = subprocess.run([sys.executable, "-m", "reportdesk", "check", str(sample_path)],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
