"""The graph as RDF, with the vocabulary of ``cancu/ontology/cancu.ttl``.

IRIs are the node keys under a base ("doc:76-nq-cp.2021" -> BASE + "doc/76-nq-cp.2021").
ELI terms wherever ELI has them (``eli:number``, ``eli:id_local``, ``eli:in_force``
with ELI's ``InForce`` values, ``eli:date_document``, ``eli:first_date_entry_in_force``,
``eli:date_no_longer_in_force``, ``eli:amended_by``, ``eli:passed_by``,
``eli:based_on``, ``eli:cites``); ``cancu:`` only where ELI has nothing.

Everything the audit reads is exported, so an RDF consumer can reproduce
``cancu audit --as-of`` with SPARQL alone (``tests/test_ontology_rdf.py`` does):
the registry's status and status date, in-force-until, period end, confidence,
and the date of each replacement, amendment and succession. An edge's date and
evidence sit on an ``rdf:Statement`` about that edge; evidence is PROV-O (a
``prov:Derivation`` from the source document with the file, span and quote).
Statement and derivation IRIs are digests of what they describe, so an export
is deterministic and holds no blank nodes.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import networkx as nx
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS, XSD

from cancu.ontology import rdf as names
from cancu.ontology.vocab import EdgeKind, NodeKind

CANCU = Namespace(names.CANCU)
ELI = Namespace(names.ELI)
ORG = Namespace(names.ORG)

DOCS = (NodeKind.DOCUMENT.value, NodeKind.PLAN.value)
CLASSES = {
    NodeKind.DOCUMENT.value: [ELI.LegalResource, CANCU.Document],
    NodeKind.PLAN.value: [ELI.LegalResource, CANCU.Document, CANCU.Plan],
    NodeKind.AGENCY.value: [ORG.Organization, CANCU.Agency],
    NodeKind.JURISDICTION.value: [CANCU.Jurisdiction],
    NodeKind.TARGET.value: [CANCU.Target],
    NodeKind.TASK.value: [CANCU.Task],
    NodeKind.METRIC.value: [CANCU.Metric, SKOS.Concept],
    NodeKind.AREA.value: [CANCU.Area, SKOS.Concept],
}
PROPERTIES = {
    EdgeKind.BASED_ON.value: ELI.based_on,
    EdgeKind.CITES.value: ELI.cites,
    EdgeKind.IMPLEMENTS.value: CANCU.implements,
    EdgeKind.ISSUED_BY.value: ELI.passed_by,
    EdgeKind.HAS_TARGET.value: CANCU.hasTarget,
    EdgeKind.HAS_TASK.value: CANCU.hasTask,
    EdgeKind.MEASURES.value: CANCU.measures,
    EdgeKind.CASCADES_FROM.value: CANCU.cascadesFrom,
    EdgeKind.LEADS.value: CANCU.leads,
    EdgeKind.SUPPORTS.value: CANCU.supports,
    EdgeKind.RESPONSIBLE_FOR.value: CANCU.responsibleFor,
    EdgeKind.REPORTS_TO.value: CANCU.reportsTo,
    EdgeKind.PART_OF.value: CANCU.partOf,
    EdgeKind.IN_AREA.value: DCTERMS.subject,
    EdgeKind.REPLACED_BY.value: CANCU.replacedBy,
    EdgeKind.AMENDED_BY.value: ELI.amended_by,
    EdgeKind.SUCCEEDED_BY.value: CANCU.succeededBy,
    EdgeKind.IN_JURISDICTION.value: CANCU.inJurisdiction,
}
# cancu's document statuses as ELI's in-force code list (eli:InForceTable); "unknown" has no ELI value
IN_FORCE = {
    "in_force": ELI["InForce-inForce"],
    "amended": ELI["InForce-inForce"],
    "partly_expired": ELI["InForce-partiallyInForce"],
    "replaced": ELI["InForce-notInForce"],
    "expired": ELI["InForce-notInForce"],
}
DATES = {
    "date": ELI.date_document,
    "in_force_from": ELI.first_date_entry_in_force,
    "in_force_until": ELI.date_no_longer_in_force,
    "status_date": CANCU.statusDate,
    "period_end": CANCU.periodEnd,
    "active_from": CANCU.activeFrom,
    "active_until": CANCU.activeUntil,
}
STRINGS = {
    "level": CANCU.level,
    "status": CANCU.status,
    "unit": CANCU.unit,
    "comparator": CANCU.comparator,
    "confidence": CANCU.confidence,
    "product": CANCU.product,
    "frequency": CANCU.frequency,
}
PREFIXES = {
    "cancu": CANCU,
    "eli": ELI,
    "org": ORG,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "owl": OWL,
    "xsd": XSD,
    "rdf": RDF,
}


def iri(key: str, base: str) -> URIRef:
    return URIRef(names.iri(key, base))


def _minted(base: str, kind: str, *parts: Any) -> URIRef:
    digest = hashlib.sha256(json.dumps(parts, ensure_ascii=False, default=str).encode()).hexdigest()[:20]
    return URIRef(f"{base.rstrip('/#')}/{kind}/{digest}")


def _date(value: Any) -> Literal | None:
    text = str(value or "")
    return Literal(text, datatype=XSD.date) if len(text) == 10 and text[4] == "-" and text[7] == "-" else None


def _evidence(rdf: Graph, subject: URIRef, evidence: list[dict], base: str) -> None:
    """PROV-O: ``subject prov:wasDerivedFrom doc`` and a qualified derivation with the file, span and quote."""
    for ev in evidence or []:
        doc = ev.get("doc")
        if not doc:
            continue
        source = iri(doc, base)
        rdf.add((subject, PROV.wasDerivedFrom, source))
        d = _minted(base, "derivation", str(subject), doc, ev.get("file"), ev.get("span"))
        rdf.add((subject, PROV.qualifiedDerivation, d))
        rdf.add((d, RDF.type, PROV.Derivation))
        rdf.add((d, PROV.entity, source))
        if ev.get("file"):
            rdf.add((d, CANCU.file, Literal(str(ev["file"]))))
        span = ev.get("span")
        if span and len(span) == 2:
            rdf.add((d, CANCU.spanStart, Literal(int(span[0]))))
            rdf.add((d, CANCU.spanEnd, Literal(int(span[1]))))
        if ev.get("quote"):
            rdf.add((d, CANCU.quote, Literal(str(ev["quote"]))))


def _node(rdf: Graph, key: str, d: dict, base: str) -> None:
    s = iri(key, base)
    kind = d.get("kind")
    for cls in CLASSES.get(kind, []):
        rdf.add((s, RDF.type, cls))
    label = d.get("label") or d.get("name") or d.get("number") or d.get("text") or key
    rdf.add((s, SKOS.prefLabel, Literal(str(label))))
    local = key.split(":", 1)[1]
    rdf.add((s, DCTERMS.identifier, Literal(local)))
    if kind in DOCS:
        rdf.add((s, ELI.id_local, Literal(local)))  # unique; the printed number is shared across years
        if d.get("number"):
            rdf.add((s, ELI.number, Literal(str(d["number"]))))
            rdf.add((s, CANCU.number, Literal(str(d["number"]))))
        rdf.add((s, CANCU.docType, Literal(str(d.get("doc_type") or "unknown"))))
        rdf.add((s, CANCU.loaded, Literal(bool(d.get("loaded")))))
        rdf.add((s, CANCU.inRegistry, Literal(bool(d.get("registry")))))
        if d.get("status") in IN_FORCE:
            rdf.add((s, ELI.in_force, IN_FORCE[d["status"]]))
        if d.get("period"):
            rdf.add((s, CANCU.periodStart, Literal(str(d["period"][0]), datatype=XSD.gYear)))
        for reg in d.get("registry") or []:
            if str(reg.get("source") or "").startswith(("http://", "https://")):
                rdf.add((s, PROV.hadPrimarySource, URIRef(reg["source"])))
    if kind in (NodeKind.TASK.value, NodeKind.TARGET.value) and d.get("text"):
        rdf.add((s, CANCU.text, Literal(str(d["text"]))))
    if d.get("title"):
        rdf.add((s, DCTERMS.title, Literal(str(d["title"]))))
    for name, prop in DATES.items():
        value = _date(d.get(name))
        if value is not None:
            rdf.add((s, prop, value))
    for name, prop in STRINGS.items():
        if d.get(name) and not (name == "status" and kind not in DOCS):
            rdf.add((s, prop, Literal(str(d[name]))))
    if kind == NodeKind.TARGET.value and d.get("value") is not None:
        rdf.add((s, CANCU.value, Literal(str(d["value"]), datatype=XSD.decimal)))
    if kind == NodeKind.TARGET.value and isinstance(d.get("deadline"), int):
        rdf.add((s, CANCU.deadline, Literal(str(d["deadline"]), datatype=XSD.gYear)))
    _evidence(rdf, s, d.get("evidence") or [], base)


def _edge(rdf: Graph, a: str, b: str, kind: str, d: dict, base: str) -> None:
    prop = PROPERTIES.get(kind)
    if prop is None:
        return
    s, o = iri(a, base), iri(b, base)
    rdf.add((s, prop, o))
    date = _date(d.get("date"))
    if date is None and not d.get("evidence") and not d.get("confidence"):
        return
    st = _minted(base, "statement", a, kind, b)
    rdf.add((st, RDF.type, RDF.Statement))
    rdf.add((st, RDF.subject, s))
    rdf.add((st, RDF.predicate, prop))
    rdf.add((st, RDF.object, o))
    if date is not None:
        rdf.add((st, DCTERMS.date, date))
    if d.get("confidence"):
        rdf.add((st, CANCU.confidence, Literal(str(d["confidence"]))))
    _evidence(rdf, st, d.get("evidence") or [], base)


def to_rdf(g: nx.MultiDiGraph, base: str) -> Graph:
    rdf = Graph()
    for prefix, ns in PREFIXES.items():
        rdf.bind(prefix, ns)
    for key, d in g.nodes(data=True):
        _node(rdf, key, d, base)
    for a, b, k, d in g.edges(keys=True, data=True):
        _edge(rdf, a, b, k, d, base)
    return rdf


def jsonld_context() -> dict[str, str]:
    """The JSON-LD ``@context``: the vocabularies' prefixes (ids stay absolute IRIs)."""
    return {p: str(ns) for p, ns in PREFIXES.items()}


def to_jsonld(g: nx.MultiDiGraph, base: str) -> str:
    return to_rdf(g, base).serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
