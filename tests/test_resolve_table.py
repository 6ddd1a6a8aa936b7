"""The resolve stage, one row per alias, succession, collective, metric phrase and document identity."""

from __future__ import annotations

from pathlib import Path

import pytest

from cancu.graph.assemble import build_graph
from cancu.graph.resolve import Resolver
from cancu.ontology.ids import number_key
from cancu.ontology.registry import load_registry, shipped
from cancu.queries.common import successors

RES = Resolver(shipped())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sở KH&ĐT", "so-ke-hoach-va-dau-tu@_"),
        ("BKHĐT", "bo-ke-hoach-va-dau-tu"),
        ("Bộ TT&TT", "bo-thong-tin-va-truyen-thong"),
        ("STP", "so-tu-phap@_"),
        ("Phòng TC-KH", "phong-tai-chinh-ke-hoach@_._"),
        ("Ủy ban Dân tộc", "uy-ban-dan-toc"),
    ],
)
def test_alias_to_body(name: str, expected: str) -> None:
    assert RES.reg.find_agency(name).id == expected


@pytest.mark.parametrize(
    ("name", "collective"),
    [
        ("UBND cấp xã", "UBND cấp xã"),
        ("UBND các xã, phường, thị trấn", "UBND cấp xã"),
        ("Sở, ban, ngành tỉnh", "Sở, ban, ngành tỉnh"),
        ("các sở, ban, ngành", "Sở, ban, ngành tỉnh"),
        ("Đơn vị có liên quan", "Đơn vị có liên quan"),
        ("Cơ quan, đơn vị huyện", "Cơ quan, đơn vị huyện"),
        ("Sở Nội vụ", None),
        ("UBND huyện Cù Lao Dung", None),
    ],
)
def test_collectives_are_not_bodies(name: str, collective: str | None) -> None:
    assert RES.collective(name) == collective


@pytest.mark.parametrize(
    ("node", "as_of", "expected"),
    [
        ("bo-ke-hoach-va-dau-tu", "2025-03-01", ["bo-tai-chinh"]),
        ("bo-ke-hoach-va-dau-tu", "2025-02-28", ["bo-ke-hoach-va-dau-tu"]),
        ("soc-trang", "2025-07-01", ["can-tho"]),
        ("binh-phuoc", "2025-07-01", ["dong-nai"]),
        ("soc-trang.cu-lao-dung", "2026-01-01", ["can-tho.an-thanh", "can-tho.cu-lao-dung"]),
        (
            "so-thong-tin-va-truyen-thong@_",
            "2025-04-01",
            ["so-khoa-hoc-va-cong-nghe@_", "so-van-hoa-the-thao-va-du-lich@_"],
        ),
    ],
)
def test_registry_successions(node: str, as_of: str, expected: list[str]) -> None:
    assert sorted(RES.reg.successors_of(node, as_of)) == expected


def test_reform_dates_come_from_the_data() -> None:
    r = RES.reform("district_level_end")
    assert (r.starts, r.last_day, r.basis) == ("2025-07-01", "2025-06-30", "203/2025/QH15")
    assert RES.reg.jurisdictions["soc-trang"].succession_date == RES.reform("provinces_merge").starts


@pytest.fixture(scope="module")
def graph():
    from cancu.ontology.record import DocumentInfo, PlanRecord, Task

    doc = DocumentInfo(
        number="1/KH-UBND",
        type="KH",
        issuer="UBND tỉnh Bình Phước",
        jurisdiction="Bình Phước",
        level="province",
        date="2024-01-10",
        title="CCHC 2024",
        period=[2024, 2024],
    )
    tasks = [
        Task(
            text="Rà soát TTHC",
            span=(0, 12),
            lead=["Bộ Kế hoạch và Đầu tư", "UBND cấp xã", "Sở Xây dựng tỉnh Bình Phước"],
        )
    ]
    return build_graph([PlanRecord(source="x.txt", document=doc, tasks=tasks)], shipped())


@pytest.mark.parametrize(
    ("agency", "as_of", "expected"),
    [
        (
            "agency:bo-ke-hoach-va-dau-tu",
            "2025-06-01",
            ["Bộ Tài chính"],
        ),  # the graph ends the ministry as the registry does
        ("agency:so-xay-dung@binh-phuoc", "2025-08-01", ["Sở Xây dựng tỉnh Đồng Nai"]),
        ("agency:ubnd@binh-phuoc", "2025-08-01", ["UBND tỉnh Đồng Nai"]),
        ("agency:ubnd@binh-phuoc", "2025-06-30", []),
    ],
)
def test_graph_successors_are_named_from_body_and_new_unit(
    graph, agency: str, as_of: str, expected: list[str]
) -> None:
    assert [graph.nodes[s]["label"] for s in successors(graph, agency, as_of)] == expected


def test_a_collective_never_ends(graph) -> None:
    collective = next(n for n, d in graph.nodes(data=True) if d.get("label") == "UBND cấp xã")
    assert (
        graph.nodes[collective].get("active_until") is None and graph.nodes[collective]["collective"] is True
    )


@pytest.mark.parametrize(
    ("text", "values", "metrics"),
    [
        (
            "Tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính, được triển khai thanh toán trực tuyến, trong số đó, "
            "tỷ lệ giao dịch thanh toán trực tuyến đạt từ 30% trở lên",
            [80, 30],
            ["tthc-online-payment", "online-payment-transactions"],
        ),
        (
            "Giảm tối thiểu 10% số lượng đơn vị sự nghiệp công lập và 10% biên chế sự nghiệp hưởng lương từ ngân sách nhà nước",
            [10, 10],
            ["public-service-units-reduction", "public-service-payroll-reduction"],
        ),
        (
            "Cắt giảm, đơn giản hóa tối thiểu 20% số quy định và cắt giảm tối thiểu 20% chi phí tuân thủ quy định",
            [20, 20],
            ["business-regulations-cut", "compliance-cost-cut"],
        ),
        (
            "Trong số đó, ít nhất 80% TTHC được tích hợp, cung cấp trên cổng Dịch vụ công quốc gia Tỷ lệ hồ sơ giải quyết "
            "trực tuyến mức độ 3 và 4 trên tổng số hồ sơ đạt tối thiểu 50%",
            [80, 50],
            ["tthc-online-level34", "online-dossier-rate"],
        ),
        (
            "80% hồ sơ công việc tại cấp huyện và 60% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng",
            [80, 60],
            ["work-files-online-district", "work-files-online-commune"],
        ),
        (
            "100% đơn vị sự nghiệp kinh tế và sự nghiệp khác hoàn thành chuyển đổi thành công ty cổ phần",
            [100],
            ["economic-units-conversion"],
        ),
    ],
)
def test_each_figure_gets_the_metric_of_its_own_clause(
    text: str, values: list[int], metrics: list[str]
) -> None:
    assert RES.target_metrics([(text, v, "%", None) for v in values], "province") == metrics


@pytest.mark.parametrize(
    ("text", "level", "metric"),
    [
        (
            "100% hồ sơ công việc tại cơ quan được xử lý trên môi trường mạng",
            "department",
            "work-files-online-province",
        ),
        ("100% hồ sơ công việc tại cơ quan được xử lý trên môi trường mạng", "commune", None),
    ],
)
def test_a_metric_applies_only_at_its_levels(text: str, level: str, metric: str | None) -> None:
    assert RES.target_metrics([(text, 100, "%", None)], level) == [metric]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("76/NQ-CP", "76/nq-cp"),
        ("45/2020/NĐ-CP", "45/2020/ND CP"),
        ("Số: 3179/KH-SXD", "3179/KH-SXD"),
        ("136/2001/QĐ.TTg", "136/2001/QĐ-TTg"),  # the old dotted separator
    ],
)
def test_one_number_key(a: str, b: str) -> None:
    assert number_key(a) == number_key(b)


def test_local_documents_are_told_apart_by_their_province(tmp_path: Path) -> None:
    rows = tmp_path / "local.csv"
    rows.write_text(
        "number,year,issuer,status,confidence,source\n"
        "15/KH-UBND,2024,UBND tỉnh Lâm Đồng,expired,high,https://example.org/ld\n"
        "15/KH-UBND,2024,UBND tỉnh Bình Phước,in_force,high,https://example.org/bp\n",
        encoding="utf-8",
    )
    reg = load_registry([rows])
    assert reg.status_of("15/KH-UBND", 2024, "lam-dong").status == "expired"
    assert reg.status_of("15/KH-UBND", 2024, "binh-phuoc.dong-xoai").status == "in_force"
    assert reg.status_of("15/KH-UBND", 2024, "dong-thap") is None
    assert reg.status_of("15/KH-UBND", 2024) is None  # a national citation never takes a local row


@pytest.fixture(scope="module")
def district_graph():
    from cancu.ontology.record import DocumentInfo, PlanRecord, Task

    doc = DocumentInfo(
        number="3/KH-UBND",
        type="KH",
        issuer="UBND huyện Cù Lao Dung",
        jurisdiction="Cù Lao Dung, Sóc Trăng",
        level="district",
        date="2023-01-04",
        title="CCHC 2023",
        period=[2023, 2023],
    )
    tasks = [
        Task(
            text="Rà soát", span=(0, 7), lead=["Phòng Nội vụ", "UBND cấp xã", "Văn phòng HĐND và UBND huyện"]
        )
    ]
    return build_graph([PlanRecord(source="d.txt", document=doc, tasks=tasks)], shipped())


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Phòng Nội vụ", ["Sở Nội vụ thành phố Cần Thơ", "UBND xã An Thạnh", "UBND xã Cù Lao Dung"]),
        ("Văn phòng HĐND và UBND huyện", ["UBND xã An Thạnh", "UBND xã Cù Lao Dung"]),
        ("UBND cấp xã", []),  # a collective: never ends, no successor
    ],
)
def test_district_bodies_pass_to_communes_and_departments(
    district_graph, body: str, expected: list[str]
) -> None:
    key = next(
        n for n, d in district_graph.nodes(data=True) if d.get("kind") == "Agency" and d.get("label") == body
    )
    assert [
        district_graph.nodes[s]["label"] for s in successors(district_graph, key, "2026-01-01")
    ] == expected
