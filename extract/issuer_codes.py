"""The issuing body a document's number names ("25/2025/NĐ-CP" → Chính phủ, "5642/CT-CS" → Cục Thuế).

A portal copy sometimes loses the header's left column, the issuing body's name; the number
still carries the body's code after the document type (vnplan/lang/vi/issuer_codes.tsv). A
leading type code ("NĐ", "QĐ", "CT" of a Chỉ thị) is skipped only when a body's code follows
it, so "5642/CT-CS" is Cục Thuế's letter, "12/CT-TTg" the Prime Minister's directive and
"05/CT-UBND" a province's (whose name the header gives: "-" in the table).
"""

from __future__ import annotations

import re
from typing import NamedTuple, Optional

from vnplan.lang import vocabulary


class CodedIssuer(NamedTuple):
    name: str
    central: bool


_CODES = {r["phrase"].upper(): CodedIssuer(r["issuer"], r["central"] == "yes") for r in vocabulary("issuer_codes")}


def issuer_from_number(number: Optional[str]) -> Optional[CodedIssuer]:
    """The body whose code the number holds after its last "/", else None."""
    if not number or "/" not in number:
        return None
    tokens = [re.sub(r"\d+$", "", t).upper() for t in number.rsplit("/", 1)[1].split("-") if t]
    for i, tok in enumerate(tokens):
        if tok in _CODES and not any(t in _CODES for t in tokens[i + 1:]):
            return _CODES[tok] if _CODES[tok].name != "-" else None  # "-": a local body, named by its header
    return None
