"""RDF namespaces and the mapping from graph node keys to IRIs.

Why a configurable base: cancu runs on users' machines and has no registered
domain; whoever publishes the graph chooses the base, and node keys stay the
stable part (ids are ``[a-z0-9.@_-]`` only, see ``ids``), so IRIs are
deterministic for a given base.
"""

from __future__ import annotations

from importlib import resources
from urllib.parse import quote

from cancu.errors import CancuError

DEFAULT_BASE = "https://w3id.org/cancu/"
CANCU = "https://w3id.org/cancu/ontology#"
ELI = "http://data.europa.eu/eli/ontology#"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"

PREFIXES = {
    "cancu": CANCU,
    "eli": ELI,
    "org": ORG,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "rdfs": RDFS,
    "xsd": XSD,
}

# node-key prefix (docs/graph-schema.md) -> IRI path segment
KEY_PATHS = {
    "doc": "doc",
    "agency": "agency",
    "jur": "jurisdiction",
    "target": "target",
    "task": "task",
    "metric": "metric",
    "area": "area",
}


def iri(node_key: str, base: str = DEFAULT_BASE) -> str:
    """``iri("doc:76-nq-cp.2021")`` -> ``"https://w3id.org/cancu/doc/76-nq-cp.2021"``."""
    kind, sep, rest = node_key.partition(":")
    if not sep or kind not in KEY_PATHS or not rest:
        raise CancuError(f"not a graph node key: {node_key!r}")
    if not base.endswith(("/", "#")):
        base += "/"
    # '#' in target/task keys separates the plan from the ordinal; keep it inside one path segment.
    return f"{base}{KEY_PATHS[kind]}/{quote(rest, safe='.@_-')}"


def ontology_file(name: str) -> str:
    """Text of ``cancu.ttl`` or ``shapes.ttl`` shipped with the package."""
    return resources.files("cancu.ontology").joinpath(name).read_text(encoding="utf-8")
