"""Answer gold: the CLI's gaps / audit / responsible rows on each seed, against rows a person checked
in the text (tests/answers/*.json, each row with the sentence that justifies it; README there)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cancu.cli import main

ANSWERS = Path(__file__).parent / "answers"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
GOLD = sorted(ANSWERS.glob("*.json"))

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")


def _cli(*args: str) -> dict:
    res = CliRunner().invoke(main, list(args))
    assert res.exit_code in (0, 1), res.output
    return json.loads(res.stdout)


@pytest.fixture(scope="module", params=GOLD, ids=[p.stem for p in GOLD])
def answers(request, tmp_path_factory) -> tuple[dict, dict, dict, dict]:
    gold = json.loads(request.param.read_text(encoding="utf-8"))
    store = str(tmp_path_factory.mktemp(request.param.stem) / "store")
    res = CliRunner().invoke(main, ["load", str(SEEDS / gold["file"]), "--store", store, "--jobs", "1"])
    assert res.exit_code == 0, res.output
    as_of = gold["as_of"]
    gaps = _cli("gaps", "--store", store, "--as-of", as_of, "--format", "json")
    audit = _cli("audit", "--store", store, "--as-of", as_of, "--format", "json")
    plans = sorted({g["plan"] for g in gaps["gaps"]} | {r["plan"] for r in audit["rows"]})
    responsible = [
        _cli("responsible", p, "--store", store, "--as-of", as_of, "--format", "json") for p in plans
    ]
    return gold, gaps, audit, {"items": [i for r in responsible for i in r["items"]]}


def _gap_matches(row: dict, g: dict) -> bool:
    if row["kind"] != g["kind"]:
        return False
    if "lead" in row:
        return g["detail"].startswith(row["lead"] + " (ended") or g["detail"].startswith(
            row["lead"] + " leads"
        )
    return row["subject"] == g["subject"]


def _given(row: dict, gaps: list[dict]) -> bool:
    return any(_gap_matches(row, g) for g in gaps)


def test_gap_rows_are_the_checked_ones(answers) -> None:
    gold, gaps, _, _ = answers
    rows = gaps["gaps"]
    for row in gold["gaps"]:
        given = _given(row, rows)
        if row["expect"] in ("present", "false-for-now"):
            assert given, (
                f"{gold['file']}: {row['kind']} {row.get('subject') or row.get('lead')} not given ({row['sentence']})"
            )
        else:
            assert not given, f"{gold['file']}: {row['expect']} row given: {row}"
    checked = [r for r in gold["gaps"] if r["expect"] in ("present", "false-for-now")]
    for g in rows:
        if g["kind"] in gold["exact_kinds"]:
            assert any(_gap_matches(r, g) for r in checked), (
                f"{gold['file']}: unchecked row {g['kind']} {g['subject']}: {g['detail']}"
            )


def test_audit_flags_are_the_checked_ones(answers) -> None:
    gold, _, audit, _ = answers
    flags = {(r["number"], r["flag"]) for r in audit["rows"]}
    for row in gold["audit"]:
        assert ((row["cited"], row["flag"]) in flags) == (row["expect"] == "present"), (gold["file"], row)


def test_responsible_names_bodies_as_checked(answers) -> None:
    gold, _, _, responsible = answers
    names = set()
    for item in responsible["items"]:
        names.update(item["lead"] + item["support"] + [s["body"] or "" for s in item["chain"]])
    for row in gold["responsible"]:
        given = any(n.startswith(row["agency"]) for n in names)
        assert given == (row["expect"] == "present"), (gold["file"], row)


def test_each_gold_row_says_why() -> None:
    for path in GOLD:
        gold = json.loads(path.read_text(encoding="utf-8"))
        for row in gold["gaps"] + gold["audit"] + gold["responsible"]:
            assert row["expect"] in ("present", "absent", "missing-for-now", "false-for-now"), (
                path.name,
                row,
            )
            assert row["sentence"].strip(), (path.name, row)
            assert row["expect"] not in ("missing-for-now", "false-for-now") or row.get("reason"), (
                path.name,
                row,
            )
