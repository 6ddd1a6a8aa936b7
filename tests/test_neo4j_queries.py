"""Differential: the embedded graph and a Bolt server holding it give the same answers, question by
question, on a synthetic country and on the seeds — the server handing over only the subgraph each
query reads (``Neo4jStore.subgraph_for_*``, ``plan_batches``); the native Cypher cascade and the
documented recipes agree with the queries."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from cancu.errors import QueryError
from cancu.formats import for_people
from cancu.graph.neo4j_queries import cascade, reporting_chain
from cancu.graph.neo4j_store import Neo4jStore, driver, push
from cancu.ontology.vocab import EdgeKind
from cancu.queries.audit import audit
from cancu.queries.common import loaded_plans, out_edges
from cancu.queries.gaps import gaps
from cancu.queries.responsible import responsible
from cancu.queries.trace import trace
from cancu.queries.whole_store import whole_store
from tests.test_neo4j_push import AS_OF, bolt, seeds_graph, server  # noqa: F401 - fixtures
from tests.test_queries_unit import g  # noqa: F401 - fixture

pytestmark = pytest.mark.bolt


@pytest.fixture(scope="module")
def country(tmp_path_factory):
    from cancu.graph.store import open_store as open_embedded
    from cancu.loaders.extract import extract_path
    from cancu.testing.synth import generate_country

    out = tmp_path_factory.mktemp("country")
    generate_country(
        out,
        seed=3,
        provinces=2,
        communes_per_province=3,
        departments_per_province=2,
        tasks_per_plan=6,
        replaced_citation_share=0.9,
        years=(2021, 2026),
    )
    store = out / "store"
    open_embedded(store).load([(str(p), extract_path(p)) for p in sorted(out.glob("*.txt"))])
    return open_embedded(store).graph()


def _answer(query, graph, *args, **kw):
    """A query's result, or the one-line error it raises (which must agree too)."""
    try:
        return query(graph, *args, as_of=AS_OF, **kw)
    except QueryError as err:
        return f"QueryError: {err}"


def _questions(graph: nx.MultiDiGraph) -> list[tuple[str, str, dict]]:
    """(query, what, options) for every loaded plan, metric, some tasks, targets and cited documents."""
    kinds: dict[str, list[str]] = {}
    for key, d in graph.nodes(data=True):
        kinds.setdefault(d.get("kind"), []).append(key)
    plans = loaded_plans(graph)
    cited = sorted({t for p in plans for t, _ in out_edges(graph, p, EdgeKind.BASED_ON)})
    asked = []
    for p in plans:
        asked += [("trace", p, {}), ("responsible", p, {}), ("audit", p, {}), ("gaps", p, {})]
    for m in sorted(kinds.get("Metric", [])):
        asked += [("trace", m, {}), ("responsible", m, {})]
    for item in sorted(kinds.get("Task", []))[:10] + sorted(kinds.get("Target", []))[:10]:
        asked += [("responsible", item, {}), ("trace", item, {})]
    for doc in cited[:12]:
        number = graph.nodes[doc].get("number")
        asked += [("trace", doc, {}), ("trace", doc, {"depth": 1})]
        if number:
            asked += [("trace", str(number), {}), ("responsible", str(number), {})]
    jurisdictions = sorted(
        {str(graph.nodes[p].get("jurisdiction")) for p in plans if graph.nodes[p].get("jurisdiction")}
    )
    for j in jurisdictions[:3]:
        asked.append(("trace", "76/NQ-CP 2021", {"jurisdiction": j.removeprefix("jur:")}))
    return asked


QUERIES = {"trace": trace, "responsible": responsible}


def _same_answers_over_bolt(graph: nx.MultiDiGraph, store: Neo4jStore) -> int:
    """Every question answered on the whole embedded graph and on the subgraph the server hands over;
    returns how many were compared."""
    asked = _questions(graph)
    for query, what, kw in asked:
        if query in QUERIES:
            part = (store.subgraph_for_trace if query == "trace" else store.subgraph_for_responsible)(what)
            want, got = _answer(QUERIES[query], graph, what, **kw), _answer(QUERIES[query], part, what, **kw)
        else:
            fn = audit if query == "audit" else gaps
            part = store.subgraph_for_plans([what])
            want, got = _answer(fn, graph, [what]), _answer(fn, part, [what])
        assert got == want, (query, what, kw)
        if not isinstance(want, str):
            assert got.rows() == want.rows()
    return len(asked)


def _streamed(store: Neo4jStore, query) -> list:
    rows: list = []
    for batch, part in store.plan_batches(size=7, query=query.__name__):
        result = query(part, batch, as_of=AS_OF)
        rows += result.rows_ if hasattr(result, "rows_") else result.gaps
    return rows


def test_synthetic_country_answers_the_same_through_bolt(server, country):  # noqa: F811
    uri, user, pw = server
    push(country, uri, user, pw)
    store = Neo4jStore(uri, user, pw)
    assert _same_answers_over_bolt(country, store) > 150
    assert _streamed(store, audit) == audit(country, None, as_of=AS_OF).rows_
    assert _streamed(store, gaps) == gaps(country, None, as_of=AS_OF).gaps
    for name, query in (("audit", audit), ("gaps", gaps)):
        result, names = whole_store(store, name, AS_OF, size=9)
        want = query(country, None, as_of=AS_OF)
        assert result == want
        assert for_people(result.rows(), names) == for_people(want.rows(), country)


def test_seeds_answer_the_same_through_bolt(server, seeds_graph):  # noqa: F811
    uri, user, pw = server
    push(seeds_graph, uri, user, pw)
    store = Neo4jStore(uri, user, pw)
    assert _same_answers_over_bolt(seeds_graph, store) > 40
    assert _streamed(store, audit) == audit(seeds_graph, None, as_of=AS_OF).rows_
    assert _streamed(store, gaps) == gaps(seeds_graph, None, as_of=AS_OF).gaps


def test_one_plan_reads_a_small_part_of_the_server(server, country):  # noqa: F811
    """No whole-graph read: a commune plan's audit, responsible and trace fetch a fraction of the graph."""
    uri, user, pw = server
    push(country, uri, user, pw)
    store = Neo4jStore(uri, user, pw)
    commune = next(p for p in loaded_plans(country) if country.nodes[p].get("level") == "commune")
    for part in (
        store.subgraph_for_plans([commune]),
        store.subgraph_for_responsible(commune),
        store.subgraph_for_trace(commune),
    ):
        assert commune in part
        assert part.number_of_nodes() < country.number_of_nodes() / 3
        assert part.number_of_edges() < country.number_of_edges() / 3


def test_the_api_on_a_bolt_store_answers_as_the_embedded_graph(server, country, monkeypatch):  # noqa: F811
    from cancu.api import open_store

    uri, user, pw = server
    push(country, uri, user, pw)
    monkeypatch.setenv("NEO4J_USER", user)
    monkeypatch.setenv("NEO4J_PASSWORD", pw)
    api = open_store(uri)
    plan = loaded_plans(country)[0]
    assert api.trace("76/NQ-CP 2021", as_of=AS_OF) == trace(country, "76/NQ-CP 2021", as_of=AS_OF)
    assert api.responsible(plan, as_of=AS_OF) == responsible(country, plan, as_of=AS_OF)
    assert api.audit([plan], as_of=AS_OF) == audit(country, [plan], as_of=AS_OF)
    assert api.gaps([plan], as_of=AS_OF) == gaps(country, [plan], as_of=AS_OF)


def test_native_cascade_is_the_set_trace_lists(server, g):  # noqa: F811
    uri, user, pw = server
    push(g, uri, user, pw)
    assert cascade(uri, user, pw, "doc:76-nq-cp.2021") == sorted(
        n.key for n in trace(g, "76/NQ-CP 2021", as_of=AS_OF).nodes
    )
    assert cascade(uri, user, pw, "doc:1-kh-ubnd.2022@x") == [
        "doc:1-kh-ubnd.2022@x",
        "doc:2-kh-ubnd.2022@x.y",
    ]
    assert cascade(uri, user, pw, "doc:no-such") == []
    assert reporting_chain(uri, user, pw, "agency:phong-noi-vu@x.y") == ["agency:ubnd@x.y"]


def _recipes() -> list[str]:
    text = (Path(__file__).resolve().parents[1] / "docs" / "neo4j.md").read_text(encoding="utf-8")
    return [block.split("```", 1)[0].strip() for block in text.split("```cypher")[1:]]


def test_the_documented_recipes_run_and_find_the_red_citation(server, g):  # noqa: F811
    uri, user, pw = server
    push(g, uri, user, pw)
    params = {
        "key": "doc:76-nq-cp.2021",
        "number": "76/NQ-CP",
        "year": 2021,
        "plan": "doc:2-kh-ubnd.2022@x.y",
        "asOf": AS_OF,
    }
    recipes = _recipes()
    assert len(recipes) == 5
    with driver(uri, user, pw).session() as s:
        results = [s.run(q, **params).data() for q in recipes]
    assert len(results[0]) == 2 and len(results[1]) == 2  # two plans below 76/NQ-CP 2021
    assert sorted((r["t.text"], r["lead.name"]) for r in results[2]) == [
        ("Công khai TTHC", "Phòng Nội vụ huyện Y"),
        ("Rà soát TTHC", "Phòng Nội vụ huyện Y"),
    ]
    assert results[3] == [{"a.name": "Phòng Nội vụ huyện Y", "successor": "UBND xã Z", "tasks": 2}]
    assert results[4] == []  # replaced in 2025, after the 2022 plan: yellow, not red
    g.nodes["doc:1-kh-ubnd.2022@x"]["date"] = "2025-08-01"
    push(g, uri, user, pw)
    with driver(uri, user, pw).session() as s:
        red = s.run(recipes[4], **params).data()
    assert [(r["d.number"], r["replaced_by"], r["since"]) for r in red] == [
        ("61/2018/NĐ-CP", ["118/2025/NĐ-CP"], "2025-07-01")
    ]
    assert _red(g) == {(r["plan"], r["cited"]) for r in red}


def _red(graph) -> set[tuple[str, str]]:
    return {(r.plan, r.cited) for r in audit(graph, None, as_of=AS_OF).rows_ if r.flag == "red"}


def test_red_citation_recipe_flags_what_audit_flags_on_a_country(server, country):  # noqa: F811
    uri, user, pw = server
    push(country, uri, user, pw)
    with driver(uri, user, pw).session() as s:
        red = s.run(_recipes()[4], asOf=AS_OF).data()
    expected = _red(country)
    assert expected, "the synthetic country cites replaced documents"
    assert {(r["plan"], r["cited"]) for r in red} == expected


def test_an_unreachable_server_is_one_clear_error():
    from cancu.errors import StoreError

    with pytest.raises(StoreError, match=r"^cannot reach the Bolt server at bolt://127.0.0.1:1: "):
        push(nx.MultiDiGraph(), "bolt://127.0.0.1:1")
    with pytest.raises(StoreError, match="batch must be at least 1"):
        push(nx.MultiDiGraph(), "bolt://127.0.0.1:1", batch=0)
