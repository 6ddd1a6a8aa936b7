"""Exports checked by reading them back with the tools that consume them."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
from rdflib import Graph as RDFGraph
from rdflib import Literal

from cancu.errors import CancuError
from cancu.graph.exports import export_graph
from cancu.graph.rdf_export import to_rdf
from cancu.graph.store import open_store
from cancu.loaders.extract import extract_path

from conftest import seed_paths

BASE = "https://cancu.example/id/"


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("exp"))
    s.load([(str(p), extract_path(p)) for p in seed_paths()])
    return s.graph()


def test_graphml_keeps_every_node_edge_and_list_as_json(graph, tmp_path):
    export_graph(graph, "graphml", tmp_path / "g.graphml", base=BASE)
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    origins = json.loads(back.nodes["agency:so-noi-vu@dong-thap"]["origins"])
    assert origins == graph.nodes["agency:so-noi-vu@dong-thap"]["origins"]


def test_gexf_reloads(graph, tmp_path):
    export_graph(graph, "gexf", tmp_path / "g.gexf", base=BASE)
    back = nx.read_gexf(tmp_path / "g.gexf")
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()


def test_neo4j_csv_relations_point_at_exported_nodes(graph, tmp_path):
    folder = export_graph(graph, "csv", tmp_path / "csv", base=BASE)
    ids: set[str] = set()
    for f in folder.glob("nodes_*.csv"):
        rows = list(csv.reader(f.open(encoding="utf-8")))
        assert rows[0][:2] == ["id:ID", ":LABEL"]
        ids.update(r[0] for r in rows[1:])
    assert ids == set(graph.nodes)
    rel_count = 0
    for f in folder.glob("rels_*.csv"):
        rows = list(csv.reader(f.open(encoding="utf-8")))
        assert rows[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
        assert all(r[0] in ids and r[1] in ids and f.name == f"rels_{r[2]}.csv" for r in rows[1:])
        rel_count += len(rows) - 1
    assert rel_count == graph.number_of_edges()


def test_jsonld_and_turtle_carry_the_same_triples(graph, tmp_path):
    export_graph(graph, "ttl", tmp_path / "g.ttl", base=BASE)
    export_graph(graph, "jsonld", tmp_path / "g.jsonld", base=BASE)
    ttl = RDFGraph().parse(tmp_path / "g.ttl", format="turtle")
    jsonld = RDFGraph().parse(tmp_path / "g.jsonld", format="json-ld")
    assert len(ttl) == len(to_rdf(graph, BASE)) == len(jsonld)
    assert _by_value(ttl) == _by_value(jsonld)  # no blank nodes; JSON-LD writes decimal 30.0 as 30


def _by_value(g: RDFGraph) -> set[tuple]:
    return {(s, p, (o.datatype, o.toPython(), o.language) if isinstance(o, Literal) else o) for s, p, o in g}


def test_file_formats_need_an_output_path(graph):
    with pytest.raises(CancuError, match="give -o PATH"):
        export_graph(graph, "graphml", None, base=BASE)


@pytest.mark.parametrize("fmt,read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_xml_exports_carry_control_characters_as_replacement(tmp_path, fmt, read):
    g = nx.MultiDiGraph()
    g.add_node("task:a\x1b", kind="Task", text="Niêm yết\x00 100%\x1b TTHC\tquý I", tags=["x\x07"])
    g.add_node("plan:b", kind="Plan")
    g.add_edge("task:a\x1b", "plan:b", key="PART_OF", kind="PART_OF")
    export_graph(g, fmt, tmp_path / f"g.{fmt}", base=BASE)
    back = read(tmp_path / f"g.{fmt}")
    node = back.nodes["task:a\ufffd"]
    assert node["text"] == "Niêm yết\ufffd 100%\ufffd TTHC\tquý I"
    assert json.loads(node["tags"]) == ["x\x07"]  # JSON escapes controls itself: lossless
    assert back.number_of_edges() == 1
