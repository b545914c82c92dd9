"""Letters (Công văn) and notices that pass on a leader's instructions (eighth session, December 2026,
set 24 of corpus/admin). Written with other bodies and wording than the letters that showed it."""

from extract.agencies import looks_like_agency
from extract.task_sentences import assignment
from extract.tasks import extract_tasks
from ingest.model import IngestedDocument, Page
from normalize import normalize_document


def _tasks(text: str):
    doc = IngestedDocument(source="mem.md", sha256="0" * 64, method="text", pages=[Page(1, text)])
    return extract_tasks(normalize_document(doc, restore=False))


LETTER = """VĂN PHÒNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12001/VPCP-NN
V/v bảo đảm nước tưới vụ Đông Xuân
Hà Nội, ngày 02 tháng 12 năm 2025
Kính gửi: Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Gia Lai.
Xét báo cáo của Bộ Nông nghiệp và Môi trường về tình hình hạn hán, Phó Thủ tướng Chính phủ Trần Văn An có ý kiến như sau:
Chủ tịch Ủy ban nhân dân tỉnh Gia Lai khẩn trương rà soát các hồ chứa nước, bảo đảm đủ nước tưới cho vụ Đông Xuân.
Văn phòng Chính phủ thông báo để các cơ quan biết, chỉ đạo thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT, NN.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn Văn Bình
"""


def test_a_leaders_instruction_passed_on_by_a_letter_is_a_duty_of_the_body_it_names():
    tasks = _tasks(LETTER)
    review = next(t for t in tasks if "hồ chứa nước" in t.text)
    assert review.lead and "Gia Lai" in review.lead[0]
    assert not [t for t in tasks if "thông báo để" in t.text.lower()]  # the closing formula is no duty


def test_a_departments_own_opinion_assigns_nothing():
    answer = LETTER.replace("Phó Thủ tướng Chính phủ Trần Văn An có ý kiến như sau:", "Cục Thủy lợi có ý kiến như sau:")
    assert not [t for t in _tasks(answer) if "hồ chứa nước" in t.text]


def test_the_bodies_an_issuer_asks_are_the_actors():
    rt = assignment("Sở Y tế đề nghị Ủy ban nhân dân các xã, phường chủ trì tổ chức tiêm chủng cho trẻ em.", 0, True)
    assert rt is not None and rt.lead.startswith("Ủy ban nhân dân các xã")


def test_schools_and_clinics_are_bodies():
    assert looks_like_agency("các đơn vị, cơ sở giáo dục trực thuộc")
    assert looks_like_agency("các cơ sở khám bệnh, chữa bệnh")


def test_a_notice_part_owned_by_the_body_its_intro_names_with_a_modal():
    from extract.task_owners import intro_owner
    head = ("Để tiếp tục nâng cao hiệu quả hoạt động của chính quyền cấp xã, tỉnh Quảng Ngãi cần tập trung thực hiện "
            "tốt một số nhiệm vụ, giải pháp sau đây")
    assert intro_owner(head) is not None
    from extract.agencies import cut_purpose
    assert cut_purpose(intro_owner(head)) == "tỉnh Quảng Ngãi"  # the modal "cần" is no part of the name
    # the issuer enacting its plan ("… ban hành Kế hoạch … với các nội dung sau") owns no list
    assert intro_owner("Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển du lịch cộng đồng trên địa bàn tỉnh "
                       "giai đoạn 2026 - 2030 với các nhiệm vụ, giải pháp sau") is None


DECREE = """CHÍNH PHỦ
Số: 310/2025/NĐ-CP
NGHỊ ĐỊNH
Quy định tổ chức các cơ quan chuyên môn
Căn cứ Luật Tổ chức Chính phủ;
Chương II
TỔ CHỨC
Điều 9. Chi cục chuyên ngành
1. Chi cục là tổ chức thuộc sở, thực hiện chức năng tham mưu, giúp Giám đốc sở quản lý nhà nước về chuyên ngành.
2. Tiêu chí thành lập chi cục
a) Có đối tượng quản lý về chuyên ngành thuộc phạm vi quản lý của sở;
b) Khối lượng công việc yêu cầu phải bố trí từ 10 biên chế công chức trở lên.
Điều 10. Tổ chức thực hiện
1. Các sở rà soát, sắp xếp lại các chi cục trước ngày 31 tháng 12 năm 2026.
"""


def test_what_a_body_is_and_the_criteria_to_set_it_up_are_no_duties():
    tasks = _tasks(DECREE)
    assert not [t.text for t in tasks if "Điều 9" in (t.evidence.section or "")]
    assert any("sắp xếp lại các chi cục" in t.text for t in tasks)


def test_a_departments_answer_about_a_chairmans_request_assigns_nothing():
    answer = LETTER.replace(
        "Xét báo cáo của Bộ Nông nghiệp và Môi trường về tình hình hạn hán, Phó Thủ tướng Chính phủ Trần Văn An có ý kiến như sau:",
        "Về kiến nghị của Chủ tịch Công ty cổ phần Sông Đà tại văn bản số 15/SĐ, Chi cục Thủy lợi có ý kiến như sau:")
    assert not [t for t in _tasks(answer) if "hồ chứa nước" in t.text]


def test_a_purpose_clause_that_names_a_city_in_lower_case_does_not_end_there():
    from extract.task_owners import intro_owner
    head = "Để hỗ trợ các huyện, thành phố phát triển du lịch, Sở Văn hóa, Thể thao và Du lịch chủ trì thực hiện các nhiệm vụ sau"
    assert intro_owner(head).startswith("Sở Văn hóa, Thể thao và Du lịch")


ANSWER = """CỤC HẢI QUAN
Số: 41200/CHQ-GSQL
V/v thủ tục nhập khẩu máy móc đã qua sử dụng
Hà Nội, ngày 03 tháng 12 năm 2025
Kính gửi: Công ty TNHH Cơ khí Hòa Phát.
Trả lời công văn số 12/CV-HP của Công ty về thủ tục nhập khẩu, Cục Hải quan có ý kiến như sau:
Căn cứ khoản 1 Điều 6 Quyết định số 18/2019/QĐ-TTg, máy móc đã qua sử dụng được nhập khẩu khi tuổi thiết bị không quá 10 năm.
Đề nghị Công ty nghiên cứu quy định tại các văn bản nêu trên để thực hiện.
Cục Hải quan trả lời để Công ty được biết./.
"""


def test_an_answers_advice_to_read_the_law_and_its_closing_are_no_duties():
    assert _tasks(ANSWER) == []


def test_the_bodies_a_department_asks_own_the_dashes_under_its_request():
    """"Nhằm …, Sở Y tế đề nghị UBND các xã, phường; các trạm y tế … thực hiện nghiêm túc …. Cụ thể:" and its dashes
    (set 24's leftover, ninth session): the purpose clause holds commas, the opening ends "Cụ thể:"."""
    text = """SỞ Y TẾ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc
Số: 4120/SYT-NVY V/v phòng chống dịch sốt xuất huyết mùa mưa | Đắk Lắk, ngày 03 tháng 12 năm 2025
Kính gửi: | - UBND các xã, phường; - Các trạm y tế trực thuộc.
Thực hiện Công văn số 6356/UBND-KGVX ngày 01/12/2025 của UBND tỉnh về phòng chống dịch sốt xuất huyết;
Nhằm bảo vệ sức khỏe cho người dân, học sinh và cán bộ, công chức, viên chức của các cơ quan, đơn vị, Sở Y tế đề nghị UBND các xã, phường; các cơ sở y tế trực thuộc thực hiện nghiêm túc các văn bản chỉ đạo của UBND tỉnh, chủ động triển khai các biện pháp phòng bệnh. Cụ thể:
- Tổ chức diệt lăng quăng, bọ gậy tại các hộ gia đình mỗi tuần một lần.
- Theo dõi số ca mắc và báo cáo Sở Y tế trước 16 giờ thứ Sáu hằng tuần.
Sở Y tế đề nghị các đơn vị nghiêm túc thực hiện./.
"""
    tasks = _tasks(text)
    dashes = [t for t in tasks if t.text.startswith(("Tổ chức diệt", "Theo dõi số ca"))]
    assert len(dashes) == 2
    assert all(t.lead[0] == "UBND cấp xã" for t in dashes)


# Set 26 (tenth session): a tax department's answers to the provincial offices under it and customs answers to
# companies. Other provinces, companies and wording than the letters that showed it.
TAX_ANSWER = """BỘ TÀI CHÍNH
CỤC THUẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 5901/CT-CS
V/v hoàn thuế giá trị gia tăng
Hà Nội, ngày 05 tháng 12 năm 2025
Kính gửi: Thuế tỉnh Bình Định.
Cục Thuế nhận được công văn số 812/BĐI-QLDN của Thuế tỉnh Bình Định về hoàn thuế của Công ty TNHH Hòa Phát. Về vấn đề này, Cục Thuế có ý kiến như sau:
Căn cứ khoản 3 Điều 15 Luật Thuế giá trị gia tăng số 48/2024/QH15.
Đề nghị Thuế tỉnh Bình Định căn cứ hồ sơ hoàn thuế của doanh nghiệp và quy định nêu trên để rà soát, thu hồi số thuế đã hoàn không đúng quy định.
Đề nghị Thuế tỉnh Bình Định căn cứ các quy định trên và hồ sơ thực tế để xử lý theo quy định.
Cục Thuế trả lời để Thuế tỉnh Bình Định biết và thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT, CS.
TL. CỤC TRƯỞNG
Nguyễn Văn Nam
"""


def test_a_request_to_a_provincial_tax_office_is_its_duty():
    """Since 2025 a province's tax office is "Thuế tỉnh X" (no longer "Cục Thuế tỉnh"): it names a body."""
    tasks = _tasks(TAX_ANSWER)
    review = [t for t in tasks if "thu hồi" in t.text]
    assert len(review) == 1 and review[0].lead and review[0].lead[0].startswith("Thuế tỉnh")
    assert looks_like_agency("Thuế thành phố Cần Thơ") and looks_like_agency("Thuế cơ sở 3 tỉnh Bình Định")


def test_a_request_only_to_apply_the_rules_is_the_answers_closing():
    assert not [t for t in _tasks(TAX_ANSWER) if "xử lý theo quy định" in t.text]


def test_advice_to_read_cited_provisions_or_ask_elsewhere_is_no_duty():
    body = ANSWER.replace("Đề nghị Công ty nghiên cứu quy định tại các văn bản nêu trên để thực hiện.", "\n".join([
        "Về thuế nhập khẩu: đề nghị Công ty nghiên cứu quy định tại khoản 2 Điều 19 Luật Thuế xuất khẩu, thuế nhập khẩu "
        "số 107/2016/QH13; Điều 12 Nghị định số 134/2016/NĐ-CP ngày 01/9/2016 của Chính phủ.",
        "Đề nghị Công ty nghiên cứu quy định nêu trên để thực hiện và liên hệ với Bộ Công Thương để được hướng dẫn.",
        "Đề nghị Công ty TNHH Minh Long liên hệ với Thuế tỉnh Khánh Hòa để được cơ quan thuế giải đáp cụ thể.",
    ]))
    assert _tasks(body) == []


def test_studying_the_rules_to_propose_changes_stays_a_duty():
    from extract.tasks import _reads_the_law

    assert not _reads_the_law("Nghiên cứu quy định hiện hành để đề xuất sửa đổi, bổ sung Quy chế.")
    assert not _reads_the_law("Căn cứ quy định tại Nghị định số 45/2020/NĐ-CP; xây dựng kế hoạch triển khai thực hiện.")


def test_a_request_after_a_topic_or_a_connective_is_the_named_bodys_duty():
    """"Về việc …, đề nghị Thuế tỉnh X …" and "Vì vậy, đề nghị …" (set 26, tenth session): the actor after the comma."""
    for opening in ("Về việc xác định nghĩa vụ thuế của doanh nghiệp nêu trên, ", "Vì vậy, "):
        rt = assignment(opening + "đề nghị Thuế tỉnh Hưng Yên phối hợp với Sở Tài chính xác định lại số tiền thuê đất "
                                  "phải nộp.", 0, False)
        assert rt is not None and rt.lead == "Thuế tỉnh Hưng Yên" and rt.text.startswith("Phối hợp với Sở Tài chính")


def test_being_sent_elsewhere_for_guidance_and_what_was_done_are_no_duties():
    body = ANSWER.replace("Đề nghị Công ty nghiên cứu quy định tại các văn bản nêu trên để thực hiện.", "\n".join([
        "Theo đó, đề nghị Hiệp hội Doanh nghiệp Nhật Bản liên hệ với Bộ Y tế là cơ quan chủ trì xây dựng quy chuẩn "
        "về thiết bị y tế để được hướng dẫn.",
        "Về đề nghị Bộ Y tế phối hợp với các bộ, ngành rà soát danh mục thuốc thiết yếu: Về vấn đề này, Chính phủ đã ban "
        "hành Nghị quyết số 120/NQ-CP ngày 10 tháng 6 năm 2025 về cắt giảm thủ tục.",
    ]))
    assert _tasks(body) == []


def test_a_duty_that_mentions_a_referral_and_a_ground_before_a_duty_stay_duties():
    """A second reading's counterexamples (tenth session): the rules above must not swallow these."""
    from extract.tasks import _reads_the_law

    assert not _reads_the_law("Căn cứ quy định nêu trên, thu hồi số thuế đã hoàn không đúng quy định.")
    assert _reads_the_law("Căn cứ các quy định nêu trên và hồ sơ thực tế để thực hiện theo đúng quy định.")
    text = ANSWER.replace("Đề nghị Công ty nghiên cứu quy định tại các văn bản nêu trên để thực hiện.",
                          "Đề nghị Sở Tài chính chủ trì thẩm định hồ sơ và hướng dẫn chủ đầu tư liên hệ với Sở Xây dựng "
                          "để được hướng dẫn thủ tục.")
    assert [t.lead for t in _tasks(text)] == [["Sở Tài chính"]]


def test_a_connective_without_its_comma_does_not_cut_the_first_body():
    rt = assignment("Do đó giao Sở Y tế, Sở Tài chính phối hợp rà soát danh mục thuốc.", 0, False)
    assert rt is None or rt.lead.startswith("Sở Y tế")
