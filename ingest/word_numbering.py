"""Word's automatic numbering: the "1.", "1.2.", "a)", "II." a paragraph shows but its text lacks.

A plan typed with Word's numbered lists keeps its heading and item numbers in the
numbering part (``word/numbering.xml``), not in the paragraph: python-docx's
``paragraph.text`` is "Công an tỉnh chủ trì …" where the page shows "a) Công an tỉnh chủ
trì …".  Without the numbers the normalizer cannot see the heading hierarchy or the
items.  :class:`ListLabels` replays the numbering as Word does -- a counter per list and
level, deeper levels restarting when a shallower one moves on -- and gives each numbered
paragraph its label, formatted by its level's ``numFmt`` and ``lvlText``.
"""

from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """``n`` written in a Word number format (decimal, lowerLetter, upperRoman …)."""
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _val(el, tag: str) -> str | None:
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val") if child is not None else None


class ListLabels:
    """Labels of a document's numbered paragraphs, computed in reading order."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstractNumId -> ilvl -> (fmt, text, start)
        self.num_abstract: dict[str, str] = {}
        self.counters: dict[str, list] = {}
        try:
            root = document.part.numbering_part.element
        except (AttributeError, KeyError, NotImplementedError):
            return
        for ab in root.findall(W + "abstractNum"):
            lv = {}
            for level in ab.findall(W + "lvl"):
                start = _val(level, "start")
                lv[int(level.get(W + "ilvl", "0"))] = (_val(level, "numFmt") or "decimal", _val(level, "lvlText") or "",
                                                       int(start) if start and start.isdigit() else 1)
            self.levels[ab.get(W + "abstractNumId")] = lv
        for num in root.findall(W + "num"):
            self.num_abstract[num.get(W + "numId")] = _val(num, "abstractNumId")

    def _num_pr(self, paragraph):
        ppr = paragraph._p.pPr
        num_pr = ppr.numPr if ppr is not None else None
        style = paragraph.style
        while num_pr is None and style is not None:  # a list style ("List Number") numbers its paragraphs
            sppr = style.element.pPr
            num_pr = sppr.numPr if sppr is not None else None
            style = style.base_style
        return num_pr

    def label(self, paragraph) -> str:
        """The number Word shows before ``paragraph`` ("2.", "b)", "II."), "-" for a bullet, else ""."""
        num_pr = self._num_pr(paragraph)
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id = str(num_pr.numId.val)
        ilvl = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        abstract = self.num_abstract.get(num_id)
        levels = self.levels.get(abstract or "", {})
        if num_id == "0" or ilvl not in levels:
            return ""
        fmt, text, start = levels[ilvl]
        if fmt == "bullet":
            return "-"
        counts = self.counters.setdefault(abstract, [None] * 9)
        counts[ilvl] = start if counts[ilvl] is None else counts[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = None
        out = text
        for k in range(ilvl + 1):
            if f"%{k + 1}" in out:
                k_fmt, _t, k_start = levels.get(k, ("decimal", "", 1))
                out = out.replace(f"%{k + 1}", format_number(counts[k] if counts[k] is not None else k_start, k_fmt))
        return out.strip()
