"""``reportdesk export`` runs under a time bound like ``check``'s: a report whose text is too long
to typeset in time is one Chinese message, exit status 2, and no file — whole, partial or hidden."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import reportdesk.commands.export as export_command
from reportdesk.cli import main
from reportdesk.core.catalog import get_form
from reportdesk.core.interchange import report_to_json
from tests.factories import complete_report


def _huge(tmp_path: Path) -> Path:
    """A report whose overview holds 1.7 MB of text (a whole file pasted, with figures to check)."""
    report = complete_report(agency="某市某某局", year=2023)
    sentence = "本年度共收到政府信息公开申请12件，其中自然人10件；"
    report.texts["overview"] = sentence * (1_700_000 // len(sentence.encode("utf-8")) + 1)
    path = tmp_path / "巨大.json"
    path.write_text(json.dumps(report_to_json(get_form(), report), ensure_ascii=False), encoding="utf-8")
    assert path.stat().st_size > 1_700_000
    return path


def _everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system temporary folder, made observable: the export's work folder must not stay."""
    import tempfile

    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_an_export_over_its_bound_is_one_message_and_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str],
                                                              private_temp: Path) -> None:
    source = _huge(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    old = out / "年度报告.docx"
    old.write_bytes(b"the report exported last week")
    os.chmod(old, 0o644)
    monkeypatch.setattr(export_command, "EXPORT_TIMEOUT_S", 1.0)

    status = main(["export", str(source), "--docx", str(old), "--xlsx", str(out)])

    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err[:2000]
    assert "导出超时" in lines[0] and "超过 1 秒" in lines[0] and "1.6 MB" in lines[0]
    assert "没有写入任何文件" in lines[0] and "请删减过长的文字后重试" in lines[0]
    assert "Traceback" not in captured.err and "Error" not in captured.err
    assert _everything(out) == ["年度报告.docx"]  # no export, no hidden temporary beside it
    assert old.read_bytes() == b"the report exported last week"
    assert _everything(private_temp) == []  # the worker's work folder is gone too


def test_within_its_bound_the_same_export_writes_both_files(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             private_temp: Path) -> None:
    import docx

    source = tmp_path / "r.json"
    source.write_text(json.dumps(report_to_json(get_form(), complete_report(agency="某市某某局", year=2023)),
                                 ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", str(source), "--docx", str(out), "--xlsx", str(out)]) == 0
    names = _everything(out)
    assert names == ["某市某某局2023年政府信息公开工作年度报告.docx", "某市某某局2023年政府信息公开工作年度报告.xlsx"]
    printed = capsys.readouterr().out
    assert all(f"已导出：{out / n}" in printed for n in names)
    assert "某市某某局" in "\n".join(p.text for p in docx.Document(str(out / names[0])).paragraphs)
    assert _everything(private_temp) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFO")
def test_a_report_refused_in_the_worker_keeps_its_message_and_status(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    data = report_to_json(get_form(), complete_report())
    data["cells"]["requests.received.natural"] += 5
    source = tmp_path / "broken.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "o.docx"
    assert main(["export", str(source), "--docx", str(out), "--strict"]) == 1
    err = capsys.readouterr().err
    assert "[balance]" in err and "已拒绝导出（--strict）" in err
    assert not out.exists()
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert main(["export", str(fifo), "--docx", str(out)]) == 2  # refused at once, not at the bound
    assert "无法读取" in capsys.readouterr().err and not out.exists()
