"""Area leads: the body that "Tổ chức thực hiện" names to lead a whole reform area.

Prose plans list their tasks under area headings ("1. Cải cách thể chế", "2. Cải cách TTHC") with no
body on each bullet, and assign the areas further down: "2. Sở Nội vụ: … b) Chủ trì triển khai các nội
dung cải cách tổ chức bộ máy hành chính, cải cách chế độ công vụ". Such a sentence makes that body the
lead of every task of the area that names no lead of its own (the graph links them, with this sentence
as evidence; the task's own ``lead`` stays what its words say). Only "chủ trì" makes a lead: a body that
follows or sums up an area ("Theo dõi, tổng hợp việc triển khai nội dung cải cách thể chế") does not.
The words that introduce an area after "chủ trì" are data (``layout/area_lead_words.csv``); the area's
own words are ``area_headings.csv``.
"""

from __future__ import annotations

import re
from functools import cache

from cancu.loaders import agency_names, cues, directives
from cancu.loaders.fold import Folded, fuzzy_alternation
from cancu.loaders.outline import Outline, areas_named
from cancu.loaders.sentences import SENTENCE_END
from cancu.ontology.datafiles import read_rows
from cancu.ontology.record import AreaLead

ASSIGNED = re.compile(r"(?:" + fuzzy_alternation(cues.phrases("assigned")) + r")\s+$")
""""cơ quan được giao chủ trì các nhiệm vụ …": a body the text does not name."""
CLAUSE_REACH = 300
"""The longest a lead's clause is read after "chủ trì"."""
SCOPE_REACH = 160
"""How far after "chủ trì" the words that introduce an area may stand ("Chủ trì và hướng dẫn các sở, ban,
ngành tỉnh, UBND cấp huyện triển khai xây dựng và phát triển chính quyền điện tử")."""
AREA_REACH = 25
"""How far after those words the area's name starts ("nội dung [về] [cải cách] thể chế"): further on, an area
word is incidental ("nội dung quản lý nhà nước về … thủ tục hành chính")."""
ITEM_BREAK = re.compile(r"\n[ \t]*(?:[a-zđ¢]\)|[-+•]\s|\d{1,2}[.)])")


@cache
def _scope() -> re.Pattern[str]:
    phrases = sorted((r["phrase"] for r in read_rows("layout/area_lead_words.csv")), key=len, reverse=True)
    return re.compile(r"(?<![a-z])(?:" + fuzzy_alternation(tuple(phrases)) + r")(?![a-z])")


def area_leads(folded: Folded, o: Outline, duty_spans: list[tuple[int, int, str]]) -> list[AreaLead]:
    """Every (body, area) that an organisation section's "chủ trì" sentence assigns, in text order, each
    with the span of its sentence. ``duty_spans`` are the organisation section's (start, end, body) duty
    sections; a sentence outside them names its body before "chủ trì" ("Giao Sở Tư pháp chủ trì …")."""
    text = folded.text
    out: list[AreaLead] = []
    seen: set[tuple[str, str]] = set()
    for sec in o.sections:
        if sec.role != "organization" or (sec.parent is not None and sec.parent.role == "organization"):
            continue
        for m in directives.LEADS.finditer(text, sec.start, sec.end):
            if ASSIGNED.search(text, max(sec.start, m.start() - 20), m.start()):
                continue
            end_m = SENTENCE_END.search(text, m.end(), min(sec.end, m.end() + CLAUSE_REACH))
            end = end_m.start() if end_m else min(sec.end, m.end() + CLAUSE_REACH)
            brk = ITEM_BREAK.search(text, m.end(), end)
            end = brk.start() if brk else end
            scope = _scope().search(text, m.end(), min(end, m.end() + SCOPE_REACH))
            if not scope:
                continue
            areas = areas_named(text[scope.end() : end], AREA_REACH)
            if not areas:
                continue
            body = _body(folded, m.start(), duty_spans)
            if not body or agency_names.is_group(body):
                continue  # a collective leads nothing in particular
            start = max(text.rfind("\n", sec.start, m.start()) + 1, sec.start)
            for area in areas:
                if (body, area) not in seen:
                    seen.add((body, area))
                    out.append(AreaLead(agency=body, area=area, span=folded.span(start, end)))
    return out


def _body(folded: Folded, pos: int, duty_spans: list[tuple[int, int, str]]) -> str | None:
    """The body named before "chủ trì" in its own clause, else the body whose duty section holds it."""
    text = folded.text
    floor = max(0, pos - CLAUSE_REACH)
    clause = max(max(text.rfind(x, floor, pos) for x in ("\n", ". ", ";", ":")) + 1, floor)
    names = agency_names.find_in(text, clause, pos)
    if names:
        return names[-1][0]
    holders = [(e - s, a) for s, e, a in duty_spans if s <= pos < e]
    return min(holders)[1] if holders else None
