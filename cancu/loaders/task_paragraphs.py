"""Tasks written as numbered paragraphs under a task heading, with no bullets of their own.

"II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM" followed by "Đề nghị Thường trực Tỉnh ủy tập trung lãnh đạo … sau:" and
"1. Đổi mới tư duy, tầm nhìn phát triển …", "2. …": each numbered paragraph is one task; so is each lettered
item under a numbered title ("1. Cải cách thể chế" / "a) Rà soát … (Phòng Tư pháp chủ trì; thời gian: Quý II/2024)"). Its lead is the body
it names as "chủ trì" or gives it with "giao", else the bodies the section's opening request names ("Đề nghị
X …"); with none of these, the paragraphs are no one's work (a rubric's criteria, rules) and no tasks. A numbered heading that holds bullets or sub-headings is not itself a task (its bullets
are, read by ``plan_body``), nor is a short title ("1. Cải cách thể chế") with nothing under it.
"""

from __future__ import annotations

from cancu.loaders import cues, directives, duty_sections
from cancu.loaders.fold import Folded
from cancu.loaders.outline import Outline, Section, heading_words_start
from cancu.loaders.spans import inside_any
from cancu.ontology.record import Task

MIN_WORDS = 8
"""The fewest words a numbered paragraph has to be work and not a title."""
SUBJECT_REACH = 160
"""How far into a lettered line under a task heading the bodies that open it may run ("a) Các sở, ban, ngành,
UBND các huyện, thị xã, thành phố tập trung …")."""


def paragraph_tasks(folded: Folded, o: Outline, skip: list[tuple[int, int]] = ()) -> list[Task]:
    """The numbered paragraphs of every task section that holds no bullets (those inside ``skip`` are read
    by another reader)."""
    text = folded.text
    has_kids: set[int] = {id(s.parent) for s in o.sections if s.parent is not None}
    has_items: set[int] = {id(i.section) for i in o.items if i.section is not None}
    leaves: list[Section] = [
        s
        for s in o.sections
        if s.heading is not None
        and s.parent is not None
        and s.parent.role == "tasks"
        and s.own_role is None
        and id(s) not in has_kids
        and id(s) not in has_items
        and not _has_bullets(o, s.parent)
    ]
    headed: list[
        Section
    ] = [  # "2. Nhiệm vụ thời gian tới:" over "a) Sở Nội vụ chủ trì …;" lines, nothing else
        s
        for s in o.sections
        if s.heading is not None
        and s.own_role == "tasks"
        and id(s) not in has_kids
        and id(s) not in has_items
        and duty_sections.LETTERED.search(text, s.heading.end, s.end)
    ]
    held = inside_any(skip, [s.start for s in leaves + headed])
    tasks: list[Task] = []
    intro_leads: dict[int, list[str]] = {}
    for sec, skipped in zip(leaves + headed, held, strict=True):
        if skipped:
            continue
        own = sec.own_role == "tasks"  # its lettered lines are the work; its heading is a title
        parent = sec if own else sec.parent
        if id(parent) not in intro_leads:
            first = min((s.start for s in o.sections if s.parent is parent), default=parent.end)
            opened = parent.heading.end if parent.heading else parent.start
            if own:
                first = duty_sections.LETTERED.search(text, opened, sec.end).start()
            intro_leads[id(parent)] = directives.requested(folded, opened, first)[
                0
            ] or directives.province_subject(
                folded, opened, first
            )  # "Tỉnh cần tập trung … sau:", "Đề nghị Ủy ban nhân dân tỉnh …" in a notice about one province
        for start, end in _pieces(text, sec, lettered_only=own):
            if len(text[start:end].split()) < MIN_WORDS:
                continue
            given = directives.GIVES.search(text, start, min(end, start + 400))
            named = directives.agency_run(text, given.end(), min(end, given.end() + 160)) if given else []
            subject = directives.agency_run(text, start, min(end, start + SUBJECT_REACH)) if own else []
            lead = named or _led(folded, start, end) or subject or intro_leads[id(parent)]
            if not lead:
                continue  # numbered paragraphs no body is asked to do: criteria of a rubric, rules, findings
            w = directives.WITH.search(text, start, end)
            support = [a for a in directives.agency_run(text, w.end(), end) if a not in lead] if w else []
            due = cues.due_phrase().search(text, start, end)
            tasks.append(
                Task(
                    text=" ".join(folded.quote(start, end).split()),
                    span=folded.span(start, end),
                    area=sec.area,
                    lead=list(lead),
                    support=support,
                    deadline=_deadline(folded, due.start(), due.end()) if due else None,
                    source="prose",
                )
            )
    return tasks


def _pieces(text: str, sec: Section, lettered_only: bool = False) -> list[tuple[int, int]]:
    """The work of a leaf section: its lettered lines, each to the next ("a) Rà soát … b) Kiểm tra …", too long
    to be headings), when it has them; else the whole paragraph, its heading's words included (never when
    ``lettered_only``: a task heading's own words are a title)."""
    start = heading_words_start(text, sec.heading)
    marks = list(duty_sections.LETTERED.finditer(text, sec.heading.end, sec.end))
    if not marks:
        return [] if lettered_only else [(start, _trimmed(text, start, sec.end))]
    bounds = [m.start() for m in marks[1:]] + [sec.end]
    return [(m.end(), _trimmed(text, m.end(), b)) for m, b in zip(marks, bounds, strict=True)]


def _deadline(folded: Folded, start: int, end: int) -> str:
    """The time as printed, without a label before it ("thời gian: Quý II/2024" -> "Quý II/2024")."""
    printed = " ".join(folded.quote(start, end).split())
    label, colon, rest = printed.partition(":")
    return rest.strip() if colon and len(label.split()) <= 4 else printed


def _trimmed(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _has_bullets(o: Outline, sec: Section) -> bool:
    """A task section whose work is bulleted anywhere inside: its numbered headings are titles of groups."""
    return any(sec.start <= i.start < sec.end for i in o.items)


def _led(folded: Folded, start: int, end: int) -> list[str]:
    """The body a paragraph names as "chủ trì" ("Sở Tư pháp chủ trì, phối hợp …")."""
    text = folded.text
    m = directives.LEADS.search(text, start, end)
    if m is None:
        return []
    bracket = text.rfind("(", max(start, m.start() - BRACKET_REACH), m.start())
    begins = (
        [bracket + 1] if bracket != -1 else []
    )  # "… ban hành (Phòng Tư pháp chủ trì; thời gian: Quý II/2024)"
    for begin in begins + directives.subject_starts(text, start, m.start()):
        names = directives.agency_run(text, begin, m.start())
        if names:
            return names[:1]
    return []


BRACKET_REACH = 80
"""How far before its "chủ trì" a bracket naming the lead may open."""
