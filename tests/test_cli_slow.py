"""Long runs, selected by ``pytest -m slow`` (skipped otherwise): a synthetic country with
bad files among the plans, loaded through the CLI in two processes, then every query in
every format and every export, checked with the consumers' own rules."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from click.testing import CliRunner

from cancu.cli import main
from cancu.formats import FORMULA_START

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def country(request, tmp_path_factory):
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("a long run: select it with pytest -m slow")
    from cancu.testing.synth import generate_country

    root = tmp_path_factory.mktemp("country")
    generate_country(
        root / "plans",
        seed=3,
        provinces=6,
        departments_per_province=4,
        communes_per_province=5,
        tasks_per_plan=12,
    )
    (root / "plans" / "broken-empty.txt").write_bytes(b"")
    (root / "plans" / "broken-binary.txt").write_bytes(bytes(range(256)) * 40)
    store = str(root / "store")
    result = CliRunner().invoke(main, ["load", str(root / "plans"), "--jobs", "2", "--store", store])
    return root, store, result


def test_the_load_keeps_going_and_reports_the_two_bad_files(country):
    _, _, result = country
    assert result.exit_code == 2
    failed = [line for line in result.stderr.splitlines() if line.startswith("cancu: not loaded: ")]
    assert sorted(line.rsplit("/", 1)[1].split(":")[0] for line in failed) == [
        "broken-binary.txt",
        "broken-empty.txt",
    ]


@pytest.mark.parametrize("query", [["trace", "76/NQ-CP 2021"], ["audit"], ["gaps"]])
@pytest.mark.parametrize("fmt", ["table", "json", "ndjson", "csv", "tsv"])
def test_every_query_in_every_format(country, query, fmt):
    _, store, _ = country
    result = CliRunner(env={"COLUMNS": "160"}).invoke(main, [*query, "--format", fmt, "--store", store])
    assert result.exit_code == 0, result.output
    if fmt in ("csv", "tsv"):
        rows = list(csv.reader(io.StringIO(result.stdout), delimiter="," if fmt == "csv" else "\t"))
        assert len(rows) > 1 and not any(c.startswith(FORMULA_START) for r in rows for c in r)
    elif fmt == "ndjson":
        assert all(json.loads(line) for line in result.stdout.splitlines())
    elif fmt == "table":
        assert max(len(line) for line in result.stdout.splitlines()) <= 160


def test_gephi_reads_every_edge(country):
    root, store, _ = country
    out = root / "g.graphml"
    assert CliRunner().invoke(main, ["export", "-o", str(out), "--store", store]).exit_code == 0
    ids = [e.get("id") for e in ET.parse(out).getroot().iter() if e.tag.endswith("}edge")]
    assert len(ids) > 1000 and max(Counter(ids).values()) == 1


def test_rdf_export_conforms_to_the_shapes(country):
    import pyshacl
    from rdflib import Graph

    from cancu.ontology.rdf import ontology_file

    root, store, _ = country
    result = CliRunner().invoke(main, ["export", "--format", "ttl", "--store", store])
    ok, _, text = pyshacl.validate(
        Graph().parse(data=result.stdout, format="turtle"),
        shacl_graph=Graph().parse(data=ontology_file("shapes.ttl")),
        ont_graph=Graph().parse(data=ontology_file("cancu.ttl")),
        inference="rdfs",
    )
    assert ok, text[:2000]
