"""Which of several registry rows about one document the graph uses, and why.

Rows come in precedence order: the shipped table first, then users' files and
imports in the order they were added (a later import after an earlier one).
The rule, strongest first:

1. a row that knows the status beats one that does not ("unknown", or a phrase
   the database uses for "not determined", conflicts with nothing);
2. a row that dates an end — replaced / expired / partly expired on a known
   day, or a programme period's last day — beats one that does not: a bare
   "Còn hiệu lực" is a snapshot of unknown date and never hides a known end
   (458/QĐ-TTg's 2020–2025 period stays ended whatever an export says);
3. otherwise the later source wins (a user's row over a shipped one, a later
   import over an earlier one).

The winner's note says which other source it overruled, so the auditor sees
both sides (``cancu registry show`` lists every row).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cancu.ontology.registry import StatusRow

ENDS = ("replaced", "expired", "partly_expired")


def knows_status(row: StatusRow) -> bool:
    return row.status != "unknown"


def dates_an_end(row: StatusRow) -> bool:
    return bool(row.period_end) or (row.status in ENDS and bool(row.status_date))


def winner(rows: list[StatusRow]) -> StatusRow:
    """The row the graph uses (rules in the module docstring); ``rows`` in precedence order, not empty."""
    if len(rows) == 1:
        return rows[0]
    best_i = max(range(len(rows)), key=lambda i: (knows_status(rows[i]), dates_an_end(rows[i]), i))
    best, latest = rows[best_i], rows[-1]
    if best is latest or latest.status == best.status or not knows_status(latest):
        return best
    said = f"{latest.registry}:{latest.row} says {latest.status} without a dated end; the dated end is kept"
    return replace(best, note=f"{best.note}; {said}" if best.note else said)
