"""Bundled fonts, the QSS theme, icons and translations, loaded once at start."""

from functools import cache

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from hallapp.paths import resources_dir

FONT_FILE = "fonts/wqy-zenhei-subset.ttf"
FALLBACK_FAMILY = "WenQuanYi Zen Hei"
LANGUAGES = ("zh_CN", "en")
_translators: list[QTranslator] = []


def load_fonts(app: QApplication) -> str:
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    family = families[0] if families else FALLBACK_FAMILY
    font = QFont(family)
    font.setPixelSize(15)
    app.setFont(font)
    return family


def load_theme(app: QApplication) -> None:
    qss = (resources_dir() / "theme" / "hallapp.qss").read_text(encoding="utf-8")
    app.setStyleSheet(qss)


@cache
def icon(name: str, variant: str = "") -> QIcon:
    """An icon from resources/icons (variant '', 'light' or 'accent')."""
    folder = resources_dir() / "icons" / variant if variant else resources_dir() / "icons"
    return QIcon(str(folder / f"{name}.svg"))


def saved_language() -> str:
    value = QSettings().value("ui/language", "zh_CN")
    return value if value in LANGUAGES else "zh_CN"


def save_language(language: str) -> None:
    QSettings().setValue("ui/language", language)


def install_language(app: QCoreApplication, language: str) -> None:
    """Swap the app's translators; zh_CN is the default, en is the source language."""
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "translations" / f"hallapp_{language}.qm")):
        _translators.append(ours)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _translators.append(qt_own)
    for translator in _translators:
        app.installTranslator(translator)
