"""Reporting lines of a plan or a letter: "báo cáo (về) X (qua Y)" with its periods (cues and periods are data:
``layout/report_cues.csv``, ``layout/report_frequencies.csv``).

Who reports: the subject the sentence gives the work to ("Giao X", "yêu cầu X", "X chủ trì", a clause, bullet or
letter item that opens with X, a list sharing its first word, the heading of its article), else the body whose duty
section holds it, else the bodies a letter asks; a table row's lead column; the body a report was sent to "để tổng
hợp, báo cáo Y" (a relay). To whom: the body right after the verb or after "về / gửi / cho", the plan's own UBND /
HĐND / Chủ tịch by their unit word, a body the agency table does not know as printed.

A line is kept only when the text makes it a duty that recurs or is due (a period, "định kỳ", a due date in its
sentence, a report of the work's results, a report drafted for the plan's body); a one-off "báo cáo" proposal is
none. Difficulties reported by the bodies the closing names open a line ("đột xuất"); a closing "phản ánh về X để
tổng hợp, báo cáo Y" only adds "đột xuất" to a line that exists.
"""

from __future__ import annotations

import re
from functools import cache

from cancu.loaders import agency_names, cues, directives
from cancu.loaders.directives import agency_run
from cancu.loaders.fold import Folded, fold_str, fuzzy_alternation, fuzzy_alternatives, fuzzy_pattern
from cancu.loaders.issuers import Place, province_named_in
from cancu.loaders.outline import Outline
from cancu.loaders.places import is_city
from cancu.loaders.sentences import sentence
from cancu.loaders.spans import covering
from cancu.loaders.table_rows import logical_rows
from cancu.ontology.datafiles import read_rows
from cancu.ontology.record import Reporting


@cache
def _cues(kind: str) -> tuple[str, ...]:
    """The phrases of one kind of ``layout/report_cues.csv``, longest first (an alternation tries them in order)."""
    rows = [r["phrase"] for r in read_rows("layout/report_cues.csv") if r["kind"] == kind]
    return tuple(sorted(rows, key=len, reverse=True))


def _cue(kind: str) -> str:
    """The kind's phrases as one OCR-tolerant pattern source over folded text, ending at a word's end."""
    return r"(?:" + fuzzy_alternation(_cues(kind)) + r")(?![a-z])"


REPORT = re.compile(
    r"(?:"
    + "|".join(a + r"(?![a-z])" for kind in ("report", "submit") for a in fuzzy_alternatives(_cues(kind)))
    + r")(?:\s+"
    + fuzzy_pattern("về", ocr=False)
    + r")?\s+"
)
"""A report ("báo cáo UBND tỉnh", "báo cáo về Sở Nội vụ", "gửi kết quả … về X", "trình UBND tỉnh"). The
alternatives of ``_cue("report")`` and ``_cue("submit")`` in one flat alternation, each with its word end:
the same matches, and the engine skips to the cues' first letters (a nested alternation hides them)."""


def _reports(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The reports between ``start`` and ``end``, not one read "thông qua báo cáo của …" (a channel; "kết quả báo
    cáo" folds to "ket qua bao cao" and is one). Checked here, not by a look-behind, so that the pattern's literal
    first letters let the engine skip through a whole text."""
    found = REPORT.finditer(text, start, len(text) if end is None else end)
    return [
        m
        for m in found
        if text[m.start() - 4 : m.start()] != "qua " or text[m.start() - 8 : m.start()] == "ket qua "
    ]


SUBMIT = re.compile(_cue("submit"))
PURPOSE = re.compile(_cue("purpose") + r"\s+$")
PURPOSE_REACH = 30
REPORT_WORD = re.compile(_cue("report"))
DUE_DATE = re.compile(_cue("due") + r"\s+\d")
"""A one-off report with its deadline ("báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2025") is a line."""
LETTER_TYPES = ("CV", "CT", "TB", "CĐ")
"""Documents whose reporting lines come from the bodies they ask, not from an organisation section."""
PERIODIC = re.compile(_cue("periodic"))
VIA = re.compile(r"\(?\s*(?<![a-z])(?<!ket )(?<!ket\n)(?:" + fuzzy_alternation(_cues("channel")) + r")\s+")
"""A report's channel ("qua Sở Nội vụ"); "kết quả", folded "ket qua", is not one."""
OCR_SHAPES = {"tháng": r"th[a-z]{1,3}ng", "năm": r"n[a-z]{1,3}m"}
"""The two period words as the seeds' OCR prints them ("thdng", "ndm"): any letters between their first and last."""
LISTED = {
    "quý": r"(?<![a-z])quy(?=\s*(?:,|/|;|\.|\)|va\s|và\s|$))",
    "năm": r"(?:thang|quy),?\s*(?:va\s+)?n[a-z]{1,2}m(?![a-z])|\bn[aiă]m\b(?!\s+\d)",
}
"""A period named bare inside a list of periods ("hằng quý, 6 tháng và năm", "quý, năm"); "năm" with no year after it."""


def NOT_A_YEAR() -> str:  # noqa: N802 (a pattern's name)
    """ "nam" that is a name's word, not the year ("Việt Nam", "miền Nam"; "năm" and "Nam" fold alike)."""
    return "".join(rf"(?<!{fold_str(w).lower()} nam)" for w in _cues("not_year"))


def _period_pattern(phrase: str) -> str:
    """A period phrase word by word: the period word in its OCR shape, the words before it as printed (an OCR-tolerant
    "sáu" would read "khảo sát thực địa" as "6 tháng")."""
    words = phrase.split()
    return r"\s+".join(
        OCR_SHAPES[w] if k == len(words) - 1 and w in OCR_SHAPES else fuzzy_pattern(w, ocr=False)
        for k, w in enumerate(words)
    )


def _frequencies() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(period, pattern) in the order of ``layout/report_frequencies.csv``; "quý" never in "quy định" (folded alike)."""
    by_name: dict[str, list[str]] = {}
    for r in read_rows("layout/report_frequencies.csv"):
        by_name.setdefault(r["frequency"], []).append(r["phrase"])
    not_quarter = r"(?!\s+(?:" + fuzzy_alternation(_cues("not_quarter"), ocr=False) + r")(?![a-z]))"
    out = []
    for name, phrases in by_name.items():
        parts = [_period_pattern(p) + r"(?![a-z])" for p in sorted(phrases, key=len, reverse=True)]
        if name in LISTED:
            parts.append(LISTED[name] + (NOT_A_YEAR() if name == "năm" else ""))
        source = "|".join(parts)
        out.append((name, re.compile(r"(?:" + source + r")" + (not_quarter if name == "quý" else ""))))
    return tuple(out)


FREQUENCIES = _frequencies()
"""The periods a reporting line lists, each with its pattern over folded text (data: ``report_frequencies.csv``)."""


def reporting(
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
    every = _reports(text)
    reports = [m for m in every if not _in_table_row(text, m.start())]
    drafted = _drafted(text, reports)
    starts = [m.start() for m in reports]
    duty_of, senders_of = covering(duties, starts), covering(by_span, starts)
    for k, (m, duty, spanned) in enumerate(zip(reports, duty_of, senders_of, strict=True)):
        if k in drafted:
            continue  # "trình Lãnh đạo Bộ báo cáo Thủ tướng": the drafter's line goes to the last recipient
        if PURPOSE.search(text, max(0, m.start() - PURPOSE_REACH), m.start()):
            continue  # "… trình cấp có thẩm quyền thông qua để kịp báo cáo Quốc hội": a purpose, not a duty
        s_start, s_end = sentence(text, m.start())
        immediate = bool(SUBMIT.match(text, m.start()))
        recipients = _recipients(folded, m.end(), max(s_end, m.end() + 1), own, header, immediate=immediate)
        if not recipients:
            continue
        sec = o.section_at(m.start())
        closing = _closing(text, m.start())
        report_heading = (  # "III. CHẾ ĐỘ BÁO CÁO": a heading, not a sentence's start
            sec is not None
            and sec.heading is not None
            and sec.heading.end <= m.start()
            and REPORT_WORD.search(text, sec.heading.start, sec.heading.end)
        )
        subject = _sentence_subject(folded, m.start(), sec.heading.end if report_heading else 0)
        if (sec is None or sec.role != "organization") and not (duty or asked or closing or subject):
            continue  # a report no body is given: a letter's reports come from the bodies it asks (``asked``)
        if report_heading:
            s_start = max(s_start, sec.heading.end)
        via = _via(text, m.end(), s_end)
        relay, how = (None, None) if k - 1 in drafted else _relay(folded, s_start, m.start(), own, header)
        reported = how == "reported"
        window = text[s_start if reported else max(s_start, m.start() - 120) : s_end]
        freq = [name for name, rx in FREQUENCIES if rx.search(window)]
        senders = subject or spanned or duty
        senders = _printed_places(folded, senders, header.place)
        first_hop: list[tuple[str, str]] = []
        if relay and (senders or reported):
            if not reported:  # "gửi X để báo cáo Y": the senders' own line to X
                first_hop = [(s, relay) for s in senders if s != relay]
            senders = [relay]  # "… báo cáo X (qua Z) để tổng hợp, báo cáo Y", "… về X để tổng hợp, báo cáo Y"
        relayed = bool(reported and any(key[1] == relay for key in lines))
        if not (
            freq
            or relayed  # "… gửi UBND tỉnh trước ngày … để báo cáo HĐND tỉnh": the relay's line is due as its own
            or PERIODIC.search(window)
            or DUE_DATE.search(text, m.start() if how == "compiled" else s_start, s_end)
            or subject
            and cues.due_time().search(text, m.start(), min(s_end, m.start() + 160))
            or (spanned or subject)
            and RESULTS.search(text, max(s_start, m.start() - 80), min(s_end, m.end() + 80))
            or (spanned or subject)
            and _drafts_for(folded, max(s_start, m.start() - DRAFT_GAP), m.start(), own, header)
        ):
            continue  # "báo cáo" with no period and no "định kỳ": a one-off proposal, not a reporting line
        named = _named_senders(text, s_start, m.start(), own)
        if closing and not subject and not relay:
            # "… nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương báo cáo về Sở Y tế"; "1. Thủ trưởng các
            # Sở, ban, ngành; Chủ tịch UBND cấp xã … ; nếu có khó khăn, vướng mắc, kịp thời báo cáo UBND tỉnh"
            named = named or _item_subject(text, m.start(), own, ITEM_ONLY)
            senders = named or senders
        if not senders and asked:  # "… đề nghị các cơ quan, đơn vị … gửi báo cáo … về Sở Nội vụ"
            senders = (
                [n for n in named if n in asked]
                or _item_subject(text, m.start(), own)
                or ([a for a in asked if a != own] if _asks(text, m.start()) else [])
            )
        escalation = closing and set(freq) <= {"đột xuất"} and not (named and senders == named or reported)
        hops = first_hop + [(s, r) for s in senders for r in recipients]
        for sender, recipient in hops:
            if sender == recipient or recipient == via or _residual(sender):
                continue
            key = (sender, recipient)
            if escalation and key not in lines:
                continue  # "nếu có khó khăn … phản ánh về X để tổng hợp, báo cáo Y": adds "đột xuất", opens no line
            rep = lines.setdefault(
                key, Reporting(from_=sender, to=recipient, via=via, span=folded.span(s_start, s_end))
            )
            rep.via = rep.via or via
            rep.frequency = [f for f, _ in FREQUENCIES if f in set(rep.frequency) | set(freq)]
        if escalation and not named and how is None and "đột xuất" in freq:
            # "Nếu có khó khăn, vướng mắc …, các đơn vị báo cáo UBND huyện": every line to that body is also ad hoc
            for rep in lines.values():
                if rep.to in recipients and "đột xuất" not in rep.frequency:
                    rep.frequency = [f for f, _ in FREQUENCIES if f in {*rep.frequency, "đột xuất"}]
    in_tables = "\t" in text and (len(every) > len(reports) or bool(TABLE_RECIPIENT.search(text)))
    for sender, recipient, freq, span in _table_lines(folded, own, header) if in_tables else ():
        rep = lines.setdefault((sender, recipient), Reporting(from_=sender, to=recipient, span=span))
        rep.frequency = [f for f, _ in FREQUENCIES if f in set(rep.frequency) | set(freq)]
    return list(lines.values())


NUMBER_HEADERS = ("stt", "tt", "so tt")
"""The header of a task table's number column (its rows start at their number)."""
LEAD_HEADER = re.compile(fuzzy_pattern("chủ trì") + r"(?![a-z])")
ROW_NUMBER = re.compile(r"\s*\d{1,3}\s*[.)]?\s*$")


def _table_lines(
    folded: Folded, own: str | None, header
) -> list[tuple[str, str, list[str], tuple[int, int]]]:
    """Reports inside the rows of a table ("3 | Tham mưu UBND Thành phố báo cáo Bộ Tài chính tình hình thực hiện Đề
    án. | Sở Tài chính | … | Hằng năm."; "… | Các sở, ngành, UBND xã, phường | Sở Tài chính | Thường xuyên, định kỳ
    hằng quý báo cáo về Sở Tài chính"): sent by the bodies of the row's lead column ("Cơ quan chủ trì", "Đơn vị báo
    cáo"), with the periods its cells state; a table with a recipients' column ("Cơ quan nhận báo cáo", "Báo cáo
    về") gives each row's line to the body that column names. A "Báo cáo" product cell names no recipient."""
    text = folded.text
    out = []
    lead_col: int | None = None
    to_col: int | None = None
    for start, end in logical_rows(text):
        cells = _cells(text, start, end)
        names = [text[a:b].strip(" .*_:") for a, b in cells]
        lead = next((k for k, n in enumerate(names) if LEAD_HEADER.search(n)), None)
        if lead is None:
            lead = next((k for k, n in enumerate(names) if TABLE_SENDER.fullmatch(n)), None)
        if lead is not None:  # a header row: where the lead and recipients' columns stand
            first = next((k for k, n in enumerate(names[:3]) if n in NUMBER_HEADERS), None)
            to = next((k for k, n in enumerate(names) if TABLE_RECIPIENT.fullmatch(n)), None)
            lead_col = lead - first if first is not None else None
            to_col = to - first if first is not None and to is not None else None
            continue
        if lead_col is None or not cells or not ROW_NUMBER.match(text, cells[0][0], cells[0][1]):
            continue
        if lead_col >= len(cells) or not (to_col is not None or REPORT_WORD.search(text, start, end)):
            continue
        senders = [
            n
            for n in agency_names.split_cell(folded.quote(*cells[lead_col]).replace("|", " "), own)
            if n != own and not _residual(n) and re.search(r"\w\w", n)
        ]
        row_freq = [name for name, rx in FREQUENCIES if rx.search(text, start, end)]
        span = folded.span(start, end)
        if to_col is not None and to_col < len(cells):
            a, b = cells[to_col]
            a = SPACES.match(text, a).end()
            recipients = _recipients(folded, a, b, own, header)
            out += [(s, r, row_freq, span) for s in senders for r in recipients if s != r]
            continue
        for k, (a, b) in enumerate(cells):
            if k == lead_col:
                continue
            for m in _reports(text, a, b):
                recipients = _recipients(folded, m.end(), b, own, header)
                if recipients and (row_freq or DUE_DATE.search(text, a, b) or PERIODIC.search(text, a, b)):
                    out += [(s, r, row_freq, span) for s in senders for r in recipients if s != r]
    return out


SPACES = re.compile(r"[\s*_]*")
TABLE_SENDER = re.compile(r"(?:" + _cue("table_sender") + r")")
TABLE_RECIPIENT = re.compile(r"(?:" + _cue("table_recipient") + r")")
"""The headers of a reporting table's columns ("Đơn vị báo cáo", "Cơ quan nhận báo cáo"), whole cells."""


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) of each tab-separated cell of a row, empty cells (a merged or masked "|" column) left out."""
    out, pos = [], start
    for cut in [*(i for i in range(start, end) if text[i] == "\t"), end]:
        if text[pos:cut].strip():
            out.append((pos, cut))
        pos = cut + 1
    return out


OBJECT_LEAD = re.compile(
    r"(?:" + fuzzy_alternation((*_cues("recipient"), "với", "của", "qua", "đến")) + r")\s+(?:[*_]+\s*)?$"
)
"""The word before a body that is an object, not who reports ("phản ánh về Sở …", "phối hợp với …")."""


def _named_senders(text: str, start: int, end: int, own: str | None) -> list[str]:
    """The bodies a sentence names before its report as its subjects ("… nếu có khó khăn, vướng mắc, các cơ quan,
    đơn vị, địa phương báo cáo về Sở Y tế"): not the plan's own body, a residual group, or a body after "về",
    "với" ("kịp thời phản ánh về Sở Nông nghiệp và Môi trường tổng hợp, báo cáo …")."""
    out = []
    for name, s, _ in agency_names.find_in(text, start, end):
        if name == own or _residual(name) or OBJECT_LEAD.search(text, max(start, s - 12), s):
            continue
        if name not in out:
            out.append(name)
    return out


PLACED_UBND = re.compile(r"UBND (tỉnh|thành phố) (.+)")


def _printed_places(folded: Folded, names: list[str], place: Place) -> list[str]:
    """Bodies named with a province the text never prints are the plan's own ("Giao Ủy ban nhân dân Thành phố
    hướng dẫn …" in a Hà Nội resolution: its UBND, not a province read into "hướng dẫn")."""
    out = []
    for name in names:
        m = PLACED_UBND.fullmatch(name)
        if m and fold_str(m.group(2)).lower() not in folded.text:
            name = _own_unit("UBND", fold_str(m.group(1)).lower(), place) or ""
        if name and name not in out:
            out.append(name)
    return out


def _in_table_row(text: str, pos: int) -> bool:
    """ "Báo cáo" in a table row is a product, not a reporting duty."""
    line_start, line_end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    return "\t" in text[line_start : line_end if line_end != -1 else len(text)]


def _via(text: str, start: int, end: int) -> str | None:
    """The body a report goes through: "(qua Sở Nội vụ)", "thông qua Sở Khoa học và Công nghệ"."""
    via_m = VIA.search(text, start, end + 1)
    if not via_m:
        return None
    names = agency_names.find_in(text, via_m.end(), via_m.end() + 40)
    return names[0][0] if names else None


DRAFT_GAP = 80
"""How far a submission's recipient may run before the report it drafts ("trình Lãnh đạo Bộ báo cáo …")."""


DRAFTS = re.compile(_cue("drafting") + r"\s+")


def _drafts_for(folded: Folded, start: int, pos: int, own: str | None, header) -> bool:
    """Whether the report at ``pos`` is drafted for another body that signs it ("Sở Tài chính … tham mưu Ủy ban nhân
    dân Thành phố báo cáo Chính phủ và Bộ Tài chính"): the plan's body reporting upward, a line with no period."""
    text = folded.text
    for m in DRAFTS.finditer(text, start, pos):
        between = text[m.end() : pos]
        if not re.search(r"[,;.:]", between) and _recipient(folded, m.end(), own, header):
            return True
    return False


def _drafted(text: str, reports: list[re.Match[str]]) -> set[int]:
    """The submissions to a body's own leaders that only draft the next report ("… tổng hợp kết quả, trình Lãnh
    đạo Bộ báo cáo Thủ tướng Chính phủ hằng tháng"): the drafter reports to the last recipient. A submission to
    another body is a line of its own ("trình UBND huyện báo cáo Sở Nội vụ": the Phòng to the UBND, seed 003)."""
    out = set()
    for k, (m, nxt) in enumerate(zip(reports, reports[1:], strict=False)):
        gap = text[m.end() : nxt.start()]
        if (
            SUBMIT.match(text, m.start())
            and len(gap) <= DRAFT_GAP
            and not re.search(r"[,;:.]|\n\s*\n", gap)
            and LEADERSHIP.match(text, m.end())
        ):
            out.add(k)
    return out


def _residual(name: str) -> bool:
    """A residual group that names no body ("Đơn vị có liên quan"): never a reporting line's end (corpus fx rule 5)."""
    return bool(OPEN_SET.search(fold_str(name).lower()))


OPEN_SET = re.compile(fuzzy_pattern("liên quan"))


def _asks(text: str, pos: int) -> bool:
    """Whether the paragraph of a letter's report asks its bodies ("… đề nghị bộ, ngành, địa phương khẩn trương tổng
    hợp … và gửi về Bộ Nội vụ trước ngày 26/11/2025"): only then is the report asked of every body the letter asks;
    an item that gives it to a body the agency table does not know ("3. … giao Tập đoàn … , báo cáo Thủ tướng") is
    nobody's line rather than a guessed one."""
    floor = max(0, pos - SUBJECT_REACH)
    start = max(text.rfind("\n\n", floor, pos) + 1, floor)
    return bool(directives.ASKS.search(text, start, pos))


ITEM_REACH = 3000
ITEM = re.compile(r"(?m)^[ \t*_]*\d{1,2}(?:\.\d{1,2})*[ \t]*[.)][ \t*_]*(?=\S)")
"""A numbered item of a letter ("3. Bộ trưởng Bộ Tài chính …", "3.2. …")."""
LEAD_IN = re.compile(r"(?m)^[^\n]{0,400}:[ \t*_]*$")
"""A line that leads in the items under it ("… chỉ đạo Bộ trưởng Bộ Tài chính … thực hiện một số nhiệm vụ sau:")."""
SUB_ITEM = re.compile(r"[ \t*_]*\d{1,2}\.\d")


ITEM_ONLY = ("item",)


def _item_subject(
    text: str, pos: int, own: str | None, kinds: tuple[str, ...] = ("item", "lead")
) -> list[str]:
    """The bodies a letter's item opens with, for a report inside it ("3. Bộ Tài chính … ; báo cáo Thủ tướng Chính
    phủ trước ngày 30/11/2025"), or the bodies of the lead-in line over its bullets ("… chỉ đạo Bộ trưởng Bộ Tài
    chính … thực hiện một số nhiệm vụ sau:"): those bodies, not every body the letter asks. A sub-item ("3.1.")
    names none of its own: the nearest item that names one."""
    floor = max(0, pos - ITEM_REACH)
    marks = [(m.start(), m.end(), "item") for m in ITEM.finditer(text, floor, pos)]
    if "lead" in kinds:
        marks += [(m.start(), m.end(), "lead") for m in LEAD_IN.finditer(text, floor, pos)]
    for start, end, kind in sorted(marks, reverse=True):
        if kind == "lead":
            names = _named_senders(text, start, end, own)
            if names:
                return names
            continue
        names = agency_run(text, end, min(pos, end + 160))
        if names:
            return names
        if not SUB_ITEM.match(text, start):
            return []  # a top-level item that names no body: the report is asked of every addressee
    return []


RESULTS = re.compile(_cue("results"))
"""A duty section's report of the work's results ("báo cáo kết quả thực hiện về Sở Nội vụ"): a line even when no
period is printed."""
SUBJECT_REACH = 1500
SUBJECT_END = (". ", ".\n", "\n\n", ":\n")


def _sentence_subject(folded: Folded, pos: int, floor: int = 0) -> list[str]:
    """The bodies a directive's sentence gives its work to, when the report at ``pos`` closes that work:
    "X chủ trì, phối hợp với … ; báo cáo Y", "Giao X … , báo cáo Y", "… yêu cầu X … ; báo cáo Y" (X, not
    the partners); "… yêu cầu các đơn vị triển khai, báo cáo …": the letter's addressees."""
    text = folded.text
    floor = max(floor, pos - SUBJECT_REACH)
    start = max(max(text.rfind(x, floor, pos) for x in SUBJECT_END) + 1, floor)
    gives = [*directives.GIVES.finditer(text, start, pos), *directives.ASKS.finditer(text, start, pos)]
    for given in sorted(gives, key=lambda g: g.start()):
        # "Giao X …", "UBND Thành phố yêu cầu các Sở, ban, ngành, UBND phường, xã …"; not "bàn giao", "đã giao theo"
        names = directives.addressees(folded, 0, given.start()) if ADDRESSED.match(text, given.end()) else []
        names = names or directives.shared_list(
            folded, given.end(), pos
        )  # "yêu cầu các Bộ: Xây dựng; Tư pháp …"
        names = names or agency_run(text, given.end(), min(pos, given.end() + 160))
        if names:
            return [n for n in names if not _residual(n)]
    led = directives.LEADS.search(text, start, pos)
    for begin in directives.subject_starts(text, start, led.start()) if led else ():
        names = agency_run(text, begin, led.start())
        if names:
            return names[:1]
    return _clause_subject(folded, pos, floor) or _article_subject(text, pos)


ARTICLE = re.compile(r"(?m)^[ \t*_]*" + fuzzy_pattern("điều") + r"\s*\d{1,3}\s*[.:]\s*")
"""An article's heading ("Điều 16. Trách nhiệm của các cơ quan, đơn vị")."""
DUTY_OF = re.compile(fuzzy_pattern("trách nhiệm của") + r"\s+")
ARTICLE_REACH = 3000


def _article_subject(text: str, pos: int) -> list[str]:
    """The bodies an article's heading gives its numbered duties to, for a report in one of them ("Điều 16.
    Trách nhiệm của các cơ quan, đơn vị … 3. Kịp thời báo cáo … về Sở Khoa học và Công nghệ"; "Điều 13. Văn
    phòng HĐND và UBND huyện có trách nhiệm: 1. … báo cáo Chủ tịch UBND huyện …"), when no item between names
    a body of its own."""
    floor = max(0, pos - ARTICLE_REACH)
    articles = list(ARTICLE.finditer(text, floor, pos))
    if not articles:
        return []
    article = articles[-1]
    for item in ITEM.finditer(text, article.end(), pos):
        if agency_run(text, item.end(), min(pos, item.end() + 160)):
            return []  # an item that names its own body: the article's heading is not its subject
    line_end = text.find("\n\n", article.end(), pos)
    end = line_end if line_end != -1 else min(pos, article.end() + 200)
    duty_of = DUTY_OF.search(text, article.end(), end)
    start = duty_of.end() if duty_of else article.end()
    return [n for n in agency_run(text, start, end) if not _residual(n)]


CLAUSE_MARKS = (". ", ".\n", ":", ";", "\n\n", "\n-", "\n+")
CLAUSE_OPENING = re.compile(r"[\s*_\-+•]*(?:\d{1,2}(?:\.\d{1,2})*[.)][\s*_]*|[a-zđ][.)][\s*_]*)?")
"""What may stand before a clause's first word: spaces, emphasis, an item mark or number ("2. ", "b) ", "- ")."""
CONDITION = re.compile(r"(?:" + _cue("opener") + r"(?:(?!\n\s*\n)[^,.;:]){0,80},\s*)?")
"""A condition before a clause's subject ("Trường hợp còn thiếu, Tỉnh tổng hợp nhu cầu, báo cáo Bộ Tài chính")."""
COMMA = re.compile(r",\s*")
OPENER_REACH = 120
"""How far after an opener's first comma its clause's subject may stand ("Định kỳ 6 tháng, năm, các sở …")."""


def _clause_subject(folded: Folded, pos: int, floor: int = 0) -> list[str]:
    """The bodies a clause opens with, when they are its subject ("2. Về dự án …: Bộ Xây dựng khẩn trương rà soát
    …, báo cáo Thủ tướng Chính phủ …"; "- Sở Tài chính định kỳ hằng quý tổng hợp báo cáo UBND Thành phố"; "8. Các
    Bộ, cơ quan: Tài chính, Xây dựng, … rà soát …"; "Tỉnh tổng hợp nhu cầu, báo cáo Bộ Tài chính" in a notice to
    one province): names at the clause's start, not a heading naming a body alone."""
    text = folded.text
    floor = max(floor, pos - SUBJECT_REACH)
    start = max(max(text.rfind(x, floor, pos) for x in CLAUSE_MARKS) + 1, floor)
    label = max(max(text.rfind(x, floor, start - 1) for x in CLAUSE_MARKS if x != ":") + 1, floor)
    label = CLAUSE_OPENING.match(
        text, label
    ).end()  # "8. Các Bộ, cơ quan: Tài chính, …": the list over its colon
    start = CLAUSE_OPENING.match(text, start).end()
    opened = CONDITION.match(text, start)
    start = opened.end()  # "Trường hợp còn thiếu, Tỉnh tổng hợp …"
    names = (
        directives.shared_list(folded, label, pos)
        or directives.shared_list(folded, start, pos)
        or agency_run(text, start, min(pos, start + 160))
    )
    if not names and opened.end() > opened.start():  # "Định kỳ 6 tháng, năm, các sở, ban, ngành báo cáo …"
        for comma in COMMA.finditer(text, start, min(pos, start + OPENER_REACH)):
            names = agency_run(text, comma.end(), min(pos, comma.end() + 160))
            if names:
                break
    if not names and directives.BARE_PROVINCE.match(folded.quote(start, min(pos, start + 12))):
        province = province_named_in(folded, named=True)
        names = [f"UBND {Place(province=province).unit_name()}"] if province else []
    return [n for n in names if not _residual(n)]


ADDRESSED = re.compile(
    r"(?:"
    + fuzzy_alternation(
        tuple(r["phrase"] for r in read_rows("layout/directive_cues.csv") if r["kind"] == "addressed")
    )
    + r")(?![a-z])"
)
"""The bodies asked named by a phrase that stands for a letter's addressees ("yêu cầu các đơn vị …")."""


IN_ORDER_TO = re.compile(r"(?<![a-z])(?:" + fuzzy_pattern("để") + r")\s+$")
TO_COMPILE = re.compile(r"(?:" + fuzzy_pattern("để") + r")\s+(?:" + fuzzy_alternation(("tổng hợp",)) + r")")


def _relay(folded: Folded, s_start: int, pos: int, own: str | None, header) -> tuple[str | None, str | None]:
    """Who passes a report on, and how it came to that body: "reported", the recipient of an earlier report in
    the same sentence ("báo cáo X … báo cáo Y"); "compiled", the body it goes to "để tổng hợp" ("gửi về X để
    tổng hợp, báo cáo Y", "phản ánh về X tổng hợp, báo cáo Y"; when the sentence names none, the plan's own
    UBND). A body that itself "tổng hợp, báo cáo Y" relays nothing, nor does an earlier report with no
    recipient ("gửi báo cáo A và báo cáo B về X")."""
    text = folded.text
    earlier = next(
        (
            r
            for r in _reports(text, s_start, pos)
            if not SUBMIT.match(text, r.start()) or _recipient(folded, r.end(), own, header)
        ),
        None,
    )  # not "công trình", "chương trình": a submission names its recipient at once
    if earlier is not None:
        found = _recipients(folded, earlier.end(), pos, own, header)
        return (found[0] if found else None), "reported"
    for lead in RECIPIENT_LEAD.finditer(text, s_start, pos):
        after = COMPILES.search(text, lead.end(), min(pos, lead.end() + COMPILER_REACH))
        if after and not re.search(r"[,;.:]", text[lead.end() : after.start()]):
            name = _recipient(folded, lead.end(), own, header)
            if name:
                return name, "compiled"  # "phản ánh về Sở Y tế tổng hợp, báo cáo …"
    compile_ = TO_COMPILE.search(text, s_start, pos) or IN_ORDER_TO.search(text, max(s_start, pos - 6), pos)
    if compile_ is None:
        return None, None  # "gửi UBND tỉnh để báo cáo HĐND tỉnh": the body it goes to reports on
    found = _recipients(folded, s_start, compile_.start(), own, header)
    if found:
        return found[0], "compiled"
    issuer = header.info.issuer
    return (issuer if issuer and "UBND" in issuer else None), "compiled"


COMPILES = re.compile(r"(?:" + fuzzy_pattern("để") + r"\s+)?" + fuzzy_pattern("tổng hợp") + r"(?![a-z])")
COMPILER_REACH = 90
"""How far after "về" the words "(để) tổng hợp" may stand for the body named there to be the one compiling."""


RECIPIENT_LEAD = re.compile(r"(?:^|\s)(?:" + "|".join(fuzzy_pattern(w) for w in _cues("recipient")) + r")\s+")


def _recipients(
    folded: Folded, start: int, end: int, own: str | None, header, *, immediate: bool = False
) -> list[str]:
    """Who receives a report: right after "báo cáo", or after "về / gửi" in the same sentence (not after
    "trình", whose recipient follows it at once: "chương trình", "quy trình" name no one)."""
    text = folded.text
    coverbs = COVERBS.match(text, start)
    if coverbs and not immediate:  # "báo cáo và tham mưu UBND thành phố", "báo cáo, đề xuất UBND tỉnh"
        start = coverbs.end()
    first = _recipient(folded, start, own, header)
    if first:
        return _more(folded, start, end, first, own, header)
    if immediate:
        return []
    if folded.quote(
        start, start + 1
    ).isupper():  # "báo cáo Tỉnh ủy, Hội đồng nhân dân tỉnh": a list whose first
        listed = _more(folded, start, end, "", own, header)[1:]  # body the agency table does not know
        if listed:
            return listed
    for m in RECIPIENT_LEAD.finditer(text, start, end):
        found = _recipient(folded, m.end(), own, header)
        if found:
            return _more(folded, m.end(), end, found, own, header)
    return []


COVERBS = re.compile(r"(?:\s*(?:,|" + fuzzy_pattern("và") + r")\s*" + _cue("coverb") + r")+\s+")
"""Verbs coordinated with "báo cáo" before its recipient ("kịp thời phát hiện, báo cáo và tham mưu UBND thành phố")."""
SEPARATOR = re.compile(r",\s*|\s+" + fuzzy_pattern("và", ocr=False) + r"\s+|\n\s*\n|[;()]")
"""What stands between two recipients of one list ("gửi UBND tỉnh, Sở Nội vụ", "báo cáo Chính phủ và Bộ Tài chính");
a blank line, ";" or a bracket ends the list."""
MORE_REACH = 45
"""How far after one recipient's first word the next may start (the first one's name between them)."""
MORE_COUNT = 4


def _more(folded: Folded, start: int, end: int, first: str, own, header) -> list[str]:
    """A list of recipients: "gửi UBND tỉnh, Sở Nội vụ", "báo cáo Chính phủ và Bộ Tài chính"; a leader of a body
    already listed ("UBND tỉnh, Chủ tịch UBND tỉnh") is that body. A separator inside a name ("Sở Khoa học và Công
    nghệ") is passed over: the next recipient starts right after a separator, within reach of the last one."""
    text = folded.text
    out = [first]
    pos = start
    while len(out) <= MORE_COUNT:
        for sep in SEPARATOR.finditer(text, pos, min(end, pos + MORE_REACH)):
            if sep.group().strip() in (";", "(", ")") or "\n\n" in sep.group().replace(" ", ""):
                return out
            nxt = _recipient(folded, sep.end(), own, header)
            if nxt:
                if nxt not in out and nxt.removeprefix(CHAIR) not in out:
                    out.append(nxt)
                pos = sep.end()
                break
        else:
            return out
    return out


CLOSING = re.compile(_cue("closing"))
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
    + fuzzy_alternation(("thành phố", "thị xã", "quận", "phường", "tỉnh", "huyện", "xã"), ocr=False)
    + r")(?![a-z])"
)
CHAIR = "Chủ tịch "
CHAIR_OF = re.compile(
    fuzzy_pattern("chủ tịch") + r"\s+(?=" + fuzzy_alternation(("ủy ban nhân dân", "ubnd")) + ")"
)
"""A report to the chair of a UBND ("báo cáo Chủ tịch UBND tỉnh (qua Sở Nội vụ)"; corpus/notes/jx.md rule 5)."""
PRINTED_UNITS = {"tinh": "tỉnh", "huyen": "huyện", "xa": "xã", "thanh pho": "thành phố", "phuong": "phường"}
DISTRICT_WORDS = ("huyen", "quan", "thi xa")
COMMUNE_WORDS = ("xa", "phuong", "thi tran")


@cache
def _recipient_bodies() -> dict[str, str]:
    """Folded phrase -> name of the bodies ``report_cues.csv`` lists as recipients only ("Chính phủ")."""
    return {fold_str(p).lower(): p for p in _cues("recipient_body")}


RECIPIENT_BODY = re.compile(r"(?:" + fuzzy_alternation(_cues("recipient_body"), ocr=False) + r")(?![a-z])")


def _recipient(folded: Folded, pos: int, own: str | None, header) -> str | None:
    """The body a report goes to: "UBND huyện" is the plan's own district (or its parent's), and
    so on up; a unit the plan's place does not name gives no recipient rather than a wrong one."""
    text = folded.text
    place = header.place
    chair = CHAIR_OF.match(text, pos)
    if (
        chair
    ):  # "báo cáo Chủ tịch UBND tỉnh": the chair of the plan's own UBND, printed bare when no place is known
        m = UBND_UNIT.match(text, chair.end())
        unit = fold_str(m.group(1) or "").lower().strip() if m else ""
        if m and unit:
            body = _own_unit("UBND", unit, place)
            return CHAIR + (body or f"UBND {PRINTED_UNITS.get(unit, unit)}")
        return None
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
        return None if _residual(names[0][0]) else names[0][0]
    body = RECIPIENT_BODY.match(text, pos)
    if body:  # "báo cáo Chính phủ, Thủ tướng Chính phủ": a body that only ever receives
        return _recipient_bodies()[fold_str(body.group()).lower()]
    if LEADERSHIP.match(text[pos : pos + 20]) and header.info.issuer:
        return header.info.issuer
    return _printed_recipient(folded, pos)


PRINTED_REACH = 120
"""The longest printed name read as a recipient the agency table does not know."""


def _printed_recipient(folded: Folded, pos: int) -> str | None:
    """A recipient the agency table does not know, as printed, when it opens with a body's first word spelt out and
    capitalised ("báo cáo kết quả … về Cục Cảnh sát Quản lý hành chính về trật tự xã hội - Cơ quan thường trực …"):
    its words up to a mark or a word that ends a name ("trước ngày", "để tổng hợp", "hằng tháng")."""
    text = folded.text
    end = min(len(text), pos + PRINTED_REACH)
    if not folded.quote(pos, end).startswith(cues.printed_heads()):
        return None
    stop = NAME_END.search(text, pos, end)
    name = " ".join(folded.quote(pos, stop.start() if stop else end).split()).strip(" *_")
    words = name.split()
    if not 2 <= len(words) <= MAX_NAME_WORDS or not all(w[:1].isupper() or w.islower() for w in words):
        return None
    return name


MAX_NAME_WORDS = 12
NAME_END = re.compile(
    r"\s+[-–]\s|[,;:.()]\s|[,;:()*_]|\n\s*\n|\s(?:"
    + fuzzy_alternation(_cues("name_end"), ocr=False)
    + r")(?![a-z])"
)
"""Where a printed name ends: a dash between words, a mark, or a word no name of a body holds."""


def _own_unit(head: str, unit: str, place: Place) -> str | None:
    """ "UBND huyện" / "HĐND tỉnh" named in a plan: that body of the plan's own unit (or its parent's),
    None when the plan's place does not name that unit."""
    if unit in DISTRICT_WORDS:
        return f"{head} {place.district_word} {place.district}" if place.district else None
    if unit in COMMUNE_WORDS:
        return f"{head} {place.commune_word} {place.commune}" if place.commune else None
    return f"{head} {Place(province=place.province).unit_name()}" if place.province else None
