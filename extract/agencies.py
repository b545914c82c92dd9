"""Agencies: split the owner phrases of a plan into single agencies with canonical names.

Plans name owners in running prose: "Văn phòng UBND tỉnh và các sở, ban, ngành liên
quan", "UBND cấp huyện, cấp xã", "Sở Tư pháp hướng dẫn, đôn đốc…", "Sở LĐTBXH",
"BHXH tỉnh". Databases and reviewers need one name per agency, the same name in every
plan, so this module splits lists (without breaking names that contain commas or "và",
like "Sở Lao động, Thương binh và Xã hội"), drops purpose clauses and parentheses,
makes provincial names generic ("Báo <tỉnh X>" → "Báo tỉnh"), and resolves the result
against the gazetteer ``extract/data/agencies.tsv`` (exact alias first, then rapidfuzz).
Unknown agencies are kept as written, cleaned, with a low match score.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from vnplan.lang import tone_spellings, vocabulary

GAZETTEER = Path(__file__).with_name("data") / "agencies.tsv"
FUZZY_MIN = 90

# The provinces and centrally-run cities (extract/data/provinces.txt), used to make names generic.
PROVINCES_FILE = Path(__file__).with_name("data") / "provinces.txt"
PROVINCES = [
    line.split("\t")[0] for line in PROVINCES_FILE.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def _province_pattern(name: str) -> str:
    """"Bà Rịa - Vũng Tàu" also as "Bà Rịa-Vũng Tàu", "Hồ Chí Minh" also as "Thành phố / TP. Hồ Chí Minh"."""
    words = [re.escape(w) for w in name.replace("-", " ").split()]
    return r"(?:(?i:thành phố|tp\.?)\s*)?" + r"[\s\-–]*".join(words)


_PROVINCE_PATTERNS = [_province_pattern(p) for p in sorted(PROVINCES, key=len, reverse=True)]
_ANY_PROVINCE = "(?:" + "|".join(_PROVINCE_PATTERNS) + ")"  # longest first, as the list is sorted
# the four ways a province's name stands in an agency's name, each one compiled pattern for all provinces
_ANY_PROVINCE_LOW = "(?:" + "|".join(p.lower() for p in _PROVINCE_PATTERNS) + ")"
_IN_TINH = re.compile(rf"\btỉnh\s+{_ANY_PROVINCE}\b")
_AFTER_PARTY = re.compile(rf"^(Tỉnh\s*đoàn|Tỉnh\s*ủy|Tỉnh\s*uỷ)\s+{_ANY_PROVINCE}\b", re.I)
_BRANCH = re.compile(rf"\b(chi nhánh|CN)\s+{_ANY_PROVINCE}\b")
_BARE = re.compile(rf"\b{_ANY_PROVINCE}\b")

# Words that begin an agency name (used to tell a new agency from a wrapped part of a name).
# first words of an agency or role name: vnplan/lang/vi/agency_heads.tsv
HEADS = "|".join(re.escape(v).replace(r"\ ", " ") for r in vocabulary("agency_heads") for v in tone_spellings(r["phrase"]))
_HEAD_RE = re.compile(rf"^(?:{HEADS})\b", re.I)
_NOT_HEAD = re.compile(r"^(?:ban hành|hội nghị|bộ phận|đoàn viên|cơ sở dữ liệu|trung tâm dữ liệu|cấp độ|nhà nước|trường hợp|báo cáo)\b", re.I)
# Collective nouns that continue a group phrase ("các sở, ban, ngành, đoàn thể, địa phương liên quan").
_COLLECTIVE = re.compile(
    r"^(?:các\s+)?(?:sở|bộ|ban|ngành|phòng|đoàn thể|địa phương|đơn vị|cơ quan|hội|hiệp hội|tổ chức|doanh nghiệp|tỉnh|huyện|thị xã|"
    r"thành phố|tp|xã|phường|thị trấn|mặt trận|tổ chức chính trị - xã hội|"
    r"cơ sở (?:giáo dục|y tế|đào tạo|khám bệnh, chữa bệnh|khám, chữa bệnh)|trường học)\b",
    re.I,
)
# Verbs that start a purpose clause after the owner ("Sở Tư pháp hướng dẫn, đôn đốc …"): duty_verbs.tsv,
# plus "tự" ("Các sở, ban, ngành tự đánh giá …", not the "trật tự" of a name)
_VERBS = "|".join("".join(f"(?<!{re.escape(v)} )" for w in r.get("not_after", "").split("|") if w
                          for v in dict.fromkeys((w, w[:1].upper() + w[1:])))  # "công trình", "Công trình"
                  + re.escape(r["phrase"]).replace(r"\ ", " ") for r in vocabulary("duty_verbs")) + r"|(?<!trật )tự(?= \w)"
# "tổ chức" is a noun after "là", "các" and in a list of collectives ("Các cơ quan, tổ chức, đơn vị")
# after "đến việc", "tới việc" … a verb is a noun ("… liên quan đến việc thực hiện sắp xếp và các cơ quan … có trách
# nhiệm"), not after "thôi việc"
_NOMINAL = "".join(f"(?<!{v} việc )" for w in ("đến", "tới", "về", "trong", "của", "cho", "với") for v in (w, w.capitalize()))
_VERB_RE = re.compile(rf"(?<![\w-]){_NOMINAL}(?:{_VERBS}|(?<!các )(?<!là )(?<!cơ quan, )(?<!đơn vị, )(?<!cá nhân, )(?<!cơ quan và )"
                      rf"(?<!cá nhân và )tổ chức(?! chính trị))(?![\w])")
# In an owner phrase, "tổ chức" between collective nouns is a noun: "các cơ quan, tổ chức, đơn vị".
# The same with or without "các", and "cá nhân, tổ chức" ("Cơ quan, tổ chức quản lý trực tiếp": one owner).
_GROUP_LIST = re.compile(r"^(?:các\s+)?(?:cơ quan|đơn vị|cá nhân)(?:\s*(?:,|và)\s*(?:tổ chức|cơ quan|đơn vị|địa phương|cá nhân))+(?![\w])", re.I)
# A bare collective noun ("Sở, ban, ngành liên quan", "Hội, hiệp hội …") opens a group as "các" does.
_BARE_COLLECTIVE = re.compile(r"^(?:sở|ban|ngành|cơ quan|đơn vị|hội|tổ chức|địa phương)$", re.I)
_VERB_START = re.compile(rf"^(?:{_VERBS}|tổ chức)(?![\w])", re.I)  # case-sensitive: verbs are lowercase in prose
_PAREN = re.compile(r"\([^()]*\)")
# "Công an tỉnh - Cơ quan thường trực …", "Sở Thông tin và Truyền thông là cơ quan thường trực …"
_APPOSITIVE = re.compile(r"\s+(?:[-–]\s+(?:là\s+)?|là\s+)(?:cơ quan|đơn vị)\b(?:\s+\S+){0,12}$", re.I)
# The head of an agency stands for it as an owner ("Thủ trưởng các sở, ban, ngành", "Chủ tịch UBND các
# huyện, thị xã, thành phố", "Giám đốc Sở Y tế" → the agencies themselves).
_TITLE = re.compile(
    r"(?:(?<=^)|(?<=[,;]\s)|(?<=\bvà\s))(?:(?:thủ trưởng|người đứng đầu|chủ tịch|(?:tổng )?giám đốc)\s+"
    r"(?=(?:các|cơ quan|sở|ubnd|ủy ban|uỷ ban|đơn vị|công an|kho bạc|bảo hiểm|đài|trung tâm|bộ chỉ huy)\b)"
    r"|chánh\s+(?=(?:văn phòng|thanh tra)\b))",  # "Giám đốc Công an tỉnh", "Chánh Văn phòng UBND tỉnh": the body they head
    re.I,
)
_SPLIT = re.compile(r"\s*(?:,|;|\bvà\b|\bcùng\b|\bhoặc\b|\bvới\b)\s*")


@dataclass
class Entry:
    canonical: str
    aliases: list[str]
    kind: str


@dataclass
class AgencyMatch:
    written: str  # the cleaned words of the plan
    name: str  # canonical name (or the written words when unknown)
    score: float  # 100 exact alias, rapidfuzz ratio for a fuzzy match, 0 unknown
    kind: str = "unknown"

    @property
    def known(self) -> bool:
        return self.score >= FUZZY_MIN


def _key(s: str) -> str:
    """Matching key: NFC, lowercase, '&'/'-' and punctuation folded, spaces collapsed."""
    s = unicodedata.normalize("NFC", s).lower().replace("uỷ", "ủy").replace("hoá", "hóa").replace("toà", "tòa")
    s = s.replace("&", " và ").replace("–", "-")
    s = re.sub(r"[.,;:()\-*\"“”']", " ", s)
    return re.sub(r"\s+", " ", s).strip()


@functools.lru_cache(maxsize=1)
def load_gazetteer(path: str | None = None) -> tuple[list[Entry], dict[str, Entry]]:
    entries: list[Entry] = []
    index: dict[str, Entry] = {}
    with open(path or GAZETTEER, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
            e = Entry(row["canonical"].strip(), aliases, (row.get("kind") or "").strip() or "other")
            entries.append(e)
            for name in [e.canonical, *aliases]:
                index.setdefault(_key(name), e)
    return entries, index


@functools.lru_cache(maxsize=8192)
def generic_name(name: str) -> str:
    """Replace a province name by the generic word ("Báo Hà Giang" → "Báo tỉnh").

    Cached, and each of the four substitutions is one compiled pattern over every province
    (it was four per province: a third of extraction time)."""
    name = _IN_TINH.sub("tỉnh", name)
    name = _AFTER_PARTY.sub(r"\1", name)
    name = _BRANCH.sub(r"\1 tỉnh", name)
    name = _BARE.sub("tỉnh", name)
    name = re.sub(r"\btỉnh(\s+tỉnh)+\b", "tỉnh", name)
    return name


def clean_agency(text: str) -> str:
    """Markup, parentheses, appositives and trailing punctuation removed; spaces collapsed."""
    s = unicodedata.normalize("NFC", text).replace("*", "")
    while _PAREN.search(s):
        s = _PAREN.sub(" ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = _APPOSITIVE.sub("", s)
    s = re.sub(r"^(?:[-+•]\s*)", "", s)
    s = re.sub(r"\s*(?:\.\.\.|…)\s*", " ", s)
    return s.strip(" .,;:-–")


def cut_purpose(text: str) -> str:
    """Drop a purpose clause: the owner phrase ends where its first verb begins.

    A verb is lower case in prose; a capitalised one ends the owner phrase too where a line
    break was joined ("1.1. Giao Sở Nông nghiệp và Môi trường / Khẩn trương chia sẻ …") and
    what stands before it is a whole body ("… Thủ trưởng cơ quan ngang bộ Tập trung …"), not
    the first words of a name ("Trung tâm Phục vụ hành chính công")."""
    _, index = load_gazetteer()
    protected = _protect(text, index)
    end = next((m.start() for m in _VERB_RE.finditer(text) if not any(a <= m.start() < b for a, b in protected)), None)
    out = _cut_capital(text, protected, len(text) if end is None else end)
    # a modal before the verb is no part of the name: "thành phố Đà Nẵng cần tập trung …", "Sở Y tế phải báo cáo …"
    return _MODAL_END.sub("", out) if len(out) < len(text) else out


# "phải" is a duty verb (duty_verbs.tsv) and ends an owner by itself; "cần" is not (it also qualifies a noun,
# "những hạn chế cần khắc phục"), so it is only dropped from an owner's end
MODAL = "cần"
_MODAL_END = re.compile(rf"\s+{MODAL}$")


# a capitalised verb between a lower-case word and a lower-case one: "… ngang bộ Tập trung chỉ đạo …"
# (case-sensitive around it: "huyện Lập Thạch" is a place, its next word is capitalised)
_CAP_VERB_RE = re.compile(rf"(?<=[a-zà-ỹđ])\s+(?:[-–]\s+)?((?i:{_VERBS}|tổ chức))(?= [a-zà-ỹđ])".replace(
    "(?<!trật )tự(?= \\w)", "tự"))
_ENDS_BODY = re.compile(r"(?:tỉnh|thành phố|trung ương|(?:ngang|các) bộ|ngành|xã|phường|đặc khu|huyện|thị xã|địa phương|đơn vị)$",
                        re.I)


def _cut_capital(text: str, protected: list[tuple[int, int]], end: int) -> str:
    """``text`` cut at ``end`` (its first lower-case verb), or before a capitalised verb ahead of it."""
    for m in _CAP_VERB_RE.finditer(text, 0, min(len(text), end + 1)):
        verb = m.group(1)
        if m.start(1) >= end or not verb[:1].isupper() or any(a <= m.start(1) < b for a, b in protected):
            continue
        if len(verb.split()) > 1 and all(w[:1].isupper() for w in verb.split()):
            continue  # "UBND xã Thống Nhất chủ trì": every syllable capitalised is a place's name, not a verb
        head = text[: m.start()].rstrip(" ,;:-")
        if len(head.split()) > 25:
            break  # an owner phrase is shorter: what follows is a sentence
        if head.count("(") > head.count(")"):
            continue  # "… (Trung tâm Phục vụ hành chính công)": inside a name in brackets
        if len(head.split()) < 2:
            continue  # "Bộ Xây dựng", "Ban Quản lý …": the verb is the name's second word
        last = re.split(r"\s*[,;]\s*|\s+và\s+", head)[-1]
        if resolve_agency(head).known or resolve_agency(last).known:
            return head  # "Công an tỉnh Tổ chức …", "Sở Nông nghiệp và Môi trường Khẩn trương …"
        if _ENDS_BODY.search(head):
            return head
    return text[:end].rstrip(" ,;:-") if end < len(text) else text


def _protect(text: str, index: dict[str, Entry]) -> list[tuple[int, int]]:
    """Spans of text that are a gazetteer name or alias written out (they may hold ',' or 'và')."""
    spans: list[tuple[int, int]] = []
    low = text.lower()
    for first, pattern in _protected_patterns():
        if first in low:  # cheap necessary condition before the regex
            for m in pattern.finditer(low):
                if not any(a <= m.start() < b for a, b in spans):
                    spans.append((m.start(), m.end()))
    return spans


@functools.lru_cache(maxsize=1)
def _protected_patterns() -> list[tuple[str, "re.Pattern[str]"]]:
    """Gazetteer names that hold ',' 'và' '-' 'với' 'ủy' or a verb, compiled once, in gazetteer order."""
    out = []
    for e in load_gazetteer()[0]:
        for name in [e.canonical, *e.aliases]:
            if ("," in name or " và " in name or " - " in name or " với " in name or " ủy " in name.lower()
                    or _VERB_RE.search(name)):
                low = name.lower()
                pattern = re.escape(low).replace(r"\ ", r"\s+")
                if low.endswith(" tỉnh"):  # "Báo và Đài Phát thanh - Truyền hình Nghệ An": the province named
                    pattern = pattern[: -len("tỉnh")] + f"(?:tỉnh|{_ANY_PROVINCE_LOW})"
                out.append((low.split()[0] if low.split() else low, re.compile(pattern)))
    return out


def split_agencies(text: str) -> list[str]:
    """Split an owner phrase into single agency phrases (cleaned, not yet canonical)."""
    if not text or not text.strip():
        return []
    _, index = load_gazetteer()
    s = clean_agency(text)
    group = _GROUP_LIST.match(s)
    s = (s[: group.end()] + cut_purpose(s[group.end():])).rstrip(" ,;:-") if group else cut_purpose(s)
    s = re.sub(r"^(?:là|do|gồm|giao)\s+", "", s, flags=re.I)
    s = _TITLE.sub("", s)
    protected = sorted(_protect(s, index))
    # split on separators that are not inside a protected name
    pieces: list[tuple[str, str]] = []  # (separator before, piece)
    pos, sep = 0, ""
    for m in _SPLIT.finditer(s):
        if any(a <= m.start() < b for a, b in protected):
            continue
        pieces.append((sep, s[pos:m.start()]))
        sep, pos = m.group(0), m.end()
    pieces.append((sep, s[pos:]))
    out: list[str] = []
    for sep, piece in pieces:
        piece = piece.strip(" .,;:-–")
        if not piece:
            continue
        if out and re.match(r"^cấp\s+\w+", piece, re.I):
            head = re.match(r"^(.*?)\s*\bcấp\s+\w+", out[-1], re.I)
            if head and head.group(1):
                out.append(f"{head.group(1)} {piece}")  # "UBND cấp huyện, cấp xã"
                continue
        group_open = out and (out[-1].lower().startswith("các ") or _BARE_COLLECTIVE.match(out[-1]))
        known = _is_known(piece, index)
        if out and not known and sep.strip() == "," and _FIELD_LIST_HEAD.match(out[-1]) and not _is_known(out[-1], index) \
                and not _UNIT_HEAD.match(piece) and not any(f" {w}" in f" {piece.lower()}" for w in _LEVEL_WORDS):
            out[-1] = f"{out[-1]}, {piece}"  # "Phòng Bưu chính, Viễn thông và Công nghệ thông tin": one room's fields
            continue
        if out and not known and ((group_open and piece[:1].islower() and not piece.startswith("các ") and _COLLECTIVE.match(piece)) or not _HEAD_RE.match(piece)):
            joiner = sep.strip()
            out[-1] = f"{out[-1]}{joiner} {piece}" if joiner in (",", ";") else f"{out[-1]} {joiner} {piece}"
            continue
        out.append(piece)
    return [p[0].upper() + p[1:] if p[:1].islower() else p for p in out]


def _is_known(piece: str, index: dict[str, Entry]) -> bool:
    return _key(generic_name(piece)) in index


@functools.lru_cache(maxsize=4096)
def resolve_agency(name: str, central: bool = False) -> AgencyMatch:
    """Canonical name for one agency phrase: exact alias, else rapidfuzz match, else as written.

    ``central``: a central body's document, where a body named with its province ("UBND tỉnh
    Khánh Hòa", "Công an thành phố Đà Nẵng") is that province's, kept as written."""
    entries, index = load_gazetteer()
    written = clean_agency(name)
    if central and _BARE.search(written):
        return AgencyMatch(written, written[0].upper() + written[1:], 100.0, "local")
    generic = generic_name(written)
    key = _key(generic)
    if key not in index and key.endswith(" tỉnh") and key[: -len(" tỉnh")] in index:
        key = key[: -len(" tỉnh")]  # "Sở Tư pháp tỉnh Nghệ An" is the Sở Tư pháp
    if key in index:
        e = index[key]
        return AgencyMatch(written, e.canonical, 100.0, e.kind)
    if key.startswith("các "):  # group phrases are kept as written
        return AgencyMatch(written, generic[0].upper() + generic[1:], 0.0, "group")
    choices = list(index)
    best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
    if best and _close_kin(key, best[0]):
        e = index[best[0]]
        return AgencyMatch(written, e.canonical, float(best[1]), e.kind)
    return AgencyMatch(written, generic, 0.0, "unknown")


_LEVEL_WORDS = ("tỉnh", "huyện", "xã", "thị xã", "thành phố", "thị trấn", "phường")
# a unit whose name lists its fields ("Phòng Bưu chính, Viễn thông và …"), and the words that open another unit
_FIELD_LIST_HEAD = re.compile(r"^(?:phòng|ban|trung tâm|chi cục|cục|vụ)\s", re.I)
_UNIT_HEAD = re.compile(r"^(?:phòng|ban|sở|trung tâm|chi cục|cục|vụ|văn phòng|ủy ban|uỷ ban|ubnd|công an|bảo hiểm|ngân hàng|"
                        r"kho bạc|tòa án|viện|đài|báo|hội|đoàn|huyện đoàn|tỉnh đoàn|bệnh viện|trường|các|thanh tra)\b", re.I)


def _close_kin(key: str, alias: str) -> bool:
    """Whether a fuzzy match is the same body misspelt, not a sibling: the same head word
    (a "Phòng" is no "Sở"), the same level words (a "huyện" body is no "tỉnh" one) and at
    most two words that differ ("Ban Quản lý Khu kinh tế" is not "… các khu công nghiệp")."""
    a, b = key.split(), alias.split()
    if not a or not b or a[0] != b[0]:
        return False
    levels = lambda ws: {w for w in _LEVEL_WORDS if f" {w} " in f" {' '.join(ws)} "}  # noqa: E731
    return levels(a) == levels(b) and len(set(a) ^ set(b)) <= 2


def known_prefix(phrase: str) -> AgencyMatch | None:
    """The gazetteer agency a phrase starts with ("BHXH tỉnh đối soát dữ liệu" → Bảo hiểm xã hội tỉnh)."""
    _, index = load_gazetteer()
    key = _key(generic_name(clean_agency(phrase)))
    for k in sorted(index, key=len, reverse=True):
        if len(k) >= 4 and key.startswith(k + " "):
            e = index[k]
            return AgencyMatch(phrase, e.canonical, 100.0, e.kind)
    return None


_CITY_BODY = re.compile(r"\s+thành phố$", re.I)


def parse_agencies(text: str, city: bool = False, central: bool = False) -> list[AgencyMatch]:
    """Split an owner phrase and resolve each agency; duplicates are dropped, order kept.

    ``city``: the plan is a centrally-run city's, whose provincial-level bodies are written
    "… thành phố" ("Công an thành phố", "Bảo hiểm xã hội thành phố"): they are the "… tỉnh"
    bodies of the gazetteer (a group phrase, "Các sở, ban, ngành thành phố", stays as written)."""
    seen: set[str] = set()
    out: list[AgencyMatch] = []
    for piece in split_agencies(text):
        if city and not piece.lower().startswith("các "):
            piece = _CITY_BODY.sub(" tỉnh", piece)
        m = resolve_agency(piece, central)
        if m.name and m.name not in seen:
            seen.add(m.name)
            out.append(m)
    return out


def canonical_agencies(text: str, city: bool = False, central: bool = False) -> list[str]:
    """The canonical names of the agencies in an owner phrase."""
    return [m.name for m in parse_agencies(text, city, central)]


# a body named by its acronym alone ("VNMAC có trách nhiệm …", "EVN chủ trì …"): read as an owner only
# before a duty marker, where no topic stands ("CSDL", "TTHC" open no duty); never a Roman numeral
_ACRONYM = re.compile(r"^(?![IVXLC]+$)[A-ZĐ][A-ZĐ0-9&]{1,7}$")


def acronym_body(text: str) -> bool:
    return bool(_ACRONYM.match(text.strip()))


def looks_like_agency(text: str) -> bool:
    """True for a heading that names an agency (or a list of them) rather than a topic."""
    raw = re.sub(r"\s+", " ", _PAREN.sub(" ", text.replace("*", ""))).strip().rstrip(":")
    if cut_purpose(raw) != raw or re.match(r"(?:giao|đề nghị|yêu cầu)\s", raw, re.I):
        return False  # a duty sentence, not a name
    s = clean_agency(text).rstrip(":")
    if not s or _NOT_HEAD.match(s):
        return False
    if s.isupper() and len(s.split()) > 2:
        return False  # "TỔ CHỨC THỰC HIỆN" is a section title
    if cut_purpose(s) != s:
        return False
    pieces = split_agencies(s)
    if not pieces or len(_TITLE.sub("", s).split()) > max(25, 12 * len(pieces)):
        return False  # a list of seven agencies is long; one name of 30 words is a sentence
    return all(resolve_agency(p).known or _headed(p) or (p.lower().startswith("các ") and (_COLLECTIVE.match(p[4:]) or _headed(p[4:])))
               for p in pieces)


def _headed(p: str) -> bool:
    """Starts with the first word of a body's name ("Tổ đại biểu …", "chủ rừng"); "cấp", "cơ sở", "nhà"
    alone start topics as often ("cấp độ", "cơ sở dữ liệu", "nhà ở")."""
    first = p.split()[0] if p.split() else ""
    return bool(_HEAD_RE.match(p)) and not _NOT_HEAD.match(p) and not p.lower().startswith(("các", "cấp", "cơ sở", "nhà")) \
        and not (first.islower() and first in ("ca", "ub", "vp", "bch"))  # "các ca bệnh": the abbreviations are upper case
