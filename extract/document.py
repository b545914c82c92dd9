"""The ``document`` block: number, type, issuer, province, date, title and signer.

Read from the opening block of the normalized text (issuing body, "Số: …", "<Place>,
ngày … tháng … năm …", document type and title) and from the signature block; labelled
portal fields kept by normalize (``ndoc.header``: "Số hiệu", "Người ký", "Ngày ban
hành" …) are a fallback only. Every cue is matched on folded text, so OCR output that
lost its diacritics still yields number, type, province and issuer; names are written
back in their canonical spelling from ``extract/data/provinces.txt``. What the text does
not say is left null, and an incomplete date is recorded as far as it goes, with a
warning, never completed by guesswork.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from normalize.model import NormalizedDocument
from normalize.patterns import (
    DATE_LINE,
    DOC_TYPE_LINE,
    INLINE_NUMBER,
    MOTTO,
    MOTTO_2,
    NUMBER_LINE,
    PREAMBLE,
    RECIPIENTS,
    SIGN_PREFIX,
    find_number,
)
from normalize.text import fold, is_upper_line, letters, sentence_case
from vnplan.lang import alternation, phrases
from extract.document_title import ABOUT, find_title, find_type, subject_line, type_from, type_from_number
from extract.issuer_codes import issuer_from_number
from extract.signer import find_signer
from vnplan.schema import DocumentInfo

PROVINCES_FILE = Path(__file__).parent / "data" / "provinces.txt"
_HEADER_LINES = 30
_VN_MARKED = re.compile("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]")


@lru_cache(maxsize=1)
def provinces() -> list[tuple[str, str, re.Pattern]]:
    """(canonical name, kind, folded pattern) for each province, longest names first."""
    out = []
    for line in PROVINCES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind = line.split("\t")
        words = [re.escape(w) for w in fold(name).replace("-", " ").split()]
        out.append((name, kind, re.compile(r"\b" + r"[\s\-–]*".join(words) + r"\b")))
    return sorted(out, key=lambda p: -len(p[0]))


def find_province(text: str) -> tuple[str, str] | None:
    """(canonical name, kind) of the first province named in ``text`` (accent-insensitive)."""
    f = fold(text)
    best = None
    for name, kind, pat in provinces():
        m = pat.search(f)
        if m and (best is None or m.start() < best[2]):
            best = (name, kind, m.start())
    return (best[0], best[1]) if best else None


def _header_lines(ndoc: NormalizedDocument) -> list[str]:
    limit = ndoc.sections[0].start if ndoc.sections else len(ndoc.text)
    return ndoc.text[:limit].split("\n")[:_HEADER_LINES]


def _portal(ndoc: NormalizedDocument, *keys: str) -> str | None:
    for k, v in ndoc.header.items():
        fk = fold(k)
        if any(fk.startswith(key) for key in keys) and v.strip():
            return v.strip()
    return None


def is_normative(ndoc: NormalizedDocument) -> bool:
    """A legal normative document ("25/2025/NĐ-CP", "96/2025/QĐ-UBND": the year inside its number):
    its articles state rules, not targets to reach, unless it adopts a plan or programme ("Nghị
    quyết 12/2025/NQ-HĐND … thông qua Chương trình phát triển nhà ở")."""
    lines = _header_lines(ndoc)
    number = find_number(lines)
    if not (number and re.match(r"^\d+/\d{4}/", number)):
        return False
    _, type_index = find_type(lines)
    title = fold(find_title(lines, type_index, []) or " ".join(lines[:8]))
    return not _ADOPTS_PLAN.search(title)


_ADOPTS_PLAN = re.compile(r"\b(?:ke hoach|chuong trinh|de an|chien luoc|quy hoach|muc tieu|chi tieu)\b")


def doc_type_of(ndoc: NormalizedDocument) -> str | None:
    """The document's own type as its heading says it ("Chỉ thị", "Kế hoạch"), None when it has none."""
    return find_type(_header_lines(ndoc))[0]


def parse_date(lines: list[str]) -> tuple[dict | None, str | None]:
    """({year, month, day, text}, place) from the "<Place>, ngày … tháng … năm …" line."""
    for ln in lines:
        f = fold(ln)
        m = DATE_LINE.search(f)
        if not m:
            continue
        words = ln[m.start("place") : m.end("place")].split()
        k = len(words)
        while k > 0 and words[k - 1][:1].isupper() and not re.search(r"[\d/:]", words[k - 1]):
            k -= 1
        place = " ".join(words[k:]).strip(" ,|")
        begin = m.start("place") + (ln[m.start("place") :].find(place) if place else len(ln[m.start("place") : m.end("place")]))

        def num(g: str) -> int | None:
            s = m.group(g).replace("o", "0").replace("O", "0")
            return int(s) if s.isdigit() else None

        day = None if m.group("dsep") else num("d")
        out = {"year": num("y"), "month": num("m"), "day": day, "text": ln[begin:].strip()}
        if m.group("dsep"):
            out["day_text"] = m.group("d") + m.group("dsep")
        return out, place
    return None, None


_ADOPTED = re.compile(r"nghi quyet nay (?:da )?duoc [^.;]{0,160}?thong qua ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")


def _adopted_on(text: str) -> str | None:
    """The date a council or committee adopted a resolution, from its closing line: the issue date
    of a resolution that prints no date line."""
    m = None
    for m in _ADOPTED.finditer(fold(text)):
        pass
    return _dmy(m)


def _self_dated(text: str, number: str | None) -> str | None:
    """The date the text gives with its own number ("… số 170/2025/NĐ-CP ngày 30 tháng 6 năm 2025")."""
    if not number:
        return None
    num = r"(?<![\w/])" + re.escape(fold(number)).replace("/", r"\s*/\s*")
    return _dmy(re.search(num + r"\s*,?\s*ng\s?ay\s+(\d{1,2})\s*(?:thang\s+|/)(\d{1,2})\s*(?:nam\s+|/)(\d{4})", fold(text)))


def _dmy(m: re.Match | None) -> str | None:
    """ISO date of a match whose groups are day, month, year (None if there is none or it is no date)."""
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
    except ValueError:
        return None


def _iso(d: dict | None) -> tuple[str | None, str | None]:
    """(ISO date, warning) for a parsed date."""
    if not d or not d.get("year"):
        return None, None
    y, mth, day = d.get("year"), d.get("month"), d.get("day")
    if y and mth and day:
        try:
            return dt.date(y, mth, day).isoformat(), None
        except ValueError:
            return None, f"issued date is not a real date in the text: {d['text']!r}"
    missing = [n for n, v in (("day", day), ("month", mth)) if not v]
    return None, (
        f"issued date incomplete in the text ({d['text']!r}): {' and '.join(missing)} unreadable; "
        f"recorded year {y}" + (f", month {mth}" if mth else "")
    )


def _portal_date(value: str | None) -> str | None:
    return _dmy(re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)) if value else None


_LETTER_BODY = re.compile(r"^\W*(?:v/v|ve viec|kinh gui)\b")
_NUMBER_CELL = re.compile(r"^\W*\d+/[\w/.-]+\s*$")  # "5664/CT-CS" in a cell of its own, under a lost "Số:"


def issuer_lines(lines: list[str]) -> list[str]:
    """Lines of the issuing-body block: header lines before "Số:" that are not the motto."""
    out = []
    for ln in lines:
        f = fold(ln)
        inline = INLINE_NUMBER.search(ln)
        if inline and is_upper_line(ln[: inline.start()]) and letters(ln[: inline.start()]):
            out.append(ln[: inline.start()].strip(" -|*"))  # "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN Số: 15/KH-UBND"
        if NUMBER_LINE.match(f) or DATE_LINE.search(f) or DOC_TYPE_LINE.match(f) or _LETTER_BODY.match(f) \
                or RECIPIENTS.match(f) or SIGN_PREFIX.match(f) or inline:
            break  # a letter's subject, addressee, recipients or signature: past the header
        if MOTTO.search(f) or MOTTO_2.search(f) or not letters(ln) or _NUMBER_CELL.match(f):
            continue
        if is_upper_line(ln):
            out.append(ln.strip())
    return out


_BODY_ABBR = [(r"(uy\s*ban\s*nhan\s*dan|ubnd)", "UBND"), (r"(hoi\s*dong\s*nhan\s*dan|hdnd)", "HĐND")]
_LEVELS = [("thanh pho", "thành phố"), ("thi xa", "thị xã"), ("tinh", "tỉnh"), ("huyen", "huyện"), ("quan", "quận"),
           ("xa", "xã"), ("phuong", "phường"), ("tp.", "thành phố"), ("tp", "thành phố")]


# central bodies (vnplan/lang/vi/central_bodies.tsv); "Bộ Chỉ huy Quân sự tỉnh …" names its province
_CENTRAL = re.compile(rf"^\W*(?:{alternation(phrases('central_bodies'))})\b(?!\s+chi\s+huy)")
_CENTRAL_UNIT = re.compile(r"^\W*(?:cuc|tong cuc|vu|thanh tra|van phong|vien|trung tam|ban)\s")
_SUBORDINATE = re.compile(r"^(?:so|ban|cong an|bo chi huy|thanh tra|van phong|trung tam|chi cuc)\s")


def issuer_name(block: list[str], province: tuple[str, str] | None) -> str:
    """"ỦY BAN NHÂN DÂN / TỈNH HÀ GIANG" → "UBND tỉnh Hà Giang"; "UBND TỈNH PHÚ YÊN / SỞ THÔNG TIN VÀ
    TRUYỀN THÔNG" → "Sở Thông tin và Truyền thông tỉnh Phú Yên" (the last line is the body that
    issues, the line above it the one it belongs to); other bodies in sentence case."""
    if len(block) >= 2 and province and _SUBORDINATE.match(fold(block[-1])):
        from extract.agencies import resolve_agency

        m = resolve_agency(block[-1])
        name = m.name if m.known else sentence_case(block[-1], keep=[province[0]])
        if name.endswith(" tỉnh"):
            name = name[: -len(" tỉnh")]
        return f"{name} {province[1]} {province[0]}"
    if len(block) >= 2 and _CENTRAL.match(fold(" ".join(block[:-1]))) and _CENTRAL_UNIT.match(fold(block[-1])):
        return sentence_case(block[-1])  # "BỘ TÀI CHÍNH / CỤC HẢI QUAN": the department under the ministry issues
    joined = " ".join(block)
    f = fold(joined)
    for pat, abbr in _BODY_ABBR:
        m = re.match(pat + r"\s*", f)
        if not m:
            continue
        rest_f, rest = f[m.end():], joined[m.end():]
        for lf, level in _LEVELS:
            if rest_f.startswith(lf + " ") or rest_f.startswith(lf):
                name = rest[len(lf):].strip(" .")
                if level in ("tỉnh", "thành phố") and province and fold(name).replace("-", " ").split() == \
                        fold(province[0]).replace("-", " ").split():
                    return f"{abbr} {province[1]} {province[0]}"
                return f"{abbr} {level} {name.title() if name.isupper() else name}".strip()
        if province:
            return f"{abbr} {province[1]} {province[0]}"
    return " ".join(sentence_case(b, keep=[province[0]] if province else []) for b in block)


def as_written(name: str, text: str) -> str:
    """A name read from a header in capitals ("BỘ CÔNG THƯƠNG" → "Bộ công thương") as the document
    itself writes it in running text ("Bộ Công Thương"), when it does so more than once."""
    seen: dict[str, int] = {}
    for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.I):
        if not m.group(0).isupper() and m.group(0) != name:
            seen[m.group(0)] = seen.get(m.group(0), 0) + 1
    best = max(seen, key=seen.get) if seen else None
    return best if best and seen[best] >= 2 and best[:1].isupper() else name


def _issuer_from_text(text: str, province: tuple[str, str] | None) -> str | None:
    """'UBND tỉnh ban hành Kế hoạch …' in the preamble names the issuer when the header is missing."""
    if not province:
        return None
    f = fold(text[:6000])
    if re.search(r"\b(ubnd|uy ban nhan dan) (tinh|thanh pho)( [a-z ]{2,25})? ban hanh\b", f) or re.search(
        r"\btm\.? (ubnd|uy ban nhan dan)\b", fold(text)
    ):
        return f"UBND {province[1]} {province[0]}"
    return None


def _is_central(block: list[str]) -> bool:
    return bool(block) and bool(_CENTRAL.match(fold(" ".join(block))))


def central_issuer(ndoc: NormalizedDocument) -> bool:
    """Whether a central body (a ministry, the Government, the Prime Minister) issues the
    document: its "UBND tỉnh Khánh Hòa" is one province among many, not "the province"."""
    block = issuer_lines(_header_lines(ndoc))
    return find_province(" ".join(block)) is None and _is_central(block) if block else False


def extract_document_info(ndoc: NormalizedDocument, base: DocumentInfo) -> DocumentInfo:
    warnings: list[str] = list(base.warnings)
    lines = _header_lines(ndoc)
    info: dict = {}

    doc_type, type_index = find_type(lines)
    number = find_number(lines[:type_index] if type_index is not None else lines[:12]) or _portal(ndoc, "so hieu")
    info["number"] = number

    portal_type = type_from(_portal(ndoc, "loai van ban"))
    info["doc_type"] = doc_type or portal_type or type_from_number(number)

    # the date and number belong to the opening block; "Căn cứ … ngày … tháng … năm …" below it is not the issue date
    opening = lines[:type_index] if type_index is not None else lines[:12]
    preamble = next((i for i, ln in enumerate(opening) if PREAMBLE.match(fold(ln))), None)
    opening = opening[:preamble] if preamble is not None else opening  # "Căn cứ Nghị định … ngày …" is no issue date
    date, place = parse_date(opening)
    raw_opening = ndoc.header.get("opening_unrestored")
    if raw_opening and (date is None or not (date.get("day") and date.get("month"))):
        # restoration may have garbled the date line ("thang8" → "tháng"): the text as read may say more
        raw_date, _ = parse_date(raw_opening.split("\n"))
        known = lambda d: sum(1 for k in ("year", "month", "day") if d and d.get(k))  # noqa: E731
        if known(raw_date) > known(date):
            date = raw_date
    iso, why = _iso(date)
    if iso is None:
        portal_iso = _portal_date(_portal(ndoc, "ngay ban hanh"))
        if portal_iso:
            iso, why = portal_iso, None
    if iso is None and date is None:
        # "Nghị quyết này được … thông qua ngày 16 tháng 6 năm 2025.", "(Kèm theo Nghị định số 170/2025/NĐ-CP
        # ngày 30 tháng 6 năm 2025 …)": the text names its own date where the header prints none
        adopted = _adopted_on(ndoc.text) if info["doc_type"] == "Nghị quyết" else None
        found = (adopted, "the adoption line") if adopted else (_self_dated(ndoc.text, number), "its own number in the text")
        if found[0]:
            iso, why = found[0], None
            warnings.append(f"issued date {found[0]} read from {found[1]} (no date line)")
    info["issued_date"] = iso
    if why:
        warnings.append(why)
    if date:
        info["issued_date_text"] = date["text"]
        info["issued_year"] = date.get("year")
        if iso is None and date.get("month"):
            info["issued_month"] = date["month"]

    block = issuer_lines(lines)
    province = find_province(" ".join(block)) if block else None
    coded = issuer_from_number(number) if not block else None  # a header that lost its issuer: the number's code
    # a ministry or the Government: the "Hà Nội" of its date line is no province of the document
    central = province is None and (_is_central(block) or bool(coded and coded.central))
    if province is None and place and not central:
        province = find_province(place)
    if province is None and not central:
        portal_place = _portal(ndoc, "noi ban hanh", "co quan ban hanh")
        province = find_province(portal_place) if portal_place else None
    if province is None and not central:
        hits: dict[tuple[str, str], int] = {}
        for mm in re.finditer(r"\b(?:tinh|thanh pho)\s+([a-z][a-z\- ]{2,30})", fold(ndoc.text)):
            p = find_province(mm.group(1)[:30])
            if p and fold(p[0]).replace("-", " ").split()[0] == mm.group(1).split()[0]:
                hits[p] = hits.get(p, 0) + 1
        if hits:
            province = max(hits, key=hits.get)
            warnings.append(f"province {province[0]} inferred from the text (no issuing-body header)")
    info["province"] = province[0] if province else None

    issuer = None
    if block:
        issuer = issuer_name(block, province)
        if all(b.isupper() for b in block):
            issuer = as_written(issuer, ndoc.text)
    if issuer is None and coded:
        issuer = coded.name
        warnings.append(f"issuer {issuer} read from the document number {number} (no issuing-body header)")
    if issuer is None:
        issuer = _issuer_from_text(ndoc.text, province)
        if issuer:
            warnings.append(f"issuer {issuer} inferred from the text (no issuing-body header)")
    info["issuer"] = issuer

    title = find_title(lines, type_index, [province[0]] if province else []) or subject_line(lines)
    if title is None and type_index is None and preamble and doc_type is None and info["doc_type"]:
        # no type heading (the type read from the number): the line above "Căn cứ …" is the title
        last = opening[-1].strip(" |*") if opening else ""
        folded = fold(last)
        if last and not (NUMBER_LINE.match(folded) or DATE_LINE.search(folded) or MOTTO_2.search(folded)
                         or INLINE_NUMBER.search(last) or is_upper_line(last) and len(last.split()) <= 4):
            title = last
    info["title"] = title
    if doc_type is None and not portal_type and title and ABOUT.match(title):
        # a dispatch: no type heading, a "V/v …" subject line; over a type read from the number's code alone
        # ("5680/CT-CS": CT is Cục Thuế, not Chỉ thị; a Chỉ thị has a heading and no "V/v")
        info["doc_type"] = "Công văn"
    # the signature may stand before the first section: a decision signed above the plan it issues
    body_start = ndoc.sections[0].start if ndoc.sections else 0
    if type_index is not None:
        body_start = min(body_start, sum(len(ln) + 1 for ln in lines[: type_index + 2]))
    signer = find_signer(ndoc.text, body_start) or _portal(ndoc, "nguoi ky")
    info["signer"] = signer
    if info["title"] and not _VN_MARKED.search(info["title"].lower()):
        warnings.append("title has no diacritics (OCR text not restored)")
    data = base.model_dump()
    data.update({k: v for k, v in info.items() if v is not None or k in DocumentInfo.model_fields})
    data["warnings"] = list(dict.fromkeys(warnings))
    return DocumentInfo.model_validate(data)
