"""Decisions that publish lists of administrative procedures (twentieth development set,
December 2026), written here with other bodies, numbers and wording than the documents
that showed them: their duties are few and sit in Điều 2; the procedures are no tasks."""

from extract.tasks import extract_tasks
from ingest.model import IngestedDocument, Page
from normalize import normalize_document


def _ndoc(text: str):
    return normalize_document(IngestedDocument(source="mem.md", sha256="0" * 64, method="text", pages=[Page(1, text)]),
                              restore=False)


PROCEDURES = """ỦY BAN NHÂN DÂN
TỈNH TUYÊN QUANG
Số: 812/QĐ-UBND
**QUYẾT ĐỊNH**
Về việc phê duyệt quy trình nội bộ giải quyết thủ tục hành chính lĩnh vực thủy sản
QUYẾT ĐỊNH:
**Điều 1.** Phê duyệt kèm theo Quyết định này 04 quy trình nội bộ giải quyết thủ tục hành chính.
*(Chi tiết tại Phụ lục kèm theo)*
**Điều 2. **Giao
các cơ quan, đơn vị
1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh):
Xây dựng quy trình điện tử giải quyết thủ tục hành chính trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.
Thời hạn chậm nhất 05 ngày làm việc kể từ ngày ban hành Quyết định.
2. Sở Nông nghiệp và Môi trường, UBND các xã, phường niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa.
3. Sở Xây dựng có trách nhiệm cập nhật thủ tục lên Cổng thông tin điện tử của Sở. Hoàn thành trước ngày 15/12/2025.
**Điều 3.** Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_an_article_opens_its_own_line_after_a_note_in_brackets():
    assert "\nĐiều 2. Giao các cơ quan, đơn vị\n" in _ndoc(PROCEDURES).text


def test_the_duties_of_article_2_with_their_owners_and_time_limits():
    tasks = extract_tasks(_ndoc(PROCEDURES))
    build = next(t for t in tasks if t.text.startswith("Xây dựng quy trình điện tử"))
    assert build.lead == ["Sở Nông nghiệp và Môi trường"]  # the clause's opening names it, brackets and all
    assert build.deadline is not None and build.deadline.kind == "conditional" and build.deadline.end is None
    assert "05 ngày làm việc" in build.deadline.text
    assert not any(t.text.startswith("Thời hạn chậm nhất") for t in tasks)  # the deadline line is no task
    assert not any(t.text.startswith("Chủ trì, phối hợp") for t in tasks)
    post = next(t for t in tasks if t.text.startswith("Niêm yết công khai"))
    assert post.lead == ["Sở Nông nghiệp và Môi trường", "UBND cấp xã"]  # "niêm yết" ends the owners
    update = next(t for t in tasks if t.text.startswith("Cập nhật thủ tục"))
    assert update.deadline is not None and update.deadline.end == "2025-12-15"


ARTICLE_2_SENTENCES = """ỦY BAN NHÂN DÂN
TỈNH TUYÊN QUANG
Số: 813/QĐ-UBND
**QUYẾT ĐỊNH**
Về việc công bố danh mục thủ tục hành chính lĩnh vực thủy sản
QUYẾT ĐỊNH:
**Điều 1.** Công bố kèm theo Quyết định này danh mục 04 thủ tục hành chính.
**Điều 2.** Sở Nông nghiệp và Môi trường có trách nhiệm xây dựng quy trình điện tử giải quyết thủ tục hành chính được công bố tại Quyết định này. Hoàn thành trước ngày 15/12/2025.
**Điều 3.** Giao các cơ quan, đơn vị:
1. Thanh tra tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh) và các cơ quan chuyên môn thuộc UBND tỉnh, UBND các xã, phường có liên quan:
Rà soát quy trình tiếp nhận hồ sơ không phụ thuộc vào địa giới hành chính.
Thời hạn chậm nhất 05 ngày làm việc kể từ ngày ban hành Quyết định.
**Điều 4.** Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_a_sentence_or_a_line_that_only_dates_a_duty_is_its_deadline():
    tasks = extract_tasks(_ndoc(ARTICLE_2_SENTENCES))
    build = next(t for t in tasks if "quy trình điện tử" in t.text)
    assert build.lead == ["Sở Nông nghiệp và Môi trường"]
    assert build.deadline is not None and build.deadline.end == "2025-12-15"
    assert not any(t.text.startswith(("Thời hạn", "Hoàn thành")) for t in tasks)


def _info(text: str):
    from extract.document import extract_document_info
    from extract.pipeline import _base_document

    ndoc = _ndoc(text)
    return extract_document_info(ndoc, _base_document(ndoc))


CENTRE = """UBND TỈNH THANH HÓA
TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 905/QĐ-TTPVHCC
Thanh Hóa, ngày 10 tháng 12 năm 2025
QUYẾT ĐỊNH
Về việc công bố danh mục thủ tục hành chính lĩnh vực đất đai
GIÁM ĐỐC TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH THANH HÓA
Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ;
QUYẾT ĐỊNH:
Điều 1. Công bố kèm theo Quyết định này danh mục 05 thủ tục hành chính.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
|
KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Lê Thị Hương | PHỤ LỤC DANH MỤC THỦ TỤC HÀNH CHÍNH
1 | Đăng ký đất đai lần đầu | 20 ngày
"""


def test_a_centre_under_the_provinces_committee_issues_and_its_signer_is_read_in_a_table_cell():
    info = _info(CENTRE)
    assert info.issuer == "Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa"
    assert info.signer == "Lê Thị Hương"


def test_the_closing_article_whose_bodies_wrap_over_lines_assigns_nothing():
    text = PROCEDURES.replace("**Điều 3.** Quyết định này có hiệu lực kể từ ngày ký.\n",
                              "**Điều 3.** Quyết định này có hiệu lực kể từ ngày ký.\n**Điều 4.** Sở Nông nghiệp và Môi trường;\n"
                              "Văn phòng UBND tỉnh; Chủ tịch UBND các xã, phường và các tổ chức, cá nhân có liên quan "
                              "chịu trách nhiệm thi hành Quyết định này./.\n")
    assert not any("thi hành Quyết định này" in t.text for t in extract_tasks(_ndoc(text)))


FEES = """ỦY BAN NHÂN DÂN
TỈNH TUYÊN QUANG
Số: 814/QĐ-UBND
QUYẾT ĐỊNH
Về việc công bố danh mục thủ tục hành chính lĩnh vực khoáng sản
QUYẾT ĐỊNH:
Điều 1. Công bố kèm theo Quyết định này danh mục 01 thủ tục hành chính.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
PHỤ LỤC I
DANH MỤC THỦ TỤC HÀNH CHÍNH
TT | Tên thủ tục hành chính | Thời hạn giải quyết | Phí, lệ phí
1 | Phê duyệt trữ lượng khoáng sản | 42 ngày làm việc | Trên 10 đến 20 tỷ đồng mức thu là 55 triệu đồng + (0,3% x phần chi phí trên 10 tỷ đồng)
"""


def test_the_fee_and_time_limit_columns_of_a_procedure_list_hold_no_targets():
    from extract.targets import extract_targets

    assert extract_targets(_ndoc(FEES)) == []


HEADS = """ỦY BAN NHÂN DÂN
TỈNH TUYÊN QUANG
Số: 815/QĐ-UBND
QUYẾT ĐỊNH
Về việc công bố danh mục thủ tục hành chính lĩnh vực đăng ký, quản lý cư trú
QUYẾT ĐỊNH:
Điều 1. Công bố kèm theo Quyết định này danh mục 03 thủ tục hành chính.
Điều 2.
Giao Giám đốc Công an tỉnh thực hiện các nhiệm vụ sau:
a) Cập nhật công khai danh mục thủ tục hành chính trên Cơ sở dữ liệu quốc gia về thủ tục hành chính.
b) Phối hợp với Chánh Văn phòng UBND tỉnh niêm yết công khai danh mục tại Trung tâm Phục vụ hành chính công tỉnh.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Điều 4. Chánh Văn phòng UBND tỉnh, Giám đốc Công an tỉnh, Chủ tịch UBND các xã, phường căn cứ Quyết định thi hành./.
"""


def test_the_head_of_a_body_stands_for_the_body_and_closing_formulas_assign_nothing():
    tasks = extract_tasks(_ndoc(HEADS))
    update = next(t for t in tasks if t.text.startswith("Cập nhật công khai"))
    assert update.lead == ["Công an tỉnh"]  # "Giao Giám đốc Công an tỉnh …:"
    post = next(t for t in tasks if t.text.startswith("Phối hợp với Chánh Văn phòng"))
    assert post.lead == ["Công an tỉnh"] and post.support == ["Văn phòng UBND tỉnh"]
    assert not any("thi hành" in t.text for t in tasks)
    assert len(tasks) == 2


def test_an_article_that_asks_a_body_by_name_before_its_clauses_gives_them_to_it():
    text = HEADS.replace("Điều 2.\nGiao Giám đốc Công an tỉnh thực hiện các nhiệm vụ sau:\na)", "Điều 2. Giao Sở Y tế căn cứ "
                         "Danh mục thủ tục hành chính được công bố tại Điều 1 Quyết định này có trách nhiệm:\n1.") \
        .replace("\nb) Phối hợp", "\n2. Phối hợp")
    tasks = extract_tasks(_ndoc(text))
    assert [t.lead for t in tasks] == [["Sở Y tế"], ["Sở Y tế"]]


def test_filing_notes_time_limits_cut_and_voting_quorums_are_no_targets():
    from extract.targets import extract_targets

    text = FEES.replace("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n",
                        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
                        "Điều 3. Hội đồng xét chọn bằng bỏ phiếu kín; chỉ những cá nhân đạt số phiếu tín nhiệm từ 80% "
                        "trên tổng số thành viên Hội đồng mới được đề nghị.\nNơi nhận:\n- Như Điều 3;\n"
                        "- Lưu: VT (TC04/10).KT14/11.\n")
    text = text.replace("PHỤ LỤC I\n", "PHỤ LỤC I\na) Thời gian giải quyết: Trong thời hạn 02 ngày làm việc (cắt giảm "
                        "01/03 ngày làm việc, tỷ lệ 33,33%) kể từ ngày nhận đủ hồ sơ.\n")
    assert extract_targets(_ndoc(text)) == []


def test_a_forms_blank_fields_name_no_owner_and_give_no_task():
    text = FEES + ("PHỤ LỤC II\nGIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ\nMã hồ sơ: ......\n"
                   "Tiếp nhận hồ sơ của Ông (Bà): ..................\n"
                   "Cơ quan (bộ phận) giải quyết hồ sơ: ..................\n"
                   "Cơ quan phối hợp giải quyết hồ sơ: ..................\n"
                   "Thời gian thực hiện:\n")
    assert extract_tasks(_ndoc(text)) == []


def test_an_owners_opening_with_many_partners_still_owns_the_paragraph_under_it():
    text = PROCEDURES.replace("1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Văn phòng UBND tỉnh (Trung tâm Phục vụ "
                              "hành chính công tỉnh):",
                              "1. Thanh tra tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công "
                              "tỉnh) và Ủy ban nhân dân các xã, phường:")
    tasks = extract_tasks(_ndoc(text))
    build = next(t for t in tasks if t.text.startswith("Xây dựng quy trình điện tử"))
    assert build.lead == ["Thanh tra tỉnh"] and "Văn phòng UBND tỉnh" in build.support
    assert not any(t.text.startswith("Chủ trì, phối hợp") for t in tasks)


def test_cau_hinh_ends_an_owner():
    text = PROCEDURES.replace("3. Sở Xây dựng có trách nhiệm cập nhật thủ tục lên Cổng thông tin điện tử của Sở. Hoàn thành "
                              "trước ngày 15/12/2025.", "3. Trung tâm Chuyển đổi số tỉnh cấu hình thủ tục hành chính trên Hệ "
                              "thống thông tin giải quyết thủ tục hành chính tỉnh.")
    task = next(t for t in extract_tasks(_ndoc(text)) if t.text.startswith("Cấu hình thủ tục"))
    assert task.lead == ["Trung tâm Chuyển đổi số tỉnh"]


def test_more_verbs_end_an_owner():
    for verb, words in (("xem xét", "xem xét, phê duyệt quy trình nội bộ."), ("có ý kiến", "có ý kiến bằng văn bản về quy trình."),
                        ("xác định", "xác định, công bố vùng phát thải thấp.")):
        text = PROCEDURES.replace("3. Sở Xây dựng có trách nhiệm cập nhật thủ tục lên Cổng thông tin điện tử của Sở. Hoàn thành "
                                  "trước ngày 15/12/2025.", "3. Giao Sở Xây dựng " + words)
        task = next(t for t in extract_tasks(_ndoc(text)) if t.text.lower().startswith(verb))
        assert task.lead == ["Sở Xây dựng"], verb


# a procedure list that prints, among its forms, a whole model decision (twenty-fifth development set):
# written with another ministry, pest and wording than the document that showed it
MODEL_DECISION = """BỘ Y TẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 2210/QĐ-BYT
**QUYẾT ĐỊNH**
Về việc công bố thủ tục hành chính nội bộ lĩnh vực y tế dự phòng
QUYẾT ĐỊNH:
**Điều 1.** Công bố kèm theo Quyết định này 03 thủ tục hành chính nội bộ.
**Điều 2.** Cục Phòng bệnh có trách nhiệm cập nhật các thủ tục lên Cơ sở dữ liệu quốc gia trước ngày 31/12/2025.
**Điều 3.** Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Trần Văn Bình
PHỤ LỤC
THỦ TỤC HÀNH CHÍNH NỘI BỘ
1. Thủ tục công bố dịch bệnh truyền nhiễm nhóm A
a) Trình tự thực hiện: Cục Phòng bệnh trình Bộ trưởng quyết định công bố dịch.
b) Thành phần hồ sơ: Tờ trình; dự thảo Quyết định theo Mẫu số 03.
2. Thủ tục công bố hết dịch
a) Trình tự thực hiện: Cục Phòng bệnh trình Bộ trưởng quyết định công bố hết dịch.
b) Thành phần hồ sơ: Tờ trình; báo cáo tình hình dịch.
3. Thủ tục báo cáo dịch
a) Trình tự thực hiện: Sở Y tế gửi báo cáo về Cục Phòng bệnh.
b) Thành phần hồ sơ: Báo cáo theo mẫu.
c) Thời hạn giải quyết: 03 ngày làm việc.
4. Thủ tục cấp phép nhập khẩu vắc xin
a) Trình tự thực hiện: Cục Phòng bệnh thẩm định hồ sơ.
b) Thành phần hồ sơ: Đơn đề nghị.
5. Thủ tục thu hồi giấy phép
a) Trình tự thực hiện: Cục Phòng bệnh ra quyết định thu hồi.
b) Thành phần hồ sơ: Biên bản kiểm tra.

Mẫu số 03

Quyết định công bố dịch
BỘ Y TẾ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: ……./QĐ-BYT | ……., ngày … tháng … năm 20…
QUYẾT ĐỊNH
Về việc công bố dịch (tên bệnh) ……… tại ………
Điều 1. Công bố dịch (tên bệnh) … trên địa bàn …….
Điều 2. Ủy ban nhân dân tỉnh (tên) …… có trách nhiệm:
1. Chỉ đạo giám sát, phát hiện sớm và khoanh vùng ổ dịch trên địa bàn.
2. Tổ chức tuyên truyền cho người dân về biện pháp phòng, chống dịch.
3. Báo cáo thường xuyên Bộ Y tế về tình hình dịch tại địa phương.
Điều 3. Cục Phòng bệnh có trách nhiệm hướng dẫn chuyên môn cho địa phương.
BỘ TRƯỞNG
(Ký tên, đóng dấu)

Mẫu số 04

Báo cáo tình hình dịch
"""


def test_a_model_decision_printed_among_the_forms_assigns_no_duties():
    tasks = extract_tasks(_ndoc(MODEL_DECISION))
    assert [t.text for t in tasks] == ["Cập nhật các thủ tục lên Cơ sở dữ liệu quốc gia trước ngày 31/12/2025."]
    assert tasks[0].lead == ["Cục Phòng bệnh"]


def test_the_blank_form_runs_from_its_heading_to_the_next_form():
    from extract.blank_forms import blank_form_spans

    nd = _ndoc(MODEL_DECISION)
    [(a, b)] = blank_form_spans(nd)
    assert nd.text[a:].startswith("Mẫu số 03") and nd.text[b:].startswith("Mẫu số 04")


def test_a_draft_that_leaves_its_own_number_blank_keeps_its_duties():
    draft = MODEL_DECISION.replace("Số: 2210/QĐ-BYT", "Số: /QĐ-BYT")
    assert any(t.text.startswith("Cập nhật các thủ tục") for t in extract_tasks(_ndoc(draft)))


# a decision adopting a plan to simplify procedures: each procedure's "Nội dung cắt giảm", "Lợi ích" and
# "Kiến nghị thực thi" describe the simplification, not duties
SIMPLIFICATION = """ỦY BAN NHÂN DÂN
TỈNH BẮC KẠN
Số: 905/QĐ-UBND
**QUYẾT ĐỊNH**
Về việc thông qua phương án đơn giản hóa thủ tục hành chính lĩnh vực lao động
QUYẾT ĐỊNH:
**Điều 1.** Thông qua phương án đơn giản hóa 02 thủ tục hành chính (Phụ lục kèm theo).
**Điều 2.** Giao Sở Nội vụ dự thảo văn bản thực thi phương án đơn giản hóa, trình UBND tỉnh trước ngày 30/01/2026.
**Điều 3.** Quyết định này có hiệu lực kể từ ngày ký.
PHỤ LỤC
PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH
1. Tên thủ tục hành chính: Cấp giấy phép hoạt động dịch vụ việc làm.
a. Nội dung cắt giảm, đơn giản hóa: Giảm 03 ngày so với quy định.
- Thời gian giải quyết theo quy định: 10 ngày kể từ ngày nhận đủ hồ sơ.
- Thời gian thực hiện: 07 ngày kể từ ngày nhận đủ hồ sơ.
b. Lý do: Thực tế giải quyết có thể rút ngắn được 03 ngày.
c. Lợi ích: Rút ngắn thời gian khi giải quyết thủ tục hành chính.
d. Kiến nghị thực thi: Sửa đổi quyết định công bố danh mục thủ tục hành chính cho phù hợp.
2. Tên thủ tục hành chính: Thu hồi giấy phép hoạt động dịch vụ việc làm.
a. Nội dung cắt giảm, đơn giản hóa: Giảm 02 ngày so với quy định.
- Thời gian giải quyết theo quy định: 05 ngày kể từ ngày nhận đủ hồ sơ.
- Thời gian thực hiện: 03 ngày kể từ ngày nhận đủ hồ sơ.
"""


def test_the_parts_of_a_simplification_plan_are_no_tasks():
    tasks = extract_tasks(_ndoc(SIMPLIFICATION))
    assert [t.lead for t in tasks] == [["Sở Nội vụ"]]
    assert tasks[0].text.startswith("Dự thảo văn bản thực thi")


# the list of procedures as a table: the act each one rests on and the body that handles it are no task
PROCEDURE_TABLE = """BỘ NỘI VỤ
Số: 1402/QĐ-BNV
**QUYẾT ĐỊNH**
Về việc công bố thủ tục hành chính nội bộ được sửa đổi, bổ sung
QUYẾT ĐỊNH:
**Điều 1.** Công bố kèm theo Quyết định này 02 thủ tục hành chính nội bộ.
**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.
PHỤ LỤC
TT | Mã số TTHC | Tên TTHC nội bộ | Tên VB quy định nội dung sửa đổi, bổ sung | Lĩnh vực | Cơ quan thực hiện
1 | 2.001234 | Thẩm định đề án vị trí việc làm | Nghị định số 62/2025/NĐ-CP ngày 04/3/2025 của Chính phủ quy định về vị trí việc làm | Tổ chức biên chế | Bộ Nội vụ
2 | 2.001235 | Phê duyệt điều chỉnh biên chế | Nghị định số 62/2025/NĐ-CP ngày 04/3/2025 của Chính phủ quy định về vị trí việc làm | Tổ chức biên chế | UBND cấp tỉnh
"""


def test_a_table_of_procedures_with_their_legal_acts_is_no_task_table():
    assert extract_tasks(_ndoc(PROCEDURE_TABLE)) == []


def test_a_procedure_time_limit_in_a_body_s_clause_is_no_duty():
    text = SIMPLIFICATION.split("PHỤ LỤC")[0] + """**Điều 4.** Trách nhiệm của cơ quan thuế
1. Cơ quan thuế có trách nhiệm xác định nghĩa vụ tài chính đúng thời hạn:
a) Đối với hồ sơ cho thuê đất thì thời gian xác định nghĩa vụ tài chính của cơ quan thuế là 05 ngày làm việc.
b) Đối với hồ sơ giao đất thì thời gian xác định nghĩa vụ tài chính là 03 ngày làm việc.
"""
    tasks = extract_tasks(_ndoc(text))
    assert not any("thời gian xác định" in t.text for t in tasks)


def test_a_form_without_a_heading_of_its_own_inside_an_annex_is_a_form_too():
    """Forms that follow one another under one annex: the form starts at its issuer's name."""
    bare = MODEL_DECISION.replace("Mẫu số 03\n\nQuyết định công bố dịch\n", "")
    tasks = extract_tasks(_ndoc(bare))
    assert [t.lead for t in tasks] == [["Cục Phòng bệnh"]]


def test_the_steps_under_a_procedure_s_own_heading_are_no_tasks():
    """"2. Thủ tục điều chỉnh …" / "- Trình tự thực hiện:" / "+ Sở Xây dựng lập tờ trình …": a step of the procedure,
    even where the outline of a file to submit ("CHƯƠNG IV: TỔ CHỨC THỰC HIỆN") stands above it."""
    text = PROCEDURE_TABLE.split("PHỤ LỤC")[0] + """PHỤ LỤC
PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH NỘI BỘ
1. Thủ tục lập đề án vị trí việc làm
- Thành phần hồ sơ: đề án theo đề cương sau:
CHƯƠNG IV: TỔ CHỨC THỰC HIỆN
1. Trách nhiệm của các cơ quan, đơn vị.
2. Thủ tục thẩm định đề án vị trí việc làm của cơ quan hành chính cấp tỉnh
- Trình tự thực hiện:
+ Sở Nội vụ lập tờ trình đề nghị thẩm định gửi Bộ Nội vụ kèm theo hồ sơ đề án;
+ Bộ Nội vụ xem xét, có văn bản thẩm định gửi Ủy ban nhân dân cấp tỉnh;
- Cách thức thực hiện: gửi qua hệ thống quản lý văn bản.
"""
    assert extract_tasks(_ndoc(text)) == []


# what the rules above must leave alone (a second reading of the change)
PLAN = """ỦY BAN NHÂN DÂN
TỈNH BẮC KẠN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 120/KH-UBND
KẾ HOẠCH
Cải cách hành chính năm 2026
I. MỤC TIÊU
1. Hài hòa lợi ích của Nhà nước, người dân và doanh nghiệp

Tỷ lệ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính đạt trên 90%.
II. NHIỆM VỤ
1. Điều kiện cơ sở vật chất: Sở Giáo dục và Đào tạo chủ trì rà soát trường lớp trước ngày 30/6/2026.
2. Thủ tục hành chính được cắt giảm, đơn giản hóa
- Sở Nội vụ chủ trì theo dõi, đôn đốc việc thực thi phương án cắt giảm, báo cáo trước ngày 15/12/2026.
3. Các sở, ngành góp ý vào dự thảo Kế hoạch của tỉnh khi được đề nghị.
PHỤ LỤC
TT | Tên văn bản, nội dung giao quy định chi tiết | Cơ quan chủ trì soạn thảo | Thời gian trình
1 | Quyết định quy định chi tiết về phân cấp quản lý cây xanh đô thị | Sở Xây dựng | Quý II/2026
2 | Quyết định ban hành quy chế phối hợp quản lý cụm công nghiệp | Sở Công Thương | Quý III/2026
"""


def test_a_plan_s_headings_that_only_begin_like_a_rule_keep_their_items():
    tasks = extract_tasks(_ndoc(PLAN))
    leads = {t.text[:25]: t.lead for t in tasks}
    assert any(t.lead == ["Sở Giáo dục và Đào tạo"] for t in tasks)  # "Điều kiện cơ sở vật chất: Sở … chủ trì …"
    assert any(t.lead == ["Sở Nội vụ"] for t in tasks)  # a part on procedures in general, not a procedure
    assert sorted(t.lead[0] for t in tasks if t.lead and t.lead[0] in ("Sở Xây dựng", "Sở Công Thương")) == \
        ["Sở Công Thương", "Sở Xây dựng"]  # the acts a plan is to draft are its tasks
    assert not any(t.lead and "góp ý" in t.lead[0] for t in tasks), leads  # "góp ý vào dự thảo": no owner ends there


def test_a_target_under_a_heading_on_shared_benefits_is_kept():
    from extract.targets import extract_targets

    targets = extract_targets(_ndoc(PLAN))
    assert any(t.value == 90 for t in targets)


def test_a_model_decision_numbered_with_a_blank_year_is_a_form_too():
    form = MODEL_DECISION.replace("Số: ……./QĐ-BYT", "Số: …/20…/QĐ-BYT")
    assert [t.lead for t in extract_tasks(_ndoc(form))] == [["Cục Phòng bệnh"]]


def test_the_standard_header_of_the_legal_acts_column_is_no_task_column_either():
    table = PROCEDURE_TABLE.replace("Tên VB quy định nội dung sửa đổi, bổ sung", "Tên VBQPPL quy định nội dung sửa đổi, bổ sung, thay thế")
    assert extract_tasks(_ndoc(table)) == []


def test_a_threshold_in_a_procedure_s_name_is_no_target():
    """"Tên thủ tục hành chính: Giải quyết … có tỷ lệ tổn thương cơ thể từ 81% trở lên": who qualifies."""
    from extract.targets import extract_targets

    text = SIMPLIFICATION.replace("1. Tên thủ tục hành chính: Cấp giấy phép hoạt động dịch vụ việc làm.",
                                  "1. Tên thủ tục hành chính: Giải quyết phụ cấp hằng tháng đối với thương binh có tỷ lệ "
                                  "tổn thương cơ thể từ 81% trở lên.")
    assert "từ 81% trở lên" in _ndoc(text).text
    assert extract_targets(_ndoc(text)) == []


def test_labels_that_only_contain_an_excluded_word_keep_their_targets():
    from extract.targets import extract_targets

    text = """ỦY BAN NHÂN DÂN
TỈNH BẮC KẠN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 121/KH-UBND
KẾ HOẠCH
Chuyển đổi số năm 2026

I. KẾT QUẢ

1. Chuẩn hóa tên thủ tục hành chính

- Phấn đấu 100% thủ tục hành chính được chuẩn hóa tên trong năm 2026.

2. Dịch vụ công

b) Công dân được cấp căn cước: đạt 95% dân số từ đủ 14 tuổi trong năm 2026.

a) Tỷ lệ thủ tục hành chính đủ điều kiện: 80% được cung cấp trực tuyến toàn trình.
"""
    values = sorted(t.value for t in extract_targets(_ndoc(text)))
    assert values == [80, 95, 100]
