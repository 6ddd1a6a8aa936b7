"""Exports checked by reading them back with the tools that consume them."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from collections import Counter

import networkx as nx
import pyshacl
import pytest
from rdflib import Graph as RDFGraph
from rdflib import Literal, URIRef

from cancu.errors import CancuError
from cancu.graph.exports import export_graph
from cancu.graph.rdf_export import ELI, to_rdf
from cancu.graph.store import open_store
from cancu.loaders.extract import extract_path
from cancu.ontology.rdf import ontology_file
from cancu.queries.audit import audit

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
    assert (back.number_of_nodes(), back.number_of_edges()) == (
        graph.number_of_nodes(),
        graph.number_of_edges(),
    )
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


# ---------------------------------------------------------------- Gephi
@pytest.mark.parametrize(
    "fmt,edge_tag",
    [("graphml", "{http://graphml.graphdrawing.org/xmlns}edge"), ("gexf", "{http://gexf.net/1.2}edge")],
)
def test_every_edge_has_its_own_id_as_gephi_reads_it(graph, tmp_path, fmt, edge_tag):
    # Gephi's importers key edges by their id attribute and drop repeats; networkx's reader does not notice
    export_graph(graph, fmt, tmp_path / f"g.{fmt}", base=BASE)
    ids = [e.get("id") for e in ET.parse(tmp_path / f"g.{fmt}").getroot().iter() if e.tag.endswith("}edge")]
    assert edge_tag.rsplit("}", 1)[1] == "edge"
    assert len(ids) == graph.number_of_edges()
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert None not in ids


def test_graphml_edges_keep_their_kind(graph, tmp_path):
    export_graph(graph, "graphml", tmp_path / "g.graphml", base=BASE)
    back = nx.read_graphml(tmp_path / "g.graphml")
    kinds = Counter(d["kind"] for *_, d in back.edges(data=True))
    assert kinds == Counter(k for *_, k in graph.edges(keys=True))


# ---------------------------------------------------------------- spreadsheets (OWASP CSV injection)
FORMULAS = [
    ('=HYPERLINK("http://x.example","bấm")', '\'=HYPERLINK("http://x.example","bấm")'),
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("+1+1", "'+1+1"),
    ("-2+3", "'-2+3"),
    ("@SUM(1,2)", "'@SUM(1,2)"),
    ("\tTab", "'\tTab"),
    ("\rCR", "'\rCR"),
    ("Rà soát =1", "Rà soát =1"),
]


def _hostile_graph(text: str) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("task:x#1", kind="Task", text=text)
    g.add_node("doc:x", kind="Plan", number="1/KH")
    g.add_edge("doc:x", "task:x#1", key="HAS_TASK", kind="HAS_TASK", note=text)
    return g


@pytest.mark.parametrize("text,shown", FORMULAS)
def test_csv_export_neutralises_formulas_unless_raw(tmp_path, text, shown):
    g = _hostile_graph(text)
    for raw, want in ((False, shown), (True, text)):
        folder = export_graph(g, "csv", tmp_path / f"csv{raw}", base=BASE, raw=raw)
        (task,) = list(csv.DictReader((folder / "nodes_Task.csv").open(encoding="utf-8", newline="")))
        (edge,) = list(csv.DictReader((folder / "rels_HAS_TASK.csv").open(encoding="utf-8", newline="")))
        assert (task["text"], edge["note"]) == (want, want)


# ---------------------------------------------------------------- RDF: SHACL, ELI, JSON-LD, audit by SPARQL
def test_seed_export_conforms_to_the_shapes_with_the_ontology(graph):
    ok, _, text = pyshacl.validate(
        to_rdf(graph, BASE),
        shacl_graph=RDFGraph().parse(data=ontology_file("shapes.ttl")),
        ont_graph=RDFGraph().parse(data=ontology_file("cancu.ttl")),
        inference="rdfs",
    )
    assert ok, text


# ELI ontology 1.5 (http://data.europa.eu/eli/ontology): the terms cancu uses, checked against its term list
ELI_TERMS = {
    "LegalResource",
    "based_on",
    "cites",
    "passed_by",
    "amended_by",
    "changed_by",
    "number",
    "id_local",
    "in_force",
    "InForce-inForce",
    "InForce-notInForce",
    "InForce-partiallyInForce",
    "date_document",
    "first_date_entry_in_force",
    "date_no_longer_in_force",
}


def test_export_uses_only_eli_terms_that_exist(graph):
    used = {
        str(t)[len(str(ELI)) :]
        for triple in to_rdf(graph, BASE)
        for t in triple
        if str(t).startswith(str(ELI))
    }
    assert used <= ELI_TERMS
    assert {"id_local", "number", "in_force", "amended_by", "date_no_longer_in_force"} <= used


def test_documents_sharing_a_number_keep_distinct_eli_ids(graph):
    rdf = to_rdf(graph, BASE)
    ids = {
        str(o) for s in rdf.subjects(ELI.number, Literal("76/NQ-CP")) for o in rdf.objects(s, ELI.id_local)
    }
    assert ids == {"76-nq-cp.2013", "76-nq-cp.2021"}
    assert (URIRef(BASE + "doc/76-nq-cp.2013"), ELI.in_force, ELI["InForce-notInForce"]) in rdf


def test_jsonld_has_a_context_with_the_vocabularies(graph):
    from cancu.graph.exports import export_text

    doc = json.loads(export_text(graph, "jsonld", base=BASE))
    assert doc["@context"]["eli"] == str(ELI)
    assert {"cancu", "prov", "skos", "org", "dcterms"} <= set(doc["@context"])
    assert any(n.get("eli:number") == "76/NQ-CP" for n in doc["@graph"])


AUDIT_SPARQL = """
PREFIX cancu: <https://w3id.org/cancu/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?plan ?cited ?relation ?flag WHERE {
  VALUES (?p ?relation) { (eli:based_on "basis") (eli:cites "reference") }
  ?plan a cancu:Plan ; cancu:loaded true ; ?p ?cited .
  OPTIONAL { ?plan eli:date_document ?pdate }
  OPTIONAL { ?plan cancu:periodStart ?pstart }
  OPTIONAL { ?cited cancu:status ?status0 }
  OPTIONAL { ?cited eli:date_no_longer_in_force ?until0 }
  OPTIONAL { ?cited cancu:statusDate ?sdate }
  OPTIONAL { ?cited cancu:confidence ?conf }
  OPTIONAL { SELECT ?cited (COUNT(?r) AS ?nReplaced) (MIN(STR(?rd)) AS ?firstReplaced) WHERE {
      ?cited cancu:replacedBy ?r .
      OPTIONAL { ?st rdf:subject ?cited ; rdf:predicate cancu:replacedBy ; rdf:object ?r ; dcterms:date ?rd } }
    GROUP BY ?cited }
  OPTIONAL { SELECT ?cited (COUNT(?a) AS ?nAmended) WHERE { ?cited eli:amended_by ?a } GROUP BY ?cited }
  OPTIONAL { SELECT ?cited (COUNT(?a2) AS ?nAmendedNow) WHERE {
      ?cited eli:amended_by ?a2 .
      OPTIONAL { ?st2 rdf:subject ?cited ; rdf:predicate eli:amended_by ; rdf:object ?a2 ; dcterms:date ?ad }
      FILTER (!BOUND(?ad) || STR(?ad) <= ?asOf) }
    GROUP BY ?cited }
  BIND (COALESCE(?status0, "") AS ?status)
  BIND (COALESCE(STR(?pdate), IF(BOUND(?pstart), CONCAT(STR(?pstart), "-01-01"), "")) AS ?planDate)
  BIND (?status IN ("replaced", "expired") AS ?gone)
  BIND (COALESCE(?nReplaced, 0) > 0 AS ?replaced)
  BIND (COALESCE(IF(?gone, COALESCE(STR(?until0), STR(?sdate)), STR(?until0)), "") AS ?u1)
  BIND (IF(?u1 = "" && ?replaced, COALESCE(?firstReplaced, ""), ?u1) AS ?until)
  BIND ((?status != "" && ?status != "unknown") || ?replaced || COALESCE(?nAmended, 0) > 0 AS ?known)
  BIND (IF(!?known, "grey",
        IF(?until != "" && ?until <= ?asOf && (?gone || ?replaced),
           IF(?planDate != "" && ?until > ?planDate, "yellow", "red"),
        IF(?gone && ?until = "", "red",
        IF(?status = "partly_expired", "yellow",
        IF(COALESCE(?nAmendedNow, 0) > 0 || ?status = "amended", "yellow",
        IF(?status = "in_force" || (?status = "" && !?replaced), "green",
        IF(?until != "" && ?until > ?asOf, "green", "grey"))))))) AS ?raw)
  BIND (IF(?known && COALESCE(?conf, "") IN ("low", "unverified"), "grey", ?raw) AS ?flag)
}
"""


def test_audit_is_reproduced_from_the_rdf_alone_with_sparql(graph):
    rdf = RDFGraph().parse(data=to_rdf(graph, BASE).serialize(format="turtle"), format="turtle")
    verdicts = set()
    for as_of in ("2019-01-01", "2024-06-30", "2025-07-01", "2026-11-22"):
        rows = rdf.query(AUDIT_SPARQL, initBindings={"asOf": Literal(as_of)})
        by_sparql = Counter(
            (str(r.plan)[len(BASE) + 4 :], str(r.cited)[len(BASE) + 4 :], str(r.relation), str(r.flag))
            for r in rows
        )
        expected = Counter(
            (r.plan.split(":", 1)[1], r.cited.split(":", 1)[1], r.relation, r.flag)
            for r in audit(graph, as_of=as_of).rows_
        )
        assert by_sparql == expected, as_of
        verdicts |= {f for *_, f in expected}
    assert verdicts == {"yellow", "green", "grey"}  # the seeds cite nothing already gone when issued: no red
