"""audit: a citator for plans. Every document a plan cites gets a flag as of a date.

- red: not in force at the as-of date, and already not in force when the plan
  was issued (or the plan's date is unknown) — name what replaced it, since when;
- yellow: amended, partly expired, or replaced AFTER the plan was issued
  (right when written, needs updating now);
- green: in force;
- grey: unknown to the registry, or the registry's status is unverified (the
  auditor is told what the registry believes, never shown it as a verdict).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from cancu.graph.gc_pause import gc_paused
from cancu.ontology.document_kinds import is_normative_number, kind_of
from cancu.ontology.vocab import EdgeKind, Flag, Status
from cancu.queries.common import Graph, find_one, first_quote, label, loaded_plans, out_edges, parse_as_of

UNCONFIRMED = {"low", "unverified"}
SEVERITY = {Flag.RED.value: 3, Flag.YELLOW.value: 2, Flag.GREY.value: 1, Flag.GREEN.value: 0}


@dataclass
class AuditRow:
    plan: str
    plan_number: str | None
    plan_date: str | None
    plan_level: str | None
    cited: str
    number: str | None
    cited_date: str | None
    relation: str  # basis | reference
    flag: str
    status: str | None
    since: str | None
    replaced_by: list[str]
    amended_by: list[str]
    confidence: str | None
    note: str
    file: str | None
    span: list[int] | None
    quote: str | None
    cited_level: str | None = None
    cited_loaded: bool = False


@dataclass
class AuditResult:
    as_of: str
    rows_: list[AuditRow]

    def to_dict(self) -> dict[str, Any]:
        return {"as_of": self.as_of, "rows": [asdict(r) for r in self.rows_]}

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "plan": r.plan_number or r.plan,
                "cited": r.number or label_or(r.cited),
                "relation": r.relation,
                "flag": r.flag,
                "status": r.status,
                "since": r.since,
                "replaced_by": r.replaced_by,
                "note": r.note,
                "span": f"{r.file}:{r.span[0]}-{r.span[1]}" if r.file and r.span else None,
            }
            for r in self.rows_
        ]

    def worst(self) -> str | None:
        return max((r.flag for r in self.rows_), key=lambda f: SEVERITY[f], default=None)


def label_or(key: str) -> str:
    return key.split(":", 1)[-1]


@gc_paused
def audit(g: Graph, plans: list[str] | None = None, *, as_of: str | None = None) -> AuditResult:
    as_of = parse_as_of(as_of)
    keys = [find_one(g, p, what="plan") for p in plans] if plans else loaded_plans(g)
    rows: list[AuditRow] = []
    for plan in keys:
        pattrs = g.nodes[plan]
        for edge, relation in ((EdgeKind.BASED_ON, "basis"), (EdgeKind.CITES, "reference")):
            for cited, data in sorted(out_edges(g, plan, edge)):
                rows.append(_row(g, plan, pattrs, cited, data, relation, as_of))
    return AuditResult(as_of, rows)


def _row(g: Graph, plan: str, pattrs: dict, cited: str, edge: dict, relation: str, as_of: str) -> AuditRow:
    d = g.nodes[cited]
    replaced = sorted((t, e.get("date")) for t, e in out_edges(g, cited, EdgeKind.REPLACED_BY))
    amended = sorted((t, e.get("date")) for t, e in out_edges(g, cited, EdgeKind.AMENDED_BY))
    status = d.get("status")
    until = (
        d.get("in_force_until") or d.get("status_date")
        if status in (Status.REPLACED, Status.EXPIRED)
        else d.get("in_force_until")
    )
    # an end read from the text itself or a period ("… hết hiệu lực kể từ …", "giai đoạn 2021-2025") is an
    # end, whatever status a registry gives without a date
    judged = (
        Status.EXPIRED.value
        if d.get("in_force_until") and status not in (Status.REPLACED, Status.EXPIRED)
        else status
    )
    if replaced and not until:
        until = min((dt for _, dt in replaced if dt), default=None)
    plan_date = pattrs.get("date") or (f"{pattrs['period'][0]}-01-01" if pattrs.get("period") else None)
    known = bool(judged and judged != Status.UNKNOWN) or bool(replaced or amended)
    confidence = d.get("confidence")
    since = None
    if known:
        flag, note, since = _flag(
            judged,
            until,
            replaced,
            amended,
            plan_date,
            as_of,
            g,
            _change_not_before(g, replaced),
            d.get("status_date") if judged == Status.PARTLY_EXPIRED else None,
        )
        if d.get("period_end") and since == d.get("period_end"):
            note = note.replace("not in force since", "programme period ended on")
            note = note.replace(" (no successor named)", "").replace("; no successor named", "")
        if d.get("in_force_until_evidence") and until == d.get("in_force_until"):
            note = _period_note(flag, note, since, d, pattrs, as_of)
        if d.get("status_source") == "period":  # no source gave a status: the period's, as of the day asked
            confidence = "period"
            status = Status.EXPIRED.value if since else Status.IN_FORCE.value
        elif confidence in UNCONFIRMED:
            note = f"unverified: the registry believes {flag} ({note}); confirm before relying on it"
            flag = Flag.GREY.value
    else:
        flag, note = Flag.GREY.value, grey_reason(d)
    cited_day, plan_day = _issued(d), pattrs.get("date")
    if (
        cited_day
        and plan_day
        and (cited_day[:4] > plan_day[:4] if not d.get("date") else cited_day > plan_day)
    ):
        flag = Flag.YELLOW.value if flag != Flag.RED.value else flag
        note = (
            f"cited document dated {cited_day[:4] if not d.get('date') else cited_day}, after the plan ({plan_day}): "
            f"check the citation; {note}"
        )
    file, span, quote = first_quote(edge) if edge.get("evidence") else (None, None, None)
    return AuditRow(
        plan=plan,
        plan_number=pattrs.get("number"),
        plan_date=plan_date,
        plan_level=pattrs.get("level"),
        cited=cited,
        number=d.get("number"),
        cited_date=d.get("date"),
        relation=relation,
        flag=flag,
        status=status,
        since=since,
        replaced_by=[label(g, t) for t, _ in replaced],
        amended_by=[label(g, t) for t, _ in amended],
        confidence=confidence,
        note=note,
        file=file,
        span=span,
        quote=quote,
        cited_level=d.get("level"),
        cited_loaded=bool(d.get("loaded")),
    )


def _period_note(flag: str, note: str, since: str | None, d: dict, pattrs: dict, as_of: str) -> str:
    """The note of a flag that a period (or the text's own end) decided, with where the end was read."""
    ends, evidence = d["in_force_until"], d["in_force_until_evidence"]
    last = (date.fromisoformat(ends) - timedelta(days=1)).isoformat()
    registry = " (the registry says in force, with no date)" if d.get("status") == Status.IN_FORCE else ""
    if flag == Flag.GREEN.value:
        return f"in force at {as_of}: it applies until {last} ({evidence}){registry}"
    if since != ends:
        return note
    own = pattrs.get("period")
    also = (
        f"; the plan's own period ({own[0]}–{own[-1]}) ended by then too"
        if own and int(own[-1]) + 1 <= int(ends[:4])
        else ""
    )
    when = (
        "after the plan was issued: update the citation"
        if flag == Flag.YELLOW.value
        else "before the plan was issued"
    )
    return f"period ended on {last} ({evidence}), {when}{also}{registry}"


def grey_reason(d: dict) -> str:
    """Why a cited document has no flag: a kind with no status to check, a local administrative document
    the legal databases do not list, or a document no source cancu holds speaks of."""
    kind = kind_of(d.get("number"))
    in_registry = bool(d.get("registry"))
    said = (
        f"in the registry, status unknown ({d.get('confidence')})" if in_registry else "not in the registry"
    )
    if kind is not None and kind.status == "none":
        return f"{kind.reason} ({kind.source}); {said}"
    if d.get("jurisdiction") and not in_registry:
        place = d["jurisdiction"].removeprefix("jur:")
        if is_normative_number(d.get("number")):
            return f"local legal document of {place}: not in the registry (import that province's rows)"
        what = kind.name if kind else "document"
        loaded = (
            "its text is loaded but states no period or end"
            if d.get("loaded")
            else "no period or end is known"
        )
        return (
            f"local administrative {what} of {place}: the legal databases list only legal normative documents "
            f"(numbered with their year, Luật 80/2015/QH13 Điều 8); {loaded}"
        )
    return said


def _issued(attrs: dict) -> str | None:
    """The day a document was issued, else the first day of its year (what the evidence supports)."""
    return attrs.get("date") or (f"{attrs['year']}-01-01" if attrs.get("year") else None)


def _change_not_before(g: Graph, replaced: list[tuple[str, str | None]]) -> str | None:
    """A replacement of unknown date happened no earlier than its successor was issued."""
    days = [d for d in (_issued(g.nodes[t]) for t, _ in replaced) if d]
    return min(days) if days else None


def _flag(
    status, until, replaced, amended, plan_date, as_of, g, not_before=None, changed=None
) -> tuple[str, str, str | None]:
    """The flag from dated facts; ``changed``: the registry's date of a partial change (never applied before it)."""
    successors = ", ".join(label(g, t) for t, _ in replaced) or "no named successor"
    if status in (Status.REPLACED, Status.EXPIRED) and not until and not_before and as_of < not_before:
        return (
            Flag.GREEN.value,
            f"in force at {as_of} (later replaced by {successors}, on a date not known)",
            None,
        )
    if until and until <= as_of and (status in (Status.REPLACED, Status.EXPIRED) or replaced):
        if plan_date and until > plan_date:
            return (
                Flag.YELLOW.value,
                (
                    f"replaced by {successors} since {until}"
                    if replaced
                    else f"not in force since {until} (no successor named)"
                )
                + ", after the plan was issued: update the citation",
                until,
            )
        return (
            Flag.RED.value,
            f"not in force since {until}; "
            + (f"replaced by {successors}" if replaced else "no successor named"),
            until,
        )
    if status in (Status.REPLACED, Status.EXPIRED) and not until:
        return Flag.RED.value, f"not in force (date unknown); replaced by {successors}", None
    if status == Status.PARTLY_EXPIRED:
        if changed and as_of < changed:
            return Flag.GREEN.value, f"in force at {as_of} (partly expired from {changed})", None
        return (
            Flag.YELLOW.value,
            "partly expired" + (f" since {changed}" if changed else ""),
            changed or until,
        )
    # an amendment of unknown date applies no earlier than its amending text was issued
    changes = [(t, dt) for t, dt in amended if (dt or _issued(g.nodes[t]) or "") <= as_of]
    if changes or status == Status.AMENDED:
        by = ", ".join(label(g, t) + (f" ({dt})" if dt else "") for t, dt in changes) or "a later text"
        return Flag.YELLOW.value, f"in force, amended by {by}", None
    if status == Status.IN_FORCE or (status is None and not replaced):
        return Flag.GREEN.value, "in force", None
    if until and until > as_of:
        return Flag.GREEN.value, f"in force at {as_of} (until {until})", None
    return Flag.GREY.value, f"status {status}", None
