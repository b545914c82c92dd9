"""Decisions that hand powers down (phân cấp, ủy quyền) list what a body may now decide; only
their implementation articles give duties (eighth session, December 2026, set 23 of corpus/admin).
Written with other bodies and powers than the decisions that showed it."""

from extract.tasks import extract_tasks
from ingest.model import IngestedDocument, Page
from normalize import normalize_document


def _tasks(text: str):
    doc = IngestedDocument(source="mem.md", sha256="0" * 64, method="text", pages=[Page(1, text)])
    return extract_tasks(normalize_document(doc, restore=False))


HEAD = """ỦY BAN NHÂN DÂN
TỈNH YÊN BÁI
Số: 41/2025/QĐ-UBND
QUYẾT ĐỊNH
{title}
Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng
1. Quyết định này quy định việc phân cấp của Ủy ban nhân dân tỉnh cho Sở Y tế thực hiện một số nhiệm vụ quản lý nhà nước.
2. Quyết định này áp dụng đối với Sở Y tế và các cơ quan, tổ chức có liên quan.
"""

BY_BODY = HEAD.format(title="Phân cấp cho Sở Y tế thực hiện một số nhiệm vụ quản lý nhà nước") + """Điều 2. Sở Y tế
1. Quyết định cấp giấy phép hoạt động cho phòng khám đa khoa trên địa bàn tỉnh.
2. Quyết định thành lập hội đồng chuyên môn đánh giá sự cố y khoa.
Điều 3. Tổ chức thực hiện
1. Sở Y tế có trách nhiệm định kỳ hằng năm báo cáo Ủy ban nhân dân tỉnh về tình hình thực hiện nhiệm vụ được phân cấp.
Điều 4. Điều khoản thi hành
Quyết định này có hiệu lực thi hành kể từ ngày ký.
"""

BY_CONTENT = HEAD.format(title="Quy định việc phân cấp quản lý tài sản công") + """Điều 2. Nội dung phân cấp
1. Sở Tài chính
a) Quyết định thu hồi tài sản công có nguyên giá dưới 01 tỷ đồng;
b) Quyết định điều chuyển tài sản công giữa các cơ quan thuộc tỉnh.
Điều 3. Tổ chức thực hiện
1. Sở Tài chính có trách nhiệm kiểm tra việc quản lý tài sản công của các cơ quan hằng năm.
"""


def test_the_powers_a_body_receives_are_no_tasks_and_its_reporting_duty_is_one():
    tasks = _tasks(BY_BODY)
    assert [t.text for t in tasks if "giấy phép" in t.text or "hội đồng chuyên môn" in t.text] == []
    report = next(t for t in tasks if "báo cáo Ủy ban nhân dân tỉnh" in t.text)
    assert report.lead == ["Sở Y tế"]


def test_an_article_of_the_content_handed_down_holds_no_task():
    tasks = _tasks(BY_CONTENT)
    assert [t.text for t in tasks if "tài sản công" in t.text and "Quyết định" in t.text] == []
    assert any(t.lead == ["Sở Tài chính"] and t.text.startswith("Kiểm tra") for t in tasks)


def test_a_body_titled_article_outside_a_delegation_keeps_its_duties():
    plan = BY_BODY.replace("Quyết định này quy định việc phân cấp của Ủy ban nhân dân tỉnh cho Sở Y tế thực hiện",
                           "Quyết định này quy định trách nhiệm của Sở Y tế trong").replace(
        "Phân cấp cho Sở Y tế thực hiện một số nhiệm vụ", "Quy định trách nhiệm thực hiện một số nhiệm vụ")
    assert any("phòng khám đa khoa" in t.text for t in _tasks(plan))


COUNCIL_LEVELS = """HỘI ĐỒNG NHÂN DÂN
TỈNH YÊN BÁI
Số: 12/2025/NQ-HĐND
NGHỊ QUYẾT
Quy định mức chi tổ chức hội thi
Căn cứ Luật Ngân sách nhà nước;
QUYẾT NGHỊ:
Điều 1. Mức chi
1. Ban Giám khảo
a) Mức 800.000 đồng/người/buổi áp dụng đối với Trưởng ban.
b) Mức 600.000 đồng/người/buổi áp dụng đối với Thành viên.
Điều 2. Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.
"""


def test_a_level_of_spending_under_a_body_is_no_duty_of_that_body():
    tasks = _tasks(COUNCIL_LEVELS)
    assert [t.text for t in tasks if t.text.startswith("Mức")] == []
    assert any(t.text.startswith("Tổ chức thực hiện Nghị quyết") for t in tasks)


def test_a_clause_that_only_mentions_delegation_does_not_make_a_delegation():
    plan = BY_BODY.replace("1. Quyết định này quy định việc phân cấp của Ủy ban nhân dân tỉnh cho Sở Y tế thực hiện",
                           "1. Phân cấp quản lý rõ ràng giữa các cơ quan, Sở Y tế thực hiện").replace(
        "Phân cấp cho Sở Y tế thực hiện một số nhiệm vụ", "Quy định trách nhiệm thực hiện một số nhiệm vụ")
    assert any("phòng khám đa khoa" in t.text for t in _tasks(plan))
