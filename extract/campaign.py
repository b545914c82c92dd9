"""Campaign period and milestones, and the time phrases other extractors look for.

An emulation plan (phát động phong trào thi đua) states when the campaign runs
("Thời gian phát động phong trào thi đua: Từ nay đến hết ngày 30/11/2023",
"Thời gian thi đua bắt đầu từ … đến hết ngày 31 tháng 12 năm 2023", phases
"Giai đoạn 1: Từ năm 2022 đến năm 2025") and when it is reviewed (sơ kết, tổng kết).
Implementation plans without a campaign get None. The date words themselves are read
by ``extract.deadlines.parse_deadline``; this module finds which words to give it.
``find_deadline_phrase`` (used by targets) finds the deadline words inside a sentence.
Patterns run on accent-folded text so OCR'd text without diacritics is read too.
"""

from __future__ import annotations

import collections
import re
from typing import Optional

from extract.deadlines import parse_deadline
from extract.evidence import evidence_for
from extract.levels import heading_depth
from extract.numbers import fold
from normalize.model import NormalizedDocument
from vnplan.schema import Campaign, Deadline, Milestone, Period

# ---------------------------------------------------------------- time phrases

_DATEISH = (
    r"(?:ngay\s*)?\d{1,2}\s*(?:/|thang)\s*\d{1,2}\s*(?:/|nam)\s*(?:19|20)\d\d"
    r"|thang\s*\d{1,2}\s*(?:/|nam)\s*(?:19|20)\d\d\d?"
    r"|quy\s*(?:iv|i{1,3}|[1-4])\s*(?:/|nam)\s*(?:19|20)\d\d"
    r"|nam\s*(?:19|20)\d\d"
)
_DEADLINE_PHRASE = re.compile(
    rf"(?:(?:hoan thanh|xong|thuc hien)\s+)?(?:trong|truoc|den het|den cuoi|den|toi|chem nhat|cham nhat|vao|du kien(?:\s+vao)?(?:\s+(?:dau|giua|cuoi))?)\s+(?:{_DATEISH})"
)

_TIME_WORDS = {  # folded → with diacritics, for OCR'd phrases without accents
    "ngay": "ngày", "thang": "tháng", "nam": "năm", "quy": "quý", "tu": "từ", "tir": "từ",
    "den": "đến", "het": "hết", "truoc": "trước", "trong": "trong", "giai": "giai", "doan": "đoạn",
}


def _retone(phrase: str) -> str:
    """Put diacritics back on the time words of a phrase OCR'd without them
    ("den het ngay 31 thang 12 nam 2023"); phrases that have them are kept."""
    if re.search(r"\b(?:ngày|tháng|năm|quý|đến|từ)\b", phrase.lower()):
        return phrase
    return re.sub(r"\w+", lambda m: _TIME_WORDS.get(fold(m.group(0)), m.group(0)), phrase)


def find_deadline_phrase(sentence: str) -> Optional[str]:
    """The words of a deadline inside a sentence ("hoàn thành trong tháng 6/2023",
    "đến năm 2025", "trước ngày 15/12/2023"), or None. "từ ngày …" alone is a start,
    not a deadline, and is not returned."""
    f = fold(sentence)
    m = _DEADLINE_PHRASE.search(f)
    if not m:
        return None
    return sentence[m.start(): m.end()]


def to_deadline(phrase: str, warnings: list[str], default_year: Optional[int] = None) -> Optional[Deadline]:
    d, w = parse_deadline(_retone(phrase), default_year)
    warnings.extend(w)
    if d is not None:
        d.text = phrase
    return d


_TIME_LINE = re.compile(r"^\W*Thời gian (?:hoàn thành|thực hiện)[^:\n]{0,20}:\s*([^\n]+)", re.IGNORECASE)


def block_deadline(ndoc: NormalizedDocument, le: int) -> Optional[str]:
    """"Thời gian hoàn thành: …" closing the block of lines after ``le`` (task-style
    plans): the following lines are scanned until the next numbered heading."""
    text = ndoc.text
    pos = le + 1
    for _ in range(10):
        if pos >= len(text):
            return None
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        m = _TIME_LINE.match(line)
        if m:
            return m.group(1).strip()
        if heading_depth(line) is not None:
            return None
        pos = end + 1
    return None


def plan_year(ndoc: NormalizedDocument) -> Optional[int]:
    """The plan's year: the issue date in the header, else the commonest year of the text."""
    f = fold(ndoc.text[:4000])
    m = re.search(r"ngay\s*\d{1,2}\s*\n?\s*thang\s*\d{1,2}\s*nam\s*((?:19|20)\d\d)", f)
    if m:
        return int(m.group(1))
    years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", ndoc.text)
    if years:
        return int(collections.Counter(years).most_common(1)[0][0])
    return None


# ---------------------------------------------------------------- campaign

_PERIOD_LINE = re.compile(
    r"thoi gian\s+(?:to chuc\s+)?(?:phat dong\s+)?(?:phong trao\s+)?(?:thi dua|phat dong)\b"
    r"(?:[^:\n.]{0,40}?:\s*|\s+(?=(?:\w+\s+){0,2}(?:tu|tir|ke tu)\s))"
    r"|thi dua\s+(?:duoc\s+)?(?:phat dong|trien khai|to chuc|thuc hien)\s+(?=tu\s+(?:ngay|thang)\s)"
)
# "II. THỜI GIAN THI ĐUA" as a heading of its own: the period is the sentence below it
_PERIOD_HEADING = re.compile(r"(?m)thoi gian\s+(?:to chuc\s+)?(?:phat dong\s+)?(?:phong trao\s+)?thi dua[ \t]*$")
_PHASE = re.compile(r"giai doan\s*(\d+|i{1,3}|iv)\s*[:.)-]?\s*(tu\s+nam\s+(?:19|20)\d\d\s+den\s+nam\s+(?:19|20)\d\d)")
_MILESTONE_LINE = re.compile(
    r"(?:thoi gian\s+(?:to chuc\s+)?)(so ket|tong ket)[^:\n]{0,40}:\s*"
)
_MILESTONE_INLINE = re.compile(
    rf"(?:to chuc\s+)?(so ket|tong ket)\b(?:(?!so ket|tong ket)[^.;]){{0,80}}?((?:trong|vao|dip|du kien|truoc)\s+(?:(?:dau|giua|cuoi)\s+)?(?:{_DATEISH}))"
)
_CAMPAIGN_DOC = re.compile(r"phong trao thi dua|phat dong thi dua|dot thi dua|thi dua\s+(?:dac biet|chuyen de)")


def _line_end(text: str, pos: int) -> int:
    e = text.find("\n", pos)
    return len(text) if e < 0 else e


def _sentence_end(text: str, pos: int) -> int:
    e = _line_end(text, pos)
    m = re.search(r"\.\s|;", text[pos:e])
    return pos + m.start() if m else e


def extract_campaign(ndoc: NormalizedDocument) -> Optional[Campaign]:
    text = ndoc.text
    f = fold(text)
    if not _CAMPAIGN_DOC.search(f[:6000]):
        return None
    year = plan_year(ndoc)
    period: Optional[Period] = None
    warnings: list[str] = []

    m = _PERIOD_LINE.search(f) or _PERIOD_HEADING.search(f)
    if m:
        end = _sentence_end(text, m.end())
        words = text[m.end(): end].strip(" .;")
        if not re.search(r"\d", words):  # the dates are on the next line
            end = _sentence_end(text, _line_end(text, m.end()) + 1)
            words = text[m.end(): end].strip(" .;")
        d = to_deadline(words, warnings, year)
        if d is not None and (d.end or d.start):
            period = Period(start=d.start, end=d.end, text=_ws(words))
            period.evidence = evidence_for(ndoc, m.start(), end)  # type: ignore[attr-defined]
    if period is None:
        phases = list(_PHASE.finditer(f))
        if phases:
            starts, ends, texts = [], [], []
            for p in phases:
                d = to_deadline(text[p.start(2): p.end(2)], warnings, year)
                if d:
                    starts.append(d.start)
                    ends.append(d.end)
                texts.append(_ws(text[p.start(): p.end()]))
            if any(ends):
                # the campaign runs over its first phase; later phases are kept for reference
                first = phases[0]
                period = Period(start=starts[0] if starts else None, end=ends[0] if ends else None, text=texts[0])
                period.phases = texts  # type: ignore[attr-defined]
                period.evidence = evidence_for(ndoc, first.start(), first.end(), widen=False)  # type: ignore[attr-defined]

    milestones: list[Milestone] = []
    seen: set[str] = set()
    for m in _MILESTONE_LINE.finditer(f):
        end = _sentence_end(text, m.end())
        words = text[m.end(): end].strip(" .;")
        d = to_deadline(words, warnings, year)
        name = text[m.start(1): m.end(1)].lower()
        ms = Milestone(name=_name(name), text=_ws(words), end=d.end if d else None, start=d.start if d else None)
        ms.evidence = evidence_for(ndoc, m.start(), end)  # type: ignore[attr-defined]
        milestones.append(ms)
        seen.add(ms.name + (ms.end or ""))
    for m in _MILESTONE_INLINE.finditer(f):
        words = text[m.start(2): m.end(2)]
        d = to_deadline(words, warnings, year)
        name = _name(text[m.start(1): m.end(1)].lower())
        if d is None or not d.end or name + d.end in seen:
            continue
        ms = Milestone(name=name, text=_ws(words), end=d.end, start=d.start)
        ms.evidence = evidence_for(ndoc, m.start(), m.end())  # type: ignore[attr-defined]
        milestones.append(ms)
        seen.add(name + d.end)
    if period is None and not milestones:
        return None
    c = Campaign(period=period, milestones=milestones)
    if warnings:
        c.warnings = warnings  # type: ignore[attr-defined]
    return c


def _name(folded: str) -> str:
    return "sơ kết" if folded.startswith("so") or folded.startswith("sơ") else "tổng kết"


def _ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()
