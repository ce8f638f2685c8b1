"""The UI language: Chinese (the source language) by default, English by the system locale or a setting.

The setting is ``ui/language`` in the app's settings file (``zh_CN`` or ``en``; absent or anything else:
follow the system locale, where an English locale gives English and every other one Chinese).  The
compiled translations ``reportdesk_<language>.qm`` live in ``resources/translations/`` of the installed
package (the wheel build compiles them from the committed ``.ts`` files; see tools/translations.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reportdesk.places import resources_dir
from reportdesk.ui.settings import app_settings

log = logging.getLogger(__name__)

LANGUAGE_KEY = "ui/language"
SOURCE_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")

# The translators this module installed.  Looking them up with app.findChildren(QTranslator) would
# wrap every child of the application, the QStyle among them, and building the QStyle class's
# enums costs ~4 ms at start-up.
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def choose_language(setting: object, system: QLocale) -> str:
    """The language to show: the setting when it names one we have, else English for an English
    system locale and Chinese for every other."""
    if isinstance(setting, str) and setting in LANGUAGES:
        return setting
    if system.language() == QLocale.Language.English:
        return "en"
    return SOURCE_LANGUAGE


def configured_language() -> str:
    return choose_language(app_settings().value(LANGUAGE_KEY), QLocale.system())


def install_translators(app: QCoreApplication, language: str | None = None,
                        folder: Path | None = None) -> list[QTranslator]:
    """Install ReportDesk's and Qt's own translations for *language* (default: the setting or the
    system locale), replacing the ones installed before; returns the installed ones."""
    language = language or configured_language()
    folder = folder or translations_dir()
    while _installed:
        existing = _installed.pop()
        if shiboken6.isValid(existing):
            app.removeTranslator(existing)
            existing.deleteLater()
    installed = []
    ours = QTranslator(app)
    if ours.load(str(folder / f"reportdesk_{language}.qm")):
        installed.append(ours)
    elif language != SOURCE_LANGUAGE:
        log.warning("no compiled translation reportdesk_%s.qm in %s; the UI stays in Chinese", language, folder)
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt)
    for translator in installed:
        app.installTranslator(translator)
    _installed.extend(installed)
    log.info("UI language %s (%d translators)", language, len(installed))
    return installed
