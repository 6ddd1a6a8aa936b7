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
    if "subjects" in row:  # one check for many rows: the same reason holds for each
        return g["subject"] in row["subjects"] and g["detail"].startswith(row["detail"] + ":")
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
        if "subjects" in row:  # each subject is a row of its own
            for subject in row["subjects"]:
                one = {**row, "subjects": [subject]}
                assert _given(one, rows) == (row["expect"] in ("present", "false-for-now")), (
                    f"{gold['file']}: {row['kind']} {subject} ({row['expect']})"
                )
            continue
        given = _given(row, rows)
        if row["expect"] in ("present", "false-for-now"):
            assert given, (
                f"{gold['file']}: {row['kind']} {row.get('subject') or row.get('lead') or row['subjects']} not given"
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


EVAL_GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "gold"


def _located(text: str, quote: str) -> int:
    """Where a gold quote stands in the seed (the gold copies the text; a long quote by its start)."""
    for probe in (quote, quote[:30], " ".join(quote.split())[:25]):
        pos = text.find(probe)
        if pos >= 0:
            return pos
    raise AssertionError(f"gold quote not in the text: {quote[:60]}")


def test_each_task_s_leads_are_the_text_s(answers) -> None:
    """Every Task item of ``responsible`` names exactly the leads the person-checked extraction gold gives
    the task at its place in the text, or, for a task whose words name none, the area leads the answer
    gold read in "Tổ chức thực hiện" (``area_leads``, each with its sentence); the items that are no
    gold task are exactly the listed ones (``responsible_items_not_in_eval_gold``: tasks the eval gold leaves
    out, each with the reason a person judged it a task)."""
    gold, _, _, responsible = answers
    text = (SEEDS / gold["file"]).read_text(encoding="utf-8")
    tasks = json.loads((EVAL_GOLD / gold["file"].replace(".txt", ".json")).read_text(encoding="utf-8"))[
        "tasks"
    ]
    at = sorted((_located(text, t["quote"]), i) for i, t in enumerate(tasks))
    area_leads: dict[str, set[str]] = {}
    for row in gold.get("area_leads", []):
        area_leads.setdefault(row["area"], set()).add(row["agency"])
    not_tasks = {r["item"] for r in gold.get("responsible_items_not_in_eval_gold", [])}
    unmatched = set()
    for item in responsible["items"]:
        if item["kind"] != "Task":
            continue
        start, end = item["span"]
        inside = [i for pos, i in at if start <= pos < end]
        if not inside:
            unmatched.add(item["item"])
            continue
        task = tasks[inside[0]]
        want = set(task["lead"]) or area_leads.get(task["area"], set())
        given = {name.split(" (ended")[0] for name in item["lead"]}
        assert given == want, (gold["file"], item["item"], item["text"][:60], given, want)
    assert unmatched == not_tasks, (gold["file"], sorted(unmatched ^ not_tasks))
