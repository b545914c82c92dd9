"""A target's unit in the output contract's terms: `%`, `count`, `VND`, `points`, or a measure.

The readers of targets keep the words that follow a number ("05 mô hình", "1.700 ha",
"20 tỷ đồng"). The contract (shared SCHEMA.md, "Units") wants counted things as `count`
with their noun in `unit_text`, money in `VND` (the value in đồng), points as `points`,
and measures as written. The words are in vnplan/lang/vi/units.tsv (with the measures of
count_nouns.tsv); whatever is neither money, points nor a measure is a counted noun.
"""

from __future__ import annotations

import functools
import re
from typing import Optional

from vnplan.lang import vocabulary


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, float]]:
    table = {r["phrase"].lower(): (r["unit"], float(r["factor"] or 1)) for r in vocabulary("units")}
    for r in vocabulary("count_nouns"):
        if r["kind"] == "measure":
            table.setdefault(r["phrase"].lower(), ("=", 1.0))
    return table


# "điểm" scores an index ("Chỉ số PAR INDEX đạt 90 điểm"); elsewhere it counts places ("05 điểm đến")
_INDEX = re.compile(r"\b(?:chỉ số|điểm số|index|xếp hạng|điểm đánh giá)\b", re.I)


def normalize_unit(words: Optional[str], metric: str = "") -> tuple[str, Optional[str], float]:
    """(unit, unit_text, factor) for the words after a number: "mô hình" → ("count", "mô hình", 1),
    "tỷ đồng" → ("VND", "tỷ đồng", 1e9), "ha" → ("ha", None, 1), "%" → ("%", None, 1)."""
    raw = " ".join((words or "").split())
    if not raw:
        return "count", None, 1.0
    if raw.lower() == "điểm":
        return ("points" if _INDEX.search(metric) else "count"), raw, 1.0
    unit, factor = _table().get(raw.lower(), (None, 1.0))
    if unit is None and _table().get(raw.split()[0].lower(), (None,))[0] == "=":
        unit = "="  # "lần GRDP": a measure with its words
    if unit == "=" or (unit is None and "/" in raw):
        return raw, None, factor  # a measure or a rate, as written
    if unit in ("%", "count"):
        return unit, None, factor
    if unit is not None:
        return unit, raw, factor  # VND, points: the words kept beside the unit
    return "count", raw, 1.0
