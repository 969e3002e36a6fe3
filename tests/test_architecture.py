"""The house keeps its plan (docs/architecture.md): no import circle, no import up a
floor, no module using another's private names, every command reachable from the
group. Read from the source (ast), imports inside functions counted; an import under
`if TYPE_CHECKING:` is for annotations only and never runs, so it is not counted."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("store", "tui", "cli")

# The floors, lowest first: a module may import its own floor and those below.
# Inside store/ the modules at its top (words, errors, dates, text, json) are the ground floor.
FLOORS = ("store", "store.model", "store.persistence", "store.moments", "store.exchange", "tui", "cli")


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


MODULES = modules()


def runtime_nodes(tree: ast.AST):
    """Every node that can run: `if TYPE_CHECKING:` bodies left out."""
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for child in node.body for n in ast.walk(child))
    return [node for node in ast.walk(tree) if id(node) not in skipped]


def imported(name: str, path: Path) -> dict[str, int]:
    """The project's modules `name` imports (at any depth of its code) -> a line doing so."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: dict[str, int] = {}
    package = path.name == "__init__.py"
    for node in runtime_nodes(tree):
        targets = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = name.split(".") if package else name.split(".")[:-1]
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            subs = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES]
            # `from pkg import module` depends on the module, not on what pkg/__init__ holds
            targets = subs if len(subs) == len(node.names) else [base, *subs]
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.setdefault(target, node.lineno)
    return found


GRAPH = {name: imported(name, path) for name, path in MODULES.items()}


def floor(name: str) -> int:
    return max(i for i, f in enumerate(FLOORS) if name == f or name.startswith(f + "."))


def test_the_graph_sees_imports_inside_functions():
    # store/persistence/repository.py imports the transaction inside a method (TinyDB's cost)
    assert "store.persistence.transaction" in GRAPH["store.persistence.repository"]
    # and a TYPE_CHECKING import is no dependency
    assert "store.persistence.repository" not in GRAPH["store.model.kpis"]


def circles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    return found


def test_no_import_circle():
    """A circle means two modules that cannot be understood apart: move the code one
    needs from the other below both (docs/architecture.md), do not hoist the import."""
    found = circles()
    detail = "\n".join(
        " ".join(c) + "\n" + "\n".join(f"    {a} -> {b} (line {GRAPH[a][b]})" for a in c for b in GRAPH[a] if b in c)
        for c in found)
    assert not found, "import circles:\n" + detail


def test_no_import_up_a_floor():
    up = [f"{name} (floor {FLOORS[floor(name)]}) imports {target} (floor {FLOORS[floor(target)]}), line {line}"
          for name, targets in GRAPH.items() for target, line in targets.items() if floor(target) > floor(name)]
    assert not up, "\n".join(up)


def test_the_floor_check_would_see_an_import_up():
    fake = {"store.model.records": {"store.persistence.repository": 1}}
    assert any(floor(t) > floor(n) for n, ts in fake.items() for t in ts)
    assert floor("store.i18n") < floor("store.model.records") < floor("store.persistence.files.backend")
    assert floor("store.moments.visits") < floor("store.exchange.reports.visit") < floor("tui.app") < floor("cli.group")


def private_names_used_across_modules() -> list[str]:
    """`from m import _x`, and `obj._x` where `_x` is defined only in other modules
    of the project (a function, class, assignment or `self._x`)."""
    defined: dict[str, set[str]] = {}
    trees = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}
    for name, tree in trees.items():
        for node in ast.walk(tree):
            names = []
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names = [node.name]
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    for n in ast.walk(target):
                        if isinstance(n, ast.Name):
                            names.append(n.id)
                        elif isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "self":
                            names.append(n.attr)
            for n in names:
                if n.startswith("_") and not n.startswith("__") and n != "_":
                    defined.setdefault(n, set()).add(name)
    found = []
    for name, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PACKAGES):
                found += [f"{name}: from {node.module} import {a.name}" for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")]
            elif isinstance(node, ast.Attribute) and node.attr in defined and name not in defined[node.attr]:
                if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                    found.append(f"{name}, line {node.lineno}: {ast.unparse(node)} (defined in {sorted(defined[node.attr])})")
    return found


def test_no_module_uses_another_modules_private_names():
    """What another module needs is its public API (store/persistence/pg/session.py
    is such an API for the PostgreSQL backend's helpers)."""
    found = private_names_used_across_modules()
    assert not found, "\n".join(found)


def test_every_command_is_reachable_from_the_group():
    """A command module is imported only through cli/group.py's COMMANDS (or a lazy
    subgroup's map): a command defined anywhere else would silently not exist."""
    import click

    for info in pkgutil.walk_packages([str(ROOT / "cli")], "cli."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    from cli.group import cli

    reachable = set()

    def walk(command: click.Command) -> None:
        reachable.add(id(command))
        for sub in getattr(command, "commands", {}).values():  # a lazy group imports each here
            walk(sub)

    walk(cli)
    defined = [f"{info.name}.{attr}" for info in pkgutil.walk_packages([str(ROOT / "cli")], "cli.")
               if not info.name.endswith("__main__")
               for attr, value in vars(importlib.import_module(info.name)).items()
               if isinstance(value, click.Command) and getattr(value.callback, "__module__", None) == info.name
               and id(value) not in reachable]
    assert not defined, f"not in cli/group.py's COMMANDS nor a subgroup: {defined}"


@pytest.mark.parametrize("argv", [["--help"], ["--lang", "en", "--help"]])
def test_help_imports_no_command_module(argv):
    """`spiegel --help` lists every command from the catalogs, without importing one."""
    import subprocess
    import sys

    code = ("import sys\nfrom cli.main import run\nrun(sys.argv[1:])\n"
            "print(sorted(m for m in sys.modules if m.startswith('cli.') and m.endswith(('_commands', '_command'))))")
    done = subprocess.run([sys.executable, "-c", code, *argv], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert "demo" in done.stdout and "restore" in done.stdout
