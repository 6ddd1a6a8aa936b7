"""Whole-store audit and gaps on the embedded store, read set-at-a-time and batch by batch
(``cancu.graph.sqlite_bulk``), give exactly the rows of the query on the whole graph — and the CLI,
which prints them as they come, prints exactly what it printed from the whole graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cancu.cli import main
from cancu.formats import for_people, machine_rows, render, to_json
from cancu.graph.embedded import open_store
from cancu.loaders.extract import extract_path
from cancu.queries.audit import audit
from cancu.queries.gaps import gaps
from cancu.queries.whole_store import answers, joined

AS_OF = "2026-11-22"
QUERIES = {"audit": audit, "gaps": gaps}


@pytest.fixture(scope="module")
def country(tmp_path_factory, seeds) -> Path:
    """Two years of two synthetic provinces (cascades, replaced citations, ended agencies) and the
    seeds, in one store."""
    from cancu.testing.synth import generate_country

    out = tmp_path_factory.mktemp("country")
    generate_country(
        out,
        seed=5,
        provinces=2,
        communes_per_province=3,
        departments_per_province=2,
        tasks_per_plan=6,
        replaced_citation_share=0.9,
        ended_agency_share=0.5,
        years=(2021, 2026),
    )
    store = out / "store"
    files = [*sorted(out.glob("*.txt")), *seeds]
    open_store(store).load([(str(p), extract_path(p)) for p in files])
    return store


@pytest.mark.parametrize("query", sorted(QUERIES))
@pytest.mark.parametrize("size", [1, 7, 500])
def test_batches_give_the_rows_of_the_whole_graph(country, query, size):
    whole = QUERIES[query](open_store(country).graph(), None, as_of=AS_OF)
    batches = [result for result, _ in answers(open_store(country), query, AS_OF, size=size)]
    assert len(batches) == -(-len(_plans(country)) // size)
    assert joined(query, AS_OF, batches).to_dict() == whole.to_dict()


def _plans(store: Path) -> set[str]:
    from cancu.queries.common import loaded_plans

    return set(loaded_plans(open_store(store).graph()))


@pytest.mark.parametrize("query", sorted(QUERIES))
@pytest.mark.parametrize("fmt", ["table", "json", "ndjson", "csv", "tsv"])
def test_the_cli_prints_what_the_whole_graph_answers(country, query, fmt, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    g = open_store(country).graph()
    whole = QUERIES[query](g, None, as_of=AS_OF)
    if fmt == "json":
        expected = to_json(whole.to_dict()) + "\n"
    elif fmt == "table":
        expected = render(for_people(whole.rows(), g), fmt)
    else:
        expected = render(machine_rows(whole), fmt)
    res = CliRunner().invoke(
        main, [query, "--as-of", AS_OF, "--format", fmt, "--store", str(country)], env={"COLUMNS": "120"}
    )
    assert res.exit_code == 0, res.output
    assert res.output == expected


def test_an_empty_store_answers_no_rows(tmp_path):
    open_store(tmp_path / "s").load([])
    res = CliRunner().invoke(main, ["gaps", "--format", "csv", "--store", str(tmp_path / "s")])
    assert (res.exit_code, res.output) == (0, "")
