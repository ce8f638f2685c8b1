"""Build a .deb of the frozen app for UOS, Kylin, Debian and Ubuntu, with dpkg-deb only.

    python packaging/debian/build_deb.py [--bundle dist/ReportDesk] [--out dist] [--arch ARCH]
    python packaging/debian/build_deb.py --bundle dist/ReportDesk --find-depends

The package (``reportdesk_<version>_<arch>.deb``) holds:

- the frozen app (packaging/build.py) under ``/opt/reportdesk``;
- ``/usr/bin/reportdesk`` and ``/usr/bin/reportdesk-gui``: two-line wrappers that run it;
- the desktop entry (Chinese name 信息公开年报助手, category Office), the ``.rdesk`` MIME type,
  the AppStream metainfo and the icon in the hicolor theme (SVG and PNG sizes);
- ``postinst`` / ``postrm`` refreshing the desktop, MIME and icon caches where those tools
  exist; users' drafts (``~/.local/share/ReportDesk``) are never touched;
- ``Depends``: the system libraries the frozen app links to (Qt's X11/Wayland libraries …),
  from the reviewed list ``depends.txt`` beside this script.  ``--find-depends`` derives
  them afresh from the bundle's ELF files (``objdump -p``, ``dpkg -S``) to review that list.

The architecture is the machine's (``dpkg --print-architecture``): the bundle is native code,
so a build on arm64 (UOS and Kylin run on ARM64 too) gives an arm64 package.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.reportdesk.ReportDesk"
PACKAGE = "reportdesk"
PREFIX = "/opt/reportdesk"
COMMANDS = ("reportdesk", "reportdesk-gui")
ICON_SIZES = (16, 32, 48, 64, 128, 256)
DEPENDS_FILE = HERE / "depends.txt"
MAINTAINER = "ReportDesk <reportdesk@localhost>"


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def machine_arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


# --- Depends ------------------------------------------------------------------------------

def _review_lines(path: Path = DEPENDS_FILE) -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def reviewed_depends(path: Path = DEPENDS_FILE) -> list[str]:
    """The reviewed list: one dependency a line (``a | b`` for alternatives), ``#`` comments."""
    return [line for line in _review_lines(path) if not line.startswith("-")]


def ignored_libraries(path: Path = DEPENDS_FILE) -> set[str]:
    """Libraries reviewed as not needed (``-libname.so.N`` lines)."""
    return {line[1:].strip() for line in _review_lines(path) if line.startswith("-")}


def glibc_version(bundle: Path) -> str | None:
    """The newest GLIBC symbol version any ELF file of the bundle needs (libc6's minimum)."""
    newest: tuple[int, ...] = ()
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink() and _is_elf(path):
            done = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True)
            for found in re.findall(r"GLIBC_(\d+(?:\.\d+)+)", done.stdout):
                newest = max(newest, tuple(int(x) for x in found.split(".")))
    return ".".join(map(str, newest)) if newest else None


def depends(bundle: Path) -> list[str]:
    """The reviewed list, libc6 with the version the bundle needs."""
    glibc = glibc_version(bundle)
    return [f"libc6 (>= {glibc})" if entry == "libc6" and glibc else entry for entry in reviewed_depends()]


def _is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:
            return stream.read(4) == b"\x7fELF"
    except OSError:
        return False


def needed_libraries(bundle: Path) -> dict[str, list[str]]:
    """Shared libraries the bundle's ELF files need and the bundle does not hold: name → users."""
    held = {p.name for p in bundle.rglob("*") if p.is_file() or p.is_symlink()}
    needed: dict[str, list[str]] = {}
    for path in sorted(bundle.rglob("*")):
        if not path.is_file() or path.is_symlink() or not _is_elf(path):
            continue
        done = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True)
        for name in re.findall(r"^\s*NEEDED\s+(\S+)", done.stdout, re.M):
            if name not in held:
                needed.setdefault(name, []).append(str(path.relative_to(bundle)))
    return needed


def library_packages(names: list[str]) -> dict[str, str | None]:
    """The Debian package that ships each library on this machine (``dpkg -S``), None if none."""
    found: dict[str, str | None] = {}
    for name in names:
        done = subprocess.run(["dpkg", "-S", f"*/{name}"], capture_output=True, text=True)
        packages = sorted({line.split(":", 1)[0].split(",")[0].strip() for line in done.stdout.splitlines()
                           if ":" in line and "diversion" not in line})
        found[name] = packages[0] if packages else None
    return found


def _alternatives(entry: str) -> set[str]:
    return {re.split(r"[\s(]", alt.strip(), maxsplit=1)[0] for alt in entry.split("|")}


def missing_from_review(bundle: Path, reviewed: list[str] | None = None) -> dict[str, str | None]:
    """Libraries whose package (on this machine) the reviewed list does not name: library → package."""
    covered = set().union(*(_alternatives(e) for e in (reviewed or reviewed_depends())))
    packages = library_packages(sorted(set(needed_libraries(bundle)) - ignored_libraries()))
    return {lib: pkg for lib, pkg in packages.items()
            if (pkg.split(":")[0] if pkg else debian_name(lib)) not in covered}


def debian_name(soname: str) -> str:
    """The package Debian's naming policy gives a library not installed here: libfoo.so.1 → libfoo1."""
    base, _, number = soname.partition(".so.")
    return f"{base}{'-' if base[-1:].isdigit() else ''}{number.split('.')[0]}".lower()


# --- the package tree -----------------------------------------------------------------------

WRAPPER = """#!/bin/sh
# ReportDesk (installed by the reportdesk package): the frozen app lives in {prefix}.
exec {prefix}/{name} "$@"
"""

REFRESH = """# Refresh the desktop, MIME and icon caches where the tools exist (UOS, Kylin, Debian, Ubuntu).
refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q /usr/share/applications || true
    fi
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database /usr/share/mime || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f /usr/share/icons/hicolor/index.theme ]; then
        gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
    fi
}
"""

POSTINST = """#!/bin/sh
set -e
""" + REFRESH + """
case "$1" in
    configure) refresh ;;
esac
exit 0
"""

# Users' drafts and settings live in their home folders (~/.local/share/ReportDesk,
# REPORTDESK_HOME): neither remove nor purge goes near them.
POSTRM = """#!/bin/sh
set -e
""" + REFRESH + """
case "$1" in
    remove|purge) refresh ;;
esac
exit 0
"""

DESCRIPTION = """\
Government information disclosure annual report editor
 ReportDesk (信息公开年报助手) compiles, checks and exports the yearly
 政府信息公开工作年度报告 in the official format of 国办公开办函〔2021〕30号:
 the three statistical tables as guided forms with live consistency checks,
 drafts saved safely on the local disk, export to Word, Excel and PDF, and a
 batch check of many reports for reviewers. Works offline."""


def _copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, symlinks=True)
    for path in [target, *target.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if os.access(path, os.X_OK) or _is_elf(path) else 0o644)


def _write(path: Path, text: str | bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def _render_icons(svg: Path) -> dict[int, bytes]:
    spec = importlib.util.spec_from_file_location("_reportdesk_linux_install", LINUX / "install.py")
    assert spec is not None and spec.loader is not None
    linux_install = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(linux_install)
    with tempfile.TemporaryDirectory(prefix="reportdesk-icons-") as tmp:
        paths = {size: Path(tmp) / f"{size}.png" for size in ICON_SIZES}
        linux_install.render_pngs(svg, paths)
        return {size: path.read_bytes() for size, path in paths.items()}


def installed_size_kib(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024 + 1


def control(arch: str, size_kib: int, depends: list[str]) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version()}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Description: {DESCRIPTION}\n"
    )


def stage(bundle: Path, root: Path, arch: str, depends: list[str]) -> Path:
    """Lay out the package tree in *root* (the future ``/``)."""
    for name in COMMANDS:
        if not (bundle / name).is_file():
            raise SystemExit(f"{bundle} 不是冻结版程序文件夹（缺少 {name}）：请先运行 packaging/build.py。")
    _copy_tree(bundle, root / PREFIX.lstrip("/"))
    for name in COMMANDS:
        _write(root / "usr" / "bin" / name, WRAPPER.format(prefix=PREFIX, name=name), 0o755)
    share = root / "usr" / "share"
    _write(share / "applications" / f"{APP_ID}.desktop", (LINUX / f"{APP_ID}.desktop").read_bytes())
    _write(share / "mime" / "packages" / f"{APP_ID}.xml", (LINUX / f"{APP_ID}.mime.xml").read_bytes())
    _write(share / "metainfo" / f"{APP_ID}.metainfo.xml", (LINUX / f"{APP_ID}.metainfo.xml").read_bytes())
    svg = ROOT / "resources" / "icons" / "reportdesk.svg"
    hicolor = share / "icons" / "hicolor"
    _write(hicolor / "scalable" / "apps" / f"{APP_ID}.svg", svg.read_bytes())
    for size, png in _render_icons(svg).items():
        _write(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png", png)
    _write(share / "doc" / PACKAGE / "copyright",
           "ReportDesk, with Python, Qt (PySide6, LGPL-3.0), python-docx, openpyxl and lxml.\n"
           "The licences of the bundled components are in /opt/reportdesk/_internal.\n")
    for path in [root / "usr", *(root / "usr").rglob("*")]:
        if path.is_dir():
            path.chmod(0o755)
    debian = root / "DEBIAN"
    debian.mkdir(mode=0o755)
    _write(debian / "postinst", POSTINST, 0o755)
    _write(debian / "postrm", POSTRM, 0o755)
    _write(debian / "control", control(arch, installed_size_kib(root), depends))
    return root


def build_deb(bundle: Path, out: Path, arch: str | None = None) -> Path:
    arch = arch or machine_arch()
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{PACKAGE}_{version()}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="reportdesk-deb-") as tmp:
        root = stage(bundle.resolve(), Path(tmp) / "root", arch, depends(bundle.resolve()))
        done = subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z3", "--build", str(root), str(target)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"dpkg-deb 失败：{done.stderr.strip()}")
    print(f"{target}: {target.stat().st_size / 2**20:.1f} MiB", flush=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="用 dpkg-deb 构建 ReportDesk 的 .deb 安装包（统信 UOS、麒麟、Debian、Ubuntu）。")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "ReportDesk", help="冻结版程序文件夹")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="输出文件夹")
    parser.add_argument("--arch", help="软件包架构（默认取本机 dpkg --print-architecture）")
    parser.add_argument("--find-depends", action="store_true",
                        help="列出程序依赖的系统库及其软件包，并指出 depends.txt 中尚未列出的")
    args = parser.parse_args(argv)
    if args.find_depends:
        needed = needed_libraries(args.bundle)
        packages = library_packages(sorted(needed))
        for lib in sorted(needed):
            print(f"{lib}\t{packages[lib] or '（未找到软件包）'}\t{needed[lib][0]}")
        missing = missing_from_review(args.bundle)
        if missing:
            print("depends.txt 尚未列出：" + "、".join(f"{lib}（{pkg}）" for lib, pkg in sorted(missing.items())),
                  file=sys.stderr)
            return 1
        return 0
    build_deb(args.bundle, args.out, args.arch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
