"""The decoding lattice of a whole text in one C call (``lattice.c``), built on first use.

English-OCR'd text gives each word ~17 candidates, and Viterbi and the confidences
cost a hundred trigram lookups a word: in Python that is two thirds of the decoding
time. ``lattice.c`` does the same arithmetic in the same order (the outputs are the
same, bit for bit; ``tests/test_restore_clattice.py`` compares them), on open-addressing
tables built once per model from the language model's own packed keys. Those tables are
plain arrays: `vnplan run -j N` builds them before its workers fork, and the workers
read them without copying a page (a dict's reference counts would be written to).

The library is compiled by the system's C compiler (``cc``, as ``sysconfig`` names it)
into the cache folder the first time it is needed, under a name that hashes the source;
where no compiler works, or ``VNPLAN_PURE_PYTHON=1`` is set, :func:`available` is False
and the Python lattice runs. Nothing is downloaded.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import platform
import shlex
import subprocess
import sys
import sysconfig
import tempfile
import weakref
from pathlib import Path

from normalize.diacritics.lattice import BEAM, PLACE_BONUS, PRUNE
from normalize.diacritics.lm import ID_SPACE

SOURCE = Path(__file__).with_name("lattice.c")
assert ID_SPACE == 1 << 21, "lattice.c packs keys with N = 2**21"
_LIB: list = []  # [CDLL or None], once per process
_TABLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _compilers() -> list[str]:
    """The compiler Python was built with, then the usual names, each once."""
    named = shlex.split(sysconfig.get_config_var("CC") or "")[:1]
    return list(dict.fromkeys([*named, "cc", "gcc", "clang"]))


def _compile(out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".so", dir=out.parent)
    os.close(fd)
    try:
        for cc in _compilers():
            try:
                subprocess.run([cc, "-O2", "-shared", "-fPIC", "-o", tmp, str(SOURCE), "-lm"], check=True,
                               capture_output=True, timeout=120)
                break
            except (OSError, subprocess.SubprocessError):
                continue
        else:
            raise OSError("no C compiler could build lattice.c")
        os.chmod(tmp, 0o755)  # mkstemp made it private; anyone who shares the cache folder may load it
        os.replace(tmp, out)  # atomic: a parallel build by another process is harmless
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def library():
    """The compiled lattice (built into the cache folder when missing), or None."""
    if _LIB:
        return _LIB[0]
    lib = None
    if os.environ.get("VNPLAN_PURE_PYTHON") != "1" and SOURCE.exists():
        from normalize.diacritics.model import cache_dir

        tag = hashlib.sha1(SOURCE.read_bytes() + sys.platform.encode() + platform.machine().encode()).hexdigest()[:12]
        so = cache_dir() / f"lattice-{tag}.so"
        try:
            if not so.exists():
                _compile(so)
            lib = ctypes.CDLL(str(so))
            _declare(lib)
        except Exception:  # noqa: BLE001 - any failure to build or load means the Python lattice, never a crash
            lib = None
    _LIB.append(lib)
    return lib


def available() -> bool:
    return library() is not None


def _declare(lib) -> None:
    p, i64, f64 = ctypes.c_void_p, ctypes.c_int64, ctypes.c_double
    lib.build_table.argtypes = [p, p, i64, p, p, i64]
    lib.build_table.restype = None
    lib.decode.argtypes = [p, p, i64, p, p, i64, p, p, i64, p, p, i64, p, p, p, p, p, p, p, i64, i64, i64,
                           ctypes.c_int32, f64, f64, p, p]
    lib.decode.restype = ctypes.c_int


def _ptr(a) -> int:
    return a.ctypes.data


def _table(lib, d: dict):
    import numpy as np

    n = len(d)
    keys = np.fromiter(d.keys(), dtype=np.int64, count=n)
    vals = np.fromiter(d.values(), dtype=np.float64, count=n)
    size = 1
    while size < n + n // 2 + 2:  # load ≤ 2/3: a few probes a miss, half the memory of ≤ 1/2
        size <<= 1
    out_k, out_v = np.empty(size, dtype=np.int64), np.empty(size, dtype=np.float64)
    lib.build_table(_ptr(keys), _ptr(vals), n, _ptr(out_k), _ptr(out_v), size)
    return out_k, out_v, size - 1


def tables(lm) -> tuple:
    """(tri, bo2, bi) open-addressing tables of ``lm``; built once per model."""
    got = _TABLES.get(lm)
    if got is None:
        lib = library()
        got = _TABLES[lm] = (_table(lib, lm.tri), _table(lib, lm.bo2), _table(lib, lm.bi))
    return got


def decode(scorer, decoded: list, places) -> bool:
    """Viterbi paths and candidate posteriors for every block of ``decoded`` (``Decoded``
    with their id columns), written to each block's ``path`` and ``probs``. False (nothing
    written) where the C lattice cannot decode them: the caller then runs the Python one."""
    import numpy as np

    lib = library()
    (tk, tv, tm), (ok, ov, om), (bk, bv, bm) = tables(scorer.lm)
    pairs = sorted({scorer.id(a) * (1 << 21) + scorer.id(b) for a, b in places}) if places else []
    blocks, parts, flags = [0], [], []
    for d in decoded:
        parts += d.flat
        marks = np.zeros(len(d.flat), dtype=np.int8)
        for i in d.compound_at:
            marks[i] |= 1
        for i in d.bonus_at:
            marks[i] |= 2
        flags.append(marks)
        blocks.append(len(parts))
    i64, f64 = np.int64, np.float64
    lengths = np.fromiter((p[3] for p in parts), dtype=i64, count=len(parts))
    cols_a = np.zeros(len(parts) + 1, dtype=i64)
    np.cumsum(lengths, out=cols_a[1:])
    if len(parts) == 0 or lengths.min() < 1:
        return False  # a column without candidates has no path
    ca_a = np.frombuffer(b"".join(p[0] for p in parts), dtype=i64)
    cb_a = np.frombuffer(b"".join(p[1] for p in parts), dtype=i64)
    cl_a = np.frombuffer(b"".join(p[2] for p in parts), dtype=f64)
    blocks_a, flags_a = np.array(blocks, dtype=i64), np.concatenate(flags)
    pairs_a = np.array(pairs or [0], dtype=i64)
    bo1, back = np.array(scorer.bo1, dtype=f64), np.array(scorer.back, dtype=f64)
    path = np.zeros(len(parts), dtype=np.int32)
    probs = np.ones(len(ca_a), dtype=f64)
    rc = lib.decode(_ptr(tk), _ptr(tv), tm, _ptr(ok), _ptr(ov), om, _ptr(bk), _ptr(bv), bm, _ptr(bo1), _ptr(back),
                    len(decoded), _ptr(blocks_a), _ptr(cols_a), _ptr(flags_a), _ptr(ca_a), _ptr(cb_a), _ptr(cl_a),
                    _ptr(pairs_a), len(pairs), scorer.bos, scorer.eos, BEAM, PRUNE, PLACE_BONUS, _ptr(path),
                    _ptr(probs))
    if rc != 0:
        return False  # no memory, or no finite path (scores of -inf or NaN): the Python lattice decides
    path_l, probs_l, cols = path.tolist(), probs.tolist(), cols_a.tolist()
    c = 0
    for d in decoded:
        n = len(d.ids)
        d.path = path_l[c : c + n]
        d.probs = [probs_l[cols[c + i] : cols[c + i + 1]] if cols[c + i + 1] - cols[c + i] > 1 else None
                   for i in range(n)]
        c += n
    return True
