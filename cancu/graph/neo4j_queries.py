"""Questions answered in Cypher on the server, for analysts' tools and large graphs.

Each agrees with its embedded counterpart in ``cancu.queries`` (tested on the same
graph): ``cascade`` is the set of documents ``trace`` lists below a document,
``reporting_chain`` the agencies a REPORTS_TO walk reaches. Every value is a parameter.
"""

from __future__ import annotations

from cancu.graph.cypher_dialect import NODE_LABEL
from cancu.graph.neo4j_store import driver

CASCADE = (
    f"MATCH (root:{NODE_LABEL} {{id: $key}}) "
    f"OPTIONAL MATCH (d:{NODE_LABEL})-[:IMPLEMENTS*1..]->(root) "
    "RETURN root.id AS root, collect(DISTINCT d.id) AS below"
)

REPORTING_CHAIN = (
    f"MATCH (a:{NODE_LABEL} {{id: $key}}) "
    f"OPTIONAL MATCH (a)-[:REPORTS_TO*1..]->(up:{NODE_LABEL}) "
    "RETURN collect(DISTINCT up.id) AS up"
)


def cascade(uri: str, user: str, password: str, doc_key: str, database: str | None = None) -> list[str]:
    """The document and every document implementing it, directly or down the chain, sorted."""
    with driver(uri, user, password).session(database=database) as s:
        rec = s.run(CASCADE, key=doc_key).single()
    if rec is None:
        return []
    return sorted({rec["root"], *rec["below"]})


def reporting_chain(
    uri: str, user: str, password: str, agency_key: str, database: str | None = None
) -> list[str]:
    """Every agency reached by following REPORTS_TO from ``agency_key``, sorted."""
    with driver(uri, user, password).session(database=database) as s:
        rec = s.run(REPORTING_CHAIN, key=agency_key).single()
    return sorted(rec["up"]) if rec else []
