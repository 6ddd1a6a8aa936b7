"""Node and edge kinds, reform areas, levels and statuses (ONTOLOGY.md).

Defined once here; the networkx graph, the RDF export and the Neo4j labels
all take their names from this module.
"""

from __future__ import annotations

from enum import StrEnum


class NodeKind(StrEnum):
    DOCUMENT = "Document"
    PLAN = "Plan"
    AGENCY = "Agency"
    JURISDICTION = "Jurisdiction"
    TARGET = "Target"
    METRIC = "Metric"
    TASK = "Task"
    AREA = "Area"


class EdgeKind(StrEnum):
    BASED_ON = "BASED_ON"
    CITES = "CITES"
    IMPLEMENTS = "IMPLEMENTS"
    ISSUED_BY = "ISSUED_BY"
    HAS_TARGET = "HAS_TARGET"
    HAS_TASK = "HAS_TASK"
    MEASURES = "MEASURES"
    CASCADES_FROM = "CASCADES_FROM"
    LEADS = "LEADS"
    SUPPORTS = "SUPPORTS"
    RESPONSIBLE_FOR = "RESPONSIBLE_FOR"
    REPORTS_TO = "REPORTS_TO"
    PART_OF = "PART_OF"
    IN_AREA = "IN_AREA"
    REPLACED_BY = "REPLACED_BY"
    AMENDED_BY = "AMENDED_BY"
    SUCCEEDED_BY = "SUCCEEDED_BY"
    IN_JURISDICTION = "IN_JURISDICTION"


class Level(StrEnum):
    NATIONAL = "national"
    MINISTRY = "ministry"
    PROVINCE = "province"
    DEPARTMENT = "department"
    DISTRICT = "district"
    COMMUNE = "commune"
    UNIT = "unit"


#: Top-down rank of each level: a plan implements a plan of a lower rank number.
LEVEL_RANK: dict[str, int] = {
    Level.NATIONAL: 0,
    Level.MINISTRY: 1,
    Level.PROVINCE: 2,
    Level.DEPARTMENT: 3,
    Level.DISTRICT: 3,
    Level.COMMUNE: 4,
    Level.UNIT: 5,
}


class Area(StrEnum):
    THE_CHE = "the_che"
    TTHC = "tthc"
    TO_CHUC_BO_MAY = "to_chuc_bo_may"
    CONG_VU = "cong_vu"
    TAI_CHINH_CONG = "tai_chinh_cong"
    CHINH_QUYEN_SO = "chinh_quyen_so"
    CHI_DAO_DIEU_HANH = "chi_dao_dieu_hanh"
    TUYEN_TRUYEN = "tuyen_truyen"


AREA_LABELS: dict[str, tuple[str, str]] = {
    Area.THE_CHE: ("Cải cách thể chế", "institutional reform"),
    Area.TTHC: ("Cải cách thủ tục hành chính", "administrative procedures"),
    Area.TO_CHUC_BO_MAY: ("Cải cách tổ chức bộ máy hành chính nhà nước", "apparatus"),
    Area.CONG_VU: ("Cải cách chế độ công vụ", "civil service"),
    Area.TAI_CHINH_CONG: ("Cải cách tài chính công", "public finance"),
    Area.CHINH_QUYEN_SO: (
        "Xây dựng, phát triển Chính quyền điện tử, Chính quyền số",
        "e-/digital government",
    ),
    Area.CHI_DAO_DIEU_HANH: ("Công tác chỉ đạo, điều hành", "direction and management"),
    Area.TUYEN_TRUYEN: ("Công tác thông tin, tuyên truyền", "communication"),
}


class Status(StrEnum):
    IN_FORCE = "in_force"
    AMENDED = "amended"
    PARTLY_EXPIRED = "partly_expired"
    REPLACED = "replaced"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


class Flag(StrEnum):
    """Citator flags of the audit query."""

    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
    GREY = "grey"


#: Document type codes as printed in numbers, with their Vietnamese names.
DOC_TYPE_NAMES: dict[str, str] = {
    "L": "Luật",
    "NQ": "Nghị quyết",
    "NĐ": "Nghị định",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "HD": "Hướng dẫn",
    "CV": "Công văn",
    "BC": "Báo cáo",
    "KH": "Kế hoạch",
    "TB": "Thông báo",
    "CTr": "Chương trình",
    "ĐA": "Đề án",
    "PL": "Pháp lệnh",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "KL": "Kết luận",
}
