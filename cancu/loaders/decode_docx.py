"""A .docx body as lines of text: paragraphs and table rows in document order.

Layout kept for the readers downstream (outline.py, plan_body.py):
- each body paragraph is one line (a line break in it starts a new line); its text
  includes tracked insertions, hyperlinks, smart tags and simple fields, not
  deletions; content controls (w:sdt) are read through;
- each table row is one line, its cells joined by TAB, one cell per grid
  column, so a row's cells line up with the header's columns;
- a merged cell's text appears once, at its top-left position; the other grid
  positions it covers are empty cells (a horizontal merge adds empty cells after
  it, a vertical merge leaves the rows below empty in that column);
- a cell's paragraphs are joined by "; ", except that a paragraph starting with
  "-" keeps its mark and is joined by a space ("- Quý I/2023 - Tháng 12/2023"),
  so the table reader splits items on ";" and "- " as it does in text files;
  a table nested in a cell is flattened into the cell the same way;
- headers, footers, footnotes and text boxes are not read.

Bounded work: a zip listing too many parts is refused from its end record; zip
bombs are refused from the zip's own directory and then by
inflating every member once while counting the bytes that come out (the sizes
a zip declares can lie), before python-docx inflates anything; a row is at most
``MAX_GRID_COLUMNS`` cells, whatever gridSpan or gridBefore claims.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from cancu.errors import InputError

#: a .docx is a zip: refuse one whose members would inflate past this many bytes
MAX_UNZIPPED = 200_000_000
#: ... or whose members inflate by more than this ratio (real .docx files are near 10:1)
MAX_RATIO = 100
#: Word's own limit is 63 columns; a gridSpan/gridBefore past this is capped, never expanded
MAX_GRID_COLUMNS = 64
#: inflate in pieces of this many bytes when measuring
CHUNK = 1 << 20
#: bytes of the zip's central directory (46 bytes and a name per part): a .docx has tens of parts,
#: and 400,000 empty ones in a 35 MB file once cost 5.6 s and 350 MB before anything was refused
MAX_DIRECTORY = 1_000_000
#: the cell separator inside a row line, and the paragraph separator inside a cell
CELL_SEPARATOR = "\t"
ITEM_SEPARATOR = "; "

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: inside a paragraph, never its text: properties, deletions, drawings and text boxes
NOT_TEXT = frozenset(
    {
        W + "pPr",
        W + "rPr",
        W + "del",
        W + "moveFrom",
        W + "drawing",
        W + "pict",
        W + "object",
        MC + "AlternateContent",
    }
)


def decode_docx(data: bytes, name: str) -> str:
    _check_zip(data, name)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        return "\n".join(_block_lines(document.element.body))
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001 - python-docx and lxml raise many types on broken parts
        raise InputError(f"{name}: not a readable .docx ({type(err).__name__})") from err


def _check_zip(data: bytes, name: str) -> None:
    directory = _directory_size(data)
    if directory > MAX_DIRECTORY:
        raise InputError(
            f"{name}: refused: the .docx's list of parts is {directory:,} bytes "
            f"(a document's is a few KB; limit {MAX_DIRECTORY:,})"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as err:
        raise InputError(f"{name}: not a valid .docx (corrupt zip)") from err
    unzipped = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    _refuse_if_bomb(unzipped, packed, name)
    if "word/document.xml" not in {i.filename for i in infos}:
        raise InputError(f"{name}: not a .docx (no word/document.xml inside)")
    _measure_inflated(data, infos, name)


def _directory_size(data: bytes) -> int:
    """Size of the central directory as the end record says (the Zip64 one if it defers to it):
    the bytes zipfile will parse into one object per part. 0 when there is no end record (zipfile
    then refuses the file itself)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or len(data) < end + 22:
        return 0
    size = int.from_bytes(data[end + 12 : end + 16], "little")
    locator = end - 20
    if size == 0xFFFFFFFF and locator >= 0 and data[locator : locator + 4] == b"PK\x06\x07":
        record = int.from_bytes(data[locator + 8 : locator + 16], "little")
        if data[record : record + 4] == b"PK\x06\x06" and len(data) >= record + 48:
            size = int.from_bytes(data[record + 40 : record + 48], "little")
    return size


def _refuse_if_bomb(unzipped: int, packed: int, name: str, verb: str = "would inflate") -> None:
    packed = max(1, packed)
    if unzipped > MAX_UNZIPPED or unzipped / packed > MAX_RATIO:
        raise InputError(
            f"{name}: refused: the .docx {verb} to {unzipped:,} bytes "
            f"(ratio {unzipped // packed}:1; limits {MAX_UNZIPPED:,} bytes, {MAX_RATIO}:1)"
        )


def _measure_inflated(data: bytes, infos: list[zipfile.ZipInfo], name: str) -> None:
    """Inflate each member from its local header, counting output bytes, and stop at the limits."""
    total = 0
    packed = 0
    limit = MAX_UNZIPPED + 1
    for info in infos:
        start = info.header_offset
        header = data[start : start + 30]
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise InputError(f"{name}: not a valid .docx (corrupt zip)")
        begin = start + 30 + int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
        end = begin + info.compress_size if info.compress_size else len(data)
        body = data[begin : min(end, len(data))]
        packed += len(body)
        if info.compress_type == zipfile.ZIP_STORED:
            total += len(body)
        elif info.compress_type == zipfile.ZIP_DEFLATED:
            inflater = zlib.decompressobj(-15)
            pending = body
            try:
                while pending and total < limit:
                    total += len(inflater.decompress(pending, CHUNK))
                    pending = inflater.unconsumed_tail
                    _refuse_if_bomb(total, packed, name, "inflates")
            except zlib.error as err:
                raise InputError(f"{name}: not a valid .docx (corrupt zip)") from err
        else:
            raise InputError(f"{name}: not a valid .docx (unsupported zip compression {info.compress_type})")
        _refuse_if_bomb(total, packed, name, "inflates")


def _block_lines(parent) -> list[str]:
    """Lines of the paragraphs and tables directly under ``parent``, in order."""
    lines: list[str] = []
    for child in parent.iterchildren():
        if child.tag == W + "p":
            lines.append(_paragraph_text(child))
        elif child.tag == W + "tbl":
            lines.extend(_row_line(tr) for tr in child.iterchildren(W + "tr"))
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                lines.extend(_block_lines(content))
    return lines


def _paragraph_text(p) -> str:
    """The paragraph's visible text, tracked insertions, hyperlinks, smart tags and simple fields
    included (python-docx's Paragraph.text drops the last three kinds and insertions)."""
    out: list[str] = []
    _collect(p, out)
    return "".join(out)


def _collect(element, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in NOT_TEXT:
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            out.append("\t")
        elif tag == W + "br":
            out.append("" if child.get(W + "type") in ("page", "column") else "\n")
        elif tag == W + "cr":
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        else:
            _collect(child, out)


def _row_line(tr) -> str:
    cells: list[str] = [""] * min(_whole(tr.grid_before), MAX_GRID_COLUMNS)
    for tc in tr.tc_lst:
        if len(cells) >= MAX_GRID_COLUMNS:
            break
        cells.append("" if tc.vMerge == "continue" else _cell_text(tc))
        cells.extend([""] * min(_whole(tc.grid_span) - 1, MAX_GRID_COLUMNS - len(cells)))
    return CELL_SEPARATOR.join(cells)


def _whole(value) -> int:
    """A grid count as a non-negative int (a hostile file can give anything)."""
    try:
        return max(0, int(value or 0))
    except (TypeError, ValueError):
        return 0


def _cell_text(tc) -> str:
    """The cell's paragraphs (and nested tables' cells) as one line."""
    out = ""
    for part in _cell_parts(tc):
        part = part.strip()
        if not part:
            continue
        if not out:
            out = part
        elif part.startswith("-"):
            out += " " + part
        else:
            out += ITEM_SEPARATOR + part
    return out


def _cell_parts(parent) -> list[str]:
    """Paragraph texts of a cell, a line break splitting a paragraph; TABs become spaces."""
    parts: list[str] = []
    for child in parent.iterchildren():
        if child.tag == W + "p":
            parts.extend(_paragraph_text(child).replace(CELL_SEPARATOR, " ").split("\n"))
        elif child.tag == W + "tbl":
            for tr in child.iterchildren(W + "tr"):
                parts.extend(_cell_text(inner) for inner in tr.tc_lst if inner.vMerge != "continue")
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                parts.extend(_cell_parts(content))
    return parts
