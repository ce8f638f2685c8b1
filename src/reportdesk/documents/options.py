"""What an export is asked to do: the font set, where the tables go, the sign-off.

Kept free of office imports so that the UI's settings and the CLI can build options
without loading python-docx or openpyxl.
"""

from __future__ import annotations

import logging
import re
from enum import StrEnum

from reportdesk.core.records import record

log = logging.getLogger(__name__)

LATIN_FONT = "Times New Roman"


class FontSet(StrEnum):
    """Which Chinese font names the Word document asks for (a user setting).

    ``gb2312``: the names GB/T 9704 uses (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体), installed on
    most government computers.  ``windows``: the fonts every current Windows has (仿宋, 楷体,
    宋体, 黑体); the title then uses 宋体 in bold, since 方正小标宋简体 is a commercial font.
    """

    GB2312 = "gb2312"
    WINDOWS = "windows"


@record
class Fonts:
    title: str
    title_bold: bool
    heading1: str  # "一、"
    heading2: str  # "（一）"
    body: str  # body text and "1." headings
    table: str
    page_number: str


FONT_SETS: dict[FontSet, Fonts] = {
    FontSet.GB2312: Fonts(
        title="方正小标宋简体", title_bold=False, heading1="黑体", heading2="楷体_GB2312",
        body="仿宋_GB2312", table="宋体", page_number="宋体",
    ),
    FontSet.WINDOWS: Fonts(
        title="宋体", title_bold=True, heading1="黑体", heading2="楷体",
        body="仿宋", table="宋体", page_number="宋体",
    ),
}

FONT_SET_NAMES: dict[FontSet, str] = {
    FontSet.GB2312: "公文字体（仿宋_GB2312、楷体_GB2312、方正小标宋简体）",
    FontSet.WINDOWS: "Windows 自带字体（仿宋、楷体、宋体、黑体）",
}


#: Each Chinese face under the names a font database may list it by: as Word writes it, and
#: the English family name a Windows (or an English-language Windows) reports.
FACE_NAMES: dict[str, tuple[str, ...]] = {
    "仿宋_GB2312": ("仿宋_GB2312", "FangSong_GB2312"),
    "楷体_GB2312": ("楷体_GB2312", "KaiTi_GB2312"),
    "方正小标宋简体": ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK"),
    "仿宋": ("仿宋", "FangSong"),
    "楷体": ("楷体", "KaiTi"),
    "宋体": ("宋体", "SimSun"),
    "黑体": ("黑体", "SimHei"),
}
#: What Word uses when a requested face is missing: the ``w:altName`` of the font table.
WORD_FALLBACK: dict[str, str] = {
    "仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体",
    "仿宋": "宋体", "楷体": "宋体", "黑体": "宋体", "宋体": "宋体",
}


def faces(fonts: Fonts) -> list[str]:
    """The Chinese faces a font set asks for, each once."""
    return list(dict.fromkeys((fonts.title, fonts.heading1, fonts.heading2, fonts.body, fonts.table,
                               fonts.page_number)))


def has_face(face: str, installed: set[str]) -> bool:
    return any(name in installed for name in FACE_NAMES.get(face, (face,)))


def missing_faces(font_set: FontSet, installed: set[str]) -> list[tuple[str, str, bool]]:
    """The requested faces this computer lacks: (face, what Word uses instead, whether that is here)."""
    out = []
    for face in faces(FONT_SETS[font_set]):
        if not has_face(face, installed):
            fallback = WORD_FALLBACK.get(face, "宋体")
            out.append((face, fallback, has_face(fallback, installed)))
    return out


@record
class ExportOptions:
    """How to lay the report out.

    ``appendix``: the three tables go into an appendix "附件 政府信息公开情况统计表" at the end
    (as many agencies publish them) instead of under the headings 二、三、四 (the format's own
    placement).  ``sign_off``: end the text with the agency's name and ``sign_off_date``
    (free text or ``YYYY-MM-DD``; empty leaves the date line out).  ``internal_note``: a
    header line on every page ("内部审阅稿 — 尚有 3 个错误") for a report exported while it
    still has errors; empty (a clean export) leaves the header empty.
    """

    fonts: FontSet = FontSet.GB2312
    appendix: bool = False
    sign_off: bool = False
    sign_off_date: str = ""
    internal_note: str = ""


def internal_note(errors: int) -> str:
    """The header line of a report exported with *errors* errors ("" when there are none)."""
    return f"内部审阅稿 — 尚有 {errors} 个错误" if errors > 0 else ""


DEFAULT_OPTIONS = ExportOptions()

_ISO_DATE = re.compile(r"^\s*(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?\s*$")


def chinese_date(text: str) -> str:
    """``2023-01-20`` → ``2023年1月20日`` (the 成文日期 style); other text is kept as typed."""
    match = _ISO_DATE.match(text)
    if not match:
        return text.strip()
    year, month, day = (int(g) for g in match.groups())
    return f"{year}年{month}月{day}日"
