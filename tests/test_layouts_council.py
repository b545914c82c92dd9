"""Provincial regulations and council resolutions (eleventh development set, December 2026),
written here with other bodies and wording than the documents that showed them."""

from extract.targets import extract_targets
from extract.tasks import extract_tasks
from ingest.model import IngestedDocument, Page
from normalize import normalize_document


def _normalized(text: str):
    doc = IngestedDocument(source="mem.md", sha256="0" * 64, method="text", pages=[Page(1, text)])
    return normalize_document(doc, restore=False)


def tasks_of(text: str):
    return extract_tasks(_normalized(text))


RESOLUTION = """NGHỊ QUYẾT
Quy định hỗ trợ phát triển du lịch cộng đồng
Chương III
TỔ CHỨC THỰC HIỆN
Điều 9. Trách nhiệm của Ủy ban nhân dân tỉnh và các cơ quan liên quan
1. Ủy ban nhân dân tỉnh có quyền hạn và nhiệm vụ:
a) Ban hành hướng dẫn thực hiện Nghị quyết.
b) Bố trí kinh phí hằng năm để thực hiện Nghị quyết.
2. Trung tâm Xúc tiến Du lịch tỉnh Lâm Đồng (sau đây gọi tắt là “Trung tâm”) có trách nhiệm:
a) Tiếp nhận hồ sơ đề nghị hỗ trợ.
b) Tổng hợp kết quả hỗ trợ, báo cáo Sở Văn hóa, Thể thao và Du lịch.
Điều 10. Giám sát thực hiện
1. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.
2. Giao các Sở, ngành, Ủy ban nhân dân các xã, phường chỉ đạo các hợp tác xã du lịch (bao gồm cả tổ hợp tác) xây dựng sản phẩm du lịch.
"""


def test_a_body_with_duties_and_powers_is_the_lead_without_those_words():
    leads = {t.text[:20]: t.lead for t in tasks_of(RESOLUTION)}
    assert leads["Ban hành hướng dẫn t"] == ["UBND tỉnh"]
    assert leads["Bố trí kinh phí hằng"] == ["UBND tỉnh"]


def test_the_short_name_a_body_is_given_does_not_hide_it():
    tasks = tasks_of(RESOLUTION)
    led = [t.text for t in tasks if t.lead and t.lead[0].startswith("Trung tâm Xúc tiến Du lịch")]
    assert led == ["Tiếp nhận hồ sơ đề nghị hỗ trợ.", "Tổng hợp kết quả hỗ trợ, báo cáo Sở Văn hóa, Thể thao và Du lịch."]


def test_the_council_bodies_asked_to_supervise_are_the_leads():
    task = next(t for t in tasks_of(RESOLUTION) if "giám sát" in t.text.lower())
    assert len(task.lead) == 4
    assert any(x.startswith("Thường trực Hội đồng nhân dân") for x in task.lead)
    assert any(x.startswith("Các Tổ đại biểu") for x in task.lead)


def test_departments_assigned_by_name_are_no_general_directive():
    task = next(t for t in tasks_of(RESOLUTION) if "hợp tác xã du lịch" in t.text)
    assert task.text.startswith("Chỉ đạo")
    assert task.lead[0] == "Các Sở, ngành" and "xã" in task.lead[1]


REGULATION = """QUYẾT ĐỊNH
Ban hành Quy chế phối hợp quản lý đê điều

Chương II
NỘI DUNG PHỐI HỢP

Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc phối hợp quản lý đê điều.
Mục 1. PHỐI HỢP TRONG CÔNG TÁC TUẦN TRA
Điều 2. Trách nhiệm của Sở Nông nghiệp và Môi trường
1. Hướng dẫn lực lượng quản lý đê nhân dân tuần tra, canh gác.

**Mục 2. PHỐI HỢP TRONG CÔNG TÁC XỬ LÝ
VI PHẠM VỀ ĐÊ ĐIỀU**

Điều 3. Xử lý vi phạm trên đê
1. Lực lượng Kiểm lâm sở tại chủ trì kiểm tra hiện trường khi có vi phạm.
2. Các chủ rừng ven đê phải thường xuyên kiểm tra, báo cáo sự cố.
Điều 4. Thông tin về sự cố
1. Ban chỉ huy các cấp thông báo kịp thời tình hình sự cố cho Công an tỉnh.
"""


def test_a_section_heading_mục_is_structure_not_a_task():
    tasks = tasks_of(REGULATION)
    assert not any("PHỐI HỢP TRONG" in t.evidence.text for t in tasks)
    assert [t.lead for t in tasks if t.text.startswith("Hướng dẫn")] == [["Sở Nông nghiệp và Môi trường"]]


def test_owners_end_at_their_verb_and_sở_tại_is_part_of_the_name():
    leads = {t.text[:12]: t.lead for t in tasks_of(REGULATION)}
    assert leads["Chủ trì kiểm"] == ["Lực lượng Kiểm lâm sở tại"]
    assert leads["Thông báo kị"] == ["Ban chỉ huy các cấp"]
    assert leads["Phải thường "] == ["Các chủ rừng ven đê"]


def test_the_standards_of_a_rank_and_a_shift_are_no_targets():
    text = """NGHỊ ĐỊNH
Quy định chi tiết về bảo tàng

Chương III
XẾP HẠNG BẢO TÀNG

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định chi tiết về bảo tàng.
Mục 1. TIÊU CHÍ XẾP HẠNG
Điều 2. Tiêu chuẩn xếp hạng bảo tàng hạng I
1. Có ít nhất 90% hiện vật được bảo quản định kỳ.
2. Số lượng khách tham quan đạt ít nhất 100.000 lượt mỗi năm.
"""
    assert extract_targets(_normalized(text)) == []
    plan = """KẾ HOẠCH
Phòng cháy, chữa cháy rừng mùa khô
I. MỤC TIÊU
1. Tổ chức canh phòng trực 12/24 giờ tại các vùng trọng điểm.
2. Lập bình đồ khu vực trọng điểm theo bản đồ tỷ lệ 1/2.000 và tỷ lệ 1/500.
3. 20/20 xã có phương án chữa cháy rừng được phê duyệt.
"""
    assert [(t.value, t.unit) for t in extract_targets(_normalized(plan))] == [(100.0, "%")]


def test_a_case_added_to_a_duty_is_part_of_it_but_a_clause_opening_with_a_case_is_a_task():
    text = """QUYẾT ĐỊNH
Ban hành Quy chế phối hợp cấp giấy phép

Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc phối hợp.

Điều 2. Trách nhiệm của Sở Xây dựng
1. Thẩm định hồ sơ đề nghị cấp phép trong 05 ngày làm việc.

Trường hợp hồ sơ chưa đầy đủ, Sở Xây dựng phải thông báo cho tổ chức, cá nhân để bổ sung.
2. Trường hợp hồ sơ liên quan đến đất quốc phòng, lấy ý kiến của Bộ Chỉ huy quân sự tỉnh.
"""
    tasks = tasks_of(text)
    assert [t.evidence.text[:24] for t in tasks] == ["Thẩm định hồ sơ đề nghị ", "Trường hợp hồ sơ liên qu"]


def test_a_motto_a_procedure_step_and_a_release_from_liability_are_no_duties():
    text = """QUYẾT ĐỊNH
Ban hành Quy định phòng, chống lụt bão

Điều 1. Phạm vi điều chỉnh
Quy định này áp dụng trên địa bàn tỉnh.

Điều 2. Trách nhiệm của Ủy ban nhân dân cấp xã
1. Phương châm: Ủy ban nhân dân cấp xã phải chủ động phòng, tránh ở cơ sở.
2. Lập phương án sơ tán dân cư trước mùa mưa bão hằng năm.
3. Huy động lực lượng khi có lệnh theo trình tự sau:
- Bước 1: Chủ tịch Ủy ban nhân dân cấp xã ra lệnh huy động bằng văn bản.
- Bước 2: Ban Chỉ huy cấp xã thông báo cho các lực lượng được huy động.
4. Ủy ban nhân dân cấp xã không chịu trách nhiệm về thiệt hại do các tổ chức không chấp hành lệnh sơ tán.
"""
    assert [t.text[:18] for t in tasks_of(text)] == ["Lập phương án sơ t"]


def test_a_roadmap_stage_opening_with_its_dates_is_a_dated_task():
    text = """NGHỊ QUYẾT
Quy định thực hiện khu vực hạn chế xe tải

Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định khu vực hạn chế xe tải trên địa bàn tỉnh.

Điều 2. Lộ trình thực hiện
1. Trước ngày 01 tháng 01 năm 2029:
a) Kể từ ngày 01 tháng 3 năm 2027 đến hết ngày 31 tháng 12 năm 2027: Thực hiện hạn chế xe tải thí điểm tại các phường trung tâm quy định tại khoản 2 Điều 1
Nghị quyết này;
b) Kể từ ngày 01 tháng 01 năm 2028 đến hết ngày 31 tháng 12 năm 2028: Thực hiện hạn chế xe tải tại toàn bộ các phường.
"""
    tasks = tasks_of(text)
    assert [(t.deadline.start, t.deadline.end) for t in tasks] == [("2027-03-01", "2027-12-31"), ("2028-01-01", "2028-12-31")]
    assert tasks[0].text.endswith("Nghị quyết này;")  # the wrapped reference is joined back


def test_a_list_of_services_or_cases_has_no_collective_owner():
    text = """QUYẾT ĐỊNH
Ban hành Quy chế hoạt động của bến cảng

Điều 1. Phạm vi điều chỉnh
Quy chế này quy định hoạt động của bến cảng.

Điều 2. Dịch vụ được thực hiện tại bến cảng
1. Các loại hình dịch vụ:
a) Đại lý tàu biển;
b) Cung ứng nhiên liệu cho tàu thuyền.
2. Các chủ tàu:
a) Khai báo lịch tàu đến cảng trước 24 giờ.
"""
    tasks = tasks_of(text)
    assert [(t.lead, t.text[:18]) for t in tasks] == [(["Các chủ tàu"], "Khai báo lịch tàu ")]


def test_in_a_document_of_blank_separated_paragraphs_a_short_first_line_is_a_wrap():
    items = "\n\n".join(f"{k}. Sở Y tế thực hiện nhiệm vụ số {k} theo quy định." for k in range(1, 9))
    text = f"""QUYẾT ĐỊNH
Ban hành Quy chế phối hợp

Điều 1. Phạm vi điều chỉnh

{items}

9. Tập đoàn Điện lực
Việt Nam có trách nhiệm lập hồ sơ khung giá hằng năm.
"""
    nd = _normalized(text)
    assert "9. Tập đoàn Điện lực Việt Nam có trách nhiệm" in nd.text


def test_the_members_a_body_gom_are_no_duties_of_it():
    text = """NGHỊ ĐỊNH
Quy định về tuyển dụng viên chức

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về tuyển dụng viên chức.

Điều 2. Hội đồng tuyển dụng viên chức
1. Hội đồng tuyển dụng viên chức (sau đây gọi chung là Hội đồng) bao gồm:
a) Chủ tịch Hội đồng là người đứng đầu đơn vị sự nghiệp công lập;
b) Các ủy viên khác là đại diện lãnh đạo các phòng chuyên môn.
2. Hội đồng tuyển dụng có trách nhiệm tổ chức thi tuyển theo kế hoạch được duyệt.
"""
    tasks = tasks_of(text)
    assert len(tasks) == 1 and "tổ chức thi tuyển" in tasks[0].text


def test_a_body_of_named_places_over_dashed_duties_owns_each_dash():
    text = """KẾ HOẠCH
Phát triển bền vững kinh tế biển

IV. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Môi trường
- Chủ trì theo dõi việc thực hiện Kế hoạch.
2. Ủy ban nhân dân các xã: Bình Minh, Tân Hải, Vĩnh Phước
- Xây dựng kế hoạch cụ thể hóa các nhiệm vụ của Kế hoạch.
- Tuyên truyền nâng cao nhận thức của Nhân dân về bảo vệ môi trường biển.
"""
    tasks = [t for t in tasks_of(text) if "Bình Minh" in " ".join(t.lead)]
    assert [t.text[:12] for t in tasks] == ["Xây dựng kế ", "Tuyên truyền"]
    assert tasks[0].lead == ["Ủy ban nhân dân các xã Bình Minh, Tân Hải, Vĩnh Phước"]


def test_the_obligations_of_those_a_regulation_binds_are_tasks_their_rights_are_not():
    text = """QUYẾT ĐỊNH
Ban hành Nội quy bến xe khách

Điều 1. Phạm vi áp dụng
Nội quy này áp dụng tại bến xe khách của tỉnh.

Điều 2. Quyền và nghĩa vụ của doanh nghiệp vận tải
1. Quyền của doanh nghiệp vận tải
a) Được bố trí vị trí đón, trả khách theo hợp đồng.
b) Được cung cấp thông tin về lịch chạy xe.
2. Nghĩa vụ của doanh nghiệp vận tải
a) Đưa xe vào đúng vị trí do bến xe bố trí.
b) Niêm yết giá vé tại quầy bán vé.
Điều 3. Quyền và nghĩa vụ của đơn vị quản lý bến xe
1. Đơn vị quản lý bến xe có các quyền sau:
a) Từ chối phục vụ xe không đủ điều kiện.
2. Đơn vị quản lý bến xe có trách nhiệm:
a) Bảo đảm an ninh, trật tự trong bến xe.
"""
    texts = [t.text[:14] for t in tasks_of(text)]
    assert texts == ["Đưa xe vào đún", "Niêm yết giá v", "Bảo đảm an nin"]


def test_the_numbers_in_the_articles_of_a_normative_document_are_rules_not_targets():
    text = """QUYẾT ĐỊNH
Số: 41/2026/QĐ-UBND

Ban hành Điều lệ Quỹ Phát triển đất

Điều 1. Phạm vi
Điều lệ này quy định tổ chức và hoạt động của Quỹ.

Điều 2. Hoạt động cho vay
1. Mức vốn vay của một dự án không được vượt quá 70% tổng mức đầu tư của dự án.
2. Số lượng thành viên Hội đồng quản lý không quá 05 người.

Điều 3. Mục tiêu hoạt động

Đến năm 2030, Quỹ cho vay đạt trên 80% số dự án được phê duyệt.

PHỤ LỤC
Mức độ đánh giá hồ sơ vay vốn
Mức | Tỷ lệ hồ sơ đầy đủ
Tốt | Lớn hơn 95% hồ sơ
Đạt | Từ 50% đến 95% hồ sơ
"""
    targets = extract_targets(_normalized(text))
    assert [(t.value, t.unit) for t in targets] == [(80.0, "%")]


def test_an_article_titled_by_a_body_describes_it_only_its_duty_clauses_are_tasks():
    text = """QUYẾT ĐỊNH
Ban hành Điều lệ Quỹ Hỗ trợ nông dân

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi
Điều lệ này quy định tổ chức và hoạt động của Quỹ.

Chương II
TỔ CHỨC BỘ MÁY

Điều 2. Ban Kiểm soát Quỹ
1. Ban Kiểm soát có 03 thành viên, nhiệm kỳ 05 năm.
2. Ban Kiểm soát có các nhiệm vụ và quyền hạn sau:
a) Kiểm tra hoạt động tài chính của Quỹ hằng năm.
b) Báo cáo kết quả kiểm tra với Hội đồng quản lý.

Mục 2

HOẠT ĐỘNG CỦA QUỸ

Điều 3. Cho vay
Quỹ cho vay các dự án của hội viên.
"""
    tasks = tasks_of(text)
    assert [t.text[:14] for t in tasks] == ["Kiểm tra hoạt ", "Báo cáo kết qu"]
    assert all(t.lead == ["Ban Kiểm soát"] for t in tasks)


def test_powers_and_permissions_are_no_duties():
    text = """QUYẾT ĐỊNH
Ban hành Điều lệ Quỹ Khuyến nông

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi
Điều lệ này quy định tổ chức và hoạt động của Quỹ.

Chương II
TỔ CHỨC VÀ HOẠT ĐỘNG

Điều 2. Hội đồng quản lý Quỹ
1. Hội đồng quản lý Quỹ có nhiệm vụ:
a) Phê duyệt kế hoạch hoạt động hằng năm của Quỹ.
2. Quyền hạn của Hội đồng quản lý Quỹ:
a) Quyết định mức cho vay đối với từng dự án.
b) Bổ nhiệm Giám đốc Quỹ.
Điều 3. Hoạt động dịch vụ
1. Quỹ được phép nhận ủy thác cho vay của các tổ chức tín dụng.
2. Giám đốc Quỹ có thể ủy quyền cho Phó Giám đốc ký các hợp đồng.
"""
    assert [t.text[:18] for t in tasks_of(text)] == ["Phê duyệt kế hoạch"]


def test_an_article_that_hands_down_a_power_assigns_no_duty():
    text = """QUYẾT ĐỊNH
Phân cấp thẩm quyền quyết định trong quản lý tài sản công

Điều 1. Phạm vi điều chỉnh
Quyết định này phân cấp thẩm quyền quyết định trong quản lý tài sản công.

Điều 2. Phân cấp thẩm quyền quyết định thanh lý tài sản công
1. Giám đốc Sở Tài chính quyết định thanh lý tài sản có nguyên giá từ 500 triệu đồng trở lên.
2. Chủ tịch Ủy ban nhân dân cấp xã quyết định thanh lý tài sản của cấp xã.

Điều 3. Tổ chức thực hiện
1. Sở Tài chính hướng dẫn, kiểm tra việc thực hiện Quyết định này.
"""
    assert [t.text[:10] for t in tasks_of(text)] == ["Hướng dẫn,"]


def test_a_normative_resolution_that_adopts_a_programme_keeps_its_targets():
    text = """NGHỊ QUYẾT
Số: 12/2025/NQ-HĐND

Thông qua Chương trình phát triển nhà ở tỉnh đến năm 2030

Điều 1. Thông qua Chương trình phát triển nhà ở

2. Tỷ lệ nhà ở kiên cố đạt 85% vào năm 2030.
"""
    assert [(t.value, t.unit) for t in extract_targets(_normalized(text))] == [(85.0, "%")]


def test_an_article_of_a_decision_titled_by_a_body_gives_it_its_clauses():
    text = """QUYẾT ĐỊNH
Số: 25/QĐ-UBND

Về việc giao nhiệm vụ thực hiện dự án cải tạo kênh

Điều 1. Giao nhiệm vụ cho các cơ quan như sau.

Điều 2. Sở Tài chính:
1. Bố trí vốn cho các dự án trong năm 2026.
2. Hướng dẫn chủ đầu tư thanh toán, quyết toán vốn.
"""
    tasks = [t for t in tasks_of(text) if t.lead == ["Sở Tài chính"]]
    assert [t.text[:12] for t in tasks] == ["Bố trí vốn c", "Hướng dẫn ch"]


def test_powers_alone_and_rights_with_duties():
    text = """QUYẾT ĐỊNH
Ban hành Quy chế thuê tư vấn

Điều 1. Phạm vi
Quy chế này quy định việc thuê tư vấn.

Điều 2. Trách nhiệm của Công ty tư vấn
1. Công ty tư vấn có các quyền và nghĩa vụ sau:
a) Bảo đảm tính độc lập của kết quả tư vấn.
b) Lưu trữ hồ sơ tư vấn trong 10 năm.
Điều 3. Quyền hạn của Tổ giúp việc
1. Tổ giúp việc có quyền hạn sau:
a) Đề nghị cơ quan liên quan cung cấp thông tin.
"""
    assert [t.text[:12] for t in tasks_of(text)] == ["Bảo đảm tính", "Lưu trữ hồ s"]


def test_a_conclusion_notice_gives_its_tasks_to_the_body_it_is_sent_to():
    text = """THÔNG BÁO
Kết luận của Phó Thủ tướng tại buổi làm việc với lãnh đạo tỉnh Lào Cai

I. ĐÁNH GIÁ CHUNG
Năm 2025 tỉnh đạt tăng trưởng 9,5%, cao hơn bình quân cả nước.

II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI
1. Rà soát, điều chỉnh quy hoạch tỉnh phù hợp với định hướng phát triển vùng.
2. Đẩy nhanh giải ngân vốn đầu tư công năm 2025.

Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Lào Cai và các cơ quan liên quan biết, thực hiện./.
"""
    tasks = tasks_of(text)
    assert [t.text[:10] for t in tasks] == ["Rà soát, đ", "Đẩy nhanh "]
    assert all(t.lead in (["UBND tỉnh"], ["UBND tỉnh Lào Cai"]) for t in tasks)  # its own province: generic
