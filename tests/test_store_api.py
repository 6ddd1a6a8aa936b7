"""The store's public import path and resolution facts the seed tests do not pin."""

from __future__ import annotations

import pytest

from cancu.errors import StoreError
from cancu.graph import embedded, store
from cancu.loaders.extract import extract_path

from conftest import seed_paths


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    s = store.open_store(tmp_path_factory.mktemp("api"))
    s.load([(str(p), extract_path(p)) for p in seed_paths()])
    return s


def test_store_module_is_the_embedded_store():
    assert store.open_store is embedded.open_store and store.FORMAT_VERSION == 2


def test_default_location_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CANCU_STORE", str(tmp_path / "env"))
    assert store.open_store().root == tmp_path / "env"
    monkeypatch.delenv("CANCU_STORE")
    assert str(store.open_store().root) == ".cancu"


def test_three_provinces_three_so_noi_vu(loaded):
    g = loaded.graph()
    for province in ("dong-thap", "vinh-long", "quang-ngai"):
        node = g.nodes[f"agency:so-noi-vu@{province}"]
        assert (node["jurisdiction"], node["level"], node["generic"]) == (
            f"jur:{province}",
            "department",
            False,
        )
        assert ("agency:so-noi-vu@" + province, f"agency:ubnd@{province}") in {
            (a, b) for a, b, k in g.out_edges(f"agency:so-noi-vu@{province}", keys=True) if k == "PART_OF"
        }


def test_status_counts_the_five_files(loaded):
    info = loaded.status()
    assert (info["files"], info["format_version"]) == (5, 2)
    assert info["nodes"] == loaded.graph().number_of_nodes()
    assert info["by_kind"]["Plan"] >= 5


def test_node_lists_edges_both_ways(loaded):
    node = loaded.node("doc:76-nq-cp.2021")
    assert node["attrs"]["loaded"] is False
    based = sorted(a for k, a, _ in node["in"] if k == "BASED_ON")
    assert "doc:367-kh-ubnd.2021@dong-thap" in based and "doc:3179-kh-sxd.2021@binh-phuoc" in based


def test_a_file_in_place_of_the_store_is_refused(tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(StoreError, match="not a store directory"):
        store.open_store(tmp_path / "f")


def test_unreadable_meta_is_a_store_error(tmp_path):
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "meta.json").write_text("{not json")
    with pytest.raises(StoreError, match="unreadable store metadata"):
        store.open_store(tmp_path / "s")


def test_assignment_edges_carry_the_text_they_were_read_from(loaded):
    g = loaded.graph()
    kinds = {"LEADS": 0, "SUPPORTS": 0, "RESPONSIBLE_FOR": 0}
    for _, b, k, d in g.edges(keys=True, data=True):
        if k in kinds:
            kinds[k] += 1
            assert d["evidence"] and all(ev["file"].endswith(".txt") for ev in d["evidence"])
            if k != "RESPONSIBLE_FOR" and d.get("via") != "area":
                assert [ev["quote"] for ev in d["evidence"]] == [g.nodes[b]["text"]]
            elif k != "RESPONSIBLE_FOR":  # an area's lead: the sentence of "Tổ chức thực hiện" naming it
                assert all(ev["span"] for ev in d["evidence"]), d
    assert all(kinds.values()), kinds


def test_a_successor_named_without_year_is_the_one_issued_by_the_change(loaded):
    g = loaded.graph()
    replaced_by = [
        (b, d["date"])
        for _, b, k, d in g.out_edges("doc:30c-nq-cp.2011", keys=True, data=True)
        if k == "REPLACED_BY"
    ]
    assert replaced_by == [("doc:76-nq-cp.2021", "2021-07-15")]
    assert "doc:76-nq-cp" not in g  # no undated stub beside the 2013 and 2021 nodes
