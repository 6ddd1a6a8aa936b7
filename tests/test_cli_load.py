"""The load/status/show/forget commands end to end on real seeds (CliRunner)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cancu.cli import main

from conftest import seed_paths


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    d = str(tmp_path_factory.mktemp("cli") / "store")
    result = CliRunner().invoke(main, ["load", *map(str, seed_paths()), "--store", d])
    assert result.exit_code == 0, result.output
    assert "5 new, 0 changed, 0 unchanged file(s)" in result.output
    return d


def test_loading_again_reports_everything_unchanged(store_dir):
    result = CliRunner().invoke(main, ["load", *map(str, seed_paths()), "--store", store_dir])
    assert result.exit_code == 0 and "0 new, 0 changed, 5 unchanged file(s)" in result.output


def test_show_by_diacritic_free_number_and_by_key(store_dir):
    by_number = CliRunner().invoke(main, ["show", "2685/QD-UBND", "--store", store_dir])
    assert by_number.exit_code == 0, by_number.output
    assert by_number.output.splitlines()[0] == "doc:2685-qd-ubnd.2021@binh-phuoc"
    assert any(line.split()[:3] == ["IMPLEMENTS", "←", "doc:3179-kh-sxd.2021@binh-phuoc"]
               for line in by_number.output.splitlines())


def test_show_ambiguous_number_lists_candidates_and_fails(store_dir):
    result = CliRunner().invoke(main, ["show", "76/NQ-CP", "--store", store_dir])
    assert result.exit_code != 0
    assert "doc:76-nq-cp.2013" in result.stderr and "doc:76-nq-cp.2021" in result.stderr


def test_show_json_has_the_evidence_quote(store_dir):
    import json

    result = CliRunner().invoke(main, ["show", "doc:3179-kh-sxd.2021@binh-phuoc", "--format", "json", "--store", store_dir])
    node = json.loads(result.output)
    (based,) = [d for k, b, d in node["out"] if k == "BASED_ON" and b == "doc:76-nq-cp.2021"]
    (ev,) = based["evidence"]
    assert "76" in ev["quote"] and ev["file"].endswith(".txt")


def test_forget_then_status(tmp_path):
    d = str(tmp_path / "s")
    first, second = map(str, seed_paths()[:2])
    assert CliRunner().invoke(main, ["load", first, second, "--store", d]).exit_code == 0
    result = CliRunner().invoke(main, ["forget", first, "--store", d])
    assert result.exit_code == 0 and result.output == f"forgot {first}\n"
    status = CliRunner().invoke(main, ["status", "--store", d])
    assert "1 file(s)" in status.output
    again = CliRunner().invoke(main, ["forget", first, "--store", d])
    assert again.exit_code != 0 and "not loaded in this store" in again.stderr
