"""Table-driven tests of the task rules for layouts beyond the seeds: task cards (labelled lines giving a
task's lead, support and deadline), tables printed one cell per line, and agency lists in a lead cell.

Each row is the task part of a provincial plan in the layout real plans use (corpus/notes/fx.md) and the
tasks a person reading it states: (first words, lead, support, deadline).
"""

from __future__ import annotations

import pytest

from cancu.loaders import agency_names
from cancu.loaders.decode import decode_bytes
from cancu.loaders.extract import extract_decoded

HEAD = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
Số: 77/KH-UBND
Lai Châu, ngày 14 tháng 3 năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm thực hiện đồng bộ.
II. NHIỆM VỤ
"""

ROWS = [
    pytest.param(
        """1. Về dữ liệu
1.1. Xây dựng chiến lược dữ liệu:
a) Nhiệm vụ: Tham mưu UBND tỉnh rà soát, hoàn thiện Chiến lược dữ liệu của tỉnh.
b) Cơ quan thực hiện:
- Đơn vị chủ trì: Sở Khoa học
và Công nghệ.
- Đơn vị phối hợp: Các Sở, ban,
ngành.
c) Thời gian thực hiện: Hoàn thành trong năm 2025.
1.2. Phát triển dữ liệu:
a) Nhiệm vụ:
- Rà soát, chuẩn hóa cơ sở dữ liệu của đơn vị.
- Số hóa dữ liệu theo hướng dẫn của Bộ, ngành.
b) Cơ quan thực hiện:
- Đơn vị chủ trì: Các Sở, ban, ngành.
- Đơn vị phối hợp: Sở Khoa học và Công nghệ, UBND xã, phường.
c) Thời gian thực hiện: Thường xuyên.
""",
        [
            (
                "Tham mưu UBND tỉnh rà soát",
                ["Sở Khoa học và Công nghệ"],
                ["Sở, ban, ngành tỉnh"],
                "Hoàn thành trong năm 2025",
            ),
            (
                "Rà soát, chuẩn hóa cơ sở",
                ["Sở, ban, ngành tỉnh"],
                ["Sở Khoa học và Công nghệ", "UBND cấp xã"],
                "Thường xuyên",
            ),
            (
                "Số hóa dữ liệu theo hướng",
                ["Sở, ban, ngành tỉnh"],
                ["Sở Khoa học và Công nghệ", "UBND cấp xã"],
                "Thường xuyên",
            ),
        ],
        id="card-lettered-nhiem-vu-co-quan-thuc-hien-thoi-gian",
    ),
    pytest.param(
        """**1. Kiện toàn đội ngũ**

- Thường xuyên rà soát, kiện toàn đội ngũ cán bộ.

*Đơn vị chủ trì thực hiện: *Các
Sở, ngành, đơn vị, UBND cấp xã.

*Đơn vị phối hợp: *Sở Nội
vụ, Sở Tư pháp.

*Thời gian thực hiện: *Thường
xuyên.

**2. Ứng dụng trí tuệ nhân tạo**

- Ra mắt trợ lý pháp luật cho cán bộ, công chức.

*Đơn vị chủ trì tham mưu thực
hiện: *Sở Khoa học và Công nghệ.

*Thời gian thực hiện: *Tháng 12/2025.
""",
        [
            (
                "Thường xuyên rà soát, kiện",
                ["Sở, ban, ngành tỉnh", "UBND cấp xã"],
                ["Sở Nội vụ", "Sở Tư pháp"],
                "Thường xuyên",
            ),
            ("Ra mắt trợ lý pháp luật", ["Sở Khoa học và Công nghệ"], [], "Tháng 12/2025"),
        ],
        id="card-italic-labels-after-the-bullets-label-wrapped",
    ),
    pytest.param(
        """1. Tuyên truyền
a) Hoạt động 1
- Nội dung: Tổ chức lễ phát động Tháng hành động.
- Cơ quan thực hiện: Sở Giáo dục và Đào tạo và Sở Y tế chủ trì, phối hợp với các sở, ban, ngành và các đơn vị có liên quan.
""",
        [
            (
                "Tổ chức lễ phát động Tháng",
                ["Sở Giáo dục và Đào tạo", "Sở Y tế"],
                ["Sở, ban, ngành tỉnh", "Đơn vị có liên quan"],
                None,
            )
        ],
        id="card-lead-value-says-chu-tri-phoi-hop-voi",
    ),
    pytest.param(
        """1. Tổ chức tuyên truyền, phổ
biến pháp luật về bảo vệ dữ liệu

- Cơ quan thực hiện: Bộ Công
an, Bộ Giáo dục và Đào tạo, Đài Truyền hình Việt Nam, Thông tấn xã Việt Nam.

- Thời gian thực hiện: Năm 2025.

2. Rà soát văn bản quy phạm pháp luật

- Cơ quan thực hiện: Bộ Công an tiến hành rà soát các văn bản quy phạm pháp luật thuộc thẩm quyền quản lý
nhà nước; các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương rà soát văn bản
thuộc phạm vi quản lý được phân công.

- Thời gian thực hiện: Năm 2025.
""",
        [
            (
                "Tổ chức tuyên truyền, phổ",
                ["Bộ Công an", "Bộ Giáo dục và Đào tạo", "Đài Truyền hình Việt Nam", "Thông tấn xã Việt Nam"],
                [],
                "Năm 2025",
            ),
            (
                "Rà soát văn bản quy phạm",
                ["Bộ Công an", "Bộ, cơ quan ngang Bộ", "UBND cấp tỉnh"],
                [],
                "Năm 2025",
            ),
        ],
        id="card-heading-is-the-task-and-a-lead-sentence-gives-its-subjects",
    ),
    pytest.param(
        """1. Nhiệm vụ trọng tâm

|
**STT**
|
**Tên nhiệm vụ**
|
**Cơ quan chủ trì**
|
**Cơ quan phối hợp**
|
**Thời gian hoàn thành**
|
|
1
|
Triển khai nền tảng đào tạo
trực tuyến mở đại trà.
|
Sở KH&CN
|
Các sở, ban, ngành tỉnh; UBND các xã, phường
|
Thường xuyên
|
|
2
|
Biểu dương, khen thưởng doanh nghiệp.
|
Sở Nội vụ
|
Sở KH&CN
|
Hằng năm
|
""",
        [
            (
                "Triển khai nền tảng đào tạo",
                ["Sở Khoa học và Công nghệ"],
                ["Sở, ban, ngành tỉnh", "UBND cấp xã"],
                "Thường xuyên",
            ),
            ("Biểu dương, khen thưởng doanh", ["Sở Nội vụ"], ["Sở Khoa học và Công nghệ"], "Hằng năm"),
        ],
        id="table-printed-one-cell-per-line",
    ),
]


ROWS.append(
    pytest.param(
        """Phụ lục
TT	Nhiệm vụ	Cơ quan chủ trì	Cơ quan phối hợp	Thời gian hoàn thành
	I	Hoàn thiện thể chế, ban hành quy định, hướng dẫn
1	Phối hợp rà soát, sửa đổi Luật Quy hoạch	Sở Tài chính	Sở Tư pháp	Quý IV/2025
	II	Xây dựng hạ tầng công nghệ thông tin
	1	Xây dựng hạ tầng công nghệ thông tin tại Sở Tài chính	Trung tâm Chuyển đổi số Thành phố	Sở Tài chính	Năm 2026
""",
        [
            ("Phối hợp rà soát, sửa đổi", ["Sở Tài chính"], ["Sở Tư pháp"], "Quý IV/2025"),
            (
                "Xây dựng hạ tầng công nghệ",
                ["Trung tâm Chuyển đổi số Thành phố"],
                ["Sở Tài chính"],
                "Năm 2026",
            ),
        ],
        id="table-group-rows-are-labels-a-row-shifted-by-an-empty-cell",
    )
)


ROWS.append(
    pytest.param(
        """Phụ lục
(danh sách kèm theo)	STT	Tên nhiệm vụ	Người đứng đầu chịu trách nhiệm	Cơ quan chủ trì	Cơ quan phối hợp	Thời hạn hoàn thành
1	Xây dựng bộ quy tắc ứng xử văn hóa trên môi trường số	Cục trưởng Cục Báo chí	Cục Báo chí	Văn phòng Bộ	Tháng 12/2025
2	NỘI DUNG SỬA ĐỔI, HƯỚNG DẪN\t\t\t\t
""",
        [("Xây dựng bộ quy tắc", ["Cục Báo chí"], ["Văn phòng Bộ"], "Tháng 12/2025")],
        id="a-header-with-words-glued-before-its-stt-cell-and-a-page-panel-under-the-table",
    )
)


ROWS.extend(
    [
        pytest.param(
            """1. Sở Tư pháp chủ trì, phối hợp với các sở, ngành rà soát, hệ thống hóa văn bản quy phạm pháp luật của \
tỉnh, hoàn thành trong quý II năm 2025.
2. Sở Nội vụ chủ trì tổ chức kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị, địa phương trên \
địa bàn tỉnh.
III. TỔ CHỨC THỰC HIỆN
Các sở, ban, ngành căn cứ Kế hoạch này triển khai thực hiện.
""",
            [
                (
                    "Sở Tư pháp chủ trì",
                    ["Sở Tư pháp"],
                    ["Sở, ban, ngành tỉnh"],
                    "hoàn thành trong quý II năm 2025",
                ),
                ("Sở Nội vụ chủ trì tổ chức kiểm tra", ["Sở Nội vụ"], [], None),
            ],
            id="numbered-paragraphs-each-naming-its-lead-no-bullets",
        ),
        pytest.param(
            """Đề nghị Sở Nội vụ tập trung chỉ đạo thực hiện tốt một số nội dung trọng tâm sau:
1. Đổi mới tư duy, tầm nhìn trong công tác cải cách hành chính, khai thác tối đa nguồn lực của tỉnh.
2. Đẩy mạnh cải cách thủ tục hành chính, nâng cao năng lực cạnh tranh cấp tỉnh trong năm tới.
""",
            [
                ("Đổi mới tư duy", ["Sở Nội vụ"], [], None),
                ("Đẩy mạnh cải cách thủ tục", ["Sở Nội vụ"], [], None),
            ],
            id="numbered-paragraphs-led-by-the-body-the-section-s-request-names",
        ),
        pytest.param(
            """4. Nội dung hoạt động (20 điểm)
4.1. Họp định kỳ hằng tháng của ban giám đốc trung tâm học tập cộng đồng;
4.2. Tập huấn chuyên môn nghiệp vụ cho cán bộ quản lý, giáo viên của trung tâm.
""",
            [],
            id="numbered-criteria-no-body-is-asked-to-do-are-no-tasks",
        ),
    ]
)


ROWS.extend(
    [
        pytest.param(
            """1. Cải cách thể chế
a) Rà soát, hệ thống hóa văn bản quy phạm pháp luật do UBND tỉnh ban hành (Sở Tư pháp chủ trì; thời gian: Quý II/2025).
b) Kiểm tra việc thi hành pháp luật tại các huyện (Sở Tư pháp chủ trì, phối hợp Sở Nội vụ; hoàn thành trong tháng 10/2025).
2. Cải cách thủ tục hành chính
a) Công khai thủ tục hành chính tại Trung tâm Phục vụ hành chính công (Văn phòng UBND tỉnh chủ trì; thường xuyên).
""",
            [
                ("Rà soát, hệ thống hóa", ["Sở Tư pháp"], [], "Quý II/2025"),
                ("Kiểm tra việc thi hành", ["Sở Tư pháp"], ["Sở Nội vụ"], "hoàn thành trong tháng 10/2025"),
                ("Công khai thủ tục hành chính", ["Văn phòng UBND tỉnh"], [], None),
            ],
            id="lettered-items-too-long-for-headings-with-the-lead-in-brackets",
        ),
        pytest.param(
            """1. Cải cách thể chế
- Sở Nội vụ: tham mưu kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị.
- Sở Tư pháp, Sở Nội vụ: hướng dẫn rà soát văn bản quy phạm pháp luật.
""",
            [
                ("Sở Nội vụ: tham mưu", ["Sở Nội vụ"], [], None),
                ("Sở Tư pháp, Sở Nội vụ:", ["Sở Tư pháp", "Sở Nội vụ"], [], None),
            ],
            id="bullet-opening-with-its-bodies-and-a-colon",
        ),
    ]
)


ROWS.append(
    pytest.param(
        "STT\tNội dung công việc\tĐơn vị thực hiện\tThời gian\n"
        "1\tRà soát văn bản quy phạm pháp luật của tỉnh\tSở Tư pháp\tQuý II/2025\n"
        "2\tNiêm yết công khai thủ tục hành chính\tVăn phòng UBND tỉnh\tThường xuyên\n",
        [
            ("Rà soát văn bản", ["Sở Tư pháp"], [], "Quý II/2025"),
            ("Niêm yết công khai", ["Văn phòng UBND tỉnh"], [], "Thường xuyên"),
        ],
        id="table-whose-one-column-of-bodies-is-don-vi-thuc-hien",
    )
)


ROWS.append(
    pytest.param(
        "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\n"
        "\tHoàn thiện thể chế, ban hành quy định, hướng dẫn yêu cầu kỹ thuật\t\t\t\n"
        "1\tPhối hợp rà soát, sửa đổi Luật Quy hoạch\tSở Tài chính\tSở Tư pháp\tNăm 2025\n",
        [("Phối hợp rà soát", ["Sở Tài chính"], ["Sở Tư pháp"], "Năm 2025")],
        id="table-row-with-no-number-and-only-its-words-is-a-group-label",
    )
)


@pytest.mark.parametrize(("body", "want"), ROWS)
def test_rule_tasks(body: str, want: list[tuple]) -> None:
    record = extract_decoded(decode_bytes((HEAD + body).encode(), "x.txt"))
    got = [(t.text, t.lead, t.support, t.deadline) for t in record.tasks]
    assert len(got) == len(want), got
    for (text, lead, support, deadline), (start, w_lead, w_support, w_deadline) in zip(
        got, want, strict=True
    ):
        assert text.startswith(start), text
        assert (lead, support, deadline) == (w_lead, w_support, w_deadline), text


CELLS = [
    ("Sở Giáo dục và Đào tạo và Sở Y tế", ["Sở Giáo dục và Đào tạo", "Sở Y tế"]),
    (
        "Bộ trưởng, Thủ trưởng cơ quan ngang Bộ; Cơ quan thuộc Chính phủ",
        ["Bộ, cơ quan ngang Bộ", "Cơ quan thuộc Chính phủ"],
    ),
    (
        "Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam",
        ["Tập đoàn Công nghiệp Năng lượng Quốc gia Việt Nam"],
    ),
    ("Sở Khoa học và Công nghệ", ["Sở Khoa học và Công nghệ"]),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Văn phòng HĐND và UBND huyện", ["Văn phòng HĐND và UBND huyện"]),
    (
        "Báo và Phát thanh, Truyền hình tỉnh, Sở Tư pháp, các cơ quan, đơn vị, địa phương",
        ["Báo và Phát thanh, Truyền hình tỉnh", "Sở Tư pháp", "Cơ quan, đơn vị, địa phương"],
    ),
    ("Các Sở, ngành, đơn vị, UBND cấp xã", ["Sở, ban, ngành tỉnh", "UBND cấp xã"]),
    ("Sở Khoa học và Công nghệ, UBND xã, phường", ["Sở Khoa học và Công nghệ", "UBND cấp xã"]),
    ("Các Sở, ban, ngành Thành phố", ["Sở, ban, ngành tỉnh"]),
    ("Các Cục: Di sản văn hóa, Bản quyền tác giả", ["Cục Di sản văn hóa", "Cục Bản quyền tác giả"]),
    ("Trưởng ban Ban Tổ chức cán bộ", ["Ban Tổ chức cán bộ"]),
    (
        "Văn phòng Đoàn Đại biểu Quốc hội, Hội đồng nhân dân và Ủy ban nhân dân tỉnh; Sở Tư pháp",
        ["Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh", "Sở Tư pháp"],
    ),
    (
        "Các Cục: Báo chí; Du lịch Quốc gia Việt Nam. Vụ Kế hoạch, Tài chính",
        ["Cục Báo chí", "Cục Du lịch Quốc gia Việt Nam", "Vụ Kế hoạch, Tài chính"],
    ),
    (
        "Bộ Giáo dục và Đào tạo, Bộ Văn hóa, Thể thao và Du lịch",
        ["Bộ Giáo dục và Đào tạo", "Bộ Văn hóa, Thể thao và Du lịch"],
    ),
    (
        "Đài Truyền hình Việt Nam, Thông tấn xã Việt Nam",
        ["Đài Truyền hình Việt Nam", "Thông tấn xã Việt Nam"],
    ),
    ("Hội Nông dân tỉnh, Liên minh Hợp tác xã tỉnh", ["Hội Nông dân tỉnh", "Liên minh Hợp tác xã tỉnh"]),
    ("Sở GD&ĐT, Sở TN&MT", ["Sở Giáo dục và Đào tạo", "Sở Tài nguyên và Môi trường"]),
    ("Sở NN&PTNT; Sở GTVT", ["Sở Nông nghiệp và Phát triển nông thôn", "Sở Giao thông vận tải"]),
    ("Bộ CHQS tỉnh, Công an tỉnh", ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh"]),
    ("Các tổ chức chính trị - xã hội tỉnh", ["Tổ chức chính trị - xã hội tỉnh"]),
    ("Các doanh nghiệp viễn thông", ["Doanh nghiệp viễn thông"]),
    ("Thường trực Tỉnh ủy; Văn phòng Tỉnh ủy", ["Thường trực Tỉnh ủy", "Văn phòng Tỉnh ủy"]),
    ("Ủy ban Kinh tế và Tài chính của Quốc hội", ["Ủy ban Kinh tế và Tài chính của Quốc hội"]),
]


@pytest.mark.parametrize(("cell", "want"), CELLS)
def test_rule_lead_cells(cell: str, want: list[str]) -> None:
    assert agency_names.split_cell(cell, "UBND tỉnh Lai Châu") == want


ORG_ROWS = [
    pytest.param(
        """1. Rà soát quy trình nội bộ.
III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ
Theo dõi, đôn đốc việc thực hiện Kế hoạch.
2. Đề nghị: Hội Nông dân tỉnh, Liên minh Hợp tác xã tỉnh
Tuyên truyền, vận động hội viên tham gia.
""",
        ["Sở Nội vụ", "Hội Nông dân tỉnh", "Liên minh Hợp tác xã tỉnh"],
        id="de-nghi-heading-names-the-bodies-asked",
    ),
    pytest.param(
        """1. Rà soát quy trình nội bộ.
**IV. TỔ CHỨC
THỰC HIỆN**

**1. Sở Khoa học và Công
nghệ**

a) Là cơ quan đầu mối, chủ
trì tham mưu Ủy ban nhân dân tỉnh triển khai kế hoạch.

**2. Sở Tài chính**

Thẩm định dự toán kinh phí thực hiện Kế hoạch.
""",
        ["Sở Khoa học và Công nghệ", "Sở Tài chính"],
        id="bold-headings-wrapped-over-two-lines",
    ),
    pytest.param(
        """1. Rà soát quy trình nội bộ.
III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ
Theo dõi, đôn đốc việc thực hiện Kế hoạch.
2. Ủy ban nhân dân các xã, phường
Xây dựng kế hoạch cụ thể triển khai tại địa phương.
""",
        ["Sở Nội vụ", "UBND cấp xã"],
        id="plain-agency-headings",
    ),
]


ORG_ROWS.append(
    pytest.param(
        """1. Rà soát quy trình nội bộ.
III. TỔ CHỨC THỰC HIỆN
1. Công chức Văn phòng - Thống kê: tham mưu UBND xã theo dõi, đôn đốc thực hiện Kế hoạch; tổng hợp báo cáo định kỳ.
2. Công chức Tài chính – Kế toán: tham mưu bố trí kinh phí thực hiện Kế hoạch.
""",
        ["Công chức Văn phòng - Thống kê", "Công chức Tài chính - Kế toán"],
        id="a-commune-s-civil-servants-by-office",
    )
)


ORG_ROWS.extend(
    [
        pytest.param(
            """1. Rà soát quy trình nội bộ.
III. TỔ CHỨC THỰC HIỆN
Giao Sở Nội vụ theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này. Các sở, ban, ngành, UBND các huyện, thị \
xã, thành phố căn cứ Kế hoạch này xây dựng kế hoạch của cơ quan, đơn vị mình.
""",
            ["Sở Nội vụ", "Sở, ban, ngành tỉnh", "UBND cấp huyện"],
            id="one-paragraph-each-sentence-opening-with-bodies-assigns-them",
        ),
        pytest.param(
            """1. Rà soát quy trình nội bộ.
III. TỔ CHỨC THỰC HIỆN
Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện, thị xã, thành phố chịu trách nhiệm triển khai thực \
hiện Kế hoạch này. Định kỳ 6 tháng, năm báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ).
""",
            ["Sở, ban, ngành tỉnh", "UBND cấp huyện"],
            id="a-paragraph-opening-with-titles-of-bodies-assigns-the-bodies",
        ),
    ]
)


ORG_ROWS.append(
    pytest.param(
        """1. Rà soát quy trình nội bộ.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở: tham mưu Giám đốc Sở theo dõi, đôn đốc thực hiện Kế hoạch; tổng hợp, báo cáo UBND tỉnh.
2. Các phòng, đơn vị thuộc Sở: căn cứ nhiệm vụ được giao, tổ chức thực hiện; báo cáo kết quả về Văn phòng Sở.
""",
        ["Văn phòng Sở", "Phòng chuyên môn, đơn vị trực thuộc Sở"],
        id="a-department-s-own-units-as-a-whole",
    )
)


def test_a_heading_s_duties_after_its_colon_are_its_assignment_s() -> None:
    body = """1. Rà soát quy trình nội bộ.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở: tham mưu Giám đốc Sở theo dõi, đôn đốc thực hiện Kế hoạch; tổng hợp, báo cáo UBND tỉnh.
"""
    record = extract_decoded(decode_bytes((HEAD + body).encode(), "x.txt"))
    assert [(a.agency, a.duties) for a in record.assignments] == [
        (
            "Văn phòng Sở",
            ["tham mưu Giám đốc Sở theo dõi, đôn đốc thực hiện Kế hoạch", "tổng hợp, báo cáo UBND tỉnh."],
        )
    ]


@pytest.mark.parametrize(("body", "want"), ORG_ROWS)
def test_rule_organization_headings(body: str, want: list[str]) -> None:
    record = extract_decoded(decode_bytes((HEAD + body).encode(), "x.txt"))
    assert [a.agency for a in record.assignments] == want


REPORT_ROWS = [
    pytest.param(
        """1. Rà soát quy trình nội bộ.
III. TỔ CHỨC THỰC HIỆN
1. Các sở, ban, ngành thuộc tỉnh
Tổng hợp kết quả, gửi Ủy ban nhân dân tỉnh để báo cáo Hội đồng nhân dân tỉnh trước ngày 30/11/2025.
""",
        [
            ("Sở, ban, ngành tỉnh", "UBND tỉnh Lai Châu", None),
            ("UBND tỉnh Lai Châu", "HĐND tỉnh Lai Châu", None),
        ],
        id="gui-x-de-bao-cao-y-x-reports-on",
    ),
    pytest.param(
        """1. Rà soát quy trình nội bộ.
III. CHẾ ĐỘ BÁO CÁO
Các sở, ban, ngành, đoàn thể tỉnh, Ủy ban nhân dân phường, xã gửi báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 16 tháng 12 năm 2025.
""",
        [("Sở, ban, ngành tỉnh", "Sở Nội vụ", None), ("UBND cấp xã", "Sở Nội vụ", None)],
        id="a-reporting-section-paragraph-naming-two-bodies",
    ),
    pytest.param(
        """1. Ủy ban nhân dân các xã, phường:
- Thực hiện đầy đủ trách nhiệm quản lý nhà nước về lâm nghiệp.
2. Sở Nông nghiệp và Môi trường
- Theo dõi, đôn đốc kết quả triển khai thực hiện của địa phương, tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 25/12 hàng năm.
""",
        [("Sở Nông nghiệp và Môi trường", "UBND tỉnh Lai Châu", None)],
        id="a-duty-section-body-reports",
    ),
    pytest.param(
        """1. Rà soát văn bản
- Cơ quan thực hiện: Bộ Công an.
III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ
Tổng hợp kết quả rà soát, báo cáo Ủy ban nhân dân tỉnh trước ngày 31 tháng 12 năm 2025.
""",
        [("Sở Nội vụ", "UBND tỉnh Lai Châu", None)],
        id="a-one-off-report-with-a-deadline",
    ),
    pytest.param(
        """1. Rà soát quy trình nội bộ.
III. TỔ CHỨC THỰC HIỆN
1. Các sở, ban, ngành tỉnh, Ủy ban nhân dân các xã, phường
Xây dựng kế hoạch cụ thể; định kỳ trước ngày 01/6 và 15/11 hằng năm (hoặc đột xuất khi có yêu cầu) báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
""",
        [
            ("Sở, ban, ngành tỉnh", "Sở Khoa học và Công nghệ", None),
            ("UBND cấp xã", "Sở Khoa học và Công nghệ", None),
            ("Sở Khoa học và Công nghệ", "UBND tỉnh Lai Châu", None),
        ],
        id="ve-x-de-tong-hop-bao-cao-y-and-ket-qua-is-not-qua",
    ),
    pytest.param(
        """1. Rà soát quy trình nội bộ.
III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ
Theo dõi việc thực hiện Kế hoạch.
2. Các Sở, ban, ngành
Triển khai Kế hoạch; báo cáo UBND tỉnh kết quả thực hiện thông qua Sở Nội vụ trước ngày 15 hằng tháng.
""",
        [("Sở, ban, ngành tỉnh", "UBND tỉnh Lai Châu", "Sở Nội vụ")],
        id="monthly-report-through-a-department",
    ),
    pytest.param(
        """1. Rà soát quy trình nội bộ.
III. TỔ CHỨC THỰC HIỆN
1. Sở Y tế
Chủ trì triển khai Kế hoạch; định kỳ tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện theo quy định.
Trong quá trình thực hiện nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Sở Y tế tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét.
""",
        [("Sở Y tế", "UBND tỉnh Lai Châu", None)],
        id="periodic-without-period-and-a-closing-escalation-opens-no-line",
    ),
]


REPORT_ROWS.append(
    pytest.param(
        """1. Về mô hình tổ chức
Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ rà soát mô hình tổ chức của Trung tâm; báo cáo UBND
tỉnh trong quý I năm 2026.
2. Về thể chế
Giao Sở Tư pháp rà soát các văn bản quy phạm pháp luật, báo cáo UBND tỉnh trước ngày 15/12/2025.
3. Về truyền thông
Sở Văn hóa, Thể thao và Du lịch tổ chức tuyên truyền; báo cáo kết quả khi có yêu cầu.
""",
        [
            ("Sở Khoa học và Công nghệ", "UBND tỉnh Lai Châu", None),
            ("Sở Tư pháp", "UBND tỉnh Lai Châu", None),
        ],
        id="a-directive-sentence-s-subject-reports-its-one-off-result",
    )
)

REPORT_ROWS.append(
    pytest.param(
        """1. Về hạ tầng số
Phát triển hạ tầng số trên địa bàn tỉnh.
III. TỔ CHỨC THỰC HIỆN
Ủy ban nhân dân tỉnh yêu cầu các Sở, ban, ngành tỉnh, UBND các xã, phường nghiêm túc triển khai thực hiện; định kỳ
trước ngày 30 tháng 11 hàng năm báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Khoa học và Công nghệ).
""",
        [
            ("Sở, ban, ngành tỉnh", "UBND tỉnh Lai Châu", "Sở Khoa học và Công nghệ"),
            ("UBND cấp xã", "UBND tỉnh Lai Châu", "Sở Khoa học và Công nghệ"),
        ],
        id="the-bodies-a-closing-paragraph-requests-report",
    )
)

REPORT_ROWS.append(
    pytest.param(
        """1. Rà soát quy trình nội bộ.
III. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp
Hướng dẫn các cơ quan rà soát văn bản; báo cáo kết quả thực hiện về UBND tỉnh.
2. Sở Y tế
Tổ chức tập huấn; báo cáo UBND tỉnh xem xét, quyết định.
""",
        [("Sở Tư pháp", "UBND tỉnh Lai Châu", None)],
        id="a-duty-s-report-of-its-results-needs-no-period-a-proposal-is-no-line",
    )
)

FREQUENCY_ROWS = [
    ("báo cáo UBND tỉnh hằng quý, 6 tháng và năm", ["quý", "6 tháng", "năm"]),
    ("báo cáo UBND tỉnh trong quý I năm 2026", []),
    ("rà soát văn bản quy phạm pháp luật, báo cáo UBND tỉnh trước ngày 15/12/2025", []),
    ("báo cáo theo quy định về Sở Nội vụ định kỳ quý, năm", ["quý", "năm"]),
]


@pytest.mark.parametrize(("sentence", "want"), FREQUENCY_ROWS)
def test_rule_report_frequencies(sentence: str, want: list[str]) -> None:
    from cancu.loaders.fold import fold
    from cancu.loaders.plan_reporting import FREQUENCIES

    text = fold(sentence).text
    assert [name for name, rx in FREQUENCIES if rx.search(text)] == want


@pytest.mark.parametrize(("body", "want"), REPORT_ROWS)
def test_rule_reporting(body: str, want: list[tuple]) -> None:
    record = extract_decoded(decode_bytes((HEAD + body).encode(), "x.txt"))
    assert [(r.from_, r.to, r.via) for r in record.reporting] == want


DUTY_ROWS = [
    pytest.param(
        """2.2. Trách nhiệm cụ thể

Một số đơn vị còn có trách nhiệm thẩm định cụ thể các nội dung sau:

a) Sở Nông nghiệp và Môi
trường

- Đánh giá sự phù hợp của dự án đầu tư với quy hoạch sử dụng đất;

- Đánh giá nhu cầu sử dụng đất của dự án;

b) Sở Xây dựng

- Đánh giá sự phù hợp của dự án với quy hoạch xây dựng.
""",
        [
            ("Đánh giá sự phù hợp của dự án đầu tư", ["Sở Nông nghiệp và Môi trường"]),
            ("Đánh giá nhu cầu sử dụng", ["Sở Nông nghiệp và Môi trường"]),
            ("Đánh giá sự phù hợp của dự án với", ["Sở Xây dựng"]),
        ],
        id="lettered-body-headings-wrapped",
    ),
    pytest.param(
        """2. Tháng hành động
d) Các hoạt động chính

Căn cứ tình hình thực tế,
các cơ quan, đơn vị, địa phương phối hợp thực hiện các hoạt động sau:

- Lồng ghép tổ chức Lễ phát động Tháng hành động.

- Tăng cường truyền thông về chủ đề của Tháng hành động.
""",
        [
            ("Lồng ghép tổ chức Lễ phát", ["Cơ quan, đơn vị, địa phương"]),
            ("Tăng cường truyền thông về", ["Cơ quan, đơn vị, địa phương"]),
        ],
        id="bullets-led-by-the-bodies-of-their-lead-in-sentence",
    ),
    pytest.param(
        """1. Ủy ban nhân dân các xã,
phường, đặc khu Cồn Cỏ:
- Thực hiện đầy đủ trách nhiệm quản lý nhà nước về lâm nghiệp.
- Đẩy mạnh công tác quản lý bảo vệ rừng sau sắp xếp.
2. Sở Tài chính
Cân đối, tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện.
""",
        [
            ("Thực hiện đầy đủ trách nhiệm", ["UBND cấp xã"]),
            ("Đẩy mạnh công tác quản lý", ["UBND cấp xã"]),
            ("Cân đối, tham mưu Ủy ban", ["Sở Tài chính"]),
        ],
        id="body-headings-with-bullets-or-a-paragraph",
    ),
    pytest.param(
        """**1. Sở Y tế**

a) Chủ trì, phối hợp với các sở, ngành tham mưu triển khai Chỉ thị.

b) Nâng cao chất lượng dịch vụ dân số.

**2. Đề nghị: Hội Nông dân tỉnh, Liên minh Hợp tác xã tỉnh**

Tuyên truyền, vận động hội viên tham gia chuyển đổi số.
""",
        [
            ("Chủ trì, phối hợp với các", ["Sở Y tế"]),
            ("Nâng cao chất lượng dịch vụ", ["Sở Y tế"]),
            ("Tuyên truyền, vận động hội", ["Hội Nông dân tỉnh", "Liên minh Hợp tác xã tỉnh"]),
        ],
        id="bold-body-headings-lettered-items-and-de-nghi",
    ),
    pytest.param(
        """1. Rà soát quy trình nội bộ của các cơ quan.
III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ
a) Theo dõi, đôn đốc việc thực hiện Kế hoạch.
""",
        [],
        id="under-to-chuc-thuc-hien-the-layout-assigns-no-tasks",
    ),
]


DUTY_ROWS.append(
    pytest.param(
        """Thực hiện chỉ đạo của Thủ tướng Chính phủ, Bộ trưởng giao:
**1. Thủ
trưởng các cơ quan tham mưu, quản lý nhà nước thuộc Bộ**
- Ứng dụng mạnh mẽ khoa học công nghệ, đổi mới sáng tạo, chuyển đổi số.
**2. Vụ Tổ
chức cán bộ:**** **Tham mưu Lãnh đạo Bộ:
- Đề xuất cấp có thẩm quyền hoàn thiện quy định về tổ chức bộ máy hành chính.
**3. Cục
Di sản văn hóa:**** **Chủ trì, phối hợp với các cơ quan, đơn vị liên
quan tham mưu Lãnh đạo Bộ các giải pháp phát huy giá trị văn hóa.
**4. Cục
Báo chí, Cục Thông tin cơ sở và Thông tin đối ngoại:**** **Tham mưu Lãnh đạo Bộ chỉ đạo:
- Chủ động hơn nữa công tác thông tin, tuyên truyền.
**5. Công tác
chỉ đạo, điều hành**
- Tăng cường kỷ luật, kỷ cương hành chính.
""",
        [
            ("Ứng dụng mạnh mẽ", ["Đơn vị thuộc Bộ"]),
            ("Đề xuất cấp có thẩm quyền", ["Vụ Tổ chức cán bộ"]),
            ("Chủ trì, phối hợp", ["Cục Di sản văn hóa"]),
            ("Chủ động hơn nữa", ["Cục Báo chí", "Cục Thông tin cơ sở và Thông tin đối ngoại"]),
        ],
        id="a-ministry-s-units-named-as-printed-their-duty-after-the-colon-never-a-topic",
    )
)


DUTY_ROWS.append(
    pytest.param(
        """**1.
Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên):**

a) Là đầu mối chủ trì, tiếp
nhận hồ sơ, tổ chức lấy ý kiến thẩm định.

b) Chịu trách nhiệm tiếp
nhận hồ sơ, kiểm tra tính đầy đủ và hợp lệ của hồ sơ.

**2.
Sở Xây dựng**
- Đánh giá sự phù hợp của dự án đầu tư với quy hoạch xây dựng.
""",
        [
            ("Là đầu mối chủ trì", ["Sở Tài chính", "Ban quản lý Khu Kinh tế Phú Yên"]),
            ("Chịu trách nhiệm tiếp nhận", ["Sở Tài chính", "Ban quản lý Khu Kinh tế Phú Yên"]),
            ("Đánh giá sự phù hợp", ["Sở Xây dựng"]),
        ],
        id="a-number-alone-on-its-line-and-a-role-with-its-bodies-in-brackets",
    )
)


DUTY_ROWS.append(
    pytest.param(
        """**8. Giám đốc
Sở, Thủ trưởng cơ quan, ban, ngành**

a) Phối hợp Sở Nông nghiệp và
Môi trường tuyên truyền, phổ biến quy định của pháp luật về tài nguyên nước.

b) Giao Thanh tra thành phố tổ
chức thanh tra việc chấp hành các quy định pháp luật về tài nguyên nước.

c) Giao Công an thành phố kịp
thời phát hiện và xử lý các tổ chức, cá nhân có hành vi vi phạm.
""",
        [
            ("Phối hợp Sở Nông nghiệp", ["Sở, ban, ngành tỉnh"]),
            ("Giao Thanh tra thành phố", ["Thanh tra thành phố"]),
            ("Giao Công an thành phố", ["Công an thành phố"]),
        ],
        id="lettered-items-that-give-work-to-another-body-are-led-by-it-not-the-heading-s",
    )
)


DUTY_ROWS.append(
    pytest.param(
        """2. Sở Tư pháp: là cơ quan thẩm định, chịu trách nhiệm trước UBND tỉnh các nội dung sau:

2.1. Trách nhiệm chung

a) Thẩm định sự phù hợp của dự thảo văn bản với hệ thống pháp luật;

b) Đánh giá tác động của thủ tục hành chính trong dự thảo.

2.2. Trách nhiệm cụ thể

a) Sở Xây dựng

- Đánh giá sự phù hợp của dự án với quy hoạch xây dựng.
""",
        [
            ("là cơ quan thẩm định", ["Sở Tư pháp"]),  # a colon lead-in is a task (seed gold convention)
            ("Thẩm định sự phù hợp", ["Sở Tư pháp"]),
            ("Đánh giá tác động", ["Sở Tư pháp"]),
            ("Đánh giá sự phù hợp của dự án", ["Sở Xây dựng"]),
        ],
        id="a-sub-heading-naming-no-body-inherits-the-duty-heading-s-bodies",
    )
)


DUTY_ROWS.append(
    pytest.param(
        """**1. Giao người đứng đầu các
cơ quan chuyên môn, cơ quan hành chính khác,** **các đơn vị sự nghiệp công
lập trực thuộc Ủy ban nhân Thành phố; Chủ tịch** **Ủy ban nhân dân các xã, phường**
- Tiếp tục triển khai việc cập nhật cơ sở dữ liệu cán bộ, công chức, viên chức của Thành phố.
""",
        [("Tiếp tục triển khai việc cập nhật", ["Sở, ban, ngành tỉnh", "UBND cấp xã"])],
        id="a-heading-of-names-only-one-unknown-among-them-keeps-every-known-one",
    )
)


DUTY_ROWS.append(
    pytest.param(
        """1. Sở Khoa học và Công nghệ
a) Quản trị, vận hành hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.
2. Trường hợp bảo trì, nâng cấp hệ thống theo kế hoạch, đơn vị quản trị vận hành thông báo cho các bên liên
quan tối thiểu trước 05 ngày làm việc.
3. Báo cáo Thủ trưởng cơ quan giải quyết thủ tục hành chính khi phát hiện các hành vi vi phạm.
""",
        [("Quản trị, vận hành hệ thống", ["Sở Khoa học và Công nghệ"])],
        id="a-condition-or-a-duty-that-opens-like-a-body-s-name-heads-no-duty-section",
    )
)


DUTY_ROWS.append(
    pytest.param(
        """8. Các sở, ban, ngành thành phố
c) Giao Công an thành phố kịp thời phát hiện và xử lý các tổ chức, cá nhân có hành vi vi phạm;
d) Giao Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ chỉ đạo các đơn vị kinh doanh hạ tầng có trách nhiệm:
- Đối với các khu công nghiệp đã được cung cấp nước tập trung, tiếp tục duy trì hoạt động cấp nước.
- Vận động các doanh nghiệp thực hiện các giải pháp sản xuất tiết kiệm nước.
""",
        [
            ("Giao Công an thành phố", ["Công an thành phố"]),
            ("Giao Ban Quản lý", ["Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ"]),
            ("Đối với các khu công nghiệp", ["Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ"]),
            ("Vận động các doanh nghiệp", ["Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ"]),
        ],
        id="bullets-under-a-lettered-giao-line-are-the-work-of-the-body-it-gives-them-to-printed-as-printed",
    )
)


@pytest.mark.parametrize(("body", "want"), DUTY_ROWS)
def test_rule_duty_sections(body: str, want: list[tuple]) -> None:
    record = extract_decoded(decode_bytes((HEAD + body).encode(), "x.txt"))
    got = [(t.text, t.lead) for t in record.tasks if t.lead]
    assert len(got) == len(want), got
    for (text, lead), (start, w_lead) in zip(got, want, strict=True):
        assert text.startswith(start) and lead == w_lead, (text, lead)


ROLE_ROWS = [
    ("nhiem vu va giai phap", "tasks"),
    ("nhiem vu, giai phap trong tam", "tasks"),
    ("giai phap thuc hien nhiem vu", "solutions"),
    ("to chuc thuc hien", "organization"),
    ("che do bao cao", "organization"),
    ("muc tieu, nhiem vu", "goals"),
    ("kinh phi thuc hien", "funding"),
    ("cac hoat dong chinh", "tasks"),
    ("thuc hien thu thap thong tin, du lieu tach biet ve gioi tinh trong bao cao cac muc tieu", None),
    ("noi dung", "tasks"),
    ("noi dung, hinh thuc", "tasks"),
    ("noi dung thuc hien", "tasks"),
    ("noi dung:", "tasks"),
    ("noi dung cua ke hoach", "tasks"),
    ("noi dung thuc hien:", "tasks"),
    ("noi dung, muc tieu, nhiem vu cu the cua cchc", "goals"),
    ("noi dung phuong an don gian hoa thu tuc hanh chinh", None),
    ("danh gia chung", "findings"),
    ("trach nhiem cua so khoa hoc va cong nghe", "organization"),
    ("phan cong trach nhiem", "organization"),
    ("yeu cau", "purpose"),
    ("ket qua thuc hien ke hoach nam 2024", "findings"),
    ("bao cao ket qua thuc hien ve so noi vu truoc ngay 15/12/2024", None),
    ("trong thoi gian toi, yeu cau cac bo, nganh tap trung thuc hien mot so nhiem vu nhu sau:", None),
    ("thuc trang cong tac cai cach hanh chinh", "findings"),
    ("ket qua thuc hien ke hoach nam 2024", "findings"),
    ("mot so kien nghi cua tinh", None),
]


@pytest.mark.parametrize(("title", "role"), ROLE_ROWS)
def test_rule_section_role_is_the_first_phrase(title: str, role: str | None) -> None:
    from cancu.loaders.outline import role_of

    assert role_of(title) == role


SPAN_ROWS = [
    (
        [(0, 10, "a"), (2, 5, "b"), (8, 20, "c")],
        [1, 3, 9, 15, 25, 5],
        [["a"], ["a", "b"], ["a", "c"], ["c"], [], ["a"]],
    ),
    ([], [0, 1], [[], []]),
    ([(5, 6, "x")], [5, 6, 4], [["x"], [], []]),
]


@pytest.mark.parametrize(("spans", "positions", "want"), SPAN_ROWS)
def test_spans_covering(spans, positions, want) -> None:
    from cancu.loaders.spans import covering

    assert covering(spans, positions) == want


LETTER = """SỞ NỘI VỤ TỈNH SƠN LA
Số: 1240/SNV-CCHC
Sơn La, ngày 09 tháng 11 năm 2016
V/v báo cáo số liệu cải cách hành chính
Kính gửi: Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện, thành phố.
Sở Nội vụ đề nghị các sở, ban, ngành, UBND các huyện, thành phố báo cáo số liệu cải cách hành chính, như sau:
1. Đối với các sở, ban, ngành báo cáo theo phụ lục 1.
2. UBND các huyện, thành phố báo cáo theo phụ lục 2.
Sở Nội vụ đề nghị các cơ quan, đơn vị gửi báo cáo về Sở Nội vụ trước ngày 18/11/2016 để tổng hợp.
"""


def test_rule_letter_reports_come_from_the_bodies_it_asks() -> None:
    record = extract_decoded(decode_bytes(LETTER.encode(), "x.txt"))
    assert [(r.from_, r.to) for r in record.reporting] == [
        ("Sở, ban, ngành tỉnh", "Sở Nội vụ"),
        ("UBND cấp huyện", "Sở Nội vụ"),
    ]


ITEM_ROWS = [
    pytest.param(
        """1. Cải cách tổ chức bộ máy
- Đối với cơ quan hành chính

+ Tiếp tục rà soát, sắp xếp tổ chức bộ máy các cơ quan.

- Đối với các đơn vị sự nghiệp công lập:
+ Triển khai các tiêu chí phân loại đơn vị sự nghiệp.
""",
        ["Tiếp tục rà soát, sắp xếp", "Triển khai các tiêu chí"],
        id="labels-over-their-items-are-not-tasks",
    ),
    pytest.param(
        """1. Cải cách thể chế
- Cụ thể hóa các thể chế kinh tế thị trường theo quy định của Trung ương như:

+ Thể chế về sở hữu tài sản của Nhà nước, tổ chức và cá nhân.

+ Hoàn thiện quy định về thu hút đầu tư vào tỉnh.
- Triển khai cơ chế tài chính tại các đơn vị sự nghiệp công lập:
+ Các quy định về nguồn thu, nhiệm vụ chi, phân phối thu nhập bổ sung.
+ Ban hành danh mục dịch vụ sự nghiệp công.
""",
        [
            "Cụ thể hóa các thể chế",
            "Hoàn thiện quy định về thu hút",
            "Triển khai cơ chế tài chính",
            "Ban hành danh mục",
        ],
        id="noun-lists-that-are-the-lead-in-s-objects-are-not-tasks",
    ),
    pytest.param(
        """1. Cải cách thủ tục hành chính
- Đối với các sở, ban, ngành báo cáo kết quả rà soát theo phụ lục 1 kèm theo.
- Rà soát quy định:
+ Hệ thống hóa văn bản quy phạm pháp luật của tỉnh.
+ Quy định nào chồng chéo thì đề xuất bãi bỏ.
""",
        [
            "Đối với các sở, ban, ngành báo cáo",
            "Rà soát quy định",
            "Hệ thống hóa văn bản",
            "Quy định nào chồng",
        ],
        id="a-long-doi-voi-item-a-verb-made-of-a-noun-and-a-later-item-stay-tasks",
    ),
]


ITEM_ROWS.append(
    pytest.param(
        """1. Xây dựng chính quyền số
- Phát triển hệ thống thông tin:
+ Phát triển, hoàn thiện Hệ thống thông tin báo cáo của tỉnh.

T Phát triển, hoàn thiện Hệ thống thông tin phục vụ họp không giấy.
+ Tryc liên thông văn bản của tỉnh, Hệ thống thông tin phục vụ họp.
""",
        [
            "Phát triển hệ thống",
            "Phát triển, hoàn thiện Hệ thống thông tin báo",
            "Phát triển, hoàn thiện Hệ thống thông tin phục",
            "Tryc liên thông",
        ],
        id="ocr-plus-read-as-T-is-a-bullet",
    )
)


@pytest.mark.parametrize(("body", "want"), ITEM_ROWS)
def test_rule_labels_and_noun_lists(body: str, want: list[str]) -> None:
    record = extract_decoded(decode_bytes((HEAD + body).encode(), "x.txt"))
    got = [t.text for t in record.tasks]
    assert len(got) == len(want), got
    for text, start in zip(got, want, strict=True):
        assert text.startswith(start), (text, start)


AREA_LEAD_ROWS = [
    pytest.param(
        """III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ
a) Là cơ quan thường trực tổ chức triển khai thực hiện Kế hoạch.
b) Chủ trì triển khai các nội dung cải cách tổ chức bộ máy hành chính, cải cách chế độ công vụ.
2. Sở Tư pháp
a) Theo dõi, tổng hợp việc triển khai nội dung cải cách thể chế.
3. Văn phòng UBND tỉnh
a) Chủ trì triển khai nội dung cải cách TTHC.
""",
        [("Sở Nội vụ", "to_chuc_bo_may"), ("Sở Nội vụ", "cong_vu"), ("Văn phòng UBND tỉnh", "tthc")],
        id="lettered-duties-under-body-headings",
    ),
    pytest.param(
        """III. TỔ CHỨC THỰC HIỆN
1. Giao Sở Tư pháp chủ trì thực hiện nhiệm vụ cải cách thể chế; Sở Khoa học và Công nghệ chủ trì và hướng
dẫn các sở, ngành triển khai xây dựng và phát triển chính quyền số trên địa bàn tỉnh.
""",
        [("Sở Tư pháp", "the_che"), ("Sở Khoa học và Công nghệ", "chinh_quyen_so")],
        id="giao-sentences-naming-the-body-before-chu-tri",
    ),
    pytest.param(
        """III. TỔ CHỨC THỰC HIỆN
1. Các sở, ban, ngành tỉnh chủ trì triển khai các nhiệm vụ cải cách thủ tục hành chính thuộc lĩnh vực quản lý.
2. Cơ quan được giao chủ trì các nhiệm vụ về công tác thông tin, tuyên truyền phối hợp với Sở Nội vụ.
3. Sở Tài chính chủ trì tổng hợp, bố trí kinh phí thực hiện các nhiệm vụ cải cách hành chính.
4. Sở Y tế chủ trì rà soát nội dung quản lý nhà nước về cung cấp dịch vụ y tế, thủ tục hành chính.
""",
        [],
        id="collectives-unnamed-bodies-and-incidental-area-words-lead-no-area",
    ),
]


@pytest.mark.parametrize(("body", "want"), AREA_LEAD_ROWS)
def test_rule_area_leads(body: str, want: list[tuple[str, str]]) -> None:
    record = extract_decoded(decode_bytes((HEAD + body).encode(), "x.txt"))
    assert [(a.agency, a.area) for a in record.area_leads] == want


HEADING_ROWS = [
    ("1. Cải cách thể chế", "1"),
    ("2.1. Trách nhiệm chung", "2.1"),
    ("3) Sở Xây dựng", "3"),
    ("4 Sở Y tế", "4"),
    ("5G, IoT phục vụ chuyển đổi số trong các khu công nghiệp", None),
    ("3D hóa bản đồ địa chính", None),
]


@pytest.mark.parametrize(("line", "number"), HEADING_ROWS)
def test_rule_numbered_heading_lines(line: str, number: str | None) -> None:
    from cancu.loaders.fold import fold
    from cancu.loaders.outline import outline

    o = outline(fold(line + "\n"))
    assert [s.heading.marker for s in o.sections if s.heading] == ([number] if number else [])


def _cue_rows(kind: str) -> list[str]:
    from cancu.ontology.datafiles import read_rows

    return [r["phrase"] for r in read_rows("layout/sentence_cues.csv") if r["kind"] == kind]


@pytest.mark.parametrize("phrase", _cue_rows("recital"))
def test_every_recital_phrase_marks_a_recalled_request(phrase: str) -> None:
    from cancu.loaders import cues
    from cancu.loaders.fold import fold

    text = fold(f"Bộ Nội vụ {phrase} số 8091/BNV-TCBC đề nghị các cơ quan báo cáo").text
    assert cues.pattern("recital").search(text)


@pytest.mark.parametrize("lead", _cue_rows("due"))
@pytest.mark.parametrize("unit", _cue_rows("unit"))
def test_every_due_phrase_sets_a_time(lead: str, unit: str) -> None:
    from cancu.loaders import cues
    from cancu.loaders.fold import fold

    m = cues.due_phrase().search(fold(f"báo cáo Thủ tướng Chính phủ {lead} {unit} 1 năm 2026.").text)
    assert m and m.group().endswith("2026")


@pytest.mark.parametrize("verb", _cue_rows("verb"))
def test_every_sentence_verb_makes_a_heading_a_sentence(verb: str) -> None:
    from cancu.loaders import cues

    assert cues.printed_verb().search(f"Thanh tra thành phố {verb} việc chấp hành")
    assert not cues.printed_verb().search(f"Vụ {verb.capitalize()} cán bộ")
