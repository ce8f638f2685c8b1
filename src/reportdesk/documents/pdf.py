"""PDF through LibreOffice: ``soffice --headless --convert-to pdf`` on an exported file.

LibreOffice runs with a private profile folder (``-env:UserInstallation``) so that it
neither collides with a LibreOffice the user has open nor leaves settings behind, and
under a timeout so that a hung conversion cannot block the application.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportdesk.core.records import record
from reportdesk.documents.files import ExportError, write_atomically

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 180
SOFFICE_ENV = "REPORTDESK_SOFFICE"

_KNOWN_PLACES = {
    "win32": [
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    ],
    "darwin": ["/Applications/LibreOffice.app/Contents/MacOS/soffice"],
}

NOT_INSTALLED = (
    "未找到 LibreOffice（soffice），无法生成 PDF。请安装 LibreOffice（https://zh-cn.libreoffice.org）后重试，"
    "或导出 Word 文件后在 Word / WPS 中“另存为 PDF”。"
)


def find_soffice() -> str | None:
    """The LibreOffice program: ``$REPORTDESK_SOFFICE``, then the PATH, then the usual install folders."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        return configured if Path(configured).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for place in _KNOWN_PLACES.get(sys.platform, []):
        if Path(place).is_file():
            return place
    return None


# The faces a document may ask for, and the installed faces that come closest, best first.
# Debian packages: fonts-noto-cjk (Noto Serif/Sans CJK SC), fonts-arphic-ukai / -uming (AR PL
# UKai / UMing CN), fonts-cwtex-fs (cwTeXFangSong: a real 仿宋, but only traditional
# characters, so it is used only where it covers simplified text).
_SONG = ["SimSun", "AR PL UMing CN", "Noto Serif CJK SC", "Source Han Serif SC"]
_CLOSEST: dict[str, list[str]] = {
    "仿宋_GB2312": ["仿宋", "FangSong", "cwTeXFangSong", "Noto Serif CJK SC", "AR PL UMing CN"],
    "仿宋": ["FangSong", "仿宋_GB2312", "cwTeXFangSong", "Noto Serif CJK SC", "AR PL UMing CN"],
    "楷体_GB2312": ["楷体", "KaiTi", "AR PL UKai CN", "Noto Serif CJK SC"],
    "楷体": ["KaiTi", "楷体_GB2312", "AR PL UKai CN", "Noto Serif CJK SC"],
    "方正小标宋简体": ["FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "AR PL UMing CN"],
    "宋体": _SONG,
    "黑体": ["SimHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei"],
}
HEAVY_FACES = {"方正小标宋简体"}
#: Simplified characters a substitute must have (a traditional-only face would mix in
#: glyphs of another face for these).
_SIMPLIFIED_SAMPLE = "报数统计处门总务"


@record
class FontChoice:
    requested: str
    used: str  # "" when nothing close is installed (LibreOffice's own fallback applies)


def installed_families() -> set[str] | None:
    """Font families fontconfig knows, or None where there is no fontconfig (Windows, macOS)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        done = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return {name.strip() for line in done.stdout.splitlines() for name in line.split(",") if name.strip()}


def _covers_simplified(family: str) -> bool:
    pattern = f":family={family}:charset=" + " ".join(f"{ord(ch):x}" for ch in _SIMPLIFIED_SAMPLE)
    try:
        done = subprocess.run(["fc-list", pattern, "family"], capture_output=True, text=True, timeout=30,
                              check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return bool(done.stdout.strip())


def choose_fonts(requested: Sequence[str], installed: set[str]) -> list[FontChoice]:
    """For each requested face that is not installed, the closest installed face."""
    choices = []
    for name in dict.fromkeys(requested):
        if name in installed:
            continue
        used = next((c for c in _CLOSEST.get(name, _SONG) if c in installed and _covers_simplified(c)), "")
        choices.append(FontChoice(name, used))
    return choices


def fontconfig_file(choices: Sequence[FontChoice], folder: Path) -> Path:
    """A fontconfig configuration: the system's, plus each missing face mapped to its choice."""
    rules = []
    for choice in choices:
        if choice.used:
            # 小标宋 is a heavy Song: its substitute is set bold (a Song face's bold comes closest)
            heavy = ('<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>'
                     if choice.requested in HEAVY_FACES else "")
            rules.append(
                f'<match target="pattern"><test name="family" qual="any"><string>{escape(choice.requested)}'
                f'</string></test><edit name="family" mode="prepend" binding="strong"><string>'
                f"{escape(choice.used)}</string></edit>{heavy}</match>")
    path = folder / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f'<cachedir>{escape(str(folder / "fc-cache"))}</cachedir>{"".join(rules)}</fontconfig>\n',
        encoding="utf-8")
    return path


def describe(choices: Sequence[FontChoice]) -> list[str]:
    """The substitutions in words, for the export result: "仿宋_GB2312 → Noto Serif CJK SC"."""
    return [f"{c.requested} → {c.used}" if c.used else f"{c.requested} → （未找到相近字体，由 LibreOffice 自行替代）"
            for c in choices]


def convert_to_pdf(source: Path, target: Path, timeout: float = TIMEOUT_SECONDS,
                   fonts: Sequence[str] = ()) -> list[str]:
    """Convert *source* (.docx or .xlsx) to the PDF *target*, atomically.

    *fonts* are the faces the document asks for; those not installed are mapped to the
    closest installed face through a fontconfig configuration given to LibreOffice (where
    fontconfig exists).  Returns the substitutions made, in words (empty when none).
    """
    soffice = find_soffice()
    if soffice is None:
        raise ExportError(NOT_INSTALLED, "no_libreoffice")
    source = Path(source).resolve()
    with tempfile.TemporaryDirectory(prefix="reportdesk-pdf-") as work:
        work_dir = Path(work)
        env = dict(os.environ)
        installed = installed_families() if fonts else None
        choices = choose_fonts(fonts, installed) if installed is not None else []
        if choices:
            env["FONTCONFIG_FILE"] = str(fontconfig_file(choices, work_dir))
        profile = (work_dir / "profile").as_uri()
        out_dir = work_dir / "out"
        out_dir.mkdir()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
                   "--convert-to", "pdf", "--outdir", str(out_dir), str(source)]
        log.info("running %s", command)
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False,
                                  stdin=subprocess.DEVNULL, env=env)
        except subprocess.TimeoutExpired as exc:
            raise ExportError(
                f"LibreOffice 转换 PDF 超时（超过 {int(timeout)} 秒）。请关闭正在运行的 LibreOffice 后重试，"
                "或在 Word / WPS 中打开导出的文件另存为 PDF。", "timeout"
            ) from exc
        except OSError as exc:
            raise ExportError(f"无法启动 LibreOffice（{soffice}）：{exc.strerror or exc}。{NOT_INSTALLED}",
                              "no_libreoffice") from exc
        produced = out_dir / f"{source.stem}.pdf"
        if done.returncode != 0 or not produced.is_file():
            detail = (done.stderr or done.stdout).decode(errors="replace").strip()[-300:]
            raise ExportError(
                f"LibreOffice 未能把“{source.name}”转换为 PDF（退出码 {done.returncode}）。"
                f"{('详细信息：' + detail) if detail else ''}请在 Word / WPS 中打开该文件另存为 PDF。",
                "conversion",
            )
        def copy(temp: Path) -> None:
            shutil.copyfile(produced, temp)

        write_atomically(Path(target), copy)
    return describe(choices)
