"""``reportdesk export``: refusing with --strict, warning without, clear errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

from reportdesk.cli import main
from reportdesk.core.catalog import get_form
from reportdesk.core.interchange import dumps, report_to_json
from reportdesk.documents.embedded import extract_docx
from tests.factories import complete_report


def _json(tmp_path: Path, report=None) -> Path:  # type: ignore[no-untyped-def]
    report = report or complete_report()
    path = tmp_path / "in.json"
    path.write_text(dumps(report_to_json(get_form(), report)), encoding="utf-8")
    return path


def _broken(tmp_path: Path) -> Path:
    """A report that breaks the balance rule (stated totals that do not add up)."""
    data = report_to_json(get_form(), complete_report())
    data["cells"]["requests.received.natural"] += 5
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_exports_docx_and_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _json(tmp_path)
    out_docx, out_xlsx = tmp_path / "out.docx", tmp_path / "out.xlsx"
    status = main(["export", str(source), "--docx", str(out_docx), "--xlsx", str(out_xlsx), "--appendix",
                   "--fonts", "windows", "--sign-off", "2024-01-20"])
    assert status == 0
    out = capsys.readouterr().out
    assert f"已导出：{out_docx}" in out and f"已导出：{out_xlsx}" in out
    texts = [p.text for p in docx.Document(str(out_docx)).paragraphs]
    assert "附件" in texts and "2024年1月20日" in texts
    assert "仿宋_GB2312" not in docx.Document(str(out_docx)).element.xml
    assert openpyxl.load_workbook(out_xlsx).sheetnames[0] == "主动公开政府信息情况"
    assert extract_docx(out_docx) == json.loads(source.read_text(encoding="utf-8"))


def test_strict_refuses_a_report_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.docx"
    assert main(["export", str(_broken(tmp_path)), "--docx", str(out), "--strict"]) == 1
    err = capsys.readouterr().err
    assert "已拒绝导出" in err and "[balance]" in err
    assert not out.exists()


def test_without_strict_errors_only_warn(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.docx"
    assert main(["export", str(_broken(tmp_path)), "--docx", str(out)]) == 0
    err = capsys.readouterr().err
    assert "警告：报告仍有错误" in err and "[balance]" in err
    assert out.exists()


def test_unreadable_source_and_missing_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["export", str(bad), "--docx", str(tmp_path / "o.docx")]) == 2
    assert "无法读取" in capsys.readouterr().err
    assert main(["export", str(_json(tmp_path))]) == 2
    assert "--docx" in capsys.readouterr().err


def test_unwritable_target_is_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(_json(tmp_path)), "--docx", str(tmp_path / "missing" / "o.docx")]) == 2
    err = capsys.readouterr().err
    assert "导出失败" in err and "不存在" in err and "Traceback" not in err


def test_pdf_without_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REPORTDESK_SOFFICE", str(tmp_path / "no-such-soffice"))
    assert main(["export", str(_json(tmp_path)), "--pdf", str(tmp_path / "o.pdf")]) == 2
    assert "未找到 LibreOffice" in capsys.readouterr().err
    assert not (tmp_path / "o.pdf").exists()


def test_check_and_version_do_not_load_office_libraries(tmp_path: Path) -> None:
    code = (
        "import sys; from reportdesk.cli import main, build_parser; build_parser();"
        f"main(['check', {str(_json(tmp_path))!r}]);"
        "bad = [m for m in ('docx', 'openpyxl', 'lxml', 'PySide6') if m in sys.modules];"
        "print('LOADED', bad)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                          env={"PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src"),
                               "PATH": "/usr/bin:/bin"})
    assert "LOADED []" in done.stdout, done.stdout + done.stderr


def test_export_of_a_draft_lists_its_accepted_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reportdesk.app.session import Session

    draft = tmp_path / "d.rdesk"
    report = complete_report(agency="某县某某局")
    session = Session.create(draft, agency=report.agency, year=2023, source=report)
    session.set_cells({"proactive.regulations.issued": 2})
    warning = next(f for f in session.findings() if f.rule == "regulations_power")
    session.accept_finding(warning, "本单位无规章制定权，规章栏为上级文件转发数")
    session.close()

    def exported_rows() -> dict[str, tuple]:
        out = tmp_path / "out.xlsx"
        assert main(["export", str(draft), "--xlsx", str(out)]) == 0
        sheet = openpyxl.load_workbook(out)["校验结果"]
        return {r[3]: r for r in sheet.iter_rows(min_row=2, values_only=True)}

    rows = exported_rows()
    assert rows[warning.message][1] == "警告（已接受）"
    assert rows[warning.message][6] == "本单位无规章制定权，规章栏为上级文件转发数"

    session = Session.open(draft)  # a changed figure reopens the acceptance
    session.set_cells({"proactive.regulations.issued": 3})
    session.close()
    rows = exported_rows()
    reopened = next(r for m, r in rows.items() if "本年制发 3" in m)
    assert reopened[1] == "警告" and reopened[6] is None
