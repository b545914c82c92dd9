"""The document block of central bodies' documents as a legal portal saves them (twelfth
development set, December 2026), written here with other bodies and numbers."""

from extract.document import extract_document_info
from extract.pipeline import _base_document
from ingest.model import IngestedDocument, Page
from normalize import normalize_document


def _info(text: str):
    doc = IngestedDocument(source="m.md", sha256="0" * 64, method="text", pages=[Page(1, text)])
    ndoc = normalize_document(doc, restore=False)
    return extract_document_info(ndoc, _base_document(ndoc))


DECREE = """CHÍNH PHỦ_______ Số: 305/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập – Tự do – Hạnh phúc_________________ Hà Nội, ngày 12 tháng 9 năm 2025 |

**NGHỊ ĐỊNH**

**Quy định về quản lý kho lưu trữ chuyên dụng**

Điều 1. Phạm vi điều chỉnh

Nghị định này quy định về kho lưu trữ chuyên dụng.

Điều 2. Trách nhiệm thi hành

Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Nghị định này.

- Lưu: VT, KGVX (2) | TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)Trần Văn Bình |
"""


def test_a_header_cell_parted_by_a_short_rule_gives_issuer_and_number():
    info = _info(DECREE)
    assert (info.issuer, info.number, info.province) == ("Chính phủ", "305/2025/NĐ-CP", None)


def test_a_signature_block_run_together_still_names_its_signer():
    assert _info(DECREE).signer == "Trần Văn Bình"


AUDIT = """|
**KIỂM TOÁN NHÀ
NƯỚC**
-------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 902/QĐ-KTNN
|
*Hà Nội, ngày **03** tháng 10 năm
202**5*
|

**QUYẾT ĐỊNH**

Ban hành Quy chế sử dụng phòng họp trực tuyến

Điều 1. Ban hành kèm theo Quyết định này Quy chế sử dụng phòng họp trực tuyến.

Điều 2. Vụ Tổ chức cán bộ, Văn phòng Kiểm toán nhà nước chịu trách nhiệm thi hành Quyết định này.

|
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
|
**TỔNG KIỂM TOÁN NHÀ
NƯỚC**
**Lê Thị
Hoa**
|
"""


def test_a_central_body_header_its_date_cut_by_emphasis_and_its_head_as_signer():
    info = _info(AUDIT)
    assert (info.issuer, info.issued_date, info.province, info.signer) == \
        ("Kiểm toán nhà nước", "2025-10-03", None, "Lê Thị Hoa")


def test_a_ministry_in_capitals_is_named_as_its_text_writes_it_and_a_rank_is_no_part_of_a_name():
    text = """|
**BỘ QUỐC PHÒNG**
-------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 77/VBHN-BQP
|
*Hà Nội, ngày **05** tháng** 11** năm 2025*
|

**QUYẾT ĐỊNH**

Ban hành Quy chế quản lý bến cảng quân sự

Điều 1. Bộ Quốc phòng thống nhất quản lý bến cảng.

Điều 2. Bộ Quốc phòng chủ trì kiểm tra hằng năm.

|
Nơi nhận:
- Lưu: VT.
|
**KT. BỘ TRƯỞNG**
THỨ TRƯỞNG
**Thượng
tướng Phạm Văn An**
|
"""
    info = _info(text)
    assert info.issuer == "Bộ Quốc phòng"
    assert info.signer == "Phạm Văn An"


def test_a_header_that_lost_its_issuer_is_read_from_the_number_and_so_is_số_without_colon():
    decree = """Số: 31/2026/NĐ-CP | Hà Nội, ngày 02 tháng 3 năm 2026 |

## NGHỊ ĐỊNH

## Quy định chức năng, nhiệm vụ của Bộ Y tế

Điều 1. Vị trí và chức năng
Bộ Y tế là cơ quan của Chính phủ.
"""
    info = _info(decree)
    assert (info.issuer, info.province, info.number) == ("Chính phủ", None, "31/2026/NĐ-CP")
    directive = """ỦY BAN NHÂN DÂN
TỈNH LẠNG SƠN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số 07/CT-UBND
Lạng Sơn, ngày 10 tháng 4 năm 2026
CHỈ THỊ
Về tăng cường phòng cháy rừng
"""
    info = _info(directive)
    assert (info.issuer, info.number, info.province) == ("UBND tỉnh Lạng Sơn", "07/CT-UBND", "Lạng Sơn")


def test_a_number_names_only_the_bodies_its_codes_are_sure_of():
    from extract.issuer_codes import issuer_from_number

    assert issuer_from_number("5642/CT-CS").name == "Cục Thuế"
    assert issuer_from_number("12/CT-TTg").name == "Thủ tướng Chính phủ"
    assert issuer_from_number("01/CT-SYT") is None  # a Chỉ thị of a body the table does not know
    assert issuer_from_number("05/CT-UBND") is None  # a province's: its header names it


def test_a_rule_in_a_body_table_stays_a_blank_to_fill():
    lines = ["| Điều 1 | Nội dung |"] * 14 + ["| Số tiền: ____ đồng | ghi chú |"]
    doc = IngestedDocument(source="m.md", sha256="0" * 64, method="text", pages=[Page(1, "\n".join(lines))])
    text = normalize_document(doc, restore=False).text
    assert "Số tiền: | đồng" not in text


COMMITTEE = """ỦY BAN THƯỜNG VỤ QUỐC HỘI
------------------ Số: 1702/NQ-UBTVQH15
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
NGHỊ QUYẾT
VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ CỦA TỈNH GIA LAI NĂM 2025
ỦY BAN THƯỜNG VỤ QUỐC HỘI
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Ủy ban Thường vụ Quốc hội quyết định:
Điều 1. Sắp xếp các đơn vị hành chính cấp xã
Sắp xếp toàn bộ diện tích tự nhiên của các xã A và B thành xã mới có tên gọi là xã C.
Nghị quyết này được Ủy ban Thường vụ Quốc hội khóa XVthông qua ngày 16 tháng 6 năm 2025.
"""


def test_a_resolution_without_a_date_line_is_dated_by_its_adoption():
    info = _info(COMMITTEE)
    assert (info.number, info.issued_date) == ("1702/NQ-UBTVQH15", "2025-06-16")
    assert info.issuer == "Ủy ban Thường vụ Quốc hội" and info.province is None


def test_the_enacting_body_under_the_title_is_no_part_of_it():
    title = _info(COMMITTEE).title  # (the place's capitals are the sentence-casing's business, not this test's)
    assert title.lower() == "về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh gia lai năm 2025"


DEPARTMENT_LETTER = """BỘ TÀI
CHÍNH
CỤC HẢI QUAN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 40101/CHQ-GSQL
V/v ghi nhãn hàng hóa
Hà Nội, ngày 03 tháng 12 năm 2025
Kính gửi: Công ty TNHH An Phú.
Cục Hải quan có ý kiến như sau: Công ty thực hiện theo quy định.
Cục Hải quan trả lời để Công ty biết./.
Nơi nhận:
- Như trên;
- Lưu: VT, GSQL.
KT. CỤC TRƯỞNG
PHÓ CỤC TRƯỞNG
Lê Văn Bảy
"""


def test_a_department_under_a_ministry_issues_its_own_letter():
    assert _info(DEPARTMENT_LETTER).issuer == "Cục Hải quan"


PROVINCIAL_TAX = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc Số: 1601/VLO-QLDN3 V/v trả lãi tiền vay cho cổ đông Vĩnh Long, ngày 02 tháng 12 năm 2025
Thuế tỉnh Vĩnh Long có ý kiến như sau: doanh nghiệp thực hiện theo quy định.
Nơi nhận:
- Như trên;
- Lưu: VT, QLDN3.
KT. TRƯỞNG THUẾ TỈNH
PHÓ TRƯỞNG THUẾ TỈNH
Huỳnh Văn Tám
"""


def test_number_and_subject_on_the_mottos_line_and_a_deputys_role_is_no_name():
    info = _info(PROVINCIAL_TAX)
    assert (info.number, info.doc_type, info.title) == ("1601/VLO-QLDN3", "Công văn", "V/v trả lãi tiền vay cho cổ đông")
    assert info.signer == "Huỳnh Văn Tám"


def test_emphasis_that_cuts_a_syllable_does_not_cut_the_signers_name():
    text = DEPARTMENT_LETTER.replace("Lê Văn Bảy", "Nguyễn Ho**àng Long**")
    assert _info(text).signer == "Nguyễn Hoàng Long"


NO_LETTERHEAD = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc |
Số: 22/2025/TT-BGDĐT |
Quy định chế độ làm việc đối với giáo viên phổ thông
Căn cứ Nghị định số 37/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của Chính phủ quy định chức năng của Bộ;
Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Thông tư quy định chế độ làm việc đối với giáo viên phổ thông.
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định chế độ làm việc đối với giáo viên phổ thông.
"""


def test_a_circular_without_letterhead_takes_its_type_from_the_number_and_no_date_from_its_grounds():
    info = _info(NO_LETTERHEAD)
    assert (info.doc_type, info.issued_date) == ("Thông tư", None)
    assert info.title == "Quy định chế độ làm việc đối với giáo viên phổ thông"


UNDATED_DECREE = """CHÍNH PHỦ
Số: 171/2025/NĐ-CP
NGHỊ ĐỊNH
Quy định về đào tạo, bồi dưỡng công chức
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về đào tạo, bồi dưỡng công chức.
PHỤ LỤC
(Kèm theo Nghị định số 171/2025/NĐ-CP ng ày 30 tháng 6 năm 2025 của Chính phủ)
Mẫu số 01. Báo cáo kết quả đào tạo.
"""


def test_a_decree_without_a_date_line_is_dated_where_it_names_itself():
    assert _info(UNDATED_DECREE).issued_date == "2025-06-30"


def test_only_a_resolution_is_dated_by_an_adoption_line_and_only_its_own_number_dates_a_decree():
    plan = """ỦY BAN NHÂN DÂN TỈNH NGHỆ AN Số: 15/KH-UBND
KẾ HOẠCH
Thực hiện Nghị quyết về giáo dục
Nghị quyết số 10/2024/NQ-HĐND được HĐND tỉnh khóa XVIII thông qua ngày 12 tháng 7 năm 2024.
"""
    info = _info(plan)
    assert info.issued_date is None and info.issuer == "UBND tỉnh Nghệ An"
    decree = UNDATED_DECREE.replace("(Kèm theo Nghị định số 171/2025/NĐ-CP", "(Căn cứ Nghị định số 1171/2025/NĐ-CP")
    assert _info(decree).issued_date is None


def test_a_subject_line_keeps_a_place_it_is_about_and_drops_the_place_of_issue():
    letter = PROVINCIAL_TAX.replace("V/v trả lãi tiền vay cho cổ đông Vĩnh Long, ngày",
                                    "V/v quản lý thuế Thành phố Hồ Chí Minh, ngày")
    assert _info(letter).title == "V/v quản lý thuế"


def test_a_signature_in_the_cell_after_the_recipients_keeps_its_name():
    resolution = COMMITTEE + """- Chính phủ; - Kiểm toán nhà nước; - Lưu: HC, PLTP. |
CHỦ TỊCH
Trần Văn Chín |
"""
    assert _info(resolution).signer == "Trần Văn Chín"


def test_a_letters_subject_without_v_v_is_the_ve_line_under_its_number():
    letter = ("SỞ Y TẾ\nTỈNH NINH BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "Số: 2210/SYT-NVY\nVề tăng cường phòng, chống dịch sốt xuất huyết\ntrên địa bàn tỉnh\n"
              "Ninh Bình, ngày 05 tháng 12 năm 2025\nKính gửi: Trung tâm Kiểm soát bệnh tật tỉnh.\n"
              "Sở Y tế đề nghị Trung tâm Kiểm soát bệnh tật tỉnh tăng cường giám sát ổ dịch.\n")
    info = _info(letter)
    assert info.title == "Về tăng cường phòng, chống dịch sốt xuất huyết trên địa bàn tỉnh"
