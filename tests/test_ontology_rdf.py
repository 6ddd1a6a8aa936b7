"""The RDF ontology and SHACL shapes parse, and the shapes tell good data from bad."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS, XSD

from cancu.errors import CancuError
from cancu.ontology.rdf import CANCU, ELI, iri, ontology_file

C = Namespace(CANCU)


def _ontology() -> Graph:
    return Graph().parse(data=ontology_file("cancu.ttl"), format="turtle")


def _shapes() -> Graph:
    return Graph().parse(data=ontology_file("shapes.ttl"), format="turtle")


def test_ontology_aligns_with_eli() -> None:
    g = _ontology()
    assert (C.replacedBy, RDFS.subPropertyOf, URIRef(ELI + "changed_by")) in g
    assert (C.Document, RDFS.subClassOf, URIRef(ELI + "LegalResource")) in g
    assert (C.implements, RDFS.subPropertyOf, C.basedOn) in g
    assert len(set(_shapes().subjects(URIRef("http://www.w3.org/ns/shacl#targetClass")))) == 5


def test_iri_from_node_keys() -> None:
    assert iri("doc:76-nq-cp.2021") == "https://w3id.org/cancu/doc/76-nq-cp.2021"
    assert iri("target:2685-qd-ubnd.2021@binh-phuoc#3", "http://ex.org/kg") == (
        "http://ex.org/kg/target/2685-qd-ubnd.2021@binh-phuoc%233"
    )
    with pytest.raises(CancuError, match="not a graph node key"):
        iri("76/NQ-CP")


def _plan(value: Literal, task_text: Literal | None) -> Graph:
    g = Graph()
    plan, target, task, agency = (
        URIRef(iri(k))
        for k in (
            "doc:2685-qd-ubnd.2021@binh-phuoc",
            "target:2685-qd-ubnd.2021@binh-phuoc#1",
            "task:2685-qd-ubnd.2021@binh-phuoc#1",
            "agency:so-noi-vu@binh-phuoc",
        )
    )
    g.add((plan, RDF.type, C.Plan))
    g.add((plan, C.number, Literal("2685/QĐ-UBND")))
    g.add((plan, C.docType, Literal("QĐ")))
    g.add((plan, DCTERMS.identifier, Literal("2685-qd-ubnd.2021@binh-phuoc")))
    g.add((plan, URIRef(ELI + "id_local"), Literal("2685-qd-ubnd.2021@binh-phuoc")))
    g.add((plan, C.hasTarget, target))
    g.add((plan, C.hasTask, task))
    g.add((target, RDF.type, C.Target))
    g.add((target, C.value, value))
    g.add((target, C.unit, Literal("%")))
    g.add((task, RDF.type, C.Task))
    if task_text is not None:
        g.add((task, C.text, task_text))
    g.add((agency, RDF.type, C.Agency))
    g.add((agency, SKOS.prefLabel, Literal("Sở Nội vụ")))
    return g


SH = Namespace("http://www.w3.org/ns/shacl#")


def _violations(g: Graph) -> set[URIRef]:
    """The property paths the shapes reject."""
    ok, report, _ = pyshacl.validate(g, shacl_graph=_shapes(), ont_graph=_ontology(), inference="rdfs")
    paths = set(report.objects(None, SH.resultPath))
    assert ok == (not paths)
    return paths


def test_good_plan_conforms() -> None:
    assert _violations(_plan(Literal("80", datatype=XSD.decimal), Literal("Rà soát TTHC"))) == set()


def test_text_value_and_missing_task_text_are_reported() -> None:
    assert _violations(_plan(Literal("tám mươi"), None)) == {C.value, C.text}


@pytest.mark.parametrize("path", [C.docType, URIRef(ELI + "id_local")])
def test_plan_is_checked_as_a_document(path) -> None:
    g = _plan(Literal("80", datatype=XSD.decimal), Literal("Rà soát TTHC"))
    g.remove((None, path, None))
    assert _violations(g) == {path}


def test_an_unnumbered_plan_conforms() -> None:
    # a plan without a printed number has an id built from its text: the shapes must accept it
    g = _plan(Literal("80", datatype=XSD.decimal), Literal("Rà soát TTHC"))
    g.remove((None, C.number, None))
    assert _violations(g) == set()
