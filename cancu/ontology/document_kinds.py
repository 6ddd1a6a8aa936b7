"""The kind of document a printed number names (``data/document_kinds.csv``), so that the audit can say why a
cited document has no status: a report or a letter has none to check, a local administrative plan is not in
the legal databases (only legal normative documents are, and their numbers carry the year)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cancu.errors import RegistryError
from cancu.ontology.datafiles import read_rows

STATUSES = ("none", "dated")
_PARTY = re.compile(r"^\s*\d+\s*-\s*[A-ZĐ]+\s*/")  # 04-NQ/TU, 11-NQ/TW
_YEAR = re.compile(r"/\s*(?:19|20)\d{2}\s*/")  # 62/2020/NĐ-CP: a legal normative document's number


@dataclass(frozen=True)
class DocumentKind:
    code: str
    name: str
    status: str  # none | dated
    reason: str
    source: str


@cache
def kinds() -> dict[str, DocumentKind]:
    out = {}
    for r in read_rows("document_kinds.csv"):
        if r["status"] not in STATUSES:
            raise RegistryError(
                f"document_kinds.csv:{r['_line']}: status '{r['status']}' is not none or dated"
            )
        out[r["code"]] = DocumentKind(r["code"], r["name"], r["status"], r["reason"], r["source"])
    return out


def type_code(number: str) -> str | None:
    """ "231/BC-SNV" -> "BC"; "62/2020/NĐ-CP" -> "NĐ"; "04-NQ/TU" -> "party"; "3759/BNV-CCHC" -> "letter"."""
    if _PARTY.match(number):
        return "party"
    tail = _YEAR.split(number, 1)[-1] if _YEAR.search(number) else number.split("/", 1)[-1]
    code = re.split(r"[-/\s]", tail.strip(), maxsplit=1)[0]
    if not code or code == number.strip():
        return None
    if code in kinds():
        return code
    return "letter" if "-" in tail else None


def kind_of(number: str | None) -> DocumentKind | None:
    code = type_code(number) if number else None
    return kinds().get(code) if code else None


def is_normative_number(number: str | None) -> bool:
    """A number that carries its year ("01/2020/QĐ-UBND") is a legal normative document's (Luật 80/2015, Điều 8)."""
    return bool(number and _YEAR.search(number))
