from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
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


def test_a_worker_stuck_past_its_alarm_is_killed_and_the_file_named(tmp_path: Path, sample_path) -> None:
    """A file that holds its worker (its alarm blocked, or no alarm at all) is killed by the
    parent after its own time bound; the worker is replaced and the other files are checked."""
    from reportdesk.app import batch
    from tests.app.worker_tasks import sleep_forever

    (tmp_path / "stuck.json").write_text("{}")
    files = [sample_path, tmp_path / "stuck.json", sample_path, sample_path, sample_path]
    results = batch.review_many(files, jobs=2, timeout=1, task=sleep_forever)
    assert [r.path for r in results] == [str(f) for f in files]
    assert [r.readable for r in results] == [True, False, True, True, True]
    assert "读取超时：超过 1 秒" in results[1].error


def test_one_worker_stuck_twice_is_replaced_each_time(tmp_path: Path, sample_path) -> None:
    from reportdesk.app import batch
    from tests.app.worker_tasks import sleep_forever

    for name in ("stuck-1.json", "stuck-2.json"):
        (tmp_path / name).write_text("{}")
    files = [tmp_path / "stuck-1.json", sample_path, tmp_path / "stuck-2.json", sample_path]
    results = batch.review_many(files, jobs=1, timeout=1, isolate=True, task=sleep_forever)
    assert [r.readable for r in results] == [False, True, False, True]
    assert all("读取超时" in r.error for r in results[::2])


def test_a_worker_allocating_without_end_is_stopped(tmp_path: Path, sample_path) -> None:
    """The memory bound holds: by the worker's own address-space cap where the system has one,
    otherwise by the parent watching the worker's memory."""
    from reportdesk.app import batch
    from tests.app.worker_tasks import allocate_forever

    (tmp_path / "hog.json").write_text("{}")
    files = [sample_path, tmp_path / "hog.json", sample_path]
    results = batch.review_many(files, jobs=2, timeout=60, memory=600 * 2**20, task=allocate_forever)
    assert [r.readable for r in results] == [True, False, True]
    assert "内存" in results[1].error


def test_a_worker_that_dies_costs_only_its_file(tmp_path: Path, sample_path) -> None:
    from reportdesk.app import batch
    from tests.app.worker_tasks import die_on_crash

    (tmp_path / "crash.json").write_text("{}")
    files = [sample_path, tmp_path / "crash.json", sample_path, sample_path]
    results = batch.review_many(files, jobs=2, task=die_on_crash)
    assert [r.readable for r in results] == [True, False, True, True]
    assert "异常退出" in results[1].error


def test_an_exception_in_one_file_costs_only_that_file(tmp_path: Path, sample_path) -> None:
    from reportdesk.app import batch
    from tests.app.worker_tasks import raise_on_bug

    (tmp_path / "bug.json").write_text("{}")
    files = [sample_path] * 5 + [tmp_path / "bug.json"] + [sample_path] * 5
    for jobs in (1, 2):
        results = batch.review_many(files, jobs=jobs, task=raise_on_bug)
        assert [r.readable for r in results] == [True] * 5 + [False] + [True] * 5
        assert "程序内部出错" in results[5].error and "invalid literal" not in results[5].error


def test_one_bad_year_among_63_good_reports_spoils_none_of_them(tmp_path: Path) -> None:
    """#11 item 3: a JSON with "year": "①" among 63 good reports."""
    form = get_form()
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(63):
        data = report_to_json(form, complete_report(seed=i % 5, agency=f"第{i}局", year=2023))
        (folder / f"r{i:02}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    bad = report_to_json(form, complete_report(seed=9))
    bad["year"] = "①"
    (folder / "r31-bad.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    from reportdesk.app.batch import collect_files, review_many

    files, _ = collect_files([str(folder)])
    results = review_many(files, jobs=2)
    by_name = {Path(r.path).name: r for r in results}
    assert len(by_name) == 64
    assert all(r.readable for name, r in by_name.items() if name != "r31-bad.json")
    assert by_name["r05.json"].report is not None and by_name["r05.json"].report.agency == "第5局"
    bad_result = by_name["r31-bad.json"]
    assert bad_result.report is None or bad_result.report.year != 1  # never read as another figure


def test_the_start_method_follows_the_environment(monkeypatch) -> None:
    from reportdesk.app import worker_pool

    monkeypatch.setenv(worker_pool.START_METHOD_ENV, "spawn")
    assert worker_pool.start_method() == "spawn"
    monkeypatch.setenv(worker_pool.START_METHOD_ENV, "teleport")
    assert worker_pool.start_method() is None
    monkeypatch.delenv(worker_pool.START_METHOD_ENV)
    assert worker_pool.start_method() is None


def test_summary_strips_characters_xml_cannot_hold(tmp_path: Path) -> None:
    from reportdesk.app.batch import FileResult
    from reportdesk.core.findings import Finding
    from reportdesk.documents.batch_summary import write_summary

    report = complete_report(agency="某\x00市\x01某局\ud800", year=2023)
    findings = [Finding(rule="blank", severity="warning", message="空白\x00单元格\x1b", cells=())]
    results = [FileResult("a\x07.json", report=report, findings=findings),
               FileResult("b.json", error="不是有效的\x00 JSON\x0c")]
    out = tmp_path / "summary.xlsx"
    write_summary(results, out)
    workbook = load_workbook(out)
    rows = list(workbook["报告汇总"].iter_rows(values_only=True))
    assert rows[1][:2] == ("a.json", "某市某局")
    assert rows[2][6] == "不是有效的 JSON"
    assert list(workbook["全部问题"].iter_rows(values_only=True))[1][5] == "空白单元格"


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


@pytest.mark.skipif(not os.environ.get("REPORTDESK_SPAWN_SIM"), reason="only in the simulated-Windows run")
def test_the_windows_simulation_is_in_force_in_parent_and_workers() -> None:
    import signal

    from reportdesk.app.worker_pool import WorkerPool, start_method
    from tests.app.worker_tasks import platform_facts

    assert not hasattr(signal, "setitimer") and start_method() == "spawn"
    with pytest.raises(ImportError):
        import resource  # noqa: F401
    seen: dict[int, object] = {}
    with WorkerPool(platform_facts, jobs=1, memory=2**30) as pool:
        pool.run(["x"], seen.__setitem__)
    assert seen == {0: {"setitimer": False, "resource": False, "start_method": "spawn", "item": "x"}}


def test_a_pool_kept_between_chunks_replaces_a_worker_killed_meanwhile(sample_path) -> None:
    """The 审阅 window keeps one pool for a run; a worker that died between chunks is replaced."""
    from reportdesk.app.batch import ReviewPool

    with ReviewPool(jobs=2, suffixes=[".json"]) as pool:
        assert all(r.readable for r in pool.review([sample_path] * 3))
        for worker in pool.pool.workers:
            worker.process.kill()
            worker.process.join(5)
        results = pool.review([sample_path] * 3)
    assert [r.readable for r in results] == [True, True, True]


def test_a_batch_keeps_the_patterns_its_workers_compiled(tmp_path: Path) -> None:
    """Workers end without exit handlers: they keep the text patterns they were first to compile
    (the next batch's workers then start with them), and a second batch finds them kept."""
    from reportdesk.app.batch import review_many
    from reportdesk.core import pattern_cache
    from reportdesk.places import cache_dir
    from tests.core.test_pattern_cache import drop_compiled

    files = [write_docx(tmp_path / f"r{i}.docx", complete_report(seed=i)) for i in range(4)]
    pattern_cache.forget()
    drop_compiled()  # as in a fresh process: nothing compiled in memory for the workers to inherit
    first = review_many(files, jobs=2)
    kept = cache_dir() / "patterns.json"
    assert kept.is_file()
    entries = json.loads(kept.read_bytes().split(b"\n", 1)[1])
    assert len(entries) > 50
    pattern_cache.forget()
    drop_compiled()
    assert [r.findings for r in review_many(files, jobs=2)] == [r.findings for r in first]
