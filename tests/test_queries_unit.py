"""The four queries on a small graph written by hand in the schema of docs/graph-schema.md."""

from __future__ import annotations

import networkx as nx
import pytest

from cancu.errors import QueryError
from cancu.queries.audit import audit
from cancu.queries.common import agency_label, parse_as_of
from cancu.queries.gaps import gaps
from cancu.queries.responsible import responsible
from cancu.queries.trace import trace


def edge(g, a, b, kind, **attrs):
    g.add_edge(a, b, key=kind, kind=kind, **attrs)


@pytest.fixture()
def g():
    g = nx.MultiDiGraph()
    g.add_node(
        "doc:76-nq-cp.2021",
        kind="Plan",
        number="76/NQ-CP",
        year=2021,
        level="national",
        loaded=False,
        issuer="agency:chinh-phu",
        status="in_force",
        date="2021-07-15",
    )
    g.add_node(
        "doc:76-nq-cp.2013",
        kind="Document",
        number="76/NQ-CP",
        year=2013,
        level="national",
        loaded=False,
        status="expired",
        in_force_until="2020-12-31",
    )
    g.add_node("agency:chinh-phu", kind="Agency", name="Chính phủ", level="national")
    g.add_node("agency:ubnd@x", kind="Agency", name="UBND tỉnh X", level="province")
    g.add_node(
        "agency:phong-noi-vu@x.y",
        kind="Agency",
        name="Phòng Nội vụ huyện Y",
        level="district",
        active_until="2025-06-30",
    )
    g.add_node("agency:ubnd@x.z", kind="Agency", name="UBND xã Z", level="commune", active_from="2025-07-01")
    edge(g, "agency:phong-noi-vu@x.y", "agency:ubnd@x.z", "SUCCEEDED_BY", date="2025-07-01")
    g.add_node(
        "doc:1-kh-ubnd.2022@x",
        kind="Plan",
        number="1/KH-UBND",
        year=2022,
        level="province",
        loaded=True,
        issuer="agency:ubnd@x",
        jurisdiction="jur:x",
        date="2022-01-05",
    )
    g.add_node(
        "doc:61-2018-nd-cp.2018",
        kind="Document",
        number="61/2018/NĐ-CP",
        year=2018,
        level="national",
        status="replaced",
        status_date="2025-07-01",
        confidence="medium",
    )
    g.add_node(
        "doc:118-2025-nd-cp.2025",
        kind="Document",
        number="118/2025/NĐ-CP",
        year=2025,
        level="national",
        status="in_force",
        confidence="high",
    )
    edge(g, "doc:61-2018-nd-cp.2018", "doc:118-2025-nd-cp.2025", "REPLACED_BY", date="2025-07-01")
    ev = [{"doc": "doc:1-kh-ubnd.2022@x", "file": "x.txt", "span": [10, 20], "quote": "76/NQ-CP"}]
    edge(g, "doc:1-kh-ubnd.2022@x", "doc:76-nq-cp.2021", "BASED_ON", evidence=ev)
    edge(g, "doc:1-kh-ubnd.2022@x", "doc:61-2018-nd-cp.2018", "CITES", evidence=ev)
    edge(g, "doc:1-kh-ubnd.2022@x", "doc:76-nq-cp.2021", "IMPLEMENTS", derived=True)
    g.add_node(
        "doc:2-kh-ubnd.2022@x.y",
        kind="Plan",
        number="2/KH-UBND",
        year=2022,
        level="district",
        loaded=True,
        issuer="agency:ubnd@x.y",
        jurisdiction="jur:x.y",
        date="2022-02-01",
    )
    g.add_node(
        "agency:ubnd@x.y", kind="Agency", name="UBND huyện Y", level="district", active_until="2025-06-30"
    )
    edge(g, "doc:2-kh-ubnd.2022@x.y", "doc:1-kh-ubnd.2022@x", "BASED_ON")
    edge(g, "doc:2-kh-ubnd.2022@x.y", "doc:1-kh-ubnd.2022@x", "IMPLEMENTS", derived=True)
    g.add_node(
        "metric:tthc-online-payment",
        kind="Metric",
        label="TTHC thanh toán trực tuyến",
        unit="%",
        national_value=80,
        comparator=">=",
        deadline=2025,
        source_document="76/NQ-CP",
    )
    g.add_node(
        "metric:dvc-toan-trinh",
        kind="Metric",
        label="DVC toàn trình",
        unit="%",
        national_value=80,
        comparator=">=",
        deadline=2025,
        source_document="76/NQ-CP",
    )
    g.add_node(
        "target:1-kh-ubnd.2022@x#1",
        kind="Target",
        value=100,
        unit="%",
        comparator="=",
        deadline=2025,
        area="tthc",
        metric="metric:tthc-online-payment",
        plan="doc:1-kh-ubnd.2022@x",
    )
    g.add_node(
        "target:1-kh-ubnd.2022@x#2",
        kind="Target",
        value=90,
        unit="%",
        comparator=">=",
        deadline=2025,
        area="tthc",
        metric="metric:dvc-toan-trinh",
        plan="doc:1-kh-ubnd.2022@x",
    )
    g.add_node(
        "target:2-kh-ubnd.2022@x.y#1",
        kind="Target",
        value=70,
        unit="%",
        comparator=">=",
        deadline=2025,
        area="tthc",
        metric="metric:tthc-online-payment",
        plan="doc:2-kh-ubnd.2022@x.y",
    )
    for t in ("target:1-kh-ubnd.2022@x#1", "target:1-kh-ubnd.2022@x#2"):
        edge(g, "doc:1-kh-ubnd.2022@x", t, "HAS_TARGET")
    edge(g, "doc:2-kh-ubnd.2022@x.y", "target:2-kh-ubnd.2022@x.y#1", "HAS_TARGET")
    edge(g, "target:2-kh-ubnd.2022@x.y#1", "target:1-kh-ubnd.2022@x#1", "CASCADES_FROM", derived=True)
    g.add_node(
        "task:2-kh-ubnd.2022@x.y#1",
        kind="Task",
        text="Rà soát TTHC",
        area="tthc",
        deadline="Quý I/2023",
        product=None,
        source="table",
        plan="doc:2-kh-ubnd.2022@x.y",
    )
    edge(g, "doc:2-kh-ubnd.2022@x.y", "task:2-kh-ubnd.2022@x.y#1", "HAS_TASK")
    g.add_node(  # the same table gives another task a product: the first one's empty product cell is a gap
        "task:2-kh-ubnd.2022@x.y#2",
        kind="Task",
        text="Công khai TTHC",
        area="tthc",
        deadline="Quý II/2023",
        product="Quyết định công bố",
        source="table",
        plan="doc:2-kh-ubnd.2022@x.y",
    )
    edge(g, "doc:2-kh-ubnd.2022@x.y", "task:2-kh-ubnd.2022@x.y#2", "HAS_TASK")
    edge(g, "agency:phong-noi-vu@x.y", "task:2-kh-ubnd.2022@x.y#2", "LEADS")
    edge(g, "agency:phong-noi-vu@x.y", "task:2-kh-ubnd.2022@x.y#1", "LEADS")
    edge(g, "agency:phong-noi-vu@x.y", "agency:ubnd@x.y", "REPORTS_TO", frequency=["quý"])
    return g


def test_trace_walks_implements_and_compares_targets(g):
    result = trace(g, "76/NQ-CP 2021", as_of="2026-11-22")
    assert [n.key for n in result.nodes] == [
        "doc:76-nq-cp.2021",
        "doc:1-kh-ubnd.2022@x",
        "doc:2-kh-ubnd.2022@x.y",
    ]
    province = result.nodes[1]
    assert [(t.metric, t.value, t.parent_value, t.relation) for t in province.targets] == [
        ("metric:dvc-toan-trinh", 90, 80, "stricter"),
        ("metric:tthc-online-payment", 100, 80, "stricter"),
    ]
    district = result.nodes[2]
    assert [(t.metric, t.value, t.parent_value, t.relation) for t in district.targets] == [
        ("metric:tthc-online-payment", 70, 100, "weaker"),
        ("metric:dvc-toan-trinh", None, 90, "missing"),
    ]
    assert district.responsible == ["Phòng Nội vụ huyện Y (ended 2025-06-30; now UBND xã Z)"]
    assert all(n.key != "doc:76-nq-cp.2013" for n in result.nodes)


def test_ambiguous_number_asks_for_an_id(g):
    with pytest.raises(QueryError, match="names 2"):
        trace(g, "76/NQ-CP")


def test_responsible_resolves_ended_bodies(g):
    result = responsible(g, "2/KH-UBND", as_of="2026-11-22")
    item = next(r for r in result.items if r.item == "task:2-kh-ubnd.2022@x.y#1")
    assert item.lead == ["Phòng Nội vụ huyện Y (ended 2025-06-30; now UBND xã Z)"]
    assert [s.number for s in item.chain] == ["76/NQ-CP", "1/KH-UBND", "2/KH-UBND"]
    assert item.ended_bodies == [
        {"agency": "Phòng Nội vụ huyện Y", "ended": "2025-06-30", "successors": ["UBND xã Z"]}
    ]
    before = responsible(g, "2/KH-UBND", as_of="2024-01-01")
    assert [r.lead for r in before.items if r.kind == "Task"] == [["Phòng Nội vụ huyện Y"]] * 2


def test_audit_flags_follow_the_as_of_date(g):
    rows = {r.number: r for r in audit(g, ["1/KH-UBND"], as_of="2026-11-22").rows_}
    assert rows["76/NQ-CP"].flag == "green"
    assert rows["61/2018/NĐ-CP"].flag == "yellow"  # replaced after the plan was issued
    assert rows["61/2018/NĐ-CP"].replaced_by == ["118/2025/NĐ-CP"]
    assert rows["76/NQ-CP"].span == [10, 20]
    early = {r.number: r.flag for r in audit(g, ["1/KH-UBND"], as_of="2024-01-01").rows_}
    assert early["61/2018/NĐ-CP"] == "green"
    g.nodes["doc:1-kh-ubnd.2022@x"]["date"] = "2026-01-01"  # a plan written after the replacement
    assert {r.number: r.flag for r in audit(g, ["1/KH-UBND"], as_of="2026-11-22").rows_}[
        "61/2018/NĐ-CP"
    ] == "red"
    g.nodes["doc:61-2018-nd-cp.2018"]["confidence"] = "unverified"
    row = {r.number: r for r in audit(g, ["1/KH-UBND"], as_of="2026-11-22").rows_}["61/2018/NĐ-CP"]
    assert row.flag == "grey" and row.note.startswith("unverified: the registry believes red")


def test_gaps(g):
    result = gaps(g, ["2/KH-UBND"], as_of="2026-11-22")
    kinds = sorted((x.kind, x.subject) for x in result.gaps)
    assert ("weaker_target", "tthc-online-payment") in kinds
    assert ("ended_owner", "task:2-kh-ubnd.2022@x.y#1") in kinds
    assert ("incomplete_task", "task:2-kh-ubnd.2022@x.y#1") in kinds
    assert ("incomplete_task", "task:2-kh-ubnd.2022@x.y#2") not in kinds
    assert ("missing_target", "dvc-toan-trinh") in kinds  # the national 80% never reaches the district
    province = gaps(g, ["1/KH-UBND"], as_of="2026-11-22")
    assert sorted(
        (x.kind, x.subject) for x in province.gaps if x.kind in ("stricter_target", "weaker_target")
    ) == [
        ("stricter_target", "dvc-toan-trinh"),
        ("stricter_target", "tthc-online-payment"),
    ]


def test_as_of_formats():
    assert parse_as_of("22/11/2026") == "2026-11-22"
    assert parse_as_of("2026") == "2026-12-31"
    with pytest.raises(QueryError, match="not a date"):
        parse_as_of("next week")


def test_agency_label_without_successor(g):
    g.remove_edge("agency:phong-noi-vu@x.y", "agency:ubnd@x.z", key="SUCCEEDED_BY")
    assert agency_label(g, "agency:phong-noi-vu@x.y", "2026-01-01").endswith(
        "(ended 2025-06-30; no successor known)"
    )


INCOMPLETE_CASES = [
    # (tasks as (source, has lead, deadline, product), the details of incomplete_task rows, why)
    (
        [("prose", True, None, None)],
        [],
        "a prose bullet with a lead: no product slot, the plan's period is its deadline",
    ),
    ([("prose", False, None, None)], ["no lead"], "a prose bullet no body leads"),
    (
        [("table", True, "2025", "Báo cáo"), ("table", True, None, None)],
        ["no deadline, no product"],
        "empty cells of a table",
    ),
    ([("table", True, "2025", None), ("table", True, "2025", None)], [], "a table without a product column"),
    (
        [("card", False, "2025", None), ("prose", False, None, None)],
        ["no lead", "no lead"],
        "cards and prose apart",
    ),
    (
        [("card", True, None, "Kế hoạch"), ("card", True, "2025", None)],
        ["no deadline", "no product"],
        "cards' slots",
    ),
]


@pytest.mark.parametrize("tasks,details,why", INCOMPLETE_CASES, ids=[c[2] for c in INCOMPLETE_CASES])
def test_incomplete_task_asks_only_what_the_layout_gives(tasks, details, why) -> None:
    h = nx.MultiDiGraph()
    plan = "doc:9-kh-ubnd.2025@x"
    h.add_node(plan, kind="Plan", number="9/KH-UBND", loaded=True, level="province")
    h.add_node("agency:so-noi-vu@x", kind="Agency", name="Sở Nội vụ")
    for n, (source, led, deadline, product) in enumerate(tasks, 1):
        key = f"task:9-kh-ubnd.2025@x#{n}"
        h.add_node(
            key, kind="Task", text=f"việc {n}", source=source, deadline=deadline, product=product, plan=plan
        )
        edge(h, plan, key, "HAS_TASK")
        if led:
            edge(h, "agency:so-noi-vu@x", key, "LEADS")
    rows = [x for x in gaps(h, [plan], as_of="2026-01-01").gaps if x.kind == "incomplete_task"]
    assert [x.detail.split(":")[0] for x in rows] == details, why
