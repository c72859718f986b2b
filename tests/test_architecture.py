"""The house rules of the package layout, checked from the source so they cannot drift.

- **No import cycles.** The import graph is read with ``ast`` from every module of
  ``rwassign``, counting what ``python -X importtime`` would miss: imports inside functions and
  under ``if TYPE_CHECKING``.  Edges go module to module: ``from rwassign.x import y`` is an
  edge to ``rwassign.x.y`` when ``y`` is a submodule, else to ``rwassign.x``.  Importing
  ``rwassign.x.y`` also runs the ``__init__`` of ``rwassign`` and ``rwassign.x``; those implicit
  edges are not counted, or a package front that re-exports its modules (``rwassign/__init__``)
  would make every module part of a cycle.
- **No module over 400 lines without a reason.** A longer module must say why in its
  docstring, in a paragraph that starts with ``Long because`` (e.g. "Long because the CP-SAT
  model reads best as one sequence of rules").
- **Third-party libraries stay in their layer.** Only the solver (``rwassign.solver`` and its
  package) imports OR-Tools; the domain records, the rules and their vocabularies import none of
  OR-Tools, pandas and openpyxl.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "rwassign"
MAX_LINES = 400
LONG_BECAUSE = "Long because"

SOLVER = "rwassign.solver"
"""The only module (or package) that may import OR-Tools."""

PURE = (
    "rwassign.model",
    "rwassign.rules",
    "rwassign.checker",
    "rwassign.settings",
    "rwassign.ranks",
    "rwassign.normalize",
)
"""Domain records, rules and their vocabularies (modules or packages): no OR-Tools, pandas or
openpyxl, so they can be read, tested and reused without a solver or a spreadsheet library."""

HEAVY = ("ortools", "pandas", "openpyxl")


def modules(root: Path, package: str) -> dict[str, Path]:
    """Dotted name -> file of every module under ``root/package`` (a package is its __init__)."""
    out: dict[str, Path] = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _imports(path: Path, name: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(module, imported names) of every import statement in the file, wherever it stands.

    Relative imports are resolved against the module's package; ``import a.b`` gives
    ``("a.b", ())``.  ``ast.walk`` visits function bodies and ``if TYPE_CHECKING`` blocks too.
    """
    is_package = path.name == "__init__.py"
    package_parts = name.split(".") if is_package else name.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, ()
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package_parts[: len(package_parts) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            yield target, tuple(alias.name for alias in node.names)


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports (see the module docstring)."""
    known = modules(root, package)
    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        for target, names in _imports(path, name):
            if target != package and not target.startswith(package + "."):
                continue
            if not names:  # import a.b.c: the longest prefix that is a module of ours
                parts = target.split(".")
                while parts and ".".join(parts) not in known:
                    parts.pop()
                edges = {".".join(parts)}
            else:
                edges = {f"{target}.{n}" if f"{target}.{n}" in known else target for n in names}
            graph[name] |= {e for e in edges if e in known and e != name}
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (``[a, b, ..., a]``) per strongly connected group of modules, sorted.

    Tarjan's algorithm finds the groups; a breadth-first search inside each group gives the
    shortest cycle through its first module, which is what a reader needs to break it.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)

    cycles = []
    for group in sorted(groups):
        start, members = group[0], set(group)
        paths = {start: [start]}
        frontier = [start]
        cycle: list[str] | None = None
        while frontier and cycle is None:
            nxt = []
            for v in frontier:
                for w in sorted(graph[v] & members):
                    if w == start:
                        cycle = [*paths[v], start]
                        break
                    if w not in paths:
                        paths[w] = [*paths[v], w]
                        nxt.append(w)
                if cycle is not None:
                    break
            frontier = nxt
        assert cycle is not None  # a strongly connected group always has one
        cycles.append(cycle)
    return cycles


def _docstring_says_why(path: Path) -> bool:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    paragraphs = [p.strip() for p in doc.split("\n\n")]
    return any(p.startswith(LONG_BECAUSE) and len(p.split()) >= 6 for p in paragraphs)


def _in(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


# --- the rules, on rwassign ------------------------------------------------------------------

MODULES = modules(ROOT, PACKAGE)


def test_the_package_has_no_import_cycles() -> None:
    cycles = find_cycles(import_graph(ROOT, PACKAGE))
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_long_module_says_why(name: str) -> None:
    path = MODULES[name]
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES or _docstring_says_why(path), (
        f"{path.relative_to(ROOT)} has {lines} lines (more than {MAX_LINES}): split it into a "
        f"package, or say why in a docstring paragraph starting '{LONG_BECAUSE}'"
    )


@pytest.mark.parametrize("name", sorted(MODULES))
def test_third_party_libraries_stay_in_their_layer(name: str) -> None:
    imported = {target.split(".")[0] for target, _ in _imports(MODULES[name], name)}
    if not _in(name, SOLVER):
        assert "ortools" not in imported, f"{name} imports OR-Tools; only {SOLVER} may"
    if any(_in(name, pure) for pure in PURE):
        assert not imported & set(HEAVY), f"{name} imports {sorted(imported & set(HEAVY))}"


def test_the_layer_lists_name_real_modules() -> None:
    """A renamed module must not leave the layer rules checking nothing."""
    for prefix in (SOLVER, *PURE):
        assert any(_in(name, prefix) for name in MODULES), prefix


# --- the checks themselves, on tiny packages -------------------------------------------------


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_a_cycle_through_a_function_and_a_type_checking_block_is_found(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "def f():\n    from pkg.b import g\n",
            "pkg/b.py": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n"
            ),
            "pkg/c.py": "import pkg.a\n",
        },
    )
    graph = import_graph(root, "pkg")
    assert graph == {"pkg": set(), "pkg.a": {"pkg.b"}, "pkg.b": {"pkg.a"}, "pkg.c": {"pkg.a"}}
    assert find_cycles(graph) == [["pkg.a", "pkg.b", "pkg.a"]]


def test_relative_and_submodule_imports_are_module_edges(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "pkg/__init__.py": "from pkg.sub import x\n",
            "pkg/sub/__init__.py": "from . import leaf\nfrom .leaf import y\n",
            "pkg/sub/leaf.py": "from .. import sub\nimport os\n",
        },
    )
    graph = import_graph(root, "pkg")
    assert graph == {"pkg": {"pkg.sub"}, "pkg.sub": {"pkg.sub.leaf"}, "pkg.sub.leaf": {"pkg.sub"}}
    assert find_cycles(graph) == [["pkg.sub", "pkg.sub.leaf", "pkg.sub"]]


def test_the_shortest_cycle_of_a_group_is_printed() -> None:
    graph = {"a": {"b", "c"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycles(graph) == [["a", "c", "a"]]


def test_a_long_module_passes_only_with_its_reason(tmp_path: Path) -> None:
    body = "x = 1\n" * (MAX_LINES + 1)
    quiet = _package(tmp_path, {"quiet.py": '"""Many constants."""\n' + body})
    said = _package(
        tmp_path,
        {"said.py": f'"""Many constants.\n\n{LONG_BECAUSE} the table reads best whole."""\n{body}'},
    )
    assert not _docstring_says_why(quiet / "quiet.py")
    assert _docstring_says_why(said / "said.py")
