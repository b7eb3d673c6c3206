"""No module binds one top-level name twice: a second constant of the same name silently replaces the first
for every function that reads it (two word lists called ``_COMMON`` in one module did exactly that)."""

from __future__ import annotations

import ast
from pathlib import Path

import newsbrief

PACKAGE = Path(newsbrief.__file__).parent


def _top_level_names(tree: ast.Module) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            out.extend((t.id, node.lineno) for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out.append((node.target.id, node.lineno))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.append((node.name, node.lineno))
    return out


def test_no_module_binds_a_top_level_name_twice() -> None:
    twice = []
    for path in sorted(PACKAGE.rglob("*.py")):
        seen: dict[str, int] = {}
        for name, line in _top_level_names(ast.parse(path.read_text(encoding="utf-8"))):
            if name in seen and name != "__all__":
                twice.append(f"{path.relative_to(PACKAGE)}: {name} at lines {seen[name]} and {line}")
            seen.setdefault(name, line)
    assert not twice, "\n".join(twice)


def test_the_check_finds_a_name_bound_twice() -> None:
    tree = ast.parse("_WORDS = frozenset()\ndef f() -> None: ...\n_WORDS = frozenset({'a'})\n")
    names = [n for n, _ in _top_level_names(tree)]
    assert names.count("_WORDS") == 2
