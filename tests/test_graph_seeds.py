"""The knowledge graph of the five seeds, and the embedded store's guarantees."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import subprocess
import sys

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Graph as RDFGraph

from cancu.cli import main
from cancu.errors import StoreError
from cancu.graph.embedded import open_store
from cancu.loaders.extract import extract_path

from conftest import seed_paths


def _load(store_dir, paths):
    store = open_store(store_dir)
    store.load([(str(p), extract_path(p)) for p in paths])
    return store


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return _load(tmp_path_factory.mktemp("store"), seed_paths()).graph()


def _targets(g, key, kind):
    return sorted(b for _, b, k in g.out_edges(key, keys=True) if k == kind)


PLAN = {
    "000": "doc:367-kh-ubnd.2021@dong-thap",
    "002": "doc:3179-kh-sxd.2021@binh-phuoc",
    "003": "doc:03-kh-ubnd.2023@soc-trang.cu-lao-dung",
    "004": "doc:564-kh-bdt.2022@quang-ngai",
}


def test_based_on_and_cites_the_2021_programme(graph):
    vinh_long = next(
        n for n, d in graph.nodes(data=True) if d.get("loaded") and d.get("jurisdiction") == "jur:vinh-long"
    )
    for plan in (PLAN["000"], PLAN["002"], vinh_long):
        assert "doc:76-nq-cp.2021" in _targets(graph, plan, "BASED_ON")
    assert "doc:76-nq-cp.2021" in _targets(graph, PLAN["004"], "CITES")
    assert "doc:76-nq-cp.2021" not in _targets(graph, PLAN["004"], "BASED_ON")
    assert "doc:2108-qd-ubnd.2021@quang-ngai" in _targets(graph, PLAN["004"], "BASED_ON")


def test_implements_the_nearest_higher_plan(graph):
    assert _targets(graph, PLAN["002"], "IMPLEMENTS") == ["doc:2685-qd-ubnd.2021@binh-phuoc"]
    assert graph.nodes["doc:2685-qd-ubnd.2021@binh-phuoc"]["loaded"] is False
    assert _targets(graph, PLAN["003"], "IMPLEMENTS") == ["doc:192-kh-ubnd.2022@soc-trang"]
    assert _targets(graph, PLAN["000"], "IMPLEMENTS") == ["doc:76-nq-cp.2021"]


def test_same_number_different_years_are_two_nodes(graph):
    assert "doc:76-nq-cp.2021" in graph and "doc:76-nq-cp.2013" in graph
    assert graph.nodes["doc:76-nq-cp.2013"]["status"] == "expired"


def test_cu_lao_dung_has_its_2025_successors(graph):
    assert _targets(graph, "agency:ubnd@soc-trang.cu-lao-dung", "SUCCEEDED_BY") == [
        "agency:ubnd@can-tho.an-thanh",
        "agency:ubnd@can-tho.cu-lao-dung",
    ]
    assert _targets(graph, "jur:soc-trang.cu-lao-dung", "SUCCEEDED_BY") == [
        "jur:can-tho.an-thanh",
        "jur:can-tho.cu-lao-dung",
    ]
    assert graph.nodes["agency:ubnd@soc-trang.cu-lao-dung"]["active_until"] == "2025-06-30"


def test_every_citation_edge_carries_its_evidence(graph):
    for _, _, k, d in graph.edges(keys=True, data=True):
        if k in ("BASED_ON", "CITES"):
            (ev,) = d["evidence"]
            assert ev["file"].endswith(".txt") and ev["span"][0] < ev["span"][1]


def _edges(g):
    return sorted(
        (a, b, k, json.dumps(d, sort_keys=True, default=str)) for a, b, k, d in g.edges(keys=True, data=True)
    )


def _nodes(g):
    return sorted((n, json.dumps(d, sort_keys=True, default=str)) for n, d in g.nodes(data=True))


def test_loading_twice_or_in_reverse_order_gives_the_same_graph(tmp_path):
    paths = seed_paths()
    a = _load(tmp_path / "a", paths)
    before = (_nodes(a.graph()), _edges(a.graph()))
    summary = a.load([(str(p), extract_path(p)) for p in paths])
    assert len(summary.unchanged) == len(paths) and not summary.new
    again = open_store(tmp_path / "a").graph()
    assert (_nodes(again), _edges(again)) == before
    b = _load(tmp_path / "b", list(reversed(paths)))
    assert (_nodes(b.graph()), _edges(b.graph())) == before


def _load_one(args):
    store_dir, path = args
    open_store(store_dir).load([(path, extract_path(__import__("pathlib").Path(path)))])


def test_two_processes_at_once_lose_nothing(tmp_path):
    paths = seed_paths()
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_load_one, [(str(tmp_path / "c"), str(p)) for p in paths])
    together = open_store(tmp_path / "c").graph()
    alone = _load(tmp_path / "d", paths).graph()
    assert (_nodes(together), _edges(together)) == (_nodes(alone), _edges(alone))


def test_changed_file_replaces_its_facts_and_forget_removes_them(tmp_path, seeds):
    work = tmp_path / "plan.txt"
    shutil.copy(seeds[3], work)
    store = _load(tmp_path / "s", [work, seeds[0]])
    assert "doc:86-kh-ubnd.2022@soc-trang" in store.graph()
    work.write_text(work.read_text(encoding="utf-8").replace("86/KH-UBND", "87/KH-UBND"), encoding="utf-8")
    summary = store.load([(str(work), extract_path(work))])
    assert summary.changed == [str(work)]
    g = open_store(tmp_path / "s").graph()
    assert "doc:86-kh-ubnd.2022@soc-trang" not in g and "doc:87-kh-ubnd.2022@soc-trang" in g
    assert store.forget(str(work))
    g = open_store(tmp_path / "s").graph()
    assert PLAN["003"] not in g and PLAN["000"] in g
    assert "doc:76-nq-cp.2021" in g  # still cited by the other plan (and in the registry)


def test_format_version_mismatch_is_a_clear_error(tmp_path, seeds):
    _load(tmp_path / "v", seeds[:1])
    meta = json.loads((tmp_path / "v" / "meta.json").read_text())
    meta["format_version"] = 99
    (tmp_path / "v" / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(StoreError, match="store format 99"):
        open_store(tmp_path / "v").graph()


@pytest.mark.parametrize(
    ("builder", "rebuilt"),
    [("0123456789abcdef", True), (None, True), ("current", False)],
    ids=["older-builder", "no-builder-recorded", "this-builder"],
)
def test_rows_of_other_builder_code_are_rebuilt_not_trusted(tmp_path, seeds, builder, rebuilt):
    """Rows written by other graph-building code (``meta.builder``) are derived data gone stale: the
    next reader rebuilds them from the stored records; rows of this code are read as they are."""
    import sqlite3

    from cancu.graph.sqlite_db import get_meta, set_meta
    from cancu.graph.store_builder import builder_version

    store = _load(tmp_path / "p", seeds[:2])
    nodes = _nodes(store.graph())
    store.close()
    db = sqlite3.connect(tmp_path / "p" / "cancu.sqlite", isolation_level=None)
    db.execute('UPDATE nodes SET attrs = \'{"kind":"Plan","label":"stale"}\'')
    if builder is None:
        db.execute("DELETE FROM meta WHERE name = 'builder'")
    else:
        set_meta(db, "builder", builder_version() if builder == "current" else builder)
    generation = get_meta(db, "generation")
    db.close()
    reopened = open_store(tmp_path / "p")
    assert (_nodes(reopened.graph()) == nodes) is rebuilt
    status = reopened.status()
    assert status["generation"] == generation + (1 if rebuilt else 0)
    reopened.close()
    db = sqlite3.connect(tmp_path / "p" / "cancu.sqlite")
    assert get_meta(db, "builder") == (builder_version() if rebuilt or builder == "current" else builder)
    db.close()


def test_exports(tmp_path, seeds):
    store_dir = tmp_path / "e"
    _load(store_dir, seeds)
    runner = CliRunner()
    for fmt, out in (
        ("ttl", "g.ttl"),
        ("graphml", "g.graphml"),
        ("gexf", "g.gexf"),
        ("csv", "csv"),
        ("jsonld", "g.jsonld"),
    ):
        result = runner.invoke(
            main, ["export", "--format", fmt, "-o", str(tmp_path / out), "--store", str(store_dir)]
        )
        assert result.exit_code == 0, result.output
    rdf = RDFGraph().parse(tmp_path / "g.ttl", format="turtle")
    assert len(rdf) > 500
    from pyshacl import validate

    from cancu.graph import rdf_export

    shapes = RDFGraph().parse(
        rdf_export.__file__.replace("graph/rdf_export.py", "ontology/shapes.ttl"), format="turtle"
    )
    conforms, _, report = validate(rdf, shacl_graph=shapes)
    assert conforms, report
    reloaded = nx.read_graphml(tmp_path / "g.graphml")
    assert reloaded.number_of_nodes() == open_store(store_dir).graph().number_of_nodes()
    assert (tmp_path / "csv" / "nodes_Plan.csv").read_text(encoding="utf-8").startswith("id:ID,:LABEL,")


def test_cli_load_status_show_and_a_real_subprocess(tmp_path, seeds):
    store_dir = str(tmp_path / "cli")
    result = CliRunner().invoke(main, ["load", str(seeds[3]), "--store", store_dir])
    assert result.exit_code == 0 and "1 new" in result.output
    result = CliRunner().invoke(main, ["show", "03/KH-UBND", "--store", store_dir])
    assert result.exit_code == 0, result.output
    assert any(
        line.split()[:3] == ["BASED_ON", "→", "doc:192-kh-ubnd.2022@soc-trang"]
        for line in result.output.splitlines()
    )
    proc = subprocess.run(
        [sys.executable, "-m", "cancu.cli", "status", "--store", store_dir], capture_output=True, text=True
    )
    assert proc.returncode == 0 and "1 file(s)" in proc.stdout


def test_bad_registry_row_is_refused_with_its_line_and_nothing_is_stored(tmp_path, seeds):
    bad = tmp_path / "mine.csv"
    bad.write_text(
        "number,year,status,confidence,source\n61/2018/NĐ-CP,2018,replaced,high,x\n76/NQ-CP,2021,alive,high,y\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["load", str(seeds[0]), "--store", str(tmp_path / "r"), "--registry", str(bad)]
    )
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == "cancu: mine.csv:3: status 'alive' is not one of in_force, amended, partly_expired, replaced, expired, unknown"
    )
    assert not (tmp_path / "r").exists()
