"""Differential: the same graph in the embedded form and on a Bolt server gives the same answers,
for every query, on a synthetic country; and the native Cypher cascade agrees with ``trace``."""

from __future__ import annotations

import pytest

from cancu.graph.neo4j_queries import cascade, reporting_chain
from cancu.graph.neo4j_store import pull, push
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
    generate_country(out, seed=3, provinces=2, communes_per_province=3, departments_per_province=2,
                     tasks_per_plan=6)
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
        n.key for n in trace(g, "76/NQ-CP 2021", as_of=AS_OF).nodes)
    assert cascade(uri, user, pw, "doc:1-kh-ubnd.2022@x") == ["doc:1-kh-ubnd.2022@x", "doc:2-kh-ubnd.2022@x.y"]
    assert cascade(uri, user, pw, "doc:no-such") == []
    assert reporting_chain(uri, user, pw, "agency:phong-noi-vu@x.y") == ["agency:ubnd@x.y"]
