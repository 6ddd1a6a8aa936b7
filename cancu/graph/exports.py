"""Exports of the graph to the tools of the field.

- ``ttl`` / ``jsonld``: RDF with the shipped vocabulary (``cancu/ontology/cancu.ttl``):
  ELI for documents and citations, W3C ORG for agencies, SKOS for areas and
  metrics, PROV-O for evidence, DCTERMS for titles and dates;
- ``graphml`` / ``gexf``: for Gephi (list and dict attributes become JSON strings);
- ``csv``: the neo4j-admin import layout (``nodes_<Label>.csv``, ``rels_<TYPE>.csv``).
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


def export_graph(g: nx.MultiDiGraph, fmt: str, out: Path | None, *, base: str) -> Path | str | None:
    if fmt in ("ttl", "jsonld"):
        from cancu.graph.rdf_export import to_rdf

        data = to_rdf(g, base).serialize(format="turtle" if fmt == "ttl" else "json-ld")
        if out is None:
            return data
        out.write_text(data, encoding="utf-8")
        return out
    if out is None:
        raise CancuError(f"--format {fmt} writes files: give -o PATH")
    if fmt in ("graphml", "gexf"):
        flat = flatten(g)
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(flat, out)
        return out
    return write_neo4j_csv(g, out)


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

    GraphML and GEXF declare one type per attribute name, taken from the first
    value seen; an attribute whose values mix types (a deadline that is a year
    in one plan and prose in another) is written as strings throughout, or
    GEXF cannot be read back.
    """
    nodes = [(xml_safe(n), {k: _plain(v) for k, v in d.items()}) for n, d in g.nodes(data=True)]
    edges = [(xml_safe(a), xml_safe(b), k, {kk: _plain(v) for kk, v in d.items()}) for a, b, k, d in g.edges(keys=True, data=True)]
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


def write_neo4j_csv(g: nx.MultiDiGraph, folder: Path) -> Path:
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
                w.writerow([n, labels, *(_plain(d.get(p)) for p in props)])
    for kind in EdgeKind:
        edges = [(a, b, d) for a, b, k, d in g.edges(keys=True, data=True) if k == kind.value]
        if not edges:
            continue
        props = sorted({k for _, _, d in edges for k in d} - {"kind"})
        with (folder / f"rels_{kind.value}.csv").open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow([":START_ID", ":END_ID", ":TYPE", *props])
            for a, b, d in sorted(edges, key=lambda e: (e[0], e[1])):
                w.writerow([a, b, kind.value, *(_plain(d.get(p)) for p in props)])
    return folder
