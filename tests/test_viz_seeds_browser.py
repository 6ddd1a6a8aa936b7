"""Issue 10's done-when: the seeds' trace of 76/NQ-CP drawn in headless Chromium, offline,
and a plan whose text carries markup rendered inert, through the whole pipeline."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from test_viz_browser import DRAWN, coloured_pixels, offline_requests

from cancu.cli import main
from cancu.viz.headless import find_browser, load_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        find_browser() is None and not os.environ.get("CANCU_REQUIRE_BROWSER"),
        reason="needs Chromium (apt-get install chromium)",
    ),
]
EVIL = "<img src=x onerror=alert(1)>"


def test_seed_trace_draws_offline(tmp_path, seeds):
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(main, ["load", *map(str, seeds), "--store", store]).exit_code == 0
    page = tmp_path / "cascade.html"
    result = runner.invoke(main, ["viz", "trace", "76/NQ-CP 2021", "-o", str(page), "--store", store])
    assert result.exit_code == 0, result.output
    report = load_page(
        page,
        (1200, 900),
        wait_for=DRAWN,
        evaluate={"count": "document.getElementById('f-count').textContent"},
    )
    assert report.errors == [] and report.blocked == []
    assert offline_requests(report, page) == []
    from cancu.api import open_store
    from cancu.queries.trace import trace
    from cancu.viz.adapters import trace_picture

    result = trace(open_store(store).graph(), "76/NQ-CP 2021")
    expected = len(trace_picture(result).nodes)
    assert len(result.nodes) == 7 and expected > 7  # seven plans, and the targets beside them
    assert report.values["count"] == f"{expected} / {expected}"
    assert coloured_pixels(report.png, (20, 120, 820, 880)) > 1000


def test_hostile_text_from_a_plan_never_runs(tmp_path):
    plan = tmp_path / "evil.txt"
    plan.write_text(
        "UBND TỈNH LÂM ĐỒNG\nSố: 5/KH-UBND\nLâm Đồng, ngày 02 tháng 3 năm 2026\nKẾ HOẠCH\n"
        f"{EVIL} Cải cách hành chính\n\nCăn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;\n"
        "UBND tỉnh ban hành Kế hoạch như sau:\n",
        encoding="utf-8",
    )
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(main, ["load", str(plan), "--store", store]).exit_code == 0
    page = tmp_path / "evil.html"
    assert (
        runner.invoke(main, ["viz", "trace", "76/NQ-CP 2021", "-o", str(page), "--store", store]).exit_code
        == 0
    )
    html = page.read_text(encoding="utf-8")
    assert EVIL not in html  # escaped in the data blob
    report = load_page(
        page,
        wait_for=DRAWN,
        evaluate={
            "imgs": "document.images.length",
            "panel": "cancuNetwork.emit('click', {nodes: ['doc:5-kh-ubnd.2026@lam-dong'], edges: []});"
            "document.getElementById('panel-body').textContent",
        },
    )
    assert report.errors == [] and report.values["imgs"] == 0
    assert EVIL in report.values["panel"]  # shown as text, never as markup
