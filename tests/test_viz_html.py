"""The HTML page: offline, UTF-8, escaped; one test per pyvis 0.3.2 pitfall."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cancu.viz.html import json_for_script, render_html
from cancu.viz.picture import Picture, PictureEdge, PictureError, PictureNode
from cancu.viz.render import render
from cancu.viz.samples import DEPARTMENT, sample_picture, synthetic_cascade

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "cancu" / "viz" / "assets"
EVIL_LABEL = "<img src=x onerror=alert(1)>"
EVIL_ID = '"); alert(1); ("'


def data_blob(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="cancu-data">(.*?)</script>', page, re.DOTALL)
    assert m, "data blob missing"
    return json.loads(m.group(1))


def outside_blob(page: str) -> str:
    return re.sub(r'<script type="application/json" id="cancu-data">.*?</script>', "", page, flags=re.DOTALL)


class _References(HTMLParser):
    """Every attribute or element through which a browser could load something."""

    LOADING_ATTRS = {"src", "href", "srcset", "action", "formaction", "poster", "data", "background", "ping"}
    LOADING_TAGS = {"link", "img", "iframe", "object", "embed", "audio", "video", "source", "base"}

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.LOADING_TAGS:
            self.found.append(f"<{tag}>")
        self.found += [f"{tag} {name}={value}" for name, value in attrs if name in self.LOADING_ATTRS]


def loadable_references(page: str) -> list[str]:
    parser = _References()
    parser.feed(page)
    return parser.found


def evil_picture() -> Picture:
    p = sample_picture(title="<script>alert(1)</script> Kế hoạch")
    p.nodes.append(
        PictureNode(
            EVIL_ID,
            EVIL_LABEL,
            "task",
            "Task",
            jurisdiction=EVIL_LABEL,
            facts={"note": "</script><script>alert(2)</script>\u2028x"},
        )
    )
    p.edges.append(PictureEdge("doc:kh-cchc@dong-thap", EVIL_ID, "HAS_TASK"))
    return p


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("viz") / "page.html"
    render(evil_picture(), out)
    return out.read_bytes().decode("utf-8")  # fails if not valid UTF-8


def test_no_cdn_or_url_reference_offline(page):
    # pyvis "local" mode still loads vis-network and bootstrap from CDNs
    assert "http://" not in page and "https://" not in page
    lowered = page.lower()
    assert "<link" not in lowered and "@import" not in lowered
    assert not re.search(r"<script[^>]*\ssrc\s*=", lowered)
    assert loadable_references(page) == []
    styles = "".join(re.findall(r"<style>(.*?)</style>", lowered, flags=re.DOTALL))
    assert "url(" in styles  # the vendored CSS embeds its icons ...
    assert not re.search(r"url\(\s*(?![\"']?data:)", styles)  # ... as data: URIs only
    assert "sourcemappingurl" not in lowered
    assert re.search(
        r'<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; '
        r"script-src &#x27;sha256-",
        page,
    )


def test_csp_hashes_match_the_inline_scripts(page):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL)
    assert len(scripts) == 2
    for script in scripts:
        digest = hashlib.sha256(script.encode("utf-8")).digest()
        assert f"sha256-{base64.b64encode(digest).decode()}" in csp


def test_utf8_with_vietnamese_intact(tmp_path):
    # pyvis writes with the platform's default encoding; NFD input must come out NFC
    p = sample_picture()
    p.nodes[0].label = unicodedata.normalize("NFD", "Chương trình tổng thể cải cách hành chính")
    out = render(p, tmp_path / "vi.html")
    raw = out.read_bytes()
    text = raw.decode("utf-8")
    assert text.startswith('<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">')
    assert "Chương trình tổng thể cải cách hành chính".encode() in raw
    assert data_blob(text)["meta"][0]["label"] == "Chương trình tổng thể cải cách hành chính"


def test_select_menu_keeps_vietnamese_byte_exact(page):
    # pyvis's select_menu garbles non-Latin option text
    option = f'<option value="{DEPARTMENT}">{DEPARTMENT}</option>'
    sample = render_html(Picture("t", [PictureNode("a", "a", "department", jurisdiction=DEPARTMENT)]))
    assert option.encode("utf-8") in sample.encode("utf-8")
    decomposed = unicodedata.normalize("NFD", DEPARTMENT)
    again = render_html(Picture("t", [PictureNode("a", "a", "department", jurisdiction=decomposed)]))
    assert option in again


def test_href_in_one_title_does_not_make_titles_html(page):
    # pyvis renders every title as HTML once any title contains "href"
    blob = data_blob(page)
    notes = [m for m in blob["meta"] if m["id"] == EVIL_ID][0]
    assert ["note", "</script><script>alert(2)</script>\u2028x"] in notes["facts"]
    assert all("title" not in n for n in blob["nodes"])  # tooltips are built in the page, as DOM text
    js = (ASSETS / "page.js").read_text()
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "document.write" not in js
    assert "textContent" in js


def test_heading_is_escaped(page):
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt; Kế hoạch</h1>" in page
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; Kế hoạch</title>" in page
    assert "<script>alert(1)" not in page


def test_node_id_is_inert_data(page):
    # pyvis interpolates node ids into JavaScript source
    assert EVIL_ID not in page  # the quotes are JSON-escaped, never raw in the page
    assert EVIL_ID in [n["id"] for n in data_blob(page)["nodes"]]
    assert "alert(1); (" not in outside_blob(page)


def test_label_img_is_escaped(page):
    assert EVIL_LABEL not in page
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page
    assert "&lt;img src=x onerror=alert(1)&gt;</option>" in page
    assert "</script><script>alert(2)" not in page
    assert "\u2028" not in page


def test_json_for_script_escapes_what_could_close_a_script():
    text = json_for_script({"a": "</script><!-- & \u2028\u2029"})
    assert text == '{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029"}'
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029"}


def test_1500_nodes_physics_off_positions_fixed(tmp_path):
    big = synthetic_cascade(departments=15, tasks_per_department=99)
    assert len(big.nodes) == 1501
    out = render(big, tmp_path / "big.html", budget=2000)
    blob = data_blob(out.read_text(encoding="utf-8"))
    assert len(blob["nodes"]) == 1501
    assert blob["options"]["physics"] is False
    assert blob["options"]["layout"]["hierarchical"] is False
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in blob["nodes"])
    assert len({(n["x"], n["y"]) for n in blob["nodes"]}) == 1501
    again = render(big, tmp_path / "big2.html", budget=2000)
    assert again.read_bytes() == out.read_bytes()


def test_5000_nodes_render_within_budget(tmp_path):
    big = synthetic_cascade(departments=50, tasks_per_department=100)
    out = render(big, tmp_path / "huge.html")
    blob = data_blob(out.read_text(encoding="utf-8"))
    assert len(blob["nodes"]) <= 500
    assert (
        sum(1 for m in blob["meta"] if m["label"].startswith("100 tasks — drill down: cancu viz plan")) >= 46
    )


def test_vendored_library_is_the_recorded_one():
    js = (ASSETS / "vis-network.min.js").read_bytes()
    assert b"@version 9.1.2" in js[:400]
    docs = (ROOT / "docs" / "viz.md").read_text(encoding="utf-8")
    assert hashlib.sha256(js).hexdigest() in docs
    assert hashlib.sha256((ASSETS / "vis-network.css").read_bytes()).hexdigest() in docs


def test_bad_input_gives_one_line_errors(tmp_path):
    with pytest.raises(PictureError, match="unknown level 'village'"):
        PictureNode("a", "a", "village")
    with pytest.raises(PictureError, match="no node 'b'"):
        render(Picture("t", [PictureNode("a", "a", "task")], [PictureEdge("a", "b")]), tmp_path / "x.html")
    with pytest.raises(PictureError, match="does not exist"):
        render(sample_picture(), tmp_path / "missing" / "x.html")
    with pytest.raises(PictureError, match="unknown picture format 'pdf'"):
        render(sample_picture(), tmp_path / "x.pdf", "pdf")


def test_long_labels_are_cut_on_the_canvas_but_whole_in_the_panel():
    label = "Nhiệm vụ " * 100
    blob = data_blob(render_html(Picture("t", [PictureNode("a", label, "task")])))
    assert len(blob["nodes"][0]["label"]) == 160 and blob["nodes"][0]["label"].endswith("…")
    assert blob["meta"][0]["label"] == label
