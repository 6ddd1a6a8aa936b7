"""Build ``document_status.csv`` from the reference research (../shared/reference/legal_status.csv).

The research records status as free text ("believed replaced by … — NOT
CONFIRMED"); cancu needs the ontology's statuses, dates and successor numbers,
and must never show an unconfirmed status as a verdict. Rules:
- status words -> Status (replaced / expired / amended / partly_expired / in_force / unknown);
- confidence: high and medium are kept; low, or any hedge in the status or
  successor text (probable, unconfirmed, unverified, believed, not verified,
  NOT CONFIRMED), becomes ``unverified``;
- a time-bound programme whose period ended gets ``period_end``, not "repealed".

    python cancu/ontology/data/build/normalize_legal_status.py ../shared/reference/legal_status.csv
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

NUMBER = re.compile(r"\d{1,5}[a-z]?(?:/\d{4})?/[A-ZĐa-z0-9&.\-]+|\d{1,5}-[A-Z]{2,4}/[A-Z]{2,6}")
ISO = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}")
HEDGES = ("probable", "unconfirmed", "unverified", "believed", "not verified", "not confirmed", "inferred)")
OUT = Path(__file__).resolve().parents[1] / "document_status.csv"
FIELDS = [
    "number",
    "year",
    "doc_type",
    "issuer",
    "title",
    "date_issued",
    "date_effective",
    "status",
    "status_date",
    "replaced_by",
    "amended_by",
    "period_end",
    "confidence",
    "source",
    "note",
]


def status_of(text: str, replaced: list[str], amended: list[str]) -> str:
    t = text.lower()
    if "partly" in t:
        return "partly_expired"
    if t.startswith(("replaced", "superseded", "probably lapsed", "believed replaced", "expired/replaced")):
        return "replaced"
    if t.startswith("in force until") and replaced:
        return "replaced"
    if t.startswith("expired"):
        return "replaced" if replaced else "expired"
    if "period" in t and "ended" in t:
        return "expired"
    if t.startswith("in force"):
        return "amended" if (amended or "amended" in t) else "in_force"
    return "unknown"


def numbers(text: str) -> list[str]:
    return [n.rstrip(".") for n in NUMBER.findall(text or "")]


def rows(src: Path):
    for r in csv.DictReader(src.open(encoding="utf-8")):
        raw = r["number"].strip()
        if "…" in raw:  # a range of resolutions: one row each
            first, last = (int(n.split("/")[0]) for n in raw.split("…"))
            suffix = raw.split("…")[0].strip().split("/", 1)[1]
            for n in range(first, last + 1):
                yield from _one({**r, "number": f"{n}/{suffix}"})
            continue
        yield from _one(r)


def _one(r: dict):
    raw = r["number"].strip()
    m = re.match(r"(.+?)\s*\((\d{4})\)$", raw)
    number, year = (m.group(1), m.group(2)) if m else (raw, None)
    issued = ISO.search(r["date_issued"] or "")
    year = (
        year
        or (issued.group()[:4] if issued else None)
        or (re.search(r"/(\d{4})/", number) or [None, None])[1]
    )
    replaced, amended = numbers(r["replaced_by"]), numbers(r["amended_by"])
    status = status_of(r["status"], replaced, amended)
    hedged = any(h in (r["status"] + " " + r["replaced_by"] + " " + r["status_date"]).lower() for h in HEDGES)
    confidence = r["confidence"].strip()
    if confidence == "low" or hedged or not r["source_urls"].strip():
        confidence = "unverified"
    status_date = ISO.search(r["status_date"] or "")
    low = r["status"].lower()
    period_end = (
        status_date.group()
        if (("period" in low or "programme" in low) and "ended" in low and status_date)
        else ""
    )
    yield {
        "number": number,
        "year": year or "",
        "doc_type": r["type"],
        "issuer": r["issuer"],
        "title": r["title"],
        "date_issued": issued.group() if issued else "",
        "date_effective": r["date_effective"],
        "status": status,
        "status_date": status_date.group() if status_date and status != "in_force" else "",
        "replaced_by": "|".join(replaced),
        "amended_by": "|".join(amended),
        "period_end": period_end,
        "confidence": confidence,
        "source": r["source_urls"].split(" | ")[0] if r["source_urls"] else "",
        "note": (r["status"] + (" — " + r["notes"] if r["notes"] else ""))[:400],
    }


def main() -> None:
    src = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[5] / "shared/reference/legal_status.csv"
    )
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# Legal status of commonly cited documents, normalised from cancu's reference research\n")
        f.write(
            "# (shared/reference/legal_status.csv, 2026-11-22) by build/normalize_legal_status.py. Do not edit by hand.\n"
        )
        w = csv.DictWriter(f, FIELDS, lineterminator="\n")
        w.writeheader()
        for row in rows(src):
            w.writerow(row)


if __name__ == "__main__":
    main()
