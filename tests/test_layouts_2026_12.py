"""Layouts met in the second set of development documents (corpus/admin, December 2026), each
written here with other bodies, numbers and years than the documents that showed them:
decisions on an agency's functions, articles titled without "của", list markers alone on
their line, two-row table headers with a year over its measures, facts and estimates beside
targets, central bodies without a province, a portal header before the opening block."""

from extract.doc_kind import form_signals
from extract.regulated_body import regulated_body
from extract.targets import extract_targets
from extract.tasks import extract_tasks
from ingest.model import IngestedDocument, Page
from normalize import normalize_document
from normalize.tables import split_rows


def norm(text: str):
    doc = IngestedDocument(source="mem.md", sha256="0" * 64, method="text", pages=[Page(1, text)])
    return normalize_document(doc, restore=False)


FUNCTIONS = """QUYẾT ĐỊNH
Ban hành Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Chi cục Thủy lợi thuộc Sở Nông nghiệp và Môi trường
Điều 1. Ban hành kèm theo Quyết định này Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Chi cục Thủy lợi.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
QUY ĐỊNH
Điều 1. Vị trí và chức năng
1. Chi cục Thủy lợi là tổ chức hành chính thuộc Sở Nông nghiệp và Môi trường.
Điều 2. Nhiệm vụ và quyền hạn
1. Tham mưu Sở trình UBND tỉnh kế hoạch phòng, chống thiên tai hằng năm.
2. Hướng dẫn, kiểm tra việc vận hành các hồ chứa nước trên địa bàn tỉnh.
3. Thực hiện chế độ báo cáo định kỳ và đột xuất theo yêu cầu của Sở.
Điều 3. Cơ cấu tổ chức
1. Các phòng thuộc Chi cục gồm:
a) Phòng Hành chính - Tổng hợp;
b) Phòng Quản lý công trình.
"""


def test_the_duties_article_of_a_functions_decision_belongs_to_the_body_in_its_title():
    nd = norm(FUNCTIONS)
    assert regulated_body(nd.text) == "Chi cục Thủy lợi"
    tasks = extract_tasks(nd)
    assert [t.lead for t in tasks] == [["Chi cục Thủy lợi"]] * 3
    assert tasks[1].text.startswith("Hướng dẫn, kiểm tra việc vận hành")
    # what the body is and which units it has are no duties
    assert not any("Phòng" in t.text or "tổ chức hành chính" in t.text for t in tasks)


def test_an_article_may_name_its_owner_without_của():
    nd = norm("QUY CHẾ\nĐiều 9. Trách nhiệm Sở Tư pháp\n1. Hướng dẫn các xã cập nhật dữ liệu hộ tịch.\n"
              "2. Báo cáo UBND tỉnh kết quả thực hiện trước ngày 15/12 hằng năm.\n"
              "Điều 10. Trách nhiệm cá nhân trong sử dụng hộp thư công vụ\n1. Bảo quản mật khẩu được cấp.\n")
    tasks = extract_tasks(nd)
    assert [t.lead[0].lower() for t in tasks] == ["sở tư pháp", "sở tư pháp", "cá nhân"]


def test_a_list_marker_alone_on_its_line_opens_the_item_below_it():
    nd = norm("Điều 4. Quản lý hồ sơ\n1.\nViệc lưu trữ hồ sơ điện tử thực hiện theo quy định.\n2.\n"
              "Quy trình tiếp nhận:\n\na)\nBộ phận một cửa tiếp nhận hồ sơ.\n\nb)\nCán bộ thụ lý kiểm tra hồ sơ.\n")
    lines = nd.text.split("\n")
    assert "1. Việc lưu trữ hồ sơ điện tử thực hiện theo quy định." in lines
    assert "a) Bộ phận một cửa tiếp nhận hồ sơ." in lines and "b) Cán bộ thụ lý kiểm tra hồ sơ." in lines


def test_portal_header_cells_split_into_rows_and_a_column_numbering_row_is_header():
    cells = ["STT", "Mặt hàng", "Năm 2027", "Năm 2028", "",
             "Sản lượng (Tấn)", "Kim ngạch (Triệu USD)", "Sản lượng (Tấn)", "Kim ngạch (Triệu USD)", "", "",
             "1", "2", "3", "4", "5", "6",
             "1", "Cà phê nhân", "1.200", "3,5", "1.300", "4"]
    rows = split_rows(cells)
    assert rows[0] == ["STT", "Mặt hàng", "Năm 2027", "Năm 2028"]
    assert rows[1][0] == "Sản lượng (Tấn)" and len(rows[1]) == 4
    assert rows[2] == ["1", "2", "3", "4", "5", "6"]
    assert rows[3] == ["1", "Cà phê nhân", "1.200", "3,5", "1.300", "4"]


def test_a_year_over_its_measures_gives_one_target_per_year_and_measure_with_the_scaled_unit():
    flat = "".join(f"{c}\n|\n" for c in [
        "STT", "Mặt hàng", "Năm 2027", "Năm 2028", "",
        "Sản lượng (Tấn)", "Kim ngạch (Triệu USD)", "Sản lượng (Tấn)", "Kim ngạch (Triệu USD)", "", "",
        "1", "Cà phê nhân", "1.200", "3,5", "1.300", "4", "",
        "2", "Chè búp khô", "800", "2", "900", "2,5"])
    nd = norm("KẾ HOẠCH\nXuất khẩu nông sản giai đoạn 2027 - 2028\n\nPHỤ LỤC\n\n|\n" + flat)
    got = {(t.metric, t.value, t.unit, t.deadline.end) for t in extract_targets(nd)}
    assert ("Sản lượng cà phê nhân", 1200, "tấn", "2027-12-31") in got
    assert ("Kim ngạch cà phê nhân", 4_000_000, "USD", "2028-12-31") in got
    assert ("Kim ngạch chè búp khô", 2_500_000, "USD", "2028-12-31") in got
    assert len(got) == 8


def test_facts_estimates_statistics_and_footnotes_are_not_targets():
    text = ("II. MỤC TIÊU\n"
            "1. Phấn đấu đến năm 2027 đạt 95% hồ sơ được số hóa.\n"
            "2. Đến nay, 12/12 huyện đã hoàn thành kết nối; vốn ngân sách tỉnh chiếm khoảng 30% tổng vốn.\n"
            "3. Tỷ lệ vốn ngoài ngân sách dự kiến: 20%-25% tổng vốn đầu tư.\n"
            "4. Một số địa phương còn thấp như: Mường Lát (41,2%), Quan Sơn (47%).\n"
            "[3] Tỷ lệ năm 2024 của cả tỉnh là 71,5%.\n")
    got = [(t.value, t.unit) for t in extract_targets(norm(text))]
    assert got == [(95, "%")]


def test_a_central_body_has_no_province_though_its_date_line_names_hanoi():
    from extract.document import extract_document_info
    from vnplan.schema import DocumentInfo
    nd = norm("BỘ GIAO THÔNG VẬN TẢI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "Số: 118/QĐ-BGTVT\nHà Nội, ngày 04 tháng 3 năm 2026\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch cải cách hành chính\n")
    info = extract_document_info(nd, DocumentInfo(id="0", source="mem.md"))
    assert info.province is None and info.issued_date == "2026-03-04"


def test_the_opening_block_is_found_after_a_portal_header():
    # as the gate sees a portal page whose metadata the normalizer kept: 90 lines before the motto
    portal = "".join(f"Mục {i} của trang: Văn bản liên quan.\n" for i in range(90))
    page = (portal + "THỦ TƯỚNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 77/CĐ-TTg\nCÔNG ĐIỆN\nVề việc ứng phó bão số 5\n")
    signals = form_signals(page)
    assert signals["motto"] and signals["number"] and signals["doc_type"]
    # a sentence that names the republic is no opening block
    prose = "".join(f"Đoạn {i} nói về lịch sử của nước Cộng hòa xã hội chủ nghĩa Việt Nam và nhiều điều khác nữa.\n"
                    for i in range(90)) + "Số: 12/BC\nKẾ HOẠCH\n"
    assert not form_signals(prose)["doc_type"]


def test_a_sentence_that_opens_a_list_gives_its_actor_to_the_dashes():
    purpose = ("Nâng cao nhận thức của cán bộ, công chức, viên chức và người lao động về bình đẳng giới, phòng ngừa "
               "bạo lực trên cơ sở giới trong gia đình và cộng đồng dân cư trên địa bàn tỉnh.\n")
    nd = norm("I. MỤC ĐÍCH\n" + purpose * 3 + "II. NỘI DUNG\nd) Các hoạt động hưởng ứng\nCăn cứ điều kiện thực tế, các cơ quan, đơn vị, địa phương "
              "thực hiện các hoạt động sau:\n- Treo băng rôn, khẩu hiệu tại trụ sở.\n- Tổ chức tọa đàm với người lao động.\n")
    tasks = extract_tasks(nd)
    assert [t.text for t in tasks] == ["Treo băng rôn, khẩu hiệu tại trụ sở.", "Tổ chức tọa đàm với người lao động."]
    assert all("các cơ quan" in t.lead[0].lower() for t in tasks)


def test_conclusion_notices_answer_topics_and_name_bodies_in_items():
    nd = norm("THÔNG BÁO\nKết luận của Phó Thủ tướng tại buổi làm việc với tỉnh Hà Tĩnh\n"
              "I. ĐÁNH GIÁ CHUNG\nNăm 2025 tỉnh đạt nhiều kết quả.\n"
              "II. MỘT SỐ NỘI DUNG CỤ THỂ\n"
              "1. Về đề nghị hỗ trợ kinh phí khắc phục hậu quả mưa lũ năm 2025: Bộ Tài chính khẩn trương tổng hợp, "
              "báo cáo Thủ tướng Chính phủ trong tháng 12 năm 2025.\n"
              "2. Đẩy nhanh tiến độ các dự án trọng điểm\n"
              "a) Bộ Xây dựng chỉ đạo chủ đầu tư hoàn thành nút giao Cẩm Quan trong quý I năm 2026.\n"
              "b) Để sớm đưa cảng Vũng Áng vào khai thác, đề nghị: (i) Ủy ban nhân dân tỉnh Hà Tĩnh bàn giao mặt bằng, "
              "(ii) Bộ Công Thương hướng dẫn nhà đầu tư hoàn thiện hồ sơ.\n")
    got = {(t.lead[0], (t.deadline.end if t.deadline else None)) for t in extract_tasks(nd)}
    assert ("Bộ Tài chính", "2025-12-31") in got
    assert ("Bộ Xây dựng", "2026-03-31") in got
    assert any(lead.startswith("UBND tỉnh") for lead, _ in got)  # the province's own council, as the gazetteer names it
    assert any(lead == "Bộ Công Thương" for lead, _ in got)
    assert len(got) == 4


def test_a_share_that_conditions_an_amount_paid_is_no_target():
    text = ("Điều 5. Mức hỗ trợ\n1. Cây lâu năm: thiệt hại trên 70% diện tích, hỗ trợ 12.000.000 đồng/ha; "
            "thiệt hại từ 30% đến 70% diện tích, hỗ trợ 6.000.000 đồng/ha.\n")
    assert extract_targets(norm(text)) == []


def test_articles_on_powers_and_formats_assign_no_duty():
    nd = norm("QUY ĐỊNH\nĐiều 6. Thẩm quyền bổ nhiệm viên chức\n1. Giám đốc Sở Nội vụ quyết định bổ nhiệm trưởng phòng.\n"
              "Điều 7. Định dạng tên miền\n1. Đối với UBND cấp xã: sử dụng tên xã viết liền không dấu.\n"
              "Điều 8. Trách nhiệm của Sở Nội vụ\n1. Hướng dẫn các đơn vị thực hiện Quy định này.\n")
    assert [t.text for t in extract_tasks(nd)] == ["Hướng dẫn các đơn vị thực hiện Quy định này."]
