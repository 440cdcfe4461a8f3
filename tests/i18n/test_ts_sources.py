"""The .ts files hold exactly the text the window shows, each piece translated well."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from tests.i18n.string_audit import scan
from tests.i18n.ts_files import LANGUAGES, PLURAL_FORMS, ROOT, Message, read_ts, ts_path

pytestmark = pytest.mark.timeout(60)


def _update_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("btt_update", ROOT / "translations/update.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ts_files_match_the_source(tmp_path: Path) -> None:
    """Fails when text was added, changed or removed in ui/ or app.py without running
    ``python translations/update.py`` (and translating what it added)."""
    tool = _update_tool()
    fresh = tmp_path / "fresh_ru.ts"
    shutil.copy(ts_path("ru"), fresh)  # lupdate keeps translations; only the keys matter
    tool.run_lupdate([fresh])
    extracted = {m.key for m in read_ts(fresh)}
    for language in LANGUAGES:
        committed = {m.key for m in read_ts(ts_path(language))}
        new = sorted(extracted - committed)
        gone = sorted(committed - extracted)
        assert not new and not gone, (
            f"translations/btt_desktop_{language}.ts is stale: run translations/update.py;"
            f"\n  not yet in it: {new[:10]}\n  no longer in the source: {gone[:10]}")


def test_the_extraction_sees_helper_and_constant_contexts(tmp_path: Path) -> None:
    """``_tr("x")`` helpers and ``translate(CONTEXT, "x")`` reach the catalogue."""
    keys = {(m.context, m.source) for m in read_ts(ts_path("es"))}
    assert ("TorrentTableModel", "Down Speed") in keys        # a _tr() helper
    assert ("Protected", "Wrong password. Try again.") in keys  # a CONTEXT constant
    module = tmp_path / "probe.py"
    module.write_text('CTX = "Probe"\n\ndef _t(text):\n    """Doc."""\n'
                      '    return QCoreApplication.translate(CTX, text)\n\n'
                      'a = _t("first")\nb = QCoreApplication.translate(CTX, "second")\n')
    assert sorted(_update_tool().helper_messages(module)) == [("Probe", "first"),
                                                            ("Probe", "second")]


PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%n|%L?\d")
NUMBER = re.compile(r"\d+")
UNITS = ("BTT", "TRX", "GiB", "KiB", "MiB", "TRC-20", "BIP39", "*.torrent", "*.json", "\n")
PROBLEMS_ALLOWED_EMPTY: frozenset[str] = frozenset()


def _problems(message: Message, language: str) -> list[str]:
    problems = []
    if message.kind in {"unfinished", "vanished", "obsolete"}:
        problems.append(f"is {message.kind}")
    if message.numerus and len(message.translations) != PLURAL_FORMS[language]:
        problems.append(f"has {len(message.translations)} plural forms, "
                        f"{language} needs {PLURAL_FORMS[language]}")
    for text in message.translations:
        if not text.strip():
            problems.append("is empty")
            continue
        source_marks = sorted(set(PLACEHOLDER.findall(message.source)))
        marks = sorted(set(PLACEHOLDER.findall(text)))
        # a plural form may leave %n out only where the number is implied (Russian "one")
        if message.numerus:
            source_marks = [m for m in source_marks if m != "%n"]
            marks = [m for m in marks if m != "%n"]
        if source_marks != marks:
            problems.append(f"placeholders {marks} differ from the source's {source_marks}")
        plain_source = PLACEHOLDER.sub("", message.source)
        plain = PLACEHOLDER.sub("", text)
        missing_numbers = set(NUMBER.findall(plain_source)) - set(NUMBER.findall(plain))
        if missing_numbers:
            problems.append(f"loses the numbers {sorted(missing_numbers)}")
        for unit in UNITS:
            if message.source.count(unit) != text.count(unit):
                problems.append(f"changes how often {unit!r} appears")
        if re.search(r"&[^\s&]", message.source) and not re.search(r"&[^\s&]", text):
            problems.append("loses its keyboard accelerator (&)")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translation_is_finished_and_keeps_placeholders(language: str) -> None:
    messages = read_ts(ts_path(language))
    assert len(messages) > 500
    found = [f"{m.context}: {m.source!r} -> {m.translations!r} {p}"
             for m in messages for p in _problems(m, language)]
    assert not found, "\n".join(found[:30])


def test_the_placeholder_check_catches_broken_translations() -> None:
    """The check above fails for the mistakes it is there to catch."""
    def message(source: str, *translations: str, numerus: bool = False) -> Message:
        return Message("Ctx", source, "", numerus, "", translations)

    assert _problems(message("Sent {amount} {token}", "Enviados {importe} {token}"), "es")
    assert _problems(message("Word {n}:", ""), "ru")
    assert _problems(message("12 words", "doce palabras"), "es")
    assert _problems(message("{amount} BTT", "{amount} ВТТ"), "ru")  # Cyrillic look-alikes
    assert _problems(message("&File", "Файл"), "ru")
    assert _problems(message("%n file(s)", "%n файл", "%n файла", numerus=True), "ru")
    assert _problems(message("%n file(s)", "%n 个文件", numerus=True), "zh_CN") == []
    assert _problems(message("Sent {amount} {token}", "Отправлено {amount} {token}"), "ru") == []
    unfinished = Message("Ctx", "Quit", "", False, "unfinished", ("Salir",))
    assert _problems(unfinished, "es") == ["is unfinished"]


def test_no_window_text_bypasses_translation() -> None:
    """Literal text handed to the widgets that show it, f-strings inside tr(), and
    bare ``tr`` aliases (lupdate gives those an empty context, Qt looks them up under
    the object's class) are all untranslatable."""
    findings = scan()
    assert not findings, "\n".join(str(f) for f in findings)


def test_release_compiles_catalogues_qt_loads(tmp_path: Path) -> None:
    """The build step (setup.py runs this) writes .qm files that translate."""
    from PySide6.QtCore import QTranslator

    written = _update_tool().run_lrelease(tmp_path)
    assert sorted(p.name for p in written) == [
        "btt_desktop_es.qm", "btt_desktop_ru.qm", "btt_desktop_zh_CN.qm"]
    expected = {"es": "Configuración", "ru": "Настройки", "zh_CN": "设置"}
    for language, text in expected.items():
        translator = QTranslator()
        assert translator.load(str(tmp_path / f"btt_desktop_{language}.qm"))
        assert translator.translate("SettingsDialog", "Settings") == text
