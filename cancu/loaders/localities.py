"""'Các địa phương': the local governments one level below the issuer, named as the collective they are.

A national text's "Bộ Xây dựng, các địa phương" gives work to the provinces' UBND; a 2025 province's "các sở,
ban, ngành, địa phương" to its communes'. The reading is data (``layout/localities.csv``): by the issuer's level
and, for a province or a department, by whether the document was issued before the district level ended.
"""

from __future__ import annotations

from functools import cache

from cancu.loaders.fold import fold_str
from cancu.loaders.places import reform_day
from cancu.ontology.datafiles import read_rows
from cancu.ontology.record import PlanRecord


@cache
def _rows() -> tuple[dict[str, str], ...]:
    return read_rows("layout/localities.csv")


def collective_for(name: str, level: str | None, issued: str | None) -> str | None:
    """The collective ``name`` stands for in a document of ``level`` issued on ``issued``, else None."""
    folded = fold_str(name).lower().removeprefix("cac ").strip()
    era = None if issued is None else ("before" if issued < reform_day() else "after")
    for r in _rows():
        if fold_str(r["phrase"]).lower() != folded or r["issuer_level"] != level:
            continue
        if r["era"] and era is not None and r["era"] != era:
            continue
        if r["era"] and era is None:
            continue  # undated: which level is below is not known
        return r["collective"]
    return None


def name_localities(record: PlanRecord) -> None:
    """Every "địa phương" the record's tasks, assignments and reports name, as its collective (in place)."""
    level, issued = record.document.level, record.document.date

    def named(names: list[str]) -> list[str]:
        out: list[str] = []
        for n in names:
            m = collective_for(n, level, issued) or n
            if m not in out:
                out.append(m)
        return out

    for t in record.tasks:
        t.lead, t.support = named(t.lead), named(t.support)
    for a in record.assignments:
        a.agency = collective_for(a.agency, level, issued) or a.agency
    for r in record.reporting:
        r.from_ = collective_for(r.from_, level, issued) or r.from_
        r.to = collective_for(r.to, level, issued) or r.to
