#!/usr/bin/env python3
"""Re-extract the window's text into the .ts sources, or compile them into .qm catalogues.

    python translations/update.py              # lupdate: refresh every btt_desktop_*.ts
    python translations/update.py --release    # lrelease: .ts -> btt_desktop/translations/*.qm
    python translations/update.py --release --out DIR

lupdate and lrelease come with PySide6-Essentials (``PySide6/lupdate``,
``PySide6/lrelease``); Qt's own ``lupdate``/``lrelease`` on PATH are used otherwise.
Needs nothing but the standard library and those tools, so ``setup.py`` can use it while
building the package.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LANGUAGES = ("zh_CN", "es", "ru")
CATALOGUE = "btt_desktop"
QM_DIR = ROOT / "btt_desktop" / "translations"


class ToolMissing(RuntimeError):
    pass


def ts_path(language: str) -> Path:
    return HERE / f"{CATALOGUE}_{language}.ts"


def source_files(root: Path = ROOT) -> list[Path]:
    """Every module that shows text: the Qt window (``ui/``), ``app.py`` and
    ``window_app.py``."""
    package = root / "btt_desktop"
    return sorted([*(package / "ui").rglob("*.py"), package / "app.py",
                   package / "window_app.py"])


def find_tool(name: str) -> str:
    """``lupdate`` or ``lrelease``: PySide6's own, else Qt's on PATH."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            candidate = Path(folder) / name
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    for command in (f"pyside6-{name}", f"{name}-qt6", name, f"/usr/lib/qt6/bin/{name}"):
        found = shutil.which(command)
        if found:
            return found
    raise ToolMissing(f"{name} not found: install PySide6-Essentials or Qt's linguist tools")


def helper_messages(path: Path) -> list[tuple[str, str]]:
    """(context, text) that lupdate misses in ``path`` but Qt translates at run time.

    Two forms are common in the window's modules: a one-line helper
    ``def _tr(text): return QCoreApplication.translate("Ctx", text)`` called as
    ``_tr("Name")``, and ``QCoreApplication.translate(CONTEXT, "text")`` with ``CONTEXT``
    a module-level string. lupdate only reads literal contexts at the call, so these are
    found here and handed to it as plain ``translate("Ctx", "text")`` calls. A helper or
    constant imported from another module of the source tree counts as well.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    constants, helpers = _definitions(tree)
    # a helper or constant imported from another module of the package (the settings
    # pages share ``_tr`` from ``settings_pages/common.py``) speaks in that module's context
    for node in tree.body:
        if not isinstance(node, ast.ImportFrom):
            continue
        source = _module_file(path, node.module, node.level)
        if source is None:
            continue
        their_constants, their_helpers = _definitions(
            ast.parse(source.read_text(encoding="utf-8"), str(source)))
        for alias in node.names:
            local = alias.asname or alias.name
            if alias.name in their_helpers:
                helpers[local] = their_helpers[alias.name]
            elif alias.name in their_constants:
                constants[local] = their_constants[alias.name]

    def context_of(node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return constants.get(node.id)
        return None

    found: list[tuple[str, str]] = []
    for site in ast.walk(tree):
        if not isinstance(site, ast.Call) or not site.args:
            continue
        name = _name(site.func)
        first = site.args[0]
        if name in helpers and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.append((helpers[name], first.value))
        elif (name == "translate" and isinstance(first, ast.Name) and len(site.args) >= 2
              and isinstance(site.args[1], ast.Constant) and isinstance(site.args[1].value, str)):
            context = context_of(first)
            if context is not None:
                found.append((context, site.args[1].value))
    return found


def _definitions(tree: ast.Module) -> tuple[dict[str, str], dict[str, str]]:
    """A module's string constants and its one-line translate helpers (name -> context)."""
    constants = {
        node.targets[0].id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }

    def context_of(node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return constants.get(node.id)
        return None

    helpers: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
            continue
        body = [b for b in node.body  # a docstring and imports may come first
                if not (isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant))
                and not isinstance(b, ast.Import | ast.ImportFrom)]
        if len(body) != 1 or not isinstance(body[0], ast.Return):
            continue
        call = body[0].value
        if (isinstance(call, ast.Call) and _name(call.func) == "translate"
                and len(call.args) == 2 and isinstance(call.args[1], ast.Name)
                and call.args[1].id == node.args.args[0].arg):
            context = context_of(call.args[0])
            if context is not None:
                helpers[node.name] = context
    return constants, helpers


def _module_file(path: Path, module: str | None, level: int) -> Path | None:
    """The file of ``from <module> import ...`` written in ``path``, when it is a module
    beside it in the source tree (absolute, as ``btt_desktop.ui.x``, or relative)."""
    parts = module.split(".") if module else []
    bases = [path.parents[level - 1]] if level else list(path.parents)
    for base in bases:
        candidate = base.joinpath(*parts).with_suffix(".py") if parts else None
        if candidate is not None and candidate.is_file():
            return candidate
    return None


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def run_lupdate(ts_files: list[Path], sources: list[Path] | None = None) -> str:
    """Update ``ts_files`` from the sources (obsolete entries dropped); lupdate's report."""
    sources = sources or source_files()
    extra = sorted({m for path in sources for m in helper_messages(path)})
    with tempfile.TemporaryDirectory() as folder:
        # the messages lupdate cannot see, as calls it can (see helper_messages)
        helper_file = Path(folder) / "helper_messages.py"
        helper_file.write_text("".join(
            f"QCoreApplication.translate({_quote(c)}, {_quote(t)})\n" for c, t in extra),
            encoding="utf-8")
        command = [find_tool("lupdate"), "-no-obsolete", "-locations", "none",
                   *(str(p) for p in sources), str(helper_file), "-ts",
                   *(str(t) for t in ts_files)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def _quote(text: str) -> str:
    """A double-quoted Python literal lupdate reads back as ``text``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def run_lrelease(out_dir: Path, languages: tuple[str, ...] = LANGUAGES) -> list[Path]:
    """Compile each .ts into ``out_dir/btt_desktop_<lang>.qm``; the files written."""
    tool = find_tool("lrelease")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for language in languages:
        target = out_dir / f"{CATALOGUE}_{language}.qm"
        subprocess.run([tool, "-silent", str(ts_path(language)), "-qm", str(target)],
                       capture_output=True, text=True, check=True)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="compile .qm instead")
    parser.add_argument("--out", type=Path, default=QM_DIR, help="where .qm files go")
    args = parser.parse_args(argv)
    try:
        if args.release:
            for path in run_lrelease(args.out):
                print(path)
        else:
            print(run_lupdate([ts_path(lang) for lang in LANGUAGES]), end="")
    except (ToolMissing, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", "") or ""
        print(f"update.py: error: {exc} {detail}".strip(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
