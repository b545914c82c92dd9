"""Markup removal and paragraph joining: hard wraps and page-break splits go, headings stay."""

from pathlib import Path

import pytest

from ingest import ingest_file
from ingest.model import IngestedDocument, Page
from normalize import normalize_document
from normalize.lines import should_join
from normalize.markup import strip_markup

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _norm(text: str):
    doc = IngestedDocument(source="mem.txt", sha256="0" * 64, method="text", pages=[Page(1, text)])
    return normalize_document(doc, restore=False)


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("**KT. CHỦ TỊCH**", "KT. CHỦ TỊCH"),
        ("cắt giảm hồ sơ (*đặc biệt là lĩnh vực tư pháp*) để", "cắt giảm hồ sơ (đặc biệt là lĩnh vực tư pháp) để"),
        ("__Điều 1.__ Ban hành", "Điều 1. Ban hành"),
        ("Tỷ lệ * điểm tối đa", "Tỷ lệ * điểm tối đa"),  # a multiplication sign is not markup
    ],
)
def test_markup_is_dropped_but_asterisks_in_formulas_stay(raw, clean):
    assert strip_markup(raw) == clean


def test_bold_spanning_two_lines_is_dropped():
    nd = _norm("KẾ HOẠCH\nVề việc thử nghiệm\n\nI. NỘI DUNG\n1. Làm việc.\n**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n")
    assert "*" not in nd.text


def test_hard_wrapped_paragraph_is_joined_and_numbered_items_stay_apart():
    text = (
        "KẾ HOẠCH\nThử nghiệm\nI. MỤC ĐÍCH,\nYÊU CẦU\n"
        "1. Tổ chức triển khai kịp thời, đồng bộ các nhiệm vụ của\n"
        "Đề án trên địa bàn; tạo sự thống nhất trong nhận\n"
        "thức của các cấp.\n"
        "2. Hoàn thành trước ngày 30/6/2024.\n"
        "- Cơ quan chủ trì: Sở Nội vụ;\n"
        "+ Cơ quan phối hợp: các sở,\n"
        "ngành liên quan.\n"
        "a) Nội dung thứ nhất.\n"
    )
    lines = _norm(text).text.split("\n")
    assert "I. MỤC ĐÍCH, YÊU CẦU" in lines
    assert (
        "1. Tổ chức triển khai kịp thời, đồng bộ các nhiệm vụ của Đề án trên địa bàn; tạo sự thống nhất "
        "trong nhận thức của các cấp." in lines
    )
    assert "2. Hoàn thành trước ngày 30/6/2024." in lines
    assert "- Cơ quan chủ trì: Sở Nội vụ;" in lines
    assert "+ Cơ quan phối hợp: các sở, ngành liên quan." in lines
    assert "a) Nội dung thứ nhất." in lines


def test_page_break_split_is_joined_but_blank_separated_paragraphs_stay():
    text = (
        "KẾ HOẠCH\n\nThử nghiệm\n\nI. NHIỆM VỤ\n\n"
        "2.1. Về pháp lý\n\nChủ động rà soát văn bản, đầu tư nâng\n\ncấp hạ tầng công nghệ thông tin.\n\n"
        "3. Mục tiêu khác.\n"
    )
    lines = _norm(text).text.split("\n")
    assert "2.1. Về pháp lý" in lines
    assert "Chủ động rà soát văn bản, đầu tư nâng cấp hạ tầng công nghệ thông tin." in lines


def test_short_numbered_heading_is_not_joined_to_the_text_under_it():
    assert not should_join("2.1. Đối với doanh nghiệp", "doanh nghiệp", "Tặng Bằng khen cho 5 tập thể", False, 80)
    assert should_join("1.1. Đẩy mạnh công tác tuyên truyền kết quả thực hiện",
                       "1.1. Đẩy mạnh công tác tuyên truyền kết quả thực hiện", "Đề án 06, nhất là", False, 80)


def test_a_number_after_a_dangling_word_continues_the_sentence():
    # "… theo khoản" / "2. …" is a wrapped reference, not a new heading
    assert should_join("Thực hiện theo khoản", "Thực hiện theo khoản", "2. Điều 5 của Luật.", False, 80)
    assert not should_join("1. Mục đích.", "1. Mục đích.", "2. Yêu cầu", False, 80)


def test_word_processor_seed_has_no_markup_and_no_page_break_splits():
    nd = normalize_document(ingest_file(CORPUS / "003_d4f7ed5afff7d63e.txt"), restore=False)
    assert "**" not in nd.text and "*đặc biệt" not in nd.text
    assert "đầu tư, nâng cấp hạ tầng công nghệ thông tin" in nd.text
    for line in nd.text.split("\n"):
        assert line.strip(), "no blank lines in the normalized text"
        assert not line[0].islower() or line.startswith(("a)", "b)", "c)", "đ)")), line[:60]


def test_text_is_nfc_without_carriage_returns():
    nd = _norm("KE\u0302\u0301 HOA\u0323CH\r\nThử nghiệm\r\nI. MỤC TIÊU\r\n1. Nội dung.\r\n")
    assert "\r" not in nd.text and nd.text.startswith("KẾ HOẠCH\n")


def test_compound_wrapped_at_its_dash_and_words_waiting_for_a_number():
    assert should_join("phục vụ phát triển kinh tế", "phục vụ phát triển kinh tế", "- xã hội, phục vụ công dân số", False, 80)
    assert not should_join("Các nội dung sau:", "Các nội dung sau:", "- xã hội hóa nguồn lực;", False, 80)
    # "năm" waits for a year, not for a new sentence
    assert should_join("Hoàn thành trong năm", "Hoàn thành trong năm", "2024 và các năm tiếp theo.", False, 80)
    assert not should_join("2. Khen thưởng hằng năm", "2. Khen thưởng hằng năm", "Hằng năm, các cơ quan đánh giá", False, 80)


def test_heading_followed_by_a_short_indented_first_line_is_not_joined():
    para = "2.2. Đối với cá nhân (cán bộ, công chức, viên chức, người lao động, doanh nhân, người dân)"
    last = "công chức, viên chức, người lao động, doanh nhân, người dân)"
    assert not should_join(para, last, "Gương mẫu chấp hành chủ trương", False, 80, after="của Đảng, chính sách, pháp luật")
    assert should_join(para, last, "Gương mẫu chấp hành chủ trương của Đảng và Nhà nước trong", False, 80,
                       after="mọi hoạt động")


def test_a_heading_written_as_one_bold_run_keeps_its_own_line_above_the_text_under_it():
    text = ("Điều 4. Mức chi hỗ trợ là 500.000 đồng/người.\n"
            "**Điều 5. Tổ chức thực hiện**\n"
            "Giao Sở Tài chính hướng dẫn các cơ quan, đơn vị thực hiện\n"
            "Quyết định này.\n"
            "**2. Sở**\n"
            "**Khoa học và Công nghệ**\n"
            "**KT. CHỦ TỊCH**\n"
            "**PHÓ CHỦ TỊCH**\n")
    lines = _norm(text).text.split("\n")
    assert "Điều 5. Tổ chức thực hiện" in lines
    assert "Giao Sở Tài chính hướng dẫn các cơ quan, đơn vị thực hiện Quyết định này." in lines
    assert "2. Sở Khoa học và Công nghệ" in lines  # a bold heading wrapped over bold lines is still one


def test_an_article_number_on_its_own_line_takes_the_title_below_it():
    text = ("Điều 18. Phạm vi áp dụng\nQuy định này áp dụng trên địa bàn tỉnh.\n"
            "Điều 19.\nTrách nhiệm của Ủy ban nhân dân cấp xã\n1. Tổ chức thu gom chất thải rắn sinh hoạt.\n")
    lines = _norm(text).text.split("\n")
    assert "Điều 19. Trách nhiệm của Ủy ban nhân dân cấp xã" in lines
    assert "1. Tổ chức thu gom chất thải rắn sinh hoạt." in lines
