"""Importing a file as a new draft reads it in a worker whose bounds the parent holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportdesk.app.importing import ImportFailed, import_in_worker, read_previous
from tests.app.worker_tasks import allocate_forever, die_on_crash, sleep_forever


def test_an_import_that_hangs_is_stopped_with_a_message(tmp_path: Path) -> None:
    stuck = tmp_path / "stuck.json"
    stuck.write_text("{}")
    with pytest.raises(ImportFailed, match="读取超时：超过 1 秒"):
        import_in_worker(stuck, timeout=1, task=sleep_forever)


def test_an_import_that_eats_memory_or_crashes_is_a_message(tmp_path: Path) -> None:
    hog = tmp_path / "hog.json"
    hog.write_text("{}")
    with pytest.raises(ImportFailed, match="内存"):
        import_in_worker(hog, memory=600 * 2**20, task=allocate_forever)
    crash = tmp_path / "crash.json"
    crash.write_text("{}")
    with pytest.raises(ImportFailed, match="异常退出"):
        import_in_worker(crash, task=die_on_crash)


def test_import_and_last_years_report_from_a_worker(sample_path: Path, tmp_path: Path) -> None:
    imported = import_in_worker(sample_path)
    assert imported.report.agency == "乐清市人力资源和社会保障局" and imported.source == "JSON"
    assert read_previous(sample_path).year == 2022
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "gov-info-disclosure-2021", "year": "①"}), encoding="utf-8")
    with pytest.raises(ImportFailed):
        read_previous(bad)
