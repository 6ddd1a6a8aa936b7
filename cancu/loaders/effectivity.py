"""A legal text's own effectivity article, and its clauses about OTHER documents.

Read on the folded text (OCR-tolerant phrases from ``fold.fuzzy_pattern``):

- this document's force: "có hiệu lực (thi hành) kể từ ngày 01/7/2025",
  "có hiệu lực kể từ ngày ký" (= the issue date), "có hiệu lực sau 45 ngày kể
  từ ngày ký", "... đến hết ngày 31/12/2025" (last day in force; it ends on
  the next day), "hết hiệu lực kể từ ngày 01/01/2026" (ends that day);
- clauses that end or change other documents: "Nghị định số X hết hiệu lực kể
  từ ngày Nghị định này có hiệu lực", "bãi bỏ X", "thay thế X" -> X
  REPLACED_BY this document; "sửa đổi, bổ sung một số điều của X" -> X
  AMENDED_BY this document; dated by the explicit date after the verb, else by
  this document's own start.

A sentence that names another document's number is about that document: it
never dates this one. Dates are ISO strings; ``ends`` is the first day a
document is no longer in force (the registry's ``status_date``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from cancu.loaders.citations import _numbers, parse_date
from cancu.loaders.codes import number_key
from cancu.loaders.fold import Folded, fuzzy_alternation, fuzzy_pattern

_TYPES = (
    "nghị định",
    "quyết định",
    "nghị quyết",
    "thông tư",
    "chỉ thị",
    "luật",
    "pháp lệnh",
    "kế hoạch",
    "văn bản",
    "quy định",
    "quy chế",
)


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    f = fuzzy_pattern
    this = r"(?:" + "|".join(f(t) for t in _TYPES) + r")\s+(?:" + f("này") + r")"
    return {
        "this": re.compile(this),
        "in_force": re.compile(f("có hiệu lực") + r"(?:\s+" + f("thi hành") + r")?"),
        "ends": re.compile(f("hết hiệu lực") + r"(?:\s+" + f("thi hành") + r")?"),
        "from_signing": re.compile(
            r"\s*(?:" + f("kể") + r"\s+)?" + f("từ ngày") + r"\s+(?:" + f("ký") + "|" + f("ban hành") + ")"
        ),
        "after_days": re.compile(
            r"\s*"
            + f("sau")
            + r"\s+(\d{1,3})\s+"
            + f("ngày")
            + r"\s+(?:"
            + f("kể")
            + r"\s+)?"
            + f("từ ngày")
            + r"\s+(?:"
            + f("ký")
            + "|"
            + f("ban hành")
            + ")"
        ),
        "from_this": re.compile(
            r"\s*(?:" + f("kể") + r"\s+)?" + f("từ ngày") + r"\s+" + this + r"\s+" + f("có hiệu lực")
        ),
        "from_day": re.compile(r"\s*(?:" + f("kể") + r"\s+)?" + f("từ") + r"\s+"),
        "until": re.compile(f("đến hết ngày") + "|" + f("đến ngày")),
        "repeal": re.compile(f("bãi bỏ")),
        "replace": re.compile(f("thay thế")),
        "amend": re.compile(f("sửa đổi") + r"\s*,?\s*(?:" + f("bổ sung") + ")?"),
        "passive": re.compile(f("được sửa đổi") + "|" + f("đã được") + "|" + f("được thay thế bởi")),
        "task": re.compile(
            "|".join(
                f(w)
                for w in ("rà soát", "tham mưu", "đề xuất", "nghiên cứu", "kiến nghị", "xây dựng", "trình")
            )
        ),
        "trigger": re.compile(fuzzy_alternation(("hiệu lực", "bãi bỏ", "thay thế", "sửa đổi"))),
        "basis": re.compile(r"^\W*(?:" + f("căn cứ") + "|" + f("xét đề nghị") + "|" + f("thực hiện") + ")"),
    }


_SENTENCE_STOP = re.compile(r"[\n;]|\.(?!\S)")
"""Sentences end at new lines, ";" and "." followed by white space (numbers keep their dots)."""


@dataclass
class Effect:
    """A clause of this document about another one: ``number`` EDGE this document."""

    number: str
    edge: str  # REPLACED_BY | AMENDED_BY
    how: str  # repealed | replaced | amended
    date: str | None
    span: tuple[int, int]
    quote: str


@dataclass
class EffectivityFacts:
    in_force_from: str | None = None
    from_span: tuple[int, int] | None = None
    ends: str | None = None  # first day no longer in force
    ends_span: tuple[int, int] | None = None
    effects: list[Effect] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _sentences_with(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the sentences (white space trimmed) that overlap one of the ``found`` spans, in
    order: reading only these is much cheaper than walking every sentence of a long plan."""
    picked: dict[int, int] = {}  # start -> end of each sentence, untrimmed
    for f_start, f_end in found:
        start = _last_stop_before(text, f_start) + 1
        while True:  # the sentence holding f_start, and the next ones while they start inside the span
            limit = min(len(text), max(start, f_start) + STOP_REACH)
            stop = _SENTENCE_STOP.search(text, max(start, f_start), limit)
            end = stop.start() if stop else limit
            if end > f_start:
                picked[start] = end
            if stop is None or end + 1 >= f_end:
                break
            start = end + 1
    out = []
    for start, end in sorted(picked.items()):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


STOP_REACH = 3000
"""How far back a sentence stop is looked for."""


def _last_stop_before(text: str, pos: int) -> int:
    """Offset of the last ``_SENTENCE_STOP`` before ``pos``, -1 if none."""
    floor = max(0, pos - STOP_REACH)  # a sentence is never longer: the search stays linear in the text
    last = max(text.rfind("\n", floor, pos), text.rfind(";", floor, pos), floor - 1)
    dot = text.rfind(".", last + 1, pos)
    while dot != -1 and dot + 1 < len(text) and not text[dot + 1].isspace():
        dot = text.rfind(".", last + 1, dot)
    return max(last, dot)


def _plus_one(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def read_effectivity(folded: Folded, own_number: str | None, issue_date: str | None) -> EffectivityFacts:
    """This document's in-force dates and its effects on other documents (see the module docstring)."""
    rx = _rx()
    text = folded.text
    facts = EffectivityFacts()
    own = number_key(own_number) if own_number else None
    triggers = [m.span() for m in rx["trigger"].finditer(text)]
    if not triggers:
        return facts
    numbers = _numbers(folded)
    starts = [n.start for n in numbers]
    pending: list[tuple[Effect, bool]] = []  # (effect, dated by this document's start)
    for start, end in _sentences_with(text, triggers):  # a sentence without a trigger is skipped below
        if not rx["trigger"].search(text, start, end):
            continue
        sentence = text[start:end]
        if rx["basis"].match(sentence):
            continue
        others = [
            n
            for n in numbers[bisect_left(starts, start) : bisect_left(starts, end)]
            if number_key(n.canonical) != own
        ]
        quote = folded.quote(start, end).strip()
        span = folded.span(start, end)
        if not others:
            _own_force(facts, text, start, end, issue_date, span, quote)
            continue
        lead = rx["this"].search(text, start, others[0].start)
        if lead and rx["in_force"].match(text, lead.end() + 1):  # "Nghị định này có hiệu lực … và thay thế X"
            _own_force(facts, text, start, others[0].start, issue_date, span, quote)
        passive = bool(rx["passive"].search(sentence))
        verb = None
        for name, edge, how in (
            ("ends", "REPLACED_BY", "repealed"),
            ("repeal", "REPLACED_BY", "repealed"),
            ("replace", "REPLACED_BY", "replaced"),
            ("amend", "AMENDED_BY", "amended"),
        ):
            m = rx[name].search(text, start, end)
            if m and not (passive and name in ("amend", "replace")):
                verb = (m, edge, how, name)
                break
        if verb is None:
            continue
        m, edge, how, name = verb
        if rx["task"].search(
            text, start, m.start()
        ):  # "Rà soát, sửa đổi, bổ sung Quyết định số X": a task, not an effect
            continue
        explicit = None
        if (
            name == "ends"
            and not rx["from_this"].match(text, m.end())
            and rx["from_day"].match(text, m.end())
        ):
            explicit, _, _ = parse_date(text, m.end(), 15)
        for n in others:
            pending.append((Effect(n.canonical, edge, how, explicit, span, quote), explicit is None))
    for effect, by_start in pending:
        if by_start:
            effect.date = facts.in_force_from
        facts.effects.append(effect)
    return facts


def _own_force(
    facts: EffectivityFacts,
    text: str,
    start: int,
    end: int,
    issue_date: str | None,
    span: tuple[int, int],
    quote: str,
) -> None:
    rx = _rx()
    force = rx["in_force"].search(text, start, end)
    ends = rx["ends"].search(text, start, end)
    if force and (not ends or force.start() < ends.start()) and facts.in_force_from is None:
        pos = force.end()
        if rx["from_signing"].match(text, pos):
            facts.in_force_from, facts.from_span = issue_date, span
        elif (m := rx["after_days"].match(text, pos)) and issue_date:
            facts.in_force_from = (
                date.fromisoformat(issue_date) + timedelta(days=int(m.group(1)))
            ).isoformat()
            facts.from_span = span
        elif rx["from_day"].match(text, pos):
            day, _, _ = parse_date(text, pos, 15)
            if day:
                facts.in_force_from, facts.from_span = day, span
        until = rx["until"].search(text, pos, end)
        if until:
            day, _, _ = parse_date(text, until.start(), 10)
            if day:
                facts.ends, facts.ends_span = _plus_one(day), span
        if facts.from_span == span or facts.ends_span == span:
            facts.quotes.append(quote)
    elif ends and facts.ends is None and rx["from_day"].match(text, ends.end()):
        day, _, _ = parse_date(text, ends.end(), 15)
        if day:
            facts.ends, facts.ends_span = day, span
            facts.quotes.append(quote)
