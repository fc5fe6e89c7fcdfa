"""No import circles anywhere in etl/ or dashboard/, read from the source (deferred imports inside functions count
too: a circle that only a late import hides is still one)."""
from __future__ import annotations

import ast
import graphlib
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("etl", "dashboard")


def _modules(root: Path = ROOT, packages: tuple[str, ...] = PACKAGES) -> dict[str, Path]:
    found = {}
    for package in packages:
        for path in (root / package).rglob("*.py"):
            found[".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The project's modules this module imports ('from etl.warehouse import marts' imports etl.warehouse.marts)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            found |= {base} | {f"{base}.{alias.name}" for alias in node.names}
    return {m for m in found if m in modules and m != name and not name.startswith(m + ".")}


def _circle(root: Path = ROOT, packages: tuple[str, ...] = PACKAGES) -> list[str] | None:
    """One import circle among the packages' modules, or None."""
    modules = _modules(root, packages)
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as circle:
        return circle.args[1]
    return None


def test_no_module_imports_itself_round_a_circle():
    assert _circle() is None


def test_a_circle_through_a_relative_and_a_deferred_import_is_found(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from . import b\n")
    (package / "b.py").write_text("def late():\n    from pkg.a import x\n")
    (package / "c.py").write_text("import pkg.a\n")  # imports into the circle, is not part of it
    assert sorted(set(_circle(tmp_path, ("pkg",)))) == ["pkg.a", "pkg.b"]


# What the dashboard may use of etl/: the query layer (read-only connector, named SQL, status, checks, contracts)
# and the settings that say where the warehouse is. Country names, kinds and statuses come from the warehouse.
QUERY_LAYER = ("etl.config", "etl.warehouse.safe_sql", "etl.warehouse.queries", "etl.warehouse.status",
               "etl.warehouse.checks", "etl.warehouse.contracts")


def test_the_dashboard_reads_etl_only_through_the_query_layer():
    modules = _modules()
    reached = {(name, used) for name, path in modules.items() if name.startswith("dashboard")
               for used in _imports(name, path, modules) if used.startswith("etl.")}
    assert {(name, used) for name, used in reached if used not in QUERY_LAYER and used != "etl.warehouse"} == set()
