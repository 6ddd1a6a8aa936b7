"""Issue 8: bad input leaves the store untouched; mixed encodings in one folder; hostile text through
every query and export; a property test over the whole pipeline."""

from __future__ import annotations

import contextlib
import hashlib
import unicodedata
from pathlib import Path

import networkx as nx
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph as RDFGraph

from cancu.cli import main
from cancu.errors import CancuError
from cancu.graph.exports import export_graph
from cancu.graph.store import open_store
from cancu.loaders.decode import decode_bytes
from cancu.loaders.extract import extract_decoded
from cancu.queries.audit import audit
from cancu.queries.gaps import gaps
from cancu.queries.responsible import responsible
from cancu.queries.trace import trace

HOSTILE = (
    "<img src=x onerror=alert(1)></script>'}) DETACH DELETE n //$(rm -rf ~)`id`../../etc/passwd\u202e\u200b"
)


def _tree_hash(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file() and p.name != "lock":
            h.update(str(p.relative_to(folder)).encode() + p.read_bytes())
    return h.hexdigest()


def _plan(title: str, issuer: str = "UBND TỈNH LÂM ĐỒNG", extra: str = "") -> str:
    return (
        f"{issuer}\nSố: 5/KH-UBND\nLâm Đồng, ngày 02 tháng 3 năm 2026\nKẾ HOẠCH\n{title}\n\n"
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;\n"
        "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;\n"
        "UBND tỉnh ban hành Kế hoạch như sau:\n\nI. MỤC TIÊU\n- Tối thiểu 90% TTHC có nghĩa vụ tài chính được "
        "triển khai thanh toán trực tuyến.\n\nII. NHIỆM VỤ\n1. Cải cách thủ tục hành chính\n"
        f"- {extra or 'Sở Tư pháp'} chủ trì rà soát văn bản; hoàn thành trong Quý II/2026.\n\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\na) Định kỳ hằng quý báo cáo UBND tỉnh (qua Sở Nội vụ).\n"
    )


def test_bad_input_and_bad_dates_leave_the_store_untouched(tmp_path):
    store = tmp_path / "store"
    good = tmp_path / "good.txt"
    good.write_text(_plan("Cải cách hành chính"), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["load", str(good), "--store", str(store)]).exit_code == 0
    before = _tree_hash(store)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.txt").write_text(_plan("Một"), encoding="utf-8")
    (bad / "b.txt").write_bytes(b"")
    for args in (
        ["load", str(bad), "--strict"],
        ["load", str(tmp_path / "missing.txt")],
        ["trace", "76/NQ-CP 2021", "--as-of", "next week"],
        ["audit", "--as-of", "32/13/2026"],
    ):
        result = runner.invoke(main, [*args, "--store", str(store)])
        assert result.exit_code != 0
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert _tree_hash(store) == before


def test_mixed_encodings_in_one_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = _plan("Cải cách hành chính năm 2026")
    (folder / "utf8.txt").write_bytes(text.encode("utf-8"))
    (folder / "utf16.txt").write_bytes(text.replace("5/KH", "6/KH").encode("utf-16"))
    (folder / "nfd.txt").write_bytes(
        unicodedata.normalize("NFD", text.replace("5/KH", "7/KH")).encode("utf-8")
    )
    result = CliRunner().invoke(main, ["load", str(folder), "--store", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    g = open_store(tmp_path / "s").graph()
    assert sorted(d["number"] for _, d in g.nodes(data=True) if d.get("loaded")) == [
        "5/KH-UBND",
        "6/KH-UBND",
        "7/KH-UBND",
    ]


def test_hostile_text_through_every_query_and_export(tmp_path):
    plan = tmp_path / "evil.txt"
    plan.write_text(_plan(HOSTILE + " " + "x" * 100_000, extra=HOSTILE), encoding="utf-8")
    store = tmp_path / "store"
    runner = CliRunner()
    assert runner.invoke(main, ["load", str(plan), "--store", str(store)]).exit_code == 0
    for cmd in (["trace", "76/NQ-CP 2021"], ["responsible", "5/KH-UBND"], ["audit"], ["gaps"]):
        for fmt in ("table", "json", "csv"):
            result = runner.invoke(
                main, [*cmd, "--format", fmt, "--store", str(store), "--as-of", "2026-11-22"]
            )
            assert result.exit_code == 0, (cmd, fmt, result.output[-300:])
    out = tmp_path / "out"
    out.mkdir()
    for fmt, name in (
        ("ttl", "g.ttl"),
        ("jsonld", "g.jsonld"),
        ("graphml", "g.graphml"),
        ("gexf", "g.gexf"),
        ("csv", "csv"),
    ):
        assert (
            runner.invoke(
                main, ["export", "--format", fmt, "-o", str(out / name), "--store", str(store)]
            ).exit_code
            == 0
        )
    RDFGraph().parse(out / "g.ttl", format="turtle")
    nx.read_graphml(out / "g.graphml")
    page = out / "cascade.html"
    assert (
        runner.invoke(
            main, ["viz", "trace", "76/NQ-CP 2021", "-o", str(page), "--store", str(store)]
        ).exit_code
        == 0
    )
    assert "<img src=x" not in page.read_text(encoding="utf-8")
    written = {p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()}
    assert all(
        str(p).startswith(("out", "store", "evil.txt")) for p in written
    )  # nothing escaped the folders


PIECES = st.sampled_from(
    [
        "UBND TỈNH SÓC TRĂNG\n",
        "SỞ NỘI VỤ\n",
        "Số: 12/KH-UBND\n",
        "Sóc Trăng, ngày 04 tháng 01 năm 2023\n",
        "KẾ HOẠCH\n",
        "Căn cứ Kế hoạch số 192/KH-UBND ngày 20/12/2022 của Ủy ban nhân dân tỉnh;\n",
        "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;\n",
        "như sau:\n",
        "I. MỤC TIÊU\n",
        "II. NHIỆM VỤ\n",
        "1. Cải cách thể chế\n",
        "a) Mục tiêu đến năm 2025\n",
        "- Tối thiểu 80% TTHC được thanh toán trực tuyến.\n",
        "- Phòng Nội vụ chủ trì kiểm tra; hoàn thành trong Quý I/2023.\n",
        "+ Rà soát.\n",
        "IV. TỔ CHỨC THỰC HIỆN\n",
        "Nhiệm vụ chung\tNội dung\tSản phẩm\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\n",
        "I. Cải cách TTHC\t1. Niêm yết 100% TTHC\t- Báo cáo\tPhòng Tư pháp\tUBND cấp xã\tQuý I/2023\n",
        "báo cáo UBND tỉnh (qua Sở Nội vụ) hằng quý\n",
        "12\n",
        "\f",
        "Nơi nhận:\nCHỦ TỊCH\nTrần Văn A\n",
    ]
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.one_of(PIECES, st.text(max_size=40)), min_size=1, max_size=30))
def test_property_whole_pipeline(tmp_path_factory, pieces):
    text = "".join(pieces)
    try:
        record = extract_decoded(decode_bytes(text.encode("utf-8"), "p.txt"))
    except CancuError:
        return
    store = open_store(tmp_path_factory.mktemp("s"))
    store.load([("p.txt", record)])
    g = store.graph()
    for fn in (
        lambda: trace(g, "76/NQ-CP 2021"),
        lambda: audit(g),
        lambda: gaps(g),
        lambda: responsible(g, record.document.number or "76/NQ-CP 2021"),
    ):
        with contextlib.suppress(CancuError):
            fn()
    out = tmp_path_factory.mktemp("x")
    for fmt in ("ttl", "graphml", "csv"):
        export_graph(g, fmt, out / f"g.{fmt}", base="https://cancu.example/id/")


def test_a_large_text_with_no_plan_facts_says_so():
    """Issue 20: a large file that holds no plan (a 20,000-page PDF of one stream once loaded silently
    as a plan with no facts) gets a warning naming its size; a plan of the same size does not."""
    prose = "Người dân và doanh nghiệp được phục vụ tốt hơn trong mọi lĩnh vực của đời sống xã hội.\n"
    text = prose * (210_000 // len(prose) + 1)
    record = extract_decoded(decode_bytes(text.encode(), "novel.txt"))
    assert record.warnings[-1] == f"no plan facts found in {len(text):,} characters of text: is this a plan?"
    plan = _plan("Cải cách hành chính năm 2026") + prose * (210_000 // len(prose) + 1)
    warnings = extract_decoded(decode_bytes(plan.encode(), "plan.txt")).warnings
    assert not any(w.startswith("no plan facts") for w in warnings)
