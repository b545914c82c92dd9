"""Plain-text files: which encoding, and the text in Unicode NFC.

Plans arrive as UTF-8 (with or without BOM), UTF-16 from Windows tools, Windows-1258
(whose tone marks are combining characters), and the legacy 8-bit encodings TCVN3
and VNI. Unicode encodings are recognised by BOM or byte pattern; the 8-bit ones by
decoding with each table and keeping the reading with the most valid Vietnamese
syllables (:mod:`ingest.syllables`). Binary data is refused with a one-line reason.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ingest.legacy import decode_tcvn3, decode_vni
from ingest.model import IngestError
from ingest.syllables import syllable_ratio, vietnamese_score

_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 26, 27))
_HIGH = bytes(range(0x80, 0x100))
_SAMPLE = 256_000  # candidates are scored on the first 256 kB
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return unicodedata.normalize("NFC", text)


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when zero bytes sit at one parity only (ASCII-heavy text)."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    sample = raw[:20000]
    even = sum(1 for b in sample[0::2] if b == 0)
    odd = sum(1 for b in sample[1::2] if b == 0)
    pairs = len(sample) // 2
    for zeros, other, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= 0.3 * pairs and other <= 0.02 * pairs:
            try:
                raw.decode(name)
            except UnicodeDecodeError:
                return None
            return name
    return None


def looks_binary(raw: bytes) -> bool:
    """NUL bytes or more than 1% other control bytes: not a text file."""
    sample = raw[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([c])) for c in _CONTROL)
    return controls > 0.01 * len(sample)


_MOJIBAKE = re.compile("[ÃÂÄÆÅá][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")


def _latin1_fallback(exc: UnicodeError):
    """Codec error handler: bytes cp1252 leaves undefined (0x81, 0x8D, ...) map one to one."""
    if isinstance(exc, UnicodeEncodeError):
        return exc.object[exc.start : exc.end].encode("latin-1"), exc.end
    return "".join(chr(b) for b in exc.object[exc.start : exc.end]), exc.end


codecs.register_error("vnplan-latin1", _latin1_fallback)


def _undo_double_utf8(text: str) -> str | None:
    """``Cá»™ng`` (UTF-8 bytes read as cp1252, saved as UTF-8 again) → ``Cộng``, or None."""
    if len(_MOJIBAKE.findall(text[:_SAMPLE])) < 3:
        return None
    try:
        fixed = text.encode("cp1252", errors="vnplan-latin1").decode("utf-8")
    except UnicodeError:
        return None
    return fixed if vietnamese_score(fixed[:_SAMPLE]) > vietnamese_score(text[:_SAMPLE]) else None


def decode_text(raw: bytes) -> tuple[str, str, list[str]]:
    """Return (NFC text, encoding name, warnings) or raise :class:`IngestError`."""
    warnings: list[str] = []
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                return _clean(raw[len(bom):].decode(name.replace("-sig", ""))), name, warnings
            except UnicodeDecodeError as exc:
                raise IngestError(f"damaged {name} text (byte {exc.start + len(bom)}: {exc.reason})") from None
    name = _utf16_without_bom(raw)
    if name:
        return _clean(raw.decode(name)), name, warnings
    if looks_binary(raw):
        raise IngestError("binary data: not text and not a known document format (PDF, image, .docx)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        fixed = _undo_double_utf8(text)
        if fixed is not None:
            warnings.append("text was UTF-8 encoded twice (read as Windows-1252 and saved again); repaired")
            return _clean(fixed), "utf-8 (double-encoded)", warnings
        return _clean(text), "utf-8", warnings
    high = len(raw) - len(raw.translate(None, _HIGH))
    utf8 = raw.decode("utf-8", errors="replace")
    bad = utf8.count("\ufffd")
    if bad <= 3 and bad <= 0.01 * high:
        warnings.append(f"{bad} byte sequence(s) not valid UTF-8 replaced by U+FFFD")
        return _clean(utf8), "utf-8", warnings
    return _decode_legacy(raw, high, warnings)


def _decode_legacy(raw: bytes, high: int, warnings: list[str]) -> tuple[str, str, list[str]]:
    decoders = {
        "cp1258": lambda b: _clean(b.decode("cp1258", errors="replace")),
        "tcvn3": lambda b: _clean(decode_tcvn3(b)[0]),
        "vni": lambda b: _clean(decode_vni(b)[0]),
    }
    sample = raw[:_SAMPLE]
    scored = sorted(((vietnamese_score(dec(sample)), name) for name, dec in decoders.items()), reverse=True)
    name = scored[0][1]
    text = decoders[name](raw)
    good, total = syllable_ratio(text[:_SAMPLE])
    if not total or good < 0.6 * total:
        if high > 0.3 * len(raw):
            raise IngestError("binary data or unknown text encoding (no Vietnamese reading found)")
        if total:
            warnings.append(f"encoding guessed as {name} with low certainty ({good}/{total} accented words are Vietnamese syllables)")
    return text, name, warnings


_VIET_UNICODE = set("ăĂđĐơƠưƯ") | {chr(c) for c in range(0x1EA0, 0x1EFA)} | {chr(c) for c in range(0x0300, 0x0324)}


def fix_legacy_font_text(text: str) -> tuple[str, str | None]:
    """Text extracted with a legacy font's byte codes (PDF/.docx) → (Unicode text, encoding or None).

    A PDF typeset with ``.VnTime`` (TCVN3) or ``VNI-Times`` fonts often carries the raw
    byte codes as Latin-1 characters (``Céng hoµ``). Only text without Vietnamese
    Unicode letters and with many Latin-1 letters is tried; a conversion is kept when
    it reads as better Vietnamese.
    """
    if not text or any(c in _VIET_UNICODE for c in text):
        return text, None
    latin = sum(1 for c in text if "\xa0" <= c <= "\xff")
    if latin < 0.02 * len(text):
        return text, None
    try:
        raw = text.replace("\u2212", "\xad").encode("cp1252")
    except UnicodeEncodeError:
        try:
            raw = text.replace("\u2212", "\xad").encode("latin-1")
        except UnicodeEncodeError:
            return text, None
    best, best_name, best_score = text, None, vietnamese_score(text)
    for name, decode in (("tcvn3", decode_tcvn3), ("vni", decode_vni)):
        candidate = _clean(decode(raw)[0])
        score = vietnamese_score(candidate)
        if score > best_score + 2:
            best, best_name, best_score = candidate, name, score
    return best, best_name
