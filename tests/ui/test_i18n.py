"""The UI language: chosen by the setting or the system locale; the English UI really shows English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from reportdesk.ui import i18n
from reportdesk.ui.main_window import ReportWindow
from reportdesk.ui.settings import app_settings
from tests.translations_tool import load as load_translations_tool


@pytest.fixture(scope="module")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed .ts files compiled with lrelease, as the wheel build does."""
    folder = tmp_path_factory.mktemp("qm")
    load_translations_tool().compile_all(folder)
    return folder


@pytest.fixture
def english(qapp: QApplication, qm_dir: Path) -> Iterator[list[QTranslator]]:
    installed = i18n.install_translators(qapp, "en", folder=qm_dir)
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize(("setting", "system", "expected"), [
    ("en", QLocale(QLocale.Language.Chinese, QLocale.Country.China), "en"),
    ("zh_CN", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "zh_CN"),
    (None, QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom), "en"),
    (None, QLocale(QLocale.Language.Chinese, QLocale.Country.China), "zh_CN"),
    (None, QLocale(QLocale.Language.French, QLocale.Country.France), "zh_CN"),
    ("fr", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "en"),  # unknown setting: locale
])
def test_choose_language(setting: object, system: QLocale, expected: str) -> None:
    assert i18n.choose_language(setting, system) == expected


def test_the_setting_is_read_from_the_settings_file(qapp: QApplication) -> None:
    settings = app_settings()
    settings.setValue(i18n.LANGUAGE_KEY, "en")
    settings.sync()
    assert i18n.configured_language() == "en"
    settings.setValue(i18n.LANGUAGE_KEY, "zh_CN")
    settings.sync()
    assert i18n.configured_language() == "zh_CN"


def test_english_ui_shows_english(qtbot, english: list[QTranslator]) -> None:  # type: ignore[no-untyped-def]
    assert english, "reportdesk_en.qm did not load"
    window = ReportWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Report", "&Help"]
    visible = [w.text() for w in window.findChildren(QAbstractButton) + window.findChildren(QLabel)
               if w.isVisible()]
    assert "New report…" in visible
    assert "Open the sample report" in visible
    assert not any("新建报告" in text for text in visible)
    window.close()


def test_chinese_is_the_source_and_needs_no_translation(qtbot, qapp: QApplication, qm_dir: Path) -> None:  # type: ignore[no-untyped-def]
    installed = i18n.install_translators(qapp, "zh_CN", folder=qm_dir)
    try:
        window = ReportWindow()
        qtbot.addWidget(window)
        assert [a.text() for a in window.menuBar().actions()] == ["文件(&F)", "编辑(&E)", "报告(&R)", "帮助(&H)"]
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_a_missing_translation_leaves_chinese_and_says_so(qapp: QApplication, tmp_path: Path,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    installed = i18n.install_translators(qapp, "en", folder=tmp_path)
    try:
        assert not any(t.filePath().endswith("reportdesk_en.qm") for t in installed)
        assert "reportdesk_en.qm" in caplog.text
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
