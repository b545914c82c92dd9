"""Boundaries and opening block: the document is cut out of portal chrome by its structure."""

from pathlib import Path

from ingest import ingest_file
from ingest.model import IngestedDocument, Page
from normalize import normalize_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def _doc(text: str) -> IngestedDocument:
    return IngestedDocument(source="mem.txt", sha256="0" * 64, method="text", pages=[Page(1, text)])


def _norm(text: str, **kw):
    return normalize_document(_doc(text), restore=False, **kw)


# another portal's chrome, another province, other wording and numbering
PLAN_LANG_SON = """Trang chủ > Văn bản > Kế hoạch
Đăng nhập | Đăng ký tài khoản
Tải văn bản gốc (PDF) - Lượt xem: 1.234
Số hiệu: 57/KH-UBND
Người ký: Trần Thị Bình
UỶ BAN NHÂN DÂN
TỈNH LẠNG SƠN
________
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
________
Số: 57/KH-UBND
Lạng Sơn, ngày 03
tháng 4 năm 2024
KẾ HOẠCH
Tổ chức phong trào thi đua chuyển đổi số
năm 2024 trên địa bàn tỉnh Lạng Sơn
Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. MỤC TIÊU
1. Nâng tỷ lệ hồ sơ trực tuyến lên trên
80% vào cuối năm 2024.
II. TỔ CHỨC THỰC HIỆN
Trong quá trình thực hiện, nếu có vướng mắc, báo cáo UBND tỉnh./.
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Thị Bình
Bài viết liên quan
© 2024 Cổng thông tin điện tử. Bản quyền thuộc về Ban biên tập.
Chia sẻ qua Facebook | Zalo
"""


def test_portal_chrome_before_and_after_is_dropped():
    nd = _norm(PLAN_LANG_SON)
    lines = nd.text.split("\n")
    assert lines[0] == "UỶ BAN NHÂN DÂN"
    assert lines[-1] == "Trần Thị Bình"
    for junk in ("Đăng nhập", "Lượt xem", "Bài viết liên quan", "Bản quyền", "Facebook"):
        assert junk not in nd.text


def test_portal_fields_before_the_document_are_kept_in_the_header():
    nd = _norm(PLAN_LANG_SON)
    assert nd.header["Số hiệu"] == "57/KH-UBND"
    assert nd.header["Người ký"] == "Trần Thị Bình"


def test_opening_block_gets_one_line_per_element():
    lines = _norm(PLAN_LANG_SON).text.split("\n")
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert "Lạng Sơn, ngày 03 tháng 4 năm 2024" in lines
    i = lines.index("KẾ HOẠCH")
    assert lines[i + 1] == "Tổ chức phong trào thi đua chuyển đổi số năm 2024 trên địa bàn tỉnh Lạng Sơn"
    assert not any(set(ln) <= set("_-| ") for ln in lines)


def test_ocr_header_without_diacritics_is_found_and_split():
    text = (
        "Xem them van ban tai day\n"
        "UY BAN NHAN DAN  CONG HOA XA HOI CHU NGHIA VIET NAM\n"
        "TINH BAC NINH Doc lap - Tu do - Hanh phuc\n"
        "So: 12 /KH-UBND Bac Ninh, ngay 05 thang 3 nam 2023\n"
        "KE HOACH\n"
        "Phat dong thi dua nam 2023\n\n"
        "I. MUC DICH\n"
        "1. Muc dich chung.\n"
    )
    lines = _norm(text).text.split("\n")
    assert lines[0] == "UY BAN NHAN DAN"
    assert "CONG HOA XA HOI CHU NGHIA VIET NAM" in lines
    assert "Doc lap - Tu do - Hanh phuc" in lines
    assert "So: 12 /KH-UBND" in lines and "Bac Ninh, ngay 05 thang 3 nam 2023" in lines


def test_appendix_after_signature_is_kept_and_self_reference_ends_it():
    text = PLAN_LANG_SON.split("Bài viết liên quan")[0] + (
        "PHỤ LỤC I\nDANH SÁCH CHỈ TIÊU\nNội dung phụ lục.\n"
        "Kế hoạch 57/KH-UBND năm 2024 tổ chức phong trào thi đua chuyển đổi số\n"
        "Văn bản này chưa có bản dịch\n"
    )
    nd = _norm(text)
    assert "PHỤ LỤC I" in nd.text and "Nội dung phụ lục." in nd.text
    assert "Văn bản này" not in nd.text and not nd.text.rstrip().endswith("chuyển đổi số")


def test_document_without_header_starts_at_its_type_line():
    text = "\n\nKẾ HOẠCH\n\nThực hiện nhiệm vụ năm 2023\n\nI. MỤC ĐÍCH\n\n1. Nội dung.\n"
    assert _norm(text).text.split("\n")[:2] == ["KẾ HOẠCH", "Thực hiện nhiệm vụ năm 2023"]


def test_hà_giang_seed_loses_the_portal_text_and_keeps_its_appendices():
    nd = normalize_document(ingest_file(CORPUS / "000_49e3d13dcca6eaaf.txt"), restore=False)
    assert nd.text.startswith("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    for junk in ("THƯ VIỆN PHÁP LUẬT", "Đang tải văn bản", "Đăng xuất", "Mã số thuế", "Click"):
        assert junk not in nd.text
    for appendix in ("PHỤ LỤC 1", "PHỤ LỤC 2", "PHỤ LỤC 3"):
        assert f"\n{appendix}\n" in nd.text
    assert nd.header.get("Số hiệu") == "186/KH-UBND"
    assert nd.header.get("Người ký") == "Nguyễn Văn Sơn"


def test_seeds_without_chrome_keep_their_signature_block():
    nd = normalize_document(ingest_file(CORPUS / "002_ed72dcb75bee655e.txt"), restore=False)
    assert nd.text.rstrip().endswith("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHoàng Việt Phương")


def test_plan_attached_to_a_decision_is_kept_after_the_decisions_signature():
    text = (
        "Tải về | Đăng nhập\n"
        "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 321/QĐ-UBND\nKon Tum, ngày 10 tháng 5 năm 2023\nQUYẾT ĐỊNH\nBan hành Kế hoạch thi đua\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thi đua.\nĐiều 2. Quyết định có hiệu lực từ ngày ký./.\n"
        "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nCHỦ TỊCH\nLê Ngọc Tuấn\n\n"
        "KẾ HOẠCH\nThi đua thực hiện chuyển đổi số\n(Ban hành kèm theo Quyết định số 321/QĐ-UBND ngày 10/5/2023)\n"
        "I. MỤC ĐÍCH\n1. Nâng cao tỷ lệ hồ sơ trực tuyến.\n"
        "Quyết định 321/QĐ-UBND năm 2023 ban hành Kế hoạch thi đua\nBản quyền thuộc về cổng thông tin\n"
    )
    nd = _norm(text)
    assert "1. Nâng cao tỷ lệ hồ sơ trực tuyến." in nd.text and "I. MỤC ĐÍCH" in nd.text
    assert "Bản quyền" not in nd.text and "Quyết định 321/QĐ-UBND năm 2023" not in nd.text


def test_a_two_column_closing_block_is_laid_out_recipients_first_then_the_signature():
    text = ("KẾ HOẠCH\nTriển khai Đề án 06 năm 2025\nI. MỤC TIÊU\n1. Bảo đảm 100% hồ sơ được số hóa.\n"
            "2. Phấn đấu 90% công dân kích hoạt tài khoản.\n3. Hoàn thành trong năm 2025.\n"
            "Nơi nhận:                                   KT. CHỦ TỊCH\n"
            "- Bộ Công an;                               PHÓ CHỦ TỊCH\n"
            "- Lưu: VT.\n"
            "                                            (Đã ký)\n"
            "                                            Đinh Công Thành\n")
    lines = _norm(text).text.split("\n")
    i = lines.index("Nơi nhận:")
    assert lines[i:] == ["Nơi nhận:", "- Bộ Công an;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)",
                         "Đinh Công Thành"]
    # a closing block without column gaps stays as it was written
    plain = text.split("Nơi nhận:")[0] + "Nơi nhận: KT. CHỦ TỊCH\n- Bộ Công an; PHÓ CHỦ TỊCH\n- Lưu: VT.\n"
    assert "Nơi nhận: KT. CHỦ TỊCH\n- Bộ Công an; PHÓ CHỦ TỊCH" in _norm(plain).text


def test_closing_columns_with_bold_markers_and_an_unindented_name_under_the_role():
    body = "KẾ HOẠCH\nThử nghiệm\nI. MỤC TIÊU\n1. Đạt 100% hồ sơ.\n2. Đạt 90% dân số.\nII. NHIỆM VỤ\n1. Sở Nội vụ theo dõi./.\n"
    bold = "**Nơi nhận:**      **KT. CHỦ TỊCH**\n*- Bộ Công an;*      **PHÓ CHỦ TỊCH**\n- Lưu: VT.\n"
    assert _norm(body + bold).text.split("./.\n")[1].split("\n") == [
        "Nơi nhận:", "- Bộ Công an;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    plain = "Nơi nhận:\n- Bộ Công an;\n- Lưu: VT, KGVX.          CHỦ TỊCH\n\nNguyễn Văn Bình\n"
    assert _norm(body + plain).text.split("./.\n")[1].split("\n")[-2:] == ["CHỦ TỊCH", "Nguyễn Văn Bình"]


# a regulation issued by a decision, as a portal prints it: "Số:" alone on its line, the grounds
# wrapped so that a line opens with another law's number, the annex's note wrapped after
# "(Ban hành kèm theo", and the portal's listing of related documents after the last article
REGULATION_PORTAL = """ỦY BAN NHÂN DÂN
TỈNH YÊN BÁI
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
|
Số:
47/2025/QĐ-UBND
|
Yên Bái,
ngày 12 tháng 10 năm 2025
|
QUYẾT ĐỊNH
BAN HÀNH QUY CHẾ PHỐI HỢP QUẢN LÝ CỤM CÔNG NGHIỆP
Căn cứ Luật Tổ chức
chính quyền địa phương số 72/2025/QH15;
Căn cứ Luật Ban hành văn bản quy phạm pháp luật
số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý cụm công nghiệp.
Điều 2. Quyết định này có hiệu lực kể từ ngày 25 tháng 10 năm 2025.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Khánh
QUY CHẾ
PHỐI HỢP QUẢN LÝ CỤM CÔNG NGHIỆP
(Ban hành kèm theo
Quyết định số 47/2025/QĐ-UBND ngày 12 tháng 10 năm 2025 của Ủy ban nhân dân tỉnh Yên Bái)
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc phối hợp quản lý cụm công nghiệp trên địa bàn tỉnh.
Chương II
TỔ CHỨC THỰC HIỆN
Điều 9. Trách nhiệm của Sở Công Thương
1. Chủ trì kiểm tra việc đầu tư hạ tầng kỹ thuật cụm công nghiệp.
2. Tổng hợp báo cáo Ủy ban nhân dân tỉnh kết quả quản lý cụm công nghiệp hằng năm./.
** **
Quyết định 47/2025/QĐ-UBND về Quy chế phối hợp quản lý cụm công nghiệp tỉnh Yên Bái
Văn bản này chưa cập nhật nội dung Tiếng Anh
## Văn bản liên quan
Ban hành:
23/09/2025
Hiệu lực: Đã biết
Tình trạng: Đã biết
"""


def test_a_portal_listing_after_the_last_article_is_cut_when_the_number_sits_under_its_label():
    text = _norm(REGULATION_PORTAL).text
    assert "Tổng hợp báo cáo Ủy ban nhân dân tỉnh kết quả quản lý cụm công nghiệp" in text
    assert "Hiệu lực: Đã biết" not in text and "Văn bản liên quan" not in text
    # the annex, whose note names the document on the line after "(Ban hành kèm theo", stays
    assert "Chủ trì kiểm tra việc đầu tư hạ tầng kỹ thuật cụm công nghiệp" in text
    assert "Quy chế này quy định việc phối hợp" in text


def test_a_number_written_with_an_en_dash_still_finds_the_portal_listing_that_names_it():
    text = _norm(REGULATION_PORTAL.replace("47/2025/QĐ-UBND", "47/2025/QĐ–UBND")).text
    assert "Hiệu lực: Đã biết" not in text and "Chủ trì kiểm tra việc đầu tư hạ tầng kỹ thuật cụm công nghiệp" in text


LETTER_WITH_TABLE = """SỞ GIÁO DỤC VÀ ĐÀO TẠO
THÀNH PHỐ CẦN THƠ
Số: 4410/SGDĐT-GDTX
V/v đánh giá trung tâm học tập cộng đồng năm 2025
Cần Thơ, ngày 02 tháng 12 năm 2025
Kính gửi: Ủy ban nhân dân các xã, phường.
Sở Giáo dục và Đào tạo gửi kèm Bảng tiêu chí đánh giá, xếp loại trung tâm học tập cộng đồng.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Trần Văn Nam
BẢNG TIÊU CHÍ ĐÁNH GIÁ, XẾP LOẠI TRUNG TÂM HỌC TẬP CỘNG ĐỒNG
(TỪ NĂM 2025)
* (Ban hành kèm theo Công văn số 4410/SGDĐT-GDTX ngày 02 tháng 12 năm 2025 của Sở Giáo dục và Đào tạo)*
Tiêu chí 1. Tổ chức bộ máy của trung tâm: 10 điểm.
"""


def test_an_annex_whose_own_note_names_the_letter_is_kept():
    nd = _norm(LETTER_WITH_TABLE)
    assert "Tiêu chí 1. Tổ chức bộ máy của trung tâm: 10 điểm." in nd.text
