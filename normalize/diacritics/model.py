"""The restorer model: language model + candidate map + OCR channel, built and cached.

Built from (1) every diacritized plan in the corpus folder (documents whose text lacks
diacritics are detected and left out), (2) the installed word lists, (3) cached
English-OCR renderings of the diacritized plans, if ``vnplan train-restorer`` made
them.  The pickle lives in the cache directory under a name that hashes all inputs and
this package's source, so a changed corpus, lexicon or code means a rebuild.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from normalize.diacritics import lexicon as lexmod
from normalize.diacritics.lm import NgramLM
from normalize.diacritics.shipped import _shipped_files, shipped_digest, shipped_texts
from normalize.diacritics.sources import MIN_MARKED_RATIO, is_diacritized, marked_ratio, stat_signature  # noqa: F401
from normalize.diacritics.syllables import DECOMP, TONELESS, TOKEN_RE, case_of, has_marks, nfc, strip_marks
from normalize.diacritics.tokens import lm_class, lm_sequence

LEX_WEIGHTS = {"underthesea": 0.05, "hunspell": 0.05, "tesseract-vie": 0.05, "underthesea-places": 0.01}  # per syllable
TEXT_WEIGHT = 1.0  # per token of the installed running text (general prose)
PAIR_WEIGHT = 0.1  # per within-word syllable pair of a lexicon word
# provinces, cities and districts; ward and commune names (thousands, many of them common
# phrases such as "Tân Thành") would also fire on capitalized organization names
ADMIN_PREFIXES = ("thành phố", "thị xã", "tỉnh", "huyện", "quận")
BLOCK_SPLIT = re.compile(r"\n[ \t\r\f\v]*\n")
CONT = 0.0  # share of the Kneser-Ney continuation probability in the back-off distribution
# "kneser-ney" or "witten-bell" (lm.py).  With the channel trained on every rendered page
# (ocrsynth.TRAIN_STRIDE 1), Kneser-Ney (continuation share 0.6) beats Witten-Bell on all
# three measures of `vnplan eval-restore`: English-OCR held out per document 95.30% vs
# 95.14%, the Hậu Giang gold 95.37% vs 95.10%, stripped held out 98.19% vs 98.12%.
# (With the channel trained on half the pages it had lost on the gold, 94.99% vs 95.15%.)
ESTIMATOR = "kneser-ney"
KN_CONT = 0.6


@dataclass
class RestorerModel:
    lm: NgramLM
    cands: dict[str, list[str]]  # stripped key -> syllables, most frequent first
    syllables: frozenset[str]
    channel: object | None = None  # normalize.diacritics.channel.OcrChannel
    forms: dict[str, str] = field(default_factory=dict)  # "vneid" -> "VNeID" (mixed-case names)
    places: frozenset = frozenset()  # adjacent syllable pairs of place names: ("hậu", "giang")
    meta: dict = field(default_factory=dict)


def cache_dir() -> Path:
    env = os.environ.get("VNPLAN_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "vnplan"


def corpus_dir() -> Path:
    env = os.environ.get("VNPLAN_CORPUS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "corpus"


_TEXTS: dict[tuple, dict[str, str]] = {}


def corpus_texts(folder: Path) -> dict[str, str]:
    """name -> text of every diacritized ``*.txt`` plan in ``folder``."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    files = sorted(folder.glob("*.txt"))
    sig = stat_signature(files)
    if sig in _TEXTS:
        return dict(_TEXTS[sig])
    out = {}
    for p in files:
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if is_diacritized(text):
            out[p.name] = text
    _TEXTS[sig] = out
    return dict(out)


def _code_digest() -> str:
    h = hashlib.sha256()
    for p in sorted(Path(__file__).parent.glob("*.py")):
        h.update(p.read_bytes())
    return h.hexdigest()


def model_key(texts: dict[str, str], ocr_ready: list[str], shipped: str = "") -> str:
    h = hashlib.sha256()
    h.update(_code_digest().encode())
    h.update(shipped.encode())
    h.update(lexmod.sources_digest().encode())
    for name in sorted(texts):
        h.update(hashlib.sha256(texts[name].encode("utf-8")).digest())
    h.update("|".join(sorted(ocr_ready)).encode())
    return h.hexdigest()[:20]


def _variant_signature(w: str) -> tuple[str, str]:
    """(letters without tone, tone): ``hóa`` and ``hoá`` share one signature."""
    tone = ""
    for ch in w:
        t = DECOMP.get(ch, ("", "", ""))[2]
        if t:
            tone = t
    return "".join(TONELESS.get(ch, ch) for ch in w), tone


def canonical_spellings(texts: dict[str, str], running, lexicon) -> dict[str, str]:
    """Map tone-placement variants (hoá, thuỷ) to the spelling the plans use most
    (old and new placement rules both occur; the running text and word lists break ties)."""
    counts: Counter = Counter()
    for text in texts.values():
        for tok in TOKEN_RE.findall(nfc(text).lower()):
            counts[tok] += 1.0
    for sent in running or ():
        for tok in sent:
            counts[tok] += 0.01
    for words in lexicon.values():
        for sylls in words:
            for syl in sylls:
                counts[syl] += 0.001
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for w in counts:
        if w.isalpha() and has_marks(w) and all(ch in DECOMP for ch in w):
            groups[_variant_signature(w)].append(w)
    canon = {}
    for forms in groups.values():
        if len(forms) > 1:
            best = max(forms, key=lambda f: (counts[f], f))
            for f in forms:
                if f != best:
                    canon[f] = best
    return canon


RARE = "<rare>"  # a word of the shipped text seen once and nowhere else: a typo as often as a word


def build_model(texts: dict[str, str], lexicon: dict[str, list[list[str]]], ocr_pages: list[dict] | None = None,
                running: list[list[str]] | None = None, text_weight: float = TEXT_WEIGHT,
                lex_weights: dict[str, float] | None = None, pair_weight: float = PAIR_WEIGHT,
                cont: float = CONT, extra: dict[str, str] | None = None) -> RestorerModel:
    """``texts``: the diacritized plans; ``extra``: the shipped documents (normalize/diacritics/data/), read
    the same way except that a word they hold once, found in no plan and no word list, is
    counted as ``RARE`` (real documents have typos: "VNelD" once beside "VNeID" eight times)."""
    lm = NgramLM()
    extra = extra or {}
    canon = canonical_spellings({**texts, **extra}, running, lexicon)
    cget = canon.get
    rare = _rare_words(texts, extra, lexicon)
    for text in texts.values():
        for block in BLOCK_SPLIT.split(nfc(text)):
            seq = [cget(t, t) for t in lm_sequence(block)]
            if seq:
                lm.add_sequence(seq)
    for text in extra.values():
        for block in BLOCK_SPLIT.split(nfc(text)):
            seq = [RARE if t in rare else cget(t, t) for t in lm_sequence(block)]
            if seq:
                lm.add_sequence(seq)
    for sent in running or ():
        lm.add_sequence([cget(t, t) if t.isalpha() else lm_class(t) if t.isalnum() else t for t in sent], text_weight)
    weights = lex_weights or LEX_WEIGHTS
    forms = _mixed_case_forms({**texts, **extra})
    for name, words in lexicon.items():
        w = weights.get(name, 0.2)
        for sylls in words:
            lm.add_word([cget(x, x) for x in sylls], w, pair_weight)
    by_key: dict[str, list[str]] = defaultdict(list)
    for w in lm.c1:
        if w.isalpha() and all(ch in DECOMP for ch in w):
            by_key[strip_marks(w)].append(w)
    counts = lm.c1
    cands = {k: sorted(v, key=lambda s: -counts[s]) for k, v in by_key.items()}
    syllables = frozenset(w for v in cands.values() for w in v)
    channel = None
    if ocr_pages:
        from normalize.diacritics.channel import OcrChannel

        channel = OcrChannel.train(ocr_pages, cands)
    if ESTIMATOR == "kneser-ney":
        lm.finish_kneser_ney(cont=KN_CONT)
    else:
        lm.finish(cont=cont)
    return RestorerModel(lm=lm, cands=cands, syllables=syllables, channel=channel, forms=forms,
                         places=place_pairs(lexicon.get("underthesea-places", ()), cget),
                         meta={"documents": sorted(texts), "lexicon": sorted(lexicon), "ocr_pages": len(ocr_pages or [])})


def _rare_words(texts: dict[str, str], extra: dict[str, str], lexicon) -> set[str]:
    """Lower-case words seen once in ``extra`` and never in ``texts`` or the word lists."""
    counts: Counter = Counter()
    for text in extra.values():
        counts.update(t for t in lm_sequence(nfc(text)) if t.isalpha())
    once = {w for w, c in counts.items() if c == 1}
    if not once:
        return set()
    for text in texts.values():
        once.difference_update(lm_sequence(nfc(text)))
    for words in lexicon.values():
        for sylls in words:
            once.difference_update(sylls)
    return once


def place_pairs(names, cget=lambda x, y: x) -> frozenset:
    """Adjacent syllable pairs of the province and district names (prefix removed): the
    decoder prefers them between two capitalized tokens (Hiu Giang -> Hậu Giang)."""
    out = set()
    for sylls in names:
        text = " ".join(sylls)
        pre = next((p for p in ADMIN_PREFIXES if text.startswith(p + " ")), None)
        if pre is None:
            continue
        sylls = [cget(x, x) for x in text[len(pre) + 1 :].split()]
        out.update(zip(sylls, sylls[1:]))
    return frozenset(out)


def _mixed_case_forms(texts: dict[str, str]) -> dict[str, str]:
    """Names written in mixed case in the plans (VNeID, TTg, QRcode), by lower-case form."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for text in texts.values():
        for tok in TOKEN_RE.findall(text):
            if tok.isalpha() and case_of(tok) == "mixed":
                seen[tok.lower()][tok] += 1
    forms = {k: c.most_common(1)[0][0] for k, c in seen.items() if sum(c.values()) >= 2}
    # a rare spelling one letter from a name written four times as often is that name misread
    # ("VNelD" twice in real documents beside "VNeID" in every other place): write the name
    totals = {k: sum(c.values()) for k, c in seen.items()}
    from rapidfuzz.distance import Levenshtein

    for k, n in totals.items():
        near = [o for o, m in totals.items() if m >= 4 * n and len(o) == len(k) and o in forms
                and Levenshtein.distance(o, k) == 1]
        if near:
            forms[k] = forms[max(near, key=totals.get)]
    return forms


def _ocr_ready(texts: dict[str, str], cdir: Path) -> list[str]:
    """Keys of the cached OCR page pairs available for these plans."""
    from normalize.diacritics import ocrsynth

    return [f"{ocrsynth.doc_key(text, v)}:{len(ocrsynth.training_pairs(cdir, text, v))}"
            for _n, text in sorted(texts.items()) for v in ocrsynth.VARIANTS
            if ocrsynth.pairs_path(cdir, text, v).exists()]


def _ocr_pages_for(texts: dict[str, str], cdir: Path) -> list[dict]:
    from normalize.diacritics import ocrsynth

    pages = []
    for _name, text in sorted(texts.items()):
        for variant in ocrsynth.VARIANTS:
            pages.extend(ocrsynth.training_pairs(cdir, text, variant))
    return pages


_LOADED: dict[str, RestorerModel] = {}
_STAMPED: dict[tuple, RestorerModel] = {}


def _stamp(corpus: Path, cdir: Path) -> tuple:
    """Names, sizes and times of everything the model key is computed from (cheap to take).

    ``run`` calls ``load_model`` once per document; the key itself hashes every corpus
    plan and cached OCR page, so within one process it is recomputed only when this changes.
    """
    def listing(folder: Path) -> tuple:
        try:
            return tuple(sorted((p.name, st.st_size, st.st_mtime_ns)
                                for p in folder.iterdir() if p.is_file() for st in [p.stat()]))
        except OSError:
            return ()

    return (str(corpus.resolve()), str(cdir.resolve()), listing(corpus), listing(cdir / "ocr-pairs"), listing(cdir))


KEYS_FILE = "restorer-keys.json"  # quick key (names, sizes, times, code) -> model key, so a start needs no hashing


def _quick_key(corpus: Path, cdir: Path, stamp: tuple) -> str:
    """A digest of everything the model key depends on, by name, size and time only (cheap:
    no file is read but this package's source), so ``load_model`` can find the cached
    model without hashing the corpus and the OCR pages (which takes ~0.7 s)."""
    h = hashlib.sha256()
    h.update(_code_digest().encode())
    # the stamp less the cache folder's own model files and key file (written by loading)
    h.update(repr([part if i < 4 else tuple(x for x in part if not str(x[0]).startswith(("restorer-", KEYS_FILE)))
                   for i, part in enumerate(stamp)]).encode())
    h.update(repr(stat_signature(_shipped_files())).encode())
    h.update(repr(stat_signature(sorted(lexmod.lexicon_sources().values()))).encode())
    return h.hexdigest()[:24]


def model_fingerprint(corpus: Path | None = None, cdir: Path | None = None) -> str:
    """What the restorer model depends on, cheaply (names, sizes, times, code): for
    ``vnplan run``'s incremental mode, which redoes a file when this changes."""
    corpus = Path(corpus) if corpus else corpus_dir()
    cdir = Path(cdir) if cdir else cache_dir()
    return _quick_key(corpus, cdir, _stamp(corpus, cdir))


def _known_keys(cdir: Path) -> dict:
    import json

    try:
        return json.loads((cdir / KEYS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _remember_key(cdir: Path, quick: str, key: str) -> None:
    import json

    try:
        cdir.mkdir(parents=True, exist_ok=True)
        tmp = cdir / (KEYS_FILE + ".tmp")
        tmp.write_text(json.dumps({quick: key}), encoding="utf-8")
        tmp.replace(cdir / KEYS_FILE)
    except OSError:
        pass  # only a start-up shortcut


def _load_pickle(path: Path):
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None


def ensure_built(corpus: Path | None = None, cdir: Path | None = None) -> None:
    """Build and cache the model if it is not cached yet, without keeping it in this process
    (the parent of ``vnplan run -j N`` needs no copy: its workers load one shared copy)."""
    corpus = Path(corpus) if corpus else corpus_dir()
    cdir = Path(cdir) if cdir else cache_dir()
    known = _known_keys(cdir).get(_quick_key(corpus, cdir, _stamp(corpus, cdir)))
    if known and (cdir / f"restorer-{known}.pkl").exists():
        return
    load_model(corpus, cdir)
    _LOADED.clear()
    _STAMPED.clear()


def load_model(corpus: Path | None = None, cdir: Path | None = None, rebuild: bool = False, log=None) -> RestorerModel:
    """The model for ``corpus`` (default: the project's corpus/), built if missing or stale."""
    corpus = Path(corpus) if corpus else corpus_dir()
    cdir = Path(cdir) if cdir else cache_dir()
    stamp = _stamp(corpus, cdir)
    if not rebuild and stamp in _STAMPED:  # nothing on disk changed since: skip hashing the corpus
        return _STAMPED[stamp]
    quick = _quick_key(corpus, cdir, stamp)
    known = None if rebuild else _known_keys(cdir).get(quick)
    if known:
        model = _LOADED.get(known) or _load_pickle(cdir / f"restorer-{known}.pkl")
        if model is not None:
            _LOADED[known] = _STAMPED[stamp] = model
            return model
    texts = corpus_texts(corpus)
    key = model_key(texts, _ocr_ready(texts, cdir), shipped_digest())
    if not rebuild and key in _LOADED:
        _STAMPED[stamp] = _LOADED[key]
        return _LOADED[key]
    path = cdir / f"restorer-{key}.pkl"
    if path.exists() and not rebuild:
        model = _load_pickle(path)
        if model is not None:
            _LOADED[key] = _STAMPED[stamp] = model
            _remember_key(cdir, quick, key)
            return model
    if log:
        log(f"building restorer model from {len(texts)} diacritized plan(s) in {corpus} "
            f"and {len(shipped_texts())} shipped document(s)")
    # the language model reads the plans and the shipped text; the OCR channel only the plans'
    # renderings (a fixed, bounded sample: more text does not make training longer)
    model = build_model(texts, lexmod.load_lexicon(cdir), _ocr_pages_for(texts, cdir), lexmod.load_running_text(),
                        extra=shipped_texts())
    model.meta["key"] = key
    cdir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        pickle.dump(model, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    for old in cdir.glob("restorer-*.pkl"):
        if old != path:
            old.unlink(missing_ok=True)
    _LOADED[key] = model
    stamp = _stamp(corpus, cdir)  # taken again: building wrote into the cache
    _STAMPED[stamp] = model
    _remember_key(cdir, _quick_key(corpus, cdir, stamp), key)
    return model
