"""Targets of a plan: every figure set as an objective.

Where a figure is set: a goals section; words that strive for it ("phấn đấu", "đạt"), oblige it ("bảo đảm
100% …", also inside a duty item), change it ("cắt giảm tối thiểu 30%", "nâng … lên 80%") or complete it
("hoàn thành 100%"); a sentence framed by its year ("Trong năm 2025, 100% …"); a ";" list opened by
"Phấn đấu", by a year ("Năm 2026, …; …") or by a lead-in that names objectives ("với các mục tiêu chính như:",
"Chỉ tiêu 3:", a question-style heading); a bullet that opens with its figure outside any headed section;
a figure after a target in its sentence; task rows; tables of indicators (a unit column, or "%" in the
cells, and planning columns with their years).
What a figure is: "%", an index score in "điểm", a rank ("nhóm 20 tỉnh", "top 10"), or a figure in a unit
of ``layout/target_units.csv`` right after its cue ("đạt 2,1 con/phụ nữ", "ít nhất 04 tin, bài", "duy trì
trong nhóm 2") or, with no cue, in a goals section ("Hỗ trợ 50 doanh nghiệp").
Not targets: figures reported as reached, conditions, baselines ("so với năm 2023", "giảm từ 23 …"),
frequencies ("01 lần/năm"), a scoring scale's thresholds, a procedure's steps, figures for years before the
plan, and the same figure restated word for word.
The words are data: ``layout/target_cues.csv``, ``layout/target_units.csv``, ``layout/target_numbers.csv``,
``layout/target_tables.csv``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from cancu.loaders.fold import Folded, finditer_near, fold_str, fuzzy_alternation, fuzzy_pattern
from cancu.loaders.outline import Outline, Section
from cancu.loaders.outline import folded_words as fold_words
from cancu.loaders.sentences import SENTENCE_END, SENTENCE_REACH, sentence
from cancu.loaders.table_rows import logical_rows
from cancu.ontology.datafiles import read_rows
from cancu.ontology.record import Target, Task


@cache
def cues(role: str) -> tuple[str, ...]:
    """The phrases of one role in ``layout/target_cues.csv``, longest first (the longest cue wins)."""
    rows = read_rows("layout/target_cues.csv")
    return tuple(sorted((r["phrase"] for r in rows if r["role"] == role), key=len, reverse=True))


def _alt(*roles: str, ocr: bool = True) -> str:
    return fuzzy_alternation(tuple(p for role in roles for p in cues(role)), ocr=ocr)


def plan_targets(folded: Folded, o: Outline, table_tasks: list[Task], issued: int | None) -> list[Target]:
    """Prose and table targets, a figure a table restates in prose counted once; a figure for a year
    before the plan was issued is a finding ("năm 2020 đạt 83,87 điểm"), not a target."""
    rows = logical_rows(folded.text)  # read once: the tables of indicators and the figures of task rows
    read: list[tuple[int, int]] = []
    tabled = table_targets(folded, rows, read)
    lines = {(_line_of(folded, t), t.value) for t in tabled}
    prose = [
        t
        for t in _prose_targets(folded, o, table_tasks, rows, read)
        if (_line_of(folded, t), t.value) not in lines
    ]
    return sorted(
        (t for t in prose + tabled if not (issued and t.deadline and t.deadline < issued)),
        key=lambda t: t.span,
    )


def _line_of(folded: Folded, t: Target) -> int:
    """Where the line holding a target starts, in the original text its span points into (bounded look-back)."""
    start = t.span[0]
    return folded.original.rfind("\n", max(0, start - 2000), start) + 1


PERCENT = re.compile(
    r"(\d(?<![\d/.,]\d)\d{0,2}(?:[.,]\d{1,2})?)\s?%"
)  # the boundary after the first digit: fast


PERCENT_LEAD = re.compile(r"\d(?<![\d/.,]\d)")


RANK = re.compile(r"nhom\s+(\d{1,2})\s+(?:cac\s+)?(?:" + _alt("ranked", ocr=False) + r")(?![a-z])")
"""A rank: a place among bodies ("nhóm 20 tỉnh, thành phố dẫn đầu" → 20, "<=")."""


POINTS = re.compile(
    r"(?<![\d/.,])(\d{1,3}(?:[.,]\d{1,2})?)\s?diem(?![a-z])(?!\s+(?:cau|giao dich|tiep nhan|phuc vu))"
)
"""An index score set as a figure ("Chỉ số CCHC đạt từ 85 điểm trở lên"); not "điểm cầu", "điểm a"."""


POINTS_AIM = re.compile(r"(?:dat|tu|tren|toi thieu|it nhat)\s+$")


BASELINE = re.compile(r"(?:" + _alt("baseline") + r")\s+$")
"""The year a figure is compared with ("tăng 20% so với năm 2023") is its baseline, not its deadline."""


AT_LEAST = re.compile(r"(?:" + _alt("at_least") + r")(?![a-z])")


OR_MORE = re.compile(r"\s*(?:" + _alt("or_more") + r")")


ABOUT = re.compile(r"(?:" + _alt("about") + r")\s*$")
""""khoảng 22%" is a plain figure (corpus/README.md), whatever stands further before it."""


COMPARATOR_REACH = 25
"""How far before a figure its comparator can stand ("đạt tỷ lệ tối thiểu 98%"); further words describe
the subject ("trẻ em dưới 15 tuổi đạt 22%")."""


AT_MOST = re.compile(_alt("at_most"))


EACH_YEAR = re.compile(_alt("each_year"))


UNTIL = re.compile(_alt("until"))


PERIOD = re.compile(
    r"(?:" + fuzzy_alternation(("giai đoạn",)) + r")\s*((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})"
)


YEAR_WORDS = re.compile(r"(?:" + fuzzy_alternation(("đến năm", "năm")) + r")\s+((?:19|20)\d{2})")


STRIVE = re.compile(_alt("strive"))


COMMIT = re.compile(_alt("commit"))
"""An obligation that sets a figure outside any heading ("… bảo đảm 100% hồ sơ …"): a document without sections."""


CHANGE = re.compile(
    r"(?:" + _alt("change") + r")(?![a-z])(?:\s+(?:" + _alt("at_least", "at_most", "about") + r"))?\s*$"
)
"""A change set as an aim right before its figure ("cắt giảm ít nhất 30% thời gian …"); "đã cắt giảm" is past."""


FIGURE_LED = re.compile(r"[ \t]*[-+•][\s*_]*(?:(?:" + _alt("at_least", "at_most", "about") + r")\s+)?$")
"""A bullet that opens with its figure ("- 100% hồ sơ …", "+ Trên 90% người dân …"); a figure after a colon
("Tỷ lệ cắt giảm chi phí: 100%") or in running prose is not one."""


DONE = re.compile(r"(?<![a-z])(?:" + _alt("done", ocr=False) + r")(?![a-z])")
"""A figure-led item that says it is done ("100% xã đã kết nối") reports a result."""


QUESTION = re.compile(r"(?m)^[^\n?]{0,80}(?:" + _alt("lead_in") + r")(?![a-z])[^\n?]{0,80}\?[ \t*_]*$")
"""A question-style heading that asks for the objectives ("Mục tiêu của Kế hoạch là gì?"): the figures of
the answer after it are objectives."""


COMMIT_NEAR = re.compile(
    r"(?:"
    + fuzzy_alternation(tuple(p for p in cues("commit") if p not in cues("at_least")))
    + r")(?![a-z])(?:\s+(?:"
    + _alt("at_least")
    + r"))?\s*$"
)
"""An obligation right before its figure, in any section ("- Rà soát …, bảo đảm 100% hồ sơ được số hóa"):
a target inside a duty item."""


STEP = re.compile(r"\s*(?:" + _alt("step") + r")\s+\d{1,2}(?!\d)")
"""A heading that names a step of a procedure ("Bước 2. Tiếp nhận hồ sơ", NĐ 61/2018/NĐ-CP quy trình nội bộ)."""


LEAD_IN = re.compile(r"(?:" + _alt("lead_in") + r")(?![a-z])[^.:;\n]{0,60}:")
"""A lead-in that names the objectives it lists, up to its colon ("với các mục tiêu chính như:")."""


LEAD_LINE = re.compile(r"(?m)(?:" + _alt("lead_in") + r")(?![a-z])[^.:;\n]{0,60}:[ \t*_]*$")
"""A lead-in that ends its line with a colon: the items under it are its list."""


SAME_LEVEL = re.compile(r"\n[ \t*_]*(?:-|\d{1,2}[.)]|[a-zđ]\))")
"""An item at the lead-in's own level ("- …", "2. …", "b) …"): the lead-in's list has ended."""


YEAR_FRAME = re.compile(r"\s*(?:[-+•]\s*)?(?:" + _alt("year_frame") + r")\s+(?:19|20)\d{2}")
"""A sentence framed by the year it aims at ("Trong năm 2025, 100% hồ sơ …"): its figures are objectives."""


CONDITION = re.compile(_alt("condition"))


IF = re.compile(r"(?<![a-z])(?:" + _alt("if", ocr=False) + r")(?![a-z])")


SCORING = re.compile(
    r"(?<![a-z])(?:"
    + _alt("scoring", ocr=False)
    + r")(?:\s+truc\s+tiep)?\s+\d{1,3}(?:[.,]\d{1,2})?\s+diem|khong\s+cong\s+diem"
)
"""A threshold of a rating scale ("đạt 100% cộng 05 điểm", "không đạt tỷ lệ 100% không cộng điểm")."""


SCALE_TITLE = re.compile(r"[ *_#]*(?:" + _alt("scale", ocr=False) + r")[ *_:]*(?=\n|\t|$)")
"""A scoring scale's title, on its own line or as a table's header cell ("Điểm chuẩn | Hướng dẫn chấm điểm")."""
SCALE_KEYS = tuple({" ".join(fold_str(p).split()[-2:]) for p in cues("scale")})
"""The last two words of each scale title ("chấm điểm", "thang điểm"): a text without any has no scale."""
ANNEX_TITLE = re.compile(r"(?m)^[ \t*_#]*(?:" + _alt("annex", ocr=False) + r")(?![a-z])")
"""An appendix title ("PHỤ LỤC II"): the end of a scoring scale before it."""


PAST = re.compile(_alt("past"))
"""A figure reported, not set."""


@cache
def _unit_rows() -> tuple[dict[str, str], ...]:
    return tuple(sorted(read_rows("layout/target_units.csv"), key=lambda r: len(r["phrase"]), reverse=True))


def _unit_alt(kinds: tuple[str, ...]) -> str:
    return "|".join(_unit_pattern(r["phrase"]) for r in _unit_rows() if r["kind"] in kinds)


def _unit_pattern(phrase: str) -> str:
    """A unit's words as printed on folded text, any spaces between them and around a comma ("tin, bài")."""
    words = fold_str(phrase).replace(",", " , ").split()
    out = re.escape(words[0])
    for w in words[1:]:
        out += r"\s*,?" if w == "," else (r"\s*" if out.endswith(",?") else r"\s+") + re.escape(w)
    return out


NUMBER_WORDS = {fold_str(r["phrase"]): int(r["value"]) for r in read_rows("layout/target_numbers.csv")}


_UNITS = (
    r"\s?(?P<unit>" + _unit_alt(("rate", "count", "minimum", "duration")) + r")(?![a-z0-9/])(?!\s+[a-z]+/)"
)


MEASURE = re.compile(
    r"(?P<num>[0-9](?<![\d.,][0-9])[0-9]{0,2}(?:(?:\.[0-9]{3})+|[.,][0-9]{1,2})?(?![\d.,][0-9]))" + _UNITS
)
"""A figure in a unit of ``layout/target_units.csv`` ("1,7 lần", "4/100.000 trẻ sinh ra còn sống", "30.000 lượt");
a count followed by "/" is a frequency ("01 lần/năm", "100 lượt người/tháng"). One pass over a text."""


WORD_MEASURE = re.compile(r"(?P<num>" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")" + _UNITS)
"""A number written as a word in the same units ("một cơ sở y tế")."""


WORD_FIGURE_CUES = tuple(fold_str(p) + " " for p in cues("at_least") if " " in p and p not in cues("or_more"))
"""A number written as a word is tried only right after a minimum ("ít nhất một cơ sở y tế")."""


def _unit_kinds() -> dict[str, str]:
    return {re.sub(r"[\s,]", "", fold_str(r["phrase"])): r["kind"] for r in _unit_rows()}


UNIT_KINDS = _unit_kinds()
"""A unit as matched, spaces and commas removed -> its kind (a minimum needs "tối thiểu", a duration never)."""


MEASURE_CUE = re.compile(r"(?<![a-z])(?:" + _alt("level", "at_least", "at_most", "about") + r")\s+$")
"""The cue right before a figure in another unit ("còn 1,7 lần", "ít nhất 04 tin, bài", "dưới 109 …")."""


RANK_BEFORE = re.compile(r"(?:" + _unit_alt(("group",)) + r")\s+$")
"""A count right after "nhóm" is a rank or a group ("nhóm 10 đơn vị dẫn đầu"), not a count of bodies."""


GROUP = re.compile(r"(?P<unit>" + _unit_alt(("group",)) + r")\s+(?P<num>\d{1,2})(?![\d%]|[.,]\d)")


FROM = re.compile(r"(?<![a-z])(?:" + _alt("from", ocr=False) + r")\s+$")
"""A count a change starts from ("giảm từ 23 ca sinh/1.000 phụ nữ xuống 18 …"): a baseline."""


TOP = re.compile(
    r"(?:"
    + "|".join(sorted({f"{u}(?<![a-z]{u})" for u in _unit_alt(("rank",)).split("|")}))
    + r")\s+(?P<num>\d{1,3})(?![\d%]|[.,]\d)"
)
"""A place in a ranking ("nằm trong top 10 tỉnh"): value 10, unit "rank", "<=" (the seeds' "nhóm 20 tỉnh")."""


GROUP_CUE = re.compile(
    r"(?<![a-z])(?:" + _alt("level", "at_least", "at_most", "about") + r")\s+(?:trong\s+|o\s+|thuoc\s+)?$"
)
"""A group an index is kept in ("duy trì trong nhóm 2"); "nhóm 20 tỉnh dẫn đầu" is a rank (RANK)."""


@dataclass(frozen=True)
class _Figure:
    """A figure found in prose: where it stands, its value and unit, and a comparator its own words give."""

    start: int
    end: int
    value: float
    unit: str
    comparator: str | None = None
    printed: tuple[int, int] | None = None
    """Where a unit other than "%", "điểm" and "rank" is printed: it is kept as printed."""
    goals_only: bool = False
    """A count with no cue before it: a target only in a goals section, unless reported ("hiện nay …")."""


TABLE_FIGURE = re.compile(
    r"^\s*(?P<words>(?:(?:"
    + _alt("strive", "at_least", "at_most", "about", "from")
    + r")\s+){0,2})([><]=?|≥|≤)?\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s*(?P<more>"
    + _alt("or_more")
    + r")?\s*$"
)
"""A table's figure cell: the figure, a sign ("≥ 30%") or words that say its comparator ("Trên 90%", "Đạt từ 85%
trở lên", "Tối thiểu 70%")."""


TABLE_SIGNS = {">": ">=", ">=": ">=", "≥": ">=", "<": "<=", "<=": "<=", "≤": "<="}
"""A sign printed before a table's figure ("≥ 30%") is its comparator, as "trên" and "dưới" are in prose."""


@cache
def _table_words() -> dict[str, re.Pattern[str]]:
    """Each header role of ``layout/target_tables.csv`` as one regex: its words at a word's start."""
    rows = read_rows("layout/target_tables.csv")
    out = {}
    for role in ("indicator", "unit", "value", "past"):
        words = sorted((fold_str(r["phrase"]) for r in rows if r["role"] == role), key=len, reverse=True)
        out[role] = re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, words)) + r")(?![a-z])")
    return out


@cache
def _table_units() -> dict[str, str]:
    """A unit column's cell -> the unit of its row's figures ("Tỷ lệ (%)" -> "%"), rates of
    ``target_units.csv`` kept as printed."""
    out = {
        fold_str(r["phrase"]): r["unit"]
        for r in read_rows("layout/target_tables.csv")
        if r["role"] == "unit_cell"
    }
    for r in _unit_rows():
        if r["kind"] == "rate":
            out.setdefault(" ".join(fold_str(r["phrase"]).split()), r["phrase"])
    return out


def _table_unit(cell: str) -> str | None:
    """The unit a unit cell gives, as written ("tỷ lệ (%)") or in brackets ("(%)")."""
    units = _table_units()
    return units.get(cell.strip()) or units.get(cell.strip(" ()"))


def _table_comparator(m: re.Match[str]) -> str:
    words = m.group("words")
    if m.group(2):
        return TABLE_SIGNS[m.group(2)]
    if m.group("more") or AT_LEAST.search(words):
        return ">="
    return "<=" if AT_MOST.search(words) else "="


def table_targets(
    folded: Folded, rows: list[tuple[int, int]] | None = None, read: list[tuple[int, int]] | None = None
) -> list[Target]:
    """Figures of a table of indicators: each row whose unit cell is "%" or "điểm" (or, with no unit column,
    whose figure says "%") sets one target per planning column, with the year that column's header prints.
    The rows of such a table go to ``read``: their other figures (results, baselines) are no prose targets."""
    text = folded.text
    out: list[Target] = []
    cols: dict | None = None
    last_end = 0
    for start, end in logical_rows(text) if rows is None else rows:
        if cols is not None and text[last_end:start].strip():
            cols = None  # text between two rows: another table, whose header is read anew
        last_end = end
        cells = [" ".join(c.split()) for c in text[start:end].split("\t")]
        head = _target_columns(cells)
        if head:
            cols = head
            continue
        if cols is None or len(cells) <= (cols["unit"] or 0):
            continue
        if read is not None:
            read.append((start, end))
        unit = _table_unit(cells[cols["unit"]]) if cols["unit"] is not None else "%"
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
            if not m or cols["unit"] is None and "%" not in cells[i]:
                continue  # without a unit column, a figure says its own "%"
            value = float(m.group(3).replace(",", "."))
            out.append(
                Target(
                    text=words,
                    value=int(value) if value.is_integer() else value,
                    unit=unit,
                    comparator=_table_comparator(m),
                    deadline=year,
                    span=folded.span(*offsets[i]),
                    metric=metric_of(cells[cols["indicator"]]),
                )
            )
    return out


YEAR_HEADER = re.compile(r"(?:nam\s+)?(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?")
"""A column headed by its year alone ("2025", "2026-2030"): a planning column (a year before the plan is
dropped as a finding)."""


def _target_columns(cells: list[str]) -> dict | None:
    """The roles of a header row: an indicator column, then a unit column (or none: the figures say their
    own "%"), then the value columns, each with the year its header prints; None when it is no such header."""
    words = _table_words()
    roles: dict = {"values": [], "unit": None}
    for i, c in enumerate(cells):
        if roles["unit"] is None and words["unit"].match(c):
            roles["unit"] = i
        elif "indicator" not in roles and roles["unit"] is None and words["indicator"].search(c):
            roles["indicator"] = i
        elif (
            "indicator" in roles
            and (words["value"].search(c) or YEAR_HEADER.fullmatch(c))
            and not words["past"].search(c)
        ):
            years = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", c)
            roles["values"].append((i, int(years[-1]) if years else None))
    if roles["unit"] is not None:  # with a unit column, the planned figures stand after it
        roles["values"] = [(i, y) for i, y in roles["values"] if i > roles["unit"]]
    return roles if "indicator" in roles and roles["values"] else None


def _figures(text: str) -> list[_Figure]:
    """Every figure that could be a target, in text order: "%" and "điểm" tried only near their anchor,
    ranks, and figures in other units only right after their cue."""
    percents = finditer_near(
        PERCENT, text, "%", 7, PERCENT_LEAD
    )  # "%" is at most 7 characters after the start
    points = [  # "điểm" is at most 8 characters after the figure's start: only those starts are tried
        m
        for m in finditer_near(POINTS, text, "diem", 8, PERCENT_LEAD)
        if POINTS_AIM.search(text, max(0, m.start() - 14), m.start())
    ]
    out = [_Figure(m.start(), m.end(), _number(m.group(1)), "%") for m in percents]
    out += [_Figure(m.start(), m.end(), _number(m.group(1)), "điểm") for m in points]
    out += [_Figure(m.start(), m.end(), _number(m.group(1)), "rank", "<=") for m in RANK.finditer(text)]
    out += _measures(text)
    return sorted(out, key=lambda f: f.start)


def _number(printed: str) -> float:
    """ "2,1" -> 2.1, "30.000" -> 30000 (thousands), "một" -> 1."""
    if printed in NUMBER_WORDS:
        return float(NUMBER_WORDS[printed])
    if THOUSANDS.fullmatch(printed):
        return float(printed.replace(".", ""))
    return float(printed.replace(",", "."))


THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _measures(text: str) -> list[_Figure]:
    """Figures in the units of ``target_units.csv`` with their cue right before them, the comparator the cue
    gives; a group ("trong nhóm 2") unless it is a rank ("nhóm 20 tỉnh")."""
    found = {
        m.start(): m
        for m in MEASURE.finditer(text)
        if not RANK_BEFORE.search(text, max(0, m.start() - 8), m.start())
    }
    for cue in WORD_FIGURE_CUES:
        at = text.find(cue)
        while at != -1:
            m = WORD_MEASURE.match(text, at + len(cue))
            if m:
                found.setdefault(m.start(), m)
            at = text.find(cue, at + 1)
    out = []
    for start, m in sorted(found.items()):
        cue = MEASURE_CUE.search(text, max(0, start - 25), start)
        kind = UNIT_KINDS.get(re.sub(r"[\s,]", "", m.group("unit")))
        at_least = cue is not None and AT_LEAST.search(cue.group()) is not None
        unit = " ".join(m.group("unit").split())
        value = _number(m.group("num"))
        if cue is None or kind == "minimum" and not at_least:
            if kind != "duration":  # no cue: a count a goals section sets
                out.append(_Figure(start, m.end(), value, unit, None, m.span("unit"), goals_only=True))
            continue
        if kind == "duration" and at_least:
            continue  # "thời hạn tối thiểu 15 ngày trước …": a rule of a procedure
        comparator = ">=" if at_least else "<=" if AT_MOST.search(cue.group()) else "="
        out.append(_Figure(start, m.end(), value, unit, comparator, m.span("unit")))
    for m in TOP.finditer(text):
        out.append(_Figure(m.start("num"), m.end("num"), float(m.group("num")), "rank", "<="))
    for m in GROUP.finditer(text):
        if GROUP_CUE.search(text, max(0, m.start() - 30), m.start()) and not RANK.match(text, m.start()):
            out.append(_Figure(m.start("num"), m.end("num"), float(m.group("num")), "nhóm", "="))
    return out


def _prose_targets(
    folded: Folded,
    o: Outline,
    table_tasks: list[Task],
    all_rows: list[tuple[int, int]],
    indicator_rows: list[tuple[int, int]],
) -> list[Target]:
    text = folded.text
    out: list[Target] = []
    figures = _figures(text)
    starts = [f.start for f in figures]
    set_sentence = -1  # the sentence of the last figure set as a target
    stated: set[tuple] = set()
    rows = [r for r in all_rows if "\t" in text[r[0] : r[1]]]
    row_starts = [r[0] for r in rows]
    read_starts = [r[0] for r in indicator_rows]
    scales = _scales(text) if figures else []
    for k, f in enumerate(figures):
        if _row_at(text, indicator_rows, read_starts, f.start):
            continue  # a table of indicators' row: its planning cells are read there, the others are results
        if any(a <= f.start < b for a, b in scales):
            continue  # a scoring scale's thresholds ("đạt 100% … cộng 05 điểm")
        sec = o.section_at(f.start)
        if sec is not None and sec.heading and sec.heading.start <= f.start < sec.heading.end and sec.start:
            # a "heading" that holds the figure is an item's wrapped line ("5G, IoT … 2 dự án"): it goes on
            # the section before it
            sec = o.section_at(sec.start - 1)
        row = _row_at(text, rows, row_starts, f.start)
        in_table = row is not None
        s_start, s_end = sentence(text, f.start)
        clause = text[s_start : f.start]
        if f.goals_only and (
            sec is None
            or sec.role != "goals"
            or PAST.search(text, max(s_start, f.start - PAST_REACH), f.start)
            or FROM.search(text, max(s_start, f.start - 12), f.start)
        ):
            continue  # a count with no cue: only a goals section sets it ("Hỗ trợ 50 doanh nghiệp …")
        if (
            not (sec is not None and sec.role == "goals" or in_table and table_tasks)
            and s_start != set_sentence  # a figure after a target in its sentence ("cắt giảm 50% X, 50% Y")
            and not _objective(text, sec, s_start, f.start, s_end)
        ):
            continue
        if (
            CONDITION.search(text, f.end, s_end)
            or IF.search(text, max(s_start, f.start - 40), f.start)
            or SCORING.search(text, f.end, min(s_end, f.end + 160))
        ):
            continue  # "… thấp dưới 30% có thể điều chỉnh mục tiêu": a condition, not a target
        set_sentence = s_start
        comparator = f.comparator or _comparator(
            text, text[max(s_start, f.start - COMPARATOR_REACH) : f.start], f.end
        )
        if row is not None:  # the year of the row's cells after the figure ("… | 01/01/2026")
            years = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text[f.end : row[1]])
            deadline = int(years[-1]) if years else None
        else:
            floor = sec.start if sec else max(0, f.start - SENTENCE_REACH)  # never back to the text's start
            item_start = max(
                text.rfind("\n-", floor, f.start),
                text.rfind("\n+", floor, f.start),
                text.rfind("\n\n", floor, f.start),
                floor,
            )
            deadline = _deadline(text, min(s_start, item_start + 1), f.start, clause, sec, f.end)
        # the words that belong to this figure: from the previous figure (in the sentence) to the next
        w_start = max(s_start, figures[k - 1].end if k else 0)
        w_end = min(s_end, starts[k + 1] if k + 1 < len(starts) else s_end)
        said = (f.value, f.unit, deadline, " ".join(text[w_start:w_end].split()))
        if said in stated:
            continue  # the same figure restated word for word (a roadmap, a table row repeating a bullet)
        stated.add(said)
        out.append(
            Target(
                text=" ".join(folded.quote(s_start, s_end).split()),
                value=int(f.value) if f.value.is_integer() else f.value,
                unit=" ".join(folded.quote(*f.printed).split()) if f.printed else f.unit,
                comparator=comparator,
                deadline=deadline,
                span=folded.span(s_start, s_end),
                area=sec.area if sec else None,
                metric=metric_of(text[w_start:w_end]) or metric_of(text[s_start:s_end]),
            )
        )
    out.sort(key=lambda t: t.span)
    return out


def _comparator(text: str, near: str, end: int) -> str:
    """ "=" for "khoảng 22%", ">=" for "tối thiểu 98%" or "85 điểm trở lên", "<=" for "không quá 5%", else "="."""
    if ABOUT.search(near):
        return "="
    if AT_LEAST.search(near) or OR_MORE.match(text, end):
        return ">="
    return "<=" if AT_MOST.search(near) else "="


CELL_REACH = 500
"""How long a wrapped cell can be: a figure further from its row's tabs is prose, not a cell."""


def _scales(text: str) -> list[tuple[int, int]]:
    """Where scoring scales stand: from a line or a cell that titles one ("HƯỚNG DẪN CHẤM ĐIỂM") to the next
    appendix title or the end of the text. Only the lines that hold a title's last words are read."""
    out = []
    annexes: list[int] | None = None
    for key in SCALE_KEYS:
        at = text.find(key)
        while at != -1:
            low = max(0, at - 80)  # a title's line or cell is short: never back to the text's start
            start = max(text.rfind("\n", low, at), text.rfind("\t", low, at), low - 1) + 1
            m = SCALE_TITLE.match(text, start)
            if m:
                if annexes is None:  # read once: a text of many scale titles stays linear
                    annexes = [a.start() for a in ANNEX_TITLE.finditer(text)]
                k = bisect_right(annexes, m.end())
                out.append((start, annexes[k] if k < len(annexes) else len(text)))
            at = text.find(key, at + 1)
    return out


def _row_at(text: str, rows: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int] | None:
    """The table row (tab-separated cells, wrapped over lines or not) that holds ``pos``, if any: a figure
    in a cell after its row's first tab, on a tabbed line or in a wrapped cell that more cells follow."""
    k = bisect_right(starts, pos) - 1
    if k < 0 or pos >= rows[k][1] or "\t" not in text[rows[k][0] : pos]:
        return None
    if "\t" in text[text.rfind("\n", rows[k][0], pos) + 1 : pos]:
        return rows[k]
    before = text.rfind("\t", max(rows[k][0], pos - CELL_REACH), pos)
    after = text.find("\t", pos, min(rows[k][1], pos + CELL_REACH))
    if before != -1 and after != -1 and "\n\n" not in text[before:after]:
        return rows[k]  # a cell wrapped over lines, between two cells of its row
    return None  # prose a row took in (a layout table around a whole letter) is not the table's


def _objective(text: str, sec: Section | None, s_start: int, pos: int, s_end: int) -> bool:
    """A figure outside a goals section is an objective when the words before it strive for it
    ("phấn đấu", "đạt"), oblige it outside any headed section ("bảo đảm", "tối thiểu"), or the sentence
    is framed by the year it aims at ("Trong năm 2025, …"); outside any headed section, a bullet that opens
    with its figure ("- 100% hồ sơ được số hóa") unless it says it is done ("100% xã đã kết nối"); never in
    a purpose, organisation, funding or findings section, and never a figure reported as reached ("đến nay
    đã đạt")."""
    if sec is not None and sec.role in ("purpose", "organization", "funding", "findings"):
        return False
    if sec is not None and sec.heading is not None and STEP.match(sec.heading.title):
        return False  # a step of a procedure says how each file is handled ("Bước 2. Tiếp nhận hồ sơ")
    near = max(s_start, pos - 60)
    unheaded = sec is None or sec.role is None
    clause = max(near - STRIVE_REACH, s_start, text.rfind(";", s_start, pos) + 1)
    aimed = (
        STRIVE.search(text, clause, pos)
        or unheaded
        and (
            COMMIT.search(text, near, pos)
            or FIGURE_LED.match(text, s_start, pos)
            and not DONE.search(text, pos, s_end)
        )
        or YEAR_FRAME.match(text, s_start)
        or _strive_list(text, s_start, pos)
        or _lead_in(text, s_start, pos)
        or CHANGE.search(text, max(s_start, pos - COMPARATOR_REACH - 10), pos)
        or COMMIT_NEAR.search(text, max(s_start, pos - COMPARATOR_REACH), pos)
    )
    return bool(aimed) and not PAST.search(text, max(s_start, pos - PAST_REACH), pos)


STRIVE_REACH = 100
"""How much further back than the other cues "phấn đấu" reaches within its clause (no ";" between): "phấn đấu Chỉ
số cải cách hành chính (PAR Index) năm 2025 xếp trong nhóm 20 tỉnh"."""


PAST_REACH = 300
"""How far before a figure the words that report it can stand ("Đến nay, … đã đạt 100%"): a sentence with
no marks is read up to SENTENCE_REACH, and every figure of it would otherwise read all of it again."""


LIST_REACH = 800
"""How far back a list of figures can have opened ("cụ thể: Phấn đấu …; …; 90% trẻ sơ sinh …")."""


def _strive_list(text: str, s_start: int, pos: int) -> bool:
    """A figure in a ";"-separated list whose first clause strives ("Phấn đấu tổng tỷ suất sinh đạt 2,1 …;
    tỷ lệ … đạt 90%; giảm 50% …") or is framed by the year it aims at ("Trong năm 2026, 100% …; …; 100% hồ
    sơ được số hóa"): the list, within one paragraph and one sentence, is objectives."""
    para = _paragraph_start(text, s_start)
    if ";" not in text[para:s_start]:
        return False
    first_clause = text.find(";", para, s_start)
    opening = para + len(text[para:first_clause]) - len(text[para:first_clause].lstrip(". \n"))
    return bool(STRIVE.search(text, para, first_clause) or YEAR_FRAME.match(text, opening, first_clause))


def _paragraph_start(text: str, s_start: int) -> int:
    """Where the list a sentence belongs to opens: the last blank line or full stop, at most LIST_REACH back."""
    floor = max(0, s_start - LIST_REACH)
    return max(floor, *(text.rfind(x, floor, s_start) for x in ("\n\n", ". ", ".\n")))


def _lead_in(text: str, s_start: int, pos: int) -> bool:
    """A figure in the list after a lead-in that names objectives ("… với các mục tiêu chính như:\nTiếp tục …;
    Chỉ số PAPI duy trì trong nhóm 2."), within one paragraph and no full stop between them; in the sub-items
    of a lead-in line ("- Phấn đấu đến năm 2030:" over "+" items, each with its full stop); or in the answer
    to a question-style heading that asks for them ("Mục tiêu của Kế hoạch là gì?"), within LIST_REACH."""
    lead = LEAD_IN.search(text, _paragraph_start(text, s_start), s_start)
    if lead and not _reported(text, lead):
        return True
    for m in LEAD_LINE.finditer(text, max(0, s_start - LIST_REACH), s_start):
        between = text[m.end() : pos]
        if "\n\n" not in between and not SAME_LEVEL.search(between) and not _reported(text, m):
            return True  # "- Phấn đấu đến năm 2030:" over "+ 100% …." and "+ Trên 80% …." items
    asked = list(QUESTION.finditer(text, max(0, s_start - LIST_REACH), s_start))
    return bool(asked) and "?" not in text[asked[-1].end() : s_start]


def _reported(text: str, lead: re.Match[str]) -> bool:
    """A lead-in that introduces results ("Kết quả thực hiện các chỉ tiêu:"), not objectives."""
    line_start = text.rfind("\n", max(0, lead.start() - 120), lead.start()) + 1
    return PAST.search(text, max(line_start, lead.start() - 120), lead.end()) is not None


def _deadline(
    text: str, s_start: int, pos: int, clause: str, sec: Section | None, end: int | None = None
) -> int | None:
    window = text[max(s_start, pos - 160) : pos]
    if UNTIL.search(text, max(s_start, pos - 40), pos):
        return None
    if EACH_YEAR.search(text, max(s_start, pos - 40), pos):
        m = PERIOD.search(window)
        return int(m.group(2)) if m else None
    own = OWN_YEAR.match(text, end) if end is not None else None
    if own:  # "đạt 40% (năm 2030) và 60% (năm 2035)": the year right after a figure is its own
        return int(own.group(1))
    w0 = max(s_start, pos - 160)
    years = [y for y in YEAR_WORDS.finditer(window) if not _baseline(text, w0 + y.start())]
    if years:
        return int(years[-1].group(1))
    m = PERIOD.search(window)
    if m:
        return int(m.group(2))
    reach = min(len(text), pos + AFTER_REACH)
    after = next((y for y in YEAR_WORDS.finditer(text, pos, reach) if not _baseline(text, y.start())), None)
    period = PERIOD.search(text, pos, reach)
    if period and (after is None or period.start() < after.start()):
        after = None  # "đạt 8%/năm trong giai đoạn 2026 - 2030": the period's end
        if not SENTENCE_END.search(text, pos, period.start()):
            return int(period.group(2))
    if after and not SENTENCE_END.search(text, pos, after.start()):
        return int(after.group(1))
    by_date = BY_DATE.search(
        text, pos, min(len(text), pos + 200)
    )  # "… trước ngày 01/01/2025": the year printed
    if by_date and not SENTENCE_END.search(text, pos, by_date.start()):
        return int(by_date.group(1))
    dates_before = list(BY_DATE.finditer(text, max(s_start, pos - 160), pos))
    if dates_before:  # "Đến ngày 01/01/2027, thời gian … không quá 10 ngày"
        return int(dates_before[-1].group(1))
    own = pos - len(clause)  # the figure's own sentence, not its item's start
    para = _paragraph_start(text, own)
    colon = text.rfind(":", para, pos)  # no colon, no label: the regex is not run
    inline = list(INLINE_YEAR_LABEL.finditer(text, para, colon + 1)) if colon != -1 else []
    if inline:  # "Trong năm 2025: cắt giảm 30% …; 100% …": the list's lead-in gives its year
        return int(inline[-1].group(1))
    opening = LIST_FRAME.match(text, para + len(text[para:own]) - len(text[para:own].lstrip(". \n")))
    if opening and ";" in text[opening.end() : own]:  # "Năm 2026, cắt giảm …; bãi bỏ …; cắt giảm 50% …"
        return int(opening.group(1))
    labels = list(
        YEAR_LABEL.finditer(text, max(sec.start if sec else 0, pos - 2000), pos)
    )  # bounded look-back
    if labels:
        return int(labels[-1].group(1))
    if sec is None:
        return None
    if sec.own_role is None and sec.heading is not None and NUMBERED_ITEM.search(text, sec.heading.end, pos):
        return None  # a numbered item after an item read as a heading: that year was the other item's words
    return sec.deadline_year


OWN_YEAR = re.compile(
    r"[ \t]*(?:\(\s*)?(?:(?:"
    + fuzzy_alternation(("vào", "trong", "đến"))
    + r")\s+)?"
    + fuzzy_pattern("năm")
    + r"\s+((?:19|20)\d{2})(?!\d)(?!\s*[-–]\s*(?:19|20)\d{2})"
)
"""A year printed right after a figure ("60% (năm 2035)", "40% vào năm 2030", "18 ca sinh/1.000 phụ nữ vào năm
2025"): that figure's own deadline, before any year further back in its sentence."""


NUMBERED_ITEM = re.compile(r"\n[ \t*_]*\d{1,2}[ \t*_]*[.)]")
AFTER_REACH = 120
"""How far after a figure its year can be printed in the same sentence ("Phấn đấu 100% … trong năm 2024")."""


def _baseline(text: str, pos: int) -> bool:
    return bool(BASELINE.search(text, max(0, pos - 20), pos))


_TH, _NAM, _QUY, _NGAY = (fuzzy_pattern(w) for w in ("tháng", "năm", "quý", "ngày"))


BY_DATE = re.compile(
    r"(?<![a-z])(?:"
    + _alt("by_date")
    + r")\s+(?:"
    + _NGAY
    + r"\s+)?(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*|\d{1,2}\s+"
    + _TH
    + r"\s+\d{1,2}\s+"
    + _NAM
    + r"\s+|(?:"
    + _TH
    + r"\s+\d{1,2}|"
    + _QUY
    + r"\s+(?:[ivx]{1,3}|[1-4]))\s*(?:/|\s"
    + _NAM
    + r")\s*)((?:19|20)\d{2})(?!\d)"
)
"""A date that gives a figure its deadline, its year printed: "trước ngày 01/01/2025", "trước ngày 06 tháng 12
năm 2025", "trong quý IV/2025", "trước tháng 6/2025"."""


YEAR_LABEL = re.compile(
    r"(?m)^[ \t\-+*]*(?:(?:"
    + _alt("lead_in")
    + r")\s+)?(?:"
    + _alt("year_label")
    + r")\s+((?:19|20)\d{2})(?:\s*:?\s*$|(?![\d/])[^.;:\n]{0,80}(?:\n[^.;:\n]{0,80})?:[ \t*_]*$)"
)
"""A line that labels the year of the items under it: alone ("Đến hết năm 2024:") or as the lead-in of a
list ("Đến hết năm 2030, phấn đấu đạt được những mục tiêu sau:", wrapped over two lines at most)."""


LIST_FRAME = re.compile(
    r"[-+•*\s]*(?:" + _alt("year_frame") + "|" + fuzzy_pattern("năm") + r")\s+((?:19|20)\d{2})\s*,"
)
"""The year a ";" list opens with ("Năm 2026, cắt giảm …; bãi bỏ …; …"): every item's deadline."""


INLINE_YEAR_LABEL = re.compile(r"(?:" + _alt("year_label") + r")\s+((?:19|20)\d{2})(?![\d/])[^.;:\n]{0,40}:")
"""A year that labels the list after its colon, inside a paragraph ("Trong năm 2025: …; …", "mục tiêu năm 2024
là: …; …")."""


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
