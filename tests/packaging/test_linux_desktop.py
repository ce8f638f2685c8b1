"""The Linux desktop integration files are valid and install for a user."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.reportdesk.ReportDesk"


def test_desktop_entry_is_valid() -> None:
    entry = LINUX / f"{APP_ID}.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(entry, encoding="utf-8")
    section = parser["Desktop Entry"]
    assert section["Exec"].startswith("reportdesk-gui")
    assert "application/x-reportdesk-draft" in section["MimeType"]
    assert section["Icon"] == APP_ID
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (Debian package desktop-file-utils)")
    done = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_metainfo_is_valid() -> None:
    path = LINUX / f"{APP_ID}.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.findtext("id") == APP_ID
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli is not installed (Debian package appstream)")
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mime_entry_names_the_draft_glob() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.mime.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = root.find("m:mime-type", ns)
    assert mime is not None and mime.get("type") == "application/x-reportdesk-draft"
    assert mime.find("m:glob", ns).get("pattern") == "*.rdesk"  # type: ignore[union-attr]


def test_install_and_uninstall_into_a_prefix(tmp_path: Path) -> None:
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, str(LINUX / "install.py"), "--prefix", str(tmp_path)],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "applications" / f"{APP_ID}.desktop").is_file()
    assert (tmp_path / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    png = tmp_path / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    done = subprocess.run([sys.executable, str(LINUX / "install.py"), "--prefix", str(tmp_path), "--uninstall"],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "applications" / f"{APP_ID}.desktop").exists()
    assert not png.exists()
