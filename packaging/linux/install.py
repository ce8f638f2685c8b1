"""Install ReportDesk's desktop integration for the current user (Linux desktops).

    python packaging/linux/install.py [--prefix ~/.local/share] [--uninstall]

Copies the .desktop entry, the shared-mime-info entry for .rdesk drafts, the AppStream
metainfo and the application icon (the SVG, plus PNGs rendered at the usual sizes with
QtSvg) under the XDG data folder, then refreshes the desktop and MIME databases where
those tools exist.  ``reportdesk-gui`` must be on PATH (``pip install --user .`` or a
virtual environment's bin folder).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
APP_ID = "org.reportdesk.ReportDesk"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def targets(prefix: Path) -> dict[Path, Path]:
    return {
        HERE / f"{APP_ID}.desktop": prefix / "applications" / f"{APP_ID}.desktop",
        HERE / f"{APP_ID}.mime.xml": prefix / "mime" / "packages" / f"{APP_ID}.xml",
        HERE / f"{APP_ID}.metainfo.xml": prefix / "metainfo" / f"{APP_ID}.metainfo.xml",
        ROOT / "resources" / "icons" / "reportdesk.svg": prefix / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    }


def png_paths(prefix: Path) -> dict[int, Path]:
    return {s: prefix / "icons" / "hicolor" / f"{s}x{s}" / "apps" / f"{APP_ID}.png" for s in SIZES}


def render_pngs(svg: Path, outputs: dict[int, Path]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - needed by QPainter
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"图标文件无效：{svg}")
    for size, path in outputs.items():
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"无法写入图标：{path}")


def refresh(prefix: Path) -> None:
    for tool, arg in (("update-mime-database", prefix / "mime"), ("update-desktop-database", prefix / "applications"),
                      ("gtk-update-icon-cache", prefix / "icons" / "hicolor")):
        if shutil.which(tool):
            subprocess.run([tool, str(arg)], check=False, capture_output=True)


def install(prefix: Path) -> list[Path]:
    written = []
    for source, target in targets(prefix).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    pngs = png_paths(prefix)
    render_pngs(ROOT / "resources" / "icons" / "reportdesk.svg", pngs)
    written += pngs.values()
    refresh(prefix)
    return written


def uninstall(prefix: Path) -> list[Path]:
    removed = []
    for path in [*targets(prefix).values(), *png_paths(prefix).values()]:
        if path.exists():
            path.unlink()
            removed.append(path)
    refresh(prefix)
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="安装或卸载 ReportDesk 的桌面集成（菜单项、图标、.rdesk 文件关联）。")
    parser.add_argument("--prefix", type=Path, default=None, help="数据文件夹（默认 $XDG_DATA_HOME 或 ~/.local/share）")
    parser.add_argument("--uninstall", action="store_true", help="卸载桌面集成（不删除任何草稿）")
    args = parser.parse_args(argv)
    prefix = args.prefix or data_home()
    paths = uninstall(prefix) if args.uninstall else install(prefix)
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
