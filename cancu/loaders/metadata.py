"""The document block: number, type, issuer, jurisdiction, level, date,
title, period and signer, from the header, the place-and-date line, the
title lines and the signature block. What the text does not say stays None
with a warning; nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache

from cancu.loaders import agency_names, cues, masthead
from cancu.loaders.citations import parse_date
from cancu.loaders.codes import LABELLED_NUMBER, STATE_NUMBER, Number, parse_state
from cancu.loaders.fold import Folded, fold_str, fuzzy_alternation, fuzzy_pattern
from cancu.loaders.issuers import (
    Issuer,
    Place,
    _canonical,
    bare_province,
    issuer_from_code,
    province_named_in,
    read_issuer_at,
    read_place,
)
from cancu.loaders.page_metadata import read_page_metadata
from cancu.loaders.places import (
    UNIT_RE,
    match_province,
    printed_name,
    province_of_unit,
    reform_day,
)
from cancu.loaders.self_reference import annex_of, self_reference, unnumbered_act
from cancu.loaders.similarity import similarity
from cancu.ontology.datafiles import read_rows
from cancu.ontology.ids import document_id, jurisdiction_id
from cancu.ontology.record import DocumentInfo, Signer
from cancu.ontology.units import unit_id

HEADER_LIMIT = 1500
SO_LABEL = re.compile(r"(?:" + fuzzy_alternation(("số",)) + r")\s*[:.]\s*")
PLACE_DATE = re.compile(
    r"(?P<place>[a-z&][a-z&]*(?:[ \t]+[a-z&]+){0,4})?[ \t]*,\s*ng[a-z0-9&]{1,3}\s+(?P<d>\d{1,2})\s*(?:"
    r"th[a-z0-9&]{2,4}\s+(?P<m>\d{1,2})\s+n[a-z0-9&]{1,3}\s+(?P<y>(?:19|20)\d{2})"
    r"|[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>(?:19|20)\d{2}))"
)
"""The place-and-date line: "Hà Giang, ngày 05 tháng 9 năm 2023" or "…, ngày 05/9/2023"."""
MAKES_PLAN = re.compile(
    r"(?:" + fuzzy_alternation(("xây dựng", "ban hành")) + r")\s+" + fuzzy_pattern("kế hoạch")
)
YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
UNTIL_YEAR = re.compile(fuzzy_pattern("đến năm") + r"\s+((?:19|20)\d{2})")
NOI_NHAN = re.compile(r"(?:" + fuzzy_alternation(("nơi nhận",)) + r")\s*:?")
NAME_CUT = re.compile(r"[.;:,)\]]\s*")
PERSON = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+$")
DEPT_LINE = re.compile(
    r"(?m)(?:^|(?<=\s\s)|(?<=\n))(?P<kind>" + fuzzy_pattern("sở") + "|" + fuzzy_pattern("ban") + r")\s+"
    r"(?P<name>[a-z&][a-z& ,\-]{1,60}(?:\n[a-z&][a-z& ]{0,24}(?=[ \t]{2,}|$))?)"
)
"""A department line of the header, its name wrapped onto a short next line or not ("SỞ XÂY\nDỰNG"); it
starts a line or follows a run of spaces, found by lookbehind so that a long run costs nothing."""
CONG_HOA = re.compile("|".join(fuzzy_pattern(w) for w in ("cộng hòa", "độc lập")))
MOTTO = re.compile(fuzzy_pattern("xã hội chủ nghĩa"))
"""The national motto's "xã" is never a commune ("CỘNG HÒA\nXÃ HỘI CHỦ NGHĨA VIỆT NAM" wrapped)."""
CITED_BY = re.compile(r"(?<![a-z])cua\s+$")
UBND_WORDS = re.compile(r"(?:" + fuzzy_alternation(("ủy ban nhân dân", "ubnd")) + r")(?![a-z])")


@cache
def _title_words() -> re.Pattern[str]:
    rows = sorted(read_rows("title_words.csv"), key=lambda r: len(r["phrase"]), reverse=True)
    alts = [f"(?P<w{i}>{fuzzy_pattern(r['phrase'])})" for i, r in enumerate(rows)]
    return re.compile(r"(?m)^[ \t]*(?:" + "|".join(alts) + r")[ \t]*$")


@cache
def _title_types() -> dict[str, str]:
    rows = sorted(read_rows("title_words.csv"), key=lambda r: len(r["phrase"]), reverse=True)
    return {f"w{i}": r["type"] for i, r in enumerate(rows)}


@cache
def _roles() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = sorted(read_rows("signer_roles.csv"), key=lambda r: len(r["phrase"]), reverse=True)
    return tuple((re.compile(fuzzy_pattern(r["phrase"], ocr=False) + r"(?![a-z])"), r["role"]) for r in rows)


@cache
def _any_role() -> re.Pattern[str]:
    """Matches where one of ``_roles`` does: a line it does not match needs no role-by-role search."""
    phrases = [r["phrase"] for r in read_rows("signer_roles.csv")]
    return re.compile(r"(?:" + fuzzy_alternation(phrases, ocr=False) + r")(?![a-z])")


@cache
def _departments() -> tuple[tuple[str, str], ...]:
    """(folded name, canonical name) of every provincial department kind the data knows."""
    names = {r["name"] for r in read_rows("doc_codes.csv") if r["level"] == "department"}
    names |= {r["phrase"] for r in read_rows("issuer_phrases.csv") if r["level"] == "department"}
    return tuple(sorted(((fold_str(n).lower(), n) for n in names), key=lambda t: -len(t[0])))


@dataclass
class Header:
    info: DocumentInfo
    place: Place
    issuer_kind: str | None  # "UBND", "department", ...
    title_end: int  # folded offset where the title ends (the basis starts after it)
    warnings: list[str] = field(default_factory=list)
    #: the page's attribute table, when the text came from a legal-database page
    page: dict | None = None
    #: folded offset where the document's masthead starts: what a page prints before it is not the document's
    start: int = 0


def read_header(folded: Folded) -> Header:
    text = folded.text
    info = DocumentInfo()
    warnings: list[str] = []
    tw = _title_words().search(text, 0, min(len(text), HEADER_LIMIT + 1500))
    motto = CONG_HOA.search(text, tw.end(), min(len(text), tw.end() + HEADER_LIMIT)) if tw else None
    later = (
        _title_words().search(text, motto.end(), min(len(text), motto.end() + HEADER_LIMIT))
        if motto
        else None
    )
    if (
        later is not None
    ):  # "Báo cáo" over a portal page's masthead: the page's category, the type line is below
        tw = later
    header_end = tw.start() if tw else min(len(text), HEADER_LIMIT)
    if tw:
        info.type = _title_types()[tw.lastgroup]

    number = _own_number(folded, header_end)
    own = None
    if number is None and tw is None:
        own = self_reference(folded)
        number = own.number if own else None
    elif number is None:  # an annexed text without its decision: "(Ban hành kèm theo Quyết định số …)"
        own = annex_of(folded, tw.end())
        number = own.number if own else None
    if number:
        info.number = number.canonical
        info.type = (
            info.type or number.type_code or ("CV" if number.issuer_code else None)
        )  # công văn numbering
        info.spans["number"] = folded.span(number.start, number.end)

    pd = next(
        (
            m
            for m in PLACE_DATE.finditer(text, 0, header_end + 200)
            if m["y"] or m["place"] and not m["place"].startswith(("thu ", "chu nhat"))
        ),
        None,
    )
    if pd:
        try:
            info.date = date(int(pd["y"] or pd["y2"]), int(pd["m"] or pd["m2"]), int(pd["d"])).isoformat()
            info.spans["date"] = folded.span(pd.start("d"), pd.end("y"))
        except ValueError:
            warnings.append(f"date: '{folded.quote(pd.start(), pd.end())}' is not a valid date")

    if info.date is None and number is not None and own is None:
        # no place-and-date line: the date printed right after the document's own number
        # ("Quyết định số: 59/QĐ-UBND ngày 22 tháng 7 năm 2021" under an annexed text's title)
        iso, ds, de = parse_date(text, number.end, 30)
        if iso:
            info.date, info.spans["date"] = iso, folded.span(ds, de)

    # Without a type line the body starts after the last masthead part found (none: the text's start),
    # never at a fixed offset that could skip the basis.
    title_end = (
        tw.end()
        if tw
        else max([0, *(m.end for m in (number,) if m and not own), *(m.end() for m in (pd,) if m)])
    )
    authority = None
    if tw:
        info.title, title_end = _title(folded, tw.end())
        authority = masthead.authority_line(folded, tw.end(), title_end)
        if authority and authority.start > tw.end():
            info.title = " ".join(folded.quote(tw.end(), authority.start).split()).strip(" -–:") or None
        info.spans["title"] = folded.span(tw.end(), authority.start if authority else title_end)
    if not tw and title_end:  # no type line: the authority line follows the number and date lines
        authority = masthead.authority_line(folded, title_end, min(len(text), title_end + 300))
        if authority:
            title_end = authority.end
    info.period = _period(info.title, info.date)

    column, parent = masthead.read_column(folded, header_end)
    if column is not None and cues.not_a_body().match(column.name):
        column = None  # "BAN HÀNH QUY ĐỊNH …", a title whose type line was lost, read as a "Ban"
    if own is not None:
        info.date = own.date or info.date
        info.type = own.type or info.type
        if own.date:
            info.spans["date"] = folded.span(own.date_start, own.date_end)
    if own is not None and own.issuer is not None:
        place, issuer = _complete(folded, own.issuer, Place(), title_end, info.date, warnings)
    elif column is not None and column.national:
        place, issuer = (
            Place(),
            Issuer(column.name, column.level, "national", Place(), column.start, column.end),
        )
    else:
        place, issuer = _issuer(folded, header_end, number, pd, title_end, info.date, warnings)
        if column is not None and (issuer is None or _under_its_ubnd(issuer, column, parent)):
            place, issuer = _column_issuer(folded, column, parent, authority, pd, info, warnings)
    if own is not None and issuer is None and own.level:
        info.level = own.level
        named = (
            _unit_before(folded, own.number.start, own.level)
            or _unit_before(folded, min(len(folded.text), own.number.end + UNIT_AFTER), own.level)
            if own.number
            else None
        )  # the one unit of that level the post names, before its act or, failing that, after it
        province = (
            province_named_in(folded, named=True) if named is None and own.level == "department" else None
        )
        placed = (
            read_issuer_at(folded, own.unplaced.start, Place(province=province))
            if province and own.unplaced is not None
            else None
        )
        if (
            placed is not None
        ):  # "Sở Nội vụ ban hành Kế hoạch số … của tỉnh Quảng Ngãi": the one province named
            place, issuer = placed.place, placed
        elif named is not None:  # "UBND phường có Kế hoạch số …" under a title naming "phường Tam Quan"
            place, issuer = _complete(
                folded,
                Issuer(f"UBND {named.unit_name()}", own.level, "local", named, 0, 0),
                Place(),
                title_end,
                info.date,
                warnings,
            )
    act = unnumbered_act(folded) if number is None and tw is None and column is None else None
    if act is not None:  # a post reporting an act without its number: "Ngày …, X ban hành Công văn …"
        info.type = info.type or act.type
        if act.date and not info.date:
            info.date, info.spans["date"] = act.date, folded.span(act.date_start, act.date_end)
        found = _subject(folded, act.subject_start + (len("chu tich ") if act.chair else 0), act.subject_end)
        if found is not None:  # the body the post says acted outranks one met elsewhere in its words
            place, issuer = found
    if issuer is None and column is None:
        found = _requester(folded, title_end)
        if found is not None:
            place, issuer = found
    if (
        issuer is None
        and column is None
        and number is not None
        and (code := _national_issuer_code(info.number))
    ):
        # a post handing over "Văn bản số 581/BNV-CCHC": the ministry that numbers it
        place, issuer = Place(), Issuer(code.issuer, code.level or "ministry", "national", Place(), 0, 0)
    if issuer is None and column is None and info.number and (tagged := _province_tag(folded)):
        # "Ninh Bình: Hướng dẫn vận hành …" over a post on "Văn bản số 986/VPUBND-PVHCC": the province's body
        # that numbers it
        m = STATE_NUMBER.search(fold_str(info.number).lower())
        n = parse_state(m, info.number) if m and m.start() == 0 else None
        code = n.issuer_code if n else None
        coded = (
            issuer_from_code(code, Place(province=tagged), info.level)
            if code and code.scope == "local"
            else None
        )
        if coded is not None and coded.place.province:
            place, issuer = coded.place, coded
    if authority and authority.title and issuer:
        info.authority = f"{authority.title} {issuer.name}"
    elif (
        column is not None
        and (column.kind or "").startswith("chu tich")
        and issuer
        and column.name.endswith(issuer.name)
    ):
        info.authority = column.name  # "CHỦ TỊCH ỦY BAN NHÂN DÂN / TỈNH NINH BÌNH" heads the agency column
    elif (
        (act is not None and act.chair or own is not None and own.chair)
        and issuer is not None
        and issuer.name.startswith("UBND")
    ):
        info.authority = f"Chủ tịch {issuer.name}"
    if issuer:
        info.issuer = issuer.name
        info.level = issuer.level
        info.spans["issuer"] = folded.span(issuer.start, issuer.end) if issuer.end > issuer.start else (0, 0)
    info.jurisdiction = place.label()
    info.signer = _signer(folded)
    if info.type is None and (enacted := _enacting().search(text)):
        info.type = _enacting_types()[" ".join(enacted.group(1).split())]
    for name in ("number", "date", "issuer", "jurisdiction", "title"):
        if getattr(info, name) is None:
            warnings.append(f"document.{name}: not found in the text")
    page = read_page_metadata(folded)
    if page and own is not None and "number" in page:
        # the page's attribute table names the document on the page; a sentence of its body that
        # reports another act ("Thủ tướng … đã ban hành Chỉ thị số 33/CT-TTg") does not
        info.number = info.type = info.date = info.issuer = info.level = info.authority = None
        info.jurisdiction = None
        place = Place()
        for name in ("number", "date", "issuer"):
            info.spans.pop(name, None)
    if page:
        _from_page(folded, page, info, place)
        if info.issuer and not place.label() and info.level not in ("national", "ministry"):
            place = _page_place(page)
    if info.level is None and info.issuer is None:
        info.level = _level_of_mentions(folded.text)
        if info.level:
            warnings.append(f"document.level: {info.level}, from the units the text names most (no masthead)")
    year = int(info.date[:4]) if info.date else None
    if info.number:
        local = info.level not in ("national", "ministry")
        jid = jurisdiction_id(place.province, place.district, place.commune) if local else None
        if jid:
            jid = unit_id(jid, info.level)
        info.id = document_id(info.number, year, jid)
    kind = "UBND" if issuer and "UBND" in issuer.name.split() else (issuer.level if issuer else None)
    starts = [c[0] for c in masthead.column_cells(folded, header_end)[:1]]
    if number is not None and own is None:
        starts.append(number.start)
    return Header(info, place, kind, title_end, warnings, page, min(starts) if starts else 0)


def _from_page(folded: Folded, page: dict, info: DocumentInfo, place: Place) -> None:
    """Fields the document's own words did not give, from the page's attribute table (its spans say so)."""
    if info.number is None and "number" in page:
        value = fold_str(page["number"]["value"]).lower()
        m = STATE_NUMBER.search(value)
        n = parse_state(m, page["number"]["value"]) if m and m.start() == 0 else None
        if n:
            info.number = n.canonical
            info.type = info.type or n.type_code or ("CV" if n.issuer_code else None)
            info.spans["number"] = tuple(page["number"]["span"])
    if info.type is None and "type" in page:
        info.type = _type_code(page["type"]["value"])
    if info.date is None and "date" in page:
        info.date = page["date"]["value"]
        info.spans["date"] = tuple(page["date"]["span"])
    if info.issuer is None and "issuer" in page:
        value = fold_str(page["issuer"]["value"]).lower()
        from cancu.loaders.issuers import _phrases, issuer_regex

        m = issuer_regex().fullmatch(value)
        phrase = _phrases()[int(m.lastgroup[1:])] if m else None
        if phrase and phrase.scope == "national":
            info.issuer, info.level = phrase.issuer, phrase.level or "national"
        else:
            p = _page_place(page)
            if p.province and info.number and "UBND" in info.number.upper():
                info.issuer, info.level, info.jurisdiction = f"UBND {p.unit_name()}", "province", p.label()
            # "6316/BVHTTDL-VP": the ministry that numbers it
            elif code := _national_issuer_code(info.number):
                info.issuer, info.level = code.issuer, code.level or "ministry"
        if info.issuer:
            info.spans["issuer"] = tuple(page["issuer"]["span"])


PROVINCE_TAG = re.compile(r"[ \t*_#]*")


def _province_tag(folded: Folded) -> str | None:
    """The province a post's title line opens with, as a tag before a colon ("Ninh Bình: Hướng dẫn …")."""
    text = folded.text
    start = PROVINCE_TAG.match(text, len(text) - len(text.lstrip())).end()
    found = bare_province(text, start)
    if found is None or not re.match(r"[ \t]*:", text[found[1] : found[1] + 4]):
        return None
    return found[0]


def _national_issuer_code(number: str | None):
    """The national body whose code a document number carries ("BVHTTDL"), else None."""
    if not number:
        return None
    m = STATE_NUMBER.search(fold_str(number).lower())
    n = parse_state(m, number) if m and m.start() == 0 else None
    code = n.issuer_code if n else None
    return code if code and code.scope == "national" and code.issuer else None


UBND_OF = re.compile(
    r"(?:"
    + fuzzy_alternation(("ủy ban nhân dân", "ubnd"))
    + r")\s+(?P<unit>"
    + fuzzy_alternation(("tỉnh", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn"), ocr=False)
    + r")(?![a-z])"
)
LEVEL_OF_UNIT = {
    "tinh": "province",
    "huyen": "district",
    "quan": "district",
    "thi xa": "district",
    "xa": "commune",
    "phuong": "commune",
    "thi tran": "commune",
}
MENTION_MARGIN = 2
"""How many more times one level's UBND must be named than any other's to be the text's own."""


def _level_of_mentions(text: str) -> str | None:
    """A text with no masthead and no issuer (a portal post, a body without its header): the level of the
    UBND it names most ("UBND xã" four times, "UBND huyện" once: a commune's text), when clearly most."""
    counts: dict[str, int] = {}
    for m in UBND_OF.finditer(text):  # "UBND các xã" names the units below, not the text's own
        level = LEVEL_OF_UNIT.get(fold_str(m["unit"]).lower())
        if level:
            counts[level] = counts.get(level, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or len(ranked) > 1 and ranked[0][1] - ranked[1][1] < MENTION_MARGIN:
        return None
    return ranked[0][0]


def _page_place(page: dict) -> Place:
    value = fold_str(page.get("issuer", {}).get("value", "")).lower()
    for u in UNIT_RE.finditer(value + " "):
        found = match_province(value, u.end())
        if found:
            return Place(province=found[0].name)
    return Place()


@cache
def _enacting_types() -> dict[str, str]:
    return {
        fold_str(r["phrase"]).lower().rstrip(":"): r["type"] for r in read_rows("layout/enacting_words.csv")
    }


@cache
def _enacting() -> re.Pattern[str]:
    """An enacting word alone on its line ("QUYẾT ĐỊNH:"), for a text that lost its title line."""
    words = "|".join(r"\s+".join(map(re.escape, w.split())) for w in _enacting_types())
    return re.compile(r"(?m)^[ \t*_]*(" + words + r")[ \t*_]*:[ \t*_]*$")


@cache
def _type_names() -> dict[str, str]:
    from cancu.ontology.vocab import DOC_TYPE_NAMES

    names = {fold_str(name).lower(): code for code, name in DOC_TYPE_NAMES.items()}
    names.update({fold_str(r["phrase"]).lower(): r["type"] for r in read_rows("title_words.csv")})
    return names


def _type_code(printed: str) -> str | None:
    return _type_names().get(" ".join(fold_str(printed).lower().split()))


def _own_number(folded: Folded, header_end: int) -> Number | None:
    text = folded.text
    for label in SO_LABEL.finditer(text, 0, header_end + 200):
        m = STATE_NUMBER.match(text, label.end()) or LABELLED_NUMBER.match(text, label.end())
        if m:
            return parse_state(m, folded.aligned)
    for label in SO_BARE.finditer(text, 0, header_end + 200):  # "SỐ 30/QĐ-TTG NGÀY 10 THÁNG 01 NĂM 2007"
        m = STATE_NUMBER.match(text, label.end())
        line_start = text.rfind("\n", 0, label.start()) + 1
        line_end = text.find("\n", label.end())
        if m and folded.quote(line_start, line_end if line_end != -1 else len(text)).isupper():
            return parse_state(m, folded.aligned)
    return None


SO_BARE = re.compile(r"(?:" + fuzzy_alternation(("số",)) + r")[ \t]+(?=\d)")


def _title(folded: Folded, start: int) -> tuple[str | None, int]:
    """Title lines after the type line, up to a blank line before the basis clauses."""
    text = folded.text
    from cancu.loaders.citations import BASIS_OPENERS, HEADING

    first_line = re.compile(r"\s*[^\n]*\S[^\n]*").match(text, start)
    if first_line and CAN_CU.match(text, start + len(first_line.group()) - len(first_line.group().lstrip())):
        return (
            None,
            start,
        )  # a type line with no title: "Căn cứ …" follows it ("Thực hiện …" often opens a title)
    floor = first_line.end() if first_line else start  # the first line is title, whatever it says
    blank = BLANK_THEN_PROSE.search(text, floor, floor + 400)
    window = min(len(text), start + 400)  # a title is never longer: search no further (linear in the text)
    stops = [
        m.start()
        for m in (
            BASIS_OPENERS.search(text, floor, window),
            HEADING.search(text, floor, window),
            NUMBERED_LINE.search(text, floor, window),
            blank,
        )
        if m
    ]
    end = min(stops) if stops else min(len(text), start + 400)
    end = min(end, start + 400)
    title = " ".join(folded.quote(start, end).replace("**", " ").replace("__", " ").split()).strip(" -–:*_")
    return (title or None), end


CAN_CU = re.compile(fuzzy_pattern("căn cứ") + r"(?![a-z])")
NUMBERED_LINE = re.compile(r"(?m)^[ \t*_]*\(?\d{1,2}[ \t]*[.)][ \t]*[a-z]")
"""A numbered item or heading ("3. Trong thời gian tới, …", "(1) Giao …"): the title has ended before it."""
BLANK_THEN_PROSE = re.compile(r"\n[ \t]*\n(?=[ \t]*[a-z][^\n]{80})")
"""A blank line, then a long line of prose: the title has ended (a thông báo's first paragraph)."""


def _period(title: str | None, issued: str | None) -> list[int] | None:
    issue_year = int(issued[:4]) if issued else None
    if title:
        folded = fold_str(title).lower()
        if m := YEAR_RANGE.search(folded):
            return [int(m.group(1)), int(m.group(2))]
        if m := UNTIL_YEAR.search(folded):
            return [issue_year or int(m.group(1)), int(m.group(1))]
        years = [int(y) for y in YEAR.findall(folded)]
        if years:
            y = max(years)
            if issue_year and y < issue_year:
                return [issue_year, issue_year]
            return [y, y]
    return [issue_year, issue_year] if issue_year else None


def _issuer(
    folded: Folded,
    header_end: int,
    number: Number | None,
    pd: re.Match[str] | None,
    title_end: int,
    issued: str | None = None,
    warnings: list[str] | None = None,
) -> tuple[Place, Issuer | None]:
    """The issuing body: a department line under its UBND, a UBND with its unit, or
    the body that says it "xây dựng / ban hành Kế hoạch" after the basis clauses."""
    text = folded.text
    header = text[:header_end]
    place = _header_place(folded, header_end)
    dept = _department(folded, header_end)
    if dept and place.province:
        name, start, end = dept
        return place, Issuer(f"{name} {place.unit_name()}", "department", "local", place, start, end)

    issuer = None
    for m in UBND_WORDS.finditer(header):
        if CITED_BY.search(header, max(0, m.start() - 8), m.start()):
            continue  # "… ngày 16/5/2022 của UBND thành phố Hạ Long": the issuer of a cited document
        candidate = read_issuer_at(folded, m.start(), Place())
        if candidate and (candidate.place.province or candidate.place.district or candidate.place.commune):
            if issuer is not None and RANK.get(candidate.place.level, 0) <= RANK.get(issuer.place.level, 0):
                break  # the parent body above, then the issuer; never a wider one after it
            issuer = candidate
            if issuer.place.level == "commune":
                break
    if issuer is None and (place.district or place.commune) and UBND_WORDS.search(header):
        # "ỦY BAN NHÂN DÂN" over "XÃ ĐỒNG TÂM": the header names the unit on its own line
        issuer = Issuer(f"UBND {place.unit_name()}", place.level, "local", place, 0, 0)
    if issuer is None:
        issuer = _makes_plan(folded, title_end)
    if (
        issuer is None
        and place.label()
        and number
        and number.issuer_code
        and number.issuer_code.code == "UBND"
    ):
        level = place.level or "province"
        issuer = Issuer(f"UBND {place.unit_name()}", level, "local", place, 0, 0)
    if issuer is None:
        return place, None
    return _complete(folded, issuer, place, title_end, issued, warnings)


def _complete(
    folded: Folded,
    issuer: Issuer,
    place: Place,
    title_end: int,
    issued: str | None,
    warnings: list[str] | None,
) -> tuple[Place, Issuer]:
    """The issuer's place completed from the text (the district of a commune, the province of a
    district) and its names as the registry spells them."""
    p = issuer.place
    if not p.province and place.province:
        p.province = place.province
    if p.commune and not p.district and place.district and not place.commune:
        # "ỦY BAN NHÂN DÂN HUYỆN BẮC MÊ" above "ỦY BAN NHÂN DÂN XÃ MINH NGỌC": the parent line names the district
        p.district, p.district_word = place.district, place.district_word
    if (
        p.commune and not p.district and (issued is None or issued < reform_day())
    ):  # undated: the text decides
        _district_from_text(folded, title_end, p)
    if (p.district or p.commune) and not p.province:
        p.province = province_named_in(folded)
    if (p.district or p.commune) and not p.province and warnings is not None:
        # A fact points back to the words it came from: the registry's guess is said, not recorded.
        guess = (
            province_of_unit(p.district, "district", issued)
            if p.district
            else province_of_unit(p.commune, "commune", issued)
        )
        if guess:  # the registry still spells the unit ("Bac Me" -> "Bắc Mê"), without placing it
            spelled = replace(p, province=guess)
            _canonical(spelled)
            p.district, p.commune = spelled.district, spelled.commune
            warnings.append(
                f"document.jurisdiction: the text names no province; {guess} is the only one "
                f"the registry has a {'district' if p.district else 'commune'} '{p.district or p.commune}' in"
            )
    printed = (p.district, p.commune)
    _canonical(p)
    name = issuer.name
    for old, new in zip(printed, (p.district, p.commune), strict=True):
        if old and new and old != new:
            name = name.replace(old, new)
    issuer = Issuer(name, issuer.level, issuer.scope, p, issuer.start, issuer.end)
    level = issuer.level
    if "UBND" in issuer.name.split() and not issuer.name.startswith("Chủ tịch"):
        level = p.level or level
    return p, Issuer(issuer.name, level, "local", p, issuer.start, issuer.end)


def _under_its_ubnd(issuer: Issuer, column: masthead.Body, parent: masthead.Body | None) -> bool:
    """The column names a body under the UBND the older rules took for the issuer ("UBND THÀNH PHỐ HÀ NỘI"
    over "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"): the lower line issues (NĐ 30/2020/NĐ-CP Phụ lục I mục
    I.2, tên cơ quan chủ quản over tên cơ quan ban hành)."""
    return (
        parent is not None
        and issuer.name.startswith("UBND")
        and parent.kind in ("uy ban nhan dan", "ubnd")
        and column.kind not in ("uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd")
    )


def _column_issuer(
    folded: Folded,
    column: masthead.Body,
    parent: masthead.Body | None,
    authority: masthead.Authority | None,
    pd: re.Match[str] | None,
    info: DocumentInfo,
    warnings: list[str],
) -> tuple[Place, Issuer | None]:
    """The issuer the agency column names when the older rules found none: a UBND or HĐND printed
    without its unit (placed by the authority line, the place-and-date line or the title), or a body
    read as printed (a Cục, Ban, Trung tâm …) under its parent."""
    place = column.place
    if not place.label():
        hints = [
            authority.body.place if authority and authority.body else Place(),
            parent.place if parent else Place(),
            masthead.place_at_date_line(pd["place"] if pd else None, info.date),
            _title_place(info.title),
        ]
        place = next((p for p in hints if p.label()), Place())
    if column.kind in ("uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd"):
        if not place.label():
            return place, None
        head = "UBND" if column.kind in ("uy ban nhan dan", "ubnd") else "HĐND"
        return place, Issuer(
            f"{head} {place.unit_name()}", place.level, "local", place, column.start, column.end
        )
    if parent is not None and parent.national:
        return Place(), Issuer(column.name, column.level, "national", Place(), column.start, column.end)
    if not place.label():
        return place, Issuer(column.name, column.level, "local", place, column.start, column.end)
    placed = read_issuer_at(folded, column.start, place)
    if placed is not None and placed.level == "department" and placed.place.province:
        # "SỞ TƯ PHÁP" alone over "Thanh Hóa, ngày …": the department's name as its phrase spells it, placed
        return placed.place, Issuer(
            placed.name, "department", "local", placed.place, column.start, column.end
        )
    name = column.name
    if ENDS_WITH_UNIT.search(fold_str(name).lower()) and place.province and not place.district:
        # "BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH TỈNH" over "Lào Cai, ngày …": the unit word waits for its name
        name = f"{name} {place.province}"
    elif not _names_place(name):
        name = f"{name} {place.unit_name()}"
    level = (
        "department"
        if column.kind in ("so", "ban", "cuc", "tong cuc", "thanh tra", "ban quan ly", "trung tam")
        else "unit"
    )
    if place.level in ("district", "commune"):
        level = "unit"
    return place, Issuer(name, level, "local", place, column.start, column.end)


def _title_place(title: str | None) -> Place:
    """The unit a title names ("… TỈNH HÀ GIANG GIAI ĐOẠN 2023 - 2025")."""
    if not title:
        return Place()
    folded = fold_str(title).lower()
    for u in UNIT_RE.finditer(folded):
        if u.group("unit").strip() in ("tinh", "thanh pho", "tp"):
            found = match_province(folded, u.end())
            if found:
                return Place(province=found[0].name)
    return Place()


RANK = {"province": 1, "district": 2, "commune": 3}
"""How specific a UBND's unit is: in an agency column the parent ("ỦY BAN NHÂN DÂN HUYỆN BẮC MÊ") stands above the
issuer ("ỦY BAN NHÂN DÂN XÃ MINH NGỌC"), NĐ 30/2020/NĐ-CP Phụ lục I mục I.2."""
ENDS_WITH_UNIT = re.compile(r"(?<![a-z])(?:tinh|thanh pho)\s*$")
"""A body's name that ends with its unit word and no name after it ("… cải cách hành chính tỉnh")."""


def _names_place(name: str) -> bool:
    return bool(UNIT_RE.search(fold_str(name).lower()))


def _header_place(folded: Folded, header_end: int) -> Place:
    """The unit the header names ("UBND TỈNH BÌNH PHƯỚC", a lone "TỈNH ĐỒNG THÁP" line)."""
    text = folded.text
    for u in UNIT_RE.finditer(text, 0, header_end):
        if MOTTO.match(text, u.start()):
            continue
        line_start = text.rfind("\n", 0, u.start()) + 1
        prefix = text[line_start : u.start()].strip()
        if prefix and not UBND_WORDS.fullmatch(prefix) and not UBND_WORDS.search(prefix[-20:]):
            continue
        place, level, end = read_place(folded, u.start())
        if place and place.province:
            return place
        if place and (place.district or place.commune):
            tail = _wrapped_tail(folded, end)
            if tail and place.commune:
                place.commune = f"{place.commune} {tail}"
            elif tail:
                place.district = f"{place.district} {tail}"
            place.province = province_named_in(folded)
            return place
    return Place()


WRAPPED_TAIL = re.compile(r"[ \t]*\n[ \t]*([A-ZĐÀ-Ỹ]{2,}(?: [A-ZĐÀ-Ỹ]{2,})?)(?=[ \t]{2,}|[ \t]*\n|[ \t]*$)")


def _wrapped_tail(folded: Folded, end: int) -> str | None:
    """The rest of a header's unit name that the line break cut off ("XÃ MINH" / "SƠN      Độc lập"):
    one or two capitalised words alone on the next line, before the other column, that do not start
    a unit, a department or the number line."""
    o_end = folded.span(end, end)[0]
    m = WRAPPED_TAIL.match(folded.original, o_end)
    if not m:
        return None
    words = fold_str(m.group(1)).lower()
    if (
        UNIT_RE.match(words + " ")
        or DEPT_LINE.match(words + " x")
        or words.split()[0] in ("so", "s6", "ubnd")
    ):
        return None
    return " ".join(w.capitalize() for w in m.group(1).split())


def _department(folded: Folded, header_end: int) -> tuple[str, int, int] | None:
    """A department line of the header ("SỞ XÂY DỰNG"), canonical name and folded span."""
    for m in DEPT_LINE.finditer(folded.text, 0, header_end):
        if PLACE_DATE.match(folded.text, m.start("kind")):
            continue  # "Bản Hồ, ngày ...": the place of the date line, not a "Ban"
        raw = m.group(0).strip()
        cut = CONG_HOA.search(raw)
        raw = raw[: cut.start()].strip() if cut else raw
        raw = re.sub(r"\s+", " ", raw)
        best, score = _closest_department(raw)
        if best and score >= 0.8:
            start = m.start("kind")
            return best, start, start + len(raw)
        printed = folded.quote(m.start("kind"), m.start("kind") + len(raw)).lstrip(" *_#")
        if raw.startswith(("so ", "ban ")) and "nhan dan" not in raw and not cues.not_a_body().match(printed):
            # not "BAN HÀNH QUY ĐỊNH …", a title whose type line was lost
            name_start = folded.span(m.start("kind"), m.start("kind"))[0]
            name, end = printed_name(folded.original, name_start, max_words=6)
            if len(name.split()) >= 2:
                return name.title().replace(" Và ", " và "), m.start("kind"), folded.folded_offset(end)
    return None


@lru_cache(maxsize=4096)
def _closest_department(raw: str) -> tuple[str | None, float]:
    """The department kind a header line reads most like, and how closely (cached: header lines recur)."""
    best, score = None, 0.0
    for fname, name in _departments():
        s = similarity(raw[: len(fname) + 2].strip(), fname)
        if s > score:
            best, score = name, s
    return best, score


def _makes_plan(folded: Folded, after: int) -> Issuer | None:
    """ "Ủy ban nhân dân huyện X xây dựng Kế hoạch ...": the issuer names itself."""
    text = folded.text
    m = MAKES_PLAN.search(text, after, min(len(text), after + 6000))
    if not m:
        return None
    sentence_start = max(
        text.rfind("\n\n", 0, m.start()), text.rfind(";", 0, m.start()), text.rfind(". ", 0, m.start())
    )
    for u in UBND_WORDS.finditer(text, max(0, sentence_start), m.start()):
        issuer = read_issuer_at(folded, u.start(), Place())
        if issuer and (issuer.place.district or issuer.place.province or issuer.place.commune):
            return issuer
    return None


def _district_from_text(folded: Folded, after: int, place: Place) -> None:
    """A commune plan of before the 2025 reform: its district is the first one the text names after
    the title (the parent plan's issuer in the basis clauses: "của Ủy ban nhân dân huyện Bắc Mê")."""
    for u in UNIT_RE.finditer(folded.text, after, min(len(folded.text), after + 3000)):
        found, level, _ = read_place(folded, u.start())
        if found and found.district:
            place.district, place.district_word = found.district, found.district_word
            return


REQUESTS = re.compile(
    r"\s+(?:" + fuzzy_alternation(("trân trọng đề nghị", "đề nghị", "yêu cầu")) + r")(?![a-z])"
)


UNIT_AFTER = 3000
"""How far after the act a post may name its unit ("… Kế hoạch thực hiện công tác CCHC tại huyện Thuỷ Nguyên")."""


NUMBERED_UNIT = re.compile(r"(?:quan|phuong)\s")
"""The unit words a number can name ("Quận 1", "Phường 2")."""


def _unit_before(folded: Folded, end: int, level: str) -> Place | None:
    """The one unit of ``level`` the text names before ``end`` (a post's title line: "Kế hoạch cải cách
    hành chính trên địa bàn phường Tam Quan năm 2023"), None when it names none or several."""
    found: list[Place] = []
    for u in UNIT_RE.finditer(folded.text, 0, end):
        place, at_level, _ = read_place(folded, u.start())
        if place is None or at_level != level or not place.label():
            continue  # "UBND phường có …" names the kind of unit, not which
        name = place.commune if level == "commune" else place.district
        if name and name.isdigit() and not NUMBERED_UNIT.match(folded.text, u.start()):
            continue  # "trên toàn thành phố.\n2.1. …": a number names only a quận or phường ("Phường 2")
        if place.label() not in {p.label() for p in found}:
            found.append(place)
    return found[0] if len(found) == 1 else None


UBND_PROVINCE_WORD = re.compile(
    r"(?:"
    + fuzzy_alternation(("chủ tịch",))
    + r"\s+)?(?:"
    + fuzzy_alternation(("ủy ban nhân dân", "ubnd"))
    + r")\s+(?:"
    + fuzzy_alternation(("tỉnh", "thành phố"), ocr=False)
    + r")(?=\s+(?:"
    + fuzzy_alternation(("đã", "vừa", "ban hành", "ký", "có"), ocr=False)
    + r")(?![a-z]))"
)
"""A province-level UBND named by its unit word alone, its verb right after ("Ủy ban nhân dân Thành phố đã ký …")."""


def _subject(folded: Folded, start: int, end: int) -> tuple[Place, Issuer] | None:
    """The body a post says acted: a UBND with its place, or a department (placed in the province the text
    names, when it names one)."""
    issuer = read_issuer_at(folded, start, Place())
    if issuer is not None and issuer.name.startswith("UBND") and issuer.place.label():
        return issuer.place, issuer
    unit = UBND_PROVINCE_WORD.match(folded.text, start, end)
    if unit:  # "Chủ tịch Ủy ban nhân dân Thành phố đã ký …": the one province or city the post names
        province = province_named_in(folded, named=True)
        if province:
            place = Place(province=province)
            return place, Issuer(f"UBND {place.unit_name()}", "province", "local", place, start, unit.end())
    if issuer is not None and issuer.scope == "local" and issuer.level in ("district", "commune"):
        named = _unit_before(folded, min(len(folded.text), end + UNIT_AFTER), issuer.level)
        if named is not None:  # "Kế hoạch được UBND phường xây dựng …" in a post about phường Xuân Phương
            return _complete(
                folded,
                Issuer(f"UBND {named.unit_name()}", issuer.level, "local", named, start, end),
                Place(),
                0,
                None,
                None,
            )
    for name, s, e in agency_names.find_in(folded.text, start, end):
        if name.startswith("Sở ") and (
            s - start <= 2 or end - e <= 2
        ):  # "…, Sở Công Thương xây dựng Kế hoạch"
            return _department_issuer(folded, name, s, e)
    return None


def _department_issuer(folded: Folded, name: str, start: int, end: int) -> tuple[Place, Issuer]:
    """A department named without its province ("Sở Nội vụ"), placed in the one province the text names
    with its unit word; with none, as printed."""
    province = province_named_in(folded, named=True)
    place = Place(province=province) if province else Place()
    named = f"{name} {place.unit_name()}" if province else name
    return place, Issuer(named, "department", "local", place, start, end)


def _requester(folded: Folded, start: int) -> tuple[Place, Issuer] | None:
    """A letter with no masthead names its sender as the body that asks ("Sở Nội vụ đề nghị các sở, ban,
    ngành …"): a department, placed in the province the text names."""
    text = folded.text
    end = min(len(text), start + 3000)
    for name, s, e in agency_names.find_in(text, start, end):
        if name.startswith("Sở ") and REQUESTS.match(text, e):
            return _department_issuer(folded, name, s, e)
    return None


def _signer(folded: Folded) -> Signer:
    """Role above the signature and the signer's name, from the last part of the text."""
    text = folded.text
    tail_start = max(0, len(text) - 2500)
    matches = list(NOI_NHAN.finditer(text, tail_start))
    nn = matches[-1] if matches else None
    zone_start = nn.start() if nn else tail_start
    original = folded.original
    role = None
    for line_match in re.finditer(r"[^\n]+", text[zone_start:]):
        line_start = zone_start + line_match.start()
        if not _any_role().search(text, line_start, line_start + len(line_match.group())):
            continue
        for rx, name in _roles():
            for m in rx.finditer(text, line_start, line_start + len(line_match.group())):
                printed = folded.quote(m.start(), m.end())
                if printed.isupper():
                    role = name
        if role and nn is None:
            break
    name = None
    if nn is None and role is None:
        return Signer()  # no signature block in the text (an excerpt, a page cut short)
    o_start = folded.span(zone_start, zone_start)[0]
    for line in reversed(original[o_start:].splitlines()):
        tail = NAME_CUT.split(line.strip())[-1].strip()
        if PERSON.match(tail):
            name = tail
            break
    return Signer(name=name, role=role)
