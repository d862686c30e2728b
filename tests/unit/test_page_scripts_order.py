"""Page scripts read top to bottom, and their helpers take what they need as arguments.

A function in app.py or a page script never reads a module-level name that the script assigns
only further down: such a helper works only because the page calls it after the assignment, and
moved up, reused or called earlier it reads a name that does not exist yet. Nor does it read the
page's state (``wb``, ``names``, the chosen partner) from the module at all: from the module it
reads only imports, functions, classes and UPPER_CASE constants.
"""

from __future__ import annotations

import ast
import symtable
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted([ROOT / "app.py", *(ROOT / "app_pages").glob("*.py")])
# Scopes that run where they stand (at module level), not when called later.
_INLINE = {"listcomp", "setcomp", "dictcomp", "genexpr"}


class _Bindings(ast.NodeVisitor):
    """Where each module-level name is bound: the first line, and whether every binding is an
    import, a ``def`` or a ``class``. Function, lambda and class bodies are not looked into, nor
    comprehension variables: they have scopes of their own."""

    def __init__(self) -> None:
        self.first: dict[str, int] = {}
        self.variables: set[str] = set()  # bound at least once by something else

    def bind(self, name: str, line: int, *, variable: bool = True) -> None:
        self.first[name] = min(line, self.first.get(name, line))
        if variable:
            self.variables.add(name)

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Store | ast.Del):
            self.bind(node.id, node.lineno)

    def visit_alias(self, node: ast.alias) -> None:
        self.bind(node.asname or node.name.split(".")[0], node.lineno, variable=False)

    def _definition(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        self.bind(node.name, node.lineno, variable=False)
        for decorator in node.decorator_list:  # these run at module level
            self.visit(decorator)
        if not isinstance(node, ast.ClassDef):
            self.visit(node.args)  # defaults run at module level

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _definition

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self.visit(node.args)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        self.visit(node.iter)
        for condition in node.ifs:
            self.visit(condition)

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.name:
            self.bind(node.name, node.lineno)
        self.generic_visit(node)


def _global_reads(
    table: symtable.SymbolTable, owner: int | None = None
) -> Iterator[tuple[str, int, str]]:
    """(function, line of the module-level definition it is part of, global name it reads)."""
    for child in table.get_children():
        inner = owner
        if owner is None and child.get_type() == "function" and child.get_name() not in _INLINE:
            inner = child.get_lineno()
        if inner is not None:
            for symbol in child.get_symbols():
                if symbol.is_referenced() and symbol.is_global():
                    yield child.get_name(), inner, symbol.get_name()
        yield from _global_reads(child, inner)


def _reads(source: str, file: str) -> tuple[_Bindings, list[tuple[str, int, str]]]:
    bindings = _Bindings()
    bindings.visit(ast.parse(source))
    reads = list(_global_reads(symtable.symtable(source, file, "exec")))
    return bindings, [(f, line, name) for f, line, name in reads if name in bindings.first]


def late_reads(source: str, file: str) -> list[str]:
    """Each function's read of a module-level name first assigned below that function."""
    bindings, reads = _reads(source, file)
    return [
        f"{file}: {function}() (line {line}) reads {name} (line {bindings.first[name]})"
        for function, line, name in reads
        if bindings.first[name] > line
    ]


def state_reads(source: str, file: str) -> list[str]:
    """Each function's read of a module-level variable that is not an UPPER_CASE constant."""
    bindings, reads = _reads(source, file)
    return [
        f"{file}: {function}() (line {line}) reads {name}"
        for function, line, name in reads
        if name in bindings.variables and not name.isupper()
    ]


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_no_function_reads_a_name_assigned_below_it(path: Path) -> None:
    assert late_reads(path.read_text(encoding="utf-8"), path.name) == []


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_functions_take_the_page_state_as_arguments(path: Path) -> None:
    assert state_reads(path.read_text(encoding="utf-8"), path.name) == []


EXAMPLE = """\
import os

LIMIT = 3
ready = True


def show(items):
    def inner():
        return [x for x in items if x < LIMIT and later()]

    return inner() if ready else wb, os.sep


def later():
    return [y for y in range(LIMIT)]


wb = show([1])
"""


def test_the_checks_see_late_reads_and_state_reads() -> None:
    assert late_reads(EXAMPLE, "ex.py") == [
        "ex.py: show() (line 7) reads wb (line 18)",
        "ex.py: listcomp() (line 7) reads later (line 14)",
    ]
    assert state_reads(EXAMPLE, "ex.py") == [
        "ex.py: show() (line 7) reads ready",
        "ex.py: show() (line 7) reads wb",
    ]
