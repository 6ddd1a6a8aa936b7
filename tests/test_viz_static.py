"""Static SVG: the same layout, escaped text, nothing to load or run."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from cancu.viz.layout import positions, style, successor_edges
from cancu.viz.picture import PictureNode
from cancu.viz.render import render
from cancu.viz.samples import sample_picture

SVG = "{http://www.w3.org/2000/svg}"
EVIL = "<img src=x onerror=alert(1)>"


def test_svg_is_well_formed_and_text_is_escaped(tmp_path):
    picture = sample_picture(title="<script>alert(1)</script> Sơ đồ")
    picture.nodes.append(PictureNode("evil", EVIL, "task"))
    out = render(picture, tmp_path / "p.svg", "svg")
    raw = out.read_text(encoding="utf-8")
    assert "<script" not in raw and "<img" not in raw
    assert "&lt;img src=x onerror=alert(1)&gt;" in raw
    root = ET.fromstring(raw)
    assert root.find(f"{SVG}title").text == "<script>alert(1)</script> Sơ đồ"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Sở Nội vụ tỉnh Đồng Tháp" in texts
    assert "ended 2025-07-01" in texts
    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert EVIL in titles
    hrefs = [k for el in root.iter() for k in el.attrib if k.endswith("href") or k == "src"]
    assert hrefs == []


def test_svg_draws_dashed_and_flagged_borders(tmp_path):
    raw = render(sample_picture(), tmp_path / "p.svg", "svg").read_text(encoding="utf-8")
    root = ET.fromstring(raw)
    rects = [r.attrib for g in root.iter(f"{SVG}g") for r in g.iter(f"{SVG}rect")]
    assert len(rects) == 11
    assert sum("stroke-dasharray" in r for r in rects) == 1
    assert {r["stroke"] for r in rects if r["stroke-width"] == "4"} == {
        "#c62828",
        "#e6a700",
        "#2e7d32",
        "#8a8a8a",
    }


def test_layout_is_top_down_by_level_and_deterministic():
    picture = sample_picture()
    at = positions(picture)
    assert at == positions(sample_picture())
    y = {n.level: at[n.id][1] for n in picture.nodes}
    assert (
        y["national"] < y["ministry"] < y["province"] < y["department"] < y["commune"] < y["unit"] < y["task"]
    )
    assert y["department"] == y["district"] and y["target"] == y["task"] < y["metric"]


def test_wide_rows_wrap():
    picture = sample_picture()
    picture.nodes += [PictureNode(f"t{i}", f"task {i}", "task") for i in range(60)]
    ys = [positions(picture)[f"t{i}"][1] for i in range(60)]
    per_line = max(ys.count(y) for y in ys)
    assert 4 <= per_line < 60 and len(set(ys)) == -(-60 // per_line)  # wrapped into full lines


def test_ended_bodies_link_to_successors():
    picture = sample_picture()
    ended = next(n for n in picture.nodes if n.ended)
    assert style(ended).text == "UBND huyện Cao Lãnh\nended 2025-07-01"
    assert successor_edges(picture) == [
        ("agency:ubnd-huyen@dong-thap.cao-lanh", "agency:ubnd-xa@dong-thap.my-tho")
    ]
