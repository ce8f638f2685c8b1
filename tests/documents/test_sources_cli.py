"""The command line reads every source: check, dump, new --from/--previous, and says what LibreOffice is for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportdesk.app.session import Session
from reportdesk.cli import main
from reportdesk.core.catalog import get_form
from reportdesk.core.report import derive
from tests.documents.web_pages import gbk_layout_page, trs_page
from tests.factories import complete_report

FORM = get_form()


def test_check_and_dump_a_published_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = complete_report(seed=51)
    page = tmp_path / "nb.htm"
    page.write_bytes(gbk_layout_page(report))
    assert main(["check", str(page)]) == 0
    assert "0 个错误" in capsys.readouterr().out
    assert main(["dump", str(page), "--json"]) == 0
    dumped = json.loads(capsys.readouterr().out)
    truth = derive(FORM, report.cells)
    assert dumped["agency"] == report.agency
    assert dumped["cells"]["requests.received.natural"] == truth["requests.received.natural"]


def test_check_a_pdf_and_a_page_in_a_folder(corpus: dict[str, dict[str, Path]], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "收到的报告"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(corpus["appendix"]["pdf"].read_bytes())
    (folder / "b.html").write_text(trs_page(complete_report(seed=52)), encoding="utf-8")
    (folder / "notes.txt").write_text("not a report")
    assert main(["check", "--json", str(folder)]) == 0
    results = json.loads(capsys.readouterr().out)
    assert sorted(Path(r["path"]).name for r in results) == ["a.pdf", "b.html"]
    assert all(r["readable"] and not r["findings"] for r in results)


def test_new_from_a_pdf_with_last_years_page(corpus: dict[str, dict[str, Path]], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    last = complete_report(seed=53, agency="某市第11局", year=2022)
    page = tmp_path / "2022.html"
    page.write_text(trs_page(last), encoding="utf-8")
    out = tmp_path / "new.rdesk"
    assert main(["new", "-o", str(out), "--agency", "某市第11局", "--year", "2023",
                 "--from", str(corpus["word_like"]["pdf"]), "--previous", str(page)]) == 0
    err = capsys.readouterr().err
    assert "导入：来源：PDF" in err
    with Session.open(out) as session:
        assert session.report.cells["requests.received.natural"] is not None
        assert session.previous is not None and session.previous.year == 2022


def test_old_formats_without_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REPORTDESK_SOFFICE", str(tmp_path / "missing" / "soffice"))
    path = tmp_path / "r.wps"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr()
    text = err.out + err.err
    assert "需要 LibreOffice" in text and "请在 Word 或 WPS 中另存为 .docx 后再打开" in text


def test_help_lists_the_sources(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    text = capsys.readouterr().out.replace("\n", "")
    for part in (".pdf", ".html", ".doc", ".wps", ".et", "需要 LibreOffice", "扫描件不能读取"):
        assert part in text
