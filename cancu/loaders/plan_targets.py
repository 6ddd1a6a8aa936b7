"""Targets of a plan: every figure set as an objective.

In "Mục tiêu" sections; after "phấn đấu", "đạt", "bảo đảm" elsewhere; in sentences framed by the year they
aim at ("Trong năm 2025, 100% …"); in a ";" list opened by "Phấn đấu"; in task rows; and in tables of
indicators (a unit column and planning columns with their years). Figures reported as reached, conditions,
baselines ("so với năm 2023") and figures for years before the plan are not targets.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cancu.loaders.fold import Folded, finditer_near, fuzzy_alternation, fuzzy_pattern
from cancu.loaders.outline import Outline, Section
from cancu.loaders.outline import folded_words as fold_words
from cancu.loaders.sentences import SENTENCE_END, SENTENCE_REACH, sentence
from cancu.loaders.table_rows import logical_rows
from cancu.ontology.record import Target, Task


def plan_targets(folded: Folded, o: Outline, table_tasks: list[Task], issued: int | None) -> list[Target]:
    """Prose and table targets, a figure a table restates in prose counted once; a figure for a year
    before the plan was issued is a finding ("năm 2020 đạt 83,87 điểm"), not a target."""
    tabled = table_targets(folded)
    lines = {(folded.text.rfind("\n", 0, t.span[0]) + 1, t.value) for t in tabled}
    prose = [
        t
        for t in _prose_targets(folded, o, table_tasks)
        if (folded.text.rfind("\n", 0, t.span[0]) + 1, t.value) not in lines
    ]
    return sorted(
        (t for t in prose + tabled if not (issued and t.deadline and t.deadline < issued)),
        key=lambda t: t.span,
    )


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


def table_targets(folded: Folded) -> list[Target]:
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


def _prose_targets(folded: Folded, o: Outline, table_tasks: list[Task]) -> list[Target]:
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
        s_start, s_end = sentence(text, m.start())
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
