"""The .deb builder (packaging/debian/build_deb.py) on a stand-in bundle, without a frozen build.

The real package is built, installed, run and removed by packaging/debian/ci-check.sh in CI.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("_reportdesk_build_deb", ROOT / "packaging" / "debian" / "build_deb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


deb = _module()


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    app = tmp_path / "ReportDesk"
    (app / "_internal" / "reportdesk").mkdir(parents=True)
    for name in ("reportdesk", "reportdesk-gui"):
        (app / name).write_text("#!/bin/sh\necho frozen\n")
        (app / name).chmod(0o700)
    (app / "_internal" / "reportdesk" / "data.txt").write_text("x")
    (app / "_internal" / "reportdesk" / "data.txt").chmod(0o600)
    (app / "reportdesk.ico").write_bytes(b"\0")
    return app


def test_the_package_tree(bundle: Path, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    root = deb.stage(bundle, tmp_path / "root", "arm64", ["libc6 (>= 2.28)", "libxcb-cursor0"])
    opt = root / "opt" / "reportdesk"
    assert (opt / "reportdesk").stat().st_mode & 0o777 == 0o755
    assert (opt / "_internal" / "reportdesk" / "data.txt").stat().st_mode & 0o777 == 0o644  # readable by all
    for name in ("reportdesk", "reportdesk-gui"):
        wrapper = root / "usr" / "bin" / name
        assert wrapper.stat().st_mode & 0o777 == 0o755
        assert f'exec /opt/reportdesk/{name} "$@"' in wrapper.read_text()
    share = root / "usr" / "share"
    desktop = (share / "applications" / "org.reportdesk.ReportDesk.desktop").read_text(encoding="utf-8")
    assert "Name[zh_CN]=信息公开年报助手" in desktop and "Categories=Office;" in desktop
    assert "MimeType=application/x-reportdesk-draft;" in desktop
    assert "*.rdesk" in (share / "mime" / "packages" / "org.reportdesk.ReportDesk.xml").read_text()
    hicolor = share / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / "org.reportdesk.ReportDesk.svg").is_file()
    for size in deb.ICON_SIZES:
        png = (hicolor / f"{size}x{size}" / "apps" / "org.reportdesk.ReportDesk.png").read_bytes()
        assert png.startswith(b"\x89PNG")
    control = (root / "DEBIAN" / "control").read_text(encoding="utf-8")
    fields = dict(line.split(": ", 1) for line in control.splitlines() if ": " in line and not line.startswith(" "))
    assert fields["Package"] == "reportdesk" and fields["Architecture"] == "arm64"
    assert fields["Version"] == deb.version()
    assert fields["Depends"] == "libc6 (>= 2.28), libxcb-cursor0"
    assert int(fields["Installed-Size"]) >= 1
    for script in ("postinst", "postrm"):
        text = (root / "DEBIAN" / script).read_text()
        assert (root / "DEBIAN" / script).stat().st_mode & 0o777 == 0o755
        assert "update-desktop-database" in text and "update-mime-database" in text
        assert "command -v update-mime-database" in text  # only when the tool exists
        assert "rm " not in text  # removal never deletes anything by hand (drafts are in $HOME)


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb (Debian) is not installed")
def test_a_package_is_built_for_this_machines_architecture(bundle: Path, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    assert deb.machine_arch() == arch
    built = deb.build_deb(bundle, tmp_path / "out")
    assert built.name == f"reportdesk_{deb.version()}_{arch}.deb"
    field = subprocess.run(["dpkg-deb", "-f", str(built), "Architecture"], capture_output=True, text=True, check=True)
    assert field.stdout.strip() == arch
    contents = subprocess.run(["dpkg-deb", "--contents", str(built)], capture_output=True, text=True, check=True).stdout
    assert {line.split()[1] for line in contents.splitlines()} == {"root/root"}
    assert "./opt/reportdesk/reportdesk-gui" in contents and "./usr/bin/reportdesk" in contents
    depends = subprocess.run(["dpkg-deb", "-f", str(built), "Depends"], capture_output=True, text=True).stdout
    assert "libxcb-cursor0" in depends and "libc6" in depends


def test_the_reviewed_depends_list() -> None:
    reviewed = deb.reviewed_depends()
    assert {"libc6", "libxcb-cursor0", "libxkbcommon-x11-0", "libegl1"} <= set(reviewed)
    assert "libgtk-3.so.0" in deb.ignored_libraries()
    assert not any(entry.startswith("-") for entry in reviewed)


@pytest.mark.parametrize("soname, package", [
    ("libwayland-cursor.so.0", "libwayland-cursor0"),
    ("libwayland-egl.so.1", "libwayland-egl1"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libgtk-3.so.0", "libgtk-3-0"),
])
def test_debian_names_of_libraries_not_installed_here(soname: str, package: str) -> None:
    assert deb.debian_name(soname) == package
