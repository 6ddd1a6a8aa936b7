"""Query results become pictures that say what the query said."""

from __future__ import annotations

import json
import re

import networkx as nx

from cancu.queries.trace import trace
from cancu.viz.adapters import trace_picture
from cancu.viz.render import render


def add_edge(g, a, b, kind, **attrs):
    g.add_edge(a, b, key=kind, kind=kind, **attrs)


def small_cascade() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("doc:76-nq-cp.2021", kind="Plan", number="76/NQ-CP", year=2021, level="national", loaded=False)
    g.add_node("agency:ubnd@a", kind="Agency", name="UBND tỉnh A", level="province")
    g.add_node(
        "doc:5-kh-ubnd.2023@a",
        kind="Plan",
        number="5/KH-UBND",
        year=2023,
        level="province",
        loaded=True,
        issuer="agency:ubnd@a",
        date="2023-01-10",
        title="Kế hoạch cải cách hành chính năm 2023",
    )
    add_edge(g, "doc:5-kh-ubnd.2023@a", "doc:76-nq-cp.2021", "IMPLEMENTS", derived=True)
    g.add_node(
        "metric:dvc",
        kind="Metric",
        label="DVC trực tuyến toàn trình",
        unit="%",
        national_value=80,
        comparator=">=",
        deadline=2025,
        source_document="76/NQ-CP",
    )
    g.add_node(
        "target:5-kh-ubnd.2023@a#1",
        kind="Target",
        value=60,
        unit="%",
        comparator=">=",
        deadline=2025,
        metric="metric:dvc",
        plan="doc:5-kh-ubnd.2023@a",
        evidence=[{"doc": "doc:5-kh-ubnd.2023@a", "file": "a.txt", "span": [40, 70], "quote": "đạt 60%"}],
    )
    add_edge(g, "doc:5-kh-ubnd.2023@a", "target:5-kh-ubnd.2023@a#1", "HAS_TARGET")
    return g


def test_trace_picture_shows_plans_targets_and_relation(tmp_path):
    result = trace(small_cascade(), "76/NQ-CP", as_of="2024-01-01")
    picture = trace_picture(result)
    picture.validate()
    assert [(n.id, n.level, n.dashed) for n in picture.nodes] == [
        ("doc:76-nq-cp.2021", "national", True),
        ("doc:5-kh-ubnd.2023@a", "province", False),
        ("target:5-kh-ubnd.2023@a#1", "target", False),
    ]
    target = picture.nodes[2]
    assert target.label == "DVC trực tuyến toàn trình: >=60%"
    assert target.value_vs_parent == "weaker"  # 60% against the national 80%
    assert target.facts == {
        "metric": "metric:dvc",
        "value": ">=60%",
        "parent value": "80%",
        "deadline": "2025",
    }
    assert [(e.file, e.span, e.quote) for e in target.evidence] == [("a.txt", (40, 70), "đạt 60%")]
    assert [(e.source, e.target, e.kind) for e in picture.edges] == [
        ("doc:5-kh-ubnd.2023@a", "doc:76-nq-cp.2021", "IMPLEMENTS"),
        ("doc:5-kh-ubnd.2023@a", "target:5-kh-ubnd.2023@a#1", "HAS_TARGET"),
    ]
    assert picture.nodes[1].label == "5/KH-UBND\nKế hoạch cải cách hành chính năm 2023"
    assert picture.title == "Trace of 76/NQ-CP (as of 2024-01-01)"
    page = render(picture, tmp_path / "trace.html").read_text(encoding="utf-8")
    blob = json.loads(re.search(r'id="cancu-data">(.*?)</script>', page, re.DOTALL).group(1))
    assert len(blob["nodes"]) == 3
