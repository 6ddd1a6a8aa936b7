"""Task cards: tasks written as short blocks of labelled lines instead of table rows.

Many real plans give each task (or a group of bullets) a card: "a) Nhiệm vụ: …", "b) Cơ quan thực hiện:
- Đơn vị chủ trì: Sở Khoa học và Công nghệ. - Đơn vị phối hợp: Các Sở, ban, ngành.", "c) Thời gian thực
hiện: Hoàn thành trong năm 2025." — or a section's bullets followed by "Đơn vị chủ trì thực hiện: …",
"Đơn vị phối hợp: …", "Thời gian thực hiện: …". The labels are the columns of a task table said in
prose, so a card's tasks get the lead, support, deadline and product a table row would give them.

A card is a run of labels (``layout/task_labels.csv``) with nothing but their values between them; the
tasks it governs are the bullets (or, with none, the paragraph) between the start of its section (or
the end of the card before it, or its "Nhiệm vụ:" label) and the card's first label.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

from cancu.loaders import agency_names
from cancu.loaders.directives import agency_run
from cancu.loaders.fold import Folded, finditer_near, fold_str, fuzzy_pattern
from cancu.loaders.outline import Outline, Section, heading_words_start
from cancu.ontology.datafiles import read_rows
from cancu.ontology.record import Task

NOT_TASKS = ("purpose", "goals", "funding", "findings")
"""Section roles whose labelled lines are not task cards."""
VALUE_END = re.compile(r"\n[ \t]*\n|\.[ \t]*\n|\n(?=[ \t]*(?:[-+•]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))[ \t])")
"""Where a one-line value (a lead, a deadline) ends when no other label follows at once."""
MIN_PARAGRAPH = 15
LABEL_REACH = 90
"""The farthest a label's colon stands from its line's start (marker, phrase, a few more words)."""
LINE_START = re.compile(r"(?m)^")
MARKUP = re.compile(r"[*_]+")
"""Emphasis marks a converter left in a label's value ("*Đơn vị chủ trì: *Các Sở …")."""


@dataclass
class Label:
    line_start: int
    start: int  # the value's start (after the colon)
    role: str
    end: int = 0  # the value's end


@dataclass
class Card:
    labels: list[Label] = field(default_factory=list)

    def value(self, role: str) -> Label | None:
        return next((lab for lab in self.labels if lab.role == role and lab.end > lab.start), None)


@cache
def _label_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = sorted(read_rows("layout/task_labels.csv"), key=lambda r: len(r["phrase"]), reverse=True)
    alts = [f"(?P<l{i}>{fuzzy_pattern(r['phrase'], ocr=False)})" for i, r in enumerate(rows)]
    marker = r"(?:(?:[-+•–]|[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*[.)])[ \t]*)?"
    rx = re.compile(r"(?m)^[ \t]*" + marker + r"(?:" + "|".join(alts) + r")(?:\s+[a-z]+){0,4}?[ \t]*:")
    return rx, {f"l{i}": r["role"] for i, r in enumerate(rows)}


def _labels(folded: Folded, o: Outline) -> list[Label]:
    text = folded.text
    rx, roles = _label_regex()
    # every label ends with ":" at most LABEL_REACH characters after its line's start: only those lines are tried
    found = [
        Label(m.start(), m.end(), roles[m.lastgroup])
        for m in finditer_near(rx, text, ":", LABEL_REACH, LINE_START)
    ]
    heads = sorted(s.start for s in o.sections if s.heading is not None)
    for k, lab in enumerate(found):
        nxt = found[k + 1].line_start if k + 1 < len(found) else len(text)
        k_head = bisect_right(heads, lab.start)
        head = heads[k_head] if k_head < len(heads) else len(text)
        end = min(nxt, head)
        if lab.role != "content":
            m = VALUE_END.search(text, lab.start, end)
            end = m.start() + (1 if m and text[m.start()] == "." else 0) if m else end
        lab.end = end if text[lab.start : end].strip(" \t\n.;:") else lab.start
    return found


def _cards(text: str, labels: list[Label]) -> tuple[list[Card], list[Label]]:
    cards: list[Card] = []
    contents = [lab for lab in labels if lab.role == "content"]
    current: Card | None = None
    for lab in labels:
        if lab.role == "content":
            current = None
            continue
        joined = (
            current is not None
            and not text[current.labels[-1].end : lab.line_start].strip()
            and (lab.end == lab.start or current.value(lab.role) is None)
        )
        if not joined:
            current = Card()
            cards.append(current)
        current.labels.append(lab)
    return [c for c in cards if c.value("lead") or c.value("deadline")], contents


def _numbered(sec: Section | None) -> Section | None:
    """The innermost section with a numbered (not lettered) heading: a card's "a) Nhiệm vụ:" and "b) Cơ
    quan thực hiện:" are parts of one task, not sections of their own."""
    while sec is not None and sec.heading is not None and sec.heading.depth >= 6:
        sec = sec.parent
    return sec


def _value(folded: Folded, lab: Label | None) -> str:
    if lab is None:
        return ""
    return " ".join(MARKUP.sub(" ", folded.quote(lab.start, lab.end)).split()).strip(" .;")


def task_cards(folded: Folded, o: Outline, own: str | None) -> tuple[list[Task], list[tuple[int, int]]]:
    """The tasks of every card and the spans the cards govern (their prose items are these tasks)."""
    text = folded.text
    labels = _labels(folded, o)
    if not labels:
        return [], []
    cards, contents = _cards(text, labels)
    tasks: list[Task] = []
    spans: list[tuple[int, int]] = []
    prev_end = 0
    item_starts = [it.start for it in o.items]
    label_spans = sorted((lab.line_start, lab.end) for lab in labels if lab.role != "content")
    label_starts = [s for s, _ in label_spans]
    content_starts = [c.line_start for c in contents]

    def in_label(pos: int) -> bool:
        k = bisect_right(label_starts, pos) - 1
        return k >= 0 and pos < label_spans[k][1]

    for card in cards:
        first, last = card.labels[0], card.labels[-1]
        sec = _numbered(o.section_at(first.line_start))
        if sec is not None and sec.role in NOT_TASKS:
            continue
        start = max(prev_end, sec.heading.end if sec is not None and sec.heading is not None else 0)
        content = contents[bisect_left(content_starts, start) : bisect_left(content_starts, first.line_start)]
        governed = start
        if content:
            start, governed = content[-1].start, content[-1].line_start
        prev_end = last.end
        window = o.items[bisect_left(item_starts, start) : bisect_left(item_starts, first.line_start)]
        items = [it for it in window if not in_label(it.start)]
        pieces = [(it.start, min(it.end, first.line_start)) for it in items]
        if not pieces:
            s, e = start, first.line_start
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e - s >= MIN_PARAGRAPH:
                pieces = [(s, e)]
            elif not content and sec is not None and sec.heading is not None and start == sec.heading.end:
                # the heading is the only statement of the work ("1. Tổ chức tuyên truyền …" then its labels)
                pieces = [(heading_words_start(text, sec.heading), sec.heading.end)]
        lead, support = _lead_and_support(_value(folded, card.value("lead")), own)
        support += [
            a for a in agency_names.split_cell(_value(folded, card.value("support")), own) if a not in support
        ]
        deadline = _value(folded, card.value("deadline")) or None
        product = _value(folded, card.value("product")) or None
        for s, e in pieces:
            tasks.append(
                Task(
                    text=" ".join(folded.quote(s, e).split()),
                    span=folded.span(s, e),
                    area=sec.area if sec is not None else None,
                    lead=lead,
                    support=support,
                    product=product,
                    deadline=deadline,
                    source="card",
                )
            )
        spans.append((min(start, governed), last.end))
    return tasks, spans


LEADS_WITH = re.compile(
    r"\s+(?:"
    + fuzzy_pattern("chủ trì")
    + r")(?:\s*,?\s*(?:"
    + fuzzy_pattern("phối hợp")
    + r")(?:\s+"
    + fuzzy_pattern("với")
    + r")?\s+(?P<with>.*))?$",
    re.S,
)
"""A lead label whose value says who leads and who helps: "Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành"."""


def _lead_and_support(value: str, own: str | None) -> tuple[list[str], list[str]]:
    folded = fold_str(value).lower()
    m = LEADS_WITH.search(folded) if len(folded) == len(value) else None
    if m is None:
        if len(value.split()) > SENTENCE_WORDS and len(folded) == len(value):
            return _subjects(folded), []
        return agency_names.split_cell(value, own), []
    support = agency_names.split_cell(value[m.start("with") :], own) if m.group("with") else []
    return agency_names.split_cell(value[: m.start()], own), support


SENTENCE_WORDS = 25
"""A lead value longer than this is a sentence ("Bộ Công an tiến hành rà soát …; các bộ, cơ quan ngang bộ …
rà soát …"): its leads are the bodies each clause opens with, not its words."""


def _subjects(folded: str) -> list[str]:
    out: list[str] = []
    pos = 0
    for clause in folded.split(";"):
        for name in agency_run(folded, pos + len(clause) - len(clause.lstrip(" ,.")), pos + len(clause)):
            if name not in out:
                out.append(name)
        pos += len(clause) + 1
    return out
