"""A PDF's text, page by page, pages joined by form feed so readers downstream see page breaks.

- A page with a text layer gives that text (pypdf).
- A page without text but with an image on it (a scan) is rendered by
  PDFium (pypdfium2) at the scan's own resolution and read by OCR
  (decode_ocr.py); a PDF with some text pages and some scanned pages reads
  both. Without Tesseract, a PDF that needs OCR gets one line saying what to
  install; a PDF with text everywhere never needs it.
- A PDF with neither text nor images is refused in one line.
- An encrypted PDF is opened with the empty password (the usual "no
  copy/print" protection), else refused.
- Bounded work, decided before any text is read: at most ``MAX_PAGES`` pages,
  counted by walking the page tree and stopping past the limit (the /Count a
  file declares can lie, and pypdf's own count resolves every page first: 12 s
  for a 3 MB file of 20,000 pages sharing one content stream); and at most
  ``MAX_CONTENT`` bytes of drawing instructions over all pages, a stream
  shared by many pages counted once per page (pypdf reads text at about
  100 KB of instructions a second, so 20 pages sharing 1 MB once read for 4
  minutes into a plan with no facts).
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from cancu.errors import InputError

PAGE_BREAK = "\f"
#: real plans run to tens of pages; a national programme with annexes to a few hundred
MAX_PAGES = 2_000
#: page-tree nodes visited while counting pages (intermediate nodes included) before refusing
MAX_TREE_NODES = 2 * MAX_PAGES + 64
#: decoded content-stream bytes over all pages: MAX_PAGES pages of 10 KB, a typical text page's
#: instructions (two reference PDFs: 7.7 and 5.2 KB a page)
MAX_CONTENT = MAX_PAGES * 10_000
#: scans are rendered at their own resolution, kept within these bounds
MIN_DPI, MAX_DPI, DEFAULT_DPI = 150, 400, 300


@dataclass
class PdfText:
    text: str
    pages: int
    #: 1-based numbers of the pages read by OCR
    ocr_pages: list[int]


def decode_pdf(data: bytes, name: str, digest: str = "") -> PdfText:
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # broken-file chatter goes to stderr otherwise
    reader = _open(data, name)
    try:
        _check_page_tree(reader, name)
        count = len(reader.pages)
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001 - pypdf raises many types on broken page trees
        raise InputError(f"{name}: not a readable PDF ({type(err).__name__})") from err
    if count > MAX_PAGES:
        _too_many_pages(name, f"{count:,}")
    _check_content(reader, name)
    texts: list[str] = []
    scanned: list[int] = []
    dpis: dict[int, int] = {}
    try:
        for i, page in enumerate(reader.pages):
            text = page.extract_text() or ""
            texts.append(text)
            if not text.strip():
                dpi = _image_dpi(page)
                if dpi is not None:
                    scanned.append(i)
                    dpis[i] = dpi
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001
        raise InputError(f"{name}: not a readable PDF ({type(err).__name__})") from err
    if scanned:
        from cancu.loaders.decode_ocr import engine, ocr_pages

        try:
            engine()
        except InputError as err:
            raise InputError(
                f"{name}: {len(scanned)} of {count} page(s) are scanned images and need OCR; "
                f"{str(err).split(': ', 1)[1]}"
            ) from err
        document = _pdfium(data, name)
        try:
            read = ocr_pages(digest, scanned, lambda i: _render(document, i, dpis[i], name), name)
        finally:
            document.close()
        for i, text in read.items():
            texts[i] = text
    text = PAGE_BREAK.join(texts)
    if not text.strip():
        what = "text that OCR could read" if scanned else "neither a text layer nor scanned page images"
        raise InputError(f"{name}: PDF has {what}")
    return PdfText(text, count, [i + 1 for i in scanned])


def _too_many_pages(name: str, count: str) -> None:
    raise InputError(
        f"{name}: PDF of {count} pages is over the limit of {MAX_PAGES:,} pages "
        "(a plan is far shorter; split the file)"
    )


def _check_page_tree(reader, name: str) -> None:
    """Refuse a page tree past the limits while walking it: its declared /Count first (an honest
    file says at once), then every node visited, so a lying count costs at most the limit."""
    try:
        root = reader.trailer["/Root"].get_object()["/Pages"].get_object()
    except (KeyError, AttributeError, TypeError):
        return  # no page tree where it belongs: pypdf's own count decides (and refuses a broken one)
    declared = root.get("/Count")
    if isinstance(declared, int) and declared > MAX_PAGES:
        _too_many_pages(name, f"{declared:,}")
    stack, visited, leaves = [root], 0, 0
    while stack:
        node = stack.pop().get_object()  # resolved when its turn comes: a kid list can be 20,000 long
        visited += 1
        kids = node.get("/Kids") if hasattr(node, "get") else None
        if kids is None:
            leaves += 1
        else:
            stack.extend(reversed(kids.get_object()))
        if leaves > MAX_PAGES or visited > MAX_TREE_NODES:
            _too_many_pages(name, f"more than {MAX_PAGES:,}")


def _check_content(reader, name: str) -> None:
    """Refuse pages whose drawing instructions add up past ``MAX_CONTENT`` before reading their text.
    A stream is decoded once (pypdf keeps it) and counted for every page that draws it."""
    total = 0
    for page in reader.pages:
        contents = page.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        streams = contents if isinstance(contents, list) else [contents] if contents is not None else []
        for stream in streams:
            stream = stream.get_object()
            total += len(stream.get_data()) if hasattr(stream, "get_data") else 0
        if total > MAX_CONTENT:
            raise InputError(
                f"{name}: PDF pages hold over {MAX_CONTENT:,} bytes of drawing instructions (a stream "
                "shared by many pages counts for each), far more than a plan; refused"
            )


def _open(data: bytes, name: str):
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
    except Exception as err:  # noqa: BLE001 - pypdf raises many types on broken files
        raise InputError(f"{name}: not a readable PDF ({type(err).__name__})") from err
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception as err:  # noqa: BLE001 - e.g. a cipher that needs the optional cryptography package
            raise InputError(f"{name}: encrypted PDF that cancu cannot open ({type(err).__name__})") from err
        if not opened:
            raise InputError(f"{name}: encrypted PDF with a password; save an unprotected copy first")
    return reader


def _image_dpi(page) -> int | None:
    """The resolution of the widest image drawn on the page (None: the page has no image)."""
    try:
        resources = page.get("/Resources") or {}
        xobjects = resources.get_object().get("/XObject") or {}
        widths = []
        for ref in xobjects.get_object().values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                widths.append(int(obj.get("/Width", 0)))
            elif obj.get("/Subtype") == "/Form":
                widths.append(0)  # an image may hide in a form: render at the default
    except (AttributeError, TypeError, ValueError):
        return None
    if not widths:
        return None
    page_inches = float(page.mediabox.width) / 72 or 8.27
    dpi = round(max(widths) / page_inches) if max(widths) else DEFAULT_DPI
    return min(MAX_DPI, max(MIN_DPI, dpi))


def _pdfium(data: bytes, name: str):
    try:
        import pypdfium2
    except ImportError as err:
        raise InputError(
            f"{name}: scanned PDF pages need pypdfium2 to be rendered (pip install pypdfium2)"
        ) from err
    try:
        return pypdfium2.PdfDocument(data, password="")
    except pypdfium2.PdfiumError as err:
        raise InputError(f"{name}: not a readable PDF ({err})") from err


def _render(document, index: int, dpi: int, name: str):
    try:
        return document[index].render(scale=dpi / 72, grayscale=False).to_pil()
    except Exception as err:  # noqa: BLE001 - PDFium reports failures as one exception type per version
        raise InputError(f"{name}: page {index + 1} cannot be rendered ({type(err).__name__})") from err
