"""One self-contained, offline, escaped HTML page per picture.

Not pyvis's template: pyvis 0.3.2 loads vis-network and bootstrap from CDNs
even in "local" mode, writes without an encoding, garbles non-Latin text in
its select menu, turns every tooltip into raw HTML once one contains "href",
and interpolates the heading and node ids unescaped into the page. Here:
- vis-network 9.1.2 (vendored in ``assets/``) and all CSS are inlined; a
  Content-Security-Policy with ``default-src 'none'`` and hashed scripts
  forbids any network load and any injected handler;
- all data travels as one JSON blob in ``<script type="application/json">``
  with ``< > &`` and U+2028/2029 escaped, so no string can close the script;
- labels and tooltips become text nodes (``textContent``), never HTML;
- filter options are written here with ``html.escape`` in NFC form.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from cancu.ontology.ids import ascii_fold
from cancu.ontology.vocab import AREA_LABELS
from cancu.viz.layout import (
    DASHES,
    ENDED_FILL,
    FLAG_COLOURS,
    FONT_PX,
    LEGEND_LEVEL_NAMES,
    LEVEL_COLOURS,
    NODE_WIDTH,
    VALUE_MARKS,
    edge_style,
    positions,
    style,
    successor_edges,
)
from cancu.viz.picture import FLAGS, LEVEL_ROWS, Picture, PictureError, PictureNode, nfc

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


@cache
def _asset(name: str) -> str:
    return resources.files("cancu.viz").joinpath(name).read_text(encoding="utf-8")


@cache
def vis_js() -> str:
    """The vendored library, made inert as page text: its source-map comment is
    dropped (a loadable relative reference) and every ``://`` is written
    ``:\\/\\/``, which JavaScript reads as the same string but leaves no URL for
    a proxy or an auditor's grep to find. Refuses a library that could end
    its own script element."""
    js = _asset("assets/vis-network.min.js")
    js = re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.MULTILINE)
    _check_inlinable(js, "script")
    return js.replace("://", ":\\/\\/")


@cache
def vis_css() -> str:
    css = re.sub(r"/\*# sourceMappingURL=.*?\*/", "", _asset("assets/vis-network.css"))
    _check_inlinable(css, "style")
    if re.search(r"@import|url\(\s*(?!['\"]?data:)", css, flags=re.IGNORECASE):
        raise PictureError("vendored vis-network.css loads an external resource")
    return css


def _check_inlinable(text: str, tag: str) -> None:
    lowered = text.lower()
    if f"</{tag}" in lowered or "<!--" in lowered:
        raise PictureError(f"vendored asset cannot be inlined in <{tag}>")


def json_for_script(value: Any) -> str:
    """JSON that is inert inside ``<script>``: no ``</script>``, no ``<!--``, no
    line separators that old parsers treat as newlines."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _facts(node: PictureNode) -> list[list[str]]:
    facts = [["kind", node.kind or node.level], ["level", node.level], ["id", node.id]]
    for key, value in (
        ("jurisdiction", node.jurisdiction),
        ("area", _area_name(node.area)),
        ("audit flag", node.flag),
        ("ended", node.ended),
        ("value vs parent", VALUE_MARKS.get(node.value_vs_parent or "")),
        ("not loaded", "known only from citations" if node.dashed else None),
    ):
        if value:
            facts.append([key, value])
    if node.successors:
        facts.append(["successors", ", ".join(node.successors)])
    facts.extend([[k, v] for k, v in node.facts.items()])
    return [[nfc(str(k)), nfc(str(v))] for k, v in facts]


def _area_name(code: str | None) -> str | None:
    if not code:
        return None
    names = AREA_LABELS.get(code)
    return f"{names[0]} ({code})" if names else code


def _where(ev: Any) -> str:
    span = f" [{ev.span[0]}, {ev.span[1]})" if ev.span else ""
    return nfc(f"{ev.file}{span}")


def page_data(picture: Picture) -> dict[str, Any]:
    """vis-network's nodes, edges and options, plus the text the page shows."""
    at = positions(picture)
    labels = {n.id: n.label for n in picture.nodes}
    nodes, meta = [], []
    for node in picture.nodes:
        look = style(node)
        x, y = at[node.id]
        vis_node: dict[str, Any] = {
            "id": node.id,
            "label": _short(nfc(look.text)),
            "x": x,
            "y": y,
            "shape": look.shape,
            "color": {
                "background": look.fill,
                "border": look.border,
                "highlight": {"background": look.fill, "border": "#000000"},
                "hover": {"background": look.fill, "border": "#000000"},
            },
            "borderWidth": look.border_width,
            "borderWidthSelected": look.border_width + 2,
            "font": {"color": look.font},
        }
        if look.dashed:
            vis_node["shapeProperties"] = {"borderDashes": list(DASHES)}
        nodes.append(vis_node)
        tip_lines = [f"{k}: {v}" for k, v in _facts(node)[:6] if k != "id"]
        tip_lines += [f"“{ev.quote[:200]}” — {_where(ev)}" for ev in node.evidence[:1] if ev.quote]
        meta.append(
            {
                "id": node.id,
                "label": nfc(node.label),
                "level": node.level,
                "flag": node.flag or "",
                "jurisdiction": nfc(node.jurisdiction or ""),
                "area": node.area or "",
                "search": ascii_fold(
                    nfc(" ".join([node.label, node.id, node.jurisdiction or "", *node.facts.values()]))
                ),
                "facts": _facts(node),
                "tip": [nfc(t) for t in tip_lines],
                "evidence": [{"where": _where(ev), "quote": nfc(ev.quote)} for ev in node.evidence],
            }
        )
        if node.successors:
            meta[-1]["facts"].append(
                ["successor names", nfc(", ".join(labels.get(s, s) for s in node.successors))]
            )
    edges = []
    links = [(e.source, e.target, e.kind, e.label) for e in picture.edges]
    links += [(a, b, "SUCCEEDED_BY", "") for a, b in successor_edges(picture)]
    for i, (source, target, kind, label) in enumerate(links):
        look = edge_style(kind)
        edge: dict[str, Any] = {
            "id": f"e{i}",
            "from": source,
            "to": target,
            "color": {"color": look.colour},
            "label": nfc(label or look.label),
        }
        if look.dashed:
            edge["dashes"] = True
        edges.append(edge)
    options = {
        "physics": False,
        "layout": {"hierarchical": False, "improvedLayout": False},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": len(edges) > 300,
            "multiselect": False,
        },
        "nodes": {
            "shape": "box",
            "margin": 8,
            "widthConstraint": {"maximum": NODE_WIDTH - 10},
            "font": {"face": "DejaVu Sans, Arial, sans-serif", "size": FONT_PX, "multi": False},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": False,
            "font": {"size": 10, "align": "middle", "multi": False},
        },
    }
    return {"nodes": nodes, "edges": edges, "meta": meta, "options": options}


def _short(text: str, limit: int = 160) -> str:
    """Canvas labels stay readable boxes; the side panel shows the full text."""
    return "\n".join(line if len(line) <= limit else line[: limit - 1] + "…" for line in text.split("\n"))


def _options(values: list[tuple[str, str]]) -> str:
    return "".join(f'<option value="{html.escape(v)}">{html.escape(t)}</option>' for v, t in values)


def _legend() -> str:
    rows = []
    for level, name in LEGEND_LEVEL_NAMES.items():
        rows.append(f'<div class="legend-row"><span class="sw lv-{level}"></span>{html.escape(name)}</div>')
    for flag in FLAGS:
        rows.append(f'<div class="legend-row"><span class="sw fl-{flag}"></span>audit: {flag}</div>')
    rows.append(
        '<div class="legend-row"><span class="sw dashed"></span>dashed: document known only '
        "from citations (not loaded)</div>"
    )
    rows.append(
        '<div class="legend-row"><span class="sw ended"></span>grey fill: body no longer exists; '
        "dashed orange arrow to its successor</div>"
    )
    rows.append(
        '<div class="legend-row"><span class="sw summary"></span>ellipse: collapsed nodes, '
        "with the command to drill down</div>"
    )
    rows.append('<div class="legend-row">' + html.escape(" · ".join(VALUE_MARKS.values())) + "</div>")
    return "".join(rows)


def _legend_css() -> str:
    rules = [f".lv-{k}{{background:{v}}}" for k, v in LEVEL_COLOURS.items()]
    rules += [f".fl-{k}{{background:#fff;border:4px solid {v}}}" for k, v in FLAG_COLOURS.items()]
    rules += [
        ".dashed{background:#fff;border:2px dashed #50606b}",
        f".ended{{background:{ENDED_FILL}}}",
        ".summary{background:#fff;border-radius:50%}",
    ]
    return "\n".join(rules)


def render_html(picture: Picture) -> str:
    """The page as text; ``write_html`` puts it on disk."""
    picture.validate()
    data = page_data(picture)
    page_js = _asset("assets/page.js")
    _check_inlinable(page_js, "script")
    page_css = _asset("assets/page.css") + "\n" + _legend_css()
    scripts = [vis_js(), page_js]
    styles = [vis_css(), page_css]
    csp = (
        "default-src 'none'; script-src "
        + " ".join(_sha(s) for s in scripts)
        + "; style-src "
        + " ".join(_sha(s) for s in styles)
        + "; img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
    )
    jurisdictions = sorted({nfc(n.jurisdiction) for n in picture.nodes if n.jurisdiction})
    levels = sorted({n.level for n in picture.nodes}, key=lambda lv: (LEVEL_ROWS[lv], lv))
    areas = sorted({n.area for n in picture.nodes if n.area})
    flags = [f for f in FLAGS if any(n.flag == f for n in picture.nodes)]
    values = {
        "csp": html.escape(csp),
        "title": html.escape(nfc(picture.title)),
        "vis_css": styles[0],
        "page_css": styles[1],
        "jurisdiction_options": _options([(j, j) for j in jurisdictions]),
        "level_options": _options([(lv, lv) for lv in levels]),
        "area_options": _options([(a, _area_name(a) or a) for a in areas]),
        "flag_options": _options([(f, f) for f in flags]),
        "legend": _legend(),
        "data": json_for_script(data),
        "vis_js": scripts[0],
        "page_js": scripts[1],
    }
    # One pass: text inserted for one placeholder is never scanned for another.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset("templates/page.html"))


def write_html(picture: Picture, out_path: Path) -> Path:
    text = render_html(picture)
    try:
        out_path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as err:
        raise PictureError(f"cannot write {out_path}: {err.strerror or err}") from err
    return out_path
