"""Tasks in the layouts plans use, reworded, renumbered and from other years and agencies."""

from extract.tasks import extract_tasks, plan_year
from normalize.model import NormalizedDocument, Section, Table


def doc(text, **kw):
    return NormalizedDocument(source="t.txt", doc_id="t", text=text, **kw)


HEAD = "KẾ HOẠCH\nTriển khai chuyển đổi số trên địa bàn tỉnh năm 2024\nCăn cứ Quyết định số 06/QĐ-TTg;\n"

BLOCKS = HEAD + """II. NHIỆM VỤ VÀ PHÂN CÔNG
3. Công tác chỉ đạo
3.1. Tham mưu Ủy ban nhân dân tỉnh ban hành Chỉ thị về chuyển đổi số năm 2024.
- Đơn vị chủ trì: Sở TT&TT.
- Đơn vị phối hợp: VP UBND tỉnh, Sở Nội vụ và các sở, ban, ngành liên quan.
- Thời hạn: Trong tháng 4 năm 2024.
3.2. Về dữ liệu
Làm sạch dữ liệu hộ tịch và đồng bộ với Cơ sở dữ liệu quốc gia về dân cư.
+ Chủ trì: Sở Tư pháp.
+ Phối hợp: Công an tỉnh, UBND cấp huyện, cấp xã.
+ Tiến độ: Quý 3 năm 2024.
3.3. Bố trí kinh phí thực hiện Kế hoạch.
- Cơ quan chủ trì: Sở Tài chính, Sở Kế hoạch và Đầu tư.
- Cơ quan phối hợp: Các sở, ban, ngành, địa phương liên quan lập dự toán gửi về Sở Tài chính.
- Thời gian thực hiện: Hằng năm.
"""


def test_blocks_with_owner_and_deadline_lines_reworded():
    tasks = extract_tasks(doc(BLOCKS))
    assert [t.text for t in tasks] == [
        "Tham mưu Ủy ban nhân dân tỉnh ban hành Chỉ thị về chuyển đổi số năm 2024.",
        "Làm sạch dữ liệu hộ tịch và đồng bộ với Cơ sở dữ liệu quốc gia về dân cư.",
        "Bố trí kinh phí thực hiện Kế hoạch.",
    ]
    a, b, c = tasks
    assert a.lead == ["Sở Thông tin và Truyền thông"]
    assert a.support == ["Văn phòng UBND tỉnh", "Sở Nội vụ", "Các sở, ban, ngành liên quan"]
    assert a.deadline.end == "2024-04-30"
    assert b.lead == ["Sở Tư pháp"] and b.support == ["Công an tỉnh", "UBND cấp huyện", "UBND cấp xã"]
    assert b.deadline.end == "2024-09-30" and b.deadline.kind == "quarter"
    assert c.lead == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]
    assert c.support == ["Các sở, ban, ngành, địa phương liên quan"]
    assert c.deadline.recurring and c.deadline.end is None
    assert [t.id for t in tasks] == ["k1", "k2", "k3"]


def test_evidence_covers_the_task_and_its_owner_and_deadline_lines():
    text = BLOCKS
    t = extract_tasks(doc(text))[0]
    s, e = t.evidence.span
    assert text[s:e] == t.evidence.text
    assert "Tham mưu Ủy ban" in t.evidence.text and "Thời hạn: Trong tháng 4 năm 2024." in t.evidence.text
    assert "3.2" not in t.evidence.text
    assert t.confidence >= 0.8 and t.warnings == []


def test_blocks_in_raw_hard_wrapped_text_still_parse():
    raw = HEAD + """1.1. Tham mưu Ủy ban nhân dân tỉnh ban hành
Chỉ thị về chuyển đổi số.

- Cơ quan chủ trì: Công an
tỉnh.
- Cơ quan phối hợp: Các sở, ban, ngành, đoàn thể, địa phương
liên quan.
- Thời gian hoàn thành: Trong Quý II/2024.
"""
    (t,) = extract_tasks(doc(raw))
    assert t.text == "Tham mưu Ủy ban nhân dân tỉnh ban hành Chỉ thị về chuyển đổi số."
    assert t.lead == ["Công an tỉnh"]
    assert t.support == ["Các sở, ban, ngành, đoàn thể, địa phương liên quan"]
    assert t.deadline.end == "2024-06-30"


AGENCY_SECTIONS = HEAD + """III. NHIỆM VỤ CỤ THỂ
1. Công an tỉnh - Cơ quan thường trực
1.1. Chủ trì, phối hợp với Văn phòng UBND tỉnh và các sở, ngành tham mưu kiện toàn Tổ công tác.
Thời gian hoàn thành: Trong tháng 3 năm 2024.
1.2. Phối hợp với Sở Tư pháp làm sạch dữ liệu hộ tịch.
Thời gian thực hiện: Năm 2024 và thường xuyên.
2. Sở Y tế
- Chỉ đạo các cơ sở khám chữa bệnh sử dụng thẻ Căn cước công dân.
Thời gian hoàn thành: Quý I/2024.
- Phối hợp với BHXH tỉnh đối soát dữ liệu bảo hiểm y tế.
Thời gian hoàn thành: Trước ngày 31/11/2024.
3. Tòa án nhân dân tỉnh: Hoàn thành kết nối dữ liệu bản án với Cơ sở dữ liệu quốc gia về dân cư.
Thời gian hoàn thành: 6 tháng đầu năm 2024.
IV. TỔ CHỨC THỰC HIỆN
Nơi nhận:
- Như trên;
"""


def test_per_agency_sections_give_the_heading_as_lead():
    tasks = extract_tasks(doc(AGENCY_SECTIONS))
    assert len(tasks) == 5
    leads = [t.lead for t in tasks]
    assert leads == [["Công an tỉnh"]] * 2 + [["Sở Y tế"]] * 2 + [["Tòa án nhân dân tỉnh"]]
    assert tasks[0].support == ["Văn phòng UBND tỉnh", "Các sở, ngành"]
    assert tasks[0].deadline.end == "2024-03-31"
    assert tasks[1].support == ["Sở Tư pháp"] and tasks[1].deadline.recurring
    assert tasks[2].text == "Chỉ đạo các cơ sở khám chữa bệnh sử dụng thẻ Căn cước công dân."
    assert tasks[3].support == ["Bảo hiểm xã hội tỉnh"]
    assert tasks[4].text.startswith("Hoàn thành kết nối dữ liệu bản án")
    assert tasks[4].deadline.end == "2024-06-30"


def test_impossible_deadline_is_kept_as_a_warning_on_the_task():
    t = extract_tasks(doc(AGENCY_SECTIONS))[3]
    assert t.deadline.end is None
    assert any("impossible" in w for w in t.warnings)


TABLE_TEXT = HEAD + """PHỤ LỤC
TT | Nội dung công việc | Thời hạn | Đơn vị phối hợp | Đơn vị chủ trì
I | Hạ tầng
1 | Nâng cấp đường truyền cho Bộ phận một cửa cấp xã | Quý III/2024 | UBND cấp xã | Sở TT&TT
2 | Số hóa hồ sơ đất đai | Trước 30/6/2024 | Sở Tài chính | Sở Tài nguyên và Môi trường
"""


def test_task_table_rows_with_columns_in_another_order():
    tasks = extract_tasks(doc(TABLE_TEXT))
    assert [t.text for t in tasks] == ["Nâng cấp đường truyền cho Bộ phận một cửa cấp xã", "Số hóa hồ sơ đất đai"]
    a, b = tasks
    assert a.lead == ["Sở Thông tin và Truyền thông"] and a.support == ["UBND cấp xã"]
    assert a.deadline.end == "2024-09-30"
    assert b.lead == ["Sở Tài nguyên và Môi trường"] and b.deadline.end == "2024-06-30"
    assert a.group == "Hạ tầng"
    s, e = b.evidence.span
    assert TABLE_TEXT[s:e].startswith("2 | Số hóa hồ sơ đất đai")


def test_task_table_from_ndoc_tables():
    start = TABLE_TEXT.index("TT |")
    rows = [[c.strip() for c in line.split("|")] for line in TABLE_TEXT[start:].strip().split("\n")]
    nd = doc(TABLE_TEXT, tables=[Table(start, len(TABLE_TEXT.rstrip()), rows, "Phụ lục")])
    tasks = extract_tasks(nd)
    assert len(tasks) == 2 and tasks[1].lead == ["Sở Tài nguyên và Môi trường"]


def test_task_table_flattened_one_cell_per_line_between_pipes():
    cells = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
             "1", "Công tác chỉ đạo",
             "1.1", "Ban hành kế hoạch\nthực hiện năm 2025", "VP UBND tỉnh", "Các sở, ngành", "Quý I/2025",
             "1,2", "Kiểm tra việc thực hiện", "Công an tỉnh", "", "Tháng 10/2025"]
    text = HEAD + "PHỤ LỤC 1\n" + "\n|\n".join(cells) + "\n|\n"
    tasks = extract_tasks(doc(text))
    assert [t.text for t in tasks] == ["Ban hành kế hoạch thực hiện năm 2025", "Kiểm tra việc thực hiện"]
    assert tasks[0].lead == ["Văn phòng UBND tỉnh"] and tasks[0].deadline.end == "2025-03-31"
    assert tasks[1].lead == ["Công an tỉnh"] and tasks[1].support == [] and tasks[1].deadline.end == "2025-10-31"


DUTIES = HEAD + """V. TỔ CHỨC THỰC HIỆN
1. Căn cứ Kế hoạch này, các sở, ban, ngành, địa phương xây dựng kế hoạch gửi về Sở Nội vụ trước ngày 20/4/2024.
2. Giao Sở Nội vụ chủ trì, phối hợp với Công an tỉnh theo dõi, kiểm tra việc thực hiện Kế hoạch.
3. Báo tỉnh, Đài Phát thanh và Truyền hình tỉnh mở chuyên mục tuyên truyền về chuyển đổi số.
4. Các cơ quan, đơn vị nghiêm túc thực hiện Kế hoạch này.
"""


def test_duty_sentences_of_the_organisation_section():
    tasks = extract_tasks(doc(DUTIES))
    assert [t.lead for t in tasks] == [["Các sở, ban, ngành, địa phương"], ["Sở Nội vụ"],
                                       ["Báo tỉnh", "Đài Phát thanh và Truyền hình tỉnh"]]
    assert tasks[0].deadline.end == "2024-04-20"
    assert tasks[1].support == ["Công an tỉnh"] and tasks[1].deadline is None
    assert tasks[2].text.startswith("Mở chuyên mục")


def test_statements_without_owner_lines_are_not_tasks():
    text = HEAD + "I. MỤC ĐÍCH\n1. Nâng cao nhận thức của cán bộ về chuyển đổi số.\n2. Tổ chức thực hiện đồng bộ.\n"
    assert extract_tasks(doc(text)) == []


def test_plan_year_from_title_or_issue_date():
    assert plan_year(doc(BLOCKS)) == 2024
    text = "Hà Nội, ngày 16 tháng 12 năm 2022\nKẾ HOẠCH\nThi đua giai đoạn 2022 - 2025, tầm nhìn đến năm 2030\nCăn cứ Luật"
    assert plan_year(doc(text)) == 2022
    assert plan_year(doc("không có năm")) is None


def test_year_free_deadlines_take_the_plan_year():
    text = HEAD + "1. Sở Y tế\n1.1. Báo cáo kết quả.\nThời gian hoàn thành: Trong Quý II.\n"
    (t,) = extract_tasks(doc(text))
    assert t.deadline.end == "2024-06-30"


def test_sections_and_pages_reach_the_evidence():
    text = BLOCKS
    start = text.index("3.1.")
    nd = doc(text, sections=[Section("II.3.1", "3.1. Tham mưu", start, len(text), 3)], page_starts=[0, start])
    t = extract_tasks(nd)[0]
    assert t.evidence.section == "II.3.1" and t.evidence.page == 2


def test_a_deadline_label_whose_words_are_on_the_next_line():
    text = HEAD + "1. Sở Tư pháp\n1.1. Số hóa sổ hộ tịch.\nThời gian thực hiện:\nNăm 2024 và thường xuyên.\n"
    (t,) = extract_tasks(doc(text))
    assert (t.deadline.end, t.deadline.recurring) == ("2024-12-31", True)


def test_lettered_tasks_with_other_label_words_and_product_lines():
    text = HEAD + """2. Nhiệm vụ về hạ tầng
a) Nâng cấp mạng nội bộ của các cơ quan nhà nước.
- Đơn vị thực hiện: Sở Thông tin và Truyền thông.
- Sản phẩm: Hệ thống mạng được nâng cấp.
- Thời hạn hoàn thành: Trước ngày 15/10/2024.
b) Rà soát thiết bị đầu cuối tại Bộ phận một cửa.
- Trách nhiệm: UBND cấp huyện.
- Thời gian thực hiện: Từ tháng 5 đến tháng 8/2024.
"""
    a, b = extract_tasks(doc(text))
    assert a.text == "Nâng cấp mạng nội bộ của các cơ quan nhà nước."
    assert a.lead == ["Sở Thông tin và Truyền thông"] and a.deadline.end == "2024-10-15"
    assert "Sản phẩm" in a.evidence.text
    assert b.lead == ["UBND cấp huyện"]
    assert (b.deadline.start, b.deadline.end) == ("2024-05-01", "2024-08-31")


def test_owner_and_deadline_written_inside_the_task_line():
    text = HEAD + """1. Nhiệm vụ chung
1.1. Xây dựng cơ sở dữ liệu cán bộ (Chủ trì: Sở Nội vụ; phối hợp: Sở TT&TT; thời gian: Quý I/2024).
1.2. Cập nhật dữ liệu đất đai.
- Cơ quan chủ trì: Sở TN&MT; Cơ quan phối hợp: UBND cấp huyện; Thời gian hoàn thành: tháng 5/2024.
"""
    a, b = extract_tasks(doc(text))
    assert a.text == "Xây dựng cơ sở dữ liệu cán bộ"
    assert (a.lead, a.support, a.deadline.end) == (["Sở Nội vụ"], ["Sở Thông tin và Truyền thông"], "2024-03-31")
    assert (b.lead, b.support, b.deadline.end) == (["Sở Tài nguyên và Môi trường"], ["UBND cấp huyện"], "2024-05-31")


def test_a_bare_schedule_line_is_not_a_task():
    text = HEAD + "II. THỜI GIAN, ĐỊA ĐIỂM\n1. Hội nghị sơ kết\n- Thời gian: Tháng 7/2024.\n- Địa điểm: Hội trường UBND tỉnh.\n"
    assert extract_tasks(doc(text)) == []


def test_table_with_a_two_row_header():
    text = HEAD + """TT | Nội dung | Cơ quan thực hiện | | Thời gian hoàn thành
| | Chủ trì | Phối hợp |
1 | Tổ chức tập huấn kỹ năng số | Sở Nội vụ | Sở TT&TT | Quý II/2024
"""
    (t,) = extract_tasks(doc(text))
    assert (t.lead, t.support, t.deadline.end) == (["Sở Nội vụ"], ["Sở Thông tin và Truyền thông"], "2024-06-30")


def test_responsibility_headings_and_lettered_agencies():
    text = HEAD + """IV. TRÁCH NHIỆM THỰC HIỆN
1. Trách nhiệm của Sở Y tế
- Hướng dẫn các bệnh viện triển khai bệnh án điện tử.
Thời hạn: Trong năm 2024.
2. Các cơ quan khác:
a) Sở Tài chính: bố trí kinh phí thực hiện Kế hoạch.
b) Bảo hiểm xã hội tỉnh: phối hợp với Sở Y tế đối soát dữ liệu khám chữa bệnh.
"""
    a, b, c = extract_tasks(doc(text))
    assert a.lead == ["Sở Y tế"] and a.deadline.end == "2024-12-31"
    assert b.lead == ["Sở Tài chính"] and b.text == "Bố trí kinh phí thực hiện Kế hoạch."
    assert c.lead == ["Bảo hiểm xã hội tỉnh"] and c.support == ["Sở Y tế"]


def test_items_under_a_heading_for_everyone_keep_their_own_agency_and_the_signature_ends_the_body():
    text = HEAD + """III. TỔ CHỨC THỰC HIỆN
1. Trách nhiệm của các cơ quan, đơn vị
1.1. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp tổng hợp kết quả, trình khen thưởng trước ngày 15/12/2024.
1.2. Công an tỉnh hướng dẫn người dân kích hoạt tài khoản; định kỳ hằng tháng báo cáo UBND tỉnh.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""
    a, b = extract_tasks(doc(text))
    assert (a.lead, a.support, a.deadline.end) == (["Sở Nội vụ"], ["Sở Tư pháp"], "2024-12-15")
    assert (b.lead, b.deadline.recurring) == (["Công an tỉnh"], True)


def _normalized(text):
    from ingest.model import IngestedDocument, Page
    from normalize import normalize_document

    return normalize_document(IngestedDocument(source="t.txt", sha256="0" * 64, method="text", pages=[Page(1, text)]),
                              restore=False)


def test_a_portal_table_whose_numbering_runs_on_across_merged_group_rows():
    # flattened one cell per line between "|" lines; the group rows II, III hold two cells only
    rows = [["STT", "Nội dung công việc", "Thời gian hoàn thành", "Đơn vị chủ trì", "Đơn vị phối hợp"],
            ["I", "Hoàn thiện thể chế"],
            ["1", "Ban hành quy chế vận hành", "Quý III/2024", "Sở Nội vụ", "Sở Tư pháp"],
            ["II", "Hạ tầng số"],
            ["2", "Phủ sóng 4G đến các thôn", "Năm 2025", "Viettel Lào Cai", "VNPT Lào Cai"],
            ["3", "Bệnh án điện tử", "Trong quý IV năm 2024", "Sở Y tế", "BHXH tỉnh"]]
    text = HEAD + "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n" + "".join(f"{c}\n|\n" for r in rows for c in r)
    tasks = extract_tasks(_normalized(text))
    assert [(t.lead, t.support, t.deadline.end, t.group) for t in tasks] == [
        (["Sở Nội vụ"], ["Sở Tư pháp"], "2024-09-30", "Hoàn thiện thể chế"),
        (["Viettel tỉnh"], ["Viễn thông tỉnh"], "2025-12-31", "Hạ tầng số"),
        (["Sở Y tế"], ["Bảo hiểm xã hội tỉnh"], "2024-12-31", "Hạ tầng số"),
    ]


def test_a_markdown_task_table_with_time_before_owners():
    text = HEAD + (
        "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n"
        "| TT | Nội dung | Thời gian | Đơn vị thực hiện | Đơn vị phối hợp |\n"
        "|----|----------|-----------|------------------|-----------------|\n"
        "| I | Dữ liệu | | | |\n"
        "| 1 | Làm sạch dữ liệu dân cư | Hằng quý | Công an tỉnh | UBND các xã, phường, thị trấn |\n"
        "| 2 | Số hóa hồ sơ bệnh án | Giai đoạn 2024 - 2026 | Sở Y tế | |\n"
    )
    tasks = extract_tasks(_normalized(text))
    assert [(t.text, t.lead, t.support, t.deadline.end, t.deadline.recurring) for t in tasks] == [
        ("Làm sạch dữ liệu dân cư", ["Công an tỉnh"], ["UBND cấp xã"], None, True),
        ("Số hóa hồ sơ bệnh án", ["Sở Y tế"], [], "2026-12-31", False),
    ]


def test_recurring_and_listed_deadlines_inside_duty_sentences():
    text = HEAD + (
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp tổng hợp hồ sơ khen thưởng trước ngày 15/12 hằng năm.\n"
        "2. Các sở, ban, ngành, UBND các huyện, thị xã, thành phố báo cáo kết quả vào tháng 6 và tháng 12 hằng năm.\n"
        "3. Giao Sở Tài chính chủ trì công khai tình hình thực hiện dự toán ngân sách định kỳ 6 tháng.\n"
    )
    a, b, c = extract_tasks(doc(text))
    assert (a.lead, a.support, a.deadline.end, a.deadline.recurring) == (["Sở Nội vụ"], ["Sở Tư pháp"], "2024-12-15", True)
    assert (b.lead, b.deadline.end, b.deadline.recurring) == (["Các sở, ban, ngành", "UBND cấp huyện"], "2024-12-31", True)
    assert (c.lead, c.deadline.end, c.deadline.recurring) == (["Sở Tài chính"], None, True)


def test_dashed_duties_under_a_lettered_agency_are_each_a_task_of_that_agency():
    text = HEAD + """V. TỔ CHỨC THỰC HIỆN
a) Sở Y tế:
- Chủ trì, phối hợp với Bảo hiểm xã hội tỉnh triển khai bệnh án điện tử; hoàn thành trong quý IV/2024.
- Báo cáo kết quả thực hiện trước ngày 10/12/2024.
b) Công an tỉnh:
- Hướng dẫn kích hoạt tài khoản định danh điện tử trong tháng 6/2024.
"""
    tasks = extract_tasks(_normalized(text))
    assert [(t.lead, t.support, t.deadline.end) for t in tasks] == [
        (["Sở Y tế"], ["Bảo hiểm xã hội tỉnh"], "2024-12-31"),
        (["Sở Y tế"], [], "2024-12-10"),
        (["Công an tỉnh"], [], "2024-06-30"),
    ]


def test_recurring_words_closing_a_duty_sentence():
    text = HEAD + (
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở LĐ-TB&XH chủ trì, phối hợp với UBND cấp huyện chi trả trợ cấp không dùng tiền mặt; thực hiện thường xuyên.\n"
        "2. Công an tỉnh chủ trì cấp tài khoản định danh điện tử; báo cáo kết quả về UBND tỉnh hằng quý.\n"
    )
    a, b = extract_tasks(doc(text))
    assert (a.lead, a.support, a.deadline.end, a.deadline.recurring) == (
        ["Sở Lao động - Thương binh và Xã hội"], ["UBND cấp huyện"], None, True)
    assert (b.lead, b.deadline.text, b.deadline.recurring) == (["Công an tỉnh"], "hằng quý", True)


def test_agency_colon_duties_under_a_bare_nhiem_vu_heading_with_their_deadlines():
    text = HEAD + """III. NHIỆM VỤ
1. Sở Y tế: chủ trì triển khai bệnh án điện tử; phối hợp với Bảo hiểm xã hội tỉnh; hoàn thành trong 6 tháng đầu năm 2024.
2. Sở Y tế tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 10 tháng 12 hằng năm.
"""
    got = [(t.lead, t.support, t.deadline.end, t.deadline.recurring) for t in extract_tasks(doc(text))]
    assert got == [(["Sở Y tế"], ["Bảo hiểm xã hội tỉnh"], "2024-06-30", False),
                   (["Sở Y tế"], [], "2024-12-10", True)]


def test_a_block_task_that_names_its_lead_in_its_own_words():
    # no "Cơ quan chủ trì:" line: the task sentence itself says who leads and who supports
    text = HEAD + """II. NHIỆM VỤ
1. Công an tỉnh chủ trì, phối hợp với Sở Tư pháp hướng dẫn kích hoạt tài khoản định danh điện tử.
- Thời gian hoàn thành: Quý II/2024.
2. Rà soát, cập nhật dữ liệu dân cư trên địa bàn.
- Thời gian hoàn thành: Quý III/2024.
"""
    a, b = extract_tasks(doc(text))
    assert (a.lead, a.support, a.deadline.end) == (["Công an tỉnh"], ["Sở Tư pháp"], "2024-06-30")
    # a task that names no agency keeps no lead
    assert (b.lead, b.deadline.end) == ([], "2024-09-30")


def test_a_task_laid_out_as_parts_gives_one_task_per_duty_with_the_parts_owner_and_time():
    text = ("II. NHIỆM VỤ\n"
            "1.2. Triển khai, phát triển dữ liệu:\n"
            "a) Nhiệm vụ:\n"
            "- Rà soát, chuẩn hóa cơ sở dữ liệu của đơn vị.\n"
            "- Phối hợp triển khai số hóa các cơ sở dữ liệu chuyên ngành.\n"
            "b) Cơ quan thực hiện:\n"
            "- Đơn vị chủ trì: Sở Tư pháp.\n"
            "- Đơn vị phối hợp: Sở Khoa học và Công nghệ.\n"
            "c) Thời gian thực hiện: Hoàn thành trong năm 2025.\n")
    tasks = extract_tasks(_normalized(text))
    assert [(t.text[:10], t.lead, t.support, t.deadline.end) for t in tasks] == [
        ("Rà soát, c", ["Sở Tư pháp"], ["Sở Khoa học và Công nghệ"], "2025-12-31"),
        ("Phối hợp t", ["Sở Tư pháp"], ["Sở Khoa học và Công nghệ"], "2025-12-31"),
    ]


def test_a_second_task_run_into_a_table_row_after_its_empty_end_cell():
    # a portal's rowspan: row 1's ordinal and last columns span a second task that has only its own
    # task, lead and support cells; the flattened copy runs it into row 1 after the row's empty end cell
    header = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"]
    row1 = ["1", "Nâng cấp hạ tầng máy chủ của Trung tâm dữ liệu tỉnh", "Sở Khoa học và Công nghệ", "Sở Tài chính",
            "Quý IV/2026", "Hạ tầng được nâng cấp", "", "Thực hiện sao lưu dữ liệu định kỳ ra thiết bị dự phòng",
            "Công an tỉnh", "Sở Khoa học và Công nghệ"]
    row2 = ["2", "Đào tạo cán bộ quản trị hệ thống", "Sở Nội vụ", "Các sở, ngành", "Năm 2026", "Lớp đào tạo"]
    lines = [" | ".join(r) for r in (header, row1, row2)]
    text = HEAD + "PHỤ LỤC\n" + "\n".join(lines) + "\n"
    start = text.index("STT |")
    nd = doc(text, tables=[Table(start, len(text.rstrip()), [header, row1, row2], "Phụ lục")])
    tasks = {t.text: t for t in extract_tasks(nd)}
    backup = tasks["Thực hiện sao lưu dữ liệu định kỳ ra thiết bị dự phòng"]
    assert backup.lead == ["Công an tỉnh"] and backup.support == ["Sở Khoa học và Công nghệ"]
    assert backup.deadline.end == "2026-12-31"  # the spanning deadline column
    first = tasks["Nâng cấp hạ tầng máy chủ của Trung tâm dữ liệu tỉnh"]
    assert first.lead == ["Sở Khoa học và Công nghệ"] and first.support == ["Sở Tài chính"]
    assert len(tasks) == 3
