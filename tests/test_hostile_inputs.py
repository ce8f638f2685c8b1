"""Every command × every crafted input (issue 11, "Done when").

Each command of the ``reportdesk`` command line is run on each crafted file — JSON with
years like "①", names no file system holds, nesting thousands deep, numbers of 5,000
digits, NUL, control characters and lone surrogates; drafts with a valid header but bad
contents; a backup with a stranger's journal beside it; Word and Excel files whose
embedded data is hostile; FIFOs — and must answer with its documented exit status and a
Chinese message, never a traceback, and leave the input's bytes (and its neighbours')
unchanged.  The FIFOs run in a real process with a timeout: a command that blocks fails.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reportdesk.app.session import Session
from reportdesk.cli import main
from tests.factories import complete_report

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "sample-report-2022.json"
CJK = re.compile(r"[\u4e00-\u9fff]")
READ = {0, 1}  # a readable report: 0 no errors, 1 error findings

#: command -> argv for an input file *p* and a scratch folder *t*
COMMANDS: dict[str, Callable[[Path, Path], list[str]]] = {
    "check": lambda p, t: ["check", str(p)],
    "check --json": lambda p, t: ["check", "--json", str(p)],
    "dump": lambda p, t: ["dump", str(p)],
    "dump --json": lambda p, t: ["dump", "--json", str(p)],
    "export": lambda p, t: ["export", str(p), "--docx", str(t / "o.docx"), "--xlsx", str(t / "o.xlsx")],
    "new --from": lambda p, t: ["new", "-o", str(t / "n.rdesk"), "--agency", "某局", "--year", "2023", "--from", str(p)],
    "new --previous": lambda p, t: ["new", "-o", str(t / "p.rdesk"), "--agency", "某局", "--year", "2024",
                                    "--previous", str(p)],
    "set": lambda p, t: ["set", str(p), "requests.granted.natural=5"],
    "history": lambda p, t: ["history", str(p)],
    "restore": lambda p, t: ["restore", str(p), "1"],
    "recover": lambda p, t: ["recover", str(p), "-o", str(t / "r.rdesk")],
}
DRAFT_ONLY = ("set", "history", "restore", "recover")


# --- the crafted inputs -------------------------------------------------------------------

def _sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def _json_input(**changes: object) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        data = _sample()
        data.update(changes)
        path = folder / "report.json"
        path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")  # \ud800 stays an escape
        return path
    return build


def _text_input(name: str, text: str | bytes) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return path
    return build


def _draft(folder: Path, name: str = "d.rdesk") -> Path:
    path = folder / name
    with Session.create(path, agency="某市某某局", year=2023, source=complete_report()) as s:
        s.set_cells({"requests.granted.natural": 9})
        s.set_text("overview", "本年度主动公开政府信息。")
    return path


def _crafted_draft(*statements: str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = _draft(folder)
        db = sqlite3.connect(path, isolation_level=None)
        for statement in statements:
            db.execute(statement)
        db.close()
        return path
    return build


def _cut(size: int) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = _draft(folder)
        path.write_bytes(path.read_bytes()[:size])
        return path
    return build


def _foreign_sqlite(folder: Path) -> Path:
    path = folder / "other.rdesk"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE contacts (name TEXT)")
    db.commit()
    db.close()
    return path


def _backup_with_foreign_journal(folder: Path) -> Path:
    big = folder / "d.rdesk"
    report = complete_report()
    report.texts = {k: "本年度依法公开政府信息。" * 400 for k in ("overview", "proactive", "requests", "problems")}
    with Session.create(big, agency="某市大局", year=2023, source=report) as s:
        for n in range(30):
            s.set_cells({"requests.granted.natural": n})
    code = textwrap.dedent(f"""
        import os, signal, sqlite3
        db = sqlite3.connect({str(big)!r}, isolation_level=None)
        db.execute("PRAGMA cache_size = 2")
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE texts SET text = text || ?", ("改" * 20000,))
        db.execute("UPDATE changes SET new = coalesce(new, '') || ?", ("x" * 500,))
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    subprocess.run([sys.executable, "-c", code], timeout=60, check=False)
    backup = _draft(folder, "backup.rdesk")
    shutil.copyfile(backup, big)
    backup.unlink()
    return big


def _exported(suffix: str, edit: Callable[[dict], object]) -> Callable[[Path], Path]:
    """A ReportDesk export whose embedded data is replaced by ``edit(data)`` (a dict or raw text)."""
    def build(folder: Path) -> Path:
        from reportdesk.documents.export import export_report
        from reportdesk.documents.options import ExportOptions

        report = complete_report()
        path = folder / f"report{suffix}"
        export_report(report, docx=path if suffix == ".docx" else None, xlsx=path if suffix == ".xlsx" else None,
                      pdf=None, options=ExportOptions(), findings=[], accepted=None)
        payload = edit(_sample())
        text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=True)
        if suffix == ".docx":
            _replace_docx_payload(path, text)
        else:
            _replace_xlsx_payload(path, text)
        return path
    return build


def _replace_docx_payload(path: Path, text: str) -> None:
    from xml.sax.saxutils import escape

    from reportdesk.documents.embedded import NAMESPACE

    source = path.with_name("source.zip")
    path.rename(source)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename.lower().startswith("customxml/") and NAMESPACE.encode() in data[:1000]:
                data = (f'<?xml version="1.0" encoding="UTF-8"?><reportdesk xmlns="{NAMESPACE}" version="1">'
                        f"{escape(text)}</reportdesk>").encode()
            new.writestr(info, data)
    source.unlink()


def _replace_xlsx_payload(path: Path, text: str) -> None:
    from openpyxl import load_workbook

    from reportdesk.documents.embedded import XLSX_CHUNK, XLSX_SHEET

    workbook = load_workbook(path)
    sheet = workbook[XLSX_SHEET]
    sheet.delete_rows(1, sheet.max_row)
    for index, start in enumerate(range(0, len(text), XLSX_CHUNK), start=1):
        sheet.cell(row=index, column=1).value = text[start:start + XLSX_CHUNK]
        sheet.cell(row=index, column=1).data_type = "s"
    workbook.save(path)


DEEP = "[" * 100_000 + "]" * 100_000
#: A ReportDesk export whose embedded data is unusable: read from its visible tables.
_EXPORTED = {c: ({2} if c in DRAFT_ONLY else {0} if c.startswith(("dump", "export", "new")) else READ) for c in COMMANDS}

#: input -> (builder, expected exit status per command; unlisted commands: 2)
INPUTS: dict[str, tuple[Callable[[Path], Path], dict[str, set[int]]]] = {
    "json year ①": (_json_input(year="①"), {}),
    "json year ²³": (_json_input(year="²³"), {}),
    "json year 5,000 digits": (_text_input("report.json", '{"format": "gov-info-disclosure-2021", "year": '
                                           + "9" * 5000 + "}"), {}),
    "json cell 5,000 digits": (_text_input("report.json", '{"format": "gov-info-disclosure-2021", "cells": '
                                           '{"requests.received.natural": ' + "7" * 5000 + "}}"), {}),
    "json format 5,000 chars": (_json_input(format="f" * 5000), {}),
    "json format a path": (_json_input(format="../../../etc/passwd"), {}),
    "json nested 100,000 deep": (_text_input("report.json", DEEP), {}),
    "json nested in texts": (_text_input("report.json", '{"format": "gov-info-disclosure-2021", "texts": '
                                         '{"overview": ' + DEEP + "}}"), {}),
    "json NUL in agency": (_json_input(agency="某市\u0000某局"), {}),
    "json control char in text": (_json_input(texts={"overview": "本年度\u0007公开"}), {}),
    "json lone surrogate in text": (_json_input(texts={"overview": "本年度\ud800公开"}), {}),
    "json agency 300 chars": (_json_input(agency="某" * 300), {}),
    "json not UTF-8": (_text_input("report.json", b"\xff\xfe{\x00\"\x00"), {}),
    "json empty": (_text_input("report.json", b""), {}),
    "json a list": (_text_input("report.json", "[1, 2, 3]"), {}),
    "draft bad timestamp": (_crafted_draft("UPDATE revisions SET timestamp = '昨天下午'"),
                            {"check": READ, "check --json": READ, "dump": {0}, "dump --json": {0}, "export": {0},
                             "new --from": {0}, "new --previous": {0}, "recover": {0}}),
    "draft BLOB cell": (_crafted_draft("UPDATE cells SET value = x'00ff' WHERE rowid = (SELECT min(rowid) FROM cells)"),
                        {"recover": {0}}),
    "draft missing column": (_crafted_draft("ALTER TABLE revisions DROP COLUMN description"), {"recover": {0, 2}}),
    "draft unknown form": (_crafted_draft("UPDATE draft_info SET value = 'no-such-form' WHERE key = 'form_id'"), {}),
    "draft unknown change kind": (_crafted_draft("INSERT INTO changes (revision, seq, kind, key, new) "
                                                 "VALUES (1, 9999, 'evil', 'x', 'y')"),
                                  {"check": READ, "check --json": READ, "dump": {0}, "dump --json": {0},
                                   "export": {0}, "new --from": {0}, "new --previous": {0}, "history": {0},
                                   "recover": {0}, "set": {0}}),
    "draft cut at 101 bytes": (_cut(101), {}),
    "draft cut at 5000 bytes": (_cut(5000), {"recover": {0, 2}}),
    "draft empty": (_cut(0), {}),
    "foreign SQLite database": (_foreign_sqlite, {}),
    "backup with a foreign journal": (_backup_with_foreign_journal,
                                      {"check": READ, "check --json": READ, "dump": {0}, "dump --json": {0},
                                       "export": {0}, "new --from": {0}, "new --previous": {0}, "recover": {0}}),
    "docx embedded nested deep": (_exported(".docx", lambda d: DEEP), _EXPORTED),
    "docx embedded year ①": (_exported(".docx", lambda d: {**d, "year": "①"}), _EXPORTED),
    "docx embedded NUL agency": (_exported(".docx", lambda d: {**d, "agency": "某\u0000局" * 100}), _EXPORTED),
    "xlsx embedded nested deep": (_exported(".xlsx", lambda d: DEEP), _EXPORTED),
    "docx not a zip": (_text_input("report.docx", os.urandom(3000)), {}),
    "xlsx empty": (_text_input("report.xlsx", b""), {}),
}


def _fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each crafted input built once, in a folder of its own (the folder is copied for each run)."""
    base = tmp_path_factory.mktemp("crafted")
    out: dict[str, Path] = {}
    for number, (name, (build, _expected)) in enumerate(INPUTS.items()):
        folder = base / f"input{number}"
        folder.mkdir()
        out[name] = build(folder)
    return out


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("name", list(INPUTS))
def test_every_command_on_every_crafted_input(crafted: dict[str, Path], tmp_path: Path, name: str, command: str,
                                              capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTDESK_HOME", str(tmp_path / "home"))
    inputs = tmp_path / "in"
    shutil.copytree(crafted[name].parent, inputs, symlinks=True)
    path = inputs / crafted[name].name
    before = _fingerprint(inputs)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    try:
        status = main(COMMANDS[command](path, out_dir))
    except SystemExit as exc:  # argparse
        status = int(exc.code or 0)
    captured = capsys.readouterr()
    text = captured.out + captured.err
    expected = INPUTS[name][1].get(command, {2})
    assert status in expected, f"{name} / {command}: exit {status}, expected {expected}\n{text[-1500:]}"
    assert "Traceback" not in text and "内部错误" not in text, text[-3000:]
    assert not unraisable, unraisable
    if not (command.endswith("--json") and status in READ):  # a report as JSON needs no message
        assert CJK.search(text), f"no Chinese message: {text[-500:]!r}"
    if status == 2 and not command.startswith("check"):  # check lists an unreadable file in its report
        assert CJK.search(captured.err), f"the reason goes to stderr: {captured.err!r}"
    if not (command == "set" and status == 0):
        assert _fingerprint(inputs) == before, "the input's bytes changed"
    if status == 2 and command in ("new --from", "new --previous", "recover"):
        assert sorted(p.name for p in out_dir.iterdir()) == [], "a refused command left a file"


# --- FIFOs and other special files, in a real process with a timeout ---------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("suffix", [".json", ".rdesk", ".docx", ".xlsx"])
def test_a_fifo_is_refused_at_once_by_every_command(tmp_path: Path, suffix: str) -> None:
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "REPORTDESK_HOME": str(tmp_path / "home")}
    commands = list(COMMANDS) if suffix == ".rdesk" else [c for c in COMMANDS if c not in DRAFT_ONLY] + ["set"]
    for command in commands:
        if command in ("check --json", "dump --json"):
            continue
        out = tmp_path / f"out-{command.replace(' ', '_')}"
        out.mkdir()
        try:
            done = subprocess.run([sys.executable, "-m", "reportdesk", *COMMANDS[command](fifo, out)],
                                  capture_output=True, text=True, env=env, timeout=60)
        except subprocess.TimeoutExpired:  # pragma: no cover - the failure this test is about
            pytest.fail(f"{command} on a FIFO ({suffix}) blocked")
        said = done.stdout + done.stderr
        assert done.returncode == 2, (command, said)
        assert "Traceback" not in said and CJK.search(said), (command, said)
        assert "命名管道" in said, (command, said)
        assert list(out.iterdir()) == []


def test_a_device_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    device = tmp_path / "zero.json"
    device.symlink_to("/dev/zero")
    assert main(["dump", str(device)]) == 2
    assert main(["check", str(device)]) == 2
    captured = capsys.readouterr()
    assert "设备" in captured.err and "设备" in captured.out


# --- a closed pipe, undecodable arguments ---------------------------------------------------------

def test_check_into_a_closed_pipe_is_no_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    files = [str(SAMPLE)] * 300
    with subprocess.Popen([sys.executable, "-m", "reportdesk", "check", "--jobs", "1", *files],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as child:
        assert child.stdout is not None and child.stderr is not None
        child.stdout.readline()
        child.stdout.close()  # like `| head -1`
        err = child.stderr.read().decode("utf-8", "replace")
        status = child.wait(timeout=300)
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, err
    assert status in (1, -signal.SIGPIPE), status


def test_set_with_an_argument_that_is_not_utf8(tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONIOENCODING": "utf-8"}
    for edit in (b"texts.overview=\xff\xfe\xe4\xb8", b"requests.granted.natural=\xff"):
        done = subprocess.run([sys.executable, "-m", "reportdesk", "set", str(draft).encode(), edit],
                              capture_output=True, env=env, timeout=60)
        err = done.stderr.decode("utf-8", "replace")
        assert done.returncode == 2 and "UTF-8" in err and "未作任何修改" in err, err
        assert "Traceback" not in err
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before


def test_set_refuses_control_characters_and_footnote_marks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = _draft(tmp_path)
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    assert main(["set", str(draft), "texts.overview=本年度\x00公开"]) == 2
    assert main(["set", str(draft), "requests.granted.natural=²"]) == 2
    assert main(["set", str(draft), "requests.granted.natural=2①"]) == 2
    err = capsys.readouterr().err
    assert "控制字符" in err and "脚注标记或上标" in err
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before
