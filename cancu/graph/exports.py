"""Exports of the graph to the tools of the field.

- ``ttl`` / ``jsonld``: RDF with the shipped vocabulary (``cancu/ontology/cancu.ttl``):
  ELI for documents and citations, W3C ORG for agencies, SKOS for areas and
  metrics, PROV-O for evidence, DCTERMS for titles and dates;
- ``graphml`` / ``gexf``: for Gephi (list and dict attributes become JSON strings, one id per edge);
- ``csv``: the neo4j-admin import layout (``nodes_<Label>.csv``, ``rels_<TYPE>.csv``),
  formula-starting cells neutralised unless ``raw``.
File names come from the fixed vocabulary, never from document text.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import networkx as nx

from cancu.errors import CancuError
from cancu.ontology.vocab import EdgeKind, NodeKind


def export_text(g: nx.MultiDiGraph, fmt: str, *, base: str) -> str:
    """The graph as one document: ``ttl``, ``jsonld``, ``graphml`` or ``gexf``."""
    if fmt in ("ttl", "jsonld"):
        from cancu.graph.rdf_export import to_jsonld, to_rdf

        return to_rdf(g, base).serialize(format="turtle") if fmt == "ttl" else to_jsonld(g, base)
    if fmt in ("graphml", "gexf"):
        flat = flatten(g)
        lines = nx.generate_graphml(flat) if fmt == "graphml" else nx.generate_gexf(flat)
        return "\n".join(lines) + "\n"
    raise CancuError(f"unknown export format {fmt!r} (ttl, jsonld, graphml, gexf; csv writes a folder)")


def export_graph(
    g: nx.MultiDiGraph, fmt: str, out: Path | None, *, base: str, raw: bool = False
) -> Path | str:
    """Write an export to ``out`` (a folder for ``csv``); without ``out``, return the text."""
    if fmt == "csv":
        if out is None:
            raise CancuError("--format csv writes files: give -o PATH")
        return write_neo4j_csv(g, out, raw=raw)
    if out is None and fmt in ("graphml", "gexf"):
        raise CancuError(f"--format {fmt} writes files: give -o PATH")
    data = export_text(g, fmt, base=base)
    if out is None:
        return data
    out.write_text(data, encoding="utf-8")
    return out


# XML 1.0 forbids C0 controls other than tab, LF and CR, lone surrogates and
# U+FFFE/U+FFFF; document text (OCR debris, hostile input) may hold any of them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with characters XML cannot carry replaced by U+FFFD, so one bad byte cannot fail an export."""
    return _NOT_XML.sub("\ufffd", text)


def _plain(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, (int, float, bool)):
        return value
    return xml_safe(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))


def flatten(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all strings, numbers or booleans (GraphML/GEXF types).

    Every edge gets its own id (``e0``, ``e1``…): networkx writes a multigraph
    edge's key as its id, and the key is the edge kind, shared by hundreds of
    edges; Gephi keeps only the first edge of each id. The kind stays in the
    ``kind`` and ``label`` attributes.

    GraphML and GEXF declare one type per attribute name, taken from the first
    value seen; an attribute whose values mix types (a deadline that is a year
    in one plan and prose in another) is written as strings throughout, or
    GEXF cannot be read back.
    """
    nodes = [(xml_safe(n), {k: _plain(v) for k, v in d.items()}) for n, d in g.nodes(data=True)]
    edges = [
        (xml_safe(a), xml_safe(b), f"e{i}", {**{kk: _plain(v) for kk, v in d.items()}, "kind": k, "label": k})
        for i, (a, b, k, d) in enumerate(g.edges(keys=True, data=True))
    ]
    node_mixed = _mixed_types(d for _, d in nodes)
    edge_mixed = _mixed_types(d for *_, d in edges)
    flat = nx.MultiDiGraph()
    for n, d in nodes:
        flat.add_node(n, **{k: str(v) if k in node_mixed else v for k, v in d.items()})
    for a, b, k, d in edges:
        flat.add_edge(a, b, key=k, **{kk: str(v) if kk in edge_mixed else v for kk, v in d.items()})
    return flat


def _mixed_types(dicts: Any) -> set[str]:
    seen: dict[str, set[type]] = {}
    for d in dicts:
        for k, v in d.items():
            seen.setdefault(k, set()).add(type(v))
    return {k for k, types in seen.items() if len(types) > 1}


def _cells(values: list[Any], raw: bool) -> list[Any]:
    from cancu.formats import neutralise

    return values if raw else [neutralise(v) if isinstance(v, str) else v for v in values]


def write_neo4j_csv(g: nx.MultiDiGraph, folder: Path, *, raw: bool = False) -> Path:
    """The neo4j-admin import layout. Cells that would start a spreadsheet formula are
    neutralised (OWASP) unless ``raw``: people open these files in spreadsheets too."""
    folder.mkdir(parents=True, exist_ok=True)
    for kind in NodeKind:
        nodes = [(n, d) for n, d in g.nodes(data=True) if d.get("kind") == kind.value]
        if not nodes:
            continue
        props = sorted({k for _, d in nodes for k in d} - {"kind"})
        with (folder / f"nodes_{kind.value}.csv").open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["id:ID", ":LABEL", *props])
            for n, d in sorted(nodes):
                labels = f"{kind.value};Document" if kind == NodeKind.PLAN else kind.value
                w.writerow(_cells([n, labels, *(_plain(d.get(p)) for p in props)], raw))
    for kind in EdgeKind:
        edges = [(a, b, d) for a, b, k, d in g.edges(keys=True, data=True) if k == kind.value]
        if not edges:
            continue
        props = sorted({k for _, _, d in edges for k in d} - {"kind"})
        with (folder / f"rels_{kind.value}.csv").open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow([":START_ID", ":END_ID", ":TYPE", *props])
            for a, b, d in sorted(edges, key=lambda e: (e[0], e[1])):
                w.writerow(_cells([a, b, kind.value, *(_plain(d.get(p)) for p in props)], raw))
    return folder
