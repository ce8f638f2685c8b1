"""The frozen one-folder build (packaging/build.py) works: CLI, check, export and the GUI run from it.

Slow (about a minute on two cores): it builds the wheel and runs PyInstaller into a temporary folder.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller", reason="pip install '.[package]' (PyInstaller) to build the frozen app")

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "sample-report-2022.json"
EXE = ".exe" if sys.platform == "win32" else ""

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frozen app: built here, or the one named by REPORTDESK_FROZEN_BUNDLE (CI builds it once
    for this test and the .deb check)."""
    given = os.environ.get("REPORTDESK_FROZEN_BUNDLE")
    if given:
        return Path(given)
    work = tmp_path_factory.mktemp("frozen")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(work / "dist"),
                           "--work", str(work / "build")], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    app = work / "dist" / "ReportDesk"
    assert (app / f"reportdesk{EXE}").is_file() and (app / f"reportdesk-gui{EXE}").is_file()
    return app


def _run(bundle: Path, name: str, *args: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    clean.update(REPORTDESK_HOME=str(home), **env)
    return subprocess.run([str(bundle / f"{name}{EXE}"), *args], capture_output=True, text=True,
                          env=clean, cwd=home, timeout=300)


def test_version_comes_from_the_package_metadata(bundle: Path, tmp_path: Path) -> None:
    expected = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    done = _run(bundle, "reportdesk", "--version", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"reportdesk {expected}"


def test_check_on_the_sample_report(bundle: Path, tmp_path: Path) -> None:
    done = _run(bundle, "reportdesk", "check", str(SAMPLE), home=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "乐清市人力资源和社会保障局 2022 年" in done.stdout
    assert "0 个错误" in done.stdout
    assert "Traceback" not in done.stderr


def test_check_on_a_missing_file_is_a_chinese_message(bundle: Path, tmp_path: Path) -> None:
    done = _run(bundle, "reportdesk", "check", str(tmp_path / "无此文件.json"), home=tmp_path)
    assert done.returncode == 2
    assert "无此文件.json" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_export_word_and_excel(bundle: Path, tmp_path: Path) -> None:
    docx, xlsx = tmp_path / "年报.docx", tmp_path / "年报.xlsx"
    done = _run(bundle, "reportdesk", "export", str(SAMPLE), "--docx", str(docx), "--xlsx", str(xlsx), home=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(docx) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        assert "footer1.xml" in " ".join(archive.namelist())  # python-docx's footer template was found
    assert "乐清市人力资源和社会保障局" in body
    with zipfile.ZipFile(xlsx) as archive:
        assert any(name.startswith("xl/worksheets/") for name in archive.namelist())


def test_gui_starts_and_exits_when_ready(bundle: Path, tmp_path: Path) -> None:
    done = _run(bundle, "reportdesk-gui", home=tmp_path, REPORTDESK_EXIT_WHEN_READY="1", QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 0, done.stdout + done.stderr


def test_gui_in_english_starts(bundle: Path, tmp_path: Path) -> None:
    (tmp_path / "settings.ini").write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    done = _run(bundle, "reportdesk-gui", home=tmp_path, REPORTDESK_EXIT_WHEN_READY="1", QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no compiled translation" not in done.stderr  # reportdesk_en.qm was found in the bundle


def test_bundle_holds_compiled_translations(bundle: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTranslator

    folder = bundle / "_internal" / "reportdesk" / "_data" / "resources" / "translations"
    translator = QTranslator()
    assert translator.load(str(folder / "reportdesk_en.qm"))
    assert translator.translate("ReportWindow", "文件(&F)") == "&File"
    assert (folder / "reportdesk_zh_CN.qm").is_file()
    assert (bundle / "_internal" / "reportdesk" / "_data" / "forms" / "gov-info-disclosure-2021.toml").is_file()
    guide = bundle / "_internal" / "reportdesk" / "_data" / "docs"
    assert (guide / "guide.zh-CN.md").is_file() and (guide / "images" / "start-page.png").is_file()


def test_bundle_is_trimmed(bundle: Path) -> None:
    names = {p.name for p in (bundle / "_internal").rglob("*")}
    for unused in ("tkinter", "QtNetwork.abi3.so", "QtQml.abi3.so", "libQt6Quick.so.6", "libQt6Pdf.so.6",
                   "libqpdf.so", "qtbase_de.qm"):
        assert unused not in names, unused
    assert {"qtbase_zh_CN.qm", "QtWidgets.abi3.so" if sys.platform != "win32" else "QtWidgets.pyd"} <= names


def test_icon_for_windows_is_a_multi_size_ico(bundle: Path) -> None:
    data = (bundle / "reportdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, 7)
    sizes = [struct.unpack_from("<B", data, 6 + 16 * i)[0] or 256 for i in range(count)]
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
    first_offset = struct.unpack_from("<I", data, 6 + 12)[0]
    assert data[first_offset:first_offset + 8] == b"\x89PNG\r\n\x1a\n"


def test_bundle_has_the_layout_the_installer_script_is_checked_against(bundle: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("_reportdesk_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    actual = {p.name: "dir" if p.is_dir() else "file" for p in bundle.iterdir()}
    assert actual == build.layout(sys.platform)


def test_check_under_spawn_from_the_frozen_app(bundle: Path, tmp_path: Path) -> None:
    """Workers started by spawn re-run the frozen executable (multiprocessing.freeze_support)."""
    done = _run(bundle, "reportdesk", "check", str(SAMPLE), str(SAMPLE), "--jobs", "2", "--json",
                home=tmp_path, REPORTDESK_START_METHOD="spawn")
    assert done.returncode == 0, done.stdout + done.stderr
    import json

    assert [r["readable"] for r in json.loads(done.stdout)] == [True, True]
