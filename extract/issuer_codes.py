"""The issuing body a document's number names ("25/2025/NĐ-CP" → Chính phủ, "5642/CT-CS" → Cục Thuế).

A portal copy sometimes loses the header's left column, the issuing body's name; the number
still carries the body's code after the document type (vnplan/lang/vi/issuer_codes.tsv). The
last body code wins ("12/CT-TTg": a Chỉ thị of the Prime Minister); a code written with its
unit ("CT-CS", Cục Thuế's policy unit) is matched whole, since "CT" alone is a Chỉ thị's type
("01/CT-SYT" names no body the table knows); "05/CT-UBND" is a province's, whose name the
header gives ("-" in the table).
"""

from __future__ import annotations

import re
from typing import NamedTuple, Optional

from vnplan.lang import vocabulary


class CodedIssuer(NamedTuple):
    name: str
    central: bool


_CODES = {r["phrase"].upper(): CodedIssuer(r["issuer"], r["central"] == "yes") for r in vocabulary("issuer_codes")}
_RUNS = [c for c in _CODES if "-" in c]


def issuer_from_number(number: Optional[str]) -> Optional[CodedIssuer]:
    """The body whose code the number holds after its last "/", else None."""
    if not number or "/" not in number:
        return None
    tokens = [re.sub(r"\d+$", "", t).upper() for t in number.rsplit("/", 1)[1].split("-") if t]
    joined = "-" + "-".join(tokens) + "-"
    for code in _RUNS:  # "CT-CS": a body's code with its unit
        if f"-{code}-" in joined:
            return _CODES[code]
    for i, tok in enumerate(tokens):
        if tok in _CODES and not any(t in _CODES for t in tokens[i + 1:]):
            return _CODES[tok] if _CODES[tok].name != "-" else None  # "-": a local body, named by its header
    return None
