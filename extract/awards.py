"""Awards (khen thưởng): forms, grantors, recipients, quotas, ranks and prize money.

Emulation plans end with who may be rewarded and how many: "Chủ tịch UBND tỉnh tặng
Bằng khen cho không quá 18 tập thể, 23 cá nhân" (two items), "Về tập thể: … Bằng khen
cho 5 tập thể; Giám đốc Công an tỉnh tặng Giấy khen cho 9 tập thể" (two grantors in
one sentence), ranked prizes "01 đơn vị hạng Nhất, kèm theo tiền thưởng 20.000.000
đồng", and limits per district "(mỗi huyện, thành phố lựa chọn 01 tập thể …)".

Rules:
- one item per (form, grantor, recipient, count) stated; the form and grantor come
  from the clause, else from the nearest earlier mention in the same block
  ("Tặng Bằng khen của Chủ tịch UBND tỉnh cho:" followed by "- 01 đơn vị hạng Nhất").
- a bare list of award forms with no count, share, rank or prize is no item (SCHEMA.md:
  an award item is a quota); awards named only as exceptions ("Ngoài Bằng khen của …")
  are not repeated.
- a quota whose sentence names no form gets form "Khen thưởng" and no grantor.
- danh hiệu are forms too (Chiến sĩ thi đua cơ sở, Tập thể lao động xuất sắc …); a
  quota stated as a share ("không quá 10% tổng số …") is no count: ``max_count`` null,
  ``max_share`` 10, the words kept in ``notes``. A total and its breakdown per level are
  linked by ``parent_id`` (:func:`link_breakdowns`). A rank may precede its count ("Giải Nhất: 01 giải"), and
  a lead-in before a colon names the level competing ("… cấp xã: Giải Nhất: …").
- per-district limits ("mỗi huyện … không quá 02 …") are not items; they become
  ``warnings`` (also ``notes`` and ``per_unit_limit``) on the awards of the same block,
  or of the level they count (xã, phường, thị trấn → cấp xã) when the block has none;
  "khen thưởng thêm 01 tập thể" is a bonus place, not a quota.
Matching runs on accent-folded text so OCR'd text is read too.
"""

from __future__ import annotations

import re
from typing import Optional

from extract.evidence import evidence_for
from extract.levels import (addressed_level, detect_level, heading_chain, heading_depth, leading_level, level_at,
                            own_heading_level)
from extract.award_money import (_RECIPIENT_NOUNS, _each_unit_prize, _for_others, _paid_to, _recipient,
                                 pay_earlier_quotas)
from extract.numbers import find_counts, find_money, fold, mask_references
from normalize.model import NormalizedDocument
from vnplan.lang import alternation, mapping, phrases, vocabulary
from vnplan.schema import Award

# award forms and titles (vnplan/lang/vi/award_forms.tsv), longest first; a Huân chương may name its class
_FORMS = [(r["phrase"], r["canonical"], r["recipient"] or None) for r in
          sorted(vocabulary("award_forms"), key=lambda r: len(r["phrase"]), reverse=True)]
_RANKS = mapping("ranks")  # folded rank word → canonical (vnplan/lang/vi/ranks.tsv)
_RANK_WORDS = alternation(list(_RANKS))
_FORM_RE = re.compile("|".join(
    f"({alternation([fold(p)])}" + (rf"(?:\s+hang\s+(?:{_RANK_WORDS}))?" if fold(p).startswith("huan chuong ") else "") + ")"
    for p, _, _ in _FORMS))
# "hạng Nhất", "giải Nhì" (OCR damage is repaired once, by the restorer in normalize)
_RANK = re.compile(rf"\b(?:hang|giai)\s+({_RANK_WORDS})\b")
_RANK_BEFORE = re.compile(rf"\bgiai\s+({_RANK_WORDS})\s*[:(]\s*$")  # "Giải Nhất: 01 giải", "Giải Nhất (01 giải)"
# a quota stated as a share of those eligible ("không quá 10% tổng số tập thể được bình xét")
_SHARE = re.compile(rf"(?:{alternation(phrases('comparators', comparator='<=', position='before'))})\s+\d{{1,2}}(?:,\d+)?\s*%")
_FORM_RECIPIENT = {canon: rec for _, canon, rec in _FORMS if rec}
_GRANTOR_TITLE = r"(?:chu tich|giam doc|thu truong|bo truong|thu tuong|chanh an|vien truong|tong cuc truong|cuc truong|truong ban|bi thu)"
_FORM_WORDS = f"(?:{alternation(phrases('award_forms'))})"  # a second form after "và"/"," ends a grantor
_GRANTOR_AFTER = re.compile(
    rf"\s*(?:cua\s+|\w{{2,3}}\s+(?=chu))?({_GRANTOR_TITLE}\b[^;:()\n]*?)(?=\s+(?:tang|cho|de|ve|doi voi|co thanh tich|dat|do|can cu)\b|\s*,\s*{_GRANTOR_TITLE}\b|\s+(?:va|hoac)\s+{_FORM_WORDS}|\s*[;:(.]|\s*,\s*{_FORM_WORDS}|\s*$)"
)
_BODY_AFTER = re.compile(r"\s*cua\s+((?:ubnd|uy ban nhan dan)\s+(?:tinh|thanh pho|huyen|xa|cap\s+(?:tinh|huyen|xa))\b)")  # "Cờ thi đua của UBND tỉnh"
_GRANTOR_BEFORE = re.compile(rf"({_GRANTOR_TITLE}\b[^;:()\n]{{0,60}}?)\s+(?:tang|trao|khen thuong)\s*$")
_PER_UNIT = re.compile(
    r"\bmoi\s+(huyen|xa|tinh|don vi|co quan|thon|quan|phuong)[^;.()]{0,60}?"
    r"(?:khong qua|lua chon|xet chon|chon|duoc|de nghi)\s+(\d{1,3})"
)
def _is_award_unit(unit: str) -> bool:
    """Counted units an award quota counts: tập thể, cá nhân, đơn vị … and prizes (giải)."""
    return fold(unit.split(",")[0].strip()) in _RECIPIENT_NOUNS


def _form_at(folded: str, m: re.Match) -> str:
    for i, (_, canon, _rec) in enumerate(_FORMS):
        if m.group(i + 1):
            rank = _RANK.search(m.group(i + 1)) if canon.startswith("Huân chương ") else None
            return canon + (f" hạng {_rank(rank.group(1))}" if rank else "")
    return m.group(0)


def _rank(word: str) -> str:
    return _RANKS.get(fold(word), word)


def _canon_grantor(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip(" ,;:.")
    s = re.sub(r"Ủy ban nhân dân|Uỷ ban nhân dân|Uy ban nhan dan|UBND", "UBND", s, flags=re.IGNORECASE)
    s = re.sub(r"^(?:của)\s+", "", s, flags=re.IGNORECASE)
    # "Chủ tịch UBND tỉnh Bình Phước" → "Chủ tịch UBND tỉnh" (the plan's own province)
    s = re.sub(r"((?:UBND|Công an|Công An)\s+(?:tỉnh|tinh))\s+[A-ZĐ][\w]*(?:\s+[A-ZĐ][\w]*)*$", r"\1", s)
    s = re.sub(r"\btinh\b", "tỉnh", s)
    m = re.match(r"chu tich\b", fold(s))
    if m:
        s = "Chủ tịch" + s[m.end():]
    return s


def _grantor(text: str, folded: str, form_start: int, form_end: int, clause_start: int) -> Optional[str]:
    """Who grants the award at [form_start, form_end): "Bằng khen của Chủ tịch UBND tỉnh",
    else the last title before it in the clause ("Chủ tịch UBND tỉnh tặng Bằng khen"),
    skipping titles that belong to another award ("Ngoài Bằng khen của …")."""
    m = _GRANTOR_AFTER.match(folded, form_end) or _BODY_AFTER.match(folded, form_end)
    if m:
        return _canon_grantor(text[m.start(1): m.end(1)])
    best = None
    for t in re.finditer(rf"{_GRANTOR_TITLE}\b", folded[clause_start:form_start]):
        ts = clause_start + t.start()
        if re.search(r"\bcua\s*$", folded[max(0, ts - 6): ts]):
            continue
        best = ts
    if best is None:
        return None
    seg = folded[best:form_start]
    cut = re.search(r"\s+(?:can cu|de|tang|trao|xet|khen thuong|se|duoc)\b|[;:(]", seg)
    end = best + (cut.start() if cut else len(seg))
    return _canon_grantor(text[best:end])


def _form_of_headings(ndoc: NormalizedDocument, offset: int) -> Optional[tuple[str, Optional[str]]]:
    """(form, grantor) named by the nearest heading above ``offset`` that names a form."""
    for _start, head in heading_chain(ndoc, offset):
        fh = fold(head)
        m = _FORM_RE.search(fh)
        if m:
            return _form_at(fh, m), _grantor(head, fh, m.start(), m.end(), 0)
    return None


def _in_award_section(ndoc: NormalizedDocument, offset: int) -> bool:
    for _, h in heading_chain(ndoc, offset):
        f = fold(h)
        if re.search(r"ho so|trinh tu|thu tuc|tieu chi|to chuc thuc hien", f) and not re.search(r"so luong|co cau|hinh thuc", f):
            return False
        # "Cơ cấu, số lượng khen thưởng", not "Điều 9. Cơ cấu tổ chức" (a body's units: "không quá 05 phòng")
        if re.search(r"khen thuong", f) or re.search(r"co cau|so luong", f) and re.search(r"khen|thuong|danh hieu|giai", f):
            return True
    return False


def _recipients_named(folded_tail: str) -> list[Optional[str]]:
    a = re.search(r"\btap the\b", folded_tail)
    b = re.search(r"\bca nhan\b", folded_tail)
    if a and b:
        return ["tập thể", "cá nhân"] if a.start() < b.start() else ["cá nhân", "tập thể"]
    if a:
        return ["tập thể"]
    if b:
        return ["cá nhân"]
    return [None]


def extract_awards(ndoc: NormalizedDocument) -> list[Award]:
    text = ndoc.text
    folded = fold(text)
    masked = mask_references(text)
    awards: list[Award] = []
    notes: list[tuple[int, str, Optional[int], Optional[str]]] = []  # (offset, note, limit, level)
    ctx_form: Optional[tuple[str, Optional[str]]] = None  # the form a list "… cho:" introduces
    pos = 0
    for line in text.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        if not line.strip() or line.count("|") >= 2:
            continue
        if heading_depth(line) is not None:
            ctx_form = None  # a new numbered / lettered item starts a new block
        in_awards = _in_award_section(ndoc, ls)
        # per-unit limits are notes, and their parenthetical is not an item
        work = masked[ls:le]
        fl = fold(line)
        for pm in re.finditer(r"\((?:[^()]*\bm[oỗ]i\b[^()]*)\)|(?:^|(?<=[.;:]))[^.;()]*\bm[oỗ]i\s+(?:huy[eệ]n|x[aã]|t[iỉ]nh)[^.;]*", fl):
            seg = line[pm.start(): pm.end()]
            if not (in_awards or re.search(r"khen thuong", fl)):
                continue
            lim = _PER_UNIT.search(fold(seg))
            if lim or re.search(r"\bmoi\b", fold(seg)):
                unit_level = detect_level(re.sub(r"\([^()]*\)", " ", line[pm.start() + lim.end(2):])) if lim else None
                notes.append((ls + pm.start(), re.sub(r"\s+", " ", seg).strip(" ()*"), int(lim.group(2)) if lim else None,
                              unit_level))
                work = work[: pm.start()] + " " * (pm.end() - pm.start()) + work[pm.end():]
        if not in_awards and not _FORM_RE.search(folded[ls:le]):
            continue
        own_level = own_heading_level(line)
        if own_level is None and heading_depth(line) is not None and re.match(r"\W*[\w.]+\s*[.)]?\s*(?:doi voi|ve|cap)\b", fold(line)):
            own_level = addressed_level(line[:120])
        level = own_level or level_at(ndoc, ls)
        # counts inside parentheses explain or break down a quota; they are not quotas
        work = _blank_parentheses(work)
        line_has_counts = any(_is_award_unit(q.unit) for q in find_counts(work))
        line_form: Optional[tuple[str, Optional[str]]] = None
        for cm in re.finditer(r"[^;]+", work):
            cs, ce = ls + cm.start(), ls + cm.end()
            cf = folded[cs:ce]
            forms = []
            for m in _FORM_RE.finditer(cf):
                fs, fe = m.start() + cs, m.end() + cs
                if re.search(r"\bngoai\s*$", folded[max(ls, fs - 8): fs]) or \
                        re.search(r"\bngoai\b[^.;]*\bva\s*$", folded[max(ls, fs - 60): fs]):
                    continue  # "Ngoài Bằng khen … và Giấy khen …" names awards already counted
                forms.append((fs, fe, _form_at(cf, m), _grantor(text, folded, fs, fe, cs)))
            if forms:
                line_form = forms[-1][2:]
            if forms and re.search(r"(?:cho|tang)\s*:?\s*$", folded[forms[-1][1]:le].rstrip(" ;.")) is not None:
                ctx_form = forms[-1][2:]
            elif forms and folded[ls:le].rstrip().endswith(":"):
                ctx_form = forms[-1][2:]
            if re.search(r"\bthem\s+\d", fold(cm.group(0))):  # "khen thưởng thêm 01 tập thể" is a bonus, not a quota
                continue
            counts = [q for q in find_counts(cm.group(0)) if _is_award_unit(q.unit)]
            if counts and in_awards:
                for n, q in enumerate(counts):
                    qs, qe = q.start + cs, q.end + cs
                    if n + 1 < len(counts) and fold(counts[n + 1].unit).startswith("giai") \
                            and not fold(q.unit).startswith("giai") \
                            and ":" in folded[qe: counts[n + 1].start + cs] \
                            and not re.search(r"\.\s", folded[qe: counts[n + 1].start + cs]):
                        continue  # "xét chọn 03 xã … để trao giải: 01 giải Nhất …": the prizes are the awards
                    stop = counts[n + 1].start + cs if n + 1 < len(counts) else ce  # this quota's own words
                    own = [f for f in forms if f[0] < qs]
                    if own:
                        form, grantor, conf = own[-1][2], own[-1][3], 0.9
                    elif line_form:
                        form, grantor, conf = line_form[0], line_form[1], 0.85
                    elif ctx_form:
                        form, grantor, conf = ctx_form[0], ctx_form[1], 0.8
                    elif (heading_form := _form_of_headings(ndoc, ls)) is not None:
                        # "2. Bằng khen của Chủ tịch UBND tỉnh" over "- Ban Chỉ đạo …: Không quá 05 cá nhân"
                        form, grantor, conf = heading_form[0], heading_form[1], 0.8
                    else:
                        form, grantor, conf = "Khen thưởng", None, 0.6  # the plan names no form
                    rank = _RANK.search(folded[qs: stop][:60]) or _RANK_BEFORE.search(folded[max(cs, qs - 30): qs])
                    money = [m for m in find_money(text[qe: stop])
                             if not _for_others(folded[max(0, qe + m.start - 40): qe + m.start], q.unit)
                             and _paid_to(folded[qe + m.end: qe + m.end + 20]) in (None, _recipient(q.unit))]
                    if not money:  # "03 tập thể và 05 cá nhân …, tiền thưởng 4.000.000 đồng/tập thể": the unit it pays
                        money = [m for m in find_money(text[cs: ce])
                                 if _paid_to(folded[cs + m.end: cs + m.end + 20]) == _recipient(q.unit)
                                 and cs + m.start > qe]
                    if not money:  # "…, mỗi tập thể được thưởng 5.000.000 đồng" pays every quota of the clause
                        money = [m for m in find_money(text[qe: ce])
                                 if re.search(r"\bmoi\b", folded[max(0, qe + m.start - 40): qe + m.start])
                                 and not _for_others(folded[max(0, qe + m.start - 40): qe + m.start], q.unit)]
                    if not money:  # "01 giải Nhất, 02 giải Nhì …; mỗi giải 5.000.000 đồng": the sentence names the unit
                        money = _each_unit_prize(text, folded, ce, le, q.unit)
                    # "03 tập thể cấp huyện và 05 tập thể cấp xã": a level named right after the unit
                    lv_m = re.match(r"\s*(?:cap\s+\w+|thuoc\s+(?:cac\s+)?[\w ,]{2,30})", folded[qe: stop])
                    q_level = detect_level(text[qe: qe + lv_m.end()]) if lv_m else None
                    if q_level is None and level is None and _recipient(q.unit) == "tập thể":
                        q_level = detect_level(q.unit)  # "01 sở, ban, ngành", "03 xã, phường": the unit names the level
                    if q_level is None and level is None:  # "UBND xã xếp loại Tốt được … tặng Bằng khen (…)"
                        sent = text[ls: qs]
                        q_level = leading_level(sent[max(sent.rfind(". "), sent.rfind("; ")) + 1:].strip())
                    if q_level is None and level is None and ":" in text[ls:qs]:
                        # "Trao giải cho các mô hình … cấp xã: Giải Nhất: 01 giải …": the lead-in names who competes
                        q_level = detect_level(text[ls: text.index(":", ls)])
                    awards.append(Award(
                        id="a0", form=form, grantor=grantor, recipient=_recipient(q.unit), level=q_level or level,
                        max_count=int(q.value), rank=_rank(rank.group(1)) if rank else None,
                        prize_vnd=int(money[0].value) if money else None,
                        evidence=evidence_for(ndoc, qs, qe), confidence=conf,
                    ))
            elif forms and not counts and not line_has_counts and in_awards and find_money(cm.group(0)) \
                    and pay_earlier_quotas(awards, text, folded, cs, ce, forms[-1][2]):
                pass  # "Kèm theo Bằng khen, tập thể được thưởng … đồng/tập thể, …": money for the quotas above
            elif forms and not counts and in_awards and _SHARE.search(cf):
                # "Tặng danh hiệu Tập thể lao động xuất sắc …, không quá 10% tổng số …": a share, not a count
                share = _SHARE.search(cf)
                note = re.sub(r"\s+", " ", text[cs + share.start(): ce]).strip(" .;,")
                pct = float(re.search(r"(\d{1,2}(?:,\d+)?)\s*%", share.group(0)).group(1).replace(",", "."))
                for fs, fe, form, g in forms:
                    rec = _FORM_RECIPIENT.get(form) or _recipients_named(folded[fe:ce])[0]
                    awards.append(Award(id="a0", form=form, grantor=g, recipient=rec, level=level, notes=[note],
                                        max_share=pct, evidence=evidence_for(ndoc, fs, fe), confidence=0.75))
    _attach_notes(ndoc, awards, notes)
    for i, a in enumerate(awards, 1):
        a.id = f"a{i}"
    link_breakdowns(awards)
    return awards


def link_breakdowns(awards: list[Award]) -> None:
    """A total quota and its breakdown per level: "Bằng khen cho không quá 18 tập thể" then
    "… 5 tập thể (sở, ngành)", "3 tập thể cấp huyện", … The parts that follow a total of
    the same form, grantor and recipient and add up to it exactly get ``parent_id`` = the
    total's id, so ``sum(max_count)`` over the items without children counts each place once."""
    for i, total in enumerate(awards):
        if total.max_count is None or total.parent_id is not None or total.rank:
            continue
        key = (total.form, total.grantor, total.recipient)
        later = [a for a in awards[i + 1:] if a.parent_id is None and a.max_count is not None
                 and (a.form, a.grantor, a.recipient) == key and a.level != total.level]
        run, acc = [], 0
        for a in later:
            if acc >= total.max_count:
                break
            run.append(a)
            acc += a.max_count
        if len(run) >= 2 and acc == total.max_count:
            for a in run:
                a.parent_id = total.id


# "(không quá 03 tập thể)", "Giải Nhất (01 giải): …": a quota in parentheses
_QUOTA_AHEAD = re.compile(r"\(\s*(?:(?:khong qua|toi da|so luong\s*:?)\s*\d|\d{1,3}\s+(?:giai|tap the|ca nhan|don vi)\s*\))")


def _blank_parentheses(s: str) -> str:
    """Blank what parentheses hold, except a quota stated as a limit: "tặng Bằng khen (không
    quá 03 tập thể)" gives the count of the award it follows."""
    out, depth, keep = [], 0, False
    f = fold(s)
    for i, ch in enumerate(s):
        if ch == "(":
            depth += 1
            keep = depth == 1 and bool(_QUOTA_AHEAD.match(f, i))
        out.append(" " if depth and not keep and ch not in ";" else ch)
        if ch == ")" and depth:
            depth -= 1
    return "".join(out)


def _block_of(ndoc: NormalizedDocument, offset: int) -> int:
    chain = heading_chain(ndoc, offset, include_own=True)
    return chain[0][0] if chain else 0


def _attach_notes(ndoc, awards: list[Award], notes) -> None:
    for off, note, limit, lvl in notes:
        block = _block_of(ndoc, off)
        same = [a for a in awards if _block_of(ndoc, a.evidence.span[0]) == block and a.evidence.span[0] <= off + 400]
        if not same and lvl:
            same = [a for a in awards if a.level == lvl]
        for a in same:
            extra = getattr(a, "notes", None) or []
            if note not in extra:
                extra.append(note)
            a.notes = extra  # type: ignore[attr-defined]
            if note not in a.warnings:
                a.warnings.append(note)
            if limit is not None and getattr(a, "per_unit_limit", None) is None:
                a.per_unit_limit = limit  # type: ignore[attr-defined]
