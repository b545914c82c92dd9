"""The document-kind gate: pages that are not administrative documents give no items.

A researcher's crawl holds legal Q&A articles, news and encyclopedia pages next to plans.
They read ``../shared/not-plans/`` (100 such pages, never copied into the project) and
``../shared/admin-text/`` (411 official documents); both tests skip where ``shared/`` is
absent. The small examples below run everywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extract.doc_kind import form_signals
from vnplan.pipeline import process

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VNPLAN_SHARED", ROOT.parent / "shared"))
ITEMS = ("targets", "tasks", "scoring_criteria", "awards")

NEWS = """Tin tức
Ngày 21/11/2025, Bộ Nội vụ đã ban hành Công văn 10988/BNV-CQĐP về việc tuyên truyền.
Theo số liệu, tỷ lệ người dân hài lòng đạt trên 80% và tăng 5% so với năm trước.
Sở Tài chính chủ trì, phối hợp với các sở rà soát kinh phí trước ngày 15/12/2025.
"""

PLAN = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND
Nghệ An, ngày 02 tháng 3 năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
I. MỤC TIÊU
Phấn đấu trên 80% hồ sơ được xử lý trực tuyến trong năm 2025.
II. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính chủ trì, phối hợp với các sở rà soát kinh phí trước ngày 15/12/2025.
Nơi nhận:
- Như trên;
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn A
"""


def _run(path: Path):
    extraction, _text, _warnings = process(path, normalize={"restore": False})
    return extraction


def test_a_news_page_quoting_a_plan_gives_no_items_and_says_why(tmp_path):
    page = tmp_path / "tin-tuc.md"
    page.write_text(NEWS, encoding="utf-8")
    ext = _run(page)
    assert ext.status == "not_a_plan"
    assert ext.status_reason.startswith("not a plan: ") and "national motto" in ext.status_reason
    assert all(getattr(ext, k) == [] for k in ITEMS)


def test_the_same_sentences_in_an_official_plan_are_read(tmp_path):
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(PLAN, encoding="utf-8")
    assert form_signals(PLAN) == {"motto": True, "number": True, "doc_type": True, "closing": True}
    ext = _run(plan)
    assert ext.status == "ok" and ext.status_reason is None
    assert [t.value for t in ext.targets] == [80]
    assert [t.lead for t in ext.tasks] == [["Sở Tài chính"]]


@pytest.mark.skipif(not (SHARED / "not-plans").is_dir(), reason="shared/not-plans is not here")
def test_at_least_98_of_the_100_pages_that_are_not_plans_give_nothing():
    pages = sorted(p for p in (SHARED / "not-plans").glob("*.md") if p.name.lower() != "readme.md")
    assert len(pages) == 100
    with_items = {}
    for page in pages:
        ext = _run(page)
        n = sum(len(getattr(ext, k)) for k in ITEMS)
        if n:
            with_items[page.name] = n
        else:
            assert ext.status == "not_a_plan", page.name
    assert len(with_items) <= 2, with_items


@pytest.mark.skipif(not (SHARED / "admin-text").is_dir(), reason="shared/admin-text is not here")
def test_official_documents_pass_the_gate():
    """Every tenth of the 411 official documents (a fixed sample): all show the form of one."""
    docs = sorted(p for p in (SHARED / "admin-text").glob("*.md") if p.name.lower() != "readme.md")[::10]
    assert len(docs) >= 40
    gated = [p.name for p in docs if _run(p).status == "not_a_plan"]
    assert len(gated) <= 1, gated
