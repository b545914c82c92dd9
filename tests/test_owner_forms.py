"""Owners of a regulation's clauses written in less common forms (eighth session, December 2026):
a body named by its acronym alone, and a body named as the focal point of a work before its duties.
Written with other bodies and wording than the circular that showed them."""

from extract.tasks import extract_tasks
from ingest.model import IngestedDocument, Page
from normalize import normalize_document


def _tasks(text: str):
    doc = IngestedDocument(source="mem.md", sha256="0" * 64, method="text", pages=[Page(1, text)])
    return extract_tasks(normalize_document(doc, restore=False))


REGULATION = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 21/2026/TT-BNNMT
THÔNG TƯ
Quy định về quan trắc môi trường biển
Căn cứ Luật Bảo vệ môi trường;
Bộ trưởng Bộ Nông nghiệp và Môi trường ban hành Thông tư.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định về quan trắc môi trường biển.
Chương II
QUẢN LÝ DỮ LIỆU
Điều 9. Trách nhiệm quản lý dữ liệu quan trắc
1. Sở Nông nghiệp và Môi trường các tỉnh ven biển là đầu mối tiếp nhận, tổng hợp số liệu quan trắc trên địa bàn có trách nhiệm:
a) Kiểm tra tính đầy đủ của số liệu quan trắc;
b) Lưu trữ số liệu quan trắc theo quy định.
2. Trung tâm Quan trắc môi trường biển quốc gia (VNMEC) có trách nhiệm vận hành hệ thống quan trắc quốc gia có nhiệm vụ:
a) Công bố kết quả quan trắc hằng quý;
b) Hướng dẫn các địa phương kết nối số liệu.
3. VNMEC có trách nhiệm công khai số liệu quan trắc trên cổng thông tin điện tử hằng tháng.
4. CSDL có trách nhiệm lưu trữ số liệu quan trắc của các trạm.
Điều 10. Hiệu lực thi hành
Thông tư này có hiệu lực từ ngày 01 tháng 7 năm 2026.
"""


def test_a_body_named_as_the_focal_point_owns_the_duties_listed_after_it():
    by_text = {t.text: t for t in _tasks(REGULATION)}
    check = by_text["Kiểm tra tính đầy đủ của số liệu quan trắc;"]
    assert check.lead and check.lead[0].startswith("Sở Nông nghiệp và Môi trường")
    assert "Lưu trữ số liệu quan trắc theo quy định." in by_text


def test_a_body_named_with_its_acronym_owns_its_points():
    by_text = {t.text: t for t in _tasks(REGULATION)}
    assert by_text["Công bố kết quả quan trắc hằng quý;"].lead == ["Trung tâm Quan trắc môi trường biển quốc gia"]
    assert by_text["Hướng dẫn các địa phương kết nối số liệu."].lead == ["Trung tâm Quan trắc môi trường biển quốc gia"]


def test_an_acronym_owns_a_duty_only_where_the_document_names_a_body_by_it():
    tasks = _tasks(REGULATION)
    assert [t.lead for t in tasks if "công khai số liệu" in t.text.lower()] == [["VNMEC"]]
    assert not [t for t in tasks if "lưu trữ số liệu quan trắc của các trạm" in t.text]  # "CSDL": a database


MARKET_RULES = """ỦY BAN NHÂN DÂN
XÃ PHÚ HÒA
Số: 15/QĐ-UBND
QUYẾT ĐỊNH
Ban hành Nội quy chợ Phú Hòa
Điều 1. Ban hành kèm theo Quyết định này Nội quy chợ Phú Hòa.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
NỘI QUY
Chợ Phú Hòa
Điều 1. Thời gian mở cửa
Chợ mở cửa từ 05 giờ đến 19 giờ hằng ngày.
Điều 2. An toàn phòng cháy chữa cháy
1. Thương nhân không được sử dụng bếp than trong chợ.
2. Bộ phận phụ trách an ninh, trật tự của chợ có trách nhiệm tuần tra, kiểm soát khu vực chợ vào ban đêm.
"""


def test_a_unit_whose_name_holds_a_verb_is_the_owner_up_to_its_duty_marker():
    tasks = _tasks(MARKET_RULES)
    patrol = next(t for t in tasks if t.text.startswith("Tuần tra, kiểm soát khu vực chợ"))
    assert patrol.lead == ["Bộ phận phụ trách an ninh, trật tự của chợ"]


CHARTER = """ỦY BAN NHÂN DÂN
TỈNH LẠNG SƠN
Số: 310/QĐ-UBND
QUYẾT ĐỊNH
Ban hành Điều lệ tổ chức và hoạt động của Quỹ Phát triển đất tỉnh Lạng Sơn
Căn cứ Luật Đất đai;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Điều lệ tổ chức và hoạt động của Quỹ Phát triển đất tỉnh Lạng Sơn.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
ĐIỀU LỆ
TỔ CHỨC VÀ HOẠT ĐỘNG CỦA QUỸ PHÁT TRIỂN ĐẤT TỈNH LẠNG SƠN
Chương I
QUY ĐỊNH CHUNG
Điều 1. Vị trí, chức năng
Quỹ Phát triển đất tỉnh Lạng Sơn là quỹ tài chính nhà nước ngoài ngân sách.
Chương II
NHIỆM VỤ VÀ QUYỀN HẠN
Điều 3. Nhiệm vụ
1. Ứng vốn cho tổ chức phát triển quỹ đất để bồi thường, hỗ trợ, tái định cư.
2. Lập kế hoạch tài chính hằng năm trình Hội đồng quản lý Quỹ phê duyệt.
"""


def test_the_duties_article_of_a_charter_belongs_to_the_body_the_charter_sets_up():
    by_text = {t.text: t for t in _tasks(CHARTER)}
    assert by_text["Ứng vốn cho tổ chức phát triển quỹ đất để bồi thường, hỗ trợ, tái định cư."].lead == ["Quỹ Phát triển đất tỉnh"]
    assert "Lập kế hoạch tài chính hằng năm trình Hội đồng quản lý Quỹ phê duyệt." in by_text


STATION_RULES = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 30/2025/TT-BNNMT
THÔNG TƯ
Quy định kỹ thuật vận hành trạm quan trắc khí tượng
Căn cứ Luật Khí tượng thủy văn;
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định kỹ thuật vận hành trạm quan trắc khí tượng.
Điều 9. Công tác phối hợp vận hành
1. Cán bộ kỹ thuật vận hành trạm quan trắc có trách nhiệm gửi số liệu quan trắc về Trung tâm dữ liệu hằng giờ.
2. Nhân viên trực ban điều hành trạm có trách nhiệm ghi nhật ký vận hành sau mỗi ca trực.
"""


def test_a_person_whose_title_holds_a_verb_owns_the_duty_after_the_marker():
    by_text = {t.text: t for t in _tasks(STATION_RULES)}
    send = next(t for text, t in by_text.items() if text.startswith("Gửi số liệu quan trắc"))
    assert send.lead == ["Cán bộ kỹ thuật vận hành trạm quan trắc"]
    log = next(t for text, t in by_text.items() if text.startswith("Ghi nhật ký vận hành"))
    assert log.lead == ["Nhân viên trực ban điều hành trạm"]


def test_publishing_verbs_end_an_owner_name():
    from extract.agencies import cut_purpose
    assert cut_purpose("Sở Xây dựng đăng tải thông điệp trên bảng quang báo") == "Sở Xây dựng"
    assert cut_purpose("Sở Y tế công bố danh sách cơ sở đủ điều kiện") == "Sở Y tế"
    assert cut_purpose("Sở Công Thương phát hành tờ rơi tại các chợ") == "Sở Công Thương"
