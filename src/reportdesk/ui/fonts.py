"""The app's own UI font, and which of the document's fonts this computer has.

Qt falls back to whatever it finds for Chinese text; on a Windows without Noto the result
can be a bitmap-looking face.  The UI asks for Noto Sans CJK SC and, where it is absent,
Microsoft YaHei (every Windows since Vista) and SimSun, by their Windows family names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:  # the export page asks; start-up only sets the UI font
    from reportdesk.app.exporting import FontSet

UI_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "微软雅黑", "Microsoft YaHei UI",
               "SimSun", "宋体", "WenQuanYi Micro Hei", "PingFang SC")


def installed_families() -> set[str]:
    from PySide6.QtGui import QFontDatabase  # the export page asks; its enums cost start-up time

    return set(QFontDatabase.families())


def apply_ui_font(app: QApplication) -> None:
    """Ask for :data:`UI_FAMILIES` in order: Qt draws with the first one installed and fills missing glyphs
    from the next ones, skipping the absent ones.  The list is not filtered against the installed
    families first: listing them makes Qt enumerate every font on the computer, a cost at every start."""
    font = QFont(app.font())
    font.setFamilies(list(UI_FAMILIES))
    app.setFont(font)


def font_report(font_set: FontSet, installed: set[str]) -> str:
    """One line for the export page: which requested faces are missing and what Word will use."""
    from reportdesk.app.exporting import missing_faces

    missing = missing_faces(font_set, installed)
    if not missing:
        return QApplication.translate("ExportPanel", "本机已安装所选字体。")
    parts = []
    for face, fallback, present in missing:
        text = QApplication.translate("ExportPanel", "{0} → Word 将改用 {1}").format(face, fallback)
        if not present:
            text += QApplication.translate("ExportPanel", "（本机也没有，由 Word/WPS 自行替代）")
        parts.append(text)
    return QApplication.translate("ExportPanel", "本机缺少所选字体，在本机打开时：") + "；".join(parts) + QApplication.translate(
        "ExportPanel", "。文件中仍写所选字体，在装有这些字体的电脑上按原字体显示和打印。")
