"""Targets, tasks, assignments and reporting lines of a plan.

- tasks: the rows of an appendix table of tasks when the plan has one (its
  prose restates them), else the "-" / "+" items of its "Nhiệm vụ" sections;
- targets: ``plan_targets`` (its own module);
- assignments: each agency given duties in "Tổ chức thực hiện";
- reporting: ``plan_reporting`` (its own module).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from cancu.loaders import agency_names, directives
from cancu.loaders.acronyms import spell_out
from cancu.loaders.area_leads import area_leads
from cancu.loaders.deadlines import normalise
from cancu.loaders.directives import agency_run
from cancu.loaders.duty_sections import LEAD_IN, duty_tasks, run_end
from cancu.loaders.fold import Folded, fuzzy_alternation, fuzzy_pattern
from cancu.loaders.localities import name_localities
from cancu.loaders.outline import Outline, Section, area_of, heading_words_start, outline
from cancu.loaders.outline import folded_words as fold_words
from cancu.loaders.plan_reporting import LETTER_TYPES, reporting
from cancu.loaders.plan_targets import plan_targets
from cancu.loaders.provincial_bodies import place_provincial_bodies
from cancu.loaders.spans import inside_any
from cancu.loaders.table_rows import logical_rows
from cancu.loaders.task_cards import task_cards
from cancu.loaders.task_items import not_a_task
from cancu.loaders.task_paragraphs import paragraph_tasks
from cancu.ontology.datafiles import read_rows
from cancu.ontology.record import Assignment, PlanRecord, Task


@cache
def _header_words() -> dict[str, tuple[str, ...]]:
    """Each column's header phrases (``layout/table_columns.csv``), columns in the file's order."""
    out: dict[str, list[str]] = {}
    for r in read_rows("layout/table_columns.csv"):
        out.setdefault(r["column"], []).append(r["phrase"])
    return {k: tuple(v) for k, v in out.items()}


OWN_DUTY_TYPES = ("KH",)
"""Document types whose "Tổ chức thực hiện" duties are the work when no task section holds any."""


# Phrases searched for in longer stretches are written with ``fuzzy_alternation`` (fast), the same
# matches as ``"|".join(fuzzy_pattern(p) ...)``.
def extract_body(folded: Folded, header, record: PlanRecord) -> None:
    own = header.info.issuer
    level = header.info.level
    o = outline(folded, header.title_end)
    table_tasks = _table_tasks(folded, own)
    by_body: list[tuple[int, int, list[str]]] = []
    if table_tasks:
        record.tasks = table_tasks
    else:
        card_tasks, governed = task_cards(folded, o, own)
        duty, by_body = duty_tasks(folded, o, governed)
        read = governed + [(s, e) for s, e, _ in by_body]
        prose = _prose_tasks(folded, o, own, read)
        paragraphs = paragraph_tasks(folded, o, read)
        record.tasks = sorted(card_tasks + duty + prose + paragraphs, key=lambda t: t.span)
        if (
            not record.tasks
            and header.info.type in OWN_DUTY_TYPES
            and not any(s.role == "tasks" for s in o.sections)
        ):
            # a plan with no task section (a monitoring plan): the duties "Tổ chức thực hiện" gives each body are its
            # tasks (corpus/notes/ox.md convention 6)
            record.tasks = duty_tasks(folded, o, governed, organization=True)[0]
    for task in record.tasks:
        if task.deadline:
            task.due, task.recurring = normalise(task.deadline)
    issued = int(header.info.date[:4]) if header.info.date else None
    record.targets = plan_targets(folded, o, table_tasks, issued)
    spans: list[tuple[int, int, str]] = []  # (start, end, agency) of every duty section
    record.assignments = _assignments(folded, o, own, level, spans)
    record.area_leads = area_leads(folded, o, spans)
    record.areas_addressed = sorted(
        {sec.area for sec in o.sections if sec.own_role is None and sec.role == "solutions" and sec.area}
    )
    duty_spans = [(s, e, a) for s, e, names in by_body for a in names]
    directive = not record.tasks
    directed = header.info.type in directives.DIRECTIVE_TYPES
    if directive:  # a letter or notice: its numbered points, those inside a task section too
        record.tasks = directives.directive_tasks(
            folded, o, header.info.type, header.title_end, own, beside=directed
        )
    elif directed:
        # a letter or notice read above by the plan readers (a task section, bodies' headings): its numbered
        # directives and answered points ("1. Về …: giao X …") that they did not read
        taken = [t.span for t in record.tasks]
        record.tasks = sorted(
            record.tasks
            + [
                t
                for t in directives.directive_tasks(
                    folded, o, header.info.type, header.title_end, own, beside=True
                )
                if not any(a <= t.span[0] < b or t.span[0] <= a < t.span[1] for a, b in taken)
                and len(t.text.split()) >= directives.MIN_WORDS  # not a heading's words read again
            ],
            key=lambda t: t.span,
        )
    if not record.assignments and (directive or header.info.type in directives.DIRECTIVE_TYPES):
        # a letter or notice names no "Tổ chức thực hiện": its bodies are those its tasks and requests name
        record.assignments = directives.directive_assignments(folded, record.tasks, header.title_end)
    known = {a.agency for a in record.assignments}  # the executing article of a decision issuing a plan
    record.assignments += directives.executing_assignments(folded, header.title_end, len(folded.text), known)
    letter = header.info.type in LETTER_TYPES and not any(
        sec.own_role == "organization" for sec in o.sections
    )
    askers = [a.agency for a in record.assignments] if letter else []
    record.reporting = reporting(folded, o, spans, own, header, duty_spans, askers)
    name_localities(record)
    place_provincial_bodies(record, folded)
    spell_out(record, folded.original)


# -- tables -------------------------------------------------------------------
def _columns(cells: list[str]) -> dict[str, int] | None:
    """Column roles from a header row; "Nhiệm vụ chung" is the group column, "… cụ thể" the content."""
    cols: dict[str, int] = {}
    norm = [" ".join(c.lower().split()) for c in cells]
    first = next((k for k, c in enumerate(norm[:3]) if c.strip(" .") in NUMBER_HEADERS), 0)
    norm = norm[first:]  # words glued before the header's "STT" cell: the rows start at their number
    for i, c in enumerate(norm):
        if "chung" in c:
            cols.setdefault("group", i)
            continue
        for key, words in _header_words().items():
            if key not in cols and any(w in c for w in words):
                cols[key] = i
                break
    return cols if {"content", "lead"} <= set(cols) else None


def _in_capitals(text: str) -> bool:
    """Three words in capitals first: a heading or a page's panel title, not a task's words."""
    words = text.split()[:3]
    return len(words) == 3 and all(w.isupper() and len(w.strip(",.:;")) > 1 for w in words)


NUMBER_HEADERS = ("stt", "tt", "so tt", "số tt")
"""The header of a task table's number column."""
SIGNATURE_BLOCK = re.compile(
    r"(?:^|\t)[ ]*(?:" + fuzzy_alternation(("nơi nhận",)) + r"|(?:tm|kt|tl|tuq)\.\s)"
)
"""A row of the recipients-and-signature block (NĐ 30/2020/NĐ-CP Phụ lục I: nơi nhận; TM., KT., TL., TUQ.).
Spaces only after a tab: "\\s*" would run over every following tab at every tab (quadratic on empty cells)."""
ROW_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)]\s*")


def _table_tasks(folded: Folded, own: str | None) -> list[Task]:
    """Rows of appendix tables of tasks. A group label ("I. Cải cách thể chế") names the area of
    its rows; a label split over a page break is joined; a row numbered 1 that stands just before
    a label whose row is numbered 2 belongs to that label (the merged cell printed mid-group)."""
    text = folded.text
    tasks: list[Task] = []
    numbers: list[int | None] = []
    groups: list[list[int]] = []  # task indices per group
    labels: list[str] = []
    cols = None
    for start, end in logical_rows(text):
        line = text[start:end]
        if SIGNATURE_BLOCK.search(line):
            cols = (
                None  # the recipients and signature block (Nơi nhận, TM., KT.) laid out as a table: no tasks
            )
            continue
        cells = [" ".join(c.split()) if "\n" in c else c for c in line.split("\t")]
        found = _columns(cells)
        if found:
            cols = found
            continue
        if cols is None or all(c.strip().isdigit() or not c.strip() for c in cells):
            continue
        filled = [c.strip() for c in cells if c.strip()]
        if 1 < len(filled) <= 2 and GROUP_NUMBER.fullmatch(
            filled[0]
        ):  # "| I | Hoàn thiện thể chế …": a label
            labels.append(" ".join(filled[1].split()))
            groups.append([])
            continue
        if len(filled) == 1 and len(cells) > 1 and not cells[0].strip() and cols.get("content", 0) > 0:
            # "| | Hoàn thiện thể chế, ban hành …": a group's label, with no number and no other cell
            labels.append(" ".join(filled[0].split()))
            groups.append([])
            continue
        offsets, o = [], start
        for c in line.split("\t"):  # the raw cells: a wrapped cell's joined text is shorter than its span
            lead, trail = len(c) - len(c.lstrip()), len(c) - len(c.rstrip())
            offsets.append((o + lead, max(o + lead, o + len(c) - trail)))  # not the masked marks around it
            o += len(c) + 1
        if len(cells) > 2 and not cells[0].strip() and re.fullmatch(r"\d{1,3}[.)]?", cells[1].strip()):
            cells, offsets = cells[1:], offsets[1:]  # a row opened by an empty cell: its number, shifted
        ci = cols["content"]
        if ci >= len(cells):
            continue
        gi = cols.get("group", 0 if ci > 0 else None)
        label = " ".join(folded.quote(*offsets[gi]).split()) if gi is not None and gi < len(cells) else ""
        if re.fullmatch(r"\d{1,3}(?:\.\d{1,2})*[.)]?", label):
            label = ""  # the row's number in a "TT" column, not a group's label
        content_s, content_e = offsets[ci]
        raw = " ".join(folded.quote(content_s, content_e).split())
        num = ROW_NUMBER.match(raw)
        content = raw[num.end() :] if num else raw
        if not content:
            continue
        if label:
            if label[:1].islower() and labels:  # the rest of a label cut by a page break
                labels[-1] = labels[-1] + " " + label
            else:
                labels.append(label)
                groups.append([])
        if not groups:
            labels.append("")
            groups.append([])
        get = {
            k: " ".join(folded.quote(*offsets[i]).split()) if i < len(cells) else "" for k, i in cols.items()
        }
        if not any(get.get(k) for k in ("lead", "support", "deadline", "product")) and _in_capitals(content):
            continue  # "NỘI DUNG SỬA ĐỔI, HƯỚNG DẪN …" under the table: a page's panel, not a task
        groups[-1].append(len(tasks))
        numbers.append(int(num.group(1)) if num else None)
        tasks.append(
            Task(
                text=content,
                span=folded.span(content_s, content_e),
                area=None,
                lead=agency_names.split_cell(get.get("lead", ""), own),
                support=agency_names.split_cell(get.get("support", ""), own),
                product=_items(get.get("product")),
                deadline=_items(get.get("deadline")),
                source="table",
            )
        )
    for g in range(1, len(groups)):
        prev, cur = groups[g - 1], groups[g]
        if prev and cur and len(prev) > 1 and numbers[prev[-1]] == 1 and numbers[cur[0]] == 2:
            cur.insert(0, prev.pop())
    for label, members in zip(labels, groups, strict=True):
        area = area_of(fold_words(label)) if label else None
        for i in members:
            tasks[i].area = area
    return tasks


GROUP_NUMBER = re.compile(r"[ivxl]{1,5}[.)]?|[a-h][.)]")
"""The number of a group row of a task table ("I", "II.", "a)"): its other cell is the group's label."""


def _items(cell: str | None) -> str | None:
    if not cell:
        return None
    parts = [p.strip(" ;.") for p in re.split(r"(?:^|\s)-\s|;", cell) if p.strip(" ;.")]
    return "; ".join(parts) or None


# -- prose tasks ----------------------------------------------------------------
def _prose_tasks(
    folded: Folded, o: Outline, own: str | None, governed: list[tuple[int, int]] = ()
) -> list[Task]:
    """Bullets of the task sections, but those of a task card (read with their card's labels)."""
    tasks = []
    held = inside_any(governed, [it.start for it in o.items])
    for item, skip in zip(o.items, held, strict=True):
        sec = item.section
        if sec is None or sec.role != "tasks" or skip:
            continue
        text = DEBRIS.sub("\n", folded.quote(item.start, item.end)).strip()
        if not text or not_a_task(folded.text, item.start, item.end, item.marker):
            continue
        lead = (
            _lead(folded, item.start, item.end)
            or _named_before_colon(folded.text, item.start, item.end)
            or _heading_unit(folded, sec)
            or _lead_in(folded, o, item)
        )
        due = PROSE_DEADLINE.search(folded.text, item.start, item.end)
        deadline = " ".join(folded.quote(due.start(1), due.end(1)).split()).strip(" ;.,") if due else None
        tasks.append(
            Task(
                text=" ".join(text.split()),
                span=folded.span(item.start, item.end),
                area=sec.area,
                lead=lead,
                deadline=deadline,
                source="prose",
            )
        )
    return tasks


DEBRIS = re.compile(r"\n[\s\f]*\d{1,3}[ \t\f]*\n")  # a page number between the two halves of an item
PROSE_DEADLINE = re.compile(
    r"(?:"
    + fuzzy_alternation(("hoàn thành trong", "hoàn thành trước", "trong", "trước", "thời hạn"))
    + r")\s+((?:"
    + "|".join(fuzzy_pattern(w) for w in ("quý", "tháng", "năm", "ngày"))
    + r")\s+[ivx0-9][^;,\n)]{0,12}?(?:19|20)\d{2})"
)


def _lead(folded: Folded, start: int, end: int) -> list[str]:
    m = directives.LEADS.search(folded.text, start, end)
    if not m:
        return []
    names = agency_names.find_in(folded.text, max(start, m.start() - 80), m.start())
    if names:
        return [names[-1][0]]
    printed = " ".join(folded.quote(start, m.start()).split()).removeprefix("Giao ").strip(" ,")
    if printed[:1].isupper() and 1 < len(printed.split()) <= 8:  # an agency the table does not know yet
        name = agency_names.canonical(printed)
        return [name] if name else []
    return []


BODY_COLON = re.compile(r"[ \t*_]*:")


def _named_before_colon(text: str, start: int, end: int) -> list[str]:
    """A bullet that opens with its bodies and a colon: "- Phòng Nội vụ: tham mưu kiểm tra …"."""
    if text.find(":", start, min(end, start + 160)) == -1:
        return []  # most bullets: no colon near their start, no names to read
    names = agency_run(text, start, min(end, start + 160))
    return names if names and BODY_COLON.match(text, run_end(text, start, min(end, start + 160))) else []


def _item_index(o: Outline) -> dict[int, int]:
    """Each item's position in ``o.items`` (built once per outline: a lookup per item would be quadratic)."""
    cached = o.__dict__.get("_item_index")
    if cached is None or len(cached) != len(o.items):
        cached = o.__dict__["_item_index"] = {id(it): i for i, it in enumerate(o.items)}
    return cached


def _lead_in(folded: Folded, o: Outline, item) -> list[str]:
    """Bullets introduced by a sentence that names who does them ("Căn cứ tình hình thực tế, các cơ quan,
    đơn vị, địa phương phối hợp thực hiện các hoạt động sau:"): that sentence's bodies lead each bullet."""
    text = folded.text
    k = _item_index(o).get(id(item))
    if k is None:
        return []
    while (
        k
        and o.items[k - 1].marker == item.marker
        and not text[o.items[k - 1].end : o.items[k].start].strip(" -+•\n\t")
    ):
        k -= 1  # back to the first bullet of the run
    first = o.items[k].start
    line = text.rfind("\n", 0, first)
    para_end = text.rfind(":", max(0, line - 3), line + 1) if line > 0 else -1
    if para_end == -1:
        return []
    sec = o.items[k].section
    floor = sec.heading.end if sec is not None and sec.heading is not None else 0
    para_start = max(  # the lead-in sentence, never back past its heading or the run before
        text.rfind("\n\n", 0, para_end) + 2,
        text.rfind(". ", 0, para_end) + 2,
        text.rfind(".\n", 0, para_end) + 2,
        o.items[k - 1].end if k else 0,
        floor if floor < para_end else 0,
    )
    found = agency_names.find_in(text, para_start, para_end)
    if found:
        return agency_run(text, found[0][1], para_end)
    # "Thời gian tới, Tỉnh cần tập trung … sau:", "Đề nghị Ủy ban nhân dân tỉnh …" in a notice to one province
    return directives.province_subject(folded, para_start, para_end)


def _heading_unit(folded: Folded, sec: Section) -> list[str]:
    """A task section headed by a unit ("2.2.1. Văn phòng Ban chủ trì tham mưu:") leads its items."""
    s: Section | None = sec
    while s is not None and s.heading is not None:
        unit = _unit_of_title(s.heading.title[:40])
        if unit:
            return [unit]
        s = s.parent
    return []


@lru_cache(maxsize=4096)
def _unit_of_title(title: str) -> str | None:
    names = agency_names.find_in(title, 0, len(title))
    return names[0][0] if names and names[0][1] <= 2 else None


# -- targets ----------------------------------------------------------------------


# -- assignments and reporting ------------------------------------------------------
ORG_STOP = re.compile(
    r":|\.\s|"
    + fuzzy_alternation(
        (
            "có trách nhiệm",
            "chịu trách nhiệm",
            "căn cứ",
            "tiến hành",
            "xây dựng",
            "theo dõi",
            "chủ trì",
            "là cơ quan",
            "tham mưu",
            "thực hiện",
            "phối hợp",
            "trên cơ sở",
        )
    )
    + r"|\n\s*(?:[a-zđ]\)|[-+•]\s|\d{1,2}[.)])"
)
"""Where an agency heading of Tổ chức thực hiện ends: its duties start (a verb, a colon, or the next
line's item mark "a)", "-", "1.")."""


def _assignments(
    folded: Folded, o: Outline, own: str | None, level: str | None, spans: list[tuple[int, int, str]]
) -> list[Assignment]:
    text = folded.text
    out: dict[str, Assignment] = {}
    items_of: dict[int, list] = {}  # id(section) -> its items, in order
    for item in o.items:
        items_of.setdefault(id(item.section), []).append(item)
    for sec in o.sections:
        if sec.role == "tasks" and sec.heading is not None:
            unit = _heading_unit(folded, sec) if sec.heading.depth > 1 else []
            items = items_of.get(id(sec), [])
            if unit and items and _heading_unit(folded, sec.parent) != unit if sec.parent else unit and items:
                a = out.setdefault(
                    unit[0], Assignment(agency=unit[0], duties=[], span=folded.span(sec.start, sec.end))
                )
                spans.append((sec.start, sec.end, unit[0]))
                a.duties.extend(" ".join(folded.quote(i.start, i.end).split())[:300] for i in items)
            continue
        if sec.role == "organization" and sec.heading is not None and sec.heading.depth == 1:
            if not any(s2.parent is sec for s2 in o.sections):
                _paragraph_duties(folded, sec, out, spans)
            continue
        if sec.role != "organization" or sec.heading is None:
            continue
        if (
            sec.parent is not None
            and sec.parent.role == "organization"
            and sec.parent.heading
            and sec.parent.heading.depth > 1
            and sec.heading.depth >= 6
        ):
            continue  # lettered duty items belong to their agency heading
        h = sec.heading
        after_marker = heading_words_start(text, h)  # past indent and marks
        lead_in = LEAD_IN.match(text, after_marker, h.end)  # "6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, …"
        if lead_in and lead_in.end() > after_marker + 1:
            after_marker = lead_in.end()
        stop = ORG_STOP.search(text, after_marker, min(h.start + 260, sec.end))
        head_end = stop.start() if stop else min(sec.end, h.start + 260)
        names = [n for n, s, _ in agency_names.find_in(text, h.start, head_end)]
        if not names:
            continue
        duties = _duties(folded, o, sec) or _heading_duties(folded, head_end, h.end)
        for name in dict.fromkeys(names):
            spans.append((sec.start, sec.end, name))
            a = out.setdefault(name, Assignment(agency=name, duties=[], span=folded.span(h.start, sec.end)))
            a.duties.extend(d for d in duties if d not in a.duties)
    return list(out.values())


def _paragraph_duties(folded: Folded, sec: Section, out: dict[str, Assignment], spans: list) -> None:
    """ "Tổ chức thực hiện" written as paragraphs: each sentence that opens with bodies ("Giao Sở Nội vụ theo
    dõi …", "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện … chịu trách nhiệm …") gives them duties;
    the sentences after it that name no body of their own ("Định kỳ 6 tháng, năm báo cáo …") are theirs too."""
    text = folded.text
    pos = sec.heading.end if sec.heading else sec.start
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text[pos : sec.end]):
        start, end = pos + m.start(), pos + m.end()
        led: list[tuple[int, list[str]]] = []  # (sentence start, its bodies)
        for s_start in [start, *(x.end() for x in SENTENCE_BREAK.finditer(text, start, end))]:
            head = SENTENCE_HEAD.match(text, s_start, end)
            names = agency_run(text, head.end(), min(end, head.end() + 200))
            if names:
                led.append((s_start, names))
        for k, (s_start, names) in enumerate(led):
            s_end = led[k + 1][0] if k + 1 < len(led) else end
            duty = " ".join(folded.quote(s_start, s_end).split())[:300]
            for name in names:
                spans.append((s_start, s_end, name))
                a = out.setdefault(name, Assignment(agency=name, duties=[], span=folded.span(s_start, s_end)))
                a.duties.append(duty)


SENTENCE_BREAK = re.compile(r"\.\s+(?=\S)")
SENTENCE_HEAD = re.compile(r"[\s\-+*•]*(?:(?:giao|đề nghị|de nghi|yêu cầu|yeu cau)\s+)?")
"""What may open a sentence before its bodies: marks, "Giao", "Đề nghị", "Yêu cầu" (titles and "các" are the
run's own gap words)."""


def _heading_duties(folded: Folded, start: int, end: int) -> list[str]:
    """The duties a heading gives on its own line after its bodies ("1. Văn phòng Sở: tham mưu …; tổng hợp, báo
    cáo …"), one per ";" clause."""
    rest = folded.quote(start, end).lstrip(" :*_")
    return [" ".join(p.split())[:300] for p in rest.split(";") if len(p.split()) > 3]


def _duties(folded: Folded, o: Outline, sec: Section) -> list[str]:
    subs = [s for s in o.sections if s.parent is sec]
    if subs:
        return [" ".join(folded.quote(s.heading.start, s.end).split())[:300] for s in subs if s.heading]
    items = [i for i in o.items if sec.start <= i.start < sec.end]
    if items:
        return [" ".join(folded.quote(i.start, i.end).split())[:300] for i in items]
    body = folded.quote(sec.heading.end if sec.heading else sec.start, sec.end)
    parts = [" ".join(p.split()) for p in re.split(r";|\.\s", body) if len(p.split()) > 3]
    return parts[:12]
