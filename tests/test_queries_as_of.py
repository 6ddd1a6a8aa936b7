"""--as-of: an unknown date of change is never placed before the successor existed, and plans not yet
issued are not in a trace (one row per case)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cancu.graph.assemble import build_graph
from cancu.ontology.record import Citation, DocumentInfo, PlanRecord
from cancu.ontology.registry import load_registry
from cancu.queries.audit import audit
from cancu.queries.trace import trace


def _plan(number: str, date: str, cites: list[Citation]) -> PlanRecord:
    doc = DocumentInfo(
        number=number,
        type="KH",
        issuer="UBND tỉnh Lâm Đồng",
        jurisdiction="Lâm Đồng",
        level="province",
        date=date,
        title="CCHC",
        period=[int(date[:4]), int(date[:4])],
    )
    return PlanRecord(source=f"{number.replace('/', '-')}.txt", document=doc, legal_bases=cites)


def _cite(number: str, date: str | None = None) -> Citation:
    return Citation(number=number, type="NQ", issuer="Chính phủ", date=date, span=(0, 5), text=number)


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    rows = tmp_path_factory.mktemp("reg") / "status.csv"
    rows.write_text(
        "number,year,date_issued,status,status_date,replaced_by,confidence,source\n"
        "9/2020/NĐ-CP,2020,2020-01-01,replaced,,19/2025/NĐ-CP,high,https://example.org/a\n"
        "19/2025/NĐ-CP,2025,2025-06-01,in_force,,,high,https://example.org/b\n",
        encoding="utf-8",
    )
    records = [
        _plan(
            "1/KH-UBND", "2021-03-01", [_cite("9/2020/NĐ-CP", "2020-01-01"), _cite("76/NQ-CP", "2021-07-15")]
        ),
        _plan("2/KH-UBND", "2026-02-01", [_cite("76/NQ-CP", "2021-07-15")]),
    ]
    return build_graph(records, load_registry([Path(rows)]))


@pytest.mark.parametrize(
    ("as_of", "flag", "note"),
    [
        (
            "2022-01-01",
            "green",
            "in force at 2022-01-01 (later replaced by 19/2025/NĐ-CP, on a date not known)",
        ),
        (
            "2025-05-31",
            "green",
            "in force at 2025-05-31 (later replaced by 19/2025/NĐ-CP, on a date not known)",
        ),
        ("2025-06-01", "red", "not in force (date unknown); replaced by 19/2025/NĐ-CP"),
        ("2026-06-01", "red", "not in force (date unknown); replaced by 19/2025/NĐ-CP"),
    ],
)
def test_a_replacement_of_unknown_date_starts_no_earlier_than_its_successor(graph, as_of, flag, note) -> None:
    row = next(r for r in audit(graph, ["1/KH-UBND"], as_of=as_of).rows_ if r.number == "9/2020/NĐ-CP")
    assert (row.flag, row.note) == (flag, note)


def test_a_citation_dated_after_its_plan_is_flagged(graph) -> None:
    row = next(r for r in audit(graph, ["1/KH-UBND"], as_of="2022-01-01").rows_ if r.number == "76/NQ-CP")
    assert row.flag == "yellow" and row.note.startswith(
        "cited document dated 2021-07-15, after the plan (2021-03-01)"
    )


@pytest.mark.parametrize(
    ("as_of", "plans"),
    [
        ("2024-06-01", ["76/NQ-CP", "1/KH-UBND"]),
        ("2026-02-01", ["76/NQ-CP", "1/KH-UBND", "2/KH-UBND"]),
    ],
)
def test_trace_as_of_hides_plans_not_yet_issued(graph, as_of, plans) -> None:
    assert [n.number for n in trace(graph, "76/NQ-CP 2021", as_of=as_of).nodes] == plans
