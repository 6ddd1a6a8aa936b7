"""`cancu extract` through click's runner and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from cancu.cli import main


def test_extract_one_file_prints_one_object(seeds):
    result = CliRunner().invoke(main, ["extract", str(seeds[3]), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"] == seeds[3].name
    assert data["document"]["number"] == "03/KH-UBND"
    assert [c["number"] for c in data["legal_bases"]] == ["192/KH-UBND", "52/KH-UBND"]


def test_extract_several_files_prints_an_array(seeds):
    result = CliRunner().invoke(main, ["extract", *map(str, seeds[:2])])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [d["source"] for d in data] == [seeds[0].name, seeds[1].name]


def test_extract_table_format(seeds):
    result = CliRunner().invoke(main, ["extract", str(seeds[0]), "--format", "table"])
    assert result.exit_code == 0
    assert "367/KH-UBND" in result.stdout and "basis" in result.stdout


def test_extract_stdin():
    text = "Số: 5/KH-UBND\nKẾ HOẠCH\nCải cách hành chính năm 2024\nCăn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;\n"
    result = CliRunner().invoke(main, ["extract", "-"], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.stdout)
    assert record["legal_bases"][0]["number"] == "76/NQ-CP"


def test_unreadable_input_is_one_line_and_non_zero(tmp_path):
    missing = tmp_path / "nothing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for path in (missing, empty):
        result = CliRunner().invoke(main, ["extract", str(path)])
        assert result.exit_code != 0
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.output


def test_real_subprocess_run(seeds):
    proc = subprocess.run(
        [sys.executable, "-m", "cancu.cli", "extract", str(seeds[2])], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["document"]["issuer"] == "Sở Xây dựng tỉnh Bình Phước"
