"""Made-up pictures for tests, benchmarks and the README screenshot.

Built here rather than from seed plans so the renderer can be exercised
before any graph exists, and at sizes no real plan reaches.
"""

from __future__ import annotations

from cancu.viz.picture import Evidence, Picture, PictureEdge, PictureNode

PROVINCE = "Đồng Tháp"
DEPARTMENT = "Sở Nội vụ tỉnh Đồng Tháp"


def sample_picture(title: str = "Chuỗi kế hoạch CCHC — Đồng Tháp") -> Picture:
    """One of everything the legend shows: each level, each flag, a dashed
    document, an ended body with its successor, targets with value vs parent."""
    nodes = [
        PictureNode(
            "doc:76-nq-cp.2021",
            "76/NQ-CP Chương trình tổng thể CCHC 2021-2030",
            "national",
            "Plan",
            facts={"date": "2021-07-15"},
            flag="green",
            evidence=[Evidence("ke-hoach.txt", (120, 161), "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021")],
        ),
        PictureNode("doc:1291-qd-bnv.2019", "1291/QĐ-BNV", "ministry", "Document", dashed=True, flag="grey"),
        PictureNode(
            "doc:kh-cchc@dong-thap",
            "Kế hoạch CCHC năm 2024 tỉnh Đồng Tháp",
            "province",
            "Plan",
            jurisdiction=PROVINCE,
            flag="red",
            facts={"cites": "a replaced text"},
        ),
        PictureNode(
            "agency:so-noi-vu@dong-thap",
            DEPARTMENT,
            "department",
            "Agency",
            jurisdiction=PROVINCE,
            flag="yellow",
        ),
        PictureNode(
            "agency:ubnd-huyen@dong-thap.cao-lanh",
            "UBND huyện Cao Lãnh",
            "district",
            "Agency",
            jurisdiction=PROVINCE,
            ended="2025-07-01",
            successors=["agency:ubnd-xa@dong-thap.my-tho"],
        ),
        PictureNode(
            "agency:ubnd-xa@dong-thap.my-tho", "UBND xã Mỹ Thọ", "commune", "Agency", jurisdiction=PROVINCE
        ),
        PictureNode("agency:van-phong@so-noi-vu", "Văn phòng Sở", "unit", "Agency", jurisdiction=PROVINCE),
        PictureNode(
            "target:kh#1",
            "100% TTHC đủ điều kiện được cung cấp trực tuyến toàn trình",
            "target",
            "Target",
            area="tthc",
            value_vs_parent="stricter",
            jurisdiction=PROVINCE,
        ),
        PictureNode(
            "target:kh#2",
            "Tối thiểu 50% hồ sơ trực tuyến",
            "target",
            "Target",
            area="tthc",
            value_vs_parent="weaker",
            jurisdiction=PROVINCE,
        ),
        PictureNode(
            "task:kh#1",
            "Rà soát, đơn giản hóa thủ tục hành chính",
            "task",
            "Task",
            area="tthc",
            jurisdiction=PROVINCE,
        ),
        PictureNode("metric:tthc-online", "TTHC trực tuyến toàn trình", "metric", "Metric", area="tthc"),
    ]
    edges = [
        PictureEdge("doc:kh-cchc@dong-thap", "doc:76-nq-cp.2021", "IMPLEMENTS", "thực hiện"),
        PictureEdge("doc:kh-cchc@dong-thap", "doc:1291-qd-bnv.2019", "CITES"),
        PictureEdge("agency:so-noi-vu@dong-thap", "doc:kh-cchc@dong-thap", "RESPONSIBLE_FOR"),
        PictureEdge("agency:ubnd-huyen@dong-thap.cao-lanh", "doc:kh-cchc@dong-thap", "RESPONSIBLE_FOR"),
        PictureEdge("agency:van-phong@so-noi-vu", "agency:so-noi-vu@dong-thap", "PART_OF"),
        PictureEdge("doc:kh-cchc@dong-thap", "target:kh#1", "HAS_TARGET"),
        PictureEdge("doc:kh-cchc@dong-thap", "target:kh#2", "HAS_TARGET"),
        PictureEdge("agency:van-phong@so-noi-vu", "task:kh#1", "LEADS"),
        PictureEdge("target:kh#1", "metric:tthc-online", "MEASURES"),
    ]
    return Picture(title, nodes, edges)


def synthetic_cascade(departments: int, tasks_per_department: int, red_every: int = 0) -> Picture:
    """A province plan, ``departments`` agencies under it, each leading
    ``tasks_per_department`` tasks; every ``red_every``-th task flagged red."""
    nodes = [PictureNode("doc:plan", "Kế hoạch tỉnh", "province", "Plan", jurisdiction=PROVINCE)]
    edges = []
    n = 0
    for d in range(departments):
        dept = f"agency:d{d}"
        nodes.append(PictureNode(dept, f"Sở {d}", "department", "Agency", jurisdiction=PROVINCE))
        edges.append(PictureEdge(dept, "doc:plan", "RESPONSIBLE_FOR"))
        for t in range(tasks_per_department):
            n += 1
            flag = "red" if red_every and n % red_every == 0 else None
            nodes.append(
                PictureNode(f"task:{d}.{t}", f"Nhiệm vụ {d}.{t}", "task", "Task", flag=flag, area="tthc")
            )
            edges.append(PictureEdge(dept, f"task:{d}.{t}", "LEADS"))
    return Picture("Synthetic cascade", nodes, edges)
