"""The package's layout rules, checked on its source with `ast`: no module imports a private
name (one leading underscore) of another wirecoder module, and no class mixes in more than
one wirecoder base class — shared helpers are public functions of the module that owns them."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "wirecoder"


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _is_wirecoder(node: ast.ImportFrom) -> bool:
    """A relative import, or an absolute one of the wirecoder package."""
    return node.level > 0 or (node.module or "").split(".")[0] == "wirecoder"


def private_imports(tree: ast.AST) -> list[str]:
    """`from .x import _name` (anywhere, also inside functions), as 'line: module._name'."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and _is_wirecoder(node):
            for alias in node.names:
                if _is_private(alias.name):
                    out.append(f"{node.lineno}: {'.' * node.level}{node.module or ''}.{alias.name}")
    return out


def _base_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return node.value.id  # `module.Class`: the module's name decides
    return None


def mixin_classes(tree: ast.Module) -> list[str]:
    """Classes with more than one base that is a wirecoder class (defined in the module or
    imported from a wirecoder module), as 'line: Name'."""
    ours: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            ours.add(node.name)
        elif isinstance(node, ast.ImportFrom) and _is_wirecoder(node):
            ours.update(a.asname or a.name for a in node.names)
        elif isinstance(node, ast.Import):
            ours.update(a.asname or a.name.split(".")[0] for a in node.names
                        if a.name.split(".")[0] == "wirecoder")
    return [f"{node.lineno}: {node.name}" for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef)
            and sum(_base_name(b) in ours for b in node.bases) > 1]


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_the_source_tree_is_there() -> None:
    assert len(_modules()) > 50


@pytest.mark.parametrize("check", [private_imports, mixin_classes])
def test_no_private_imports_and_no_mixins(check) -> None:
    found = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found += [f"{path.relative_to(SRC)}:{hit}" for hit in check(tree)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("source, check, expected", [
    ("from .predicates import _load_yaml, load_lexicon\n", private_imports,
     ["1: .predicates._load_yaml"]),
    ("def f():\n    from wirecoder.extract.arguments import _agents\n", private_imports,
     ["2: wirecoder.extract.arguments._agents"]),
    ("from . import dates as _dates\nfrom .x import __version__\nfrom os import _exit\n",
     private_imports, []),
    ("from .roles import Roles\nfrom .setting import Setting\n"
     "class Builder(Roles, Setting):\n    pass\n", mixin_classes, ["3: Builder"]),
    ("from .base import Base\nclass Own:\n    pass\nclass Both(Own, Base):\n    pass\n",
     mixin_classes, ["4: Both"]),
    ("from typing import NamedTuple\nfrom .base import Base\n"
     "class One(Base, NamedTuple):\n    pass\n", mixin_classes, []),
])
def test_the_checks_catch_what_they_are_for(source, check, expected) -> None:
    assert check(ast.parse(source)) == expected
