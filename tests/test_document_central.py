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
