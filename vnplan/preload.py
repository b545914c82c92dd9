"""Imported by the fork server of ``vnplan run -j N``: load everything once, before any worker forks.

Workers forked from a process that already holds the restorer model, the stages' modules
and their lazily built tables (gazetteer, vocabularies, compiled patterns) share those
memory pages copy-on-write instead of each building a copy. A short plan is run through
normalize and extract here to build those tables. ``gc.freeze()`` then moves everything
into the permanent generation, so the cyclic garbage collector of a worker never walks
(and so never writes to, and copies) them. Measured by ``bench/bench_memory.py``.
"""

from __future__ import annotations

import gc

_WARM_TEXT = """ỦY BAN NHÂN DÂN TỈNH
Số: 01/KH-UBND
KẾ HOẠCH
Triển khai nhiệm vụ năm 2026
I. MỤC TIÊU
1. Phấn đấu đến năm 2026 đạt 90% hồ sơ được xử lý trực tuyến.
II. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính chủ trì, phối hợp với các sở, ban, ngành hướng dẫn thực hiện; hoàn thành trong quý I/2026.
"""

try:
    from normalize.diacritics import clattice, load_model

    _model = load_model()
    if clattice.available():  # the C lattice's tables: plain arrays the workers read without copying
        clattice.tables(_model.lm)
except Exception:  # noqa: BLE001 - no restorer (or no corpus): workers load nothing either
    pass
try:
    from extract import extract_document
    from ingest.model import IngestedDocument, Page
    from normalize import normalize_document

    extract_document(normalize_document(IngestedDocument(source="warm-up.txt", sha256="0" * 64, method="text",
                                                         pages=[Page(1, _WARM_TEXT)])))
except Exception:  # noqa: BLE001 - a warm-up only; the first real file builds what is missing
    pass
gc.freeze()
