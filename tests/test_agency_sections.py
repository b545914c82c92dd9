"""Duties under a body's heading (seventh session, December 2026): how a plan lays out what
each body does, written here with other bodies and wording than the documents that showed it."""

from extract.tasks import extract_tasks
from ingest.model import IngestedDocument, Page
from normalize import normalize_document


def _tasks(text: str):
    doc = IngestedDocument(source="mem.md", sha256="0" * 64, method="text", pages=[Page(1, text)])
    return extract_tasks(normalize_document(doc, restore=False))


OPENING_LINE = """ỦY BAN NHÂN DÂN
TỈNH KON TUM
Số: 210/KH-UBND
KẾ HOẠCH
Phát triển du lịch cộng đồng năm 2026
I. MỤC ĐÍCH
Phát triển du lịch cộng đồng bền vững.
II. TỔ CHỨC THỰC HIỆN
**1. Sở Văn hóa, Thể thao và Du lịch**

Chủ trì, phối hợp với Sở Tài chính, Ủy ban nhân dân các xã:

- Xây dựng bộ tiêu chí đánh giá điểm du lịch cộng đồng.

- Tổ chức lớp tập huấn kỹ năng đón khách cho hộ kinh doanh homestay.

**2. Sở Tài chính**

Bố trí kinh phí thực hiện Kế hoạch theo quy định.
"""


def test_each_dash_under_an_opening_line_is_its_own_duty():
    tasks = _tasks(OPENING_LINE)
    by_text = {t.text: t for t in tasks}
    criteria = by_text["Xây dựng bộ tiêu chí đánh giá điểm du lịch cộng đồng."]
    training = by_text["Tổ chức lớp tập huấn kỹ năng đón khách cho hộ kinh doanh homestay."]
    for t in (criteria, training):
        assert t.lead == ["Sở Văn hóa, Thể thao và Du lịch"]
        assert "Sở Tài chính" in t.support  # named by the opening line, not by the dash
    assert not any(t.text.startswith("Chủ trì, phối hợp") for t in tasks)
    assert by_text["Bố trí kinh phí thực hiện Kế hoạch theo quy định."].lead == ["Sở Tài chính"]


def test_a_list_of_contents_after_its_opening_line_stays_one_duty():
    text = OPENING_LINE.replace("Ủy ban nhân dân các xã:", "Ủy ban nhân dân các xã xây dựng bộ tài liệu gồm:")
    tasks = _tasks(text)
    assert not any(t.text.startswith("Xây dựng bộ tiêu chí") for t in tasks)
    assert any(t.text.startswith("Chủ trì, phối hợp") and "homestay" in t.text for t in tasks)


POWERS_AND_DUTIES = """ỦY BAN NHÂN DÂN
TỈNH BÌNH PHƯỚC
Số: 31/2025/QĐ-UBND
QUYẾT ĐỊNH
Ban hành Quy định quản lý người đại diện phần vốn nhà nước tại doanh nghiệp
Điều 1. Phạm vi điều chỉnh
Quy định này quy định việc quản lý người đại diện phần vốn nhà nước.
Điều 2. Thẩm quyền quyết định cử người đại diện
1. Chủ tịch Ủy ban nhân dân tỉnh quyết định cử người đại diện tại doanh nghiệp do tỉnh nắm giữ vốn.
Điều 3. Thẩm quyền, trách nhiệm của các cơ quan, đơn vị
1. Sở Tài chính:
a) Chủ trì thẩm định hồ sơ đề nghị cử người đại diện phần vốn nhà nước.
b) Tổng hợp báo cáo Ủy ban nhân dân tỉnh kết quả quản lý người đại diện hằng năm.
Điều 4. Thẩm quyền, trách nhiệm của doanh nghiệp
1. Lưu giữ hồ sơ người đại diện phần vốn nhà nước.
"""


def test_an_article_on_powers_and_duties_holds_duties():
    tasks = {t.text: t for t in _tasks(POWERS_AND_DUTIES)}
    assert tasks["Chủ trì thẩm định hồ sơ đề nghị cử người đại diện phần vốn nhà nước."].lead == ["Sở Tài chính"]
    assert "Tổng hợp báo cáo Ủy ban nhân dân tỉnh kết quả quản lý người đại diện hằng năm." in tasks
    assert [t.lead for t in tasks.values() if t.text.startswith("Lưu giữ hồ sơ")] == [["Doanh nghiệp"]]
    # an article that only hands down a power holds none
    assert not any(t.text.startswith("Chủ tịch Ủy ban nhân dân tỉnh quyết định cử") for t in tasks.values())


def test_powers_a_body_hands_down_are_no_duties_of_the_body_that_receives_them():
    text = POWERS_AND_DUTIES.replace(
        "Điều 2. Thẩm quyền quyết định cử người đại diện\n1. Chủ tịch Ủy ban nhân dân tỉnh quyết định cử người đại diện tại doanh nghiệp do tỉnh nắm giữ vốn.\n",
        "Điều 2. Quản lý người đại diện\n1. Ủy ban nhân dân tỉnh ủy quyền cho Giám đốc Sở Tài chính:\n"
        "a) Quyết định cử, cử lại người đại diện phần vốn nhà nước.\nb) Cho ý kiến trước khi doanh nghiệp bổ nhiệm kế toán trưởng.\n")
    texts = [t.text for t in _tasks(text)]
    assert "Quyết định cử, cử lại người đại diện phần vốn nhà nước." not in texts
    assert "Chủ trì thẩm định hồ sơ đề nghị cử người đại diện phần vốn nhà nước." in texts


def test_the_documents_closing_paragraphs_are_no_part_of_the_last_bodys_duty():
    text = OPENING_LINE + (
        "Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về "
        "Sở Văn hóa, Thể thao và Du lịch để tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét./.\n")
    budget = next(t for t in _tasks(text) if t.lead == ["Sở Tài chính"])
    assert budget.text == "Bố trí kinh phí thực hiện Kế hoạch theo quy định."
    assert "vướng mắc" not in budget.evidence.text


def test_an_owner_cut_at_a_negation_or_a_case_word_is_no_owner():
    text = OPENING_LINE.replace(
        "**2. Sở Tài chính**\n\nBố trí kinh phí thực hiện Kế hoạch theo quy định.\n",
        "**2. Tổ chức thực hiện chung**\n\nCơ quan thuế không trực tiếp trả thông báo nộp tiền cho người dân.\n\n"
        "Doanh nghiệp du lịch khi tổ chức tour phải báo cáo Sở Văn hóa, Thể thao và Du lịch.\n")
    tasks = _tasks(text)
    assert not any(t.text.startswith("Trực tiếp trả thông báo") for t in tasks)  # "Cơ quan thuế không …": a negation
    assert all("khi" not in " ".join(t.lead).split() for t in tasks)


ACTIVITIES = """ỦY BAN NHÂN DÂN
TỈNH KON TUM
Số: 211/KH-UBND
KẾ HOẠCH
Thực hiện công tác bình đẳng giới năm 2026
III. NỘI DUNG HOẠT ĐỘNG
1. Duy trì các mô hình hỗ trợ phụ nữ
a) Hoạt động 1
- Nội dung:
+ Sơ kết mô hình địa chỉ tin cậy tại cộng đồng.
+ Bồi dưỡng kỹ năng tư vấn cho cán bộ hội phụ nữ cấp xã.
- Cơ quan thực hiện: Hội Liên hiệp Phụ nữ tỉnh chủ trì, phối hợp với Sở Y tế.
b) Hoạt động 2
- Nội dung: Triển khai đường dây nóng hỗ trợ nạn nhân bạo lực gia đình.
- Cơ quan thực hiện: Sở Y tế chủ trì.
"""


def test_each_content_item_of_an_activity_block_is_a_task_of_its_body():
    tasks = {t.text: t for t in _tasks(ACTIVITIES)}
    for text in ("Sơ kết mô hình địa chỉ tin cậy tại cộng đồng.", "Bồi dưỡng kỹ năng tư vấn cho cán bộ hội phụ nữ cấp xã."):
        assert tasks[text].lead == ["Hội Liên hiệp Phụ nữ tỉnh"] and tasks[text].support == ["Sở Y tế"]
    assert not any(t.startswith("Nội dung:") and "+" in t for t in tasks)
    assert any(t.startswith("Triển khai đường dây nóng") for t in tasks)


def test_a_content_label_is_no_part_of_the_task_text():
    texts = [t.text for t in _tasks(ACTIVITIES)]
    assert "Triển khai đường dây nóng hỗ trợ nạn nhân bạo lực gia đình." in texts
    assert not any(t.startswith("Nội dung") for t in texts)


FUNDING_AND_REPORTS = """ỦY BAN NHÂN DÂN
TỈNH KON TUM
Số: 212/KH-UBND
KẾ HOẠCH
Phòng, chống bạo lực học đường năm 2026
I. MỤC ĐÍCH
Bảo đảm môi trường giáo dục an toàn.
II. KINH PHÍ THỰC HIỆN
1. Các sở, ban, ngành, Ủy ban nhân dân các xã, phường xây dựng dự toán kinh phí hằng năm để thực hiện Kế hoạch này.
2. Nguồn xã hội hóa và các nguồn hợp pháp khác.
III. CHẾ ĐỘ BÁO CÁO
Các sở, ban, ngành gửi báo cáo kết quả thực hiện về Sở Giáo dục và Đào tạo trước ngày 15 tháng 12 năm 2026.
"""


def test_the_parts_on_funding_and_reporting_assign_duties_too():
    tasks = {t.text: t for t in _tasks(FUNDING_AND_REPORTS)}
    budget = next(t for x, t in tasks.items() if x.startswith("Xây dựng dự toán kinh phí"))
    assert "Các sở, ban, ngành" in budget.lead[0]
    report = next(t for x, t in tasks.items() if x.startswith("Gửi báo cáo kết quả"))
    assert report.deadline is not None and report.deadline.end == "2026-12-15"
    assert not any(x.startswith("Nguồn xã hội hóa") for x in tasks)


def test_the_coordinating_body_named_by_its_role_has_duties():
    text = FUNDING_AND_REPORTS.replace("III. CHẾ ĐỘ BÁO CÁO\n", "III. CHẾ ĐỘ BÁO CÁO\nCơ quan phối hợp có trách nhiệm trả lời "
                                       "bằng văn bản trong thời hạn 05 ngày làm việc khi được lấy ý kiến.\n")
    reply = next(t for t in _tasks(text) if t.text.startswith("Trả lời bằng văn bản"))
    assert reply.lead == ["Cơ quan phối hợp"] and reply.deadline.kind == "conditional"


ROLES = """ỦY BAN NHÂN DÂN
TỈNH KON TUM
Số: 40/CT-UBND
CHỈ THỊ
Về tăng cường phối hợp giải quyết thủ tục đầu tư
II. TRÁCH NHIỆM PHỐI HỢP GIẢI QUYẾT THỦ TỤC ĐẦU TƯ
1. Các sở, ngành công bố công khai các thủ tục đầu tư thuộc thẩm quyền.
2. Cơ quan chủ trì giải quyết thủ tục đầu tư dự án
a) Hướng dẫn nhà đầu tư hoàn thiện hồ sơ trong thời hạn quy định.
b) Chủ trì tham mưu giải quyết các kiến nghị của nhà đầu tư.
"""


def test_a_clause_titled_by_a_role_owns_the_points_under_it():
    tasks = [t for t in _tasks(ROLES) if t.text.startswith(("Hướng dẫn nhà đầu tư", "Chủ trì tham mưu"))]
    assert [t.lead for t in tasks] == [["Cơ quan chủ trì giải quyết thủ tục đầu tư dự án"]] * 2


EMPTY_OWNER_LABEL = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
Số: 88/KH-UBND
KẾ HOẠCH
Tháng hành động vì an toàn thực phẩm năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức về an toàn thực phẩm.
II. CÁC HOẠT ĐỘNG
1. Truyền thông
a) Hoạt động 1
- Nội dung: Tuyên truyền về an toàn thực phẩm trên các phương tiện thông tin đại chúng.
- Cơ quan thực hiện:
+ Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan.
+ Sở Công Thương kiểm tra an toàn thực phẩm tại các chợ đầu mối trên địa bàn tỉnh.
"""


def test_each_body_line_under_an_empty_executing_label_is_a_duty():
    tasks = _tasks(EMPTY_OWNER_LABEL)
    inspection = next(t for t in tasks if "chợ đầu mối" in t.text)
    assert inspection.lead == ["Sở Công Thương"] and inspection.text.startswith("Kiểm tra an toàn thực phẩm")
