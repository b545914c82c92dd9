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
