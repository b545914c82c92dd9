"""Text as a page layout gives it (a PDF's text layer, a Word table): lines wrapped where the
line was full, tables the reader found, however short."""

import textwrap

from ingest.model import IngestedDocument, Page
from normalize import normalize_document
from normalize.lines import should_join
from normalize.patterns import is_list_start

PARAGRAPH = ("Các cơ quan, đơn vị, địa phương căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch "
             "triển khai các hoạt động hưởng ứng Tháng hành động vì bình đẳng giới, báo cáo kết quả thực hiện "
             "về Sở Nội vụ trước ngày 15 tháng 12 năm 2025 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.")
# a dash item as a page lays it out: its colon falls at the end of a full line
ITEM = [
    "- Tăng cường truyền thông về chủ đề, thông điệp của Tháng hành",
    "động bằng nhiều hình thức phù hợp với từng nhóm đối tượng như:",
    "Truyền thông trực tiếp; đăng tải trên bảng tin điện tử, trang",
    "thông tin điện tử và các mạng xã hội của cơ quan, đơn vị.",
]


def _doc(text: str, pages: bool, tables=()) -> IngestedDocument:
    return IngestedDocument(source="m.pdf" if pages else "m.txt", sha256="0" * 64, method="pdf-text" if pages else "text",
                            pages=[Page(1, text, method="pdf-text", tables=list(tables))], has_pages=pages)


def _wrapped() -> str:
    lines = []
    for _ in range(4):
        lines += textwrap.wrap(PARAGRAPH, 62)
    return "\n".join(lines + ITEM) + "\n"


def test_a_full_line_ending_in_a_colon_goes_on_in_a_page_layout():
    nd = normalize_document(_doc(_wrapped(), pages=True), restore=False)
    assert any("như: Truyền thông trực tiếp;" in ln for ln in nd.text.splitlines())


def test_a_portal_copy_keeps_its_line_break_after_a_colon():
    """A portal copy wraps at a width too, but breaks paragraphs without a short line."""
    nd = normalize_document(_doc(_wrapped(), pages=False), restore=False)
    assert not any("như: Truyền thông trực tiếp;" in ln for ln in nd.text.splitlines())


def test_a_table_of_one_row_found_by_the_reader_stays_a_row():
    """A table's header row the page break parted from its body is a table of one row."""
    header = ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"]
    text = "PHỤ LỤC\n(Kèm theo Kế hoạch số 617/KH-UBND ngày 01/12/2025 của Ủy ban nhân dân tỉnh)\n" + " | ".join(header) + "\n"
    nd = normalize_document(_doc(text, pages=True, tables=[[header]]), restore=False)
    lines = nd.text.splitlines()
    assert "STT | Tên nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành" in lines
    assert any(ln.startswith("(Kèm theo") and ln.endswith("tỉnh)") for ln in lines)
    assert [t.rows for t in nd.tables] == [[header]]


def test_a_line_with_a_bar_that_no_reader_found_in_a_table_is_prose():
    nd = normalize_document(_doc("Ghi chú\nTỷ lệ | số hồ sơ trực tuyến\n", pages=True), restore=False)
    assert not nd.tables


def test_a_legal_ground_opens_its_own_paragraph():
    assert not should_join("Kính gửi: Ủy ban nhân dân phường, xã và đặc khu", "Kính gửi: Ủy ban nhân dân phường, xã và đặc khu",
                           "Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;", False, 80)
    assert should_join("Thực hiện nhiệm vụ theo", "Thực hiện nhiệm vụ theo", "Căn cứ pháp lý đã nêu.", False, 80)


def test_a_number_in_brackets_opens_an_item():
    assert is_list_start("(1) Tiêu chí xác định thôn, xã vùng đồng bào dân tộc thiểu số")
    assert not is_list_start("(1) và (2) của Điều này")
    assert not should_join("2.10. Yêu cầu, điều kiện thực hiện thủ tục hành chính",
                           "2.10. Yêu cầu, điều kiện thực hiện thủ tục hành chính",
                           "(1) Tiêu chí xác định thôn, xã, tỉnh vùng đồng bào dân tộc thiểu số", False, 60)


def test_a_number_in_brackets_before_a_lower_case_word_goes_on_the_sentence():
    assert not is_list_start("(2) được giao chủ trì thực hiện")
    assert not is_list_start("(1) đến (3) Mục II của Kế hoạch")


def test_after_a_full_line_ending_in_a_colon_a_body_s_name_opens_the_first_item():
    lines = []
    for _ in range(6):
        lines += textwrap.wrap(PARAGRAPH, 62)
    lines += ["Để triển khai Kế hoạch, Ủy ban nhân dân tỉnh giao nhiệm vụ cho các",
              "cơ quan, đơn vị, địa phương như sau, đề nghị thực hiện nghiêm túc:",
              "Sở Y tế chủ trì tổ chức tiêm chủng mở rộng trước ngày 30/6/2026."]
    nd = normalize_document(_doc("\n".join(lines) + "\n", pages=True), restore=False)
    assert "Sở Y tế chủ trì tổ chức tiêm chủng mở rộng trước ngày 30/6/2026." in nd.text.splitlines()


def test_a_short_line_ending_in_a_colon_ends_its_paragraph_in_a_page_layout():
    """Only a line as full as the page's lines was cut by the wrap."""
    lines = []
    for _ in range(4):
        lines += textwrap.wrap(PARAGRAPH, 62)
    lines += ["Các nội dung cụ thể như sau:", "Truyền thông trực tiếp tại các khu dân cư."]
    nd = normalize_document(_doc("\n".join(lines) + "\n", pages=True), restore=False)
    assert "Truyền thông trực tiếp tại các khu dân cư." in nd.text.splitlines()
