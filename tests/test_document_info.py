"""The document block (number, type, issuer, province, date, title, signer) of a plan."""

from pathlib import Path

import pytest

from extract.document import extract_document_info, find_province
from extract.pipeline import _base_document
from ingest import ingest_file
from ingest.model import IngestedDocument, Page
from normalize import normalize_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def _info_of(ndoc):
    return extract_document_info(ndoc, _base_document(ndoc))


def _info(text: str, method: str = "text"):
    doc = IngestedDocument(source="m.txt", sha256="0" * 64, method=method, pages=[Page(1, text)])
    return _info_of(normalize_document(doc, restore=False))


@pytest.mark.parametrize(
    "stem, number, date, province, signer",
    [
        ("000_49e3d13dcca6eaaf", "186/KH-UBND", "2023-06-14", "Hà Giang", "Nguyễn Văn Sơn"),
        ("001_3d950fac20eead32", "24/KH-UBND", "2023-02-13", "Thanh Hóa", None),
        ("002_ed72dcb75bee655e", "230/KH-UBND", "2022-12-16", "Tuyên Quang", "Hoàng Việt Phương"),
        ("003_d4f7ed5afff7d63e", None, None, "Đắk Lắk", "Võ Văn Cảnh"),
    ],
)
def test_document_block_of_each_diacritized_seed(stem, number, date, province, signer):
    info = _info_of(normalize_document(ingest_file(CORPUS / f"{stem}.txt"), restore=False))
    assert (info.number, info.issued_date, info.province, info.signer) == (number, date, province, signer)
    assert info.doc_type == "Kế hoạch"
    assert info.issuer == f"UBND tỉnh {province}"
    assert info.title and info.title[0].isupper() and not info.title.isupper()


def test_title_of_an_all_caps_heading_is_sentence_case_with_names_kept():
    info = _info_of(normalize_document(ingest_file(CORPUS / "002_ed72dcb75bee655e.txt"), restore=False))
    assert info.title.startswith("Phát động phong trào thi đua thực hiện Đề án phát triển ứng dụng dữ liệu")
    assert info.title.endswith("tầm nhìn đến năm 2030")


def test_hậu_giang_restored_text_gives_number_and_an_incomplete_date_with_a_warning():
    # the hand-restored gold text stands in for the OCR seed after diacritic restoration
    info = _info_of(normalize_document(ingest_file(ROOT / "gold" / "004_e8cf8ffdb6dfbfb5.restored.txt"), restore=False))
    assert info.number == "165/KH-UBND" and info.doc_type == "Kế hoạch"
    assert info.province == "Hậu Giang" and info.issuer == "UBND tỉnh Hậu Giang"
    assert info.issued_date is None and info.issued_year == 2023
    assert any("incomplete" in w and "day" in w for w in info.warnings)
    assert info.title.startswith("Phát động phong trào thi đua “Người dân Hậu Giang")


def test_hậu_giang_raw_ocr_is_read_accent_insensitively():
    info = _info_of(normalize_document(ingest_file(CORPUS / "004_e8cf8ffdb6dfbfb5.txt"), restore=False))
    assert info.number == "165/KH-UBND" and info.doc_type == "Kế hoạch"
    assert info.province == "Hậu Giang" and info.issuer == "UBND tỉnh Hậu Giang"
    assert info.issued_date is None
    assert any("month 8" in w for w in info.warnings)


def test_another_province_and_another_wording():
    info = _info(
        "HỘI ĐỒNG THI ĐUA\n"  # not an issuing-body line of the header: ignored
        "ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU\n-----\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 1234/QĐ-UBND\nBà Rịa - Vũng Tàu, ngày 09 tháng 11 năm 2021\n"
        "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ TỈNH BÀ RỊA - VŨNG TÀU\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n"
        "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nCHỦ TỊCH\nNGUYỄN VĂN THỌ\n"
    )
    assert info.number == "1234/QĐ-UBND" and info.doc_type == "Quyết định"
    assert info.province == "Bà Rịa - Vũng Tàu" and info.issuer == "UBND tỉnh Bà Rịa - Vũng Tàu"
    assert info.issued_date == "2021-11-09"
    assert info.title == "Về việc ban hành kế hoạch chuyển đổi số tỉnh Bà Rịa - Vũng Tàu"
    assert info.signer == "Nguyễn Văn Thọ"


def test_centrally_run_city_and_ocr_header_without_diacritics():
    info = _info(
        "UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM\n"
        "THANH PHO DA NANG Doc lap - Tu do - Hanh phuc\n"
        "So: 88/KH-UBND Da Nang, ngay 5 thang 7 nam 2023\n"
        "KE HOACH\nThuc hien chuyen doi so nam 2023\n\nI. MUC DICH\n1. Noi dung.\n",
        method="ocr",
    )
    assert (info.number, info.doc_type, info.province) == ("88/KH-UBND", "Kế hoạch", "Đà Nẵng")
    assert info.issuer == "UBND thành phố Đà Nẵng" and info.issued_date == "2023-07-05"
    assert any("no diacritics" in w for w in info.warnings)


def test_district_issuer_and_portal_fallback():
    nd = normalize_document(IngestedDocument(
        source="m.txt", sha256="0" * 64, method="text", pages=[Page(1, (
            "Số hiệu:\n|\n15/KH-UBND\n|\nNgười ký:\n|\nLê Văn Tám\n|\nNgày ban hành:\n|\n02/03/2024\n|\n"
            "ỦY BAN NHÂN DÂN\nHUYỆN ĐỒNG VĂN\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "KẾ HOẠCH\nTHỰC HIỆN ĐỀ ÁN 06 TRÊN ĐỊA BÀN HUYỆN\nI. MỤC ĐÍCH\n1. Nội dung.\n"
        ))]), restore=False)
    info = _info_of(nd)
    assert info.issuer == "UBND huyện Đồng Văn"
    assert info.number == "15/KH-UBND" and info.issued_date == "2024-03-02" and info.signer == "Lê Văn Tám"


def test_date_in_a_citation_is_not_the_issue_date():
    info = _info(
        "KẾ HOẠCH\nThử nghiệm\nCăn cứ Luật ngày 15 tháng 6 năm 2022;\nI. MỤC ĐÍCH\n1. Nội dung.\n"
    )
    assert info.issued_date is None and info.number is None


@pytest.mark.parametrize("text, name", [
    ("TỈNH THỪA THIÊN HUẾ", "Thừa Thiên Huế"), ("tinh hau giang", "Hậu Giang"), ("TP. HỒ CHÍ MINH", "Hồ Chí Minh"),
    ("Tỉnh Hòa Bình", "Hòa Bình"), ("tỉnh Bắc Kạn", "Bắc Kạn"),
])
def test_provinces_are_matched_accent_and_case_insensitively(text, name):
    assert find_province(text)[0] == name


def test_a_date_garbled_by_restoration_is_read_from_the_text_as_it_was(monkeypatch):
    import sys
    import types

    def lossy_restore(text):  # a restorer that drops the digit glued to "thang8"
        return types.SimpleNamespace(text=text.replace("ngay 2/ thang8", "ngày 2/ tháng"), restored=True, warnings=[])

    fake = types.ModuleType("normalize.diacritics")
    fake.restore_if_needed = lossy_restore
    monkeypatch.setitem(sys.modules, "normalize.diacritics", fake)
    doc = IngestedDocument(source="m.txt", sha256="0" * 64, method="ocr", pages=[Page(1, (
        "UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM\nTINH SOC TRANG Doc lap - Tu do - Hanh phuc\n"
        "So: 9/KH-UBND Soc Trang, ngay 2/ thang8 nam 2023\nKE HOACH\nThi dua\n\nI. MUC DICH\n1. Noi dung.\n"))])
    info = _info_of(normalize_document(doc))
    assert info.province == "Sóc Trăng" and info.issued_date is None
    assert info.issued_month == 8 and info.issued_year == 2023
    assert any("day unreadable" in w and "month 8" in w for w in info.warnings)


def test_type_and_title_on_one_line_and_portal_fields_on_one_line():
    nd = normalize_document(IngestedDocument(source="m.docx", sha256="0" * 64, method="docx", pages=[Page(1, (
        "Cơ quan ban hành: Ủy ban nhân dân tỉnh Yên Bái | Người ký: Trần Huy Tuấn | Ngày ban hành: 07/08/2023\n"
        "KẾ HOẠCH Triển khai thực hiện Đề án 06 năm 2023\n"
        "I. MỤC ĐÍCH\n1. Nội dung.\n"
    ))]), restore=False)
    info = _info_of(nd)
    assert nd.header["Người ký"] == "Trần Huy Tuấn"
    assert info.doc_type == "Kế hoạch" and info.title == "Triển khai thực hiện Đề án 06 năm 2023"
    assert info.issued_date == "2023-08-07" and info.signer == "Trần Huy Tuấn" and info.province == "Yên Bái"


def test_a_decision_issuing_a_plan_is_the_document_and_its_signer_signs_above_the_plan():
    info = _info(
        "ỦY BAN NHÂN DÂN\nTỈNH TRÀ VINH\nSố: 77/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Trà Vinh, ngày 02 tháng 4 năm 2025\nQUYẾT ĐỊNH\nBan hành Kế hoạch cải cách hành chính năm 2025\n"
        "Căn cứ Quyết định số 76/QĐ-TTg ngày 15/01/2024 của Thủ tướng Chính phủ;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Thị Mai\n\n"
        "ỦY BAN NHÂN DÂN\n\nKẾ HOẠCH\nCải cách hành chính năm 2025\n(Ban hành kèm theo Quyết định số 77/QĐ-UBND ngày 02/4/2025)\n"
        "I. MỤC ĐÍCH\n1. Nâng cao chất lượng phục vụ người dân.\n"
    )
    assert (info.doc_type, info.number, info.issued_date, info.province) == ("Quyết định", "77/QĐ-UBND", "2025-04-02",
                                                                             "Trà Vinh")
    assert info.signer == "Lê Thị Mai"
    assert info.title == "Ban hành Kế hoạch cải cách hành chính năm 2025"


_PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC\nSố: 12/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\nBình Phước, ngày 5 tháng 3 năm 2023\nKẾ HOẠCH\nTriển khai Đề án 06 năm 2023\n"
         "I. MỤC TIÊU\n1. Phấn đấu trên 80% công dân kích hoạt tài khoản định danh điện tử.\n")


@pytest.mark.parametrize("closing", [
    # two columns read row by row: recipients on the left, the role on the right
    "Nơi nhận:                         TM. ỦY BAN NHÂN DÂN\n- Bộ Công an;                      KT. CHỦ TỊCH\n"
    "- Lưu: VT.                        PHÓ CHỦ TỊCH\n                                  (Đã ký)\n"
    "                                  Trần Văn Mi\n",
    # no blank lines and no "Nơi nhận": the role lines and "(Đã ký)" get joined to what follows
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nTrần Văn Mi\n",
    # everything on one line
    "Nơi nhận: - Bộ Công an; - Lưu: VT. TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Mi\n",
])
def test_signer_found_however_the_signature_block_was_laid_out(closing):
    assert _info(_PLAN + closing).signer == "Trần Văn Mi"


def test_no_signer_when_the_role_has_no_name_under_it():
    assert _info(_PLAN + "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n").signer is None


def test_a_decisions_title_ends_where_its_enacting_body_and_grounds_begin():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\nSố: 412/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nQuảng Bình, ngày 14 tháng 02 năm 2025\nQUYẾT ĐỊNH\n"
            "Ban hành Kế hoạch nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) tỉnh\n"
            "Quảng Bình năm 2025\nỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH\n\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch nâng cao Chỉ số PCI năm 2025.\n")
    info = _info(text)
    assert info.doc_type == "Quyết định" and info.number == "412/QĐ-UBND"
    assert info.title == "Ban hành Kế hoạch nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) tỉnh Quảng Bình năm 2025"


def test_a_subject_line_cut_after_its_label_ends_on_the_date_line():
    """"Số: 5340/CT-CS V/v:" and, on the next line, "Chính sách thuế GTGT Hà Nội, ngày …" (a portal's table cell
    joined; set 26, tenth session): the subject is the words before the place, the abbreviation kept."""
    from extract.document_title import subject_line

    lines = ["Độc lập - Tự do - Hạnh phúc Số: 5340/CT-CS V/v:",
             "Chính sách thuế GTGT Hà Nội, ngày 21 tháng 11 năm 2025 Kính gửi: Công ty TNHH An Phát"]
    assert subject_line(lines) == "V/v: Chính sách thuế GTGT"
    assert subject_line(["Độc lập - Tự do - Hạnh phúc Số: 5390/CT-CS v/v trả lời kiến nghị Hà Nội, ngày 21 tháng 11 "
                         "năm 2025 Kính gửi: Ông Lê Văn Hòa"]) == "v/v trả lời kiến nghị"


def test_a_dispatch_with_a_subject_line_is_a_cong_van_whatever_its_numbers_code():
    """"Số: 5702/CT-CS" with "V/v …" and no type heading: CT is the tax department's code, not Chỉ thị's."""
    text = ("BỘ TÀI CHÍNH\nCỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 5702/CT-CS\n"
            "V/v thuế thu nhập doanh nghiệp\nHà Nội, ngày 02 tháng 12 năm 2025\nKính gửi: Thuế tỉnh Lâm Đồng\n"
            "Cục Thuế nhận được công văn của Thuế tỉnh Lâm Đồng. Về vấn đề này, Cục Thuế có ý kiến như sau:\n"
            "Đề nghị Thuế tỉnh Lâm Đồng rà soát hồ sơ của doanh nghiệp.\n")
    info = _info(text)
    assert info.doc_type == "Công văn" and info.title == "V/v thuế thu nhập doanh nghiệp"


def test_a_place_in_capitals_on_the_date_line_is_no_part_of_the_subject():
    from extract.document_title import subject_line

    assert subject_line(["Số: 812/TNI-QLDN", "V/v hoàn thuế", "TÂY NINH, ngày 03 tháng 12 năm 2025"]) == "V/v hoàn thuế"
    assert subject_line(["Số: 812/HCM-QLDN V/v hoàn thuế TP. HỒ CHÍ MINH, ngày 03 tháng 12 năm 2025"]) == "V/v hoàn thuế"
