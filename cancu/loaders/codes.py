"""Document numbers: find them in folded text and print them canonically.

A number is ``N[/YYYY]/CODE[-CODE...]`` (state documents: "45/2020/NĐ-CP",
"1389/QĐ-UBND-HC", "2231/SNV-CCHC&PC"), ``N-TYPE/ISSUER`` (Party documents:
"04-NQ/TU") or an old dotted form ("136/2001/QĐ.TTg"). OCR and PDF text mangle
the codes ("QP", "Qb", "NDB", "HPND", "NQCP"); ``doc_codes.csv`` and the
``code`` rows of ``ocr_confusions.csv`` say what each printed code stands for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from cancu.loaders.fold import fold_str
from cancu.ontology.datafiles import read_rows

# Folded text: letters are ASCII lowercase; "đ" is already "d".
# A number starts with a digit that follows no word character, "/", "." or "-": the check comes
# after that first digit ("\d(?<![\w/.-]\d)"), so the regex engine jumps from digit to digit.
_SEG = r"[a-z][a-z0-9&]*"
_FIRST_DIGIT = r"\d(?:(?<![\w/.-]\d)|(?<=(?<![a-z])so\d))"
"""A number's first digit: after no word character, "/", "." or "-" — or glued to "số" ("Văn bản số581/BNV-CCHC",
a web page's lost space)."""
STATE_NUMBER = re.compile(
    r"(?P<num>" + _FIRST_DIGIT + r"\d{0,4}[a-z]?)"
    r"(?:\s?/\s?(?P<year>(?:19|20)\d{2}))?"
    r"\s?/\s?(?P<code>" + _SEG + r"(?:(?:\s?-[ \t]*|\.(?=\S)|-\s*\n\s*|/)" + _SEG + r")*)"
)
LABELLED_NUMBER = re.compile(
    r"(?P<num>" + _FIRST_DIGIT + r"\d{0,4}[a-z]?)"
    r"(?:[ \t]{0,6}/\s?(?P<year>(?:19|20)\d{2}))?"
    r"[ \t]{0,6}/\s?(?P<code>" + _SEG + r"(?:(?:\s?-[ \t]*|\.(?=\S)|-\s*\n\s*|/)" + _SEG + r")*)"
)
"""``STATE_NUMBER`` after its "Số:" label, where a form's blank may leave spaces before the slash ("Số: 31  /BC-UBND"):
read only there, so a citation's digits never join a slash far off."""
OLD_NUMBER = re.compile(r"(?P<num>" + _FIRST_DIGIT + r"\d{0,4})\s?-\s?(?P<issuer>[a-z]{2,5})(?![a-z0-9/&-])")
"""An old-style number with no year and no type code ("94-CP", "235-HĐBT"): read only after a type word."""
PARTY_NUMBER = re.compile(
    r"(?P<num>"
    + _FIRST_DIGIT
    + r"\d{0,4})\s?-\s?(?P<type>[a-z]{2,4})\s?/\s?(?P<issuer>[a-z]{2,6}\d*)(?![a-z])"
)
#: How far after its start a number's first "/" can be (for ``fold.finditer_near``): five digits
#: and a letter, a space, then "/" (state); five digits, " - ", four letters, a space (party).
STATE_SLASH_REACH = 7
PARTY_SLASH_REACH = 13
NUMBER_LEAD = re.compile(_FIRST_DIGIT)
"""Where both kinds of number start (their first digit)."""
#: Words that OCR glues to the end of a number ("243/KH-BDTngay").
GLUED_WORDS = ("ngay",)


@dataclass(frozen=True)
class Code:
    code: str  # as issued: "QĐ", "TTg", "UBND"
    role: str  # type | issuer | unit
    name: str
    scope: str  # national | local | ""
    level: str
    issuer: str


@cache
def code_table() -> dict[str, Code]:
    """Folded printed form -> the code it stands for."""
    table: dict[str, Code] = {}
    for row in read_rows("doc_codes.csv"):
        code = Code(row["code"], row["role"], row["name"], row["scope"], row["level"], row["issuer"])
        table[fold_str(row["code"]).lower()] = code
    for row in read_rows("ocr_confusions.csv"):
        if row["kind"] != "code":
            continue
        target = table.get(fold_str(row["canonical"]).lower())
        canonical = target or Code(row["canonical"], "unit", row["canonical"], "", "", "")
        for variant in row["variant"].split():
            table.setdefault(fold_str(variant).lower(), canonical)
    return table


def lookup(segment: str) -> Code | None:
    """The code a folded segment stands for; "qh13" is QH of the 13th term."""
    table = code_table()
    if segment in table:
        return table[segment]
    stripped = segment.rstrip("0123456789")
    if stripped != segment and stripped in table:
        return table[stripped]
    return None


def split_joined(segment: str) -> list[str] | None:
    """Split a code that lost its hyphen ("nqcp" -> ["nq", "cp"]) when both halves are known."""
    for i in range(2, len(segment) - 1):
        if lookup(segment[:i]) and lookup(segment[i:]):
            return [segment[:i], segment[i:]]
    for i in range(len(segment) - 1, 2, -1):  # a known issuer with a garbled tail: "ubndnc"
        head = lookup(segment[:i])
        if head and head.role == "issuer":
            return [segment[:i], segment[i:]]
    return None


@dataclass
class Number:
    """A document number as found: canonical text and what its codes say."""

    canonical: str
    num: str
    year: int | None
    codes: list[Code | None]
    start: int  # folded offsets
    end: int

    @property
    def type_code(self) -> str | None:
        """The first type code ("QĐ"; "TT" of "20/2005/LĐTBXH-TT", printed after its issuer)."""
        return next((c.code for c in self.codes if c and c.role == "type"), None)

    @property
    def issuer_code(self) -> Code | None:
        for code in self.codes:
            if code and code.role == "issuer":
                return code
        return None

    @property
    def clean(self) -> bool:
        return bool(self.codes) and all(c is not None for c in self.codes)

    @property
    def known(self) -> bool:
        return any(c is not None and c.role in ("type", "issuer") for c in self.codes)


def _print_segment(folded_seg: str, printed: str) -> tuple[str, Code | None]:
    """A code segment as printed, with its Vietnamese letters restored ("QD" -> "QĐ", "TTG" -> "TTg")
    when it spells a known code; an OCR-garbled spelling keeps its print (the key still matches)."""
    code = lookup(folded_seg)
    if code is None:
        return printed.upper() if printed.isascii() else printed, None
    suffix = folded_seg[len(folded_seg.rstrip("0123456789")) :] if folded_seg not in code_table() else ""
    if fold_str(code.code).lower() + suffix == folded_seg:
        return code.code + suffix, code
    return code.code + suffix if _ocr_spelling(folded_seg) else printed, code


@lru_cache(maxsize=1024)
def _ocr_spelling(folded_seg: str) -> bool:
    """A segment that ``ocr_confusions.csv`` lists as OCR's spelling of a code ("qp" for QĐ)."""
    return any(
        row["kind"] == "code" and folded_seg in fold_str(row["variant"]).lower().split()
        for row in read_rows("ocr_confusions.csv")
    )


def parse_state(m: re.Match[str], original: str) -> Number | None:
    """Canonical number of a STATE_NUMBER match (``original`` is the folded span's source text)."""
    code_text = m.group("code")
    end = m.end("code")
    for word in GLUED_WORDS:
        if code_text.endswith(word) and len(code_text) > len(word):
            head = code_text[: -len(word)]
            last = re.split(r"[-.\s]+", head)[-1]
            if lookup(last):
                code_text, end = head, end - len(word)
    glued = _glued_word(code_text, original, m.start("code"))
    if glued:
        code_text, end = code_text[:-glued], end - glued
    if "/" in code_text:  # a joined issuer code ("TTLT/BTC-KHCN") goes on only while its segments are codes
        parts = code_text.split("/")
        keep = 1
        while keep < len(parts) and lookup(re.split(r"\s*[-.]\s*", parts[keep])[0]):
            keep += 1
        end -= len("/".join(parts[keep:])) + (1 if keep < len(parts) else 0)
        code_text = "/".join(parts[:keep])
    pieces = re.split(r"(\s*[-./]\s*)", code_text)
    folded_segs, seps = pieces[0::2], pieces[1::2]
    printed_segs = _printed_segments(original, m.start("code"), folded_segs)
    segs: list[str] = []
    codes: list[Code | None] = []
    for i, (fseg, pseg) in enumerate(zip(folded_segs, printed_segs, strict=True)):
        sep = (
            ("/" if "/" in seps[i - 1] else "." if seps[i - 1].strip() == "." else "-") if i else ""
        )  # printed as printed: the old dotted "QĐ.TTg" keeps its dot (ids.number_key ignores it)
        if lookup(fseg) is None and (parts := split_joined(fseg)) and not _ocr_spelling(fseg):
            printed_parts = [_print_segment(part, part) for part in parts]
            if all(
                c is not None and fold_str(c.code).lower() == part
                for (_, c), part in zip(printed_parts, parts, strict=True)
            ):
                # a lost hyphen ("NQCP", "CTUBND"): read as its codes, printed as printed
                segs.append(sep + pseg)
                codes.extend(c for _, c in printed_parts)
                continue
        text, code = _print_segment(fseg, pseg)
        segs.append(sep + text)
        codes.append(code)
    year = int(m.group("year")) if m.group("year") else None
    num = m.group("num")
    canonical = f"{num}/{year}/" if year else f"{num}/"
    canonical += "".join(segs)
    return Number(canonical, num, year, codes, m.start(), end)


def _glued_word(code_text: str, original: str, start: int) -> int:
    """Length of a lowercase word glued to the number's last code ("QĐ-TTgthuộc", "BNVngày"), else 0."""
    last = re.split(r"[-./\s]+", code_text)[-1]
    if lookup(last) or len(last) < 4:
        return 0
    printed = original[start + len(code_text) - len(last) : start + len(code_text)]
    for i in range(2, len(printed) - 2):  # "KSTTNgày": a capitalised word after a run of capitals
        if (
            printed[:i].isupper()
            and printed[i].isupper()
            and printed[i + 1 :].isalpha()
            and printed[i + 1 :].islower()
        ):
            return len(last) - i
    for i in range(len(last) - 2, 1, -1):
        tail = printed[i:]
        if (
            lookup(last[:i])
            and tail.isalpha()
            and (tail.islower() or tail[1:].islower() and printed[:i].isupper())
            and not printed[:i].islower()
        ):
            return len(last) - i
    return 0


def parse_old(m: re.Match[str]) -> Number | None:
    """An old-style "94-CP": the part after the dash must be a known issuer code."""
    issuer = lookup(m.group("issuer"))
    if not issuer or issuer.role != "issuer":
        return None
    return Number(f"{m.group('num')}-{issuer.code}", m.group("num"), None, [issuer], m.start(), m.end())


def _printed_segments(original: str, start: int, folded_segs: list[str]) -> list[str]:
    """The printed (unfolded) text of each segment, to keep unknown codes as printed."""
    out = []
    pos = start
    for seg in folded_segs:
        # segments are separated by "-", "." and white space in both texts alike
        while pos < len(original) and not original[pos].isalnum():
            pos += 1
        out.append(original[pos : pos + len(seg)])
        pos += len(seg)
    return out


def parse_party(m: re.Match[str]) -> Number | None:
    type_code = lookup(m.group("type"))
    issuer = lookup(m.group("issuer"))
    if not type_code or type_code.role != "type" or not issuer or issuer.role != "issuer":
        return None
    canonical = f"{m.group('num')}-{type_code.code}/{issuer.code}"
    return Number(canonical, m.group("num"), None, [type_code, issuer], m.start(), m.end())


@lru_cache(maxsize=8192)
def number_key(number: str | None) -> str:
    """Comparison key of a printed number: folded, no spaces, upper case."""
    return fold_str(number or "").upper().replace(" ", "").replace("SO:", "")
