"""The single entry point the CLI calls: collapse to the budget, then write
the picture as HTML, SVG or PNG."""

from __future__ import annotations

from pathlib import Path

from cancu.viz.collapse import DEFAULT_BUDGET, collapse
from cancu.viz.html import write_html
from cancu.viz.picture import Picture, PictureError
from cancu.viz.static import write_png, write_svg

FORMATS = {"html": write_html, "svg": write_svg, "png": write_png}


def render(
    picture: Picture,
    out_path: str | Path,
    fmt: str = "html",
    *,
    budget: int = DEFAULT_BUDGET,
    drill: str = "cancu viz plan {id}",
) -> Path:
    """Write ``picture`` to ``out_path``; the caller chooses the path, never the
    document text (see ``ontology.ids.safe_filename`` for derived names)."""
    writer = FORMATS.get(fmt)
    if writer is None:
        raise PictureError(f"unknown picture format {fmt!r} (use {', '.join(FORMATS)})")
    out = Path(out_path)
    if not out.parent.is_dir():
        raise PictureError(f"cannot write {out}: folder {out.parent} does not exist")
    return writer(collapse(picture, budget=budget, drill=drill), out)
