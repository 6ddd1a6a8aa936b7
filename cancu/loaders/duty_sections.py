"""Duty sections: work listed under a heading that names the bodies who do it.

Directives and many plans give work body by body: "1. Ủy ban nhân dân các xã, phường: - … - …",
"**1. Sở Y tế** a) Chủ trì … b) …", "2. Sở Tài chính" followed by a paragraph. Each lettered item, each
bullet, or (with neither) the paragraph under such a heading is a task led by the heading's bodies.
Under "Tổ chức thực hiện" the same layout assigns responsibilities instead (``plan_body._assignments``),
as it does in purposes, goals, funding and findings: those sections are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from cancu.loaders import agency_names, cues
from cancu.loaders.directives import GAP, GIVES, agency_run, shared_list
from cancu.loaders.fold import Folded, fuzzy_alternation
from cancu.loaders.outline import Outline, Section, heading_words_start
from cancu.loaders.spans import inside_any
from cancu.ontology.datafiles import read_rows
from cancu.ontology.record import Task

NOT_DUTIES = ("organization", "purpose", "goals", "funding", "findings")
LEAD_IN = re.compile(r"[\s*_]*(?:" + fuzzy_alternation(("đề nghị", "giao", "yêu cầu")) + r")?[\s:*_]*")
"""Words before the bodies of a heading ("6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, …")."""
LETTERED = re.compile(r"(?m)^[ \t*_]*[a-zđ][ \t]*\)[ \t*_]*")
TAIL = re.compile(r"[\s*_:.;,()]*$")
DUTY_AFTER = re.compile(r"[ \t*_]*:[ \t*_]*(?=[^\W\d_])")
"""The colon between a heading's bodies and the duty it gives them on the same line ("Bộ Xây dựng: chỉ đạo")."""
MIN_TEXT = 15


@cache
def _opens_a_body() -> re.Pattern[str]:
    """The first words of a body's name (``agency_heads.csv``), after "các" and a title."""
    heads = sorted((r["head"] for r in read_rows("agency_heads.csv")), key=len, reverse=True)
    titles = ("các", "thủ trưởng", "giám đốc", "chủ tịch", "lãnh đạo", "người đứng đầu")
    return re.compile(
        r"(?:(?:"
        + fuzzy_alternation(titles, ocr=False)
        + r")\s+)*(?:"
        + fuzzy_alternation(heads)
        + r")(?![a-z])"
    )


def _excluded(sec: Section | None, allowed: tuple[str, ...] = ()) -> bool:
    while sec is not None:
        if sec.own_role in NOT_DUTIES and sec.own_role not in allowed:
            return True
        sec = sec.parent
    return False


def _bodies(folded: Folded, sec: Section) -> tuple[list[str], int | None]:
    """The bodies a heading names, when the heading is only their names (a list, perhaps with a lead-in
    and a closing colon): "1. Sở Y tế", "1. Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ:"; or their
    names, a colon and their duty ("2. Bộ Xây dựng: chỉ đạo …"), then with where the duty starts."""
    text = folded.text
    h = sec.heading
    start = heading_words_start(text, sec.heading)
    lead_in = LEAD_IN.match(text, start, h.end)
    start = lead_in.end() if lead_in else start
    if not _opens_a_body().match(text, start):
        return [], None  # most headings open with no body's first word: no need to look for names
    if shared_list(
        folded, start, sec.end
    ):  # "8. Các Bộ, cơ quan: Tài chính, Xây dựng, …": the list names the bodies
        return [], None
    names = agency_run(text, start, h.end)
    if not names:
        paren = text.find("(", start, h.end)  # "1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý …):"
        close = text.find(")", paren, h.end) if paren != -1 else -1
        if (
            paren != -1
            and close != -1
            and paren - start < ROLE_WORDS
            and TAIL.fullmatch(text, close + 1, h.end)
            and agency_run(text, paren + 1, close)  # a list that opens with a body the table knows
        ):
            printed = " ".join(folded.quote(paren + 1, close).split())
            listed = [n for n in agency_names.split_cell(printed) if n[:1].isupper()]
            if listed:
                return listed, None
        return _printed_bodies(folded, start, h.end)
    found = agency_names.find_in(text, start, h.end)
    last = run_end(text, start, h.end)
    if not cues.printed_verb().search(folded.quote(last, found[-1][2])):
        # "1. Giao người đứng đầu các cơ quan chuyên môn, …, các đơn vị sự nghiệp …; Chủ tịch Ủy ban nhân dân các
        # xã, phường": names all the way, one the table does not know among them
        last = found[-1][2]
        names = list(dict.fromkeys([*names, *(n for n, _, _ in found)]))
    rest = text[
        last : h.end
    ]  # a verb before a later name ends the run: "2. Sở Nội vụ chủ trì … các cơ quan, đơn vị"
    # a heading that goes on into a sentence ("2. Sở Nội vụ chủ trì, phối hợp …") is an item, not a list
    words = len(rest.split())
    if TAIL.fullmatch(rest) or words <= 4 or words <= 8 and rest.rstrip(" *_").endswith(":"):
        return names, None
    colon = DUTY_AFTER.match(rest)
    return (names, last + colon.end()) if colon else ([], None)


def run_end(text: str, start: int, end: int) -> int:
    """Where the run of names ``agency_run`` reads from ``start`` ends: "2. Sở Nội vụ chủ trì … các cơ quan, đơn
    vị, địa phương trên địa bàn" ends after "Sở Nội vụ" (a name later in the sentence is no part of it)."""
    pos = start
    for _, s, e in agency_names.find_in(text, start, end):
        if s < pos:
            continue
        if not GAP.fullmatch(text, pos, s):
            break
        pos = e
    return pos


ROLE_WORDS = 80
"""How long a role named before its bodies in brackets may be ("Các cơ quan đăng ký đầu tư (…)")."""
PRINTED_WORDS = 24
"""The longest a heading of bodies' names read as printed may be ("Vụ Kế hoạch, Tài chính", "Cục Phát thanh, truyền hình và
thông tin điện tử")."""


EMPHASIS_END = re.compile(r"\s*(?:\*\*|__)")
"""Where a bold or underlined run ends inside a line: a name printed in bold ends there."""


def _printed_bodies(folded: Folded, start: int, end: int) -> tuple[list[str], int | None]:
    """A heading that is only bodies' names the agency table does not know, opening with a body's first word
    ("3. Vụ Kế hoạch, Tài chính", "8. Cục Báo chí, Cục Phát thanh …:"): those names as printed; and, when a
    colon ends them and the duty follows on the heading's line ("5. Cục Di sản văn hóa: Chủ trì …"), where
    the duty starts."""
    text = folded.text
    colon = text.find(":", start, end)
    stop = colon if colon != -1 else end
    printed = EMPHASIS_END.split(" ".join(folded.quote(start, stop).split()).strip(" *_:"), maxsplit=1)[0]
    printed = printed.strip(
        " *_:"
    )  # "**5. Yêu cầu Trung tâm … Gia Thuận** tập trung": the bold run is the name
    if not printed or len(printed.split()) > PRINTED_WORDS or any(c in printed for c in ".;"):
        return [], None
    if (
        not printed.startswith(cues.printed_heads())
        or cues.printed_verb().search(printed)
        or cues.not_a_body().match(printed)
    ):
        return (
            [],
            None,
        )  # only names, spelt out: not "Công tác …", not "Thanh tra thành phố tổ chức thanh tra …"
    names = [n for n in agency_names.split_cell(printed) if n[:1].isupper()]
    if not names:
        return [], None
    after = DUTY_AFTER.match(text, colon, end) if colon != -1 else None
    return names, (after.end() if after else None)


def given_bodies(folded: Folded, start: int, end: int) -> list[str]:
    """The bodies a "Giao X …" at ``start`` gives its work to: known names, else one printed name that opens with a
    body's first word and runs to the first lower-case verb ("Giao Ban Quản lý các khu chế xuất và công nghiệp Cần
    Thơ chỉ đạo …")."""
    text = folded.text
    given = GIVES.match(text, start)
    if given is None:
        return []
    known = agency_run(text, given.end(), min(end, given.end() + 160))
    if known:
        return known
    printed = " ".join(folded.quote(given.end(), min(end, given.end() + 160)).split())
    printed = EMPHASIS_END.split(printed.lstrip(" *_"), maxsplit=1)[0]  # "Giao Công an tỉnh **khẩn trương …"
    verb = cues.printed_verb().search(printed)
    name = printed[: verb.start()].strip(" ,;:") if verb else ""
    if not name.startswith(cues.printed_heads()) or not 2 <= len(name.split()) <= PRINTED_WORDS:
        return []
    canonical = agency_names.canonical(name)
    return [canonical] if canonical else []


def duty_tasks(
    folded: Folded, o: Outline, skip: list[tuple[int, int]] = (), organization: bool = False
) -> tuple[list[Task], list[tuple[int, int, list[str]]]]:
    """The tasks of every duty section (but those inside ``skip``: task cards read them), and each
    section's span with the bodies its heading names. ``organization``: the agency-headed sections of "Tổ chức
    thực hiện" give tasks too (a plan with no task section: corpus/notes/ox.md convention 6)."""
    allowed = ("organization",) if organization else ()
    text = folded.text
    tasks: list[Task] = []
    governed: list[tuple[int, int, list[str]]] = []
    children: dict[int, list[Section]] = {}
    for s in o.sections:
        if s.parent is not None:
            children.setdefault(id(s.parent), []).append(s)
    item_starts = [it.start for it in o.items]
    found: list[tuple[int, int, Section, list[str]]] = []
    lead_of: dict[int, list[str]] = {}
    for sec in o.sections:
        if sec.heading is None or _excluded(sec, allowed):
            continue
        above = lead_of.get(id(sec.parent)) if sec.parent is not None else None
        if above is not None and sec.heading.depth >= 6:
            continue  # a lettered item of a duty section is one of its tasks, read with it
        lead, after_colon = _bodies(folded, sec)
        kids = children.get(id(sec), [])
        if not lead and above is not None and not any(_bodies(folded, k)[0] for k in kids if k.heading):
            lead = above  # "2.1. Trách nhiệm chung" under "2. Các sở, ban, ngành, địa phương: …": their work
        if not lead:
            continue
        lead_of[id(sec)] = lead
        lettered = [s for s in kids if s.heading is not None and s.heading.depth >= 6]
        inner = [s for s in kids if not (s.heading is not None and s.heading.depth >= 6)]
        end = min([sec.end, *(s.start for s in inner)])
        pieces: list[tuple[int, int]] = []
        items = o.items[bisect_left(item_starts, sec.start) : bisect_left(item_starts, end)]
        given_to: list[tuple[int, int, list[str]]] = []  # a lettered "Giao X …:" hands its bullets to X
        for child in lettered:
            first = min([child.end, *(it.start for it in items if child.start <= it.start < child.end)])
            pieces.append((heading_words_start(text, child.heading), first))
            named = given_bodies(folded, heading_words_start(text, child.heading), child.end)
            if named:
                given_to.append((child.start, child.end, named))
        for m in LETTERED.finditer(text, sec.heading.end, end):  # a lettered line too long to be a heading
            named = given_bodies(folded, m.end(), end)
            nxt = LETTERED.search(text, m.end(), end)
            if named:
                given_to.append((m.start(), nxt.start() if nxt else end, named))
        for it in items:
            owner = next((n for a, b, n in given_to if a <= it.start < b), None)
            if owner:
                found.append((it.start, it.end, sec, owner))
            else:
                pieces.append((it.start, it.end))
        if not pieces and after_colon is not None:  # "2. UBND thành phố Hồ Chí Minh: chỉ đạo …": one duty
            pieces = [(after_colon, end)]
        if not pieces:  # lettered items too long to be read as headings, or one paragraph
            marks = [m.end() for m in LETTERED.finditer(text, sec.heading.end, end)]
            bounds = [m.start() for m in LETTERED.finditer(text, sec.heading.end, end)][1:] + [end]
            pieces = list(zip(marks, bounds, strict=True)) if marks else [(sec.heading.end, end)]
        found.extend((s, e, sec, lead) for s, e in sorted(pieces))
        governed.append((sec.start, end, lead))
    held = inside_any(skip, [s for s, _, _, _ in found])  # one sweep: per section it would be quadratic
    for (s, e, sec, lead), skipped in zip(found, held, strict=True):
        while s < e and (text[s].isspace() or text[s] in ").*_"):
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if skipped or e - s < MIN_TEXT:
            continue
        named = given_bodies(
            folded, s, e
        )  # "b) Giao Thanh tra thành phố tổ chức thanh tra …": that body's work
        tasks.append(
            Task(
                text=" ".join(folded.quote(s, e).split()),
                span=folded.span(s, e),
                area=sec.area,
                lead=list(named or lead),
                source="prose",
            )
        )
    return tasks, governed
