"""Build the one-folder frozen app: DIST/ReportDesk/ with ``reportdesk`` and ``reportdesk-gui``.

    python packaging/build.py [--dist dist] [--work build/pyinstaller] [--no-trim]

1. builds the reportdesk wheel (forms, resources, compiled .qm translations, dist-info) and installs it,
   without dependencies, into a staging folder;
2. renders reportdesk.ico (16–256 px, PNG-compressed entries) from resources/icons/reportdesk.svg;
3. runs PyInstaller on packaging/pyinstaller/reportdesk.spec with only the staging folder on PYTHONPATH,
   so the bundle holds exactly what the wheel holds;
4. copies reportdesk.ico into the bundle (the Inno Setup script takes it from there) and prints the size.

Needs the ``package`` extra (pyinstaller, hatchling) and the app's own dependencies in this Python.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "pyinstaller" / "reportdesk.spec"
SVG = ROOT / "resources" / "icons" / "reportdesk.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
APP_FOLDER = "ReportDesk"
ICO_NAME = "reportdesk.ico"
#: PyInstaller 6 puts everything but the executables in this folder of a one-folder build.
CONTENTS = "_internal"


def executables(spec: Path = SPEC) -> list[str]:
    """The executables' names as the spec gives them (``EXE(..., name="...")``), in order."""
    return re.findall(r'\bEXE\(.*?\bname="([^"]+)"', spec.read_text(encoding="utf-8"), re.S)


def layout(platform: str = sys.platform) -> dict[str, str]:
    """The top level of DIST/ReportDesk/ on *platform*, without building: name → "file" or "dir".

    The Windows installer script is checked against this (tests/packaging/test_windows_installer.py)
    and the real build against it too (tests/packaging/test_frozen.py).
    """
    suffix = ".exe" if platform == "win32" else ""
    entries = {f"{name}{suffix}": "file" for name in executables()}
    entries[ICO_NAME] = "file"
    entries[CONTENTS] = "dir"
    return entries


def _run(args: list[str], env: dict[str, str] | None = None) -> None:
    print("+", " ".join(args), flush=True)
    done = subprocess.run(args, env=env)
    if done.returncode != 0:
        raise SystemExit(f"构建失败（退出码 {done.returncode}）：{' '.join(args)}")


def stage_wheel(staging: Path) -> None:
    """Build the wheel and install it (no dependencies) into *staging*."""
    if staging.exists():
        shutil.rmtree(staging)
    _run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
          "--no-compile", "--target", str(staging), str(ROOT)])


def ico_bytes(pngs: list[tuple[int, bytes]]) -> bytes:
    """A Windows .ico holding PNG-compressed images (supported since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in pngs:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def render_ico(target: Path, svg: Path = SVG) -> Path:
    """Render *svg* at every ICO size (with QtSvg, as packaging/linux/install.py does) into *target*."""
    spec = importlib.util.spec_from_file_location("_reportdesk_linux_install", HERE / "linux" / "install.py")
    assert spec is not None and spec.loader is not None
    linux_install = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(linux_install)
    with tempfile.TemporaryDirectory(prefix="reportdesk-ico-") as tmp:
        paths = {size: Path(tmp) / f"{size}.png" for size in ICO_SIZES}
        linux_install.render_pngs(svg, paths)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(ico_bytes([(size, paths[size].read_bytes()) for size in ICO_SIZES]))
    return target


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path, trim: bool = True) -> Path:
    dist, work = dist.resolve(), work.resolve()
    staging = work / "site"
    stage_wheel(staging)
    ico = render_ico(work / "reportdesk.ico")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(PYTHONPATH=str(staging), REPORTDESK_ICON=str(ico), QT_QPA_PLATFORM="offscreen")
    if not trim:
        env["REPORTDESK_NO_TRIM"] = "1"
    _run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(dist),
          "--workpath", str(work / "pyinstaller"), str(SPEC)], env=env)
    app = dist / APP_FOLDER
    shutil.copyfile(ico, app / ICO_NAME)
    print(f"{app}: {folder_size(app) / 2**20:.1f} MiB", flush=True)
    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="构建 ReportDesk 的免安装文件夹（PyInstaller）。")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="输出文件夹（默认 dist/）")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="中间文件夹")
    parser.add_argument("--no-trim", action="store_true", help="不裁剪未用的 Qt 模块和插件（用于比较大小）")
    args = parser.parse_args(argv)
    build(args.dist, args.work, trim=not args.no_trim)
    return 0


if __name__ == "__main__":
    sys.exit(main())
