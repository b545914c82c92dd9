"""Layouts met in the fifth set of development documents (corpus/admin: telegrams, dispatches
and Government resolutions, December 2026), each written here with other bodies, numbers and
years than the documents that showed them."""

from extract.agencies import canonical_agencies, cut_purpose
from extract.tasks import extract_tasks
from ingest.model import IngestedDocument, Page
from normalize import normalize_document
from vnplan.matching import field_equal


def norm(text: str):
    doc = IngestedDocument(source="mem.md", sha256="0" * 64, method="text", pages=[Page(1, text)])
    return normalize_document(doc, restore=False)


def leads(text: str) -> list[list[str]]:
    return [t.lead for t in extract_tasks(norm(text))]


def test_a_capitalised_verb_after_a_whole_body_ends_the_owner():
    # a line break joined: "1.1. Giao Sở Tài chính" / "Khẩn trương tổng hợp …"
    assert cut_purpose("Sở Tài chính Khẩn trương tổng hợp nhu cầu kinh phí") == "Sở Tài chính"
    assert cut_purpose("Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ Tiếp tục rà soát") == \
        "Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ"
    assert cut_purpose("Ủy ban nhân dân các tỉnh, thành phố Khẩn trương rà soát") == "Ủy ban nhân dân các tỉnh, thành phố"
    # … but not inside a name, nor inside brackets, nor a place named like a verb
    assert cut_purpose("UBND huyện Lập Thạch chủ trì") == "UBND huyện Lập Thạch"
    assert cut_purpose("UBND xã Thống Nhất chủ trì") == "UBND xã Thống Nhất"
    assert cut_purpose("Sở Xây dựng " * 400)  # a long run is read in linear time
    assert cut_purpose("Trung tâm Phục vụ hành chính công tỉnh tiếp nhận hồ sơ") == "Trung tâm Phục vụ hành chính công tỉnh"
    assert cut_purpose("Sở Tư pháp (Trung tâm Trợ giúp pháp lý) hướng dẫn") == "Sở Tư pháp (Trung tâm Trợ giúp pháp lý)"


def test_collective_owners_stay_one_entry():
    assert canonical_agencies("Cơ quan, tổ chức quản lý trực tiếp") == ["Cơ quan, tổ chức quản lý trực tiếp"]
    assert canonical_agencies("Sở, ban, ngành liên quan") == ["Sở, ban, ngành liên quan"]
    assert canonical_agencies("Các đơn vị sự nghiệp công lập trực thuộc UBND tỉnh") == \
        ["Các đơn vị sự nghiệp công lập trực thuộc UBND tỉnh"]  # "lập" of "công lập" is no verb


DISPATCH = """CÔNG VĂN
Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:
1. Về việc cập nhật dữ liệu dân cư
1.1. Giao Sở Tư pháp
Khẩn trương rà soát toàn bộ dữ liệu hộ tịch đã số hóa và gửi Công an tỉnh trước ngày 20 tháng 3 năm 2026.
1.2. Giao Công an tỉnh
Chỉ đạo Công an các xã, phường đối chiếu dữ liệu hộ tịch với Cơ sở dữ liệu quốc gia về dân cư.
2. Bộ Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh:
a) Hướng dẫn các cơ sở khám bệnh cập nhật hồ sơ sức khỏe điện tử;
b) Tổng hợp kết quả, báo cáo Chủ tịch UBND tỉnh trước ngày 30/4/2026.
"""


def test_giao_titles_and_intros_name_the_owner_of_what_follows():
    tasks = extract_tasks(norm(DISPATCH))
    assert [t.lead for t in tasks] == [["Sở Tư pháp"], ["Công an tỉnh"], ["Bộ Y tế"], ["Bộ Y tế"]]
    assert tasks[0].text.startswith("Khẩn trương rà soát")
    assert tasks[0].deadline.end == "2026-03-20"
    # "X chủ trì, phối hợp với Y:" gives each item below its support too
    assert tasks[2].support == tasks[3].support == ["Bảo hiểm xã hội tỉnh"]


RESOLUTION = """NGHỊ QUYẾT
II. NHIỆM VỤ, GIẢI PHÁP
1. Hỗ trợ khẩn cấp về lương thực
Ủy ban nhân dân các tỉnh, thành phố:
a) Rà soát, thống kê các hộ thiếu đói sau bão để cứu trợ kịp thời;
b) Bố trí ngân sách địa phương mua gạo cứu trợ cho các hộ bị ảnh hưởng.
2. Các Bộ: Công Thương, Nông nghiệp và Môi trường chủ động bảo đảm nguồn cung hàng hóa thiết yếu tại vùng bị ảnh hưởng.
3. Trường Chính trị tỉnh tổ chức bồi dưỡng các chương trình sau:
a) Chương trình bồi dưỡng lý luận chính trị;
b) Chương trình bồi dưỡng kiến thức quản lý nhà nước.
"""


def test_a_body_line_intro_and_a_list_of_ministries_after_a_colon():
    tasks = extract_tasks(norm(RESOLUTION))
    assert [t.lead for t in tasks[:2]] == [["Ủy ban nhân dân các tỉnh, thành phố"]] * 2
    assert tasks[2].lead == ["Bộ Công Thương", "Bộ Nông nghiệp và Môi trường"]
    # the programmes a body teaches are what it does, not duties each
    assert not any(t.text.startswith("Chương trình bồi dưỡng") for t in tasks)


def test_a_central_documents_provinces_keep_their_names():
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 301/CĐ-TTg\nHà Nội, ngày 3 tháng 2 năm 2026\n"
            "CÔNG ĐIỆN\nVề việc ứng phó rét đậm\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n"
            "1. Chủ tịch Ủy ban nhân dân tỉnh Lào Cai, Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng chỉ đạo bảo vệ đàn gia súc.\n")
    assert leads(text) == [["Ủy ban nhân dân tỉnh Lào Cai", "Ủy ban nhân dân tỉnh Cao Bằng"]]


def test_a_roadmap_item_closing_with_its_period_is_a_dated_task():
    text = ("KẾ HOẠCH\nIII. NHIỆM VỤ TRỌNG TÂM\nLộ trình chung:\n"
            "1. Rà soát, chuẩn hóa dữ liệu đất đai của tỉnh (2026 - 2027).\n"
            "2. Xây dựng phần mềm quản lý dữ liệu (2027 trở đi).\n")
    tasks = extract_tasks(norm(text))
    assert [(t.deadline.start, t.deadline.end) for t in tasks][:1] == [("2026-01-01", "2027-12-31")]
    assert len(tasks) == 2


def test_the_evaluator_reads_the_documents_own_province_in_a_bodys_name():
    assert field_equal("lead", ["UBND thành phố Hải Phòng"], ["UBND tỉnh"], province="Hải Phòng")
    assert field_equal("lead", ["Báo Lào Cai"], ["Báo tỉnh"], province="Lào Cai")
    # another province's body is not this province's
    assert not field_equal("lead", ["Báo Lào Cai"], ["Báo tỉnh"], province="Yên Bái")


# --- the sixth set: a programme with a targets table and a task table in its annexes ---

def portal_table(caption: str, rows: list[list[str]]) -> str:
    """A table as the portal saves it: a caption line, then one cell per line between "|" lines,
    each row closed by an empty cell."""
    out = [caption]
    for row in rows:
        for cell in row:
            out += ["|", cell]
        out += ["|", "|"]
    return "\n".join(out[:-1]) + "\n"


def test_a_caption_above_the_opening_pipe_is_no_cell_and_roman_groups_split_rows():
    text = ("PHỤ LỤC II\nDANH MỤC NHIỆM VỤ\n" + portal_table(
        "(Kèm theo Quyết định số 15/QĐ-UBND ngày 02 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh)",
        [["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
         ["I", "Hạ tầng số", "", "", ""], ["I.1", "Nhóm nền tảng dùng chung", "", "", ""],
         ["1", "Xây dựng kho dữ liệu dùng chung của tỉnh", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Năm 2026"],
         ["2", "Nâng cấp Cổng dịch vụ công của tỉnh", "Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ", "Quý IV/2026"]]))
    nd = norm("KẾ HOẠCH\n" + text)
    assert nd.tables[0].rows[0][:2] == ["TT", "Nhiệm vụ"]  # the caption is not the first header cell
    tasks = extract_tasks(nd)
    assert [(t.lead, t.deadline.end) for t in tasks] == [(["Sở Khoa học và Công nghệ"], "2026-12-31"),
                                                          (["Văn phòng UBND tỉnh"], "2026-12-31")]


def test_a_targets_table_grouped_by_period_dates_each_row():
    from extract.targets import extract_targets

    text = "KẾ HOẠCH\nPHỤ LỤC I\nCÁC CHỈ TIÊU\n" + portal_table(
        "(Kèm theo Kế hoạch số 20/KH-UBND)",
        [["TT", "Chỉ tiêu", "Đơn vị", "Kết quả"], ["I", "Giai đoạn 2026-2027", "", ""],
         ["1", "Tỉ lệ hồ sơ được số hóa", "%", "90%"], ["II", "Giai đoạn 2028-2030", "", ""],
         ["1", "Tỉ lệ hồ sơ được số hóa", "%", "100%"]])
    got = [(t.value, t.deadline.end) for t in extract_targets(norm(text))]
    assert got == [(90, "2027-12-31"), (100, "2030-12-31")]


def test_a_dash_line_that_names_a_period_dates_the_targets_under_it():
    from extract.targets import extract_targets

    text = ("KẾ HOẠCH\nII. MỤC TIÊU ĐẾN NĂM 2030\n2. Mục tiêu cụ thể\n- Giai đoạn 2026-2027\n"
            "+ 90% hồ sơ công việc được xử lý trên môi trường điện tử.\n- Giai đoạn 2028-2030\n"
            "+ 100% hồ sơ công việc được xử lý trên môi trường điện tử.\n")
    got = [(t.value, t.deadline.end) for t in extract_targets(norm(text))]
    assert got == [(90, "2027-12-31"), (100, "2030-12-31")]
    lettered = text.replace("- Giai đoạn 2026-2027", "a) Giai đoạn 2026-2027:").replace("- Giai đoạn 2028-2030", "b) Giai đoạn 2028-2030:")
    assert [(t.value, t.deadline.end) for t in extract_targets(norm(lettered))] == [(90, "2027-12-31"), (100, "2030-12-31")]


def test_closing_statements_assign_nothing():
    text = ("KẾ HOẠCH\nIV. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì theo dõi việc thực hiện Kế hoạch.\n"
            "2. Các sở, ban, ngành triển khai thực hiện nghiêm túc Chỉ thị này./.\n"
            "Trên đây là Kế hoạch kiểm tra an toàn thực phẩm năm 2026 của Ủy ban nhân dân tỉnh.\n")
    assert [t.lead for t in extract_tasks(norm(text))] == [["Sở Y tế"]]


def test_a_heading_of_names_alone_or_a_word_alone_is_no_task_and_bao_cao_is_no_newspaper():
    from extract.agencies import looks_like_agency

    assert not looks_like_agency("Báo cáo kết quả thực hiện")  # "Báo" (a newspaper) heads names, "Báo cáo" reports
    assert looks_like_agency("Báo Lào Cai")
    text = ("KẾ HOẠCH\nIV. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương chủ trì hướng dẫn các doanh nghiệp.\n"
            "2. Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh\n")
    assert [t.lead for t in extract_tasks(norm(text))] == [["Sở Công Thương"]]


def test_a_clause_that_names_its_body_wins_over_an_article_naming_several():
    text = ("QUY CHẾ\nĐiều 9. Trách nhiệm của Văn phòng Ủy ban nhân dân tỉnh, các sở, ngành tỉnh\n"
            "1. Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Quy chế này.\n"
            "2. Sở Nội vụ cung cấp thông tin về tổ chức tôn giáo cho Sở Nông nghiệp và Môi trường.\n"
            "3. Báo và Đài Phát thanh - Truyền hình Lào Cai có trách nhiệm tuyên truyền Quy chế này.\n")
    assert [t.lead for t in extract_tasks(norm(text))] == [
        ["Văn phòng UBND tỉnh"], ["Sở Nội vụ"], ["Báo và Phát thanh, Truyền hình tỉnh"]]


def test_a_directive_addresses_each_numbered_item_and_a_bracket_continues_its_title():
    text = ("ỦY BAN NHÂN DÂN TỈNH\nSố: 07/CT-UBND\nCHỈ THỊ\nVề tăng cường quản lý bảo vệ rừng\n"
            "Thời gian qua, công tác bảo vệ rừng còn nhiều hạn chế.\n"
            "1. Sở Nông nghiệp và Môi trường\n- Chỉ đạo lực lượng kiểm lâm tăng cường tuần tra rừng.\n"
            "2. Các chủ rừng là tổ chức (các\nBan quản lý rừng phòng hộ, các công ty lâm nghiệp)\n"
            "- Thực hiện đầy đủ trách nhiệm chủ rừng theo quy định.\n- Rà soát diện tích rừng bị lấn chiếm.\n")
    got = [(t.lead, t.text[:12]) for t in extract_tasks(norm(text))]
    assert got == [(["Sở Nông nghiệp và Môi trường"], "Chỉ đạo lực "),
                   (["Các chủ rừng là tổ chức"], "Thực hiện đầ"), (["Các chủ rừng là tổ chức"], "Rà soát diện")]


def test_a_paragraph_asking_a_body_to_act_owns_the_numbered_points_under_it():
    text = ("THÔNG BÁO\nKết luận của Phó Thủ tướng tại buổi làm việc với tỉnh Lào Cai\n"
            "II. NHIỆM VỤ TRONG THỜI GIAN TỚI\n"
            "Đề nghị Thường trực Tỉnh ủy tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm vụ trong năm 2026; "
            "trong đó lưu ý một số nội dung trọng tâm sau:\n"
            "1. Đổi mới mô hình phát triển dựa vào khoa học công nghệ.\n"
            "2. Đẩy mạnh cải cách thủ tục hành chính, cải thiện môi trường đầu tư.\n")
    tasks = extract_tasks(norm(text))
    assert [(t.lead, t.text[:10]) for t in tasks] == [(["Thường trực Tỉnh ủy"], "Đổi mới mô"),
                                                      (["Thường trực Tỉnh ủy"], "Đẩy mạnh c")]


def test_roman_numbered_requests_run_over_sentences_and_name_corporations():
    text = ("THÔNG BÁO\n1. Về dự án nhà máy điện\nb) Để làm tốt các nhiệm vụ sắp tới, đề nghị:\n"
            "(i) Tập đoàn Điện lực Việt Nam báo cáo Thủ tướng Chính phủ về thời gian đóng điện.\n"
            "(ii) Chủ đầu tư hoàn thành nghiệm thu trong tháng 3 năm 2026. Đồng thời đào tạo cán bộ vận hành.\n"
            "(iii) Ủy ban nhân dân tỉnh Lào Cai bàn giao mặt bằng trong tháng 4 năm 2026.\n")
    got = [(t.lead, t.deadline.end if t.deadline else None) for t in extract_tasks(norm(text))]
    assert got == [(["Tập đoàn Điện lực Việt Nam"], None), (["Chủ đầu tư"], "2026-03-31"), (["UBND tỉnh"], "2026-04-30")]


def test_a_deadline_line_dates_the_item_above_and_a_portal_or_a_last_request_assigns_nothing():
    from extract.agencies import looks_like_agency

    assert not looks_like_agency("Cổng Thông tin điện tử tỉnh hoạt động dưới sự chỉ đạo")  # a website, no body
    text = ("CÔNG VĂN\n1. Giao Sở Xây dựng\n- Rà soát dữ liệu số nhà trên địa bàn.\n"
            "Thời gian hoàn thành trước ngày 31 tháng 3 năm 2026.\n"
            "2. Giao Sở Tư pháp\n- Hướng dẫn cập nhật dữ liệu hộ tịch.\n"
            "Đề nghị các cơ quan, đơn vị khẩn trương triển khai, thực hiện./.\n")
    got = [(t.lead, t.deadline.end if t.deadline else None) for t in extract_tasks(norm(text))]
    assert got == [(["Sở Xây dựng"], "2026-03-31"), (["Sở Tư pháp"], None)]


def test_rates_of_support_fees_and_formulas_are_no_targets():
    from extract.targets import extract_targets

    text = ("NGHỊ QUYẾT\nĐiều 5. Chính sách hỗ trợ\n1. Thành phố hỗ trợ 50% học phí cho con của chuyên gia.\n"
            "2. Doanh nghiệp do Nhà nước nắm giữ 100% vốn điều lệ thực hiện theo quy định.\n"
            "3. Tỷ suất lợi nhuận được xác định là 12%.\n"
            "II. MỤC TIÊU\n1. Phấn đấu đến năm 2026 có 90% hồ sơ được giải quyết trực tuyến.\n"
            "2. Giảm 10% số vụ tai nạn giao thông so với năm 2025.\n")
    assert sorted(t.value for t in extract_targets(norm(text))) == [10, 90]  # a decrease stays a target


def test_the_province_addressed_as_tinh_is_its_peoples_committee():
    from extract.agencies import canonical_agencies

    assert canonical_agencies("Tỉnh") == ["UBND tỉnh"]
    assert canonical_agencies("Tỉnh ủy") == ["Tỉnh ủy"] and canonical_agencies("cấp tỉnh, cấp huyện") == ["Cấp tỉnh", "Cấp huyện"]


def test_time_limits_of_a_procedure_are_no_targets():
    from extract.targets import extract_targets

    text = ("QUY CHẾ\nĐiều 10. Thời hạn giải quyết\n1. Trong thời hạn không quá 03 ngày làm việc, cơ quan tiếp nhận trả lời.\n"
            "II. MỤC TIÊU\n1. Phấn đấu 95% hồ sơ được giải quyết đúng hạn.\n"
            "2. Thời gian cấp giấy phép xây dựng rút ngắn còn không quá 10 ngày làm việc.\n")
    assert [(t.value, t.comparator) for t in extract_targets(norm(text))] == [(95, "="), (10, "<=")]  # a time cut to reach


def test_budget_shares_formulas_tolerances_and_quorums_are_no_targets():
    from extract.targets import extract_targets

    text = ("NGHỊ QUYẾT\nĐiều 3. Mức chi\n1. Tối đa 10% tổng mức chi soạn thảo văn bản.\n"
            "2. Tiền lương 01 tiết dạy thêm = Tiền lương 01 tiết dạy x 150%.\n"
            "3. Hàm lượng 890 mg ± 7,5%.\n4. Cuộc họp hợp lệ phải có mặt từ hơn 2/3 thành viên.\n"
            "5. Mức bồi thường bằng 50% giá trị xây dựng mới; mức tài trợ không được vượt quá 30% chi phí đầu tư.\n"
            "II. MỤC TIÊU\n1. Phấn đấu 98% hồ sơ được giải quyết đúng hạn.\n")
    assert [t.value for t in extract_targets(norm(text))] == [98]
