"""The SQLite store: loads in any order equal one full build, lazy reads answer like the whole
graph, format 1 is migrated from its JSON records (never unpickled), a damaged database is one
line, and user registries live in the store."""

from __future__ import annotations

import json
import pickle
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from cancu.cli import main
from cancu.errors import CancuError, StoreError
from cancu.graph.embedded import DB_NAME, open_store
from cancu.graph.sqlite_graph import LazyGraph
from cancu.loaders.extract import extract_path
from cancu.queries.audit import audit
from cancu.queries.common import loaded_plans
from cancu.queries.gaps import gaps
from cancu.queries.responsible import responsible
from cancu.queries.trace import trace

AS_OF = "2026-11-22"


def _rows(store_dir: Path) -> tuple:
    """Every row the graph is made of (nodes, edges, plan indexes, graph attributes), sorted."""
    db = sqlite3.connect(store_dir / DB_NAME)
    try:
        return tuple(
            tuple(sorted(db.execute(q)))
            for q in (
                "SELECT key, kind, number_key, name_key, attrs FROM nodes",
                "SELECT src, dst, key, attrs FROM edges",
                "SELECT plan, leads, metrics FROM plan_index",
                "SELECT name, value FROM graph_attrs",
            )
        )
    finally:
        db.close()


def _load(store_dir: Path, paths) -> None:
    open_store(store_dir).load([(str(p), extract_path(p)) for p in paths])


@pytest.fixture(scope="module")
def full(tmp_path_factory, seeds):
    store_dir = tmp_path_factory.mktemp("full")
    _load(store_dir, seeds)
    return store_dir


ORDERS = {
    "reversed, one at a time": lambda s: [[p] for p in reversed(s)],
    "two then the rest": lambda s: [s[:2], s[2:]],
    "all, then all again": lambda s: [s, s],
    "odd ones, then even ones": lambda s: [s[1::2], s[::2]],
}


@pytest.mark.parametrize("order", sorted(ORDERS))
def test_incremental_loads_give_the_rows_of_one_full_build(tmp_path, seeds, full, order):
    for batch in ORDERS[order](list(seeds)):
        _load(tmp_path / "s", batch)
    assert _rows(tmp_path / "s") == _rows(full)


def test_forget_then_reload_gives_the_rows_of_one_full_build(tmp_path, seeds, full):
    _load(tmp_path / "s", seeds)
    for seed in seeds[1:3]:
        assert open_store(tmp_path / "s").forget(str(seed))
    assert _rows(tmp_path / "s") != _rows(full)
    _load(tmp_path / "s", seeds[1:3])
    assert _rows(tmp_path / "s") == _rows(full)


def test_whole_graph_read_back_equals_the_built_graph(full, seeds):
    from cancu.graph.assemble import build_graph
    from cancu.ontology.registry import load_registry

    built = build_graph([extract_path(p) for p in seeds], load_registry([]))
    read = open_store(full).graph()
    assert dict(read.nodes(data=True)) == dict(built.nodes(data=True))
    assert sorted(read.edges(keys=True, data=True)) == sorted(built.edges(keys=True, data=True))
    assert read.graph == built.graph


def _answers(g, plan: str) -> dict:
    return {
        "trace": trace(g, plan, as_of=AS_OF).to_dict(),
        "audit": audit(g, [plan], as_of=AS_OF).to_dict(),
        "gaps": gaps(g, [plan], as_of=AS_OF).to_dict(),
        "responsible": responsible(g, plan, as_of=AS_OF).to_dict(),
    }


def test_lazy_reads_answer_every_query_like_the_whole_graph(full):
    store = open_store(full)
    whole = store.graph()
    plans = loaded_plans(whole)
    assert len(plans) >= 5
    for plan in plans:
        assert _answers(store.subgraph_for_plans([plan]), plan) == _answers(whole, plan), plan
    lazy = store.subgraph_for_plans(None)
    for query in (audit, gaps):  # the whole store, read plan by plan
        assert query(lazy, None, as_of=AS_OF).to_dict() == query(whole, None, as_of=AS_OF).to_dict()
    metrics = sorted(n for n, d in whole.nodes(data=True) if d.get("kind") == "Metric")[:5]
    for what in ["76/NQ-CP 2021", *metrics]:
        lazy = store.subgraph_for_trace(what)
        assert isinstance(lazy, LazyGraph)
        for query in (trace, responsible):
            assert _outcome(query, lazy, what) == _outcome(query, whole, what), (query, what)


def _outcome(query, g, what: str):
    """The answer, or the one-line error: both must be the same on both graphs."""
    try:
        return query(g, what, as_of=AS_OF).to_dict()
    except CancuError as err:
        return ("error", str(err))


def test_a_lazy_trace_of_one_plan_reads_a_small_part_of_the_store(full):
    store = open_store(full)
    whole = store.graph()
    plan = loaded_plans(whole)[0]
    lazy = store.subgraph_for_trace(plan)
    trace(lazy, plan, as_of=AS_OF)
    read = dict.__len__(lazy._node)
    assert 0 < read < whole.number_of_nodes() / 2


def test_unchanged_reload_writes_nothing(tmp_path, seeds):
    _load(tmp_path / "s", seeds[:2])
    before = open_store(tmp_path / "s").status()
    summary = open_store(tmp_path / "s").load([(str(p), extract_path(p)) for p in seeds[:2]])
    assert (summary.new, summary.changed, len(summary.unchanged)) == ([], [], 2)
    assert open_store(tmp_path / "s").status() == before
    assert summary.counts == before["by_kind"]


def test_adding_a_file_writes_only_rows_that_differ(tmp_path, seeds):
    _load(tmp_path / "s", seeds[:4])
    nodes = open_store(tmp_path / "s").status()["nodes"]
    _load(tmp_path / "s", seeds[4:5])
    db = sqlite3.connect(tmp_path / "s" / DB_NAME)
    written = json.loads(db.execute("SELECT value FROM meta WHERE name = 'last_write'").fetchone()[0])
    db.close()
    assert 0 < written["nodes_written"] < nodes / 2


# ---- format 1 ---------------------------------------------------------------------------------


class _Boom:
    """Unpickling this writes a file: proof the migration never unpickles the old snapshot."""

    def __init__(self, flag: str) -> None:
        self.flag = flag

    def __reduce__(self):
        return (Path.write_text, (Path(self.flag), "unpickled!"))


def _format1(store_dir: Path, paths, flag: Path) -> None:
    """A store as cancu's format 1 wrote it: meta.json, records/*.json, graph.pickle."""
    (store_dir / "records").mkdir(parents=True)
    files = {}
    for i, p in enumerate(paths):
        rec = extract_path(p)
        name = f"{i:016x}-{rec.sha256[:12]}-{p.name}.json"
        (store_dir / "records" / name).write_text(
            json.dumps({**rec.to_dict(), "path": str(p)}, ensure_ascii=False), encoding="utf-8"
        )
        files[f"key{i}"] = {"path": str(p), "record": name, "sha256": rec.sha256, "loaded_at": 0}
    meta = {"format_version": 1, "generation": 3, "files": files, "registry_files": []}
    (store_dir / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with (store_dir / "graph.pickle").open("wb") as f:
        pickle.dump((3, _Boom(str(flag))), f)


def test_format1_is_migrated_from_its_records_and_never_unpickled(tmp_path, seeds, full):
    flag = tmp_path / "flag"
    _format1(tmp_path / "old", seeds, flag)
    res = CliRunner().invoke(main, ["status", "--store", str(tmp_path / "old")])
    assert res.exit_code == 0, res.output
    assert "format 2" in res.output and "5 file(s)" in res.output
    assert not flag.exists()
    left = sorted(p.name for p in (tmp_path / "old").iterdir() if not p.name.endswith(("-wal", "-shm")))
    assert left == [DB_NAME, "meta.json"]
    assert _rows(tmp_path / "old") == _rows(full)


def test_format1_with_a_missing_record_is_refused_in_one_line(tmp_path, seeds):
    _format1(tmp_path / "old", seeds[:2], tmp_path / "flag")
    next((tmp_path / "old" / "records").iterdir()).unlink()
    res = CliRunner().invoke(main, ["status", "--store", str(tmp_path / "old")])
    assert res.exit_code != 0 and res.exception is None or isinstance(res.exception, SystemExit)
    assert "format-1 record" in res.output and "Traceback" not in res.output
    assert (tmp_path / "old" / "meta.json").exists()  # nothing of the old store removed


# ---- damage ---------------------------------------------------------------------------------


DAMAGE = {
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 3]),
    "garbage": lambda p: p.write_bytes(b"not a database at all" * 100),
    "empty": lambda p: p.write_bytes(b""),
    "zeroed middle": lambda p: p.write_bytes((b := p.read_bytes())[:4096] + bytes(len(b) - 8192) + b[-4096:]),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
@pytest.mark.parametrize(
    "command",
    [["status"], ["trace", "76/NQ-CP 2021"], ["gaps"], ["audit"], ["export", "--format", "csv", "-o", "OUT"]],
)
def test_a_damaged_database_is_one_line_naming_the_recovery(tmp_path, seeds, full, damage, command):
    store_dir = tmp_path / "s"
    shutil.copytree(full, store_dir)
    DAMAGE[damage](store_dir / DB_NAME)
    args = [str(tmp_path / "out") if a == "OUT" else a for a in command]
    res = CliRunner().invoke(main, [*args, "--store", str(store_dir)])
    if res.exit_code == 0:  # a zeroed page the command never reads: the answer is still whole
        assert damage == "zeroed middle"
        return
    assert isinstance(res.exception, SystemExit), res.exception
    lines = [ln for ln in res.output.splitlines() if ln.startswith("cancu:")]
    assert len(lines) == 1 and "load the plans again" in lines[0], res.output
    assert "Traceback" not in res.output


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
@pytest.mark.parametrize("command", [["status"], ["trace", "76/NQ-CP 2021"], ["gaps"]])
def test_a_damaged_database_without_its_marker_is_named_not_called_absent(
    tmp_path, seeds, full, damage, command
):
    """meta.json lost too: a read command names the database's damage (as load does), never "no
    cancu store here"."""
    store_dir = tmp_path / "s"
    shutil.copytree(full, store_dir)
    (store_dir / "meta.json").unlink()
    DAMAGE[damage](store_dir / DB_NAME)
    res = CliRunner().invoke(main, [*command, "--store", str(store_dir)])
    lines = [ln for ln in res.output.splitlines() if ln.startswith("cancu:")]
    assert res.exit_code != 0 and len(lines) == 1, res.output
    assert "load the plans again" in lines[0] and "no cancu store" not in lines[0], res.output


# ---- registries -------------------------------------------------------------------------------


def _registry_rows_named(store_dir: Path, name: str) -> list[str]:
    g = open_store(store_dir).graph()
    return sorted(
        n for n, d in g.nodes(data=True) if any(r.get("registry") == name for r in d.get("registry") or [])
    )


def test_a_registry_is_copied_into_the_store_and_its_file_may_go(tmp_path, seeds):
    mine = tmp_path / "mine.csv"
    mine.write_text(  # a row of a document the plan cites: users' rows become nodes when cited
        "number,year,status,confidence,source\n76/NQ-CP,2021,in_force,high,x\n", encoding="utf-8"
    )
    runner = CliRunner()
    store_dir = tmp_path / "s"
    res = runner.invoke(main, ["load", str(seeds[0]), "--registry", str(mine), "--store", str(store_dir)])
    assert res.exit_code == 0, res.output
    with_rows = _registry_rows_named(store_dir, "mine.csv")
    assert with_rows
    mine.unlink()
    res = runner.invoke(main, ["load", str(seeds[1]), "--store", str(store_dir)])
    assert res.exit_code == 0, res.output
    assert open_store(store_dir).registry_names() == [(str(mine.resolve()), "mine.csv")]
    assert _registry_rows_named(store_dir, "mine.csv") == with_rows


def test_a_bad_registry_row_names_the_users_file_and_line(tmp_path, seeds):
    mine = tmp_path / "mine.csv"
    mine.write_text("number,year,status,confidence,source\n76/NQ-CP,2021,alive,high,y\n", encoding="utf-8")
    with pytest.raises(CancuError, match="^mine.csv:2: status 'alive'"):
        open_store(tmp_path / "s").load([(str(seeds[0]), extract_path(seeds[0]))], [mine])
    assert not (tmp_path / "s" / DB_NAME).exists()


def test_a_newer_format_marker_is_refused(tmp_path, seeds):
    _load(tmp_path / "s", seeds[:1])
    (tmp_path / "s" / "meta.json").write_text(json.dumps({"format_version": 7}))
    with pytest.raises(StoreError, match="store format 7"):
        open_store(tmp_path / "s")


def test_imports_named_inside_the_store_lock_get_two_names_and_sweep_debris(tmp_path, seeds):
    """``import_registry_file``: the name is chosen with the rows stored, so two imports at once
    (each written under its own temporary name) get imported-1 and imported-2; a numbered file the
    store does not hold (a killed import's) is removed, a held-back file is not."""
    store_dir = tmp_path / "s"
    _load(store_dir, seeds[:1])
    folder = store_dir / "registry"
    folder.mkdir()
    (folder / "imported-7.csv").write_text("debris", encoding="utf-8")
    (folder / "imported-7.held.csv").write_text("kept", encoding="utf-8")
    finals = []
    for i, number in enumerate(["998/2020/QĐ-TTg", "997/2020/QĐ-TTg"]):
        tmp = folder / f".tmp-import-{i}.csv"
        tmp.write_text(
            f"number,year,status,confidence,source\n{number},2020,in_force,high,x\n", encoding="utf-8"
        )
        finals.append(open_store(store_dir).import_registry_file(tmp, folder))
    assert [f.name for f in finals] == ["imported-1.csv", "imported-2.csv"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "imported-1.csv",
        "imported-2.csv",
        "imported-7.held.csv",
    ]
    assert [name for _, name in open_store(store_dir).registry_names()] == [
        "imported-1.csv",
        "imported-2.csv",
    ]
    marker = json.loads((store_dir / "meta.json").read_text(encoding="utf-8"))
    assert [Path(p).name for p in marker["registry_files"]] == ["imported-1.csv", "imported-2.csv"]


def test_a_lazy_graph_reads_one_commit_while_a_writer_commits_another(tmp_path, seeds):
    """A query started before a load reads the store as it was when it started, to its last row."""
    store_dir = tmp_path / "s"
    _load(store_dir, seeds[:2])
    reader = open_store(store_dir)
    lazy = reader.subgraph_for_plans(None)
    before = loaded_plans(lazy)
    _load(store_dir, seeds[2:])  # another connection commits meanwhile
    assert loaded_plans(lazy) == before
    new = set(loaded_plans(open_store(store_dir).graph())) - set(before)
    assert new and not any(plan in lazy for plan in new)
