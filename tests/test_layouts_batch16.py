"""Large central documents and short provincial ones (sixteenth and seventeenth development
sets, December 2026), written here with other bodies, numbers and wording than the
documents that showed them."""

from extract.document import extract_document_info
from extract.pipeline import _base_document
from extract.targets import extract_targets
from extract.tasks import extract_tasks
from ingest.model import IngestedDocument, Page
from normalize import normalize_document


def _normalized(text: str):
    doc = IngestedDocument(source="mem.md", sha256="0" * 64, method="text", pages=[Page(1, text)])
    return normalize_document(doc, restore=False)


def _info(text: str):
    ndoc = _normalized(text)
    return extract_document_info(ndoc, _base_document(ndoc))


SPENDING = """HỘI ĐỒNG NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 12/2025/NQ-HĐND
NGHỊ QUYẾT
Quy định mức chi hỗ trợ trồng rừng
Điều 3. Cấp kinh phí trồng rừng
1. Ban quản lý rừng phòng hộ
a) Mức kinh phí:
- Kinh phí trồng rừng bình quân 12.000.000 đồng/ha trên diện tích được giao.
- Kinh phí chăm sóc rừng bình quân 3.000.000 đồng/ha/năm.
b) Nội dung chi:
- Mua cây giống, phân bón cho diện tích trồng mới;
- Thuê lao động trồng và chăm sóc rừng.
c) Trình tự thực hiện
Căn cứ dự toán được giao, ban quản lý rừng phòng hộ lập hồ sơ thiết kế, dự toán theo quy định.
d) Báo cáo kết quả trồng rừng về Sở Nông nghiệp và Môi trường trước ngày 15 tháng 12 hằng năm.
Điều 4. Tổ chức thực hiện
Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.
"""


def test_what_a_rule_sets_for_a_body_is_no_duty_of_it():
    texts = [t.text for t in extract_tasks(_normalized(SPENDING))]
    assert not any(x.startswith(("Kinh phí", "Mua cây", "Thuê lao động", "Căn cứ dự toán")) for x in texts)
    # the clause under the same body that does assign it something stays its task
    report = next(t for t in extract_tasks(_normalized(SPENDING)) if t.text.startswith("Báo cáo kết quả"))
    assert report.lead == ["Ban quản lý rừng phòng hộ"]


NOTICE = """|
**VĂN PHÒNG CHÍNH PHỦ**
-------
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 701/TB-VPCP
|
*Hà Nội, ngày 02 tháng 12 năm 2025*
|
**THÔNG BÁO**
**Kết luận của Ban Chỉ đạo về phát triển hạ tầng số**
Ban Chỉ đạo thống nhất kết luận như sau:
**I. NHIỆM VỤ TRỌNG TÂM**
1. Bộ Xây dựng hoàn thành Đề án hạ tầng số trước ngày 20 tháng 12 năm 2025.
Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.
|
Nơi nhận:
- TTgCP, các PTTg: Trần Văn Một, Lê
Văn Hai,
Phạm Văn Ba (để b/c);
- Bộ trưởng, Thủ trưởng cơ quan ngang bộ,
cơ quan thuộc Chính phủ;
- Chủ tịch UBND các tỉnh, thành phố trực thuộc
Trung ương;
- Lưu: VT, KGVX (2).
|
**KT. BỘ TRƯỞNG,
CHỦ NHIỆM**
PHÓ CHỦ NHIỆM
Nguyễn Văn Bốn
|
**PHỤ LỤC**
DANH MỤC NHIỆM VỤ CHẬM TIẾN ĐỘ
|
**STT**
|
**Nhiệm vụ**
|
**Cơ quan chủ trì**
|
**Thời hạn hoàn thành**
|
|
1.
|
Xây dựng cơ sở dữ liệu quốc gia về công trình xây dựng
|
Bộ Xây dựng
|
30/10/2025
|
|
2.
|
Ban hành quy chuẩn kỹ thuật trạm phát sóng
|
Bộ Khoa học và Công nghệ
|
15/11/2025
|
"""


def test_recipients_wrapped_over_lines_do_not_cut_off_the_annexes():
    ndoc = _normalized(NOTICE)
    assert "PHỤ LỤC" in ndoc.text
    row = next(t for t in extract_tasks(ndoc) if t.text.startswith("Ban hành quy chuẩn kỹ thuật"))
    assert row.lead == ["Bộ Khoa học và Công nghệ"]


def test_the_deputy_head_of_the_government_office_signs_by_name():
    assert _info(NOTICE).signer == "Nguyễn Văn Bốn"


LETTER = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc Số:
812/CT-CS
V/v chính sách thuế giá trị gia tăng Hà Nội, ngày 03 tháng 12 năm 2025 Kính gửi: Công ty TNHH Minh An
Cục Thuế nhận được văn bản của Công ty về chính sách thuế. Về vấn đề này, Cục Thuế có ý kiến như sau:
Công ty thực hiện theo quy định tại Luật Thuế giá trị gia tăng.
Cục Thuế có ý kiến để Công ty được biết./.
Nơi nhận:
- Như trên;
- Phó CTr. Nguyễn Văn
Năm (để bc);
- Lưu: VT, CS
TL. CỤC TRƯỞNG
KT. TRƯỞNG BAN CHÍNH SÁCH, THUẾ QUỐC TẾ
PHÓ TRƯỞNG BAN
Trần Thị Sáu
"""


def test_a_letters_signature_and_number_are_not_its_issuer():
    info = _info(LETTER)
    assert info.issuer == "Cục Thuế"  # the header lost its issuer: the code in its number names it
    assert info.signer == "Trần Thị Sáu"


def test_a_subject_line_run_into_the_date_ends_before_the_place():
    assert _info(LETTER).title == "V/v chính sách thuế giá trị gia tăng"


CONCLUSION = """VĂN PHÒNG CHÍNH PHỦ
Số: 655/TB-VPCP
THÔNG BÁO
Kết luận của Phó Thủ tướng tại cuộc họp về dữ liệu đất đai
I. KẾT QUẢ ĐẠT ĐƯỢC
Các bộ đã đạt kết quả: (1) ban hành 12 văn bản hướng dẫn; (2) hoàn thành kết nối dữ liệu.
II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM
1. Hoàn thiện thể chế về dữ liệu: (1) Bộ Tư pháp thẩm định dự thảo Nghị định trước ngày 15 tháng 12 năm 2025; (2) Bộ Tài chính chủ trì, phối hợp các bộ bố trí kinh phí, hoàn thành trong tháng 12 năm 2025.
2. Nhiệm vụ cụ thể
a) Bộ Nông nghiệp và Môi trường: (1) hoàn thành cơ sở dữ liệu đất đai trước ngày 31 tháng 12 năm 2025; (2) hướng dẫn các địa phương làm sạch dữ liệu đất đai.
Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.
"""


def test_a_conclusions_numbered_parts_are_one_task_each_with_their_body():
    tasks = extract_tasks(_normalized(CONCLUSION))
    got = sorted((t.lead[0], t.text[:22]) for t in tasks)
    assert got == [("Bộ Nông nghiệp và Môi trường", "Hoàn thành cơ sở dữ li"),
                   ("Bộ Nông nghiệp và Môi trường", "Hướng dẫn các địa phươ"),
                   ("Bộ Tài chính", "Chủ trì, phối hợp các "),
                   ("Bộ Tư pháp", "Thẩm định dự thảo Nghị")]
    # results so far, numbered the same way, are no tasks (the part of results is not a part of tasks)


CONSOLIDATED = """BỘ XÂY DỰNG
Số: 31/VBHN-BXD
THÔNG TƯ
Quy định chi tiết về quản lý chất lượng công trình
Điều 9. Trách nhiệm, thẩm quyền của cơ quan quản lý công trình
1. Tổ chức kiểm tra chất lượng công trình theo kế hoạch hằng năm.
2. Báo cáo Bộ Xây dựng kết quả kiểm tra trước ngày 15 tháng 12 hằng năm.
Điều 10. Lập kế hoạch kiểm tra
a) [7]
Cục Giám định nhà nước về chất lượng công trình xây dựng chịu trách nhiệm lập kế hoạch kiểm tra hằng năm.
"""


def test_an_article_of_a_bodys_duties_and_powers_names_the_owner_of_its_clauses():
    leads = {t.text[:20]: t.lead for t in extract_tasks(_normalized(CONSOLIDATED))}
    assert leads["Tổ chức kiểm tra chấ"] == ["Cơ quan quản lý công trình"]


def test_a_consolidations_footnote_mark_after_a_label_is_no_part_of_the_point():
    ndoc = _normalized(CONSOLIDATED)
    assert "a) Cục Giám định nhà nước" in ndoc.text
    task = next(t for t in extract_tasks(ndoc) if t.text.startswith("Lập kế hoạch kiểm tra hằng năm"))
    assert task.lead == ["Cục Giám định nhà nước về chất lượng công trình xây dựng"]


STANDING_COMMITTEE = """ỦY BAN THƯỜNG VỤ QUỐC HỘI
Số: 1701/NQ-UBTVQH15
NGHỊ QUYẾT
Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Lâm Đồng năm 2025
Điều 1. Sắp xếp các đơn vị hành chính cấp xã
Ủy ban Thường vụ Quốc hội quyết định sắp xếp để thành lập các đơn vị hành chính cấp xã của tỉnh Lâm Đồng như sau:
1. Sắp xếp toàn bộ diện tích tự nhiên của các xã A và B thành xã mới có tên gọi là xã C.
Điều 2. Tổ chức thực hiện
1. Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Lâm Đồng, chính quyền địa phương các đơn vị hành chính liên quan đến việc thực hiện sắp xếp có trách nhiệm tổ chức thi hành Nghị quyết này; ổn định đời sống của Nhân dân địa phương.
2. Giao Chính phủ, căn cứ vào Nghị quyết này, tổ chức việc xác định chính xác diện tích tự nhiên của các đơn vị hành chính cấp xã và công bố công khai trước ngày 30 tháng 9 năm 2025.
"""


def test_the_government_is_an_owner_and_what_the_issuer_decides_is_no_task():
    tasks = extract_tasks(_normalized(STANDING_COMMITTEE))
    assert not any(t.text.startswith("Quyết định sắp xếp") for t in tasks)
    survey = next(t for t in tasks if "diện tích tự nhiên" in t.text)
    assert survey.lead == ["Chính phủ"] and str(survey.deadline.end) == "2025-09-30"
    # "liên quan đến việc thực hiện": a verb after "đến việc" is a noun, the owners run on to "có trách nhiệm"
    execution = next(t for t in tasks if t.text.startswith("Tổ chức thi hành"))
    assert len(execution.lead) == 4 and execution.lead[0] == "Chính phủ"


FIELD_VISIT = """VĂN PHÒNG CHÍNH PHỦ
Số: 702/TB-VPCP
THÔNG BÁO
Kết luận của Phó Thủ tướng tại buổi kiểm tra dự án bệnh viện
1. Ghi nhận sự nỗ lực của Bộ Y tế và các nhà thầu.
2. Để hoàn thành dự án đúng tiến độ, Phó Thủ tướng yêu cầu các bộ, cơ quan thực hiện một số nội dung như sau:
(1) Bộ Y tế chỉ đạo Ban Quản lý dự án tập trung nguồn lực, hoàn thành xây dựng trước ngày 31 tháng 12 năm 2025.
- Chủ trì, phối hợp với Bộ Tài chính hoàn thiện hồ sơ về cơ chế vận hành bệnh viện.
(2) Bộ Xây dựng chỉ đạo các cơ quan liên quan hướng dẫn nghiệm thu công trình.
Văn phòng Chính phủ thông báo để các bộ, cơ quan liên quan biết, thực hiện./.
"""


def test_a_notices_numbered_paragraphs_and_the_dashes_under_them_are_their_bodys_tasks():
    got = sorted((t.lead[0], t.text[:18]) for t in extract_tasks(_normalized(FIELD_VISIT)))
    assert got == [("Bộ Xây dựng", "Chỉ đạo các cơ qua"), ("Bộ Y tế", "Chỉ đạo Ban Quản l"), ("Bộ Y tế", "Chủ trì, phối hợp ")]


CASES = """Điều 7. Trách nhiệm quản lý thư điện tử
1. Khi nhận được thư điện tử gửi vào hộp thư của cơ quan, đơn vị thì bộ phận văn thư phải có trách nhiệm xử lý thư đã nhận.
2. Trường hợp thuộc thẩm quyền của Thủ tướng Chính phủ thì cơ quan quản lý đề xuất hình thức xử lý trong thời hạn 07 ngày.
"""


def test_after_a_case_the_body_given_a_duty_leads_it_but_a_procedure_step_is_no_task():
    tasks = extract_tasks(_normalized(CASES))
    assert [t.lead for t in tasks] == [["Bộ phận văn thư"]]


RESULTS_FIRST = """VĂN PHÒNG CHÍNH PHỦ
Số: 703/TB-VPCP
THÔNG BÁO
Kết luận phiên họp của Ban Chỉ đạo về chuyển đổi số
I. VỀ KẾT QUẢ ĐẠT ĐƯỢC
Thực hiện nghiêm chỉ đạo của Ban Chỉ đạo Trung ương, công tác chuyển đổi số đã đạt kết quả: các nhiệm vụ được
triển khai đồng bộ, tỷ lệ hồ sơ trực tuyến đạt 85%.
II. VỀ TỒN TẠI, HẠN CHẾ
Chỉ 3/12 cơ sở dữ liệu trọng yếu được hình thành; tỷ lệ giải ngân đạt 40%.
III. NHIỆM VỤ TRỌNG TÂM
1. Bộ Công an hoàn thành cơ sở dữ liệu dân cư trước ngày 31 tháng 12 năm 2025.
"""


def test_a_heading_in_capitals_ending_in_được_stays_a_heading_and_shortcomings_set_no_target():
    ndoc = _normalized(RESULTS_FIRST)
    assert "I. VỀ KẾT QUẢ ĐẠT ĐƯỢC\n" in ndoc.text
    assert extract_targets(ndoc) == []


TAX_LETTER = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc Số: 1602/VLO-QLDN3 V/v lãi tiền vay Vĩnh Long, ngày 03 tháng 12 năm 2025
Thuế tỉnh Vĩnh Long có ý kiến như sau:
Căn cứ khoản 3 Điều 16 Nghị định số 132/2020/NĐ-CP, quy định:
“3. Tổng chi phí lãi vay được trừ khi xác định thu nhập chịu thuế không vượt quá 30% tổng lợi nhuận thuần;
4. Thuế suất đối với thu nhập từ đầu tư vốn là 5%.”
Đề nghị Công ty thực hiện theo quy định.
"""


def test_numbers_of_a_text_quoted_after_quy_định_are_its_rules_not_targets():
    assert extract_targets(_normalized(TAX_LETTER)) == []


def test_headings_that_only_look_like_rule_topics_still_hold_duties_and_targets():
    plan = """KẾ HOẠCH
Chuyển đổi số năm 2026
II. NỘI DUNG CHÍNH
1. Phát triển hạ tầng số
Đến năm 2026, 100% xã có cáp quang.
III. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ
a) Nội dung chỉ đạo, điều hành:
- Hướng dẫn các xã triển khai hạ tầng số.
"""
    ndoc = _normalized(plan)
    assert [t.value for t in extract_targets(ndoc)] == [100.0]
    assert [t.lead for t in extract_tasks(ndoc)] == [["Sở Khoa học và Công nghệ"]]


def test_numbered_parts_in_one_paragraph_stay_apart_and_the_quote_on_the_same_line_is_left_out():
    notice = FIELD_VISIT.replace(
        "(2) Bộ Xây dựng chỉ đạo các cơ quan liên quan hướng dẫn nghiệm thu công trình.",
        "(2) Bộ Xây dựng chỉ đạo nghiệm thu công trình; (3) Bộ Công an hướng dẫn phòng cháy.")
    leads = sorted(t.lead[0] for t in extract_tasks(_normalized(notice)))
    assert leads == ["Bộ Công an", "Bộ Xây dựng", "Bộ Y tế", "Bộ Y tế"]
    letter = TAX_LETTER.replace("quy định:\n“3.", "quy định: “3.")
    assert extract_targets(_normalized(letter)) == []


RESULTS_TABLE = """KẾ HOẠCH
Chuyển đổi số năm 2026
PHỤ LỤC
STT | Nhiệm vụ | Đơn vị chủ trì | Kết quả thực hiện
1 | Số hóa hồ sơ hộ tịch | Sở Tư pháp | Có 11/11 địa phương hoàn thành số hóa 100% hồ sơ
2 | Cấp chữ ký số cho cán bộ | Sở Khoa học và Công nghệ | Đã cấp 95% chữ ký số cho cán bộ cấp xã
"""


def test_numbers_in_a_column_of_results_are_no_targets():
    assert extract_targets(_normalized(RESULTS_TABLE)) == []
