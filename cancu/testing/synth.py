"""A deterministic synthetic country of CCHC plans, written beside its ground truth.

Why: the five seeds are too few to measure an extractor's generality or the
graph's speed. This generator writes plans in the real formats (header, basis
paragraph citing up the chain, targets, tasks in prose or an appendix table,
duties and reporting lines), a share of them OCR-noised, and for every plan a
truth file in the gold format of ``shared/eval/gold`` plus a ``manifest.json``.
Real province/district/commune names and real national documents are used;
local numbers, dates and people are invented. Template-based, so ~4,000 plans
of a country-year take seconds.

    python -m cancu.testing.synth OUT_DIR --years 2026 --seed 0 --provinces 3
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from cancu.ontology.ids import ascii_fold, safe_filename

RESTRUCTURED_FROM = 2026
"""Plans for years up to 2025 are issued in the spring, before the 2025-07-01 reform: they have districts."""

NATIONAL = {
    "76/NQ-CP": (
        "NQ",
        "Nghị quyết",
        "Chính phủ",
        "2021-07-15",
        "ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
    ),
    "23/CT-TTg": (
        "CT",
        "Chỉ thị",
        "Thủ tướng Chính phủ",
        "2021-09-02",
        "về đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
    ),
    "282/QĐ-TTg": (
        "QĐ",
        "Quyết định",
        "Thủ tướng Chính phủ",
        "2026-02-12",
        "ban hành Kế hoạch cải cách hành chính nhà nước trọng tâm giai đoạn 2026 - 2030",
    ),
    "61/2018/NĐ-CP": (
        "NĐ",
        "Nghị định",
        "Chính phủ",
        "2018-04-23",
        "về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
    ),
    "118/2025/NĐ-CP": (
        "NĐ",
        "Nghị định",
        "Chính phủ",
        "2025-06-09",
        "về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",
    ),
}
REPLACED = {"61/2018/NĐ-CP": ("118/2025/NĐ-CP", "2025-07-01")}

AREAS = [
    (
        "the_che",
        "Cải cách thể chế",
        [
            "rà soát, hệ thống hóa văn bản quy phạm pháp luật thuộc phạm vi quản lý",
            "kiểm tra, xử lý văn bản quy phạm pháp luật trái quy định",
            "theo dõi tình hình thi hành pháp luật trên địa bàn",
            "tuyên truyền, phổ biến, giáo dục pháp luật cho cán bộ và nhân dân",
        ],
    ),
    (
        "tthc",
        "Cải cách thủ tục hành chính",
        [
            "công bố, công khai thủ tục hành chính trên Cổng Dịch vụ công quốc gia",
            "rà soát, đơn giản hóa thủ tục hành chính nội bộ",
            "tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính",
            "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        ],
    ),
    (
        "to_chuc_bo_may",
        "Cải cách tổ chức bộ máy hành chính nhà nước",
        [
            "rà soát chức năng, nhiệm vụ, quyền hạn của các cơ quan, đơn vị",
            "kiện toàn tổ chức bộ máy sau sắp xếp theo quy định",
            "kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị",
        ],
    ),
    (
        "cong_vu",
        "Cải cách chế độ công vụ",
        [
            "xây dựng, hoàn thiện đề án vị trí việc làm",
            "đánh giá, xếp loại cán bộ, công chức, viên chức hằng năm",
            "bồi dưỡng kỹ năng số cho cán bộ, công chức",
        ],
    ),
    (
        "tai_chinh_cong",
        "Cải cách tài chính công",
        [
            "triển khai cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập",
            "công khai dự toán, quyết toán ngân sách theo quy định",
        ],
    ),
    (
        "chinh_quyen_so",
        "Xây dựng, phát triển chính quyền điện tử, chính quyền số",
        [
            "triển khai nền tảng số dùng chung trên địa bàn",
            "nâng cấp hệ thống quản lý văn bản và điều hành",
            "kết nối, chia sẻ dữ liệu với cơ sở dữ liệu quốc gia về dân cư",
        ],
    ),
    (
        "chi_dao_dieu_hanh",
        "Công tác chỉ đạo, điều hành",
        [
            "xây dựng kế hoạch kiểm tra công tác cải cách hành chính",
            "tổ chức xác định chỉ số cải cách hành chính của các cơ quan, đơn vị",
        ],
    ),
    (
        "tuyen_truyen",
        "Công tác thông tin, tuyên truyền",
        [
            "tuyên truyền về cải cách hành chính trên các phương tiện thông tin đại chúng",
            "tổ chức hội thi tìm hiểu về cải cách hành chính",
        ],
    ),
]
AREA_LABEL = {code: label for code, label, _ in AREAS}

METRICS = [  # (area, wording after the figure, national minimum)
    ("tthc", "TTHC có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến", 80),
    ("tthc", "hồ sơ giải quyết TTHC được luân chuyển trong nội bộ bằng phương thức điện tử", 80),
    ("chinh_quyen_so", "hồ sơ, kết quả giải quyết TTHC được số hóa", 80),
    ("chinh_quyen_so", "văn bản giữa các cơ quan hành chính được trao đổi dưới dạng điện tử", 90),
    ("cong_vu", "cán bộ, công chức được bồi dưỡng kiến thức, kỹ năng số", 70),
    ("tai_chinh_cong", "đơn vị sự nghiệp công lập tự bảo đảm một phần chi thường xuyên", 50),
]

DEPARTMENTS_NEW = [
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Tài chính",
    "Sở Xây dựng",
    "Sở Khoa học và Công nghệ",
    "Sở Công Thương",
    "Sở Nông nghiệp và Môi trường",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Dân tộc và Tôn giáo",
    "Sở Ngoại vụ",
    "Thanh tra tỉnh",
    "Văn phòng UBND tỉnh",
    "Ban Quản lý các khu công nghiệp",
    "Sở Du lịch",
    "Sở Giao thông công chính",
    "Sở Quy hoạch - Kiến trúc",
    "Ban Quản lý dự án đầu tư xây dựng",
    "Sở An toàn thực phẩm",
]
DEPARTMENTS_OLD = [
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Tài chính",
    "Sở Xây dựng",
    "Sở Khoa học và Công nghệ",
    "Sở Kế hoạch và Đầu tư",
    "Sở Thông tin và Truyền thông",
    "Sở Giao thông vận tải",
    "Sở Tài nguyên và Môi trường",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Công Thương",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Ban Dân tộc",
    "Sở Ngoại vụ",
    "Thanh tra tỉnh",
    "Văn phòng UBND tỉnh",
    "Ban Quản lý các khu công nghiệp",
]
ENDED = [
    "Sở Kế hoạch và Đầu tư",
    "Sở Thông tin và Truyền thông",
    "Sở Giao thông vận tải",
    "Sở Tài nguyên và Môi trường",
    "Sở Lao động - Thương binh và Xã hội",
]
LEADS = {
    "province": [
        "Sở Tư pháp",
        "Văn phòng UBND tỉnh",
        "Sở Khoa học và Công nghệ",
        "Sở Nội vụ",
        "Sở Tài chính",
    ],
    "department": ["Văn phòng Sở", "Thanh tra Sở", "Phòng Kế hoạch - Tài chính"],
    "district": [
        "Phòng Nội vụ",
        "Phòng Tư pháp",
        "Văn phòng HĐND và UBND huyện",
        "Phòng Tài chính - Kế hoạch",
    ],
    "commune_old": ["Văn phòng HĐND và UBND xã", "Công chức Tư pháp - Hộ tịch"],
    "commune": [
        "Văn phòng HĐND và UBND xã",
        "Phòng Kinh tế",
        "Phòng Văn hóa - Xã hội",
        "Trung tâm Phục vụ hành chính công xã",
    ],
}
PRODUCTS = ["Báo cáo", "Kế hoạch", "Quyết định", "Văn bản hướng dẫn", None]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Huỳnh"]
MIDDLES = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Quốc", "Ngọc"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hùng",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phong",
    "Tâm",
    "Thảo",
    "Tuấn",
]
QUARTERS = ["I", "II", "III", "IV"]
GAP = " " * 12
"""Header columns are separated by spaces, as in text extracted from real plans."""
FREQ = ["quý", "6 tháng", "năm"]
FREQ_TEXT = "định kỳ hằng quý, 6 tháng, năm"
JUR_PREFIXES = [
    "Thành phố ",
    "Thành Phố ",
    "Thị xã ",
    "Thị Xã ",
    "Huyện ",
    "Quận ",
    "Xã ",
    "Phường ",
    "Đặc khu ",
]

# OCR noise: after folding diacritics, whole words are swapped for shapes a scanner makes of them
# (ASCII only, so a noised file stays diacritic-free). Document numbers are never touched.
OCR_WORDS = {
    "so": ["s6", "s0"],
    "cua": ["cta", "cda"],
    "Can": ["Cin"],
    "cu": ["cir", "cn"],
    "ve": ["vc"],
    "le": ["1e"],
    "luc": ["1uc"],
    "chinh": ["chmh", "chinh"],
    "thuc": ["thirc"],
    "hien": ["hicn"],
    "cong": ["cong", "c0ng"],
    "nhiem": ["nhicm"],
    "hanh": ["hanh", "hamh"],
    "tinh": ["tmh"],
}


@dataclass
class Manifest:
    """What was written: one entry per plan (also saved as ``manifest.json``)."""

    out_dir: Path
    seed: int
    plans: list[dict] = field(default_factory=list)

    def by_level(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for p in self.plans:
            counts[p["level"]] = counts.get(p["level"], 0) + 1
        return counts


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("cancu.ontology").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


def _strip_kind(name: str) -> tuple[str, str]:
    for prefix in JUR_PREFIXES:
        if name.startswith(prefix):
            return prefix.strip().capitalize(), name[len(prefix) :]
    return "Xã", name


def _fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    )


def ocr_noise(text: str, rng: random.Random, rate: float = 0.25) -> str:
    """Diacritic-less OCR style: folded, some words mis-read, some spaces become line breaks."""
    out = []
    for word in _fold(text).split(" "):
        alts = OCR_WORDS.get(word)
        if alts and rng.random() < rate:
            word = rng.choice(alts)
        out.append(word)
    words = out
    return "".join(
        w + (("\n" if rng.random() < 0.03 else " ") if i < len(words) - 1 else "")
        for i, w in enumerate(words)
    )


def _geography(years: Sequence[int]) -> dict:
    provinces = _rows("provinces.csv")
    juris = _rows("jurisdictions.csv")
    from cancu.ontology.ids import slug

    geo: dict = {"new": [], "old": []}
    districts: dict[str, list[dict]] = {}
    communes: dict[str, list[str]] = {}
    for r in juris:
        if r["level"] == "district":
            districts.setdefault(r["parent"], []).append(r)
        elif r["level"] == "commune":
            communes.setdefault(r["parent"], []).append(r["name"])
            geo.setdefault("names", {})[r["id"]] = r["name"]
    seen_new: set[str] = set()
    for p in provinces:
        kind = "thành phố" if p["kind"] == "city" else "tỉnh"
        if p["code_before"]:
            geo["old"].append((p["name"], kind, districts.get(slug(p["name"]), [])))
        if p["code_after"] and not p["active_until"] and p["name"] not in seen_new:
            seen_new.add(p["name"])
            geo["new"].append((p["name"], kind, communes.get(slug(p["name"]), [])))
    return geo


class _Doc:
    """Lines of one plan and its truth, built together so quotes are taken from the lines as written."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.items: list[tuple[str, dict, int, int]] = []  # (kind, record, line index, mark length)

    def add(self, line: str) -> int:
        self.lines.append(line)
        return len(self.lines) - 1

    def item(self, kind: str, record: dict, line: str, mark: str = "- ") -> None:
        self.items.append((kind, record, self.add(mark + line), len(mark)))


def _quote(line: str, skip: int, cell: bool) -> str:
    body = line.split("\t")[1] if cell else line[skip:]
    return " ".join(body.split()[:10])


class _Country:
    def __init__(self, out: Path, rng: random.Random, opts: dict) -> None:
        self.out, self.rng, self.o = out, rng, opts
        self.manifest: list[dict] = []
        self._names: set[str] = set()  # two communes of one province may share a name: never overwrite

    def parent_name(self, body: str, place: str) -> str:
        """How a child plan names its parent's issuer: mostly with the place ("Ủy ban nhân dân tỉnh
        Cao Bằng"), sometimes bare ("Ủy ban nhân dân tỉnh"), as real plans do."""
        return body if self.rng.random() < self.o["unnamed_parent_share"] else f"{body} {place}"

    def person(self) -> str:
        r = self.rng
        return f"{r.choice(SURNAMES)} {r.choice(MIDDLES)} {r.choice(GIVEN)}"

    def plan(
        self,
        *,
        level: str,
        year: int,
        number: str,
        issuer: str,
        short_issuer: str,
        jurisdiction: str,
        place: str,
        month: int,
        bases: list[dict],
        parent_targets: dict[int, int] | None,
        leads: list[str],
        assignments: list[tuple[str, list[str], dict | None]],
        header: tuple[str, str],
        signer_role: str,
        stem: str,
        parent_number: str | None,
    ) -> dict[int, int]:
        """Write one plan and its truth; returns its targets (metric index → value) for its children."""
        r, o = self.rng, self.o
        d = _Doc()
        day = r.randint(2, 27)
        date = f"{year}-{month:02d}-{day:02d}"
        title = (
            f"Cải cách hành chính năm {year} của {short_issuer}"
            if level != "province"
            else f"Cải cách hành chính nhà nước năm {year} trên địa bàn {short_issuer[5:]} {jurisdiction}"
        )
        layout = random.Random(stem).random()  # own stream: the country's draws stay as they were
        if layout < o.get("page_share", 0.0):  # a legal-database page: "|" cells, Markdown title
            d.add(f"{header[0]} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |")
            d.add(f"{header[1]} | Độc lập - Tự do - Hạnh phúc |")
            d.add(f"Số: {number} | {place}, ngày {day:02d} tháng {month:02d} năm {year} |")
            d.add("")
            d.add("**KẾ HOẠCH**")
        else:
            d.add(f"{header[0]}{GAP}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            d.add(f"{header[1]}{GAP}Độc lập - Tự do - Hạnh phúc")
            d.add(f"Số: {number}{GAP}{place}, ngày {day:02d} tháng {month:02d} năm {year}")
            d.add("")
            d.add("KẾ HOẠCH")
        d.add(title)
        d.add("")
        for i, b in enumerate(bases):
            word = "Thực hiện" if b["type"] == "KH" and i == 0 and r.random() < 0.5 else "Căn cứ"
            by = self.parent_name(b["_by"], b["_place"]) if "_place" in b else b["_by"]
            d.add(f"{word} {b['_kind']} số {b['number']} ngày {_dmy(b['date'])} của {by} {b['_about']};")
        d.add(
            f"{short_issuer[0].upper() + short_issuer[1:]} ban hành Kế hoạch cải cách hành chính năm {year} như sau:"
        )
        d.add("I. MỤC ĐÍCH, YÊU CẦU")
        d.add("- Triển khai đồng bộ, hiệu quả các nhiệm vụ cải cách hành chính năm " + str(year) + ".")
        d.add("- Xác định rõ trách nhiệm của người đứng đầu các cơ quan, đơn vị.")
        d.add("II. MỤC TIÊU")
        d.add(f"1. Mục tiêu đến năm {year}")
        targets: dict[int, int] = {}
        truth_targets = []
        for mi, (area, words, national) in enumerate(METRICS):
            base = national if parent_targets is None else parent_targets.get(mi, national)
            if parent_targets is not None and mi not in parent_targets:
                continue
            roll = r.random()
            if roll < 0.15:
                continue  # missing relative to the parent
            value = min(100, base + 10) if roll < 0.45 else max(10, base - 10) if roll < 0.6 else base
            targets[mi] = value
            line = f"100% {words}." if value == 100 else f"Tối thiểu {value}% {words}."
            rec = {
                "area": area,
                "value": value,
                "unit": "%",
                "comparator": "=" if value == 100 else ">=",
                "deadline": year,
            }
            d.item("target", rec, line)
            truth_targets.append(rec)
        d.add("III. NHIỆM VỤ")
        table = r.random() < o["table_share"]
        tasks = []
        pool = [(code, action) for code, _, actions in AREAS for action in actions]
        r.shuffle(pool)
        chosen = sorted(pool[: o["tasks_per_plan"]], key=lambda t: [a[0] for a in AREAS].index(t[0]))
        ended = list(ENDED) if year >= RESTRUCTURED_FROM and level in ("province", "department") else []
        specs = []
        for code, action in chosen:
            lead = r.choice(leads) if r.random() < 0.75 else None
            if lead and ended and r.random() < o["ended_agency_share"]:
                lead = r.choice(ended)
            support = r.choice([x for x in leads if x != lead]) if lead and r.random() < 0.4 else None
            deadline = f"Quý {r.choice(QUARTERS)}/{year}" if r.random() < 0.6 else None
            product = r.choice(PRODUCTS) if table else None
            specs.append((code, action, lead, support, deadline, product))
        if table:
            d.add("(Có Phụ lục nhiệm vụ kèm theo)")
        else:
            current = None
            n = 0
            for code, action, lead, support, deadline, _ in specs:
                if code != current:
                    n += 1
                    d.add(f"{n}. {AREA_LABEL[code]}")
                    current = code
                if lead and support:
                    line = f"Giao {lead} chủ trì, phối hợp với {support} {action}"
                elif lead:
                    line = f"{lead} chủ trì {action}"
                else:
                    line = action[0].upper() + action[1:]
                line += f"; hoàn thành trong {deadline}." if deadline else "."
                rec = {
                    "area": code,
                    "lead": [lead] if lead else [],
                    "support": [support] if support else [],
                    "product": None,
                    "deadline": deadline,
                }
                d.item("task", rec, line)
                tasks.append(rec)
        d.add("IV. TỔ CHỨC THỰC HIỆN")
        truth_assign, truth_report = [], []
        for k, (agency, duties, report) in enumerate(assignments, 1):
            rec = {"agency": agency, "duty_count": len(duties)}
            d.item("assign", rec, f"{k}. {agency}", mark="")
            truth_assign.append(rec)
            for j, duty in enumerate(duties):
                d.add(f"{'abcdefgh'[j]}) {duty};")
            if report:
                truth_report.append(report)
        if table:
            d.add("")
            d.add(f"Phụ lục: NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM {year}")
            d.add("(Kèm theo Kế hoạch số " + number + ")")
            d.add("STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm\tThời gian hoàn thành")
            for i, (code, action, lead, support, deadline, product) in enumerate(specs, 1):
                text = action[0].upper() + action[1:]
                rec = {
                    "area": code,
                    "lead": [lead] if lead else [],
                    "support": [support] if support else [],
                    "product": product,
                    "deadline": deadline,
                }
                d.items.append(
                    (
                        "cell",
                        rec,
                        d.add(
                            "\t".join(
                                [str(i), text, lead or "", support or "", product or "", deadline or ""]
                            )
                        ),
                        0,
                    )
                )
                tasks.append(rec)
        d.add("")
        d.add(f"Nơi nhận:{GAP}{'TM. ỦY BAN NHÂN DÂN' if signer_role == 'Chủ tịch' else ''}")
        d.add(f"- Lưu: VT.{GAP}{signer_role.upper()}")
        signer = self.person()
        d.add(signer)
        ocr = r.random() < o["ocr_share"]
        lines = d.lines
        if ocr:
            lines = [ocr_noise(line, r) for line in lines]
            cut = len(lines) // 2
            lines = lines[:cut] + ["", str(r.randint(2, 3)), _fold(d.lines[0]), ""] + lines[cut:]
        shift = 4 if ocr else 0
        cut = len(d.lines) // 2
        for kind, rec, idx, mark in d.items:
            line = lines[idx + (shift if ocr and idx >= cut else 0)]
            rec["quote"] = _quote(line, mark, kind == "cell")
        as_docx = not ocr and r.random() < o["docx_share"]
        name = safe_filename(stem, ".docx" if as_docx else ".txt")
        n = 1
        while name in self._names:
            n += 1
            name = safe_filename(f"{stem}-{n}", ".docx" if as_docx else ".txt")
        self._names.add(name)
        if as_docx:
            _write_docx(self.out / name, lines, date)
        else:
            (self.out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        printed_place = _printed_jurisdiction(jurisdiction, "\n".join(lines))
        truth = {
            "source": name,
            "document": {
                "number": number,
                "type": "KH",
                "issuer": issuer,
                "jurisdiction": printed_place,
                "level": level,
                "date": date,
                "title": title,
                "period": [year, year],
                "signer": {"name": signer, "role": signer_role},
            },
            "legal_bases": [{k: v for k, v in b.items() if not k.startswith("_")} for b in bases],
            "references": [],
            "targets": truth_targets,
            "tasks": tasks,
            "assignments": truth_assign,
            # score.py's "responsible agencies": every body the plan makes responsible, by a duty in
            # Tổ chức thực hiện or as the lead of a task
            "lead_agencies": sorted(
                {a["agency"] for a in truth_assign} | {x for t in tasks for x in t["lead"]}
            ),
            "reporting": truth_report,
            "notes": [
                "Synthetic plan written by cancu.testing.synth; names of people and local numbers invented."
            ],
        }
        (self.out / "truth" / (Path(name).stem + ".json")).write_text(
            json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        self.manifest.append(
            {
                "file": name,
                "level": level,
                "year": year,
                "number": number,
                "date": date,
                "issuer": issuer,
                "jurisdiction": jurisdiction,
                "parent_number": parent_number,
                "ocr": ocr,
                "table": table,
                "cited": [b["number"] for b in bases],
                "replaced_citations": [
                    b["number"] for b in bases if b["number"] in REPLACED and date >= REPLACED[b["number"]][1]
                ],
                "task_leads": sorted({x for t in tasks for x in t["lead"]}),
                "ended_leads": sorted({x for t in tasks for x in t["lead"] if x in ended}),
                "targets": {METRICS[mi][1]: v for mi, v in targets.items()},
            }
        )
        return targets


def _write_docx(path: Path, lines: list[str], date: str) -> None:
    """A Word plan: one paragraph per line; the appendix rows (tab-separated) as a real table."""
    import datetime

    import docx

    d = docx.Document()
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            d.add_paragraph(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        rows = [line.split("\t") for line in lines[i:j]]
        table = d.add_table(rows=len(rows), cols=max(len(row) for row in rows))
        for ri, row in enumerate(rows):
            for ci, cell in enumerate(row):
                table.cell(ri, ci).text = cell
        i = j
    d.core_properties.created = datetime.datetime.fromisoformat(date)
    d.save(path)


def _dmy(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)}/{int(m)}/{y}"


def _national(number: str) -> dict:
    typ, kind, by, date, about = NATIONAL[number]
    return {
        "number": number,
        "type": typ,
        "issuer": by,
        "jurisdiction": None,
        "date": date,
        "_kind": kind,
        "_by": by,
        "_about": about,
    }


def _fold_words(text: str) -> str:
    return " ".join(ascii_fold(text).split())


def _printed_jurisdiction(jurisdiction: str | None, text: str) -> str | None:
    """The truth states the places the plan's words name, as the real corpus's gold does: a commune plan
    that never names its province is "Xã, Huyện", not "Xã, Huyện, Tỉnh" (the registry's guess is a
    warning of the extractor, not a fact of the text)."""
    if not jurisdiction:
        return jurisdiction
    parts = [p.strip() for p in jurisdiction.split(",")]
    words = _fold_words(text)
    return ", ".join(parts[:1] + [p for p in parts[1:] if _fold_words(p) in words])


def _local(number: str, issuer: str, jurisdiction: str, date: str, by: str, place: str) -> dict:
    return {
        "number": number,
        "type": "KH",
        "issuer": issuer,
        "jurisdiction": jurisdiction,
        "date": date,
        "_kind": "Kế hoạch",
        "_by": by,
        "_place": place,
        "_about": "về cải cách hành chính",
    }


def _abbr(name: str) -> str:
    return "".join(w[0] for w in _fold(name).replace("-", " ").replace(",", " ").split()).upper()


def generate_country(
    out_dir: Path,
    *,
    seed: int = 0,
    years: Sequence[int] = (2026,),
    provinces: int = 34,
    departments_per_province: int = 6,
    communes_per_province: int = 10,
    tasks_per_plan: int = 20,
    ocr_share: float = 0.2,
    replaced_citation_share: float = 0.1,
    ended_agency_share: float = 0.1,
    table_share: float = 0.3,
    docx_share: float = 0.0,
    districts_per_province: int = 3,
    unnamed_parent_share: float = 0.2,
    page_share: float = 0.0,
) -> Manifest:
    """Write the plans of ``provinces`` provinces for each year, with ``truth/`` and ``manifest.json``.

    ``docx_share`` of the plans without OCR noise are written as .docx, their appendix as a Word table.
    ``unnamed_parent_share`` of the child plans cite their parent's plan as "của Ủy ban nhân dân tỉnh"
    without the place's name (then the text alone may not say which province a commune is in).
    ``page_share`` of the plans are printed as a legal-database page prints them ("|" header cells,
    a Markdown title). The generator shares the extractor's assumptions: its score is a regression
    check, not evidence of accuracy on real documents (that is ``corpus/``).
    """
    out_dir = Path(out_dir)
    (out_dir / "truth").mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    geo = _geography(years)
    c = _Country(
        out_dir,
        rng,
        {
            "table_share": table_share,
            "ocr_share": ocr_share,
            "ended_agency_share": ended_agency_share,
            "tasks_per_plan": tasks_per_plan,
            "docx_share": docx_share,
            "unnamed_parent_share": unnamed_parent_share,
            "page_share": page_share,
        },
    )
    for year in years:
        new = year >= RESTRUCTURED_FROM
        plist = geo["new" if new else "old"][:provinces]
        for pname, pkind, children in plist:
            pj = pname
            pissuer = f"UBND {pkind} {pname}"
            pnum = f"{rng.randint(10, 400)}/KH-UBND"
            national = [_national("76/NQ-CP")]
            national.append(_national("282/QĐ-TTg" if year >= 2026 else "23/CT-TTg"))
            if rng.random() < replaced_citation_share:
                national.append(_national("61/2018/NĐ-CP"))
            elif year >= 2026 and rng.random() < 0.3:
                national.append(_national("118/2025/NĐ-CP"))
            sub = "UBND cấp xã" if new else "UBND cấp huyện"
            report = {"from": "Sở, ban, ngành tỉnh", "to": pissuer, "via": "Sở Nội vụ", "frequency": FREQ}
            report2 = {"from": sub, "to": pissuer, "via": "Sở Nội vụ", "frequency": FREQ}
            duties_report = f"{FREQ_TEXT[0].upper() + FREQ_TEXT[1:]} báo cáo kết quả về UBND {pkind} (qua Sở Nội vụ) trước ngày 15 của tháng cuối kỳ"
            ptargets = c.plan(
                level="province",
                year=year,
                number=pnum,
                issuer=pissuer,
                short_issuer=f"UBND {pkind}",
                jurisdiction=pj,
                place=pname,
                month=3,
                bases=national,
                parent_targets=None,
                leads=LEADS["province"]
                if new
                else LEADS["province"][:3] + ["Sở Thông tin và Truyền thông", "Sở Nội vụ"],
                assignments=[
                    (
                        "Sở Nội vụ",
                        [
                            "Theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này",
                            "Tham mưu tổng hợp kết quả cải cách hành chính của tỉnh",
                        ],
                        None,
                    ),
                    (
                        "Sở, ban, ngành tỉnh",
                        [
                            "Xây dựng kế hoạch cải cách hành chính của cơ quan",
                            "Bố trí kinh phí thực hiện các nhiệm vụ được giao",
                            duties_report,
                        ],
                        report,
                    ),
                    (sub, ["Xây dựng kế hoạch cải cách hành chính của địa phương", duties_report], report2),
                ],
                header=("ỦY BAN NHÂN DÂN", f"{pkind.upper()} {pname.upper()}"),
                signer_role="Chủ tịch",
                stem=f"{year}_{pname}_ubnd",
                parent_number=None,
            )
            pbase = _local(pnum, pissuer, pj, c.manifest[-1]["date"], f"Ủy ban nhân dân {pkind}", pname)
            depts = (DEPARTMENTS_NEW if new else DEPARTMENTS_OLD)[:departments_per_province]
            for dname in depts:
                dnum = f"{rng.randint(10, 900)}/KH-{_abbr(dname)}"
                dreport = {"from": "Văn phòng Sở", "to": pissuer, "via": "Sở Nội vụ", "frequency": FREQ}
                c.plan(
                    level="department",
                    year=year,
                    number=dnum,
                    issuer=f"{dname} {pkind} {pname}",
                    short_issuer=dname,
                    jurisdiction=pj,
                    place=pname,
                    month=4,
                    bases=[pbase],
                    parent_targets=ptargets,
                    leads=LEADS["department"],
                    assignments=[
                        (
                            "Văn phòng Sở",
                            ["Theo dõi, tổng hợp kết quả thực hiện Kế hoạch", duties_report],
                            dreport,
                        )
                    ],
                    header=(f"UBND {pkind.upper()} {pname.upper()}", dname.upper()),
                    signer_role="Giám đốc",
                    stem=f"{year}_{pname}_{_abbr(dname)}",
                    parent_number=pnum,
                )
            if new:
                for cname in children[:communes_per_province]:
                    kind, short = _strip_kind(cname)
                    cissuer = f"UBND {kind.lower()} {short}"
                    creport = {
                        "from": "Văn phòng HĐND và UBND xã",
                        "to": pissuer,
                        "via": "Sở Nội vụ",
                        "frequency": FREQ,
                    }
                    c.plan(
                        level="commune",
                        year=year,
                        number=f"{rng.randint(1, 200)}/KH-UBND",
                        issuer=cissuer,
                        short_issuer=f"UBND {kind.lower()} {short}",
                        jurisdiction=f"{short}, {pname}",
                        place=short,
                        month=5,
                        bases=[pbase],
                        parent_targets=ptargets,
                        leads=LEADS["commune"],
                        assignments=[
                            (
                                "Văn phòng HĐND và UBND xã",
                                ["Theo dõi, tổng hợp kết quả thực hiện", duties_report],
                                creport,
                            )
                        ],
                        header=("ỦY BAN NHÂN DÂN", f"{kind.upper()} {short.upper()}"),
                        signer_role="Chủ tịch",
                        stem=f"{year}_{pname}_{cname}",
                        parent_number=pnum,
                    )
                continue
            per_district = max(1, communes_per_province // max(1, districts_per_province))
            for drow in children[:districts_per_province]:
                dkind, dshort = _strip_kind(drow["name"])
                dkind = dkind.lower()
                hissuer = f"UBND {dkind} {dshort}"
                hnum = f"{rng.randint(1, 300)}/KH-UBND"
                hreport = f"{FREQ_TEXT[0].upper() + FREQ_TEXT[1:]} báo cáo kết quả về UBND {dkind} (qua Phòng Nội vụ)"
                htargets = c.plan(
                    level="district",
                    year=year,
                    number=hnum,
                    issuer=hissuer,
                    short_issuer=f"UBND {dkind}",
                    jurisdiction=f"{dshort}, {pname}",
                    place=dshort,
                    month=4,
                    bases=[pbase],
                    parent_targets=ptargets,
                    leads=LEADS["district"],
                    assignments=[
                        (
                            "Phòng Nội vụ",
                            [
                                "Theo dõi, đôn đốc việc thực hiện Kế hoạch",
                                "Tổng hợp báo cáo kết quả cải cách hành chính",
                            ],
                            None,
                        ),
                        (
                            "Cơ quan, đơn vị huyện",
                            ["Xây dựng kế hoạch của cơ quan, đơn vị", hreport],
                            {
                                "from": "Cơ quan, đơn vị huyện",
                                "to": hissuer,
                                "via": "Phòng Nội vụ",
                                "frequency": FREQ,
                            },
                        ),
                        (
                            "UBND cấp xã",
                            ["Xây dựng kế hoạch của địa phương", hreport],
                            {"from": "UBND cấp xã", "to": hissuer, "via": "Phòng Nội vụ", "frequency": FREQ},
                        ),
                    ],
                    header=("ỦY BAN NHÂN DÂN", f"{dkind.upper()} {dshort.upper()}"),
                    signer_role="Chủ tịch",
                    stem=f"{year}_{pname}_{drow['name']}",
                    parent_number=pnum,
                )
                hdate = c.manifest[-1]["date"]
                hbase = _local(hnum, hissuer, f"{dshort}, {pname}", hdate, f"Ủy ban nhân dân {dkind}", dshort)
                successors = drow["successors"].split("|") if drow["successors"] else []
                for k in range(per_district):
                    successor = geo["names"].get(successors[k]) if k < len(successors) else None
                    xname = _strip_kind(successor)[1] if successor else f"{dshort} {k + 1}"
                    xissuer = f"UBND xã {xname}"
                    c.plan(
                        level="commune",
                        year=year,
                        number=f"{rng.randint(1, 200)}/KH-UBND",
                        issuer=xissuer,
                        short_issuer=f"UBND xã {xname}",
                        jurisdiction=f"{xname}, {dshort}, {pname}",
                        place=xname,
                        month=5,
                        bases=[hbase],
                        parent_targets=htargets,
                        leads=LEADS["commune_old"],
                        assignments=[
                            (
                                "Văn phòng HĐND và UBND xã",
                                ["Theo dõi, tổng hợp kết quả thực hiện", hreport],
                                {
                                    "from": "Văn phòng HĐND và UBND xã",
                                    "to": hissuer,
                                    "via": "Phòng Nội vụ",
                                    "frequency": FREQ,
                                },
                            )
                        ],
                        header=("ỦY BAN NHÂN DÂN", f"XÃ {xname.upper()}"),
                        signer_role="Chủ tịch",
                        stem=f"{year}_{pname}_{dshort}_{xname}",
                        parent_number=hnum,
                    )
    manifest = Manifest(out_dir, seed, c.manifest)
    (out_dir / "manifest.json").write_text(
        json.dumps({"seed": seed, "years": list(years), "plans": c.manifest}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    return manifest


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m cancu.testing.synth", description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--years", type=int, nargs="+", default=[2026])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--provinces", type=int, default=34)
    ap.add_argument("--departments", type=int, default=6)
    ap.add_argument("--communes", type=int, default=10)
    ap.add_argument("--tasks", type=int, default=20)
    ap.add_argument("--ocr-share", type=float, default=0.2)
    ap.add_argument("--table-share", type=float, default=0.3)
    ap.add_argument("--docx-share", type=float, default=0.0)
    a = ap.parse_args(argv)
    m = generate_country(
        a.out_dir,
        seed=a.seed,
        years=a.years,
        provinces=a.provinces,
        departments_per_province=a.departments,
        communes_per_province=a.communes,
        tasks_per_plan=a.tasks,
        ocr_share=a.ocr_share,
        table_share=a.table_share,
        docx_share=a.docx_share,
    )
    print(f"{len(m.plans)} plans in {a.out_dir}: {m.by_level()}")


if __name__ == "__main__":
    main()
