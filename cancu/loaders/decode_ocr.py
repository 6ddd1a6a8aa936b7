"""Page images to text with Tesseract's Vietnamese model, cached by content hash.

Why Tesseract through pytesseract: the Debian packages ``tesseract-ocr`` and
``tesseract-ocr-vie`` give the only offline Vietnamese model that installs
with one command; pytesseract is its long-kept binding and needs no compiler
(see docs/readers.md for the measurements behind the choices).

- Images are read by their brightest channel: a red seal and a blue
  signature turn light and are not read as words ("ỦY BAN NHÂN DÂN" on a
  stamp would otherwise become a line extraction takes for a heading), while
  black ink stays black.
- Tesseract's page segmentation 4 (one column of lines of any size) keeps
  the two-column header's rows together ("Số: 15/KH-UBND  Lâm Đồng, ngày …").
- Lines are rebuilt from Tesseract's word boxes; a blank line is kept only
  where the page has vertical space for one; words without a letter or digit
  (a signature's scrawl read as "^^ ~—") are dropped, dashes kept, and so
  is a line read with far less confidence than the page's typical line (a
  stamp over text read as "—Z NAY").
- Results are cached per input file, by the sha256 of its bytes and the
  engine's settings, under ``$CANCU_CACHE_DIR`` or the user's cache dir
  (``$XDG_CACHE_HOME/cancu``): a second load of the same scan does no OCR.
  The cache holds JSON only, written atomically; a damaged entry is redone.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from cancu.errors import InputError

LANGUAGE = "vie"
PSM = 4
#: bump when the text this module makes from the same image changes
OCR_VERSION = 2
CACHE_VARIABLE = "CANCU_CACHE_DIR"
INSTALL_HINT = (
    "install Tesseract with its Vietnamese model (Debian/Ubuntu: apt-get install tesseract-ocr "
    "tesseract-ocr-vie) and pip install pytesseract"
)
#: a word is kept if it has a letter or digit, or is one of these marks
KEPT_MARKS = frozenset({"-", "–", "—", "+", "*", "•", "(", ")", ":", ";", ",", "."})
#: a line whose mean word confidence is under this, and this far under the page's median line, is a blot
BLOT_CONFIDENCE, BLOT_MARGIN = 55.0, 25.0
#: a table cell read with this many characters or fewer is read again on its own
SHORT_CELL = 3
#: ... if it has this many ink pixels (grey under INK_LEVEL) at all
INK_LEVEL, MIN_CELL_INK = 140, 30
#: an image larger than this many pixels is refused before it is decoded (Pillow's own bomb guard is 89M)
MAX_PIXELS = 60_000_000
#: pages read from one multi-page TIFF
MAX_IMAGE_FRAMES = 500
PAGE_BREAK = "\f"


@dataclass
class OcrStats:
    """Pages OCR'd and pages taken from the cache in this process (tests and benchmarks read it)."""

    pages_read: int = 0
    pages_cached: int = 0


STATS = OcrStats()


def engine() -> str:
    """``tesseract X.Y.Z/vie/psm4/v1``, or an ``InputError`` with the one-line install hint."""
    return _engine()


@cache
def _engine() -> str:
    try:
        import pytesseract
    except ImportError as err:
        raise InputError(f"OCR is not available: {INSTALL_HINT}") from err
    try:
        version = str(pytesseract.get_tesseract_version())
        languages = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError) as err:
        raise InputError(f"OCR is not available (no tesseract program): {INSTALL_HINT}") from err
    if LANGUAGE not in languages:
        raise InputError(f"OCR is not available (Tesseract has no Vietnamese model): {INSTALL_HINT}")
    return f"tesseract {version}/{LANGUAGE}/psm{PSM}/v{OCR_VERSION}"


def cache_dir() -> Path:
    override = os.environ.get(CACHE_VARIABLE, "").strip()
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("cancu"))


def ocr_pages(digest: str, pages: Sequence[int], render: Callable[[int], Any], name: str) -> dict[int, str]:
    """Text of each page in ``pages`` (0-based), rendered on demand by ``render(i)`` to a PIL image.

    ``digest`` is the sha256 of the input file: with the engine it keys the cache."""
    signature = engine()
    key = hashlib.sha256(f"{digest}\n{signature}".encode()).hexdigest()
    cached = _read_cache(key)
    texts = {i: cached[str(i)] for i in pages if str(i) in cached}
    STATS.pages_cached += len(texts)
    todo = [i for i in pages if i not in texts]
    if todo:
        for i in _progress(todo, name):
            texts[i] = image_text(render(i))
            STATS.pages_read += 1
        _write_cache(key, {**cached, **{str(i): t for i, t in texts.items()}}, signature)
    return texts


def image_text(image) -> str:
    """One page image's text: straightened, ruled tables found, lines rebuilt from Tesseract's word boxes."""
    import numpy as np
    import pytesseract
    from PIL import ImageFilter

    from cancu.loaders.decode_ocr_layout import deskew, erase_rules, table_rows

    gray = deskew(ink_only(image).filter(ImageFilter.MedianFilter(3)))
    rows = table_rows(gray)
    page = erase_rules(gray, rows) if rows else gray
    data = pytesseract.image_to_data(
        page, lang=LANGUAGE, config=f"--psm {PSM}", output_type=pytesseract.Output.DICT
    )

    def reread(box: tuple[int, int, int, int]) -> str:
        """A short cell read again on its own, as one line (a lone "1" is lost in a whole page)."""
        crop = page.crop(box)
        if int((np.asarray(crop) < INK_LEVEL).sum()) < MIN_CELL_INK:
            return ""
        return " ".join(pytesseract.image_to_string(crop, lang=LANGUAGE, config="--psm 7").split())

    return _lines_from_words(data, rows, reread) + "\n"


def ink_only(image):
    """Grey page where only dark (black) ink stays dark: each pixel's brightest channel, so a red seal
    or a blue signature turns light while black text stays black."""
    from PIL import ImageChops

    if image.mode not in ("RGB", "RGBA"):
        return image.convert("L")
    red, green, blue = image.convert("RGB").split()
    return ImageChops.lighter(ImageChops.lighter(red, green), blue)


def _lines_from_words(data: dict[str, list], table: Sequence = (), reread: Callable | None = None) -> str:
    """Text lines in page order: Tesseract's lines, and each table row as one line of TAB-joined cells."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    cells: dict[tuple[int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if not (word and word.strip() and _kept(word.strip())):
            continue
        cell = _cell_of(data, i, table)
        if cell is not None:
            cells.setdefault(cell, []).append(i)
        else:
            lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    rows = []
    for indexes in lines.values():
        top = min(data["top"][i] for i in indexes)
        bottom = max(data["top"][i] + data["height"][i] for i in indexes)
        confidence = sum(float(data["conf"][i]) for i in indexes) / len(indexes)
        rows.append((top, bottom, " ".join(data["text"][i].strip() for i in indexes), confidence))
    typical = sorted(r[3] for r in rows)[len(rows) // 2] if rows else 100.0
    rows = [r for r in rows if not _blot(r[3], typical)]
    for r, row in enumerate(table):
        texts = [_cell_text(data, cells.get((r, c), [])) for c in range(len(row.cells))]
        if reread is not None:
            texts = [
                reread((left + 3, row.top + 3, right - 3, row.bottom - 3))
                if len(text) <= SHORT_CELL
                else text
                for text, (left, right) in zip(texts, row.cells, strict=True)
            ]
        if any(texts):
            rows.append((row.top, row.bottom, "\t".join(texts), 100.0))
    if not rows:
        return ""
    rows.sort(key=lambda r: r[0])
    heights = sorted(b - t for t, b, text, _ in rows if "\t" not in text) or [0]
    line_height = heights[len(heights) // 2]
    out: list[str] = []
    previous_bottom = None
    for top, bottom, text, _ in rows:
        if previous_bottom is not None and top - previous_bottom > 1.2 * line_height:
            out.append("")
        out.append(text)
        previous_bottom = bottom
    return "\n".join(out)


def _cell_of(data: dict[str, list], i: int, table: Sequence) -> tuple[int, int] | None:
    x = data["left"][i] + data["width"][i] / 2
    y = data["top"][i] + data["height"][i] / 2
    for r, row in enumerate(table):
        if row.top <= y < row.bottom:
            for c, (left, right) in enumerate(row.cells):
                if left <= x < right:
                    return r, c
    return None


def _cell_text(data: dict[str, list], indexes: list[int]) -> str:
    """A cell's words in reading order: grouped into lines by height, each line left to right."""
    if not indexes:
        return ""
    ordered = sorted(indexes, key=lambda i: data["top"][i] + data["height"][i] / 2)
    tall = sorted(data["height"][i] for i in indexes)[len(indexes) // 2]
    groups: list[list[int]] = []
    for i in ordered:
        middle = data["top"][i] + data["height"][i] / 2
        if groups and middle - _middle(data, groups[-1][0]) <= 0.6 * tall:
            groups[-1].append(i)
        else:
            groups.append([i])
    return " ".join(
        " ".join(data["text"][i].strip() for i in sorted(g, key=lambda i: data["left"][i])) for g in groups
    )


def _middle(data: dict[str, list], i: int) -> float:
    return data["top"][i] + data["height"][i] / 2


def _blot(confidence: float, typical: float) -> bool:
    """A line Tesseract is far less sure of than of the page's typical line: a stamp or a scrawl
    read as letters. A page read badly throughout keeps all its lines."""
    return confidence < BLOT_CONFIDENCE and confidence < typical - BLOT_MARGIN


def _kept(word: str) -> bool:
    return any(c.isalnum() for c in word) or word in KEPT_MARKS


def _progress(items: list[int], name: str) -> Iterable[int]:
    """The pages, with a progress bar on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        return items
    import click

    return click.progressbar(
        items,
        label=f"OCR {Path(name).name}",
        file=sys.stderr,
        item_show_func=lambda i: None if i is None else f"page {i + 1}",
    )


def _read_cache(key: str) -> dict[str, str]:
    try:
        data = json.loads((cache_dir() / "ocr" / f"{key}.json").read_text(encoding="utf-8"))
        pages = data["pages"]
        if isinstance(pages, dict) and all(isinstance(v, str) for v in pages.values()):
            return pages
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return {}


def _write_cache(key: str, pages: dict[str, str], signature: str) -> None:
    """Best effort: a read-only or full cache costs a second OCR later, never the load."""
    folder = cache_dir() / "ocr"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump({"engine": signature, "pages": pages}, out, ensure_ascii=False)
            os.replace(tmp, folder / f"{key}.json")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass


def read_image(data: bytes, name: str, digest: str) -> tuple[str, int]:
    """(text, pages) of an image file (.png, .jpg, .tif; every frame of a multi-page TIFF)."""
    import io

    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_PIXELS:
            raise InputError(
                f"{name}: image of {image.width}x{image.height} pixels is over the limit of "
                f"{MAX_PIXELS:,} pixels"
            )
        frames = min(getattr(image, "n_frames", 1), MAX_IMAGE_FRAMES)
    except InputError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as err:
        raise InputError(f"{name}: not a readable image ({type(err).__name__})") from err

    def render(i: int):
        try:
            image.seek(i)
            frame = image.convert("RGB") if image.mode not in ("RGB", "L") else image.copy()
        except (OSError, ValueError, EOFError, Image.DecompressionBombError) as err:
            raise InputError(f"{name}: not a readable image (page {i + 1}: {type(err).__name__})") from err
        return frame

    texts = ocr_pages(digest, range(frames), render, name)
    return PAGE_BREAK.join(texts[i] for i in range(frames)), frames
