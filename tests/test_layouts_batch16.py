"""Large central documents and short provincial ones (sixteenth and seventeenth development
sets, December 2026), written here with other bodies, numbers and wording than the
documents that showed them."""

from extract.document import extract_document_info
from extract.pipeline import _base_document
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
