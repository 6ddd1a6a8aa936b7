"""Party committees named with their province: "Thường trực Tỉnh ủy" in a notice to Thanh Hóa is the
Thường trực Tỉnh ủy Thanh Hóa.

The agency table (``agency_canon.csv``, kind ``provincial``) knows these bodies without a place; like a UBND, which
province's body is meant is the document's: its jurisdiction's province, else the one province its text names
(a Văn phòng Chính phủ notice on a working visit to one province).
"""

from __future__ import annotations

from functools import cache

from cancu.loaders.fold import Folded
from cancu.loaders.issuers import province_named_in
from cancu.ontology.datafiles import read_rows
from cancu.ontology.record import PlanRecord


@cache
def _provincial() -> frozenset[str]:
    return frozenset(r["canonical"] for r in read_rows("agency_canon.csv") if r["kind"] == "provincial")


def place_provincial_bodies(record: PlanRecord, folded: Folded) -> None:
    """Every provincial party body the record names, with its province (in place), when the province is known."""
    names = {n for t in record.tasks for n in t.lead + t.support}
    names |= {a.agency for a in record.assignments}
    names |= {n for r in record.reporting for n in (r.from_, r.to)}
    if not names & _provincial():
        return
    jurisdiction = record.document.jurisdiction
    province = jurisdiction.rsplit(", ", 1)[-1] if jurisdiction else province_named_in(folded, named=True)
    if not province:
        return

    def placed(name: str) -> str:
        return f"{name} {province}" if name in _provincial() else name

    for t in record.tasks:
        t.lead = list(dict.fromkeys(placed(n) for n in t.lead))
        t.support = list(dict.fromkeys(placed(n) for n in t.support))
    for a in record.assignments:
        a.agency = placed(a.agency)
    for r in record.reporting:
        r.from_, r.to = placed(r.from_), placed(r.to)
