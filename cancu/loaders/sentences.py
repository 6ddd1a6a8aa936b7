"""The sentence around a position: the unit a figure's or a report's words are read in.

Real texts often lack sentence marks (PDF text layers, OCR), so the reach is bounded: a figure's
sentence is never the whole text.
"""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"[.;](?:\s|$)|\n\s*\n")


SENTENCE_REACH = 2000
"""The longest a sentence around a figure is read (characters each side): a text with no sentence marks
would otherwise make every figure's sentence the whole text (quadratic, and its quote as long)."""


def sentence(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the sentence around ``pos``: after the last item mark, ". ", ";", blank line,
    ":" or tab before it, up to the next sentence end or item mark. The marks are looked for near
    ``pos`` first (one is almost always there), then, failing that, back to the start of the text."""
    marks = ("\n-", "\n+", ". ", ".\n", ";", "\n\n", ":", "\t")
    near = max(0, pos - 500)
    start = max(text.rfind(x, near, pos) for x in marks) + 1
    if not start and near:
        floor = max(0, pos - SENTENCE_REACH)  # a run with no mark: a bounded sentence, not the whole text
        start = max(max(text.rfind(x, floor, pos) for x in marks) + 1, floor)
    limit = min(len(text), pos + SENTENCE_REACH)
    end_m = SENTENCE_END.search(text, pos, limit)
    end = end_m.start() if end_m else limit
    nl = text.find("\n-", pos, end + 1)  # an item mark that comes before the end
    return start, min(end, nl) if nl != -1 else end
