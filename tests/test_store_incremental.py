"""Loads in any order, a parent arriving after its children, a cited plan replaced by a changed
version, a parent forgotten: each leaves exactly the rows of one full build of the same files —
cascades (IMPLEMENTS, CASCADES_FROM), stubs of cited documents, plan indexes and merged attributes
included. The safety net of any incremental builder (docs/store.md, "How a load works")."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from cancu.graph.embedded import open_store
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


ORDERS = {
    "one at a time, shuffled (seed 1)": lambda n: _shuffled(n, 1),
    "one at a time, shuffled (seed 2)": lambda n: _shuffled(n, 2),
    "one at a time, reversed": lambda n: [[x] for x in reversed(n)],
    "children first, parent last": lambda n: [[x for x in n if x != PROVINCE_2021], [PROVINCE_2021]],
    "the parent alone, then its children": lambda n: [[PROVINCE_2021], [x for x in n if x != PROVINCE_2021]],
    "2026 then 2021": lambda n: [
        [x for x in n if x.startswith("2026")],
        [x for x in n if x.startswith("2021")],
    ],
}


@pytest.mark.parametrize("order", sorted(ORDERS))
def test_any_load_order_gives_the_rows_of_one_full_build(tmp_path, country, records, full, order):
    for batch in ORDERS[order](sorted(records)):
        _load(tmp_path / "s", country, records, batch)
    assert _rows(tmp_path / "s") == _rows(full)


def test_the_country_has_cascades_to_get_right(full):
    """Not vacuous: the rows compared above hold cross-plan edges."""
    edges = {k for _, _, k, _ in _rows(full)[1]}
    assert {"IMPLEMENTS", "CASCADES_FROM", "PART_OF", "SUCCEEDED_BY"} <= edges


CHANGES = {  # a cited plan changed in place: what its children cascade from moves with it
    "a target's figure": ("100%", "95%"),
    "the plan's number": ("38/KH-UBND", "39/KH-UBND"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_cited_plan_replaced_by_a_changed_version_gives_the_rows_of_a_full_build(
    tmp_path, country, records, change
):
    work = tmp_path / "files"
    shutil.copytree(country, work, ignore=shutil.ignore_patterns("truth", "manifest.json"))
    old, new = CHANGES[change]
    parent = work / PROVINCE_2021
    text = parent.read_text(encoding="utf-8")
    assert old in text
    files = sorted(work.glob("*.txt"))
    open_store(tmp_path / "s").load([(str(p), extract_path(p)) for p in files])
    before = _rows(tmp_path / "s")
    parent.write_text(text.replace(old, new), encoding="utf-8")
    summary = open_store(tmp_path / "s").load([(str(parent), extract_path(parent))])
    assert summary.changed == [str(parent)]
    open_store(tmp_path / "once").load([(str(p), extract_path(p)) for p in files])
    assert _rows(tmp_path / "s") == _rows(tmp_path / "once") != before


@pytest.mark.parametrize("forgotten", [PROVINCE_2021, COMMUNES_2021[0]], ids=["parent", "child"])
def test_forgetting_a_plan_gives_the_rows_of_a_full_build_without_it(tmp_path, country, records, forgotten):
    _load(tmp_path / "s", country, records, sorted(records))
    assert open_store(tmp_path / "s").forget(str(country / forgotten))
    _load(tmp_path / "without", country, records, [n for n in sorted(records) if n != forgotten])
    assert _rows(tmp_path / "s") == _rows(tmp_path / "without")
    _load(tmp_path / "s", country, records, [forgotten])  # and back: one full build again
    _load(tmp_path / "all", country, records, sorted(records))
    assert _rows(tmp_path / "s") == _rows(tmp_path / "all")
