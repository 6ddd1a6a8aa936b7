"""A saved web page (.html, .htm) as the document's own text, without the site around it.

Main content: trafilatura, chosen by measurement (docs/readers.md): on a
legal-database page it kept the plan's two-column header table and every
paragraph while dropping navigation, search, breadcrumb, sidebar and footer;
readability-lxml dropped the header table (the plan's number and date).

Output, as the extraction rules read it:
- the legal database's metadata table ("Số hiệu | Loại văn bản | Nơi ban
  hành | Người ký | Ngày ban hành | Tình trạng …"; labels in
  cancu/ontology/data/legal_db_labels.csv) as ``Số hiệu: 252/KH-UBND`` lines
  at the top, then a line ``---``; the table is found in the whole page, as
  sites put it beside the text;
- then the text: a paragraph or heading a line, list items as ``- item``,
  table rows as ``cell | cell | cell``.

The page's bytes are decoded by their BOM, else as UTF-8, else by the
charset the page declares, else as the legacy text files are (decode_text.py).
Scripts, styles and forms are never text. A page with almost no text of its
own (a search page, an error page) is refused in one line.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from cancu.errors import InputError
from cancu.ontology.datafiles import read_rows

METADATA_END = "---"
CELL_JOIN = " | "
#: a page whose own text has fewer letters than this holds no document
MIN_LETTERS = 200
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE | re.DOTALL
)
BULLET = re.compile(r"^(?:[-–+•*]|\d+[.)]|[a-zđ][.)])\s")


def looks_like_html(data: bytes) -> bool:
    """A page starts (after a BOM, blanks and comments) with a doctype or an html/head/body tag."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(HTML_START.match(head))


def read_html(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding) of a saved page."""
    markup, encoding = _decode(data, name)
    metadata = metadata_pairs(markup)
    body = _main_lines(markup)
    if sum(c.isalpha() for line in body for c in line) < MIN_LETTERS:
        raise InputError(
            f"{name}: no document text in this web page (only site navigation, or an empty page)"
        )
    head = [f"{label}: {value}" for label, value in metadata]
    return "\n".join([*head, METADATA_END, *body] if head else body), encoding


def _decode(data: bytes, name: str) -> tuple[str, str]:
    from cancu.loaders.decode_text import _unicode, decode_text

    found = _unicode(data, name)
    if found is not None:
        return found
    declared = CHARSET.search(data[:8192])
    if declared:
        label = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(label), label
        except (LookupError, UnicodeDecodeError):
            pass
    text, encoding, _ = decode_text(data, name)
    return text, encoding


# ---- the metadata table ---------------------------------------------------------------------------


@cache
def _labels() -> dict[str, str]:
    return {
        unicodedata.normalize("NFC", row["label"]).casefold(): row["label"]
        for row in read_rows("legal_db_labels.csv")
    }


def _label(cell: str) -> str | None:
    return _labels().get(unicodedata.normalize("NFC", cell.strip().rstrip(":").strip()).casefold())


def metadata_pairs(markup: str) -> list[tuple[str, str]]:
    """(label, value) of the first table in the page with two or more known labels, in its order."""
    from lxml import etree, html

    try:
        root = html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return []
    for table in root.iter("table"):
        pairs: list[tuple[str, str]] = []
        for row in table.iter("tr"):
            cells = [_squash(cell.text_content()) for cell in row if cell.tag in ("td", "th")]
            pairs.extend(_row_pairs(cells))
        if len({label for label, _ in pairs}) >= 2:
            return [(label, value) for label, value in pairs if value]
    return []


def _row_pairs(cells: list[str]) -> list[tuple[str, str]]:
    """Label cells followed by their value, or "Label: value" in one cell."""
    pairs = []
    i = 0
    while i < len(cells):
        label = _label(cells[i])
        if label and i + 1 < len(cells) and not _label(cells[i + 1]):
            pairs.append((label, cells[i + 1]))
            i += 2
            continue
        if label:
            pairs.append((label, ""))
        elif ":" in cells[i]:
            head, _, value = cells[i].partition(":")
            inline = _label(head)
            if inline:
                pairs.append((inline, value.strip()))
        i += 1
    return pairs


def _is_metadata(rows: list[list[str]]) -> bool:
    pairs = [pair for cells in rows for pair in _row_pairs(cells)]
    return len({label for label, _ in pairs}) >= 2


# ---- the main content -----------------------------------------------------------------------------


def _main_lines(markup: str) -> list[str]:
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(
        markup,
        output_format="xml",
        include_tables=True,
        include_comments=False,
        include_links=False,
        include_images=False,
        favor_recall=True,
        deduplicate=False,
        with_metadata=False,
    )
    if not xml:
        return []
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    main = root.find("main")
    lines: list[str] = []
    if main is not None:
        _block_lines(main, lines)
    return [line for line in lines if line]


def _block_lines(parent, lines: list[str]) -> None:
    for child in parent:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "table":
            rows = [[_squash(_text(cell)) for cell in row.iter("cell")] for row in child.iter("row")]
            if not _is_metadata(rows):
                lines.extend(CELL_JOIN.join(_trim(cells)) for cells in rows if any(cells))
        elif tag == "list":
            for item in child.iter("item"):
                text = _squash(_text(item))
                lines.append(text if not text or BULLET.match(text) else f"- {text}")
        elif tag in ("p", "head", "quote", "code"):
            lines.extend(_squash(part) for part in _text(child).split("\n"))
        else:
            _block_lines(child, lines)


def _text(element) -> str:
    """Text with trafilatura's <lb/> line breaks as newlines."""
    out = [element.text or ""]
    for child in element:
        out.append("\n" if child.tag == "lb" else _text(child))
        out.append(child.tail or "")
    return "".join(out)


def _trim(cells: list[str]) -> list[str]:
    while cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def _squash(text: str) -> str:
    return " ".join(text.split())
