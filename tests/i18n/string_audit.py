"""Finds user-visible text in ``btt_desktop/ui`` and ``app.py`` that bypasses Qt's translation.

An AST scan: string literals (or f-strings) handed to the Qt calls that show text, and
``tr()``/``translate()`` calls whose text is not one plain literal (lupdate can only
extract literals; an f-string inside would be looked up already formatted and never
match).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "btt_desktop"

#: Methods whose string arguments are shown to the user.
TEXT_METHODS = frozenset({
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis",
    "setPlaceholderText", "setTitle", "setSubTitle", "addTab", "insertTab", "setTabText",
    "setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels",
    "showMessage", "setLabelText", "setInformativeText", "setDetailedText", "setSuffix",
    "setPrefix", "setSpecialValueText", "addRow", "addMenu", "addSection", "setButtonText",
    "setAccessibleName", "setAccessibleDescription", "setIconText", "setFormat",
    "setWindowIconText", "setTabToolTip", "setItemText", "addItem", "addItems",
    "insertItem", "setCheckBoxText", "addButton",
})
#: Constructors whose string arguments are shown to the user.
TEXT_CLASSES = frozenset({
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu",
    "QToolButton", "QCommandLinkButton", "QListWidgetItem", "QTreeWidgetItem",
    "QStandardItem", "QMessageBox", "QToolBar", "QDockWidget", "QWizardPage",
})
#: Static QMessageBox helpers: (parent, title, text, ...).
MESSAGE_BOX_HELPERS = frozenset({"information", "warning", "critical", "question", "about"})

#: Text that is the same in every language: units, token names, format examples.
NOT_WORDS = frozenset({
    "B", "KiB", "MiB", "GiB", "TiB", "KiB/s", "MiB/s", "BTT", "TRX", "T…",
    "magnet:?xt=urn:btih:…", "http://192.168.1.5:8080",
})
#: Methods whose text is their first string argument; a later one is item data.
ITEM_METHODS = frozenset({"addItem", "insertItem"})


def _has_words(text: str) -> bool:
    return text.strip() not in NOT_WORDS and any(ch.isalpha() for ch in text)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


def _call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _literal_text(node: ast.expr) -> str | None:
    """The text of a bare literal/f-string/concatenation shown as is, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _has_words(node.value) else None
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values
                 if isinstance(v, ast.Constant) and isinstance(v.value, str)]
        joined = "".join(parts)
        return joined if _has_words(joined) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal_text(node.left) or _literal_text(node.right)
    return None


def _is_translate(call: ast.Call) -> bool:
    name = _call_name(call.func)
    return name in {"tr", "translate"}


class _Scanner(ast.NodeVisitor):
    def __init__(self, path: str, tree: ast.Module, noop_contexts: set[str]) -> None:
        self.path = path
        self.findings: list[Finding] = []
        self.noop_contexts = noop_contexts
        self.constants = {
            node.targets[0].id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign) and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        }
        self.function: ast.FunctionDef | ast.AsyncFunctionDef | None = None

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        outer, self.function = self.function, node
        self.generic_visit(node)
        self.function = outer

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def _add(self, node: ast.AST, what: str) -> None:
        self.findings.append(Finding(self.path, getattr(node, "lineno", 0), what))

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node.func)
        if name == "tr":
            self._check_tr(node)
        elif name == "translate" and isinstance(node.func, ast.Attribute):
            self._check_translate(node)
        else:
            args: list[ast.expr] = list(node.args) + [k.value for k in node.keywords]
            if name in MESSAGE_BOX_HELPERS and isinstance(node.func, ast.Attribute) \
                    and _call_name(node.func.value) == "QMessageBox":
                args = args[1:]
            elif name not in TEXT_METHODS and name not in TEXT_CLASSES:
                args = []
            elif name in ITEM_METHODS and args:
                # addItem(text, data) or addItem(icon, text, data): the data is not shown
                first = args[0]
                is_text = isinstance(first, ast.Constant | ast.JoinedStr) or (
                    isinstance(first, ast.Call) and _is_translate(first))
                args = args[:1] if is_text else args[1:2]
            for arg in args:
                for element in (arg.elts if isinstance(arg, ast.List | ast.Tuple) else [arg]):
                    text = _literal_text(element)
                    if text is not None:
                        self._add(element, f"untranslated text in {name}(): {text!r}")
        self.generic_visit(node)

    def _check_tr(self, node: ast.Call) -> None:
        func = node.func
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                and func.value.id in {"self", "cls"}):
            self._add(node, "tr() not called as self.tr(): lupdate gives it no context; "
                            "use QCoreApplication.translate(context, text)")
        self._check_source_arg(node, 0)

    def _check_translate(self, node: ast.Call) -> None:
        context = self._context(node.args[0]) if node.args else None
        if context is None:
            self._add(node, "translate() context is neither a literal nor a module constant")
        self._check_source_arg(node, 1, context)

    def _context(self, node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return self.constants.get(node.id)
        return None

    def _passes_marked_text(self, arg: ast.expr, context: str | None) -> bool:
        """A variable holding source text is fine in a one-argument helper (the
        extraction reads its callers, translations/update.py) or where the text was
        marked with QT_TRANSLATE_NOOP in the same context."""
        if not isinstance(arg, ast.Name):
            return False
        function = self.function
        if function is not None and [a.arg for a in function.args.args] == [arg.id]:
            return True
        return context is not None and context in self.noop_contexts

    def _check_source_arg(self, node: ast.Call, index: int, context: str | None = None
                          ) -> None:
        if len(node.args) <= index:
            return
        arg = node.args[index]
        if self._passes_marked_text(arg, context):
            return
        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
            kind = "an f-string" if isinstance(arg, ast.JoinedStr) else "not a string literal"
            self._add(node, f"translated text is {kind}: lupdate cannot extract it")


def ui_sources() -> list[Path]:
    return sorted([*(PACKAGE / "ui").rglob("*.py"), PACKAGE / "app.py"])


def _noop_contexts(trees: dict[Path, ast.Module]) -> set[str]:
    return {
        node.args[0].value
        for tree in trees.values() for node in ast.walk(tree)
        if isinstance(node, ast.Call) and _call_name(node.func) == "QT_TRANSLATE_NOOP"
        and node.args and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }


def _inherited_tr(trees: dict[Path, ast.Module]) -> list[Finding]:
    """Qt looks ``self.tr`` up under the class of the object, lupdate under the class
    that wrote it: a subclass of a class that calls ``self.tr`` shows English."""
    callers: dict[str, str] = {}
    classes: list[tuple[Path, ast.ClassDef]] = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                classes.append((path, node))
                if any(isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)
                       and c.func.attr == "tr" for c in ast.walk(node)):
                    callers[node.name] = str(path.relative_to(ROOT))
    return [Finding(str(path.relative_to(ROOT)), node.lineno,
                    f"{node.name} inherits self.tr() text from {_call_name(base)}: "
                    "use QCoreApplication.translate with the base's name")
            for path, node in classes for base in node.bases
            if _call_name(base) in callers]


def scan_file(path: Path, tree: ast.Module, noop_contexts: set[str]) -> list[Finding]:
    scanner = _Scanner(str(path.relative_to(ROOT)), tree, noop_contexts)
    scanner.visit(tree)
    return scanner.findings


def scan(paths: list[Path] | None = None) -> list[Finding]:
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path))
             for path in (paths or ui_sources())}
    noop = _noop_contexts(trees)
    return [f for path, tree in trees.items() for f in scan_file(path, tree, noop)] \
        + _inherited_tr(trees)


if __name__ == "__main__":
    for finding in scan():
        print(finding)
