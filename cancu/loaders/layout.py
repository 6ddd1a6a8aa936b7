"""Layout marks masked out of the folded text: Markdown emphasis and headings, "|" table cells of
legal-database pages and converters.

Real documents reach cancu through converters and web pages that wrap the official layout
(NĐ 30/2020/NĐ-CP, Phụ lục I) in marks of their own: ``**QUYẾT ĐỊNH**``, ``ỦY BAN NHÂN DÂN | CỘNG HÒA …``.
The matchers read the official layout; this stage turns the marks into what they stand for (nothing,
or a cell boundary written as a tab, as the .docx reader writes table cells). Masking replaces
characters one for one, so the original text and every span stay exact. The marks are data
(``ontology/data/layout/masks.csv``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from re import _constants, _parser  # type: ignore[attr-defined]

from cancu.loaders.fold import Folded, finditer_from
from cancu.ontology.datafiles import read_rows

ACTIONS = {"blank": " ", "tab": "\t", "join": "join"}


@cache
def _masks() -> tuple[tuple[re.Pattern[str], str, tuple[str, ...], tuple[str, ...] | None], ...]:
    """(pattern, action, triggers, the characters its every match starts with or None)."""
    rows = read_rows("layout/masks.csv")
    out = []
    for r in rows:
        rx = re.compile(r["pattern"], re.M)
        out.append((rx, ACTIONS[r["action"]], tuple(r["trigger"].split("|")), _first_chars(r["pattern"])))
    return tuple(out)


_ZERO_WIDTH = {_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT}


def _first_chars(pattern: str) -> tuple[str, ...] | None:
    """The marks every match of a pattern starts with ("*", "_", "|"), when they are no letter or
    digit: ``finditer_from`` tries the pattern only where ``str.find`` finds one, where the engine
    tries every position of a text when the pattern opens with a look-around (``(?<=[^*\\s])\\*``).
    None when a match may be empty or may start with a class of characters or a letter."""
    parsed = _parser.parse(pattern, re.M)
    if parsed.getwidth()[0] == 0 or parsed.state.flags & re.IGNORECASE:
        return None
    chars = _first_of(list(parsed))
    if not chars or any(c.isalnum() or c.isspace() for c in chars):
        return None
    return tuple(sorted(chars))


def _first_of(items: list) -> set[str] | None:
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _constants.LITERAL:
            return {chr(av)}
        if op is _constants.BRANCH:
            found: set[str] = set()
            for branch in av[1]:
                chars = _first_of(list(branch)) if branch.getwidth()[0] > 0 else None
                if chars is None:
                    return None
                found |= chars
            return found
        if op is _constants.SUBPATTERN and av[3].getwidth()[0] > 0 and not av[1] and not av[2]:
            return _first_of(list(av[3]))
        return None
    return None


LONE_PIPE = re.compile(r"(?m)^[ \t]*\|[ \t]*$")
VERTICAL_MIN_SEPARATORS = 2
"""A row of a table printed one cell per line has at least this many "|" lines between its cells (three
columns); two such rows in a row make a table. Fewer is a masthead's stray cell boundary."""


def vertical_cells(text: str) -> list[tuple[int, int, str]]:
    """Spans that turn a table printed one cell per line ("|" lines between cells, "|" / "|" between
    rows, as page converters flatten an HTML table) into tab-separated rows: each separator, with the
    line breaks around it, becomes one tab; a row's opening "|" becomes blank."""
    if "\n|" not in text:
        return []
    pipes = [(m.start(), m.end()) for m in LONE_PIPE.finditer(text)]
    regions: list[list[tuple[int, int]]] = [[]]
    for k, (s, e) in enumerate(pipes):
        if k and text[pipes[k - 1][1] : s].strip() == "":
            if regions[-1]:  # two "|" lines in a row: the previous was the row's end, this one opens a row
                regions[-1].pop()
                regions.append([])
            continue
        regions[-1].append((s, e))
    out: list[tuple[int, int, str]] = []
    rows = [len(r) >= VERTICAL_MIN_SEPARATORS for r in regions]
    for k, region in enumerate(regions):
        if not rows[k] or not (k and rows[k - 1] or k + 1 < len(rows) and rows[k + 1]):
            continue
        for s, e in region:
            before = text.rfind("\n", 0, s)
            if before <= 0 or text[text.rfind("\n", 0, before) + 1 : before].strip() == "":
                continue  # the row's opening "|" (the lone-pipe mask blanks it)
            after = text.find("\n", e + 1)
            if not text[e : after if after != -1 else len(text)].strip():
                continue  # the table's closing "|": a blank line or the end follows
            stop = e + 1 if text[e : e + 1] == "\n" else e
            out.append((before if before >= 0 else s, stop, "cell"))
    return out


def mask_layout(folded: Folded) -> Folded:
    """``folded`` with its layout marks masked (same length; ``original`` untouched)."""
    text = folded.text
    spans: list[tuple[int, int, str]] = vertical_cells(text)
    for rx, fill, triggers, first in _masks():
        if any(t in text for t in triggers):
            found = finditer_from(rx, text, first) if first else rx.finditer(text)
            spans.extend((m.start(), m.end(), fill) for m in found if m.end() > m.start())
    if not spans:
        return folded
    parts, pos = [], 0
    for start, end, fill in sorted(spans):
        start = max(start, pos)
        if start >= end:
            continue
        parts.append(text[pos:start])
        if fill == "cell":  # a table cell boundary printed as a "|" line: one tab, no line break
            parts.append("\t" + " " * (end - start - 1))
            pos = end
            continue
        if fill == "join":  # a cell's words wrapped onto two lines: the line break becomes a space
            parts.append(text[start:end].replace("\n", " "))
            pos = end
            continue
        masked = "".join("\n" if c == "\n" else " " for c in text[start:end])
        parts.append(fill + masked[1:] if fill == "\t" and masked[0] != "\n" else masked)
        pos = end
    parts.append(text[pos:])
    return replace(folded, text="".join(parts))
