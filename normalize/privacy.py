"""Mask private contact data before the text is saved or shown.

Plans sometimes name a clerk with a personal e-mail address and mobile number ("gửi bản
mềm qua Email: …@gmail.com, SĐT: 09…"). The normalized text is written to disk and
shown to reviewers, so these are replaced by ``[email]`` / ``[phone]`` with a warning.
Addresses on official domains (``.gov.vn`` and the like) and landline numbers of
offices (``02xx``) are public contact points and are left alone.
"""

from __future__ import annotations

import re

from normalize.draft import Draft, stage

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@(?P<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
OFFICIAL_DOMAIN = re.compile(r"\.(gov|edu|org|mil)\.vn$|\.gov$|\.int$", re.I)
# Vietnamese mobile numbers: 03x/05x/07x/08x/09x + 7 digits, with optional separators or +84
MOBILE = re.compile(r"(?<![\d/.,])(?:\+?84[\s.-]?|0)(?:3|5|7|8|9)\d(?:[\s.-]?\d){7}(?![\d/])")


def mask_contacts(text: str) -> tuple[str, list[str]]:
    """Return ``text`` with private e-mails and mobile numbers masked, and what was masked."""
    found: list[str] = []

    def _email(m: re.Match) -> str:
        if OFFICIAL_DOMAIN.search(m.group("domain")):
            return m.group(0)
        found.append("email")
        return "[email]"

    def _phone(m: re.Match) -> str:
        found.append("phone")
        return "[phone]"

    text = EMAIL.sub(_email, text)
    text = MOBILE.sub(_phone, text)
    return text, found


@stage("privacy")
def privacy(draft: Draft) -> None:
    for ln in draft.lines:
        if ln.kind == "blank" or not any(ch.isdigit() or ch == "@" for ch in ln.text):
            continue
        new, found = mask_contacts(ln.text)
        if found:
            ln.text = new
            for kind in found:
                what = "private e-mail address" if kind == "email" else "mobile phone number"
                draft.warnings.append(f"masked a {what} as [{kind}] (input line {ln.src})")
