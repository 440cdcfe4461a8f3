"""Packaging tests: the resources, the desktop integration and the wheel.

``test_pyinstaller.py`` builds the whole one-folder app (minutes): it is collected only
when named on the command line (``python -m pytest tests/packaging/test_pyinstaller.py``),
so the default run leaves it out without skipping anything.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SLOW_FILES = {"test_pyinstaller.py"}


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if collection_path.name not in SLOW_FILES:
        return None
    here = config.invocation_params.dir
    named = {(here / arg.split("::")[0]).resolve() for arg in config.args}
    return collection_path.resolve() not in named
