"""Keep big cascades usable: past a node budget, fold subtrees into counted
summary nodes that say how to drill down.

A browser draws 500 boxes comfortably and freezes on 5,000; an analyst
cannot read either. So the deepest levels are folded first (tasks before
communes before departments), one summary per parent, largest groups first,
until the picture fits. Each summary counts what it hides and carries the
worst audit flag it hides, so a red task is never silently lost.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from cancu.viz.picture import LEVEL_ROWS, Picture, PictureEdge, PictureError, PictureNode

DEFAULT_BUDGET = 500
#: One summary per row can always remain, so a smaller budget could not be met.
MIN_BUDGET = 10
SUMMARY_KIND = "summary"
#: Most severe first: a summary shows the worst flag among what it hides.
FLAG_SEVERITY = ("red", "yellow", "grey", "green")
PLURALS = {
    "national": "national bodies",
    "ministry": "ministries",
    "province": "provinces",
    "department": "departments",
    "district": "districts",
    "commune": "communes",
    "unit": "units",
    "target": "targets",
    "task": "tasks",
    "metric": "metrics",
}


def parents(picture: Picture) -> dict[str, str | None]:
    """Each node's parent: its neighbour (either edge direction) on the nearest
    row above it; ties go to the earlier node. Rows strictly decrease along
    parents, so this is a forest whatever the edges are."""
    row = {n.id: LEVEL_ROWS[n.level] for n in picture.nodes}
    order = {n.id: i for i, n in enumerate(picture.nodes)}
    best: dict[str, str | None] = {n.id: None for n in picture.nodes}
    for edge in picture.edges:
        for child, other in ((edge.target, edge.source), (edge.source, edge.target)):
            if child not in row or other not in row or row[other] >= row[child]:
                continue
            current = best[child]
            if current is None or (-row[other], order[other]) < (-row[current], order[current]):
                best[child] = other
    return best


@dataclass
class _Summary:
    parent: str | None
    members: list[PictureNode]
    hidden: Counter[str] = field(default_factory=Counter)
    flags: set[str] = field(default_factory=set)


def collapse(picture: Picture, budget: int = DEFAULT_BUDGET, drill: str = "cancu viz plan {id}") -> Picture:
    """A picture with at most ``budget`` nodes; ``drill`` is the command shown on
    summaries, formatted with the parent's id."""
    if budget < MIN_BUDGET:
        raise PictureError(f"node budget {budget} is too small (at least {MIN_BUDGET})")
    picture.validate()
    if len(picture.nodes) <= budget:
        return picture
    by_id: dict[str, PictureNode] = {n.id: n for n in picture.nodes}
    order = {n.id: i for i, n in enumerate(picture.nodes)}
    parent = parents(picture)
    kids: dict[str | None, list[str]] = defaultdict(list)
    for n in picture.nodes:
        kids[parent[n.id]].append(n.id)
    visible: dict[str, PictureNode] = dict(by_id)
    absorbed: dict[str, str] = {}
    summaries: dict[str, _Summary] = {}

    def subtree(node_id: str) -> list[str]:
        out, stack = [], [node_id]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(kids.get(current, ()))
        return out

    for row in sorted({LEVEL_ROWS[n.level] for n in picture.nodes}, reverse=True):
        if len(visible) <= budget:
            break
        groups: dict[str | None, list[str]] = defaultdict(list)
        for node_id, node in visible.items():
            if LEVEL_ROWS[node.level] == row:
                groups[parent[node_id]].append(node_id)
        ranked = []
        for key, members in groups.items():
            saving = sum(len(subtree(m)) for m in members) - 1
            if saving > 0:
                ranked.append((-saving, min(order.get(m, len(order)) for m in members), key, members))
        for _, _, key, members in sorted(ranked, key=lambda r: r[:2]):
            if len(visible) <= budget:
                break
            sid = _new_id(len(summaries), by_id)
            summary = _Summary(parent=key, members=[visible[m] for m in members])
            for member in members:
                for hidden_id in subtree(member):
                    node = visible.pop(hidden_id)
                    absorbed[hidden_id] = sid
                    if hidden_id in summaries:
                        inner = summaries.pop(hidden_id)
                        summary.hidden.update(inner.hidden)
                        summary.flags |= inner.flags
                    else:
                        summary.hidden[node.level] += 1
                        if node.flag:
                            summary.flags.add(node.flag)
                    kids.pop(hidden_id, None)
            kids[key] = [k for k in kids[key] if k not in absorbed] + [sid]
            parent[sid] = key
            summaries[sid] = summary
            visible[sid] = _summary_node(sid, summary, drill)
            order[sid] = min(order.get(m, len(order)) for m in members)
    nodes = sorted(visible.values(), key=lambda n: order[n.id])
    return Picture(title=picture.title, nodes=nodes, edges=_remap_edges(picture.edges, absorbed, summaries))


def _new_id(n: int, taken: dict[str, PictureNode]) -> str:
    sid = f"collapsed:{n + 1}"
    while sid in taken:
        sid += "'"
    return sid


def _summary_node(sid: str, summary: _Summary, drill: str) -> PictureNode:
    total = sum(summary.hidden.values())
    what = ", ".join(
        f"{count} {PLURALS[level]}"
        for level, count in sorted(summary.hidden.items(), key=lambda kv: (LEVEL_ROWS[kv[0]], kv[0]))
    )
    command = drill.format(id=summary.parent) if summary.parent else "narrow the query"
    head = what if len(summary.hidden) == 1 else f"{total} nodes ({what})"
    facts = {"hidden": str(total)}
    facts.update({PLURALS[level]: str(count) for level, count in summary.hidden.items()})
    facts["drill down"] = command
    first = summary.members[0]
    same = {m.jurisdiction for m in summary.members}
    areas = {m.area for m in summary.members}
    return PictureNode(
        id=sid,
        label=f"{head} — drill down: {command}" if summary.parent else f"{head} — {command}",
        level=first.level,
        kind=SUMMARY_KIND,
        facts=facts,
        flag=next((f for f in FLAG_SEVERITY if f in summary.flags), None),
        group=summary.parent,
        jurisdiction=first.jurisdiction if len(same) == 1 else None,
        area=first.area if len(areas) == 1 else None,
    )


def _remap_edges(
    edges: list[PictureEdge], absorbed: dict[str, str], summaries: dict[str, _Summary]
) -> list[PictureEdge]:
    def rep(node_id: str) -> str:
        while node_id in absorbed:
            node_id = absorbed[node_id]
        return node_id

    out: list[PictureEdge] = []
    seen: set[tuple[str, str, str]] = set()
    linked: set[frozenset[str]] = set()
    for edge in edges:
        source, target = rep(edge.source), rep(edge.target)
        if source == target or (source, target, edge.kind) in seen:
            continue
        seen.add((source, target, edge.kind))
        linked.add(frozenset((source, target)))
        moved = source != edge.source or target != edge.target
        out.append(PictureEdge(source, target, edge.kind, "" if moved else edge.label))
    for sid, summary in summaries.items():
        if summary.parent and frozenset((summary.parent, sid)) not in linked:
            out.append(PictureEdge(summary.parent, sid, SUMMARY_KIND, ""))
    return out
