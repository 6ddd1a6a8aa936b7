"""The page in real headless Chromium, network off: it draws, raises no
error, requests nothing, and never runs text from a document."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from cancu.viz.headless import find_browser, load_page
from cancu.viz.picture import PictureEdge, PictureNode
from cancu.viz.render import render
from cancu.viz.samples import sample_picture, synthetic_cascade

pytestmark = [
    pytest.mark.browser,
    # CI sets CANCU_REQUIRE_BROWSER=1 after installing Chromium: there a missing browser fails, never skips
    pytest.mark.skipif(
        find_browser() is None and not os.environ.get("CANCU_REQUIRE_BROWSER"),
        reason="needs Chromium (apt-get install chromium)",
    ),
]
DRAWN = "document.body.getAttribute('data-drawn') === 'yes'"
PWNED = "<img src=x onerror=\"document.title='PWNED'\">"


def decode_png(data: bytes) -> tuple[int, int, int, bytes]:
    """(width, height, channels, raw pixels) of an 8-bit RGB/RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride = zlib.decompress(idat), width * channels
    out, prev = bytearray(), bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += line
        prev = line
    return width, height, channels, bytes(out)


def coloured_pixels(png: bytes, box: tuple[int, int, int, int]) -> int:
    """Pixels inside box (x0, y0, x1, y1) that are not near-white."""
    width, _, ch, px = decode_png(png)
    x0, y0, x1, y1 = box
    return sum(
        1
        for y in range(y0, y1, 2)
        for x in range(x0, x1, 2)
        if min(px[(y * width + x) * ch : (y * width + x) * ch + 3]) < 200
    )


def offline_requests(report, page: Path) -> list[str]:
    return [u for u in report.requests if u != page.resolve().as_uri() and not u.startswith("data:")]


@pytest.fixture(scope="module")
def evil_page(tmp_path_factory) -> Path:
    picture = sample_picture(title="<script>document.title='PWNED'</script>Cascade")
    picture.nodes.append(
        PictureNode("evil", PWNED, "task", "Task", jurisdiction=PWNED, facts={"href": '<a href="x">link</a>'})
    )
    picture.edges.append(PictureEdge("doc:kh-cchc@dong-thap", "evil", "HAS_TASK"))
    return render(picture, tmp_path_factory.mktemp("browser") / "evil.html")


def test_page_draws_offline_without_errors_or_requests(evil_page):
    report = load_page(
        evil_page,
        (1200, 900),
        wait_for=DRAWN,
        evaluate={
            "canvas": "document.querySelector('#graph canvas').width",
            "count": "document.getElementById('f-count').textContent",
        },
    )
    assert report.errors == [] and report.blocked == []
    assert offline_requests(report, evil_page) == []
    assert report.values["count"] == "12 / 12"
    assert report.values["canvas"] > 600  # the canvas fills the space left of the 340px side panel
    # the graph area (left of the side panel, below the header) is drawn
    assert coloured_pixels(report.png, (20, 120, 820, 880)) > 2000


def test_text_from_documents_never_runs_or_becomes_markup(evil_page):
    report = load_page(
        evil_page,
        wait_for=DRAWN,
        evaluate={
            "title": "document.title",
            "imgs": "document.images.length",
            "tip_markup": "cancuNetwork.body.data.nodes.get('evil').title.querySelectorAll('*:not(div):not(b)').length",
            "tip_text": "cancuNetwork.body.data.nodes.get('evil').title.textContent",
            "panel": "cancuNetwork.emit('click', {nodes: ['evil'], edges: []});"
            "document.getElementById('panel-body').textContent",
            "panel_markup": "document.querySelectorAll('#panel-body a, #panel-body img').length",
        },
    )
    assert report.errors == []
    assert report.values["title"] == "<script>document.title='PWNED'</script>Cascade"
    assert report.values["imgs"] == 0
    assert report.values["tip_markup"] == 0
    assert report.values["tip_text"].startswith(PWNED)
    assert PWNED in report.values["panel"] and '<a href="x">link</a>' in report.values["panel"]
    assert report.values["panel_markup"] == 0


def test_click_shows_evidence_and_filters_fold_vietnamese(evil_page):
    report = load_page(
        evil_page,
        wait_for=DRAWN,
        evaluate={
            "panel": "cancuNetwork.emit('click', {nodes: ['doc:76-nq-cp.2021'], edges: []});"
            "document.getElementById('panel-body').textContent",
            "search": "var s = document.getElementById('f-search'); s.value = 'so noi vu';"
            "s.dispatchEvent(new Event('input')); document.getElementById('f-count').textContent",
            "level": "s.value = ''; var l = document.getElementById('f-level'); l.value = 'task';"
            "l.dispatchEvent(new Event('change')); document.getElementById('f-count').textContent",
            "option": "[...document.querySelectorAll('#f-jurisdiction option')].map(o => o.textContent).join('|')",
        },
    )
    assert report.errors == []
    assert "ke-hoach.txt [120, 161)" in report.values["panel"]
    assert "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021" in report.values["panel"]
    assert report.values["search"] == "1 / 12"
    assert report.values["level"] == "2 / 12"
    assert report.values["option"] == "all|" + PWNED + "|Đồng Tháp"


def test_collapsed_5000_node_cascade_draws(tmp_path):
    page = render(synthetic_cascade(departments=50, tasks_per_department=100), tmp_path / "big.html")
    report = load_page(page, wait_for=DRAWN, evaluate={"nodes": "cancuNetwork.body.data.nodes.length"})
    assert report.errors == [] and offline_requests(report, page) == []
    assert report.values["nodes"] <= 500


def test_png_export_is_drawn(tmp_path):
    out = render(sample_picture(), tmp_path / "p.png", "png")
    svg = render(sample_picture(), tmp_path / "p.svg", "svg").read_text(encoding="utf-8")
    width, height, _, _ = decode_png(out.read_bytes())
    assert f'width="{width}" height="{height}"' in svg.split(">", 1)[0]
    assert coloured_pixels(out.read_bytes(), (0, 0, width, height)) > 3000


def test_csp_blocks_markup_even_if_escaping_failed(evil_page, tmp_path):
    # defence in depth: splice a raw handler into the page as a broken escaper would
    broken = tmp_path / "broken.html"
    text = evil_page.read_text(encoding="utf-8")
    broken.write_text(text.replace("<body>", "<body>" + PWNED, 1), encoding="utf-8")
    report = load_page(broken, wait_for=DRAWN, evaluate={"title": "document.title"})
    assert report.values["title"] == "<script>document.title='PWNED'</script>Cascade"
    assert any("Content Security Policy" in e for e in report.errors)
    assert report.blocked == [(broken.parent / "x").as_uri() + " (csp)"]


def test_empty_picture_loads_without_errors(tmp_path):
    from cancu.viz.picture import Picture

    page = render(Picture("Không có kết quả"), tmp_path / "empty.html")
    report = load_page(
        page,
        wait_for="document.readyState === 'complete'",
        evaluate={"count": "document.getElementById('f-count').textContent"},
    )
    assert report.errors == [] and offline_requests(report, page) == []
    assert report.values["count"] == "0 / 0"
