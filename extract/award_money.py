"""Award money: whom an amount pays, and amounts stated apart from their quotas.

"… không quá 06 tập thể …, mức tiền thưởng 4.680.000 đồng/tập thể; không quá 10 cá nhân …,
mỗi cá nhân được thưởng 2.340.000 đồng": the words around an amount say which quota it
pays.  Plans also state the money in a sentence of its own after the quotas ("Kèm theo
Bằng khen, tập thể được thưởng 4.680.000 đồng/tập thể, cá nhân được thưởng 2.340.000
đồng/người"): it pays the quotas of that form read just before it, and is no award itself.
"""

from __future__ import annotations

import re
from typing import Optional

from extract.numbers import find_money, fold

_RECIPIENT_NOUNS = {"giai": None, "tap the": "tập thể", "don vi": "tập thể", "co quan": "tập thể", "ca nhan": "cá nhân",
                    "so": "tập thể",
                    "doanh nghiep": "tập thể", "xa": "tập thể", "huyen": "tập thể", "thon": "tập thể", "ho": "tập thể",
                    "cong chuc": "cá nhân", "vien chuc": "cá nhân", "can bo": "cá nhân", "nguoi": "cá nhân"}


def _recipient(unit: str) -> Optional[str]:
    return _RECIPIENT_NOUNS.get(fold(unit.split(",")[0].strip()))


def _for_others(before_money: str, unit: str) -> bool:
    """"…, mỗi tập thể được thưởng 5.000.000 đồng" names whom it pays: not the quota of cá nhân beside it."""
    m = re.search(r"\bmoi\s+(.*)$", before_money)
    named = next((n for n in _RECIPIENT_NOUNS if m and m.group(1).startswith(n + " ")), None)
    return named is not None and _RECIPIENT_NOUNS[named] != _recipient(unit)


_PAID_TO = re.compile(r"\s*(?:/|(?:cho\s+)?(?:moi|mot|01|1)\s+)\s*(\w+(?:\s+\w+)?)")


def _paid_to(after_money: str) -> Optional[str]:
    """Whom an amount pays when the words right after it say ("4.000.000 đồng/tập thể",
    "… đồng cho mỗi cá nhân"): tập thể, cá nhân, or None."""
    m = _PAID_TO.match(after_money)
    if not m:
        return None
    words = m.group(1)
    noun = next((n for n in _RECIPIENT_NOUNS if words == n or words.startswith(n + " ")), None)
    return _RECIPIENT_NOUNS[noun] if noun else None


def _each_unit_prize(text: str, folded: str, start: int, end: int, unit: str) -> list:
    """Money stated later in the sentence for each unit of this kind ("…; mỗi giải 5.000.000 đồng")."""
    stop = re.search(r"\.\s|$", folded[start:end]).start() + start
    noun = fold(unit.split(",")[0].strip())
    return [m for m in find_money(text[start:stop])
            if re.search(rf"\bmoi\s+{re.escape(noun)}\b", folded[max(start, start + m.start - 40): start + m.start])]



def pay_earlier_quotas(awards: list, text: str, folded: str, start: int, end: int, form: str) -> bool:
    """Give the amounts of ``text[start:end]`` to the quotas of ``form`` read before it that have
    none, each to the recipient its words name; True when the sentence was such a payment."""
    paid = False
    for money in find_money(text[start:end]):
        who = _paid_to(folded[start + money.end: start + money.end + 20])
        for award in reversed(awards[-8:]):
            if award.form == form and award.prize_vnd is None and award.max_count and who in (None, award.recipient):
                award.prize_vnd = int(money.value)
                paid = True
    return paid
