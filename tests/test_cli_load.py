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
    assert any(
        line.split()[:3] == ["IMPLEMENTS", "←", "doc:3179-kh-sxd.2021@binh-phuoc"]
        for line in by_number.output.splitlines()
    )


@pytest.mark.parametrize("command", [["show"], ["trace", "--format", "csv"]])
def test_a_shared_number_answers_the_cited_one_and_names_the_other(store_dir, command):
    # 76/NQ-CP of 2021 is cited by the loaded plans; 76/NQ-CP of 2013 by none
    result = CliRunner().invoke(main, [command[0], "76/NQ-CP", *command[1:], "--store", store_dir])
    assert result.exit_code == 0, result.output
    (note,) = result.stderr.splitlines()
    assert note.startswith("note: '76/NQ-CP' names 2 documents; answering for doc:76-nq-cp.2021")
    assert "doc:76-nq-cp.2013 (2013)" in note
    assert "76-nq-cp.2021" in result.stdout


def test_show_json_has_the_evidence_quote(store_dir):
    import json

    result = CliRunner().invoke(
        main, ["show", "doc:3179-kh-sxd.2021@binh-phuoc", "--format", "json", "--store", store_dir]
    )
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


def _graph_of(store: str):
    from cancu.graph.embedded import open_store

    g = open_store(store).graph()
    return sorted(g.nodes(data=True)), sorted((a, b, k) for a, b, k in g.edges(keys=True))


def test_parallel_extraction_gives_the_same_graph_as_one_process(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for p in seed_paths():
        (folder / p.name).write_bytes(p.read_bytes())
    runs = {}
    for jobs in ("1", "2"):
        store = str(tmp_path / f"s{jobs}")
        result = CliRunner().invoke(main, ["load", str(folder), "--store", store, "--jobs", jobs])
        assert result.exit_code == 0, result.output
        runs[jobs] = _graph_of(store)
    assert runs["1"] == runs["2"]
    assert len(runs["1"][0]) > 100


def test_parallel_extraction_stops_at_a_bad_file_with_its_one_line_error(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for p in seed_paths():
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "zz-empty.txt").write_bytes(b"")
    store = tmp_path / "s"
    result = CliRunner().invoke(main, ["load", str(folder), "--store", str(store), "--jobs", "2", "--strict"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == f"cancu: {folder / 'zz-empty.txt'}: empty file"
    assert not store.exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_load_keeps_going_past_bad_files_and_ends_with_what_failed(tmp_path, jobs):
    folder = tmp_path / "plans"
    folder.mkdir()
    for p in seed_paths():
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "aa-empty.txt").write_bytes(b"")
    (folder / "zz-binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    store = tmp_path / "s"
    result = CliRunner().invoke(main, ["load", str(folder), "--store", str(store), "--jobs", jobs])
    assert result.exit_code == 2
    assert f"{len(seed_paths())} new, 0 changed" in result.stdout
    failed = [line for line in result.stderr.splitlines() if line.startswith("cancu: ")]
    assert failed[0] == f"cancu: not loaded: {folder / 'aa-empty.txt'}: empty file"
    assert failed[1].startswith(f"cancu: not loaded: {folder / 'zz-binary.txt'}: ")
    assert (
        failed[2] == f"cancu: 2 of {len(seed_paths()) + 2} input(s) not loaded (listed above); "
        f"the other {len(seed_paths())} are in the store"
    )
    status = CliRunner().invoke(main, ["status", "--store", str(store)])
    assert f"{len(seed_paths())} file(s)" in status.stdout


def test_load_shows_each_warning_it_counts(tmp_path):
    result = CliRunner().invoke(main, ["load", *map(str, seed_paths()), "--store", str(tmp_path / "s")])
    count = int(result.stdout.split(" warning(s)")[0].rsplit(" ", 1)[1])
    shown = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(shown) == count > 0
