"""Answer gold of the examples and trace gold of the seeds and the examples: the CLI's rows against rows a
person checked in the text (tests/answers/examples/*.json, tests/answers/trace/*.json; README there).

The four examples form one cascade, so they are loaded together into one store and asked once; each plan's
file holds the rows of that plan. The row format and the matching rules are the seeds' (test_resolve_answers).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_resolve_answers import SEEDS, _cli, _gap_matches, _given

from cancu.cli import main

from conftest import EXAMPLES

ANSWERS = Path(__file__).parent / "answers"
EXAMPLE_GOLD = sorted((ANSWERS / "examples").glob("*.json"))
TRACE_GOLD = sorted((ANSWERS / "trace").glob("*.json"))
GIVEN = ("present", "false-for-now")
EXPECTS = ("present", "absent", "missing-for-now", "false-for-now")


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _load(store: str, *files: Path) -> None:
    res = CliRunner().invoke(main, ["load", *map(str, files), "--store", store, "--jobs", "1"])
    assert res.exit_code == 0, res.output


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory) -> str:
    store = str(tmp_path_factory.mktemp("examples") / "store")
    _load(store, *(EXAMPLES / _read(p)["file"] for p in EXAMPLE_GOLD))
    return store


@pytest.fixture(scope="module")
def examples_answers(examples_store) -> dict[str, dict]:
    (as_of,) = {_read(p)["as_of"] for p in EXAMPLE_GOLD}  # one date for the whole cascade
    return {
        "gaps": _cli("gaps", "--store", examples_store, "--as-of", as_of, "--format", "json"),
        "audit": _cli("audit", "--store", examples_store, "--as-of", as_of, "--format", "json"),
    }


@pytest.fixture(scope="module", params=EXAMPLE_GOLD, ids=[p.stem for p in EXAMPLE_GOLD])
def example(request, examples_store, examples_answers) -> tuple[dict, list[dict], list[dict], list[dict]]:
    """(gold, its plan's gap rows, audit rows, responsible items)."""
    gold = _read(request.param)
    plan = gold["plan_key"]
    gaps = [g for g in examples_answers["gaps"]["gaps"] if g["plan"] == plan]
    audit = [r for r in examples_answers["audit"]["rows"] if r["plan"] == plan]
    responsible = _cli(
        "responsible", plan, "--store", examples_store, "--as-of", gold["as_of"], "--format", "json"
    )["items"]
    return gold, gaps, audit, responsible


def test_example_gap_rows_are_the_checked_ones(example) -> None:
    gold, rows, _, _ = example
    for row in gold["gaps"]:
        subjects = row.get("subjects") or [None]
        for subject in subjects:
            one = {**row, "subjects": [subject]} if subject else row
            assert _given(one, rows) == (row["expect"] in GIVEN), (
                f"{gold['file']}: {row['kind']} {subject or row.get('subject') or row.get('lead')} ({row['expect']})"
            )
    checked = [r for r in gold["gaps"] if r["expect"] in GIVEN]
    for g in rows:
        if g["kind"] in gold["exact_kinds"]:
            assert any(_gap_matches(r, g) for r in checked), (
                f"{gold['file']}: unchecked row {g['kind']} {g['subject']}: {g['detail']}"
            )


def test_example_audit_flags_are_exactly_the_checked_ones(example) -> None:
    gold, _, audit, _ = example
    given = {(r["number"], r["flag"]) for r in audit}
    want = {(r["cited"], r["flag"]) for r in gold["audit"] if r["expect"] in GIVEN}
    not_given = {(r["cited"], r["flag"]) for r in gold["audit"] if r["expect"] not in GIVEN}
    assert given == want, gold["file"]
    assert not (given & not_given), gold["file"]


def test_example_responsible_names_bodies_as_checked(example) -> None:
    gold, _, _, items = example
    names = set()
    for item in items:
        names.update(item["lead"] + item["support"] + [s["body"] or "" for s in item["chain"]])
    for row in gold["responsible"]:
        given = any(n.startswith(row["agency"]) for n in names)
        assert given == (row["expect"] == "present"), (gold["file"], row)


def test_example_responsible_items_are_the_text_s(example) -> None:
    """Each item of ``responsible``: its leads, supports and the issuers of its chain (as of the date,
    successors named), exactly as read in the text."""
    gold, _, _, items = example
    want = gold["responsible_items"]
    assert sorted(i["item"] for i in items) == sorted(want), gold["file"]
    for item in items:
        w = want[item["item"]]
        assert item["lead"] == w["lead"], (gold["file"], item["item"])
        assert item["support"] == w["support"], (gold["file"], item["item"])
        assert [s["body"] for s in item["chain"]] == w["chain"], (gold["file"], item["item"])


def test_example_counts_are_what_the_cli_gives(example) -> None:
    """The counts the gold's note states are the CLI's, row for row."""
    gold, gaps, audit, items = example
    counts = gold["counts"]
    by_kind: dict[str, int] = {}
    for g in gaps:
        by_kind[g["kind"]] = by_kind.get(g["kind"], 0) + 1
    assert counts["gaps_given"] == by_kind, gold["file"]
    assert counts["audit_given"] == len(audit), gold["file"]
    assert counts["responsible_items_given"] == len(items), gold["file"]


def test_each_example_and_trace_row_says_why() -> None:
    for path in EXAMPLE_GOLD:
        gold = _read(path)
        rows = gold["gaps"] + gold["audit"] + gold["responsible"] + list(gold["responsible_items"].values())
        for row in rows:
            assert row.get("expect", "present") in EXPECTS, (path.name, row)
            assert row["sentence"].strip(), (path.name, row)
            assert row.get("expect") not in ("missing-for-now", "false-for-now") or row.get("reason"), (
                path.name,
                row,
            )
    for path in TRACE_GOLD:
        for t in _read(path)["traces"]:
            for row in (
                t["nodes"] + t["targets"] + [r for n in t["nodes"] for r in n.get("responsible_rows", [])]
            ):
                assert row["expect"] in EXPECTS and row["sentence"].strip(), (path.name, t["what"], row)
                assert row["expect"] not in ("missing-for-now", "false-for-now") or row.get("reason"), (
                    path.name,
                    row,
                )


# ----------------------------------------------------------------------------------------------- trace


def _trace_cases() -> list[tuple[Path, int]]:
    return [(p, i) for p in TRACE_GOLD for i in range(len(_read(p)["traces"]))]


@pytest.fixture(scope="module")
def seed_stores(tmp_path_factory) -> dict[str, str]:
    """One store per seed, each seed alone, loaded on first use."""
    return {"__dir__": str(tmp_path_factory.mktemp("seeds"))}


def _store_for(gold: dict, examples_store: str, seed_stores: dict[str, str]) -> str:
    if "files" in gold:
        return examples_store
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    if gold["file"] not in seed_stores:
        store = str(Path(seed_stores["__dir__"]) / gold["file"])
        _load(store, SEEDS / gold["file"])
        seed_stores[gold["file"]] = store
    return seed_stores[gold["file"]]


def _num(value: object) -> object:
    return float(value) if isinstance(value, int | float) else value


@pytest.mark.parametrize(("path", "index"), _trace_cases(), ids=[f"{p.stem}-{i}" for p, i in _trace_cases()])
def test_trace_is_the_checked_cascade(path, index, examples_store, seed_stores) -> None:
    """``trace`` lists exactly the checked plans, each under the plan it implements, at its level, with
    its issuer, date and responsible bodies; nothing issued after ``--as-of``; the target comparisons it
    prints are exactly the checked ones."""
    gold = _read(path)
    case = gold["traces"][index]
    store = _store_for(gold, examples_store, seed_stores)
    out = _cli("trace", case["what"], "--store", store, "--as-of", case["as_of"], "--format", "json")
    by_key = {n["key"]: n for n in out["nodes"]}

    def name(key: str | None) -> str | None:
        return None if key is None else by_key[key]["number"] or key

    given = {
        (name(n["key"]), n["depth"], name(n["parent"]), n["level"], n["issuer"], n["date"], n["loaded"])
        for n in out["nodes"]
    }
    rows = {
        (r["plan"], r["depth"], r["parent"], r["level"], r["issuer"], r["date"], r["loaded"]): r
        for r in case["nodes"]
    }
    want = {k for k, r in rows.items() if r["expect"] in GIVEN}
    assert given == want, (path.name, case["what"], case["as_of"], sorted(given ^ want, key=str))
    assert not given & {k for k, r in rows.items() if r["expect"] not in GIVEN}
    seen: set[str] = set()
    for n in out["nodes"]:  # each plan after the plan it sits under
        assert n["parent"] is None or n["parent"] in seen, (path.name, n["key"])
        if n["depth"]:  # the root is what was asked for; below it nothing issued after --as-of
            assert not n["date"] or n["date"] <= case["as_of"], (path.name, n["key"], "issued after --as-of")
        seen.add(n["key"])
        row = rows.get(
            (name(n["key"]), n["depth"], name(n["parent"]), n["level"], n["issuer"], n["date"], n["loaded"])
        )
        if row and "responsible" in row:
            assert n["responsible"] == row["responsible"], (path.name, n["key"])
        for r in row.get("responsible_rows", []) if row else []:  # one body's name, as of the date
            hit = any(
                x == r["agency"] or (r.get("prefix") and x.startswith(r["agency"])) for x in n["responsible"]
            )
            assert hit == (r["expect"] in GIVEN), (path.name, n["key"], r["agency"], r["expect"])
    lines = {
        (
            name(n["key"]),
            t["metric"].removeprefix("metric:"),
            _num(t["value"]),
            _num(t["parent_value"]),
            t["relation"],
        )
        for n in out["nodes"]
        for t in n["targets"]
    }
    targets = {
        (t["plan"], t["metric"], _num(t["value"]), _num(t["parent_value"]), t["relation"]): t
        for t in case["targets"]
    }
    assert lines == {k for k, t in targets.items() if t["expect"] in GIVEN}, (
        path.name,
        case["what"],
        sorted(lines ^ {k for k, t in targets.items() if t["expect"] in GIVEN}, key=str),
    )
