"""A legacy Word (.doc, Word 97–2003) file as lines of text, laid out as the .docx reader lays them.

Converter: antiword's DocBook output (``antiword -x db``), chosen by measured
fidelity (docs/readers.md): it keeps every cell of a task table, a cell's
paragraphs and merged cells, in Unicode; catdoc lost the rest of a row after
a cell with two paragraphs, and antiword's plain-text mode draws tables as
fixed-width boxes that wrap inside cells. LibreOffice reads tables too but
is a 200 MB install with seconds of start-up per file.

Layout: one paragraph a line; one table row a line, cells joined by TAB, a
cell's paragraphs joined by "; " except "- " items that keep their dash
(as decode_docx.py does, so the table reader sees the same rows). antiword
prints a tab inside a paragraph as a space, so a two-column header arrives as
one line with a space between the columns, as PDF text does.

antiword runs on the bytes through a temporary file, with a time limit; its
XML is parsed with entities, DTDs and the network off.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from cancu.errors import InputError
from cancu.loaders.decode_docx import CELL_SEPARATOR, ITEM_SEPARATOR

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
INSTALL_HINT = "install antiword (Debian/Ubuntu: apt-get install antiword)"
#: seconds antiword may take on one file
TIMEOUT = 60
#: bytes of DocBook antiword may print for one file (real plans give well under 1 MB)
MAX_OUTPUT = 100_000_000


def read_doc(data: bytes, name: str) -> str:
    if not data.startswith(OLE_MAGIC):
        raise InputError(f"{name}: not a Word .doc file (no OLE2 signature)")
    program = shutil.which("antiword")
    if program is None:
        raise InputError(f"{name}: reading .doc files needs antiword: {INSTALL_HINT}")
    xml = _run(program, data, name)
    lines = docbook_lines(xml, name)
    if not "".join(lines).strip():
        raise InputError(f"{name}: Word .doc file with no text")
    return "\n".join(lines)


def _run(program: str, data: bytes, name: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="cancu-doc-") as folder:
        path = os.path.join(folder, "input.doc")
        with open(path, "wb") as out:
            out.write(data)
        try:
            done = subprocess.run(
                [program, "-x", "db", path],
                capture_output=True,
                timeout=TIMEOUT,
                check=False,
                env={"PATH": os.environ.get("PATH", ""), "HOME": folder, "LANG": "C.UTF-8"},
            )
        except subprocess.TimeoutExpired as err:
            raise InputError(f"{name}: antiword took over {TIMEOUT} s; the .doc is refused") from err
        except OSError as err:
            raise InputError(
                f"{name}: antiword could not run ({err.strerror or type(err).__name__})"
            ) from err
    if done.returncode != 0 or not done.stdout.strip():
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = f" ({reason[-1][:120]})" if reason else ""
        raise InputError(f"{name}: not a readable Word .doc file{detail}")
    if len(done.stdout) > MAX_OUTPUT:
        raise InputError(f"{name}: .doc text is over {MAX_OUTPUT:,} bytes; refused")
    return done.stdout


def docbook_lines(xml: bytes, name: str) -> list[str]:
    """Lines of antiword's DocBook: paragraphs and table rows in document order."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True
    )
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as err:
        raise InputError(f"{name}: not a readable Word .doc file (converter output: {err.msg})") from err
    if root is None:
        raise InputError(f"{name}: not a readable Word .doc file")
    lines: list[str] = []
    _walk(root, lines)
    return lines


def _walk(element, lines: list[str]) -> None:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("bookinfo", "title"):
            continue
        if tag == "row":
            lines.append(CELL_SEPARATOR.join(_cell_text(entry) for entry in child.iter("entry")))
        elif tag == "para" and child.find(".//row") is None:
            lines.extend(_text(child).split("\n"))
        else:
            _walk(child, lines)


def _text(element) -> str:
    """The element's text with its own line breaks, each line stripped; blank lines dropped."""
    raw = "".join(element.itertext())
    return "\n".join(line.strip() for line in raw.split("\n") if line.strip())


def _cell_text(entry) -> str:
    out = ""
    for part in _text(entry).split("\n"):
        part = part.replace(CELL_SEPARATOR, " ").strip()
        if not part:
            continue
        if not out:
            out = part
        elif part.startswith("-"):
            out += " " + part
        else:
            out += ITEM_SEPARATOR + part
    return out
