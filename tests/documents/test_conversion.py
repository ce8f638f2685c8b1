"""Old and WPS formats through LibreOffice: a private profile and folder, bounded in time, killed whole."""

from __future__ import annotations

import os
import shutil
import stat
import sys
import time
from pathlib import Path

import pytest

from reportdesk.core.interchange import ReportFileError
from reportdesk.documents.conversion import import_converted
from tests.documents.builders import write_docx
from tests.factories import complete_report

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def fake_soffice(tmp_path: Path, body: str) -> Path:
    """A stand-in for LibreOffice: a Python script run with the same command line."""
    script = tmp_path / "soffice"
    script.write_text(f"#!{sys.executable}\nimport os, sys, json, shutil, subprocess, time\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_the_conversion_uses_a_private_profile_and_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    word = write_docx(tmp_path / "converted.docx", complete_report(seed=61))
    log = tmp_path / "argv.json"
    script = fake_soffice(tmp_path, f"""
args = sys.argv[1:]
json.dump(args, open({str(log)!r}, "w"))
out = args[args.index("--outdir") + 1]
shutil.copyfile({str(word)!r}, os.path.join(out, "source.docx"))""")
    monkeypatch.setenv("REPORTDESK_SOFFICE", str(script))
    source = tmp_path / "-报告 (终稿).doc"  # a name that must not reach the command line as is
    source.write_bytes(OLE + b"\x00" * 600)
    result = import_converted(source)
    assert result.report.cells["requests.received.natural"] is not None
    assert result.summary.source == "Word 97-2003 文档（.doc）"
    assert result.summary.converted == "由 LibreOffice 从Word 97-2003 文档（.doc）转换为 .docx 后读取"
    import json

    args = json.loads(log.read_text())
    profile = next(a for a in args if a.startswith("-env:UserInstallation=file://"))
    work = Path(profile.split("file://", 1)[1]).parent
    assert work.name.startswith("reportdesk-convert-") and not work.exists()  # removed afterwards
    assert "--headless" in args and args[args.index("--convert-to") + 1] == "docx:MS Word 2007 XML"
    assert args[-1].endswith("source.doc") and str(source) not in args
    assert source.read_bytes() == OLE + b"\x00" * 600  # the user's file is untouched


def test_a_hung_libreoffice_is_killed_with_its_children(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pids = tmp_path / "pids"
    script = fake_soffice(tmp_path, f"""
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
open({str(pids)!r}, "w").write(f"{{os.getpid()}} {{child.pid}}")
time.sleep(600)""")
    monkeypatch.setenv("REPORTDESK_SOFFICE", str(script))
    source = tmp_path / "r.wps"
    source.write_bytes(OLE + b"\x00" * 600)
    with pytest.raises(ReportFileError) as caught:
        import_converted(source, timeout=3)
    assert caught.value.code == "timeout" and "超过 3 秒" in caught.value.message
    for pid in map(int, pids.read_text().split()):
        for _ in range(50):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            pytest.fail(f"process {pid} still running")


def test_a_failed_conversion_and_an_encrypted_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTDESK_SOFFICE", str(fake_soffice(tmp_path, "print('Error: source file could not be loaded'); sys.exit(1)")))
    damaged = tmp_path / "坏.et"
    damaged.write_bytes(b"not a spreadsheet at all")
    with pytest.raises(ReportFileError) as caught:
        import_converted(damaged)
    assert caught.value.code == "conversion" and "WPS 表格（.et）" in caught.value.message
    assert "source file could not be loaded" in caught.value.message
    encrypted = tmp_path / "加密.doc"
    encrypted.write_bytes(OLE + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 600)
    with pytest.raises(ReportFileError) as caught:
        import_converted(encrypted)
    assert caught.value.code == "encrypted"
    empty = tmp_path / "空.odt"
    empty.write_bytes(b"")
    with pytest.raises(ReportFileError) as caught:
        import_converted(empty)
    assert caught.value.code == "empty"


def test_no_libreoffice_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTDESK_SOFFICE", str(tmp_path / "nowhere" / "soffice"))
    source = tmp_path / "r.doc"
    source.write_bytes(OLE + b"\x00" * 600)
    with pytest.raises(ReportFileError) as caught:
        import_converted(source)
    assert caught.value.code == "no_libreoffice"
    assert "请在 Word 或 WPS 中另存为 .docx 后再打开" in caught.value.message


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_libreoffice_the_clerk_has_open_is_not_disturbed(corpus: dict[str, dict[str, Path]]) -> None:
    """Two conversions at once (as two batch workers do) each run their own LibreOffice."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(import_converted, [corpus["word_like"]["doc"], corpus["irregular"]["odt"]]))
    assert all(len(r.summary.cells_read) > 150 for r in results)
