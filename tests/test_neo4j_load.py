"""``load``, ``status`` and ``forget`` on a Bolt server: files' records live on the server, the graph
is rebuilt from them and pushed, so the server holds exactly what an embedded store of the same
files holds; a server filled by ``cancu push`` refuses a load with one line."""

from __future__ import annotations

import pytest

from cancu.errors import StoreError
from cancu.graph.assemble import build_graph
from cancu.graph.neo4j_store import Neo4jStore, driver, pull, push
from cancu.loaders.extract import extract_path
from cancu.ontology.registry import load_registry
from tests.test_neo4j_push import bolt, same_graph, server, server_fingerprint  # noqa: F401 - fixtures

pytestmark = pytest.mark.bolt


@pytest.fixture()
def empty(server):  # noqa: F811
    """The server with no cancu nodes and no loaded files."""
    uri, user, pw = server
    with driver(uri, user, pw).session() as s:
        s.run("MATCH (f:CancuFile) DELETE f").consume()
    return Neo4jStore(uri, user, pw)


@pytest.fixture(scope="module")
def items(seeds):
    return [(str(p), extract_path(p)) for p in seeds[:4]]


def graph_of(items) -> object:
    return build_graph([r for _, r in items], load_registry([]))


def counts(graph) -> dict[str, int]:
    out: dict[str, int] = {}
    for _, d in graph.nodes(data=True):
        out[d["kind"]] = out.get(d["kind"], 0) + 1
    return dict(sorted(out.items()))


def test_load_holds_what_an_embedded_store_of_the_same_files_holds(empty, items):
    first = empty.load(items[:3])
    assert (first.new, first.changed, first.unchanged) == ([p for p, _ in items[:3]], [], [])
    assert first.counts == counts(graph_of(items[:3]))
    same_graph(pull(empty.uri, empty.user, ""), graph_of(items[:3]))
    status = empty.status()
    assert (status["files"], status["nodes"], status["by_kind"]) == (
        3,
        sum(first.counts.values()),
        first.counts,
    )
    assert status["edges"] == graph_of(items[:3]).number_of_edges()


def test_loading_again_changes_nothing_and_one_more_file_adds_its_facts(empty, items):
    empty.load(items[:3])
    before = server_fingerprint(empty.uri, empty.user, "")
    again = empty.load(items[:3])
    assert (again.new, again.changed, len(again.unchanged)) == ([], [], 3)
    assert server_fingerprint(empty.uri, empty.user, "") == before
    more = empty.load(items)
    assert (more.new, len(more.unchanged)) == ([items[3][0]], 3)
    same_graph(pull(empty.uri, empty.user, ""), graph_of(items))
    assert empty.known_sha256(items[3][0]) == items[3][1].sha256


def test_forget_removes_exactly_one_files_facts(empty, items):
    empty.load(items)
    assert empty.forget(items[1][0].rsplit("/", 1)[1])  # a base name only one loaded file has
    same_graph(pull(empty.uri, empty.user, ""), graph_of([items[0], *items[2:]]))
    assert empty.status()["files"] == 3
    assert empty.forget("never-loaded.txt") is False
    assert empty.status()["files"] == 3


def test_a_pushed_graph_refuses_a_load_and_keeps_its_nodes(empty, items):
    push(graph_of(items[:2]), empty.uri, empty.user, "")
    before = server_fingerprint(empty.uri, empty.user, "")
    with pytest.raises(StoreError, match=r"holds a graph pushed with cancu push \(\d+ nodes\)"):
        empty.load(items[2:3])
    assert server_fingerprint(empty.uri, empty.user, "") == before


def test_registry_files_are_refused_with_one_line(empty, items, tmp_path):
    with pytest.raises(StoreError, match="--registry works on an embedded store"):
        empty.load(items[:1], [tmp_path / "rows.csv"])
