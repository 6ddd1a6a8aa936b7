"""Query results → ``Picture``: thin translations, no graph access.

Each adapter reads only the result object a query returned, so the picture
shows exactly what the table or JSON output of the same query says.
"""

from __future__ import annotations

from typing import Any

from cancu.queries.audit import AuditResult
from cancu.queries.responsible import ResponsibleResult
from cancu.queries.trace import TargetLine, TraceNode, TraceResult
from cancu.viz.picture import LEVEL_ROWS, Evidence, Picture, PictureEdge, PictureNode


def trace_picture(result: TraceResult) -> Picture:
    """The cascade of plans below a document, each with its targets and how
    they compare with the parent plan's."""
    nodes: list[PictureNode] = []
    edges: list[PictureEdge] = []
    levels: dict[str, str] = {}
    for item in result.nodes:
        level = _level(item, levels)
        levels[item.key] = level
        nodes.append(
            PictureNode(
                id=item.key,
                label=_plan_label(item),
                level=level,
                kind="Plan" if item.loaded else "Document",
                facts=_plan_facts(item),
                dashed=not item.loaded,
                jurisdiction=item.jurisdiction,
            )
        )
        if item.parent is not None:
            edges.append(PictureEdge(item.key, item.parent, "IMPLEMENTS", ""))
        for n, line in enumerate(item.targets, start=1):
            target_id = line.target or f"{item.key}#missing:{line.metric or n}"
            nodes.append(_target_node(target_id, line, item.jurisdiction))
            edges.append(PictureEdge(item.key, target_id, "HAS_TARGET", ""))
    root = next((n for n in result.nodes if n.key == result.root), None)
    what = result.metric or (_plan_name(root) if root else result.root)
    return Picture(f"Trace of {what} (as of {result.as_of})", nodes, edges)


def _level(item: TraceNode, known: dict[str, str]) -> str:
    """The plan's level; an unknown level takes its parent's row (stated in
    the facts), never a guessed tier."""
    if item.level in LEVEL_ROWS:
        return item.level
    return known.get(item.parent or "", "national")


def _plan_name(item: TraceNode) -> str:
    """A plan as people name it: its number, or who issued it when it has none (never a raw id)."""
    if item.number:
        return item.number
    return f"unnumbered plan of {item.issuer or 'unknown issuer'}" + (f", {item.date}" if item.date else "")


def _plan_label(item: TraceNode) -> str:
    head = _plan_name(item)
    return f"{head}\n{item.title[:90]}" if item.title else head


def _plan_facts(item: TraceNode) -> dict[str, str]:
    facts = {
        "number": item.number,
        "title": item.title,
        "level": item.level if item.level in LEVEL_ROWS else "unknown",
        "issuer": item.issuer,
        "date": item.date,
        "jurisdiction": item.jurisdiction,
        "loaded": "yes" if item.loaded else "no: known only from citations",
        "responsible": "; ".join(item.responsible) if item.responsible else None,
    }
    return {k: str(v) for k, v in facts.items() if v}


def _figure(value: Any, comparator: str | None, unit: str | None) -> str:
    if value is None:
        return "none"
    return f"{comparator or ''}{value}{'' if unit in (None, 'rank') else unit}"


def _target_node(target_id: str, line: TargetLine, jurisdiction: str | None) -> PictureNode:
    name = line.label or line.metric or "target"
    if line.relation == "missing" and line.value is None:
        label = f"{name}: no target (parent {_figure(line.parent_value, None, line.unit)})"
    else:
        label = f"{name}: {_figure(line.value, line.comparator, line.unit)}"
    facts = {
        "metric": line.metric,
        "value": _figure(line.value, line.comparator, line.unit),
        "parent value": _figure(line.parent_value, None, line.unit)
        if line.parent_value is not None
        else None,
        "deadline": line.deadline,
    }
    evidence = (
        [Evidence(line.file, tuple(line.span) if line.span else None, line.quote or "")] if line.file else []
    )
    return PictureNode(
        id=target_id,
        label=label,
        level="target",
        kind="Target",
        facts={k: str(v) for k, v in facts.items() if v is not None},
        evidence=evidence,
        jurisdiction=jurisdiction,
        value_vs_parent=line.relation,
    )


def responsible_picture(result: ResponsibleResult) -> Picture:
    """Chain of plans from the national body down, each task or target under
    its plan, and its lead and supporting bodies; ended bodies with successors."""
    nodes: dict[str, PictureNode] = {}
    edges: list[PictureEdge] = []
    for r in result.items:
        previous = None
        for step in r.chain:
            if step.plan not in nodes:
                level = step.level if step.level in LEVEL_ROWS else "national"
                facts = {"number": step.number, "issuer": step.body, "level": step.level}
                nodes[step.plan] = PictureNode(
                    id=step.plan,
                    label=step.number or step.plan,
                    level=level,
                    kind="Plan",
                    facts={k: str(v) for k, v in facts.items() if v},
                )
            if previous:
                edges.append(PictureEdge(step.plan, previous, "IMPLEMENTS", ""))
            previous = step.plan
        level = "task" if r.kind == "Task" else "target"
        facts = {"text": r.text, "deadline": r.deadline, "plan": r.plan}
        evidence = [Evidence(r.file, tuple(r.span) if r.span else None, r.text or "")] if r.file else []
        nodes[r.item] = PictureNode(
            id=r.item,
            label=(r.text or r.item)[:80],
            level=level,
            kind=r.kind,
            facts={k: str(v) for k, v in facts.items() if v},
            evidence=evidence,
            area=r.area,
        )
        edges.append(PictureEdge(r.plan, r.item, "HAS_TASK" if level == "task" else "HAS_TARGET", ""))
        for a in r.agencies:
            key = a["key"]
            if key not in nodes:
                alevel = a["level"] if a["level"] in LEVEL_ROWS else "unit"
                facts = {
                    "name": a["name"],
                    "level": a["level"],
                    "ended": a["ended"],
                    "now": "; ".join(a["successors"]) if a["successors"] else None,
                }
                nodes[key] = PictureNode(
                    id=key,
                    label=a["name"],
                    level=alevel,
                    kind="Agency",
                    facts={k: str(v) for k, v in facts.items() if v},
                    ended=a["ended"],
                    successors=[],
                )
            edges.append(PictureEdge(key, r.item, "LEADS" if a["role"] == "lead" else "SUPPORTS", a["role"]))
    return Picture(f"Responsible for {result.query} (as of {result.as_of})", list(nodes.values()), edges)


def audit_picture(result: AuditResult) -> Picture:
    """Each plan and the documents it cites, bordered by their citator flag."""
    nodes: dict[str, PictureNode] = {}
    edges: list[PictureEdge] = []
    for row in result.rows_:
        if row.plan not in nodes:
            level = row.plan_level if row.plan_level in LEVEL_ROWS else "province"
            nodes[row.plan] = PictureNode(
                id=row.plan,
                label=row.plan_number or row.plan,
                level=level,
                kind="Plan",
                facts={"date": str(row.plan_date)} if row.plan_date else {},
            )
        if row.cited not in nodes:
            level = row.cited_level if row.cited_level in LEVEL_ROWS else "national"
            facts = {
                "number": row.number,
                "date": row.cited_date,
                "status": row.status,
                "since": row.since,
                "replaced by": "; ".join(row.replaced_by) or None,
                "note": row.note,
                "confidence": row.confidence,
            }
            evidence = (
                [Evidence(row.file, tuple(row.span) if row.span else None, row.quote or "")]
                if row.file
                else []
            )
            nodes[row.cited] = PictureNode(
                id=row.cited,
                label=row.number or row.cited,
                level=level,
                kind="Document",
                facts={k: str(v) for k, v in facts.items() if v},
                evidence=evidence,
                flag=row.flag,
                dashed=not row.cited_loaded,
            )
        edges.append(
            PictureEdge(row.plan, row.cited, "BASED_ON" if row.relation == "basis" else "CITES", row.relation)
        )
    return Picture(f"Audit of cited documents (as of {result.as_of})", list(nodes.values()), edges)
