"""The English-OCR channel: P(what tesseract -l eng printed | the Vietnamese syllable).

Learned from (clean, OCR) page pairs made by :mod:`ocrsynth`: lines and then tokens are
aligned, giving token-level counts (``"ngudi"`` was ``"người"`` n times) and
character-level counts (``ố`` printed as ``6``, ``ệ`` as ``¢``, ``đ`` as ``d``, letters
dropped or added).  For a damaged token the channel proposes candidates from the token
table, from the candidate map under a learned character mapping, and from near keys
(rapidfuzz), each scored with the character model.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from normalize.diacritics.syllables import MARKED_CHARS, TONELESS, TOKEN_RE, strip_marks

# candidates kept per OCR token: 8 -> 16 gave +0.25 point held out (the right syllable is
# often not among the channel's first few: 'tang' for tặng); 24 gave +0.01 more at 25% more time
MAX_OCR_CANDS = 16
_VOWEL = re.compile("[aeiouy]")
JUNK_FOR_MARKED = -5.0  # floor for unseen (marked vowel -> digit/symbol) emissions


def _monotone_align(a: list[str], b: list[str], gap: float) -> list[tuple[int, int]]:
    """(i, j) index pairs of a monotone alignment of ``a`` and ``b`` (substitution cost:
    normalized edit distance, skipping an item costs ``gap``), in order."""
    n, m = len(a), len(b)
    dp = [[0.0] * (m + 1) for _ in range(n + 1)]
    bt = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        dp[i][0], bt[i][0] = i * gap, 1
    for j in range(1, m + 1):
        dp[0][j], bt[0][j] = j * gap, 2
    for i in range(1, n + 1):
        ai = a[i - 1]
        for j in range(1, m + 1):
            sub = dp[i - 1][j - 1] + Levenshtein.normalized_distance(ai, b[j - 1])
            up, left = dp[i - 1][j] + gap, dp[i][j - 1] + gap
            dp[i][j], bt[i][j] = min((sub, 0), (up, 1), (left, 2))
    pairs, i, j = [], n, m
    while i > 0 and j > 0:
        if bt[i][j] == 0:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif bt[i][j] == 1:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def _pair_lines(clean: list[str], ocr: list[str]) -> list[tuple[str, str]]:
    if len(clean) == len(ocr):
        return list(zip(clean, ocr))
    a = [strip_marks(x.lower()) for x in clean]
    b = [x.lower() for x in ocr]
    return [(clean[i], ocr[j]) for i, j in _monotone_align(a, b, 0.8)
            if Levenshtein.normalized_distance(a[i], b[j]) < 0.5]


def align_tokens(clean: list[str], ocr: list[str]) -> list[tuple[str, str]]:
    """1-1 token pairs (clean, ocr) from a monotone alignment with similarity costs."""
    a = [strip_marks(x.lower()) for x in clean]
    b = [strip_marks(x.lower()) for x in ocr]
    pairs = _monotone_align(a, b, 0.75)
    close = [Levenshtein.distance(a[i], b[j]) <= min(2, len(a[i]) - (len(a[i]) > 1)) for i, j in pairs]
    out = []
    for k, (i, j) in enumerate(pairs):
        if close[k] or _anchored(pairs, close, k, len(a), len(b)):
            out.append((clean[i], ocr[j]))
    return out


def _anchored(pairs, close, k: int, n: int, m: int) -> bool:
    """A dissimilar pair (``lệ`` read as ``16``) counts when its neighbours on both sides
    are close pairs (or the line's edges) with no token skipped: the position says what
    the damaged token was, even where its letters do not."""
    i, j = pairs[k]
    left = (i == 0 and j == 0) or (k > 0 and close[k - 1] and pairs[k - 1] == (i - 1, j - 1))
    right = (i == n - 1 and j == m - 1) or (k + 1 < len(pairs) and close[k + 1] and pairs[k + 1] == (i + 1, j + 1))
    return left and right


def emissions(clean: str, ocr: str) -> list[tuple[str, str]]:
    """What each clean character became in the OCR string: [(clean char, ocr string)].

    From a Levenshtein alignment; an inserted OCR character is attached to the neighbouring
    substituted character when there is one (``ữ`` -> ``ir`` in ``dữ``/``dir``), else to the
    previous character; a deleted character emits ``""``.
    """
    units: list[list[str]] = []  # [clean char, ocr string, kind]
    pending = ""
    i = j = 0
    for op in Levenshtein.editops(clean, ocr):
        while i < op.src_pos and j < op.dest_pos:
            units.append([clean[i], pending + ocr[j], "="])
            pending = ""
            i += 1
            j += 1
        if op.tag == "replace":
            units.append([clean[i], pending + ocr[j], "r"])
            pending = ""
            i += 1
            j += 1
        elif op.tag == "delete":
            units.append([clean[i], pending, "d"])
            pending = ""
            i += 1
        else:
            o = ocr[j]
            j += 1
            if units and units[-1][2] == "r":
                units[-1][1] += o
            elif i < len(clean) and (units == [] or units[-1][2] != "r"):
                pending += o
            elif units:
                units[-1][1] += o
    while i < len(clean) and j < len(ocr):
        units.append([clean[i], pending + ocr[j], "="])
        pending = ""
        i += 1
        j += 1
    while i < len(clean):
        units.append([clean[i], pending, "d"])
        pending = ""
        i += 1
    if pending or j < len(ocr):
        rest = pending + ocr[j:]
        if units:
            units[-1][1] += rest
    return [(u[0], u[1]) for u in units]


def token_pairs(pages: list[dict]) -> list[tuple[str, str]]:
    out = []
    for page in pages:
        clean = [ln for ln in page["clean"].splitlines() if ln.strip()]
        ocr = [ln for ln in page["ocr"].splitlines() if ln.strip()]
        for c_line, o_line in _pair_lines(clean, ocr):
            out.extend(align_tokens(TOKEN_RE.findall(c_line), TOKEN_RE.findall(o_line)))
    return out


POOL_LIMIT = 48  # candidates scored by character alignment per OCR token (of a pool of ~270)
PRE_EDIT_COST = 4.0  # log-prior points one edit of the mark-less form costs in that ranking


class OcrChannel:
    def __init__(self) -> None:
        self.table: dict[str, dict[str, int]] = {}
        self.clean_count: dict[str, int] = {}
        self.emit: dict[tuple[str, str], float] = {}  # log P(ocr string | clean char)
        self.charmap: dict[str, str] = {}  # ocr char -> most likely clean base letter
        self.keys: list[str] = []
        self.rev: dict[str, list[str]] = {}
        self.false_title: set[str] = set()
        self.prefixes: set[str] = set()
        self.emit_backoff: dict[tuple[str, str, str], float] = {}
        self.default_sub = math.log(1e-4)

    @classmethod
    def train(cls, pages: list[dict], cands: dict[str, list[str]]) -> "OcrChannel":
        ch = cls()
        table: dict[str, Counter] = defaultdict(Counter)
        ccount: Counter = Counter()
        emit: Counter = Counter()
        cchar: Counter = Counter()
        title_lower: Counter = Counter()
        title_total: Counter = Counter()
        for c, o in token_pairs(pages):
            if o[:1].isupper() and o[1:].islower():
                title_total[o.lower()] += 1
                title_lower[o.lower()] += c.islower()
            c, o = c.lower(), o.lower()
            table[o][c] += 1
            ccount[c] += 1
            cchar.update(c)
            for a, b in emissions(c, o):
                emit[(a, b)] += 1
        ch.table = {o: dict(cs) for o, cs in table.items()}
        # tokens that tesseract capitalizes although they are lower case (An for án)
        ch.false_title = {o for o, n in title_total.items() if n >= 3 and title_lower[o] / n > 0.6}
        ch.clean_count = dict(ccount)
        for (c, o), n in emit.items():
            ch.emit[(c, o)] = math.log(n / (cchar[c] + 1.0))
        # back-off: the same letter without tone (ữ -> ư), then without any mark (ữ -> u)
        for level, fn in (("t", lambda x: TONELESS.get(x, x)), ("b", strip_marks)):
            agg: Counter = Counter()
            tot: Counter = Counter()
            for (c, o), n in emit.items():
                agg[(fn(c), o)] += n
            for c, n in cchar.items():
                tot[fn(c)] += n
            for (c, o), n in agg.items():
                ch.emit_backoff[(level, c, o)] = math.log(n / (tot[c] + 1.0)) - 1.0
        sub = Counter({(c, o): n for (c, o), n in emit.items() if len(o) == 1 and o != c})
        best: dict[str, tuple[float, str]] = {}
        for (c, o), n in sub.items():
            base = strip_marks(c)
            if o != base and (o not in best or n > best[o][0]):
                best[o] = (n, base)
        ch.charmap = {o: b for o, (_n, b) in best.items() if not ("a" <= o <= "z")}
        ch.keys = sorted(cands)
        rev: dict[str, Counter] = defaultdict(Counter)
        for (c, o), n in emit.items():
            if o and n >= 2:
                rev[o][strip_marks(c)] += n
        ch.rev = {o: [b for b, _n in cs.most_common(5)] for o, cs in rev.items()}
        ch.prefixes = {k[:i] for k in cands for i in range(len(k) + 1)}
        return ch

    def generate_keys(self, ocr: str, max_states: int = 64) -> list[str]:
        """Mark-less keys the OCR string could come from, reading it back through the
        learned emissions (``ir`` may be ``u``, ``6`` may be ``o``, ``1`` may be ``l``).

        At most ``max_states`` partial keys are kept per position, so which ones survive
        depends on the order they are made in: the states are insertion-ordered dicts (a
        set of str would iterate in an order that changes with PYTHONHASHSEED), filled in
        the order of the emissions' frequency, so the result is the same in every run."""
        states: dict[int, dict[str, None]] = {0: {"": None}}
        n = len(ocr)
        prefixes = self.prefixes
        for pos in range(n):
            keys = states.pop(pos, None)
            if not keys:
                continue
            for length in (1, 2):
                if pos + length > n:
                    break
                o = ocr[pos : pos + length]
                opts = list(self.rev.get(o, ()))
                if length == 1 and "a" <= o <= "z" and o not in opts:
                    opts.append(o)
                if not opts:
                    continue
                bucket = states.setdefault(pos + length, {})
                for k in keys:
                    for b in opts:
                        nk = k + b
                        if nk in prefixes and len(bucket) < max_states:
                            bucket[nk] = None
        return list(states.get(n, ()))

    # -- scoring --------------------------------------------------------------------
    def _emit_logp(self, c: str, o: str) -> float:
        x = self.emit.get((c, o))
        if x is not None:
            return x
        x = self.emit_backoff.get(("t", TONELESS.get(c, c), o))
        if x is not None:
            return x
        x = self.emit_backoff.get(("b", strip_marks(c), o))
        if x is not None:
            return x
        if len(o) > 1:
            return self._emit_logp(c, o[0]) + self.default_sub
        if o == c:
            return -0.05
        if c in MARKED_CHARS and not o.isalpha():
            return JUNK_FOR_MARKED  # a marked vowel read as some digit or symbol
        return self.default_sub

    def char_logp(self, ocr: str, clean: str) -> float:
        """log P(ocr | clean) under the character emission model."""
        return sum(self._emit_logp(c, o) for c, o in emissions(clean, ocr))

    def skeleton(self, ocr: str) -> str:
        return "".join(self.charmap.get(ch, ch) for ch in ocr)

    def candidates(self, ocr_lower: str, cands: dict[str, list[str]], uni: dict[str, float]) -> list[tuple[str, float]]:
        """[(clean syllable, log P(ocr | clean))], ranked by P(ocr | clean) P(clean)."""
        memo = self.__dict__.setdefault("_memo", {})
        got = memo.get(ocr_lower)
        if got is None:
            got = memo[ocr_lower] = self._candidates(ocr_lower, cands, uni)
        return got

    def _candidates(self, ocr_lower: str, cands: dict[str, list[str]], uni: dict[str, float]) -> list[tuple[str, float]]:
        # the pool: each syllable with its mark-less form (the key it was found under)
        bare = self.__dict__.setdefault("_bare", {})
        pool: dict[str, str] = {}
        seen = self.table.get(ocr_lower)
        if seen:
            pool.update((c, bare.get(c) or bare.setdefault(c, strip_marks(c))) for c in seen)
        exact = strip_marks(ocr_lower)
        pool.update(dict.fromkeys(cands.get(exact, ())[:20], exact))
        sk = strip_marks(self.skeleton(ocr_lower))
        # keys reached by reading the damage back must look like syllables (have a vowel):
        # an abbreviation (DVCTT) is not to be turned into another one (DVC)
        for key in (sk, *self.generate_keys(ocr_lower)):
            if _VOWEL.search(key):
                pool.update(dict.fromkeys(cands.get(key, ())[:20], key))
        near = self.__dict__.setdefault("_near", {})  # probes repeat across tokens ("hanh" of hành, hạnh …)
        for probe in dict.fromkeys((sk, exact)):
            if len(probe) < 2:
                continue
            found = near.get(probe)
            if found is None:
                found = near[probe] = process.extract(probe, self.keys, scorer=Levenshtein.distance, limit=60,
                                                      score_cutoff=2)
            for key, dist, _i in found:
                if _VOWEL.search(key):
                    pool.update(dict.fromkeys(cands.get(key, ())[: (20 if dist <= 1 else 8)], key))
        scored = []
        floor = -20.0
        if len(pool) > POOL_LIMIT:
            # the character alignment below is the costly part: score only the members that a
            # cheap bound ranks best (prior, minus the edit distance of the mark-less forms),
            # and always those the channel has seen this token read as (ties in the order of
            # the syllables, whatever the hash seed)
            members = list(pool)
            dists = process.cdist([sk or exact], list(pool.values()), scorer=Levenshtein.distance)[0].tolist()
            pre = sorted(zip([-(uni.get(c, floor) - PRE_EDIT_COST * d) for c, d in zip(members, dists)], members))
            keep = {c for _k, c in pre[:POOL_LIMIT]} | (set(seen) & pool.keys() if seen else set())
        else:
            keep = set(pool)
        pool = keep
        for c in pool:
            lp = self.char_logp(ocr_lower, c)
            if seen and c in seen:
                lp = max(lp, math.log(seen[c] / (self.clean_count.get(c, 0) + 1.0)))
            scored.append((lp + uni.get(c, floor), c, lp))
        scored.sort(reverse=True)
        return [(c, lp) for _t, c, lp in scored[:MAX_OCR_CANDS]]
