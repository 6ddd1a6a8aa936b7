"""The extraction contract (EXTRACTION.md) as typed records.

It lives in ontology/ because it is the shared vocabulary between loaders
(which produce it) and graph (which consumes it); neither imports the other.

``PlanRecord.to_dict()`` is exactly what ``cancu extract --format json``
prints; ``PlanRecord.from_dict`` reads it back (the graph layer consumes
either). Fields may be added; none of the contract's may be renamed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass
class Signer:
    name: str | None = None
    role: str | None = None


@dataclass
class DocumentInfo:
    number: str | None = None
    id: str | None = None
    type: str | None = None
    issuer: str | None = None
    #: who decided, when an individual or a collective authority did ("Chủ tịch UBND tỉnh Hà Giang")
    authority: str | None = None
    jurisdiction: str | None = None
    level: str | None = None
    date: str | None = None
    title: str | None = None
    period: list[int] | None = None
    signer: Signer = field(default_factory=Signer)
    #: evidence of each field: field name -> [start, end) into the decoded text
    spans: dict[str, Span] = field(default_factory=dict)


@dataclass
class Citation:
    number: str | None
    type: str | None = None
    issuer: str | None = None
    jurisdiction: str | None = None
    date: str | None = None
    span: Span = (0, 0)
    id: str | None = None
    title: str | None = None
    #: the article cited, when the text names one ("Điều 3")
    article: str | None = None
    #: the words as printed (OCR included), for the auditor
    text: str | None = None


@dataclass
class Target:
    text: str
    value: float | None
    unit: str | None
    comparator: str | None
    deadline: int | None
    span: Span
    area: str | None = None
    metric: str | None = None
    scope: str | None = None


@dataclass
class Task:
    text: str
    span: Span
    area: str | None = None
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    product: str | None = None
    deadline: str | None = None
    #: normalised deadline: ISO date "by", or "recurring"; None when unknown
    due: str | None = None
    recurring: bool = False
    source: str = "prose"  # "prose" | "table" | "card" (a labelled task block, loaders/task_cards.py)


@dataclass
class Assignment:
    agency: str
    duties: list[str]
    span: Span


@dataclass
class AreaLead:
    """A body "Tổ chức thực hiện" names to lead a whole reform area (loaders/area_leads.py)."""

    agency: str
    area: str
    span: Span


@dataclass
class Reporting:
    from_: str
    to: str
    via: str | None = None
    frequency: list[str] = field(default_factory=list)
    deadline: str | None = None
    span: Span = (0, 0)


@dataclass
class PlanRecord:
    source: str
    document: DocumentInfo = field(default_factory=DocumentInfo)
    legal_bases: list[Citation] = field(default_factory=list)
    references: list[Citation] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    reporting: list[Reporting] = field(default_factory=list)
    #: bodies that lead a whole area's tasks (those naming no lead of their own)
    area_leads: list[AreaLead] = field(default_factory=list)
    #: reform areas the plan addresses under its solutions' headings ("2. Đẩy mạnh công tác thông tin, tuyên
    #: truyền …" under "III. GIẢI PHÁP"): covered, though no task is filed under them
    areas_addressed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: sha256 of the input bytes, so a store can tell a changed file from a reload
    sha256: str | None = None
    #: length of the decoded text the spans point into
    text_length: int = 0
    #: the reader used (docs/readers.md): "txt" | "docx" | "doc" | "html" | "pdf" | "pdf+ocr" | "image+ocr",
    #: and the encoding that decoded it
    format: str | None = None
    encoding: str | None = None
    #: the text's own effectivity article and its effects on other documents (loaders/effectivity.py)
    effectivity: dict[str, Any] | None = None
    #: a legal-database page's attribute table (number, type, issuer, dates, status), each with its span:
    #: evidence of its own kind, apart from the document's words (loaders/page_metadata.py)
    page_metadata: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        data = _plain(self)
        for rep in data["reporting"]:
            rep["from"] = rep.pop("from_")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlanRecord:
        doc = dict(data.get("document") or {})
        signer = Signer(**(doc.pop("signer", None) or {}))
        doc.pop("spans", None)
        known = DocumentInfo.__dataclass_fields__
        document = DocumentInfo(signer=signer, **{k: v for k, v in doc.items() if k in known})
        document.spans = {k: tuple(v) for k, v in ((data.get("document") or {}).get("spans") or {}).items()}

        def build(kind, items, rename=None):
            out = []
            fields = kind.__dataclass_fields__
            for item in items or []:
                item = dict(item)
                if rename:
                    for old, new in rename.items():
                        if old in item:
                            item[new] = item.pop(old)
                if "span" in item and item["span"] is not None:
                    item["span"] = tuple(item["span"])
                elif "span" in fields:
                    item["span"] = (0, 0)
                if kind is Target and "text" not in item:
                    item["text"] = item.get("quote", "")
                if kind is Task and "text" not in item:
                    item["text"] = item.get("quote", "")
                if kind is Assignment and "duties" not in item:
                    item["duties"] = []
                out.append(kind(**{k: v for k, v in item.items() if k in fields}))
            return out

        return cls(
            source=data.get("source", ""),
            document=document,
            legal_bases=build(Citation, data.get("legal_bases")),
            references=build(Citation, data.get("references")),
            targets=build(Target, data.get("targets")),
            tasks=build(Task, data.get("tasks")),
            assignments=build(Assignment, data.get("assignments")),
            reporting=build(Reporting, data.get("reporting"), {"from": "from_"}),
            area_leads=build(AreaLead, data.get("area_leads")),
            areas_addressed=list(data.get("areas_addressed") or []),
            warnings=list(data.get("warnings") or []),
            sha256=data.get("sha256"),
            text_length=data.get("text_length") or 0,
            format=data.get("format"),
            encoding=data.get("encoding"),
            effectivity=data.get("effectivity"),
            page_metadata=data.get("page_metadata"),
        )


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` with tuples as lists, without its deep copies: a province's year of
    records is serialised in a third of the time (records hold only dataclasses, dicts, lists,
    tuples and immutable scalars, so nothing is shared with the record afterwards)."""
    fields = getattr(type(value), "__dataclass_fields__", None)
    if fields is not None:
        return {name: _plain(getattr(value, name)) for name in fields}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
