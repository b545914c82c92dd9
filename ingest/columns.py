"""Two-column blocks of a PDF text layer, read one column after the other.

Vietnamese administrative documents set their header ("ỦY BAN NHÂN DÂN / Số: …" beside
"CỘNG HÒA … / <Nơi>, ngày …") and their signature block ("Nơi nhận: / - …" beside "TM.
ỦY BAN NHÂN DÂN / CHỦ TỊCH / <name>") as two borderless columns. A PDF text layer has
no columns: words at the same height form one line, so "- Lưu: VT, NC. Lê Văn Dũng"
glues a recipient to the signer's name and the role lines no longer stand alone.

Within a line, a horizontal gap far wider than any word space (several font sizes)
separates columns; justified prose never has one. A run of such split lines, together
with the lines after it that lie wholly on one side of the split in the run's font size
(a column longer than the other, at the run's leading; the signer's name below a
blank), is written as the left column's lines followed by the right column's. Everything else keeps the layer's own line order.

    lines = page.extract_text_lines(return_chars=True)
    blocks = column_blocks(lines)   # [(top, text)], ready to be merged with tables by top
"""

from __future__ import annotations

_GAP_FONT_SIZES = 3.0  # a gap wider than this many font sizes splits columns
_MIN_GAP_PT = 30.0
_RUN_LEADING = 3.0  # the signer's name may stand this many line heights (x2) below the run


def segments(line: dict) -> list[tuple[float, float, str]]:
    """(x0, x1, text) pieces of one text line, cut at gaps wider than a few font sizes."""
    chars = [c for c in line.get("chars") or [] if c.get("text", "").strip()]
    if not chars:
        return [(line.get("x0", 0.0), line.get("x1", 0.0), line.get("text", ""))]
    pieces: list[list[dict]] = [[chars[0]]]
    for prev, ch in zip(chars, chars[1:]):
        size = max(prev.get("size") or 0.0, ch.get("size") or 0.0, 1.0)
        if ch["x0"] - prev["x1"] > max(_GAP_FONT_SIZES * size, _MIN_GAP_PT):
            pieces.append([ch])
        else:
            pieces[-1].append(ch)
    if len(pieces) == 1:
        return [(line["x0"], line["x1"], line["text"])]
    out = []
    for piece in pieces:
        text, last = "", None
        for c in piece:
            if last is not None and c["x0"] - last["x1"] > 0.15 * (c.get("size") or 10.0):
                text += " "
            text += c["text"]
            last = c
        out.append((piece[0]["x0"], piece[-1]["x1"], text))
    return out


def _size(line: dict) -> float:
    sizes = [c.get("size") or 0.0 for c in line.get("chars") or [] if c.get("text", "").strip()]
    return max(set(sizes), key=sizes.count) if sizes else 0.0


def column_blocks(lines: list[dict]) -> list[tuple[float, str]]:
    """(top, text) blocks of a page's text lines, two-column runs written column by column."""
    segs = [segments(ln) for ln in lines]
    out: list[tuple[float, str]] = []
    i = 0
    while i < len(lines):
        if len(segs[i]) != 2 or segs[i][0][1] >= segs[i][1][0]:
            out.append((lines[i]["top"], lines[i]["text"]))
            i += 1
            continue
        split, size, height = segs[i][1][0], _size(lines[i]), max(lines[i]["bottom"] - lines[i]["top"], 1.0)
        left, right = [segs[i][0][2]], [segs[i][1][2]]
        leading = 0.0  # the widest gap between two split lines of the run
        j, last_bottom = i + 1, lines[i]["bottom"]
        while j < len(lines):
            s, gap = segs[j], lines[j]["top"] - last_bottom
            if len(s) == 2 and s[0][1] < s[1][0]:
                split = min(split, s[1][0])
                left.append(s[0][2])
                right.append(s[1][2])
                leading = max(leading, gap)
            else:
                # a column longer than the other goes on at the run's leading and size; the
                # signer's name stands lower, below the space left for the signature
                side = _one_side(s, split)
                near = gap <= max(leading, 0.3 * height) + 1.0 if side == "left" else gap <= _RUN_LEADING * 2 * height
                if side is None or not near or abs(_size(lines[j]) - size) > 0.6:
                    break
                (left if side == "left" else right).append(s[0][2])
            last_bottom = lines[j]["bottom"]
            j += 1
        out.append((lines[i]["top"], "\n".join(left + right)))
        i = j
    return out


def _one_side(seg: list[tuple[float, float, str]], split: float) -> str | None:
    """"left" or "right" for a one-piece line wholly on one side of ``split``, else None."""
    if len(seg) != 1:
        return None
    x0, x1, _ = seg[0]
    if x1 <= split - 4:
        return "left"
    if x0 >= split - 4:
        return "right"
    return None
