"""Work given to named bodies in documents that are not plans: công văn, chỉ thị, thông báo and the
articles of a decision (NĐ 30/2020/NĐ-CP, Phụ lục III).

A plan lists its work under "Nhiệm vụ" and names who does it under "Tổ chức thực hiện"
(``plan_body``). Other documents give work by other cues: the addressees of a công văn ("Kính gửi:"),
a request to bodies ("Bộ Nội vụ đề nghị các bộ, cơ quan ngang bộ … thực hiện"), numbered directives
whose subject is a body ("2. Bộ Nội vụ hoàn thiện Báo cáo …"), and the executing article of a decision
("Chánh Văn phòng …, Thủ trưởng các sở … chịu trách nhiệm thi hành"). Each cue is data
(``layout/directive_cues.csv``); a body is only ever one the agency table knows, never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from cancu.loaders import agency_names, cues
from cancu.loaders.fold import Folded, fold_str, fuzzy_alternation, fuzzy_pattern
from cancu.loaders.issuers import Place, province_named_in
from cancu.loaders.outline import Outline
from cancu.loaders.page_tail import page_tail
from cancu.ontology.datafiles import read_rows
from cancu.ontology.record import Assignment, Task

GAP_WORDS = (
    "và|va|hoặc|cac|các|đối với|doi voi|đồng chí|dong chi|thủ trưởng|thu truong|giám đốc|giam doc|chủ tịch|"
    "chu tich|chánh văn phòng|chanh van phong|cục trưởng|cuc truong|bộ trưởng|bo truong|lãnh đạo|lanh dao|"
    "người đứng đầu|nguoi dung dau"
)
GAP = re.compile(r"[\s,;:\-–+•|]*(?:(?:" + GAP_WORDS.replace(" ", r"\s+") + r")[\s,;:\-–+•]*)*")
"""What may stand between two bodies of a run: "và", "các", titles (a title's words wrapped over lines too)."""
DIRECTIVE_TYPES = ("CV", "CT", "TB", "CĐ")
"""Document types whose numbered items are directives when they have no "Nhiệm vụ" section."""
MIN_WORDS = 6


@cache
def _cues() -> dict[str, re.Pattern[str]]:
    by_kind: dict[str, list[str]] = {}
    for r in read_rows("layout/directive_cues.csv"):
        by_kind.setdefault(r["kind"], []).append(r["phrase"])
    # one alternation led by literal letters: the same matches as the phrases' fuzzy patterns, in their order,
    # many times faster over a whole text (fold.fuzzy_alternation)
    return {k: re.compile(r"(?:" + fuzzy_alternation(tuple(v)) + r")(?![a-z])") for k, v in by_kind.items()}


def agency_run(text: str, start: int, end: int) -> list[str]:
    """The known agencies named one after another from ``start``: names separated only by commas,
    "và", titles ("Thủ trưởng", "Chủ tịch") and "các"; the run stops at the first other word."""
    out: list[str] = []
    pos = start
    for name, s, e in agency_names.find_in(text, start, end):
        if s < pos:
            continue
        if not GAP.fullmatch(text, pos, s):
            break
        if name not in out:
            out.append(name)
        pos = e
    return out


def addressees(folded: Folded, start: int, end: int) -> list[str]:
    """The bodies of the "Kính gửi:" block, one or several lines of them."""
    text = folded.text
    m = _cues()["addressees"].search(text, start, end)
    if not m:
        return []
    out: list[str] = []
    pos = m.end()
    dashed = False
    prev: tuple[int, int] | None = None  # (where the last dashed line's words start, where it ends)
    for line in re.finditer(
        r"[^\n\t]*", text[pos : min(end, pos + 1200)]
    ):  # a table cell's tab ends a line too
        listed = ADDRESSEE_ITEM.match(line.group())
        ls, le = pos + line.start(), pos + line.end()
        if dashed and not listed and line.group().strip():
            if (
                prev is None
                or prev[1] + 1 != ls
                or text[prev[0] : prev[1]].rstrip(" \t*_").endswith((";", "."))
            ):
                break  # a list of dashed addressees ends at the first line that is not one
            # an addressee wrapped onto the next line ("- Các bộ, cơ quan ngang bộ, cơ quan thuộc" / "Chính
            # phủ;"): the two lines read as one
            out.extend(g for g in agency_run(text, prev[0], le) if g not in out)
            prev = (prev[0], le)
            continue
        if listed:
            prev = (ls + listed.end(), le)
        dashed = dashed or bool(listed)
        got = agency_run(text, pos + line.start(), pos + line.end())
        if not got and listed:  # "– Báo Sơn La;": an addressee the table does not know, as printed
            printed = folded.quote(pos + line.start() + listed.end(), pos + line.end()).strip(" ;.,")
            name = agency_names.canonical(printed) if 1 < len(printed.split()) <= 12 else None
            got = [name] if name and name[:1].isupper() else []
        if not got:
            if line.group().strip(" \t|:-–") and out:
                break
            continue
        out.extend(g for g in got if g not in out)
    return out


ADDRESSEE_ITEM = re.compile(r"[ \t:]*[-–+•][ \t]*(?=\S)")
"""A line of a "Kính gửi:" list: a dash, then one addressee."""


def requested(folded: Folded, start: int, end: int) -> tuple[list[str], int]:
    """The bodies of the first request between ``start`` and ``end``, and where the request is."""
    text = folded.text
    for m in _cues()["request"].finditer(text, start, end):
        names = agency_run(text, m.end(), min(end, m.end() + 300))
        if names:
            return names, m.start()
    return [], -1


EXECUTING_REACH = 1500
"""How far before "chịu trách nhiệm thi hành" its list of bodies is read (a window, so that a text that
repeats the article in one sentence stays linear)."""


def executing(folded: Folded, start: int, end: int) -> list[str]:
    """The bodies named before "chịu trách nhiệm thi hành" in the same sentence (the executing article)."""
    return [name for name, _ in executing_spans(folded, start, end)]


def executing_assignments(folded: Folded, start: int, end: int, known: set[str]) -> list[Assignment]:
    """An assignment for each known body the executing article names and ``known`` does not hold, with
    the article's sentence as its evidence (a decision that issues a plan: its plan's sections give the
    rest)."""
    out: dict[str, Assignment] = {}
    for sentence, cue in _executing_sentences(folded.text, start, end):
        for name, _, _ in agency_names.find_in(folded.text, sentence, cue.start()):  # bodies the table knows
            if name not in known and name not in out:
                out[name] = Assignment(agency=name, duties=[], span=folded.span(sentence, cue.end()))
    return list(out.values())


def executing_spans(folded: Folded, start: int, end: int) -> list[tuple[str, tuple[int, int]]]:
    """(body, span of its sentence) for each body an executing article names, read as printed."""
    out: list[tuple[str, tuple[int, int]]] = []
    text = folded.text
    for sentence, cue in _executing_sentences(text, start, end):
        span = folded.span(sentence, cue.end())
        known = [(s, e) for _, s, e in agency_names.find_in(text, sentence, cue.start())]
        cuts = [
            m
            for m in EXECUTING_CUT.finditer(text, sentence, cue.start())
            if not any(
                s <= m.start() < e for s, e in known
            )  # "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh" is one
        ]
        bounds = [sentence, *(x for m in cuts for x in (m.start(), m.end())), cue.start()]
        for a, b in zip(bounds[0::2], bounds[1::2], strict=True):
            for name in agency_names.split_cell(" ".join(folded.quote(a, b).split())):
                if name not in [n for n, _ in out] and len(name.split()) <= 12 and _a_body(name):
                    out.append((name, span))
    return out


EXECUTING_CUT = re.compile(
    r"\s+va\s+|,\s+(?=(?:giam doc|chu tich|thu truong|chanh|cuc truong|vu truong|tong cuc truong|truong|"
    r"nguoi dung dau)\s)"
)
"""Where an executing article's list parts (folded): "và", or a comma before the next body's title."""


def _executing_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, re.Match[str]]]:
    """(where its sentence starts, the cue) for each "chịu trách nhiệm thi hành" between ``start`` and ``end``.
    The sentence runs back to the last full stop or blank line, never over a ";" only (its list of bodies is
    ";"-separated: "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tư pháp …; Chủ tịch UBND các huyện …"), and never
    further than the reach (an executing article's list is never longer)."""
    for cue in _cues()["executes"].finditer(text, start, end):
        floor = max(start, cue.start() - EXECUTING_REACH)
        yield max([floor, *(text.rfind(x, floor, cue.start()) + 1 for x in (". ", ".\n", "\n\n"))]), cue


NUMBERED = re.compile(r"(?m)^[ \t]*(?:\(?\d{1,2}[ \t]*[.)]|\((?:i{1,3}|iv|vi{0,3}|ix|x)\))[ \t]+(?=\S)")
"""A numbered point at a line's start: "1.", "2)", "(3)", or a Roman "(iv)" (folded, so lower case)."""


def directive_tasks(
    folded: Folded,
    o: Outline,
    doc_type: str | None,
    body_start: int,
    own: str | None,
    beside: bool = False,
) -> list[Task]:
    """Numbered directives of a document that has no "Nhiệm vụ" section: each numbered line with a
    sentence of its own; its lead is the body it opens with, else the bodies requested or addressed. A notice
    or letter whose "Nhiệm vụ" section gave no task has only its answered points read ("1. Về …: Giao X …").
    ``beside``: read beside the plan readers' tasks (the caller keeps only what they did not read), so numbered
    points inside a task section are read too ("b) Để làm tốt các nhiệm vụ sắp tới, đề nghị:" over "(i) …")."""
    sectioned = any(s.role == "tasks" for s in o.sections)
    planned = not beside and sectioned  # a "Nhiệm vụ" section that gave no task
    if planned and doc_type not in DIRECTIVE_TYPES:
        return []
    if (
        doc_type is None
    ):  # a text of no known type (a news post): duties given by "giao" and asked of named bodies
        read: list[Task] = []
        limit = folded.span(page_tail(folded, body_start), len(folded.text))[
            0
        ]  # not a page's appended matter
        for reader in (_given, _asked, _told):  # each reads only what an earlier one has not
            read += [
                t
                for t in reader(folded, body_start)
                if not any(a <= t.span[0] < b for a, b in (r.span for r in read)) and t.span[0] < limit
            ]
        return sorted(read, key=lambda t: t.span)
    if doc_type not in DIRECTIVE_TYPES:
        return []
    text = folded.text
    items = []
    tail = page_tail(folded, body_start)  # a legal-news page's appended law is not the document's
    numbered = list(NUMBERED.finditer(text, body_start, tail))
    for i, m in enumerate(numbered):
        line_end = text.find("\n", m.end())
        end = line_end if line_end != -1 else len(text)
        topic = _cues()["topic"].match(text, m.end(), end) if "topic" in _cues() else None
        label = TOPIC_LABEL.match(text, topic.end()) if topic else None
        if (
            label is not None
        ):  # "1. Về hỗ trợ kinh phí …: Giao Bộ Tài chính chủ trì …": the work after the colon
            stop = numbered[i + 1].start() if i + 1 < len(numbered) else tail
            para = PARAGRAPH_END.search(text, label.end(), stop)
            work_end = para.start() if para else stop
            work = label.end()
            if not (GIVES.match(text, work) or ASKS.match(text, work)):
                # "8. Về hoạt động …: tăng số lượng cấp phó …: giao Bộ Nội vụ chủ trì …": the proposal restated,
                # then the answer after a second colon
                stop_at = text.find(". ", work, work_end)
                again = GIVEN_AFTER_COLON.search(text, work, stop_at if stop_at != -1 else work_end)
                work = again.end() - len(again.group(1)) if again else work
            if len(text[work:work_end].split()) >= MIN_WORDS:
                closing = LIST_END.search(text, work_end, stop)
                items.append((work, work_end, True, closing.start() if closing else stop))
            continue
        if planned:
            continue  # with a "Nhiệm vụ" section, only the points answered after their colon are read here
        sec = o.section_at(m.start())
        if sec is not None and sec.role is not None and not (beside and sec.role == "tasks"):
            continue
        stop = numbered[i + 1].start() if i + 1 < len(numbered) else tail
        para = PARAGRAPH_END.search(text, end, stop)  # the item's lines, to a blank line or the next item
        item_end = para.start() if para else stop
        closing = LIST_END.search(text, end, stop)  # a list under the item's label may run past a blank line
        if len(text[m.end() : end].split()) < MIN_WORDS and (
            "\n" not in text[end:item_end].strip()
            and len(text[m.end() : item_end].split()) < MIN_WORDS
            or not ITEM_LEAD_IN.match(text, m.end(), item_end)
        ):
            continue  # a short title, not a directive; but "1. Các đồng chí Bộ trưởng,\nThủ trưởng …:" wraps its line
        items.append((m.end(), item_end, False, closing.start() if closing else stop))
    if not items:
        if planned:
            return []
        listed = _request_bullets(folded, body_start, tail)  # "… yêu cầu các sở …: " over "- …" lines
        led = [
            t
            for t in _led_paragraphs(folded, body_start)
            if not any(a <= t.span[0] < b for a, b in _spans(listed))
        ]
        return sorted(listed + led, key=lambda t: t.span)
    # "UBND tỉnh đề nghị các cơ quan, đơn vị:", "… đề nghị các Bộ, ngành, địa phương thực hiện …:" before the items:
    # the "Kính gửi" bodies; else the bodies the request names (addressees alone give no lead: "1. Đồng ý …")
    groups = (
        _addressed_request(folded, body_start, items[0][0]) or requested(folded, body_start, items[0][0])[0]
    )
    tasks = []
    for start, end, labelled, list_end in items:
        listed = (
            _item_bullets(folded, start, list_end)
            if labelled
            else _request_bullets(folded, start, list_end) or _item_bullets(folded, start, list_end)
        )
        if (
            listed
        ):  # "2. Để cải thiện chỉ số, yêu cầu các sở, ban, ngành …:" over "- …" lines: the lines are the work
            tasks += listed
            continue
        if not labelled and text[start:end].rstrip(" \t\n*_").endswith(":"):
            # "3. Trong thời gian tới, yêu cầu các bộ, ngành tập trung thực hiện một số nhiệm vụ như sau:" over
            # "(1) Giao …" items: a lead-in, no task; its bodies do the items that name none
            asked = ASKS.search(text, start, end)
            groups = (
                (shared_list(folded, asked.end(), end) or agency_run(text, asked.end(), end))
                if asked
                else groups
            )
            groups = groups or []
            continue
        pieces = _actor_sentences(folded, start, end)
        for k, (s_start, s_end) in enumerate(pieces):
            lead = _item_lead(folded, s_start, s_end, labelled)
            if k == 0 and not lead and not labelled:
                lead = groups  # a proposal's answer that names no body is no one's work by default
            if not lead and (k > 0 or len(pieces) > 1 or beside and sectioned):
                # "Các Bộ, cơ quan thống nhất …; giao Bộ …": the work is the sentences that name their actor; beside a
                # task section, a point that names no body is a finding ("1. Đánh giá cao …")
                continue
            w = WITH.search(text, s_start, min(s_end, s_start + 300)) if lead else None
            support = [a for a in agency_run(text, w.end(), s_end) if a not in lead] if w else []
            due = cues.due_phrase().search(text, s_start, s_end)
            tasks.append(
                Task(
                    text=" ".join(folded.quote(s_start, s_end).split()).strip(),
                    span=folded.span(s_start, s_end),
                    lead=list(lead),
                    support=support if labelled or k > 0 else [],
                    deadline=_printed(folded, due.start(), due.end()) if due else None,
                    source="prose",
                )
            )
    return tasks


def _item_lead(folded: Folded, start: int, end: int, labelled: bool) -> list[str]:
    """The bodies an item (or one sentence of it) gives its work to: given or asked at its start ("Giao Bộ …",
    "đề nghị các Tập đoàn: …"), opening it, the subject after an opening clause, given or asked further in its
    first sentence ("Các Bộ, cơ quan thống nhất …; giao Bộ Nông nghiệp và Môi trường làm chủ Chương trình"), or the
    province a notice to one province calls "Tỉnh"."""
    text = folded.text
    given = GIVES.match(text, start) or ASKS.match(text, start)
    if (
        given
    ):  # "Giao Bộ Giáo dục và Đào tạo, Bộ Y tế …", "đề nghị các Tập đoàn: …": the bodies given the work
        return shared_list(folded, given.end(), end) or agency_run(
            text, given.end(), min(end, given.end() + 160)
        )
    lead = (
        shared_list(folded, start, end)
        or agency_run(text, start, min(end, start + 120))[:1]
        or _clause_subject(text, start, end)
    )
    first = text.find(". ", start, end)
    first = end if first == -1 else first
    if not lead and (inner := GIVES.search(text, start, first)):
        lead = agency_run(text, inner.end(), min(first, inner.end() + 160))
    if not lead and (asked := ASKS.search(text, start, min(end, start + 120))):
        # "Trong thời gian tới, yêu cầu các bộ, ngành tập trung …": the bodies the item's request names
        lead = shared_list(folded, asked.end(), end) or agency_run(
            text, asked.end(), min(end, asked.end() + 160)
        )
    if not lead and BARE_PROVINCE.match(folded.quote(start, min(end, start + 12))):
        province = province_named_in(folded, named=True)  # "Tỉnh căn cứ …" in a notice to one province
        lead = [f"UBND {Place(province=province).unit_name()}"] if province else []
    return lead


def _actor_sentences(folded: Folded, start: int, end: int) -> list[tuple[int, int]]:
    """An item's work cut where a later sentence names its own actor ("… Bộ Dân tộc và Tôn giáo chịu trách nhiệm
    hướng dẫn …", "… Yêu cầu các Bộ, cơ quan đổi mới …"): each such sentence is a task of its own (corpus/notes/jx.md
    rule 2); a sentence with no actor of its own stays with the one before it."""
    text = folded.text
    cuts = [start]
    closing = _cues().get("closing")
    for m in SENTENCE_START.finditer(text, start, end):
        at = m.end()
        if closing is not None and closing.search(text, at, min(end, at + 60)):
            end = (
                m.start() + 1
            )  # "Văn phòng Chính phủ thông báo để … biết, thực hiện./.": the notice's closing
            break
        if GIVES.match(text, at) or ASKS.match(text, at):
            cuts.append(at)
            continue
        named = agency_run(text, at, min(end, at + 160))
        if named and _duty_follows(folded, _run_end(text, at, end)):
            cuts.append(at)
    bounds = cuts[1:] + [end]
    return [(a, _trimmed_end(text, a, b)) for a, b in zip(cuts, bounds, strict=True)]


SENTENCE_START = re.compile(r"[.;][ \t]*\n?[ \t]*(?=[^\W\d_])")
"""Where a sentence (or a ";" clause) of an item's work starts."""


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n;":
        end -= 1
    return end


def shared_list(folded: Folded, start: int, end: int) -> list[str]:
    """The bodies of a list that shares their first word, each read whole against the agency table ("Các Bộ,
    cơ quan: Tài chính, Xây dựng, Văn hóa, Thể thao và Du lịch, …, Tập đoàn Điện lực Việt Nam theo chức năng …":
    "Bộ Văn hóa, Thể thao và Du lịch" keeps its commas); the list ends at the first part no known name
    begins."""
    printed = folded.quote(start, min(end, start + 600))
    shared = cues.shared_head_in_prose().match(printed)
    if shared is None:
        return []
    head = " ".join(shared.group(1).split())
    pieces = re.split(r"(,\s*|;\s*|\s+và\s+)", printed[shared.end() :])
    parts, seps = pieces[0::2], pieces[1::2]
    out: list[str] = []
    i = 0
    while i < len(parts):
        found = None
        for j in range(min(len(parts), i + 6) - 1, i - 1, -1):  # the longest run of parts that is one name
            words = "".join(p + (seps[k] if k < j else "") for k, p in enumerate(parts[i : j + 1], start=i))
            candidate = fold_str(f"{head} {words}").lower()
            known = agency_names.find_in(candidate, 0, len(candidate))
            if known and known[0][1] == 0 and known[0][2] == len(candidate):
                found = (known[0][0], j)
                break
        if (
            found is None
        ):  # the list's last body, the sentence after it: "…, Công nghiệp - Viễn thông Quân đội tiếp
            # tục …" (under the shared word) or "…, Tập đoàn Điện lực Việt Nam theo chức năng" (a body of its own)
            for words in (f"{head} {parts[i]}", parts[i]):
                own = fold_str(words).lower()
                known = agency_names.find_in(own, 0, len(own))
                if known and known[0][1] == 0:
                    if known[0][0] not in out:
                        out.append(known[0][0])
                    break
            break
        if found[0] not in out:
            out.append(found[0])
        i = found[1] + 1
    return out


OBJECT_OF = re.compile(r"(?:cua|voi|cho|tai|theo|doi voi|den|tu|ve)\s+(?:cac\s+)?$")
"""Words that make the body after them an object, not the subject ("đề nghị của các Bộ, cơ quan liên quan")."""
AFTER_CLAUSE = re.compile(r",\s*(?:cac\s+)?$")


def _clause_subject(text: str, start: int, end: int) -> list[str]:
    """The body an item's sentence is about when an opening clause stands before it: "Trên cơ sở đề nghị của
    các Bộ, cơ quan liên quan, Bộ Tài chính khẩn trương rà soát …" is Bộ Tài chính's work — the first body
    after a comma of the first sentence; one after "của", "với", "cho" … is an object."""
    stop = text.find(". ", start, end)
    for name, s, _ in agency_names.find_in(text, start, min(end if stop == -1 else stop, start + 240)):
        before = text[max(start, s - 12) : s]
        if OBJECT_OF.search(before):
            continue
        if AFTER_CLAUSE.search(
            before
        ):  # the whole run of bodies there: "…, các Bộ, cơ quan, địa phương tập trung …"
            return agency_run(text, s, min(end if stop == -1 else stop, s + 240)) or [name]
    return []


def province_subject(folded: Folded, start: int, end: int) -> list[str]:
    """The UBND of the one province a text names, when words between ``start`` and ``end`` call it by its unit
    alone: "Tỉnh cần tập trung …", "Đề nghị Ủy ban nhân dân tỉnh tập trung …" in a notice about one province."""
    printed = folded.quote(start, end)
    bare = BARE_PROVINCE.search(printed) or any(
        not printed[m.end() :].lstrip()[:1].isupper() for m in UBND_UNIT_WORD.finditer(printed)
    )
    if not bare:
        return []
    province = province_named_in(folded, named=True)
    return [f"UBND {Place(province=province).unit_name()}"] if province else []


UBND_UNIT_WORD = re.compile(
    r"(?:[ỦUỦ][yỷ] ban nhân dân|UBND)\s+(?:tỉnh|thành phố|Tỉnh|Thành phố)(?![^\W\d_])", re.IGNORECASE
)
"""A UBND with its unit word, in printed text: "… tỉnh Phú Thọ" names it, "… tỉnh tập trung …" does not."""
BARE_PROVINCE = re.compile(r"(?:Tỉnh|Thành phố)\s+[a-zđà-ỹ]")
"""A province named by its unit word alone, capitalised, as the subject of its work ("Tỉnh căn cứ các quy định …",
"Thành phố chủ động …"): the one province the text names."""
TOPIC_LABEL = re.compile(
    r"[^:\n]{0,200}?(?:\n(?=[ \t]*\S)(?![ \t]*\(?\d{1,2}[ \t]*[.)])[^:\n]{0,200}?){0,4}:[ \t*_]*(?=\S)"
)
"""The rest of a numbered item's topic, up to its colon ("Về việc hỗ trợ 20 xe ô tô chuyên dùng cứu\nthương:"), wrapped
over a few lines but never across a blank line or into the next numbered item."""
GIVEN_AFTER_COLON = re.compile(
    r":[ \t*_\n]*((?:" + fuzzy_alternation(("giao", "đề nghị", "yêu cầu"), ocr=False) + r")\s)"
)
"""A second colon inside an answered point, its answer after it ("…: giao Bộ Nội vụ chủ trì …")."""
LIST_END = re.compile(
    r"\n[ \t]*(?:[IVX]+\.|\*\*(?![ \t]*[-–+•]))|\n(?=[ \t]*(?:noi nhan|nơi nhận))", re.IGNORECASE
)
"""Where the list under a numbered item's label ends: a Roman heading, a bold line, the recipients."""
PARAGRAPH_END = re.compile(
    r"\n[ \t]*\n|\n[ \t]*(?:[IVX]+\.|\*\*)|\n(?=[ \t]*(?:noi nhan|nơi nhận))", re.IGNORECASE
)


def directive_assignments(folded: Folded, tasks: list[Task], body_start: int) -> list[Assignment]:
    """Bodies requested, addressed, given directives, or executing a decision, each with its duties."""
    text = folded.text
    out: dict[str, Assignment] = {}

    def add(name: str, duty: str, span: tuple[int, int]) -> None:
        a = out.setdefault(name, Assignment(agency=name, duties=[], span=span))
        if duty and duty not in a.duties:
            a.duties.append(duty)

    for task in tasks:
        for name in task.lead:
            add(name, task.text[:300], task.span)
    names, at = requested(folded, body_start, len(text))
    if at < 0:  # "… đề nghị các cơ quan, đơn vị tham gia ý kiến": the bodies asked are the addressees
        cue = _cues()["request"].search(text, body_start)
        names = addressees(folded, 0, len(text)) if cue else []
        at = cue.start() if cue and names else -1
    if at >= 0:
        end = text.find("\n", at)
        sentence = " ".join(folded.quote(at, end if end != -1 else len(text)).split())[:300]
        for name in names:
            add(name, sentence, folded.span(at, end if end != -1 else len(text)))
    for name in executing(folded, body_start, len(text)):
        add(name, "", folded.span(body_start, body_start))
    return list(out.values())


LEADS = re.compile(fuzzy_pattern("chủ trì") + r"(?![a-z])")
"""The one "chủ trì" every reader of leads looks for."""


GIVES = re.compile(
    r"(?<![a-z])(?:"
    + fuzzy_alternation(("giao",), ocr=False)
    + r")\s+(?:"
    + fuzzy_pattern("cho", ocr=False)
    + r"\s+)?(?=\S)"
)
"""A duty given in running prose ("Giao Phòng Văn hóa và Thông tin chỉ đạo …", "và giao Phòng Nội vụ …", "đã giao cho
Văn phòng UBND tỉnh chủ trì …")."""
ASKS = re.compile(r"(?<![a-z])(?:" + fuzzy_alternation(("yêu cầu", "đề nghị")) + r")\s+(?=\S)")
"""A request to named bodies in running prose ("UBND Thành phố yêu cầu các Sở, ban, ngành … thực hiện")."""
WITH = re.compile(r"(?:" + fuzzy_alternation(("phối hợp với", "phối hợp")) + r")\s+")
CLAUSE_END = re.compile(r"\.(?:\s|$|/)|\n|(?<![a-z])(?:va\s+)?giao\s")


def _given(folded: Folded, body_start: int) -> list[Task]:
    """Duties given by "giao <bodies> <verb> …" in running prose, each to the next "giao" or the end of
    its sentence; "phối hợp với <bodies>" inside gives support."""
    text = folded.text
    tasks = []
    for m in GIVES.finditer(text, body_start):
        lead = agency_run(text, m.end(), min(len(text), m.end() + 120))
        if not lead:
            continue
        end_m = CLAUSE_END.search(text, m.end())
        end = end_m.start() if end_m else len(text)
        support = []
        w = WITH.search(text, m.end(), end)
        if w:
            support = [a for a in agency_run(text, w.end(), end) if a not in lead]
        tasks.append(
            Task(
                text=" ".join(folded.quote(m.start(), end).split()).rstrip(" ;,"),
                span=folded.span(m.start(), end),
                lead=lead,
                support=support,
                source="prose",
            )
        )
    return tasks


REQUEST_LEAD_IN = re.compile(r"(?:[^\n:.;]*\n){0,3}?[^\n:.;]*:[ \t*_]*\n(?:[ \t]*\n)*")
"""The rest of a request, to the colon that ends its line ("… tập trung thực hiện tốt một số nội dung sau:"),
wrapped over a few lines, in one sentence (a request that ends "… thực hiện./." opens no list)."""
ITEM_LEAD_IN = re.compile(r"(?:[^\n:]*\n){0,6}?[^\n:]*:[ \t*_]*\n(?:[ \t]*\n)*")
"""A numbered item's words to the colon that ends its line, over a few lines ("… trong đó lưu ý chú trọng thực hiện
tốt một số nội dung trọng tâm\nsau:")."""
BULLET = re.compile(r"(?m)^[ \t*_]*(?:[-–+•]|[a-zđ]\))[ \t]+(?=\S)")
"""A line of the list a request's colon opens: a dash or a letter."""


def _request_bullets(folded: Folded, start: int, end: int) -> list[Task]:
    """The lines of the list a request opens ("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch
    UBND các huyện … thực hiện tốt một số nội dung sau:" over "- …" lines): each line a task of the bodies asked
    (corpus/README.md, letters), or of the body the line itself gives it to. The lead-in itself is no task: its
    content is the list."""
    text = folded.text
    cue = _cues()
    for ask in ASKS.finditer(text, start, end):
        addressed = "addressed" in cue and cue["addressed"].match(text, SPACES.match(text, ask.end()).end())
        lead = (
            (addressees(folded, 0, ask.start()) if addressed else [])
            or shared_list(folded, ask.end(), end)
            or agency_run(text, ask.end(), min(end, ask.end() + 300))
        )
        colon = REQUEST_LEAD_IN.match(text, ask.end())
        if not lead or colon is None or colon.end() >= end:
            continue
        tasks = _listed(folded, colon.end(), end, lead)
        if tasks:
            return tasks
    return []


def _item_bullets(folded: Folded, start: int, end: int) -> list[Task]:
    """A numbered item whose first line is a label over dashed lines ("1. Lịch nghỉ tết Dương lịch năm 2026:" over
    "- Đối với các trường học: Giao Sở Giáo dục và Đào tạo hướng dẫn …"): the lines that give work to a body."""
    text = folded.text
    colon = ITEM_LEAD_IN.match(text, start)
    if colon is None or colon.end() >= end:
        return []
    # "1. Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ … thực hiện tốt một số nội dung trọng tâm sau:": the
    # bodies that open the item do its lines' work
    opening = agency_run(text, start, min(colon.end(), start + 300))
    return [t for t in _listed(folded, colon.end(), end, opening) if t.lead]


def _listed(folded: Folded, pos: int, end: int, lead: list[str]) -> list[Task]:
    """The dashed or lettered lines from ``pos``, each a task of the body it names (given with "giao", or opening
    it after its label: "Đối với cơ sở khám chữa bệnh công lập: Sở Y tế có trách nhiệm …"), else of ``lead``."""
    text = folded.text
    tasks = []
    while pos < end and (b := BULLET.match(text, pos)) is not None:
        stop = _line_end(folded, b.end(), end)
        if text[b.end() : stop].rstrip(" \t*_").endswith(":"):
            pos = (
                stop + 1
            )  # "d) Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:": a label over its lines
            continue
        due = cues.due_phrase().search(text, b.end(), stop)
        led = _own_lead(folded, b.end(), stop) or list(lead)
        w = WITH.search(text, b.end(), min(stop, b.end() + 300)) if led else None
        tasks.append(
            Task(
                text=" ".join(folded.quote(b.end(), stop).split()),
                span=folded.span(b.end(), stop),
                lead=led,
                support=[a for a in agency_run(text, w.end(), stop) if a not in led] if w else [],
                deadline=_printed(folded, due.start(), due.end()) if due else None,
                source="prose",
            )
        )
        pos = stop + 1
        while pos < end and text[pos] in " \t\n":  # a page's blank line between two listed lines
            pos += 1
    return tasks


LINE_LABEL = re.compile(r"[^:\n]{0,80}:[ \t*_]*")
"""A line's label before its colon ("Đối với các trường học: …")."""


def _own_lead(folded: Folded, start: int, end: int) -> list[str]:
    """The body a listed line gives its work to: after "giao" in its first sentence, else the bodies that open it
    (or open it after its label, or after an opening clause) as the subject of a duty."""
    text = folded.text
    stop = text.find(". ", start, end)
    stop = end if stop == -1 else stop
    given = GIVES.search(text, start, stop)
    if given:
        named = agency_run(text, given.end(), min(stop, given.end() + 160))
        if named:
            return named
    label = LINE_LABEL.match(text, start, stop)
    comma = text.find(", ", start, min(stop, start + 80))  # "Trong thời gian nghỉ lễ, các cơ quan … phải …"
    for at in [start] + ([label.end()] if label else []) + ([comma + 2] if comma != -1 else []):
        named = agency_run(text, at, min(stop, at + 160))
        if named and _duty_follows(folded, _run_end(text, at, stop)):
            return named
    return []


def _duty_follows(folded: Folded, pos: int) -> bool:
    """Whether a verb follows the bodies that end at ``pos`` ("Sở Y tế có trách nhiệm …", "Ngân hàng Nhà nước Việt
    Nam chỉ đạo …"): the next word is printed in lower case, no colon or comma between (those label or list)."""
    m = DUTY_AFTER_NAME.match(folded.text, pos)
    return m is not None and folded.quote(m.end(), m.end() + 1).islower()


def _run_end(text: str, start: int, stop: int) -> int:
    """Where the run of bodies from ``start`` ends (as ``agency_run`` reads it)."""
    pos = start
    for _, s, e in agency_names.find_in(text, start, stop):
        if s < pos:
            continue
        if not GAP.fullmatch(text, pos, s):
            break
        pos = e
    return pos


DUTY_AFTER_NAME = re.compile(r"[ \t*_]+(?=[^\W\d_])")
"""The space between a body that opens a listed line and the verb of its duty."""


def _courtesy(task: Task) -> bool:
    """A closing request that only restates the letter's asks ("Đề nghị bộ, ngành, địa phương quan tâm thực
    hiện./."): its words end with a courtesy phrase, and it is short."""
    cue = _cues().get("courtesy")
    if cue is None:
        return False
    words = fold_str(task.text).lower().rstrip(" ./;")
    found = cue.search(words)
    return found is not None and found.end() >= len(words) - 2 and len(words.split()) <= COURTESY_WORDS


COURTESY_WORDS = 16
"""The most words a closing courtesy request has (its cue, its bodies, "quan tâm thực hiện")."""


def _spans(tasks: list[Task]) -> list[tuple[int, int]]:
    return [t.span for t in tasks]


def _line_end(folded: Folded, start: int, end: int) -> int:
    """Where a listed line ends: at the next line that is listed or blank, or that starts a sentence of its own (a
    capital after a line that ended its sentence); a line wrapped mid-sentence carries on ("… Nghị quyết số 66-NQ/TW
    và" / "Nghị quyết số 140/NQ-CP; …")."""
    text, pos = folded.text, start
    while (nl := text.find("\n", pos, end)) != -1:
        if not text[nl + 1 : nl + 2].strip() or BULLET.match(text, nl + 1) or NUMBERED.match(text, nl + 1):
            return nl
        ended = text[pos:nl].rstrip(" \t*_").endswith((".", ";", ":", "!", "?"))
        if ended and not folded.quote(nl + 1, nl + 2).islower():
            return nl
        pos = nl + 1
    return end


def _led_paragraphs(folded: Folded, body_start: int) -> list[Task]:
    """An unnumbered directive: a sentence whose subject is a body that "chủ trì" the work it names
    ("Bộ Khoa học và Công nghệ chủ trì, phối hợp với Bộ Quốc phòng, Bộ Nội vụ … rà soát …; báo cáo Thủ
    tướng Chính phủ trong quý I năm 2026"), its name perhaps on the line before; or a duty given with
    "giao" in running prose. "phối hợp với <bodies>" gives support; a time the sentence states, the
    deadline."""
    text = folded.text
    tasks = []
    for m in LEADS.finditer(text, body_start):
        lead, sentence = [], m.start()
        for sentence in subject_starts(text, body_start, m.start()):
            lead = agency_run(text, sentence, m.start())
            if lead:
                break
        if not lead:
            continue
        end_m = LED_END.search(text, m.end(), min(len(text), m.end() + LED_REACH))
        end = end_m.start() if end_m else min(len(text), m.end() + LED_REACH)
        w = WITH.match(text, m.end() + (1 if text[m.end() : m.end() + 1] == "," else 0)) or WITH.match(
            text, m.end() + 2
        )
        support = [a for a in agency_run(text, w.end(), end) if a not in lead] if w else []
        due = cues.due_phrase().search(text, m.end(), end)
        tasks.append(
            Task(
                text=" ".join(folded.quote(sentence, end).split()),
                span=folded.span(sentence, end),
                lead=lead[:1],
                support=support,
                deadline=_printed(folded, due.start(), due.end()) if due else None,
                source="prose",
            )
        )
    limit = folded.span(page_tail(folded, body_start), len(text))[
        0
    ]  # a page's appended matter is not the letter's
    read = [t for t in _given(folded, body_start) if t.span[0] < limit]
    for found in (
        tasks,
        _asked_addressees(folded, body_start),
        _asked(folded, body_start),
        _told(folded, body_start),
    ):
        # each reader adds the sentences an earlier one did not read: a letter gives work with "giao" and asks for
        # it with "yêu cầu" in the same paragraphs
        read += [
            t
            for t in found
            if not any(a <= t.span[0] < b or t.span[0] <= a < t.span[1] for a, b in _spans(read))
            and not _courtesy(t)
            and not t.text.rstrip(" *_").endswith(":")  # a lead-in: its work is the list after it
            and t.span[0] < limit
        ]
    return sorted(read, key=lambda t: t.span)


def _asked(folded: Folded, body_start: int) -> list[Task]:
    """Requests to named bodies in running prose, each to its sentence's end: "Chủ tịch UBND tỉnh yêu cầu giám
    đốc các sở, ban, ngành và chủ tịch UBND các huyện … báo cáo kết quả … trước ngày 20.7.2020" is one task led by
    the bodies asked (their titles skipped); a recalled request ("đã có văn bản … đề nghị") is none."""
    text = folded.text
    tasks = []
    for m in ASKS.finditer(text, body_start):
        floor = max(body_start, m.start() - RECITAL_REACH)
        floor = max([floor, *(text.rfind(x, floor, m.start()) + 1 for x in (". ", ".\n", ";", "\n\n"))])
        if cues.pattern("recital").search(text, floor, m.start()):
            continue
        lead = agency_run(text, m.end(), min(len(text), m.end() + 200))
        named = [n for n in lead if not OPEN_SET.search(fold_str(n).lower())]
        lead = named or lead  # "… và các đơn vị có liên quan" beside named bodies adds no one
        if not lead:
            continue  # "đề nghị của Sở Nội vụ", "yêu cầu nhiệm vụ": no body asked
        tasks.append(_led_task(folded, m.start(), m.end(), lead))
    return tasks


def _told(folded: Folded, body_start: int) -> list[Task]:
    """What a post says the document asks, opened by a content cue and its bodies: "Theo đó, các bộ, cơ quan ngang
    bộ, cơ quan thuộc Chính phủ và UBND tỉnh … xây dựng Báo cáo …" is those bodies' task."""
    text = folded.text
    cue = _cues()
    if "content" not in cue:
        return []
    tasks = []
    for m in cue["content"].finditer(text, body_start):
        start = SPACES.match(text, m.end() + (1 if text[m.end() : m.end() + 1] == "," else 0)).end()
        start += len(text[start : start + 8]) - len(
            text[start : start + 8].lstrip("\n \t*_|")
        )  # its own line
        lead = agency_run(text, start, min(len(text), start + 200))
        if lead:
            tasks.append(_led_task(folded, start, start, lead))
    return tasks


def _addressed_request(folded: Folded, start: int, end: int) -> list[str]:
    """The "Kính gửi" bodies, when a request between ``start`` and ``end`` names them by a phrase that stands
    for the addressees ("đề nghị các cơ quan, đơn vị:")."""
    text = folded.text
    cue = _cues()
    if "addressed" not in cue:
        return []
    for m in cue["request"].finditer(text, start, end):
        if cue["addressed"].match(text, SPACES.match(text, m.end()).end()):
            return addressees(folded, 0, m.start())
    return []


def _asked_addressees(folded: Folded, body_start: int) -> list[Task]:
    """A letter's one request to the bodies it writes to, named by a phrase that stands for them ("đề nghị
    bộ, ngành, địa phương khẩn trương tổng hợp … gửi về Bộ Nội vụ trước ngày 26/11/2025"): one task
    led by the addressees of its "Kính gửi" block."""
    text = folded.text
    cue = _cues()
    if "addressed" not in cue:
        return []
    for m in cue["request"].finditer(text, body_start):
        floor = max(body_start, m.start() - RECITAL_REACH)
        floor = max([floor, *(text.rfind(x, floor, m.start()) + 1 for x in (". ", ".\n", ";", "\n\n"))])
        if cues.pattern("recital").search(text, floor, m.start()):
            continue  # "… đã có Văn bản số 8091/BNV-TCBC đề nghị …": an earlier letter's request, recalled
        asked = cue["addressed"].match(text, SPACES.match(text, m.end()).end())
        if not asked:
            continue
        lead = addressees(folded, 0, m.start())
        if not lead:
            return []
        return [_led_task(folded, m.start(), asked.end(), lead)]
    return []


def _led_task(folded: Folded, start: int, after: int, lead: list[str], support: list[str] = ()) -> Task:
    """A duty from ``start`` to its sentence's end (searched from ``after``, the cue or the bodies), with the due
    time that sentence sets."""
    text = folded.text
    end_m = LED_END.search(text, after, min(len(text), after + LED_REACH))
    end = end_m.start() if end_m else min(len(text), after + LED_REACH)
    due = cues.due_phrase().search(text, after, end)
    return Task(
        text=" ".join(folded.quote(start, end).split()),
        span=folded.span(start, end),
        lead=list(lead),
        support=[a for a in support if a not in lead],
        deadline=_printed(folded, due.start(), due.end()) if due else None,
        source="prose",
    )


def _printed(folded: Folded, start: int, end: int) -> str:
    """The words as printed, without the emphasis marks a page put among them ("trước ngày **26/11/2025")."""
    return " ".join(re.sub(r"[*_]+", "", folded.quote(start, end)).split())


SPACES = re.compile(r"\s*")
RECITAL_REACH = 120
"""How far before a request the words that make it an earlier letter's may stand."""


def subject_starts(text: str, body_start: int, pos: int) -> list[int]:
    """Where the subject of the "chủ trì" at ``pos`` may start: its line, else its sentence (a name
    wrapped onto the line before)."""
    floor = max(body_start, pos - SUBJECT_REACH)
    line = max(text.rfind("\n", floor, pos) + 1, floor)
    sentence = max(max(text.rfind(x, floor, pos) for x in SENTENCE_MARKS) + 1, floor)
    out = []
    for start in (line, sentence):
        while start < pos and text[start] in " \t\n-+•*_":
            start += 1
        if start not in out and text[start:pos].count("\n") <= 2:
            out.append(start)
    return out


SENTENCE_MARKS = (". ", ".\n", ":", ";", "\n\n", "\n-", "\n+")
SUBJECT_REACH = 200
"""How far before "chủ trì" its subject's name may start (a name wrapped onto the line before)."""
LED_END = re.compile(r"\.(?:\s|$|/)|\n\s*\n")
LED_REACH = 1500


BODY_START = re.compile(
    r"(?:"
    + fuzzy_alternation(
        (
            "ủy ban",
            "ubnd",
            "hội đồng",
            "hđnd",
            "sở",
            "bộ",
            "ban",
            "cục",
            "tổng cục",
            "văn phòng",
            "phòng",
            "trung tâm",
            "thanh tra",
            "công an",
            "đơn vị",
            "cơ quan",
            "tổ",
            "viện",
            "học viện",
            "kho bạc",
            "bảo hiểm",
        )
    )
    + r")(?![a-z])"
)
OPEN_SET = re.compile(fuzzy_pattern("liên quan"))


def _a_body(name: str) -> bool:
    """A name in an executing list that is a body: known to the agency table or opening with a body's
    word ("Cục Kiểm tra …"); never an open set ("tổ chức, cá nhân có liên quan") or stray words."""
    folded = fold_str(name).lower()
    return bool(BODY_START.match(folded)) and not OPEN_SET.search(folded)
