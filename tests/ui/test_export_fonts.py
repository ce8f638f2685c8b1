"""The export page says which requested fonts this computer lacks (by their Windows names too)
and what Word will use; the UI font prefers Noto, then Microsoft YaHei / SimSun."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from reportdesk.documents.options import FontSet, missing_faces
from reportdesk.ui.fonts import UI_FAMILIES, apply_ui_font, font_report
from reportdesk.ui.main_window import ReportWindow

WINDOWS_CHINESE = {"Microsoft YaHei", "SimSun", "SimHei", "FangSong", "KaiTi", "Times New Roman"}


def test_a_stock_chinese_windows_lacks_the_gb2312_faces_and_word_uses_the_windows_ones() -> None:
    missing = missing_faces(FontSet.GB2312, WINDOWS_CHINESE)
    assert missing == [("方正小标宋简体", "宋体", True), ("楷体_GB2312", "楷体", True), ("仿宋_GB2312", "仿宋", True)]
    assert missing_faces(FontSet.WINDOWS, WINDOWS_CHINESE) == []  # English family names count
    assert missing_faces(FontSet.WINDOWS, {"仿宋", "楷体", "宋体", "黑体"}) == []  # and Chinese ones


def test_ui_font_is_the_first_installed_of_noto_yahei_and_simsun(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The app asks for the whole list; what draws is the first family this computer has, even when the
    ones before it (the Windows names, on this Linux) are absent."""
    assert UI_FAMILIES.index("Microsoft YaHei") < UI_FAMILIES.index("SimSun")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())
    try:
        apply_ui_font(app)
        label = QLabel("政府信息公开")
        qtbot.addWidget(label)
        present = [f for f in UI_FAMILIES if f in set(QFontDatabase.families())]
        assert present, "the test machine has Noto Sans CJK SC (fonts-noto-cjk)"
        assert label.fontInfo().family() == present[0]
        absent_first = QFont(label.font())
        absent_first.setFamilies(["Microsoft YaHei", "SimSun", *present])
        label.setFont(absent_first)
        if not {"Microsoft YaHei", "SimSun"} & set(QFontDatabase.families()):
            assert label.fontInfo().family() == present[0]
    finally:
        app.setFont(before)


def test_export_page_lists_the_missing_fonts(qtbot, window: ReportWindow) -> None:  # type: ignore[no-untyped-def]
    window.workspace.go_to_step("export")
    panel = window.workspace.page("export").export_panel  # type: ignore[attr-defined]
    installed = set(QFontDatabase.families())
    assert panel.font_check.text() == font_report(FontSet.GB2312, installed)
    if "仿宋_GB2312" not in installed:
        assert "仿宋_GB2312 → Word 将改用 仿宋" in panel.font_check.text()
    panel.fonts.setFocus()
    QTest.keyClick(panel.fonts, Qt.Key.Key_Down)  # the Windows set
    assert panel.fonts.currentData() == FontSet.WINDOWS.value
    assert panel.font_check.text() == font_report(FontSet.WINDOWS, installed)
