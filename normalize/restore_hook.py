"""Call the diacritic restorer (``normalize.diacritics``) on text that lost its accents.

Restoration is a separate component (issue 3); this stage only hands it the cleaned
document, line for line, and takes back text with the same line structure. When the
component is not installed, or fails, the text goes on unrestored with a warning, so
normalization never depends on it. The stage runs after boundary detection (no point
restoring portal chrome) and before paragraphs are joined and sections parsed.
"""

from __future__ import annotations

import importlib

from normalize.draft import Draft, stage
from normalize.text import nfc


def _restorer():
    try:
        module = importlib.import_module("normalize.diacritics")
    except ImportError:
        return None
    return getattr(module, "restore_if_needed", None)


@stage("restore")
def restore(draft: Draft) -> None:
    if not draft.options.get("restore", True):
        return
    fn = _restorer()
    if fn is None or not draft.lines:
        return
    text = "\n".join(ln.text for ln in draft.lines)
    # the opening block as read, so the document block can check what restoration changed in it
    draft.header["opening_unrestored"] = "\n".join(ln.text for ln in draft.lines[:40] if ln.text.strip())
    try:
        res = fn(text)
    except Exception as exc:  # the restorer is optional; a failure must not lose the document
        draft.warnings.append(f"diacritic restoration failed, text left as read: {type(exc).__name__}: {exc}")
        return
    new = str(res.text).split("\n")
    if len(new) != len(draft.lines):
        draft.warnings.append(
            f"diacritic restoration changed the line count ({len(draft.lines)} -> {len(new)}); text left as read"
        )
        return
    for ln, t in zip(draft.lines, new):
        t = nfc(t).rstrip()
        if t != ln.text:
            ln.text = t
            ln.breaks = [(min(p, len(t)), pg) for p, pg in ln.breaks]
    draft.diacritics_restored = bool(getattr(res, "restored", False))
    if not draft.diacritics_restored:
        draft.header.pop("opening_unrestored", None)
    draft.warnings.extend(getattr(res, "warnings", []) or [])
