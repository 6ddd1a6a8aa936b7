"""Targets, tasks, assignments and reporting lines of a plan.

- tasks: the rows of an appendix table of tasks when the plan has one (its
  prose restates them), else the "-" / "+" items of its "Nhiệm vụ" sections;
- targets: every figure set as an objective in "Mục tiêu" sections (and
  "phấn đấu … đạt N%" elsewhere, and figures in task rows);
- assignments: each agency given duties in "Tổ chức thực hiện";
- reporting: "báo cáo (về) X (qua Y)" with its periods, from the agency whose
  duties hold the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cancu.loaders import agency_names, directives
from cancu.loaders.deadlines import normalise
from cancu.loaders.directives import agency_run
from cancu.loaders.duty_sections import LEAD_IN, duty_tasks
from cancu.loaders.fold import Folded, finditer_near, fold_str, fuzzy_alternation, fuzzy_pattern
from cancu.loaders.issuers import Place
from cancu.loaders.outline import Outline, Section, area_of, heading_words_start, outline
from cancu.loaders.outline import folded_words as fold_words
from cancu.loaders.places import is_city
from cancu.loaders.spans import covering, inside_any
from cancu.loaders.task_cards import task_cards
from cancu.ontology.record import Assignment, PlanRecord, Reporting, Target, Task

HEADER_WORDS = {
    "content": ("nhiem vu cu the", "noi dung cu the", "noi dung", "nhiem vu"),
    "product": ("san pham",),
    "lead": ("chu tri",),
    "support": ("phoi hop",),
    "deadline": ("thoi gian", "thoi han"),
}
PERCENT = re.compile(
    r"(\d(?<![\d/.,]\d)\d{0,2}(?:[.,]\d{1,2})?)\s?%"
)  # the boundary after the first digit: fast
PERCENT_LEAD = re.compile(r"\d(?<![\d/.,]\d)")
RANK = re.compile(r"nhom\s+(\d{1,2})\s+(?:tinh|dia phuong|bo|co quan)")
POINTS = re.compile(
    r"(?<![\d/.,])(\d{1,3}(?:[.,]\d{1,2})?)\s?diem(?![a-z])(?!\s+(?:cau|giao dich|tiep nhan|phuc vu))"
)
"""An index score set as a figure ("Chỉ số CCHC đạt từ 85 điểm trở lên"); not "điểm cầu", "điểm a"."""
POINTS_AIM = re.compile(r"(?:dat|tu|tren|toi thieu|it nhat)\s+$")
BASELINE = re.compile(r"(?:" + fuzzy_alternation(("so với", "so với cùng kỳ")) + r")\s+$")
"""The year a figure is compared with ("tăng 20% so với năm 2023") is its baseline, not its deadline."""
# Phrases searched for in longer stretches are written with ``fuzzy_alternation`` (fast), the same
# matches as ``"|".join(fuzzy_pattern(p) ...)``.
AT_LEAST = re.compile(
    r"(?:" + fuzzy_alternation(("tối thiểu", "ít nhất", "trở lên", "trên", "không dưới")) + r")(?![a-z])"
)
OR_MORE = re.compile(r"\s*(?:" + fuzzy_alternation(("trở lên",)) + r")")
ABOUT = re.compile(fuzzy_alternation(("khoảng", "xấp xỉ")) + r"\s*$")
""""khoảng 22%" is a plain figure (corpus/README.md), whatever stands further before it."""
COMPARATOR_REACH = 25
"""How far before a figure its comparator can stand ("đạt tỷ lệ tối thiểu 98%"); further words describe
the subject ("trẻ em dưới 15 tuổi đạt 22%")."""
AT_MOST = re.compile(fuzzy_alternation(("không vượt", "không quá", "tối đa", "dưới")))
EACH_YEAR = re.compile(fuzzy_alternation(("mỗi năm", "hằng năm")))
UNTIL = re.compile(fuzzy_alternation(("cho đến khi", "đến khi")))
PERIOD = re.compile(
    r"(?:" + fuzzy_alternation(("giai đoạn",)) + r")\s*((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})"
)
YEAR_WORDS = re.compile(r"(?:" + fuzzy_alternation(("đến năm", "năm")) + r")\s+((?:19|20)\d{2})")
STRIVE = re.compile(fuzzy_alternation(("phấn đấu", "đạt tỷ lệ", "đạt")))
COMMIT = re.compile(fuzzy_alternation(("bảo đảm", "đảm bảo", "tối thiểu", "ít nhất", "không dưới")))
"""An obligation that sets a figure outside any heading ("… bảo đảm 100% hồ sơ …"): a document without sections."""
YEAR_FRAME = re.compile(
    r"\s*(?:[-+•]\s*)?(?:"
    + fuzzy_alternation(("trong năm", "đến năm", "phấn đấu đến năm", "đến hết năm"))
    + r")\s+(?:19|20)\d{2}"
)
"""A sentence framed by the year it aims at ("Trong năm 2025, 100% hồ sơ …"): its figures are objectives."""
CONDITION = re.compile(fuzzy_alternation(("có thể điều chỉnh",)))
IF = re.compile(r"(?<![a-z])(?:" + fuzzy_alternation(("nếu",), ocr=False) + r")(?![a-z])")
PAST = re.compile(
    fuzzy_alternation(("đã đạt", "đạt được", "đến nay", "so với cùng kỳ", "năm qua", "kết quả đạt"))
)
"""A figure reported, not set."""
LEADS = re.compile(r"(?:" + fuzzy_alternation(("chủ trì",)) + r")")
REPORT = re.compile(
    r"(?<!(?<!ket )qua )(?:"
    + fuzzy_alternation(("báo cáo", "trình"))
    + r")(?:\s+"
    + fuzzy_pattern("về")
    + r")?\s+"
)
DUE_DATE = re.compile(
    r"(?:" + fuzzy_alternation(("trước ngày", "chậm nhất ngày", "chậm nhất vào ngày")) + r")\s+\d"
)
"""A one-off report with its deadline ("báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2025") is a line."""
LETTER_TYPES = ("CV", "CT", "TB", "CĐ")
"""Documents whose reporting lines come from the bodies they ask, not from an organisation section."""
PERIODIC = re.compile(fuzzy_alternation(("định kỳ",)))
COMPILE = re.compile(fuzzy_alternation(("tổng hợp", "để theo dõi")))
VIA = re.compile(
    r"\(?\s*(?:"
    + fuzzy_pattern("thông qua")
    + "|(?<![a-z])(?<!ket )(?<!ket\n)"
    + fuzzy_pattern("qua")
    + r")\s+"
)
"""A report's channel ("qua Sở Nội vụ"); "kết quả", folded "ket qua", is not one."""
FREQUENCIES = (
    ("tháng", re.compile(r"(?:hang|hàng|moi)\s+th[a-z]{2,4}(?![a-z])")),
    ("quý", re.compile(r"(?<![a-z])(?:quy|quý)(?![a-z])")),
    ("6 tháng", re.compile(r"(?:6|sau)\s+th[a-z]{2,4}")),
    ("9 tháng", re.compile(r"9\s+th[a-z]{2,4}")),
    (
        "năm",
        re.compile(
            r"(?:hang|hàng|hiang)\s+n[a-z]{1,3}m|(?:thang|quy),?\s*(?:va\s+)?n[a-z]{1,2}m(?![a-z])|\bn[aiă]m\b(?!\s+\d)"
        ),
    ),
    ("đột xuất", re.compile(fuzzy_alternation(("đột xuất", "khó khăn", "vướng mắc")))),
)
SENTENCE_END = re.compile(r"[.;](?:\s|$)|\n\s*\n")


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
        prose = _prose_tasks(folded, o, own, governed + [(s, e) for s, e, _ in by_body])
        record.tasks = sorted(card_tasks + duty + prose, key=lambda t: t.span)
    for task in record.tasks:
        if task.deadline:
            task.due, task.recurring = normalise(task.deadline)
    tabled = _table_targets(folded)
    lines = {(folded.text.rfind("\n", 0, t.span[0]) + 1, t.value) for t in tabled}
    prose = [
        t
        for t in _targets(folded, o, table_tasks)
        if (folded.text.rfind("\n", 0, t.span[0]) + 1, t.value) not in lines
    ]
    issued = int(header.info.date[:4]) if header.info.date else None
    record.targets = sorted(
        (t for t in prose + tabled if not (issued and t.deadline and t.deadline < issued)),
        key=lambda t: t.span,
    )  # a figure for a year before the plan was issued is a finding ("năm 2020 đạt 83,87 điểm"), not a target
    spans: list[tuple[int, int, str]] = []  # (start, end, agency) of every duty section
    record.assignments = _assignments(folded, o, own, level, spans)
    duty_spans = [(s, e, a) for s, e, names in by_body for a in names]
    if not record.tasks:
        body_start = header.title_end
        record.tasks = directives.directive_tasks(folded, o, header.info.type, body_start, own)
        if not record.assignments:
            record.assignments = directives.directive_assignments(folded, record.tasks, body_start)
    letter = header.info.type in LETTER_TYPES and not any(
        sec.own_role == "organization" for sec in o.sections
    )
    askers = [a.agency for a in record.assignments] if letter else []
    record.reporting = _reporting(folded, o, spans, own, header, duty_spans, askers)


# -- tables -------------------------------------------------------------------
def _columns(cells: list[str]) -> dict[str, int] | None:
    """Column roles from a header row; "Nhiệm vụ chung" is the group column, "… cụ thể" the content."""
    cols: dict[str, int] = {}
    norm = [" ".join(c.lower().split()) for c in cells]
    for i, c in enumerate(norm):
        if "chung" in c:
            cols.setdefault("group", i)
            continue
        for key, words in HEADER_WORDS.items():
            if key not in cols and any(w in c for w in words):
                cols[key] = i
                break
    return cols if {"content", "lead"} <= set(cols) else None


SIGNATURE_BLOCK = re.compile(r"(?:^|\t)\s*(?:" + fuzzy_alternation(("nơi nhận",)) + r"|(?:tm|kt|tl|tuq)\.\s)")
"""A row of the recipients-and-signature block (NĐ 30/2020/NĐ-CP Phụ lục I: nơi nhận; TM., KT., TL., TUQ.)."""
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
        offsets, o = [], start
        for c in line.split("\t"):  # the raw cells: a wrapped cell's joined text is shorter than its span
            lead, trail = len(c) - len(c.lstrip()), len(c) - len(c.rstrip())
            offsets.append((o + lead, max(o + lead, o + len(c) - trail)))  # not the masked marks around it
            o += len(c) + 1
        ci = cols["content"]
        if ci >= len(cells):
            continue
        gi = cols.get("group", 0 if ci > 0 else None)
        label = " ".join(folded.quote(*offsets[gi]).split()) if gi is not None and gi < len(cells) else ""
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


TARGET_TABLE = {
    "indicator": ("chi tieu", "noi dung", "ten chi so"),
    "unit": ("don vi tinh", "dvt", "don vi"),
    "value": ("ke hoach", "muc tieu", "chi tieu", "nam 20", "giai doan", "phan dau"),
    "past": ("thuc hien", "uoc", "ket qua", "ghi chu", "so voi"),
}
"""Header words of a table of indicators ("STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2024"): a value column
is one whose header plans a figure; columns of results ("Thực hiện năm 2023", "Ước thực hiện") are not."""
TABLE_FIGURE = re.compile(r"^\s*(?:[><]=?|≥|≤)?\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s*$")
TABLE_UNITS = {"%": "%", "diem": "điểm", "ty le %": "%", "ty le (%)": "%"}


def _table_targets(folded: Folded) -> list[Target]:
    """Figures of a table of indicators: each row whose unit cell is "%" or "điểm" sets one target per
    planning column, with the year that column's header prints."""
    text = folded.text
    out: list[Target] = []
    cols: dict | None = None
    for start, end in logical_rows(text):
        cells = [" ".join(c.split()) for c in text[start:end].split("\t")]
        head = _target_columns(cells)
        if head:
            cols = head
            continue
        if cols is None or len(cells) <= cols["unit"]:
            continue
        unit = TABLE_UNITS.get(cells[cols["unit"]].strip(" ()"))
        if unit is None:
            continue
        offsets, pos = [], start
        for c in text[start:end].split("\t"):
            offsets.append((pos, pos + len(c)))
            pos += len(c) + 1
        words = (
            " ".join(folded.quote(*offsets[cols["indicator"]]).split())
            if cols["indicator"] < len(cells)
            else ""
        )
        for i, year in cols["values"]:
            m = TABLE_FIGURE.match(cells[i]) if i < len(cells) else None
            if not m:
                continue
            value = float(m.group(1).replace(",", "."))
            out.append(
                Target(
                    text=words,
                    value=int(value) if value.is_integer() else value,
                    unit=unit,
                    comparator="=",
                    deadline=year,
                    span=folded.span(*offsets[i]),
                    metric=metric_of(cells[cols["indicator"]]),
                )
            )
    return out


def _target_columns(cells: list[str]) -> dict | None:
    roles: dict = {"values": []}
    for i, c in enumerate(cells):
        if "unit" not in roles and any(c.startswith(w) for w in TARGET_TABLE["unit"]):
            roles["unit"] = i
        elif (
            "indicator" not in roles
            and "unit" not in roles
            and any(w in c for w in TARGET_TABLE["indicator"])
        ):
            roles["indicator"] = i
        elif (
            "unit" in roles
            and any(w in c for w in TARGET_TABLE["value"])
            and not any(w in c for w in TARGET_TABLE["past"])
        ):
            years = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", c)
            roles["values"].append((i, int(years[-1]) if years else None))
    return roles if "unit" in roles and "indicator" in roles and roles["values"] else None


ROW_START = re.compile(r"\s*(?:\d{1,3}|[ivxl]{1,5})[.)]?\s*\t")


def logical_rows(text: str) -> list[tuple[int, int]]:
    """(start, end) of each table row of a text whose cells are tab-separated, one row a line —
    or several, when OCR or a PDF's text layer wrapped a row ("1\tRà soát, hệ\nthống hóa ...\tPhòng
    Tư\npháp\t..."). A table's width is the most tabs on one of its lines; a row short of it takes
    the following lines, tabbed or not, until it is full or a numbered row starts."""
    if "\t" not in text:
        return []  # no table (most plans): no need to walk the lines
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line.count("\t")))
        pos += len(line) + 1
    rows: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if lines[i][2] == 0:
            i += 1
            continue
        j = i  # the table: tabbed lines and the untabbed non-empty lines between them
        while j + 1 < len(lines) and (lines[j + 1][2] or text[lines[j + 1][0] : lines[j + 1][1]].strip()):
            j += 1
        while lines[j][2] == 0:
            j -= 1
        width = max(t for _, _, t in lines[i : j + 1])
        k = i
        while k <= j:
            start, end, tabs = lines[k]
            if tabs == 0:
                k += 1
                continue
            while tabs < width and k + 1 <= j:
                nxt_start, nxt_end, nxt_tabs = lines[k + 1]
                if tabs + nxt_tabs > width or ROW_START.match(text, nxt_start) and nxt_tabs:
                    break
                k += 1
                end, tabs = nxt_end, tabs + nxt_tabs
            rows.append((start, end))
            k += 1
        i = j + 1
    return rows


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
        if not text:
            continue
        lead = _lead(folded, item.start, item.end) or _heading_unit(folded, sec) or _lead_in(folded, o, item)
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
    m = LEADS.search(folded.text, start, end)
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
    para_start = max(text.rfind("\n\n", 0, para_end) + 2, o.items[k - 1].end if k else 0)
    found = agency_names.find_in(text, para_start, para_end)
    return agency_run(text, found[0][1], para_end) if found else []


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
def _targets(folded: Folded, o: Outline, table_tasks: list[Task]) -> list[Target]:
    text = folded.text
    out: list[Target] = []
    percents = finditer_near(
        PERCENT, text, "%", 7, PERCENT_LEAD
    )  # "%" is at most 7 characters after the start
    points = [  # "điểm" is at most 8 characters after the figure's start: only those starts are tried
        m
        for m in finditer_near(POINTS, text, "diem", 8, PERCENT_LEAD)
        if POINTS_AIM.search(text, max(0, m.start() - 14), m.start())
    ]
    figures = sorted(percents + list(RANK.finditer(text)) + points, key=lambda x: x.start())
    starts = [f.start() for f in figures]
    for k, m in enumerate(figures):
        sec = o.section_at(m.start())
        in_table = "\t" in text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        s_start, s_end = _sentence(text, m.start())
        clause = text[s_start : m.start()]
        if not (sec is not None and sec.role == "goals" or in_table and table_tasks) and not _objective(
            text, sec, s_start, m.start()
        ):
            continue
        if CONDITION.search(text, m.end(), s_end) or IF.search(text, max(s_start, m.start() - 40), m.start()):
            continue  # "… thấp dưới 30% có thể điều chỉnh mục tiêu": a condition, not a target
        is_rank = m.re is RANK
        value = float(m.group(1).replace(",", "."))
        unit = "rank" if is_rank else "điểm" if m.re is POINTS else "%"
        near = text[max(s_start, m.start() - COMPARATOR_REACH) : m.start()]
        comparator = (
            "<="
            if is_rank
            else (
                "="
                if ABOUT.search(near)
                else ">="
                if AT_LEAST.search(near) or OR_MORE.match(text, m.end())
                else "<="
                if AT_MOST.search(near)
                else "="
            )
        )
        if in_table:
            line_end = text.find("\n", m.start())
            years = re.findall(
                r"(?<!\d)((?:19|20)\d{2})(?!\d)", text[m.end() : line_end if line_end != -1 else len(text)]
            )
            deadline = int(years[-1]) if years else None
        else:
            floor = sec.start if sec else max(0, m.start() - SENTENCE_REACH)  # never back to the text's start
            item_start = max(
                text.rfind("\n-", floor, m.start()),
                text.rfind("\n+", floor, m.start()),
                text.rfind("\n\n", floor, m.start()),
                floor,
            )
            deadline = _deadline(text, min(s_start, item_start + 1), m.start(), clause, sec)
        # the words that belong to this figure: from the previous figure (in the sentence) to the next
        w_start = max(s_start, figures[k - 1].end() if k else 0)
        w_end = min(s_end, starts[k + 1] if k + 1 < len(starts) else s_end)
        out.append(
            Target(
                text=" ".join(folded.quote(s_start, s_end).split()),
                value=int(value) if value.is_integer() else value,
                unit=unit,
                comparator=comparator,
                deadline=deadline,
                span=folded.span(s_start, s_end),
                area=sec.area if sec else None,
                metric=metric_of(text[w_start:w_end]) or metric_of(text[s_start:s_end]),
            )
        )
    out.sort(key=lambda t: t.span)
    return out


def _objective(text: str, sec: Section | None, s_start: int, pos: int) -> bool:
    """A figure outside a goals section is an objective when the words before it strive for it
    ("phấn đấu", "đạt"), oblige it outside any headed section ("bảo đảm", "tối thiểu"), or the sentence
    is framed by the year it aims at ("Trong năm 2025, …"); never in a purpose, organisation, funding or
    findings section, and never a figure reported as reached ("đến nay đã đạt")."""
    if sec is not None and sec.role in ("purpose", "organization", "funding", "findings"):
        return False
    near = max(s_start, pos - 60)
    aimed = (
        STRIVE.search(text, near, pos)
        or (sec is None or sec.role is None)
        and COMMIT.search(text, near, pos)
        or YEAR_FRAME.match(text, s_start)
        or _strive_list(text, s_start, pos)
    )
    return bool(aimed) and not PAST.search(text, s_start, pos)


LIST_REACH = 800
"""How far back a list of figures can have opened ("cụ thể: Phấn đấu …; …; 90% trẻ sơ sinh …")."""


def _strive_list(text: str, s_start: int, pos: int) -> bool:
    """A figure in a ";"-separated list whose first clause strives ("Phấn đấu tổng tỷ suất sinh đạt 2,1 …;
    tỷ lệ … đạt 90%; giảm 50% …"): the list, within one paragraph and one sentence, is objectives."""
    para = max(text.rfind("\n\n", 0, s_start), text.rfind(". ", 0, s_start), text.rfind(".\n", 0, s_start))
    para = max(para, s_start - LIST_REACH)
    if ";" not in text[para:s_start]:
        return False
    first_clause = text.find(";", para, s_start)
    return bool(STRIVE.search(text, para, first_clause))


SENTENCE_REACH = 2000
"""The longest a sentence around a figure is read (characters each side): a text with no sentence marks
would otherwise make every figure's sentence the whole text (quadratic, and its quote as long)."""


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the sentence around ``pos``: after the last item mark, ". ", ";", blank line,
    ":" or tab before it, up to the next sentence end or item mark. The marks are looked for near
    ``pos`` first (one is almost always there), then, failing that, back to the start of the text."""
    marks = ("\n-", "\n+", ". ", ".\n", ";", "\n\n", ":", "\t")
    near = max(0, pos - 500)
    start = max(text.rfind(x, near, pos) for x in marks) + 1
    if not start and near:
        floor = max(0, pos - SENTENCE_REACH)  # a run with no mark: a bounded sentence, not the whole text
        start = max(max(text.rfind(x, floor, pos) for x in marks) + 1, floor)
    limit = min(len(text), pos + SENTENCE_REACH)
    end_m = SENTENCE_END.search(text, pos, limit)
    end = end_m.start() if end_m else limit
    nl = text.find("\n-", pos, end + 1)  # an item mark that comes before the end
    return start, min(end, nl) if nl != -1 else end


def _deadline(text: str, s_start: int, pos: int, clause: str, sec: Section | None) -> int | None:
    window = text[max(s_start, pos - 160) : pos]
    if UNTIL.search(text, max(s_start, pos - 40), pos):
        return None
    if EACH_YEAR.search(text, max(s_start, pos - 40), pos):
        m = PERIOD.search(window)
        return int(m.group(2)) if m else None
    w0 = max(s_start, pos - 160)
    years = [y for y in YEAR_WORDS.finditer(window) if not _baseline(text, w0 + y.start())]
    if years:
        return int(years[-1].group(1))
    m = PERIOD.search(window)
    if m:
        return int(m.group(2))
    reach = min(len(text), pos + AFTER_REACH)
    after = next((y for y in YEAR_WORDS.finditer(text, pos, reach) if not _baseline(text, y.start())), None)
    if after and not SENTENCE_END.search(text, pos, after.start()):
        return int(after.group(1))
    by_date = BY_DATE.search(
        text, pos, min(len(text), pos + 200)
    )  # "… trước ngày 01/01/2025": the year printed
    if by_date and not SENTENCE_END.search(text, pos, by_date.start()):
        return int(by_date.group(1))
    labels = list(YEAR_LABEL.finditer(text, sec.start if sec else max(0, pos - 2000), pos))
    if labels:
        return int(labels[-1].group(1))
    if sec is None:
        return None
    if sec.own_role is None and sec.heading is not None and NUMBERED_ITEM.search(text, sec.heading.end, pos):
        return None  # a numbered item after an item read as a heading: that year was the other item's words
    return sec.deadline_year


NUMBERED_ITEM = re.compile(r"\n[ \t*_]*\d{1,2}[ \t*_]*[.)]")
AFTER_REACH = 120
"""How far after a figure its year can be printed in the same sentence ("Phấn đấu 100% … trong năm 2024")."""


def _baseline(text: str, pos: int) -> bool:
    return bool(BASELINE.search(text, max(0, pos - 20), pos))


BY_DATE = re.compile(
    r"(?:"
    + fuzzy_alternation(("trước ngày", "đến ngày", "chậm nhất ngày"))
    + r")\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*((?:19|20)\d{2})"
)
YEAR_LABEL = re.compile(
    r"(?m)^[ \t\-+]*(?:"
    + fuzzy_pattern("mục tiêu")
    + r"\s+)?(?:"
    + fuzzy_alternation(("đến năm", "đến hết năm", "đến cuối năm", "trong năm"))
    + r")\s+((?:19|20)\d{2})\s*:?\s*$"
)


@lru_cache(maxsize=1)
def _metric_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    from cancu.ontology.registries import load_registries

    out = []
    for mid, row in load_registries().metrics.items():
        for kw in row.keywords:
            out.append((mid, re.compile(kw)))
    return tuple(out)


@lru_cache(maxsize=8192)
def metric_of(text: str) -> str | None:
    """The catalogue metric a target's words name (the longest keyword match wins), else None."""
    folded = " ".join(fold_words(text).split())
    best, best_len = None, 0
    for mid, rx in _metric_patterns():
        m = rx.search(folded)
        if m and m.end() - m.start() > best_len:
            best, best_len = mid, m.end() - m.start()
    return best


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
        duties = _duties(folded, o, sec)
        for name in dict.fromkeys(names):
            spans.append((sec.start, sec.end, name))
            a = out.setdefault(name, Assignment(agency=name, duties=[], span=folded.span(h.start, sec.end)))
            a.duties.extend(d for d in duties if d not in a.duties)
    return list(out.values())


def _paragraph_duties(folded: Folded, sec: Section, out: dict[str, Assignment], spans: list) -> None:
    """ "Tổ chức thực hiện" written as paragraphs: each paragraph that opens with an agency gives it duties."""
    text = folded.text
    pos = sec.heading.end if sec.heading else sec.start
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text[pos : sec.end]):
        start, end = pos + m.start(), pos + m.end()
        head = text[start : start + 60].lstrip(" -+")
        lead_in = len(text[start : start + 60]) - len(head)
        names = agency_names.find_in(text, start, start + 60)
        if not names or names[0][1] - start > lead_in + 12:
            continue
        for name in agency_run(text, names[0][1], end) or [names[0][0]]:  # "Các sở, ban, ngành, UBND xã …"
            spans.append((start, end, name))
            a = out.setdefault(name, Assignment(agency=name, duties=[], span=folded.span(start, end)))
            a.duties.append(" ".join(folded.quote(start, end).split())[:300])


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


def _reporting(
    folded: Folded,
    o: Outline,
    by_span: list[tuple[int, int, str]],
    own: str | None,
    header,
    duties: list[tuple[int, int, str]] = (),
    asked: list[str] = (),
) -> list[Reporting]:
    """Reporting lines of the organisation sections, the closing paragraph, and the duty sections headed
    by the bodies that report ("2. Sở Nông nghiệp và Môi trường … tổng hợp báo cáo UBND tỉnh hàng năm")."""
    text = folded.text
    lines: dict[tuple[str, str], Reporting] = {}
    reports = list(REPORT.finditer(text))
    starts = [m.start() for m in reports]
    duty_of, senders_of = covering(duties, starts), covering(by_span, starts)
    for m, duty, spanned in zip(reports, duty_of, senders_of, strict=True):
        sec = o.section_at(m.start())
        if (
            (sec is None or sec.role != "organization")
            and not duty
            and not asked
            and not _closing(text, m.start())
        ):
            continue  # a letter's reports come from the bodies it asks (``asked``), wherever they stand
        line_start, line_end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.start())
        if "\t" in text[line_start : line_end if line_end != -1 else len(text)]:
            continue  # "Báo cáo" in a table is a product, not a reporting duty
        s_start, s_end = _sentence(text, m.start())
        if sec is not None and sec.heading is not None and sec.heading.end <= m.start():
            s_start = max(s_start, sec.heading.end)  # a heading ("III. CHẾ ĐỘ BÁO CÁO") is not the sentence's
        recipients = _recipients(folded, m.end(), max(s_end, m.end() + 1), own, header)
        if not recipients:
            continue
        via_m = VIA.search(text, m.end(), s_end + 1)
        via = None
        if via_m:
            names = agency_names.find_in(text, via_m.end(), via_m.end() + 40)
            via = names[0][0] if names else None
        window = text[max(s_start, m.start() - 120) : s_end]
        freq = [name for name, rx in FREQUENCIES if rx.search(window)]
        senders = spanned or duty
        relay = _relay(folded, s_start, m.start(), own, header)
        first_hop: list[tuple[str, str]] = []
        if senders and relay:
            if (
                REPORT.search(text, s_start, m.start()) is None
            ):  # "gửi X để báo cáo Y": the senders' own line to X
                first_hop = [(s, relay) for s in senders if s != relay]
            senders = [relay]  # "… báo cáo X (qua Z) để tổng hợp, báo cáo Y", "… về X để tổng hợp, báo cáo Y"
        if not freq and not PERIODIC.search(window) and not DUE_DATE.search(text, m.start(), s_end):
            continue  # "báo cáo" with no period and no "định kỳ": a one-off proposal, not a reporting line
        if not senders and _closing(text, m.start()):
            senders = [n for n, _, _ in agency_names.find_in(text, s_start, m.start())]
        if not senders and asked:  # "… đề nghị các cơ quan, đơn vị … gửi báo cáo … về Sở Nội vụ"
            named = [n for n, _, _ in agency_names.find_in(text, s_start, m.start()) if n != own]
            senders = [n for n in named if n in asked] or list(asked)
        escalation = _closing(text, m.start()) and set(freq) <= {"đột xuất"}
        hops = first_hop + [(s, r) for s in senders for r in recipients]
        for sender, recipient in hops:
            if sender == recipient or recipient == via:
                continue
            key = (sender, recipient)
            if escalation and key not in lines:
                continue  # "nếu có khó khăn, vướng mắc … báo cáo": adds "đột xuất" to a line, opens none
            rep = lines.setdefault(
                key, Reporting(from_=sender, to=recipient, via=via, span=folded.span(s_start, s_end))
            )
            rep.via = rep.via or via
            rep.frequency = [f for f, _ in FREQUENCIES if f in set(rep.frequency) | set(freq)]
    return list(lines.values())


IN_ORDER_TO = re.compile(r"(?<![a-z])(?:" + fuzzy_pattern("để") + r")\s+$")
TO_COMPILE = re.compile(r"(?:" + fuzzy_pattern("để") + r")\s+(?:" + fuzzy_alternation(("tổng hợp",)) + r")")


def _relay(folded: Folded, s_start: int, pos: int, own: str | None, header) -> str | None:
    """Who passes a report on: the recipient of an earlier report in the same sentence ("báo cáo X …
    báo cáo Y"), or the body it goes to "để tổng hợp" ("gửi về X để tổng hợp, báo cáo Y"); when the
    sentence names none, the plan's own UBND. A body that itself "tổng hợp, báo cáo Y" relays nothing."""
    text = folded.text
    earlier = REPORT.search(text, s_start, pos)
    if earlier is not None:
        found = _recipients(folded, earlier.end(), pos, own, header)
    else:
        compile_ = TO_COMPILE.search(text, s_start, pos) or IN_ORDER_TO.search(
            text, max(s_start, pos - 6), pos
        )
        if compile_ is None:
            return None  # "gửi UBND tỉnh để báo cáo HĐND tỉnh": the body it goes to reports on
        found = _recipients(folded, s_start, compile_.start(), own, header)
    if found:
        return found[0]
    issuer = header.info.issuer
    return issuer if issuer and "UBND" in issuer else None


RECIPIENT_LEAD = re.compile(
    r"(?:^|\s)(?:" + "|".join(fuzzy_pattern(w) for w in ("về", "gửi", "cho", "lên")) + r")\s+"
)


def _recipients(folded: Folded, start: int, end: int, own: str | None, header) -> list[str]:
    """Who receives a report: right after "báo cáo", or after "về / gửi" in the same sentence."""
    text = folded.text
    first = _recipient(folded, start, own, header)
    if first:
        return _more(folded, start, end, first, own, header)
    for m in RECIPIENT_LEAD.finditer(text, start, end):
        found = _recipient(folded, m.end(), own, header)
        if found:
            return _more(folded, m.end(), end, found, own, header)
    return []


def _more(folded: Folded, start: int, end: int, first: str, own, header) -> list[str]:
    """A list of recipients: "gửi UBND tỉnh, Sở Nội vụ"."""
    out = [first]
    text = folded.text
    tail = re.match(r"[^,;()\n]{0,40}?,\s*", text[start:end])
    if tail:
        nxt = _recipient(folded, start + tail.end(), own, header)
        if nxt and nxt not in out:
            out.append(nxt)
    return out


CLOSING = re.compile(fuzzy_alternation(("trong quá trình",)))
LEADERSHIP = re.compile(fuzzy_pattern("lãnh đạo"))


def _closing(text: str, pos: int) -> bool:
    """ "Trong quá trình thực hiện …, báo cáo …": the closing paragraph of a plan."""
    return bool(CLOSING.search(text[max(0, pos - 300) : pos]))


UBND_UNIT = re.compile(
    r"(?:"
    + fuzzy_pattern("ủy ban nhân dân")
    + r"|ubnd)(?:\s*\(ubnd\))?\s+(?:("
    + "|".join(
        fuzzy_pattern(w) for w in ("thành phố", "thị trấn", "thị xã", "phường", "huyện", "quận", "tỉnh", "xã")
    )
    + r")(?![a-z]))?",
    re.IGNORECASE,
)
HDND_UNIT = re.compile(
    r"(?:"
    + fuzzy_alternation(("hội đồng nhân dân", "hđnd"))
    + r")\s+("
    + fuzzy_alternation(("tỉnh", "huyện", "xã"), ocr=False)
    + r")(?![a-z])"
)
DISTRICT_WORDS = ("huyen", "quan", "thi xa")
COMMUNE_WORDS = ("xa", "phuong", "thi tran")


def _recipient(folded: Folded, pos: int, own: str | None, header) -> str | None:
    """The body a report goes to: "UBND huyện" is the plan's own district (or its parent's), and
    so on up; a unit the plan's place does not name gives no recipient rather than a wrong one."""
    text = folded.text
    place = header.place
    m = UBND_UNIT.match(text, pos)
    if m:
        unit = fold_str(m.group(1) or "").lower().strip()
        if (
            unit == "thanh pho"
            and place.district
            and place.district_word == "thành phố"
            and not is_city(place.province)
        ):
            return f"UBND thành phố {place.district}"
        return _own_unit("UBND", unit, place)
    council = HDND_UNIT.match(text, pos)
    if council and place.label():  # "báo cáo HĐND tỉnh": the council of the plan's own unit
        return _own_unit("HĐND", fold_str(council.group(1)).lower(), place)
    names = agency_names.find_in(text, pos, pos + 40)
    if names and names[0][1] - pos <= 3:
        return names[0][0]
    if LEADERSHIP.match(text[pos : pos + 20]) and header.info.issuer:
        return header.info.issuer
    return None


def _own_unit(head: str, unit: str, place: Place) -> str | None:
    """ "UBND huyện" / "HĐND tỉnh" named in a plan: that body of the plan's own unit (or its parent's),
    None when the plan's place does not name that unit."""
    if unit in DISTRICT_WORDS:
        return f"{head} {place.district_word} {place.district}" if place.district else None
    if unit in COMMUNE_WORDS:
        return f"{head} {place.commune_word} {place.commune}" if place.commune else None
    return f"{head} {Place(province=place.province).unit_name()}" if place.province else None


def fold_unit(own: str) -> str:
    return fold_str(own).lower()
