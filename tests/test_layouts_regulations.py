"""Duties that a regulation gives to roles rather than bodies (seventh development set,
December 2026), written here with other roles and wording than the documents that showed them."""

from extract.tasks import extract_tasks
from ingest.model import IngestedDocument, Page
from normalize import normalize_document

REGULATION = """QUY CHẾ
Quản lý hồ sơ điện tử của cơ quan
Điều 7. Gửi và theo dõi văn bản
1. Văn thư đơn vị phát hành văn bản có trách nhiệm kiểm tra thể thức văn bản trước khi gửi đi.
2. Cá nhân được giao soạn thảo văn bản có trách nhiệm cập nhật dự thảo lên hệ thống hằng tuần.
3. Khi có sự cố, người sử dụng có trách nhiệm báo ngay cho bộ phận quản trị.
4. Người sử dụng phần mềm là cán bộ, công chức của cơ quan.
"""


def tasks_of(text: str):
    doc = IngestedDocument(source="mem.md", sha256="0" * 64, method="text", pages=[Page(1, text)])
    return extract_tasks(normalize_document(doc, restore=False))


def test_a_role_named_before_co_trach_nhiem_is_the_lead_as_written():
    tasks = tasks_of(REGULATION)
    assert [t.lead for t in tasks] == [["Văn thư đơn vị phát hành văn bản"], ["Cá nhân được giao soạn thảo văn bản"]]
    assert tasks[0].text.startswith("Kiểm tra thể thức")
    assert tasks[1].deadline is not None and tasks[1].deadline.kind == "recurring"


def test_a_condition_or_a_definition_is_no_role_duty():
    texts = [t.evidence.text for t in tasks_of(REGULATION)]
    assert not any(x.startswith(("3.", "4.", "Khi có sự cố", "Người sử dụng phần mềm")) for x in texts)


ARTICLES = """QUY CHẾ
Phối hợp quản lý nhà nước về du lịch
Điều 4. Nội dung Sở Văn hóa và Thể thao có trách nhiệm chủ trì
1. Xây dựng kế hoạch phát triển du lịch cộng đồng hằng năm.
2. Kiểm tra việc thực hiện quy định về kinh doanh lưu trú.
Điều 5. Quản lý cơ sở dữ liệu du lịch
1. Sở Khoa học và Công nghệ có trách nhiệm quản lý về kỹ thuật, bao gồm:
a) Bảo đảm hạ tầng máy chủ cho cơ sở dữ liệu.
b) Sao lưu dữ liệu hằng tuần.
2. Báo cáo thống kê bao gồm:
a) Số lượt khách.
b) Doanh thu.
"""


def test_an_article_titled_by_what_a_body_leads_gives_it_every_clause():
    tasks = tasks_of(ARTICLES)
    led = [t for t in tasks if t.lead == ["Sở Văn hóa và Thể thao"]]
    assert [t.text[:20] for t in led] == ["Xây dựng kế hoạch ph", "Kiểm tra việc thực h"]


def test_a_body_with_duties_bao_gom_owns_the_items_but_a_report_bao_gom_lists_contents():
    tasks = tasks_of(ARTICLES)
    tech = [t.text for t in tasks if t.lead == ["Sở Khoa học và Công nghệ"]]
    assert tech == ["Bảo đảm hạ tầng máy chủ cho cơ sở dữ liệu.", "Sao lưu dữ liệu hằng tuần."]
    assert not any(t.text.startswith(("Số lượt", "Doanh thu")) for t in tasks)


def test_an_article_that_hands_down_a_power_gives_no_task():
    powers = """QUY ĐỊNH
Phân cấp trong lĩnh vực giao thông
Điều 5. Thẩm định thiết kế xây dựng
1. Sở Giao thông vận tải chủ trì thẩm định thiết kế các công trình giao thông cấp II.
Điều 6. Cấp phép thi công trên đường bộ
1. Sở Xây dựng cấp Giấy phép thi công trên các tuyến đường tỉnh.
2. Ủy ban nhân dân cấp xã:
a) Cấp phép sử dụng tạm thời hè đường trên đường xã.
Điều 7. Trách nhiệm của UBND cấp xã
1. Kiểm tra việc thi công theo giấy phép đã cấp.
"""
    tasks = tasks_of(powers)
    assert [(t.lead, t.text[:20]) for t in tasks] == [(["UBND cấp xã"], "Kiểm tra việc thi cô")]


def test_a_heading_ending_in_so_and_items_lettered_a_dot_stay_apart():
    text = """QUY ĐỊNH
Điều 6. Khóa sổ dữ liệu
2. Trách nhiệm khóa sổ

Sở Tài chính có trách nhiệm
tổ chức khóa sổ dữ liệu hằng năm.

3. Sở Văn hóa, Thể thao và
Du lịch

a. Chủ trì, chỉ đạo các cơ
quan báo chí tuyên truyền Quy định này.

b. Kiểm tra việc thực hiện theo thẩm quyền.
"""
    doc = IngestedDocument(source="mem.md", sha256="0" * 64, method="text", pages=[Page(1, text)])
    lines = normalize_document(doc, restore=False).text.splitlines()
    assert "2. Trách nhiệm khóa sổ" in lines and "3. Sở Văn hóa, Thể thao và Du lịch" in lines
    assert "a. Chủ trì, chỉ đạo các cơ quan báo chí tuyên truyền Quy định này." in lines
    tasks = tasks_of(text)
    assert [t.lead for t in tasks] == [["Sở Tài chính"], ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Văn hóa, Thể thao và Du lịch"]]


def test_a_list_intro_after_a_purpose_clause_and_a_remit_names_its_owner():
    text = """CHỈ THỊ
Về tăng cường quản lý đầu tư
1. Để nâng cao hiệu quả quản lý, tăng cường kiểm tra các dự án, các Sở, ngành, UBND cấp xã theo chức năng, nhiệm vụ được giao triển khai những nội dung sau:
a) Rà soát tiến độ các dự án chậm triển khai.
b) Báo cáo kết quả về Sở Tài chính trước ngày 15/12/2026.
"""
    tasks = tasks_of(text)
    assert [t.lead for t in tasks] == [["Các Sở, ngành", "UBND cấp xã"]] * 2


def test_the_issuer_asking_a_body_makes_that_body_the_owner_and_a_list_of_contents_is_no_task():
    text = """CÔNG VĂN
V/v triển khai tài liệu hướng dẫn
Để phát huy hiệu quả của tài liệu, Bộ Nội vụ đề nghị UBND các tỉnh, thành phố chỉ đạo:
1. Phổ biến tài liệu đến Ủy ban nhân dân cấp xã.
2. Lồng ghép nội dung tài liệu vào chương trình bồi dưỡng công chức.
Bộ Nội vụ gửi kèm bộ tài liệu gồm:
- Sổ tay hướng dẫn;
- Video giới thiệu.
"""
    tasks = tasks_of(text)
    assert [t.lead for t in tasks] == [["UBND các tỉnh, thành phố"]] * 2


def test_the_steps_of_an_internal_procedure_are_no_tasks():
    text = """QUYẾT ĐỊNH
Về việc phê duyệt quy trình nội bộ giải quyết thủ tục hành chính
Điều 2. Sở Y tế chủ trì hướng dẫn thực hiện quy trình nội bộ trước ngày 31/12/2026.

| TT | Nội dung công việc | Cơ quan chủ trì | Thời gian |
|---|---|---|---|
| Bước 1 | Tiếp nhận, kiểm tra hồ sơ | Bộ phận một cửa | 0,5 ngày làm việc |
| Bước 2 | Thẩm định hồ sơ, trình lãnh đạo Sở | Phòng Nghiệp vụ Y | 05 ngày làm việc |
| 1 | Cập nhật quy trình lên Hệ thống thông tin giải quyết thủ tục hành chính | Sở Khoa học và Công nghệ | Quý I/2027 |
"""
    tasks = tasks_of(text)
    assert ["Sở Khoa học và Công nghệ"] in [t.lead for t in tasks]
    assert not any(t.text.startswith(("Tiếp nhận", "Thẩm định hồ sơ")) for t in tasks)


def test_an_article_on_a_bodys_structure_sets_no_target_and_no_award_quota():
    from extract.awards import extract_awards
    from extract.targets import extract_targets

    text = """NGHỊ ĐỊNH

Quy định về Quỹ phát triển đất

**Điều 1. Cơ cấu tổ chức của Quỹ**

1. Cơ cấu tổ chức của Quỹ bao gồm Giám đốc Quỹ, không quá 02 Phó Giám đốc, Kế toán trưởng và
không quá 04 đơn vị cấp phòng.

**Điều 2. Mục tiêu hoạt động**

1. Đến năm 2030, Quỹ phấn đấu hỗ trợ ít nhất 20.000 hộ gia đình.
"""
    doc = IngestedDocument(source="mem.md", sha256="0" * 64, method="text", pages=[Page(1, text)])
    ndoc = normalize_document(doc, restore=False)
    assert [t.value for t in extract_targets(ndoc)] == [20000]
    assert extract_awards(ndoc) == []


def test_an_article_owner_no_gazetteer_knows_leads_as_the_title_writes_it():
    text = """THÔNG TƯ

Quy định về sản phẩm phần mềm được hưởng ưu đãi

**Điều 1. Trách nhiệm của tổ chức, doanh nghiệp Việt Nam, cá nhân là người Việt Nam có sản phẩm phần mềm được hưởng ưu đãi khi tham gia lựa chọn nhà thầu**

1. Bảo đảm chất lượng sản phẩm như thông tin đã công bố.

2. Cập nhật thông tin về sản phẩm trên Hệ thống thông tin quốc gia.
"""
    tasks = tasks_of(text)
    assert len(tasks) == 2
    assert tasks[0].lead == ["Tổ chức, doanh nghiệp Việt Nam, cá nhân là người Việt Nam có sản phẩm phần mềm được hưởng ưu đãi"]


def test_a_function_word_glued_to_the_name_after_it_gets_its_space_back():
    text = """QUY CHẾ

Phối hợp tiếp nhận hồ sơ

**Điều 1. Trách nhiệm củaTrung tâm Phục vụ hành chính công tỉnh**

1. Hướng dẫn tổ chức, cá nhân nộp hồ sơ trực tuyến.

2. Phối hợp vớiVăn phòng đăng ký đất đai để trả kết quả đúng hẹn.
"""
    doc = IngestedDocument(source="mem.md", sha256="0" * 64, method="text", pages=[Page(1, text)])
    assert "Trách nhiệm của Trung tâm" in normalize_document(doc, restore=False).text
    tasks = tasks_of(text)
    assert [t.lead for t in tasks] == [["Trung tâm Phục vụ hành chính công tỉnh"]] * 2
    assert tasks[1].support == ["Văn phòng đăng ký đất đai"]


def test_an_article_titled_by_a_role_in_the_part_that_assigns_work_owns_its_clauses():
    text = """QUY CHẾ

Quản lý hệ thống một cửa điện tử

**Chương I**

**QUY ĐỊNH CHUNG**

**Điều 1. Phạm vi điều chỉnh**

Quy chế này quy định việc quản lý hệ thống.

**Chương II**

**TỔ CHỨC THỰC HIỆN**

**Điều 2. Sở Khoa học và Công nghệ**

1. Bảo đảm hạ tầng kỹ thuật cho hệ thống.

**Điều 3. Cán bộ, công chức tiếp nhận hồ sơ tại bộ phận một cửa**

1. Hướng dẫn tổ chức, cá nhân nộp hồ sơ trực tuyến.

2. Số hóa hồ sơ khi tiếp nhận.
"""
    tasks = tasks_of(text)
    role = [t for t in tasks if t.lead == ["Cán bộ, công chức tiếp nhận hồ sơ tại bộ phận một cửa"]]
    assert [t.text[:10] for t in role] == ["Hướng dẫn ", "Số hóa hồ "]


def test_a_topic_heading_over_numbered_points_is_no_task_but_its_points_are():
    text = """QUY ĐỊNH

Chức năng, nhiệm vụ, quyền hạn của Sở Nội vụ

**Điều 1. Vị trí và chức năng**

Sở Nội vụ là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh.

**Điều 2. Nhiệm vụ và quyền hạn của Sở Nội vụ**

2.1. Về công tác thanh niên

a) Hướng dẫn thực hiện chính sách đối với thanh niên trên địa bàn tỉnh.

b) Tổng hợp, báo cáo tình hình thanh niên hằng năm.

2.2. Về văn thư, lưu trữ

a) Hướng dẫn nghiệp vụ văn thư, lưu trữ cho các cơ quan, đơn vị.
"""
    texts = [t.text for t in tasks_of(text)]
    assert len(texts) == 3 and not any(x.startswith("Về ") for x in texts)


def test_how_many_each_body_may_propose_for_an_award_is_no_task():
    text = """KẾ HOẠCH

Khen thưởng thành tích trong công tác bầu cử

IV. HÌNH THỨC KHEN THƯỞNG

2. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh

a) Các cơ quan, đơn vị cấp tỉnh có liên quan đến công tác bầu cử:

- Ban Chỉ đạo bầu cử của tỉnh: Không quá 05 cá nhân;

- Đối với Ban Tổ chức Tỉnh ủy;
Công an tỉnh; Sở Tài chính mỗi đơn vị đề nghị không quá 01 tập thể, 03 cá nhân;

- Đối với Văn phòng UBND tỉnh; Sở Nội vụ mỗi đơn vị đề nghị không quá 02 tập thể, 05 cá nhân.
"""
    assert tasks_of(text) == []


def test_a_list_of_rights_is_no_task_but_a_list_of_obligations_is_the_bodys():
    text = """QUY ĐỊNH

Quản lý hoạt động cấp nước

**Điều 1. Quyền và nghĩa vụ của đơn vị cấp nước**

1. Đơn vị cấp nước có các quyền sau:

a) Ký hợp đồng dịch vụ với khách hàng sử dụng nước.

b) Từ chối đấu nối khi công trình không bảo đảm kỹ thuật.

2. Đơn vị cấp nước có các nghĩa vụ sau:

a) Bảo đảm chất lượng nước theo quy chuẩn kỹ thuật.

b) Báo cáo Sở Xây dựng tình hình cấp nước hằng năm.
"""
    tasks = tasks_of(text)
    assert [t.text[:9] for t in tasks] == ["Bảo đảm c", "Báo cáo S"]
    assert all(t.lead == ["Đơn vị cấp nước"] for t in tasks)


def test_a_topic_then_the_body_that_answers_for_it_owns_the_points():
    text = """QUY ĐỊNH

Quản lý hệ thống chiếu sáng

**Điều 1. Quản lý hệ thống chiếu sáng công cộng**

1. Đối với hệ thống đang vận hành: Đơn vị chiếu sáng có trách nhiệm:

a) Định kỳ kiểm tra an toàn điện của các tủ điều khiển.

b) Đề xuất phương án thay thế đèn tiết kiệm năng lượng.
"""
    tasks = tasks_of(text)
    assert [t.lead for t in tasks] == [["Đơn vị chiếu sáng"]] * 2


def test_to_chuc_in_a_list_of_collectives_is_a_noun_not_a_verb():
    from extract.agencies import cut_purpose

    assert cut_purpose("Các cơ quan, tổ chức, đơn vị có trách nhiệm giao tài khoản") == "Các cơ quan, tổ chức, đơn vị"
    assert cut_purpose("Sở Nội vụ tổ chức tập huấn cho công chức") == "Sở Nội vụ"


def test_a_body_s_head_word_that_ocr_glued_to_its_name_gets_its_space_back():
    """A scanned plan: "1. SởY tế" is "1. Sở Y tế", the heading that owns the duties below it."""
    text = """KẾ HOẠCH

Thực hiện công tác dân số

II. NỘI DUNG THỰC HIỆN

1. SởY tế

a) Chủ trì tổ chức sơ kết công tác dân số giai đoạn 2021 - 2025.

b) Phối hợp vớiBộTài chính hướng dẫn sử dụng kinh phí.
"""
    doc = IngestedDocument(source="mem.md", sha256="0" * 64, method="text", pages=[Page(1, text)])
    out = normalize_document(doc, restore=False).text
    assert "1. Sở Y tế" in out and "Bộ Tài chính" in out
    tasks = tasks_of(text)
    assert [t.lead for t in tasks] == [["Sở Y tế"]] * 2
    assert tasks[1].support == ["Bộ Tài chính"]
    nd = normalize_document(IngestedDocument(source="m.md", sha256="0" * 64, method="text",
                                             pages=[Page(1, "Kết nối với SởGTVT và ứng dụng TikTok.")]), restore=False)
    assert "SởGTVT" in nd.text and "TikTok" in nd.text  # an acronym and a brand stay as written


RULES_FOR = """NỘI QUY
Bến xe khách liên tỉnh
Điều 3. Quy định đối với nhân viên điều hành bến xe
1. Kiểm tra giấy tờ của người lái xe trước khi cho xe xuất bến.
2. Phối hợp với lực lượng công an xử lý các trường hợp gây mất trật tự tại bến.
Điều 4. Quy định về hàng hóa gửi theo xe
1. Hàng hóa gửi theo xe phải có phiếu gửi hàng.
"""


def test_the_rules_an_article_sets_for_a_group_are_its_duties():
    """"Điều 5. Quy định đối với cán bộ, nhân viên quản lý chợ" (set 11's model market rules, Đà Nẵng; tenth session): the group
    the rules are for owns their clauses; "Quy định về hàng hóa …" names a topic, no owner."""
    tasks = tasks_of(RULES_FOR)
    assert [t.lead for t in tasks] == [["Nhân viên điều hành bến xe"]] * 2
    assert tasks[0].text.startswith("Kiểm tra giấy tờ")
