"""The graph as RDF, with the vocabulary of ``cancu/ontology/cancu.ttl``.

IRIs are the node keys under a base ("doc:76-nq-cp.2021" -> BASE + "doc/76-nq-cp.2021");
node keys contain only ``[a-z0-9.@_:#-]`` so they are safe IRI path segments.
"""

from __future__ import annotations

import networkx as nx
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS, XSD

from cancu.ontology import rdf as names
from cancu.ontology.vocab import EdgeKind, NodeKind

CANCU = Namespace(names.CANCU)
ELI = Namespace(names.ELI)
ORG = Namespace(names.ORG)

CLASSES = {
    NodeKind.DOCUMENT.value: [ELI.LegalResource], NodeKind.PLAN.value: [ELI.LegalResource, CANCU.Plan],
    NodeKind.AGENCY.value: [ORG.Organization, CANCU.Agency], NodeKind.JURISDICTION.value: [CANCU.Jurisdiction],
    NodeKind.TARGET.value: [CANCU.Target], NodeKind.TASK.value: [CANCU.Task],
    NodeKind.METRIC.value: [CANCU.Metric, SKOS.Concept], NodeKind.AREA.value: [CANCU.Area, SKOS.Concept],
}
PROPERTIES = {
    EdgeKind.BASED_ON.value: ELI.based_on, EdgeKind.CITES.value: ELI.cites, EdgeKind.IMPLEMENTS.value: CANCU.implements,
    EdgeKind.ISSUED_BY.value: ELI.passed_by, EdgeKind.HAS_TARGET.value: CANCU.hasTarget,
    EdgeKind.HAS_TASK.value: CANCU.hasTask, EdgeKind.MEASURES.value: CANCU.measures,
    EdgeKind.CASCADES_FROM.value: CANCU.cascadesFrom, EdgeKind.LEADS.value: CANCU.leads,
    EdgeKind.SUPPORTS.value: CANCU.supports, EdgeKind.RESPONSIBLE_FOR.value: CANCU.responsibleFor,
    EdgeKind.REPORTS_TO.value: CANCU.reportsTo, EdgeKind.PART_OF.value: CANCU.partOf,
    EdgeKind.IN_AREA.value: DCTERMS.subject, EdgeKind.REPLACED_BY.value: CANCU.replacedBy,
    EdgeKind.AMENDED_BY.value: CANCU.amendedBy, EdgeKind.SUCCEEDED_BY.value: CANCU.succeededBy,
    EdgeKind.IN_JURISDICTION.value: CANCU.inJurisdiction,
}


def iri(key: str, base: str) -> URIRef:
    return URIRef(names.iri(key, base))


def to_rdf(g: nx.MultiDiGraph, base: str) -> Graph:
    rdf = Graph()
    for prefix, ns in (("cancu", CANCU), ("eli", ELI), ("org", ORG), ("skos", SKOS), ("prov", PROV),
                       ("dcterms", DCTERMS), ("owl", OWL)):
        rdf.bind(prefix, ns)
    for key, d in g.nodes(data=True):
        s = iri(key, base)
        for cls in CLASSES.get(d.get("kind"), []):
            rdf.add((s, RDF.type, cls))
        label = d.get("label") or d.get("name") or d.get("number") or d.get("text") or key
        rdf.add((s, SKOS.prefLabel, Literal(str(label))))
        if d.get("kind") in (NodeKind.DOCUMENT.value, NodeKind.PLAN.value) and d.get("number"):
            rdf.add((s, RDF.type, CANCU.Document))  # numbered documents: the SHACL shape's class
            rdf.add((s, CANCU.number, Literal(str(d["number"]))))
            rdf.add((s, CANCU.docType, Literal(str(d.get("doc_type") or "unknown"))))
            rdf.add((s, ELI.id_local, Literal(str(d["number"]))))
        rdf.add((s, DCTERMS.identifier, Literal(key.split(":", 1)[1])))
        if d.get("kind") == NodeKind.TASK.value and d.get("text"):
            rdf.add((s, CANCU.text, Literal(str(d["text"]))))
        if d.get("title"):
            rdf.add((s, DCTERMS.title, Literal(str(d["title"]))))
        if d.get("date"):
            rdf.add((s, ELI.date_document, Literal(d["date"], datatype=XSD.date)))
        if d.get("kind") in (NodeKind.DOCUMENT.value, NodeKind.PLAN.value):
            rdf.add((s, CANCU.loaded, Literal(bool(d.get("loaded")))))
        for name in ("level", "status", "unit", "comparator"):
            if d.get(name) and not (name == "status" and d.get("kind") not in (NodeKind.DOCUMENT.value, NodeKind.PLAN.value)):
                rdf.add((s, CANCU[name], Literal(str(d[name]))))
        if d.get("kind") == NodeKind.TARGET.value and d.get("value") is not None:
            rdf.add((s, CANCU.value, Literal(str(d["value"]), datatype=XSD.decimal)))
        for ev in d.get("evidence") or []:
            rdf.add((s, PROV.wasDerivedFrom, iri(ev["doc"], base)))
            rdf.add((s, CANCU.evidence, Literal(f"{ev.get('file')}:{ev.get('span')} {ev.get('quote') or ''}".strip())))
    for a, b, k, _ in g.edges(keys=True, data=True):
        prop = PROPERTIES.get(k)
        if prop is not None:
            rdf.add((iri(a, base), prop, iri(b, base)))
    return rdf
