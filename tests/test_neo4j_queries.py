"""Differential: the same graph in the embedded form and on a Bolt server gives the same answers,
for every query, on a synthetic country; and the native Cypher cascade agrees with ``trace``."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from cancu.graph.neo4j_queries import cascade, reporting_chain
from cancu.graph.neo4j_store import driver, pull, push
from cancu.queries.audit import audit
from cancu.queries.gaps import gaps
from cancu.queries.responsible import responsible
from cancu.queries.trace import trace
from tests.test_neo4j_push import AS_OF, bolt, same_graph, server  # noqa: F401 - fixtures
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


def test_synthetic_country_answers_the_same_through_bolt(server, country):  # noqa: F811
    uri, user, pw = server
    push(country, uri, user, pw)
    back = pull(uri, user, pw)
    same_graph(back, country)
    plans = sorted(k for k, d in country.nodes(data=True) if d.get("kind") == "Plan" and d.get("loaded"))
    assert len(plans) >= 10
    for plan in plans[:5]:
        assert trace(back, plan, as_of=AS_OF) == trace(country, plan, as_of=AS_OF)
        assert responsible(back, plan, as_of=AS_OF) == responsible(country, plan, as_of=AS_OF)
    assert audit(back, None, as_of=AS_OF) == audit(country, None, as_of=AS_OF)
    assert gaps(back, None, as_of=AS_OF) == gaps(country, None, as_of=AS_OF)


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
    assert [(r["t.text"], r["lead.name"]) for r in results[2]] == [("Rà soát TTHC", "Phòng Nội vụ huyện Y")]
    assert results[3] == [{"a.name": "Phòng Nội vụ huyện Y", "successor": "UBND xã Z", "tasks": 1}]
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
