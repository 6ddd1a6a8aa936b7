"""Big cascades fold into counted summaries within the node budget."""

from __future__ import annotations

import pytest

from cancu.viz.collapse import SUMMARY_KIND, collapse, parents
from cancu.viz.picture import Picture, PictureError, PictureNode
from cancu.viz.samples import sample_picture, synthetic_cascade


def hidden_total(picture: Picture) -> int:
    return sum(int(n.facts["hidden"]) for n in picture.nodes if n.kind == SUMMARY_KIND)


def test_5000_nodes_collapse_within_budget_and_count_what_they_hide():
    big = synthetic_cascade(departments=50, tasks_per_department=100)
    assert len(big.nodes) == 5051
    small = collapse(big, budget=500)
    small.validate()
    summaries = [n for n in small.nodes if n.kind == SUMMARY_KIND]
    assert len(small.nodes) <= 500
    assert summaries
    # every hidden node is counted exactly once
    assert len(small.nodes) - len(summaries) + hidden_total(small) == 5051
    first = summaries[0]
    assert first.label == "100 tasks — drill down: cancu viz plan agency:d0"
    assert first.facts["drill down"] == "cancu viz plan agency:d0"
    # each summary hangs under the department whose tasks it holds
    assert ("agency:d0", first.id) in {(e.source, e.target) for e in small.edges}


def test_collapse_is_deterministic():
    big = synthetic_cascade(departments=20, tasks_per_department=60)
    a, b = collapse(big, budget=100), collapse(big, budget=100)
    assert [(n.id, n.label) for n in a.nodes] == [(n.id, n.label) for n in b.nodes]


def test_summary_carries_the_worst_hidden_flag():
    big = synthetic_cascade(departments=3, tasks_per_department=30, red_every=50)
    small = collapse(big, budget=20)
    flags = {n.facts["drill down"]: n.flag for n in small.nodes if n.kind == SUMMARY_KIND}
    assert flags == {
        "cancu viz plan agency:d0": None,
        "cancu viz plan agency:d1": "red",
        "cancu viz plan agency:d2": None,
    }


def test_parentless_nodes_still_fit_the_budget():
    nodes = [PictureNode(f"t{i}", f"task {i}", "task") for i in range(5000)]
    small = collapse(Picture("orphans", nodes, []), budget=500)
    assert [n.label for n in small.nodes] == ["5000 tasks — narrow the query"]


def test_upper_levels_fold_when_tasks_alone_are_not_enough():
    big = synthetic_cascade(departments=400, tasks_per_department=3)
    small = collapse(big, budget=50)
    assert len(small.nodes) <= 50
    assert len(small.nodes) - sum(n.kind == SUMMARY_KIND for n in small.nodes) + hidden_total(small) == 1601


def test_within_budget_is_untouched():
    picture = sample_picture()
    assert collapse(picture, budget=500) is picture


def test_parent_is_the_nearest_level_above():
    p = parents(sample_picture())
    assert p["task:kh#1"] == "agency:van-phong@so-noi-vu"
    assert p["agency:van-phong@so-noi-vu"] == "agency:so-noi-vu@dong-thap"
    assert p["doc:76-nq-cp.2021"] is None


def test_budget_below_minimum_is_refused():
    with pytest.raises(PictureError, match="too small"):
        collapse(sample_picture(), budget=3)
