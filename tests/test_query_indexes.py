"""The graph's plan indexes (graph.derived.index_leads / index_metrics) change no answer, and
queries leave the garbage collector as they found it."""

from __future__ import annotations

import copy
import gc
from pathlib import Path

import pytest

from cancu.errors import QueryError
from cancu.graph.derived import LEADS_INDEX, METRIC_NODES, METRICS_INDEX
from cancu.graph.embedded import open_store
from cancu.loaders.extract import extract_many
from cancu.queries.gaps import gaps
from cancu.queries.trace import trace
from cancu.testing.synth import generate_country

AS_OF = "2026-11-22"


def _graph(paths: list[Path], store: Path):
    open_store(store).load(list(zip(map(str, paths), extract_many(paths), strict=True)))
    return open_store(store).graph()


def _without_indexes(g):
    bare = copy.deepcopy(g)
    del bare.graph[LEADS_INDEX], bare.graph[METRICS_INDEX], bare.graph[METRIC_NODES]
    return bare


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory, seeds):
    return _graph(list(seeds), tmp_path_factory.mktemp("idx-seeds"))


@pytest.fixture(scope="module")
def synthetic_graph(tmp_path_factory):
    out = tmp_path_factory.mktemp("idx-country")
    manifest = generate_country(
        out / "country", seed=5, provinces=2, departments_per_province=3, communes_per_province=4
    )
    return _graph([out / "country" / p["file"] for p in manifest.plans], out / "store")


@pytest.mark.parametrize("which", ["seeds_graph", "synthetic_graph"])
def test_trace_and_gaps_are_the_same_with_and_without_the_indexes(request, which):
    g = request.getfixturevalue(which)
    assert g.graph[LEADS_INDEX] and g.graph[METRICS_INDEX] and g.graph[METRIC_NODES]
    bare = _without_indexes(g)
    with_index = trace(g, "doc:76-nq-cp.2021", as_of=AS_OF)
    assert len(with_index.nodes) > 3
    assert any(n.responsible for n in with_index.nodes) and any(n.targets for n in with_index.nodes)
    assert with_index == trace(bare, "doc:76-nq-cp.2021", as_of=AS_OF)
    assert gaps(g, as_of=AS_OF) == gaps(bare, as_of=AS_OF)


def test_queries_restore_the_collector_even_when_they_fail(seeds_graph):
    assert gc.isenabled()
    trace(seeds_graph, "doc:76-nq-cp.2021", as_of=AS_OF)
    assert gc.isenabled()
    with pytest.raises(QueryError):
        trace(seeds_graph, "no-such-document", as_of=AS_OF)
    assert gc.isenabled()
    gc.disable()
    try:
        trace(seeds_graph, "doc:76-nq-cp.2021", as_of=AS_OF)
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()


def test_trace_of_one_province_keeps_its_communes_and_departments(synthetic_graph):
    """--jurisdiction "<province>" keeps every plan of the cascade inside that province — communes
    whose printed jurisdiction names only the commune included — and the chain above them."""
    g = synthetic_graph
    whole = trace(g, "doc:76-nq-cp.2021", as_of=AS_OF)
    province = next(n for n in whole.nodes if n.level == "province")
    pid = str(g.nodes[province.key]["jurisdiction"]).removeprefix("jur:")
    name = g.nodes[f"jur:{pid}"]["name"]
    inside = {
        n.key
        for n in whole.nodes
        if str(g.nodes[n.key].get("jurisdiction") or "").removeprefix("jur:").split(".")[0] == pid
    }
    assert any(n.level == "commune" for n in whole.nodes if n.key in inside)
    only = trace(g, "doc:76-nq-cp.2021", as_of=AS_OF, jurisdiction=name)
    kept = {n.key for n in only.nodes}
    assert inside <= kept
    assert kept - inside == {
        n.key for n in only.nodes if n.depth < province.depth + 1 and n.key not in inside
    }
    full = {n.key: n for n in whole.nodes}
    assert all(n == full[n.key] for n in only.nodes)  # the same rows, responsible and targets included
