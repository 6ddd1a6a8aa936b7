"""Loads in any order, a parent arriving after its children, a UBND after its bodies, a cited plan
replaced by a changed version, a cited title one of two citing files changes, a parent forgotten,
two provinces merged: each leaves exactly the rows of one full build of the same files — cascades
(IMPLEMENTS, CASCADES_FROM), PART_OF, successions, stubs of cited documents, plan indexes, merged
attributes and the store's counts included. The safety net of the incremental build
(``cancu.graph.incremental``, docs/store.md "How a load works")."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from cancu.graph.embedded import DB_NAME, open_store
from cancu.loaders.extract import extract_path
from tests.test_store_sqlite import _rows

PROVINCE_2021 = "2021_ha-noi_ubnd.txt"
COMMUNES_2021 = ("2021_ha-noi_ba-dinh_ba-dinh.txt", "2021_ha-noi_ba-vi_minh-chau.txt")


@pytest.fixture(scope="module")
def country(tmp_path_factory) -> Path:
    """One province over two years: the provincial plan, two departments', districts' and communes'
    plans below it (1 province, 2 departments, 3 communes a year, 6 tasks a plan)."""
    from cancu.testing.synth import generate_country

    out = tmp_path_factory.mktemp("country")
    generate_country(
        out,
        seed=2,
        provinces=1,
        departments_per_province=2,
        communes_per_province=3,
        tasks_per_plan=6,
        years=(2021, 2026),
    )
    return out


@pytest.fixture(scope="module")
def records(country) -> dict[str, object]:
    return {p.name: extract_path(p) for p in sorted(country.glob("*.txt"))}


def _load(store: Path, country: Path, records: dict, names) -> None:
    open_store(store).load([(str(country / n), records[n]) for n in names])


@pytest.fixture(scope="module")
def full(tmp_path_factory, country, records) -> Path:
    store = tmp_path_factory.mktemp("full")
    _load(store, country, records, sorted(records))
    return store


def _shuffled(names: list[str], seed: int) -> list[list[str]]:
    order = list(names)
    random.Random(seed).shuffle(order)
    return [[n] for n in order]


def _communes(names: list[str]) -> list[str]:
    return [n for n in names if n.count("_") == 3]


def _districts(names: list[str]) -> list[str]:
    return [n for n in names if "_quan-" in n or "_huyen-" in n]


def _same(store: Path, full: Path) -> bool:
    """The same rows and the same counts (``status`` reads them without reading the graph)."""
    return _rows(store) == _rows(full) and _counts(store) == _counts(full)


def _counts(store: Path) -> dict:
    db = sqlite3.connect(store / DB_NAME)
    try:
        return json.loads(db.execute("SELECT value FROM meta WHERE name = 'counts'").fetchone()[0])
    finally:
        db.close()


ORDERS = {
    "one at a time, shuffled (seed 1)": lambda n: _shuffled(n, 1),
    "one at a time, shuffled (seed 2)": lambda n: _shuffled(n, 2),
    "one at a time, reversed": lambda n: [[x] for x in reversed(n)],
    "children first, parent last": lambda n: [[x for x in n if x != PROVINCE_2021], [PROVINCE_2021]],
    "the parent alone, then its children": lambda n: [[PROVINCE_2021], [x for x in n if x != PROVINCE_2021]],
    "communes, then their districts' UBNDs, then the rest": lambda n: [
        _communes(n),
        _districts(n),
        [x for x in n if x not in _communes(n) and x not in _districts(n)],
    ],
    "2026 then 2021": lambda n: [
        [x for x in n if x.startswith("2026")],
        [x for x in n if x.startswith("2021")],
    ],
}


@pytest.mark.parametrize("order", sorted(ORDERS))
def test_any_load_order_gives_the_rows_of_one_full_build(tmp_path, country, records, full, order):
    for batch in ORDERS[order](sorted(records)):
        _load(tmp_path / "s", country, records, batch)
    assert _same(tmp_path / "s", full)


def test_the_country_has_cascades_to_get_right(full):
    """Not vacuous: the rows compared above hold cross-plan edges, a commune's UBND part of its
    district's, and a cited document two files give a title."""
    nodes, edges = _rows(full)[:2]
    assert {"IMPLEMENTS", "CASCADES_FROM", "PART_OF", "SUCCEEDED_BY"} <= {k for _, _, k, _ in edges}
    assert ("agency:ubnd@ha-noi.ba-dinh", "agency:ubnd@ha-noi", "PART_OF") in {e[:3] for e in edges}
    cited = {k: json.loads(a) for k, _, _, _, a in nodes}[CITED_BY_TWO]
    assert (len(cited["origins"]), cited["loaded"]) == (2, False)


CITED_BY_TWO = "doc:334-kh-ubnd.2026"  # the 2026 provincial plan as two communes cite it (no place)
CHANGES = {  # a cited plan changed in place: what its children cascade from moves with it
    "a target's figure": (PROVINCE_2021, "100%", "95%"),
    "the plan's number": (PROVINCE_2021, "38/KH-UBND", "39/KH-UBND"),
    # only an attribute another file gives too: the cited title (the first citing file's wins)
    "a cited title, as the first commune prints it": (
        "2026_ha-noi_phuong-bach-mai.txt",
        "pho ve cai cach hanh chinh;",
        "pho ve cai cach hanh chinh nha nuoc;",
    ),
    "a cited title, as the second commune prints it": (
        "2026_ha-noi_xa-an-khanh.txt",
        "về cải cách hành chính;",
        "về cải cách hành chính nhà nước;",
    ),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_cited_plan_replaced_by_a_changed_version_gives_the_rows_of_a_full_build(
    tmp_path, country, records, change
):
    work = tmp_path / "files"
    shutil.copytree(country, work, ignore=shutil.ignore_patterns("truth", "manifest.json"))
    name, old, new = CHANGES[change]
    parent = work / name
    text = parent.read_text(encoding="utf-8")
    assert text.count(old) == 1
    files = sorted(work.glob("*.txt"))
    open_store(tmp_path / "s").load([(str(p), extract_path(p)) for p in files])
    before = _rows(tmp_path / "s")
    parent.write_text(text.replace(old, new), encoding="utf-8")
    summary = open_store(tmp_path / "s").load([(str(parent), extract_path(parent))])
    assert summary.changed == [str(parent)]
    open_store(tmp_path / "once").load([(str(p), extract_path(p)) for p in files])
    assert _same(tmp_path / "s", tmp_path / "once")
    assert _rows(tmp_path / "s") != before


@pytest.mark.parametrize("forgotten", [PROVINCE_2021, COMMUNES_2021[0]], ids=["parent", "child"])
def test_forgetting_a_plan_gives_the_rows_of_a_full_build_without_it(tmp_path, country, records, forgotten):
    _load(tmp_path / "s", country, records, sorted(records))
    assert open_store(tmp_path / "s").forget(str(country / forgotten))
    _load(tmp_path / "without", country, records, [n for n in sorted(records) if n != forgotten])
    assert _same(tmp_path / "s", tmp_path / "without")
    _load(tmp_path / "s", country, records, [forgotten])  # and back: one full build again
    _load(tmp_path / "all", country, records, sorted(records))
    assert _same(tmp_path / "s", tmp_path / "all")


@pytest.fixture(scope="module")
def merged(tmp_path_factory) -> tuple[Path, dict[str, object]]:
    """Two provinces whose bodies pass to one new province in 2025: a unit named relative to its
    department ("Văn phòng Sở") passes to a successor no plan names, made by successions and named
    after the department of the first plan (by key) naming the unit — a name that moves as plans
    come and go."""
    from cancu.testing.synth import generate_country

    out = tmp_path_factory.mktemp("merged")
    generate_country(
        out,
        seed=2,
        provinces=2,
        departments_per_province=3,
        communes_per_province=4,
        tasks_per_plan=6,
        years=(2021, 2026),
    )
    return out, {p.name: extract_path(p) for p in sorted(out.glob("*.txt"))}


@pytest.mark.parametrize("seed", [3, 4])
def test_two_merged_provinces_loaded_and_forgotten_one_at_a_time_give_one_full_build(tmp_path, merged, seed):
    country, records = merged
    names = sorted(records)
    _load(tmp_path / "full", country, records, names)
    made = {
        key: json.loads(attrs)["name"]
        for key, _, _, _, attrs in _rows(tmp_path / "full")[0]
        if key.startswith("agency:van-phong-so@") and not json.loads(attrs)["origins"]
    }
    assert [n for n in made.values() if n.startswith("Văn phòng Sở ")]  # not vacuous
    rnd = random.Random(seed)
    for batch in _shuffled(names, seed):
        _load(tmp_path / "s", country, records, batch)
    assert _same(tmp_path / "s", tmp_path / "full")
    gone = rnd.sample(names, 5)
    for name in gone:
        assert open_store(tmp_path / "s").forget(str(country / name))
    _load(tmp_path / "without", country, records, [n for n in names if n not in gone])
    assert _same(tmp_path / "s", tmp_path / "without")


def _without_contributions(store: Path, tmp: Path) -> None:
    db = sqlite3.connect(store / DB_NAME)
    with db:
        db.execute("UPDATE meta SET value = 'false' WHERE name = 'contributions'")
    db.close()


def _registry(tmp: Path) -> Path:
    mine = tmp / "mine.csv"
    mine.write_text("number,year,status,confidence,source\n76/NQ-CP,2021,in_force,high,x\n", encoding="utf-8")
    return mine


REBUILDS = {  # what a write to a built store does: file by file (no line), or the whole graph, said once
    "one more file": (lambda store, tmp: None, []),
    "one more file and a registry": (
        lambda store, tmp: _registry(tmp),
        ["cancu: a registry changed: the graph is rebuilt from every stored record"],
    ),
    "one more file into a store written before contributions were kept": (
        _without_contributions,
        [
            "cancu: the store keeps no per-file contributions yet: the graph is rebuilt from every stored record"
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(REBUILDS))
def test_a_write_rebuilds_the_whole_graph_only_for_a_global_change_and_says_so(tmp_path, seeds, capsys, case):
    prepare, lines = REBUILDS[case]
    open_store(tmp_path / "s").load([(str(p), extract_path(p)) for p in seeds[:2]])
    assert capsys.readouterr().err == ""  # the first build of an empty store is no fallback
    registry = prepare(tmp_path / "s", tmp_path)
    open_store(tmp_path / "s").load([(str(seeds[2]), extract_path(seeds[2]))], [registry] if registry else [])
    assert capsys.readouterr().err.splitlines() == lines
    open_store(tmp_path / "s").forget(str(seeds[0]))  # and the next write is file by file again
    assert capsys.readouterr().err == ""
    once = tmp_path / "once"
    open_store(once).load([(str(p), extract_path(p)) for p in seeds[1:3]], [registry] if registry else [])
    assert _same(tmp_path / "s", once)


def test_random_loads_forgets_and_changed_files_give_one_full_build(tmp_path, merged):
    """Thirty random writes — one to three files loaded, one forgotten, or a loaded path's bytes
    replaced by another plan's record (its document, order and citations all move; two paths may
    then hold one document) — then the rows of one full build of what the store holds."""
    import copy

    country, records = merged
    names = sorted(records)
    rnd = random.Random(7)
    held: dict[str, object] = {}
    for step in range(30):
        roll = rnd.random()
        if roll > 0.85 and held:
            name = rnd.choice(sorted(held))
            record = copy.deepcopy(records[rnd.choice(names)])
            record.sha256 = f"{step:064d}"
            held[name] = record
            open_store(tmp_path / "s").load([(str(country / name), record)])
        elif roll < 0.6 or not held:
            batch = rnd.sample(names, rnd.choice([1, 1, 2, 3]))
            held.update({n: records[n] for n in batch})
            open_store(tmp_path / "s").load([(str(country / n), records[n]) for n in batch])
        else:
            name = rnd.choice(sorted(held))
            del held[name]
            assert open_store(tmp_path / "s").forget(str(country / name))
    open_store(tmp_path / "once").load([(str(country / n), held[n]) for n in sorted(held)])
    assert _same(tmp_path / "s", tmp_path / "once")
