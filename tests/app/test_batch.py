from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from reportdesk.cli import main
from reportdesk.core.catalog import get_form
from reportdesk.core.interchange import report_to_json
from reportdesk.core.report import derive
from tests.documents.builders import Style, write_docx, write_xlsx
from tests.factories import complete_report

REPO = Path(__file__).resolve().parents[1]


def _batch(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    good = complete_report(seed=1, agency="甲县某局", year=2023)
    bad = complete_report(seed=2, agency="乙县某局", year=2023)
    values = derive(get_form(), bad.cells)
    wrong = str(int(values["requests.received.natural"]) + 2)
    files = {
        "good": write_docx(folder / "good.docx", good),
        "bad": write_docx(folder / "bad.docx", bad,
                          Style(value=lambda c, s: wrong if c == "requests.received.natural" else s)),
        "excel": write_xlsx(folder / "sub-excel.xlsx", good, sheets=1),
        "broken": folder / "broken.docx",
    }
    files["broken"].write_bytes(b"not a zip at all")
    (folder / "notes.txt").write_text("not a report")
    return files


def test_folder_check_json_shape_and_exit_status(tmp_path: Path, capsys) -> None:
    files = _batch(tmp_path / "in")
    status = main(["check", str(tmp_path / "in"), "--json", "--jobs", "2"])
    out = json.loads(capsys.readouterr().out)
    assert status == 2  # one file cannot be read
    by_name = {Path(r["path"]).name: r for r in out}
    assert set(by_name) == {p.name for p in files.values()}
    assert all(set(r) == {"path", "readable", "error", "findings"} for r in out)
    assert by_name["good.docx"]["findings"] == []
    # a workbook has the tables only: no figure errors, at most warnings about the missing text
    assert all(f["severity"] == "warning" and not f["cells"] for f in by_name["sub-excel.xlsx"]["findings"])
    assert not by_name["broken.docx"]["readable"] and "不是有效的Word" in by_name["broken.docx"]["error"]
    rules = {f["rule"] for f in by_name["bad.docx"]["findings"]}
    assert {"balance", "row_total"} <= rules


def test_summary_workbook(tmp_path: Path, capsys) -> None:
    _batch(tmp_path / "in")
    out = tmp_path / "summary.xlsx"
    main(["check", str(tmp_path / "in"), "--summary", str(out), "--jobs", "1"])
    workbook = load_workbook(out)
    rows = list(workbook["报告汇总"].iter_rows(values_only=True))
    assert rows[0][:6] == ("文件", "单位", "年度", "能否读取", "错误", "警告")
    by_name = {Path(r[0]).name: r for r in rows[1:]}
    assert by_name["good.docx"][1:6] == ("甲县某局", 2023, "是", 0, 0)
    assert by_name["broken.docx"][3] == "否" and "不是有效的Word" in by_name["broken.docx"][6]
    good = derive(get_form(), complete_report(seed=1).cells)
    assert by_name["good.docx"][8] == good["requests.received.total"]
    findings = list(workbook["全部问题"].iter_rows(values_only=True))
    assert findings[0] == ("文件", "单位", "年度", "级别", "规则", "问题", "单元格", "建议")
    bad = [r for r in findings[1:] if Path(r[0]).name == "bad.docx"]
    assert by_name["bad.docx"][4] == sum(1 for r in bad if r[3] == "错误") > 0
    assert any(r[4] == "row_total" and "自然人" in r[5] for r in bad)


def test_previous_runs_the_cross_year_rules(tmp_path: Path, capsys) -> None:
    last = complete_report(seed=3, year=2022)
    this = complete_report(seed=4, year=2023)
    last_path = tmp_path / "2022.json"
    last_path.write_text(json.dumps(report_to_json(get_form(), last), ensure_ascii=False), encoding="utf-8")
    this_path = write_docx(tmp_path / "2023.docx", this)
    main(["check", str(this_path), "--json"])
    assert json.loads(capsys.readouterr().out)[0]["findings"] == []
    main(["check", str(this_path), "--previous", str(last_path), "--json"])
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)[0]["findings"]}
    assert "carry_over" in rules


def test_previous_that_cannot_be_read(tmp_path: Path, capsys) -> None:
    this_path = write_docx(tmp_path / "2023.docx", complete_report())
    (tmp_path / "last.docx").write_bytes(b"")
    assert main(["check", str(this_path), "--previous", str(tmp_path / "last.docx")]) == 2
    assert "无法读取上年报告" in capsys.readouterr().err


def test_check_on_json_imports_no_office_library(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from reportdesk.cli import main\n"
        f"main(['check', {str(REPO / 'resources/samples/sample-report-2022.json')!r}])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'openpyxl', 'lxml', 'PySide6')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PYTHONPATH": str(REPO / "src")}, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_a_worker_stuck_past_its_alarm_is_stopped_and_named(tmp_path: Path, monkeypatch, sample_path) -> None:
    """A file that holds its worker inside C code (simulated: the alarm is blocked) is killed
    by the watchdog; the other files are still checked."""
    import signal
    import time

    import reportdesk.app.batch as batch

    original = batch.import_file

    def stuck(path: Path):
        if path.name == "stuck.json":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(600)
        return original(path)

    monkeypatch.setattr(batch, "import_file", stuck)
    monkeypatch.setattr(batch, "WATCHDOG_GRACE_S", 1)
    (tmp_path / "stuck.json").write_text("{}")
    files = [sample_path, tmp_path / "stuck.json", sample_path]
    results = batch.review_many(files, jobs=2, timeout=1)
    assert [r.readable for r in results] == [True, False, True]
    assert "读取超时" in results[1].error


def test_previous_gives_the_year_on_year_sheet_and_large_swings(tmp_path: Path, capsys) -> None:
    last = complete_report(seed=3, year=2022)
    last.cells["proactive.licensing.decisions"] = 20
    this = complete_report(seed=3, year=2023)
    this.cells["proactive.licensing.decisions"] = 65
    last_path = tmp_path / "2022.json"
    last_path.write_text(json.dumps(report_to_json(get_form(), last), ensure_ascii=False), encoding="utf-8")
    this_path = write_docx(tmp_path / "2023.docx", this)
    out = tmp_path / "summary.xlsx"
    main(["check", str(this_path), "--previous", str(last_path), "--summary", str(out)])
    assert "行政许可 / 本年处理决定数量：20 → 65（+45，+225.0%）" in capsys.readouterr().out
    rows = list(load_workbook(out)["与上年对比"].iter_rows(values_only=True))
    licensing = [r for r in rows if r[2] == "行政许可 / 本年处理决定数量"]
    assert licensing == [(str(this_path), "某市某某局", "行政许可 / 本年处理决定数量", 20, 65, 45, 225.0, "是")]


def test_progress_lines_for_long_runs() -> None:
    import io

    from reportdesk.app.batch import StderrProgress

    stream = io.StringIO()
    progress = StderrProgress(stream, min_files=10)
    for done in range(1, 21):
        progress(done, 20)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 11  # one line per tenth, and the last
    assert lines[-1].startswith("已检查 20/20 个文件")
    quiet = io.StringIO()
    short = StderrProgress(quiet, min_files=10)
    for done in range(1, 4):
        short(done, 3)
    assert quiet.getvalue() == ""


def test_renamed_files_are_named_for_what_they_are(tmp_path: Path) -> None:
    from reportdesk.app.batch import review_file

    report = complete_report()
    xlsx_as_docx = write_xlsx(tmp_path / "really-excel.xlsx", report).rename(tmp_path / "really-excel.docx")
    docx_as_xlsx = write_docx(tmp_path / "really-word.docx", report).rename(tmp_path / "really-word.xlsx")
    assert "Excel 文件（.xlsx）改了扩展名" in review_file(xlsx_as_docx).error
    assert "Word 文件（.docx）改了扩展名" in review_file(docx_as_xlsx).error


def test_new_from_a_word_file_prints_the_import_summary(tmp_path: Path, capsys) -> None:
    path = write_docx(tmp_path / "2023.docx", complete_report(), Style(label=lambda s: s.replace("（", "(")))
    assert main(["new", "-o", str(tmp_path / "d.rdesk"), "--agency", "某市某某局", "--year", "2023",
                 "--from", str(path)]) == 0
    err = capsys.readouterr().err
    assert "导入：读取单元格 200 个，未找到 0 个。" in err
    assert "导入：标签标点或空格不同：表三（依申请公开）行“(一）予以公开”，官方为“（一）予以公开”" in err


def test_folder_search_skips_office_lock_files_and_hidden_files(tmp_path: Path) -> None:
    from reportdesk.app.batch import collect_files

    (tmp_path / "a" / "b").mkdir(parents=True)
    report = write_docx(tmp_path / "a" / "b" / "r.docx", complete_report())
    (tmp_path / "a" / "~$r.docx").write_bytes(b"lock")
    (tmp_path / "a" / ".hidden.json").write_text("{}")
    (tmp_path / "a" / "notes.txt").write_text("x")
    files, problems = collect_files([str(tmp_path / "a")])
    assert files == [report] and problems == []
    files, problems = collect_files([str(tmp_path / "empty-folder-does-not-exist-as-dir.json")])
    assert problems == [] and len(files) == 1
    (tmp_path / "empty").mkdir()
    files, problems = collect_files([str(tmp_path / "empty")])
    assert files == [] and "没有报告文件" in problems[0].error
