"""Reporting lines of a plan: "báo cáo (về) X (qua Y)" with its periods, from the body whose duties hold the
sentence, the subject a directive's sentence gives its work to, or the bodies a letter asks.

A line is kept only when the text makes it a duty that recurs or is due (a period, "định kỳ", a due date,
a duty section's "báo cáo kết quả thực hiện"); a one-off "báo cáo" proposal is none, and the closing
"nếu có khó khăn, vướng mắc … báo cáo" only adds "đột xuất" to a line that exists.
"""

from __future__ import annotations

import re

from cancu.loaders import agency_names, cues, directives
from cancu.loaders.directives import agency_run
from cancu.loaders.fold import Folded, fold_str, fuzzy_alternation, fuzzy_pattern
from cancu.loaders.issuers import Place
from cancu.loaders.outline import Outline
from cancu.loaders.places import is_city
from cancu.loaders.sentences import sentence
from cancu.loaders.spans import covering
from cancu.ontology.record import Reporting

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
    (
        "quý",  # "hằng quý", "quý, 6 tháng và năm"; not "quy định", "quy phạm" (folded alike), not "quý I/2026"
        re.compile(
            r"(?:(?:hang|hàng|hiang|moi|mỗi|theo|tung|từng|ky|kỳ)\s+(?:quy|quý)(?![a-z])"
            r"|(?<![a-z])(?:quy|quý)(?=\s*(?:,|/|;|\.|\)|va\s|và\s|$)))"
        ),
    ),
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
    reports = list(REPORT.finditer(text))
    starts = [m.start() for m in reports]
    duty_of, senders_of = covering(duties, starts), covering(by_span, starts)
    for m, duty, spanned in zip(reports, duty_of, senders_of, strict=True):
        sec = o.section_at(m.start())
        subject: list[str] = []
        if (
            (sec is None or sec.role != "organization")
            and not duty
            and not asked
            and not _closing(text, m.start())
        ):
            subject = _sentence_subject(text, m.start())
            if not subject:
                continue  # a letter's reports come from the bodies it asks (``asked``), wherever they stand
        line_start, line_end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.start())
        if "\t" in text[line_start : line_end if line_end != -1 else len(text)]:
            continue  # "Báo cáo" in a table is a product, not a reporting duty
        s_start, s_end = sentence(text, m.start())
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
        if not (spanned or duty or subject):
            subject = _sentence_subject(text, m.start())
        senders = spanned or duty or subject
        relay = _relay(folded, s_start, m.start(), own, header)
        first_hop: list[tuple[str, str]] = []
        if senders and relay:
            if (
                REPORT.search(text, s_start, m.start()) is None
            ):  # "gửi X để báo cáo Y": the senders' own line to X
                first_hop = [(s, relay) for s in senders if s != relay]
            senders = [relay]  # "… báo cáo X (qua Z) để tổng hợp, báo cáo Y", "… về X để tổng hợp, báo cáo Y"
        if (
            not freq
            and not PERIODIC.search(window)
            and not DUE_DATE.search(text, m.start(), s_end)
            and not (subject and cues.due_time().search(text, m.start(), min(s_end, m.start() + 160)))
            and not (spanned and RESULTS.search(text, m.end(), min(s_end, m.end() + 80)))
        ):
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


RESULTS = re.compile(
    fuzzy_alternation(
        ("kết quả thực hiện", "kết quả triển khai", "tình hình thực hiện", "tình hình triển khai")
    )
)
"""A duty section's report of the work's results ("báo cáo kết quả thực hiện về Sở Nội vụ"): a line even when no
period is printed."""
SUBJECT_REACH = 1500
SUBJECT_END = (". ", ".\n", "\n\n", ":\n")


def _sentence_subject(text: str, pos: int) -> list[str]:
    """The bodies a directive's sentence gives its work to, when the report at ``pos`` closes that work:
    "X chủ trì, phối hợp với … ; báo cáo Y", "Giao X … , báo cáo Y", "… yêu cầu X … ; báo cáo Y" (X, not
    the partners)."""
    floor = max(0, pos - SUBJECT_REACH)
    start = max(max(text.rfind(x, floor, pos) for x in SUBJECT_END) + 1, floor)
    given = directives.GIVES.search(text, start, pos) or directives.ASKS.search(text, start, pos)
    if (
        given
    ):  # "Giao X …", "UBND Thành phố yêu cầu các Sở, ban, ngành, UBND phường, xã … ; định kỳ … báo cáo Y"
        return agency_run(text, given.end(), min(pos, given.end() + 160))
    led = directives.LEADS.search(text, start, pos)
    for begin in directives.subject_starts(text, start, led.start()) if led else ():
        names = agency_run(text, begin, led.start())
        if names:
            return names[:1]
    return []


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
