"""Is this an administrative document at all? The gate before any item is extracted.

Researchers' batches hold more than plans: legal Q&A articles, news, encyclopedia pages
that quote a decision or talk about percentages. Their sentences look like targets and
duties, so the item extractors must not see them. An official document of a Vietnamese
state body is recognised by its *form* (Decree 30/2020/NĐ-CP), not its words: the
national motto, the "Số: N/…" line, a document-type heading (KẾ HOẠCH, QUYẾT ĐỊNH …) at
the top, and the closing block (TM./KT. role lines, "Nơi nhận:"). These cues are in
:mod:`normalize.patterns` (they survive lost diacritics) and are not keyed to any
province or document. Two of the four make a document; a page with fewer gets status
``not_a_plan`` and no items.

Measured on the development sets (README): all 411 official documents of
``shared/admin-text`` and all 50 gold documents show two or more; 99 of 100 pages of
``shared/not-plans`` show fewer.
"""

from __future__ import annotations

from normalize.model import NormalizedDocument
from normalize.patterns import (
    DOC_TYPE_LINE,
    DOC_TYPE_PREFIX,
    MOTTO,
    MOTTO_2,
    NUMBER_LINE,
    NUMBER_VALUE,
    RECIPIENTS,
    SIGN_PREFIX,
)
from normalize.text import fold

HEAD_LINES = 60  # the opening block sits in the first lines of the document proper
PREAMBLE_LINES = 200  # a portal page may put its own header (title, metadata table) before it
MIN_SIGNALS = 2

SIGNAL_NAMES = {
    "motto": "national motto",
    "number": "'Số: N/…' line",
    "doc_type": "document-type heading",
    "closing": "signature block or 'Nơi nhận'",
}


def form_signals(text: str) -> dict[str, bool]:
    """Which of the four formal cues of an official document ``text`` shows."""
    lines = [fold(x) for x in text.split("\n")]
    lines = [x for x in lines if x.strip()]
    head = lines[:HEAD_LINES]
    # where a portal header comes first, the opening block starts at the motto (a line of
    # its own, not a sentence that names the republic)
    motto_at = next((i for i, x in enumerate(lines[:PREAMBLE_LINES])
                     if len(x) < 80 and (MOTTO.search(x) or MOTTO_2.search(x))), None)
    if motto_at is not None and motto_at >= HEAD_LINES // 2:
        head = lines[motto_at - HEAD_LINES // 2: motto_at + HEAD_LINES]
    number = False
    for x in head:
        m = NUMBER_LINE.match(x)
        if m and NUMBER_VALUE.search(m.group(2)):
            number = True
            break
    tail = lines[len(lines) // 3:]
    return {
        "motto": any(MOTTO.search(x) or MOTTO_2.search(x) for x in head),
        "number": number,
        "doc_type": any(DOC_TYPE_LINE.match(x) or DOC_TYPE_PREFIX.match(x) for x in head),
        "closing": any(SIGN_PREFIX.match(x) or RECIPIENTS.match(x) for x in tail),
    }


def document_kind(ndoc: NormalizedDocument) -> tuple[bool, str]:
    """(is an administrative document, reason in words)."""
    sig = form_signals(ndoc.text)
    found = [SIGNAL_NAMES[k] for k, v in sig.items() if v]
    if len(found) >= MIN_SIGNALS:
        return True, "administrative document: " + ", ".join(found)
    missing = [SIGNAL_NAMES[k] for k, v in sig.items() if not v]
    return False, (
        f"not a plan: {len(found)} of the 4 marks of an official document "
        f"(found: {', '.join(found) or 'none'}; missing: {', '.join(missing)})"
    )
