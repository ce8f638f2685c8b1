"""The Help menu's targets: the user's guides (with their images) and the log folder; no Qt needed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from reportdesk.app import paths as app_help

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("language", "name", "heading"), [
    ("zh_CN", "guide.zh-CN.md", "# ReportDesk 使用指南"),
    ("en", "guide.en.md", "# ReportDesk user's guide"),
    ("fr", "guide.zh-CN.md", "# ReportDesk 使用指南"),  # no French guide: the Chinese one
])
def test_guide_path(language: str, name: str, heading: str) -> None:
    path = app_help.guide_path(language)
    assert path.name == name
    assert path.read_text(encoding="utf-8").startswith(heading)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_image_and_link_of_the_guide_exists(language: str) -> None:
    guide = app_help.guide_path(language)
    targets = re.findall(r"\]\(([^)#]+)\)", guide.read_text(encoding="utf-8"))
    assert any(t.startswith("images/") for t in targets)
    missing = [t for t in targets if not (guide.parent / t).is_file()]
    assert not missing, missing


def test_the_chinese_guide_covers_the_journey() -> None:
    text = app_help.guide_path("zh_CN").read_text(encoding="utf-8")
    for topic in ("## 1. 安装", "## 2. 第一份报告", "## 3. 表格与检查", "## 4. 从 Excel / WPS 粘贴",
                  "## 5. 草稿与历史版本", "## 6. 导出", "## 7. 审核人员：批量检查"):
        assert topic in text


def test_guide_images_are_small_pngs() -> None:
    for image in (app_help.guide_path().parent / "images").glob("*.png"):
        assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", image
        assert image.stat().st_size < 400_000, f"{image.name}: {image.stat().st_size} bytes"


def test_log_dir_follows_reportdesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTDESK_HOME", str(tmp_path))
    assert app_help.log_dir() == tmp_path / "logs"
    assert not (tmp_path / "logs").exists()
    assert app_help.ensure_log_dir().is_dir()


def test_log_dir_is_where_the_crash_log_goes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("PySide6")
    from reportdesk.ui.settings import log_dir as ui_log_dir

    monkeypatch.setenv("REPORTDESK_HOME", str(tmp_path))
    assert app_help.log_dir() == ui_log_dir()
    monkeypatch.delenv("REPORTDESK_HOME")
    assert app_help.log_dir() == ui_log_dir()


def test_help_does_not_import_qt() -> None:
    code = "import sys, reportdesk.app.paths as h; h.guide_path(); h.log_dir(); print('PySide6' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
