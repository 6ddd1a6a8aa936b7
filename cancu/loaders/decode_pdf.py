"""A PDF's text layer (pypdf), pages joined by form feed so readers downstream see page breaks.

cancu does not OCR: a PDF without text (a scan) is refused with a message
saying so, rather than loaded as an empty plan. An encrypted PDF is opened
with the empty password (the usual "no copy/print" protection), else refused.
"""

from __future__ import annotations

import io
import logging

from cancu.errors import InputError

PAGE_BREAK = "\f"


def decode_pdf(data: bytes, name: str) -> str:
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # broken-file chatter goes to stderr otherwise
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
    try:
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as err:  # noqa: BLE001
        raise InputError(f"{name}: not a readable PDF ({type(err).__name__})") from err
    text = PAGE_BREAK.join(pages)
    if not text.strip():
        raise InputError(f"{name}: PDF has no text layer (scanned?); run OCR first — cancu does not OCR")
    return text
