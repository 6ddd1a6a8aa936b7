"""The import direction of ARCHITECTURE.md, checked on every module: ontology imports nothing of cancu,
loaders only ontology, graph only ontology, queries ontology and graph, viz ontology and queries
(``cancu.errors``, the exceptions every layer raises, is a leaf any may import). The known exceptions are
listed exactly: a new one fails, and so does one that is fixed (the list must then shrink)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cancu"
ALLOWED = {
    "ontology": {"ontology"},
    "loaders": {"ontology", "loaders"},
    "graph": {"ontology", "graph"},
    "queries": {"ontology", "graph", "queries"},
    "viz": {"ontology", "queries", "viz"},
}
LEAVES = {"errors"}
KNOWN = {
    # the Neo4j store picks a query's subgraph by the query's own lookup rules (one meaning, written once)
    "graph/neo4j_subgraph.py": {"cancu.queries.common", "cancu.queries.targets"},
    # CSV exports neutralise formulas with the same rule as the CLI's output formats
    "graph/exports.py": {"cancu.formats"},
}


def _modules() -> list[Path]:
    return sorted(p for layer in ALLOWED for p in (PACKAGE / layer).rglob("*.py"))


def _cancu_imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
        names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
        out.update(n for n in names if n.startswith("cancu."))
    return out


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_module_imports_only_what_its_layer_may(path: Path) -> None:
    layer = path.relative_to(PACKAGE).parts[0]
    wrong = {m for m in _cancu_imports(path) if m.split(".")[1] not in ALLOWED[layer] | LEAVES}
    assert wrong == KNOWN.get(str(path.relative_to(PACKAGE)), set())
