"""Pictures open fitted and legible at 1400×900: measured in headless Chromium as the
size a label is drawn at (its font size times the canvas scale vis-network fitted to),
for the seeds' 32-node trace and for cascades up to 60 nodes."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from test_viz_browser import DRAWN

from cancu.cli import main
from cancu.viz.headless import find_browser, load_page
from cancu.viz.render import render
from cancu.viz.samples import synthetic_cascade

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        find_browser() is None and not os.environ.get("CANCU_REQUIRE_BROWSER"),
        reason="needs Chromium (apt-get install chromium)",
    ),
]
#: Smallest label size, in screen pixels, read without zooming (DejaVu Sans; the page text is 13-14 px)
READABLE_PX = 9
MEASURE = {
    "label_px": "cancuNetwork.getScale() * cancuNetwork.body.nodes[cancuNetwork.body.nodeIndices[0]].options.font.size",
    "outside": "(function(){var n=cancuNetwork, c=document.getElementById('graph'), bad=0;"
    "n.body.nodeIndices.forEach(function(id){var b=n.getBoundingBox(id),"
    "a=n.canvasToDOM({x:b.left,y:b.top}), z=n.canvasToDOM({x:b.right,y:b.bottom});"
    "if(a.x<0||a.y<0||z.x>c.clientWidth||z.y>c.clientHeight){bad+=1;}});return bad;})()",
    "overlaps": "(function(){var n=cancuNetwork, ids=n.body.nodeIndices, k=0;"
    "for(var i=0;i<ids.length;i++){for(var j=i+1;j<ids.length;j++){"
    "var a=n.getBoundingBox(ids[i]), b=n.getBoundingBox(ids[j]);"
    "if(a.left<b.right&&b.left<a.right&&a.top<b.bottom&&b.top<a.bottom){k+=1;}}}return k;})()",
}


def _measure(page):
    report = load_page(page, (1400, 900), wait_for=DRAWN, evaluate=MEASURE)
    assert report.errors == []
    return report.values


def test_seed_trace_opens_legible(tmp_path, seeds):
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(main, ["load", *map(str, seeds), "--store", store]).exit_code == 0
    page = tmp_path / "cascade.html"
    result = runner.invoke(main, ["viz", "trace", "76/NQ-CP 2021", "-o", str(page), "--store", store])
    assert int(result.output.split("(")[1].split()[0]) >= 30  # the 32-node trace of the issue
    values = _measure(page)
    assert values["label_px"] >= READABLE_PX, values  # was 14 px × 0.19 = 2.6 px
    assert (values["outside"], values["overlaps"]) == (0, 0)


@pytest.mark.parametrize("departments,tasks", [(3, 9), (5, 10), (2, 28), (1, 58)])
def test_cascades_up_to_60_nodes_open_legible(tmp_path, departments, tasks):
    picture = synthetic_cascade(departments, tasks)
    assert len(picture.nodes) <= 60
    values = _measure(render(picture, tmp_path / "p.html"))
    assert values["label_px"] >= READABLE_PX, values
    assert (values["outside"], values["overlaps"]) == (0, 0)
