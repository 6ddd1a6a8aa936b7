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
- At most ``MAX_PAGES`` pages: a small file can hold thousands of pages that
  share one content stream (3 MB, 20,000 pages), which would read for
  minutes into a plan with no facts.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from cancu.errors import InputError

PAGE_BREAK = "\f"
#: real plans run to tens of pages; a national programme with annexes to a few hundred
MAX_PAGES = 2_000
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
        count = len(reader.pages)
    except Exception as err:  # noqa: BLE001 - pypdf raises many types on broken page trees
        raise InputError(f"{name}: not a readable PDF ({type(err).__name__})") from err
    if count > MAX_PAGES:
        raise InputError(
            f"{name}: PDF of {count:,} pages is over the limit of {MAX_PAGES:,} pages "
            "(a plan is far shorter; split the file)"
        )
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
