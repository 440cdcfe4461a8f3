"""The window's language: Qt translators for our strings and for Qt's stock dialogs.

Our catalogues are compiled from ``translations/btt_desktop_<lang>.ts`` into
``btt_desktop/translations/btt_desktop_<lang>.qm`` when the package is built or installed
(``setup.py``; docs/translations.md) and found with :mod:`importlib.resources`. Qt's own
catalogue (``qtbase_<lang>.qm``: QFileDialog, QMessageBox buttons) comes from
``QLibraryInfo.path(TranslationsPath)``; the PySide6 wheels ship it.

The language is chosen at startup from the setting (``""`` follows the system locale). A
change in Settings applies at the next start: the widgets set their text once, when they
are built.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CATALOGUE = "btt_desktop"
SYSTEM = ""
ENGLISH = "en"

#: Language setting -> native name. ``""`` follows the system; English is the source text.
LANGUAGES: dict[str, str] = {
    SYSTEM: "",  # shown as the translated "System default"
    ENGLISH: "English",
    "zh_CN": "简体中文",
    "es": "Español",
    "ru": "Русский",
}
TRANSLATED = ("zh_CN", "es", "ru")


def language_label(code: str) -> str:
    """What the Settings list shows for ``code``: the native name, or "System default"."""
    if code == SYSTEM:
        return QCoreApplication.translate("Language", "System default")
    return LANGUAGES.get(code, code)


def catalogue_dir() -> Traversable:
    """The packaged folder of compiled ``.qm`` catalogues."""
    return files("btt_desktop").joinpath("translations")


def catalogue_file(code: str) -> Traversable:
    return catalogue_dir().joinpath(f"{CATALOGUE}_{code}.qm")


def resolve(code: str, system: QLocale | None = None) -> str:
    """The catalogue to load for the setting ``code``: one of :data:`TRANSLATED`, or
    :data:`ENGLISH` when nothing matches (the source text)."""
    if code == SYSTEM:
        locale = system if system is not None else QLocale.system()
        if locale.language() == QLocale.Language.Chinese:
            # Simplified Chinese is the one we have; its uiLanguages also list plain "zh"
            traditional = locale.script() == QLocale.Script.TraditionalHanScript
            return ENGLISH if traditional else "zh_CN"
        for name in locale.uiLanguages():
            match = _match(name.replace("-", "_"))
            if match:
                return match
        return ENGLISH
    return _match(code) or ENGLISH


def _match(name: str) -> str | None:
    if name in TRANSLATED:
        return name
    language = name.split("_")[0]
    if language == "zh":
        return "zh_CN" if QLocale(name).script() != QLocale.Script.TraditionalHanScript \
            else None
    return language if language in TRANSLATED else None


@dataclass
class Translators:
    """The translators installed in the application (kept alive here)."""

    language: str = ENGLISH
    installed: list[QTranslator] = field(default_factory=list)

    @property
    def has_qt_catalogue(self) -> bool:
        return any(t.objectName() == "qtbase" for t in self.installed)

    def remove(self) -> None:
        for translator in self.installed:
            QCoreApplication.removeTranslator(translator)
        self.installed.clear()


def install_translators(setting: str, system: QLocale | None = None) -> Translators:
    """Load and install the catalogues for the language ``setting``.

    A missing catalogue is logged and the source text (English) shows: a language must
    never stop the window from opening.
    """
    code = resolve(setting, system)
    result = Translators(language=code)
    if code == ENGLISH:
        QLocale.setDefault(QLocale("en_US"))
        return result
    QLocale.setDefault(QLocale(code))
    qt = QTranslator(QCoreApplication.instance())
    qt.setObjectName("qtbase")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{code}", qt_dir):
        result.installed.append(qt)
    else:
        log.info("no Qt catalogue for %s in %s", code, qt_dir)
    ours = QTranslator(QCoreApplication.instance())
    ours.setObjectName(CATALOGUE)
    source = catalogue_file(code)
    try:
        with as_file(source) as path:
            loaded = path.is_file() and ours.load(str(path))
    except OSError:
        loaded = False
    if loaded:
        result.installed.append(ours)
    else:
        log.warning("the %s translation is missing from the installation (%s)", code, source)
    for translator in result.installed:
        QCoreApplication.installTranslator(translator)
    return result
