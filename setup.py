"""Build step beyond pyproject.toml: compile the translations (.ts -> .qm).

``build_py`` runs ``translations/update.py --release`` (lrelease from PySide6-Essentials,
listed in ``[build-system] requires``) so wheels, ``pip install .`` and editable installs
all carry ``btt_desktop/translations/btt_desktop_<lang>.qm``. The .qm files are build
output, never committed. See docs/translations.md.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def _translations_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("btt_translations",
                                                  HERE / "translations" / "update.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildWithTranslations(build_py):
    """build_py that also compiles the .ts sources into the package's .qm catalogues."""

    def run(self) -> None:
        tool = _translations_tool()
        # editable installs use the source tree; wheels the build folder
        if self.editable_mode:
            out = HERE / "btt_desktop" / "translations"
        else:
            out = Path(self.build_lib) / "btt_desktop" / "translations"
        for path in tool.run_lrelease(out):
            self.announce(f"compiled {path}", level=2)
        super().run()


setup(cmdclass={"build_py": BuildWithTranslations})
