"""A first load into an empty store (``sqlite_graph.write_diff``'s fast path: rows in key order, the
secondary indexes dropped and built once at the end, inside the load's transaction): the same rows
as the compare-and-write path, the indexes there after, and a load that fails half-way leaves the
empty store it found, indexes included."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import cancu.graph.sqlite_graph as sqlite_graph
from cancu.graph.embedded import DB_NAME, open_store
from cancu.graph.sqlite_db import GRAPH_INDEXES
from cancu.loaders.extract import extract_path

ROWS = (
    "SELECT key, kind, number_key, name_key, attrs FROM nodes",
    "SELECT src, dst, key, attrs FROM edges",
    "SELECT plan, leads, metrics FROM plan_index",
    "SELECT name, value FROM graph_attrs",
    "SELECT key, ord, file, ops FROM node_contrib",
    "SELECT src, dst, kind, ord, file, ops FROM edge_contrib",
    "SELECT file, ord, nodes, edges FROM file_contrib",
    "SELECT plan, ord, file FROM file_plan",
    "SELECT key, path, sha256, record FROM files",
)


def _read(store_dir: Path, queries) -> tuple:
    db = sqlite3.connect(store_dir / DB_NAME)
    try:
        return tuple(tuple(sorted(db.execute(q))) for q in queries)
    finally:
        db.close()


def _indexes(store_dir: Path) -> list[str]:
    db = sqlite3.connect(store_dir / DB_NAME)
    try:
        return sorted(n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'"))
    finally:
        db.close()


@pytest.fixture(scope="module")
def items(seeds):
    return [(str(p), extract_path(p)) for p in seeds]


def test_a_first_load_writes_the_rows_of_the_compare_and_write_path(tmp_path, items):
    first = tmp_path / "first"
    open_store(first).load(items)
    again = tmp_path / "again"
    open_store(again).load(items[:1])  # not empty any more: the rest goes through the other path
    db = sqlite3.connect(again / DB_NAME)
    with db:
        db.execute("UPDATE meta SET value = 'false' WHERE name = 'contributions'")  # a whole rebuild
    db.close()
    open_store(again).load(items[1:])
    assert _read(first, ROWS[:8]) == _read(again, ROWS[:8])
    assert set(GRAPH_INDEXES) <= set(_indexes(first))


def test_a_first_load_that_fails_leaves_the_empty_store_and_its_indexes(tmp_path, items, monkeypatch):
    store_dir = tmp_path / "store"

    def broken(*_args, **_kwargs):
        raise OSError("disk gone")  # after the rows went in, before the indexes are built again

    monkeypatch.setattr(sqlite_graph, "_write_indexes", broken)
    with pytest.raises(OSError, match="disk gone"):
        open_store(store_dir).load(items)
    monkeypatch.undo()
    assert _read(store_dir, ROWS) == ((),) * len(ROWS)
    assert set(GRAPH_INDEXES) <= set(_indexes(store_dir))
    open_store(store_dir).load(items)
    assert _read(store_dir, ROWS[:1]) != ((),)
