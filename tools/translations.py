"""The UI translations: extract (lupdate), check, and compile (lrelease).

    python tools/translations.py update     # re-extract src/reportdesk/ui into resources/translations/*.ts
    python tools/translations.py check      # exit 1 and list every unfinished or obsolete entry
    python tools/translations.py compile [--out DIR]   # .ts -> .qm (default: next to the .ts, git-ignored)

The source strings are Chinese, so ``reportdesk_zh_CN.ts`` is the identity translation: ``update``
fills it in and marks it finished.  ``reportdesk_en.ts`` is translated by hand (Qt Linguist or an
editor); ``update`` leaves new English entries unfinished, and ``check`` (run by the test suite) fails
until someone translates them.  ``.qm`` files are generated: the wheel build compiles them
(hatch_build.py) and packaging/build.py ships them in the frozen app; they are never committed.

Used as a script and loaded by path from hatch_build.py, packaging/build.py and the tests, so it
imports nothing from reportdesk and needs only PySide6's lupdate/lrelease.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TS_DIR = REPO / "resources" / "translations"
UI_DIR = REPO / "src" / "reportdesk" / "ui"
LANGUAGES = ("zh_CN", "en")
IDENTITY = "zh_CN"  # the source language: its translation is the source text


def ts_path(language: str) -> Path:
    return TS_DIR / f"reportdesk_{language}.ts"


def qt_tool(name: str) -> Path:
    """PySide6's bundled ``lupdate``/``lrelease`` (or the ``pyside6-NAME`` wrapper on PATH)."""
    try:
        import PySide6
    except ImportError:
        PySide6 = None
    if PySide6 is not None:
        folder = Path(PySide6.__file__).resolve().parent
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.is_file():
                return candidate
    wrapper = shutil.which(f"pyside6-{name}")
    if wrapper:
        return Path(wrapper)
    raise SystemExit(f"找不到 Qt 工具 {name}：请先安装 PySide6-Essentials（pip install PySide6-Essentials）。")


@dataclass(frozen=True, slots=True)
class Problem:
    ts: str
    context: str
    source: str
    kind: str  # "unfinished", "obsolete", "vanished", "empty"

    def __str__(self) -> str:
        return f"{self.ts}: [{self.context}] “{self.source}”：{self.kind}"


def problems(ts: Path) -> list[Problem]:
    """Every entry of *ts* that is not a finished, current translation."""
    found = []
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "empty"
            if (kind is None and translation is not None and not (translation.text or "").strip()
                    and not any((form.text or "").strip() for form in translation)):
                kind = "empty"
            if kind is not None:
                found.append(Problem(ts.name, name, source, kind))
    return found


def update(ts_dir: Path = TS_DIR, sources: Path = UI_DIR) -> list[Path]:
    """Run lupdate over *sources* into each .ts (keeping what is translated, dropping what vanished)."""
    ts_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for language in LANGUAGES:
        ts = ts_dir / f"reportdesk_{language}.ts"
        args = [str(qt_tool("lupdate")), "-no-obsolete", "-locations", "none", "-source-language", "zh_CN",
                "-target-language", language, *(str(p) for p in sorted(sources.rglob("*.py"))), "-ts", str(ts)]
        done = subprocess.run(args, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"lupdate 失败（{ts.name}）：\n{done.stdout}{done.stderr}")
        if language == IDENTITY:
            fill_identity(ts)
        written.append(ts)
    return written


def fill_identity(ts: Path) -> None:
    """Make every entry of the source-language .ts finished, translated as itself."""
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.get("type") == "unfinished":
            del translation.attrib["type"]
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            ET.SubElement(translation, "numerusform").text = message.findtext("source")
            translation.text = None
        else:
            translation.text = message.findtext("source")
    ET.indent(tree, space="    ")
    with ts.open("wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
        handle.write(b"\n")


def compile_all(out_dir: Path | None = None, ts_dir: Path = TS_DIR) -> list[Path]:
    """lrelease every .ts of *ts_dir* into *out_dir* (default: beside it); returns the .qm files."""
    out_dir = out_dir or ts_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(ts_dir.glob("reportdesk_*.ts")):
        qm = out_dir / f"{ts.stem}.qm"
        done = subprocess.run([str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)],
                              capture_output=True, text=True)
        if done.returncode != 0 or not qm.is_file():
            raise SystemExit(f"lrelease 失败（{ts.name}）：\n{done.stdout}{done.stderr}")
        written.append(qm)
    if not written:
        raise SystemExit(f"{ts_dir} 中没有 reportdesk_*.ts 翻译文件。")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ReportDesk 界面翻译：提取、检查、编译。")
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("update", help="用 lupdate 重新提取界面字符串")
    sub.add_parser("check", help="列出未完成或已废弃的翻译条目")
    compile_parser = sub.add_parser("compile", help="用 lrelease 生成 .qm")
    compile_parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.action == "update":
        for ts in update():
            print(ts)
        args.action = "check"
    if args.action == "compile":
        for qm in compile_all(args.out):
            print(qm)
        return 0
    found = [p for language in LANGUAGES for p in problems(ts_path(language))]
    for problem in found:
        print(problem)
    print(f"{len(found)} 个条目未完成或已废弃。" if found else "翻译完整。")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
