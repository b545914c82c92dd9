"""PDFs: the text layer page by page with tables as rows; scanned pages through OCR."""

import hashlib

import pytest

from fixtures_docs import corpus_lines, make_mixed_pdf, make_scanned_pdf, make_text_pdf
from ingest import ingest_file
from ingest.legacy import encode_tcvn3

LINES = corpus_lines(14)
TABLE = [
    ["STT", "Chỉ tiêu", "Đơn vị chủ trì", "Thời hạn"],
    ["1", "Tỷ lệ hồ sơ được xử lý trực tuyến toàn trình đạt trên 70%", "Sở Thông tin và Truyền thông", "Quý IV/2024"],
    ["2", "100% xã, phường, thị trấn có điểm hỗ trợ định danh điện tử", "Công an tỉnh", "30/6/2024"],
]


@pytest.fixture(scope="module")
def text_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "ke-hoach.pdf"
    return make_text_pdf(path, [LINES[:7], LINES[7:14]], table=TABLE)


def test_text_layer_pdf_keeps_pages_and_vietnamese_text(text_pdf):
    doc = ingest_file(text_pdf)
    assert doc.method == "pdf-text" and doc.has_pages
    assert [p.number for p in doc.pages] == [1, 2]
    assert all(p.method == "pdf-text" and p.confidence is None for p in doc.pages)
    assert "1. Mục đích" in doc.pages[0].text
    flat = [" ".join(p.text.split()) for p in doc.pages]  # reportlab re-wraps the paragraphs
    assert LINES[8] in flat[1] and LINES[8] not in flat[0]
    assert doc.sha256 == hashlib.sha256(text_pdf.read_bytes()).hexdigest()
    assert doc.text.count("\f") == 1  # pages joined with a form feed


def test_pdf_table_is_read_as_rows_of_cells_in_place(text_pdf):
    page = ingest_file(text_pdf).pages[0]
    assert page.tables == [TABLE]
    lines = page.text.splitlines()
    row = "2 | 100% xã, phường, thị trấn có điểm hỗ trợ định danh điện tử | Công an tỉnh | 30/6/2024"
    assert row in lines
    # the table sits between the paragraphs that surround it on the page
    assert lines.index("STT | Chỉ tiêu | Đơn vị chủ trì | Thời hạn") < lines.index(row)
    flat = " ".join(page.text.split())
    assert flat.index(LINES[0]) < flat.index("STT |") < flat.index(LINES[6])


def test_scanned_pdf_is_ocred_with_confidence(tmp_path):
    lines = corpus_lines(8, start="2. Yêu cầu")
    pdf = make_scanned_pdf(tmp_path / "scan.pdf", [lines], page_mm=None)
    doc = ingest_file(pdf)
    assert doc.method == "ocr" and doc.has_pages
    page = doc.pages[0]
    assert page.method == "ocr" and 0.8 <= page.confidence <= 1
    assert "Phong trào thi đua phải được" in " ".join(page.text.split())


def test_pdf_mixing_text_and_scanned_pages_is_mixed(tmp_path):
    scanned = ["Điều 3. Khen thưởng", "Tặng Bằng khen của Chủ tịch UBND tỉnh cho 05 tập thể xuất sắc."]
    pdf = make_mixed_pdf(tmp_path / "mixed.pdf", ["Phụ lục I", "Bảng tổng hợp chỉ tiêu năm 2024 của các huyện"], scanned)
    doc = ingest_file(pdf)
    assert doc.method == "mixed"
    assert [p.method for p in doc.pages] == ["pdf-text", "ocr"]
    assert doc.pages[0].confidence is None and doc.pages[1].confidence > 0.8
    assert "Bảng tổng hợp chỉ tiêu" in doc.pages[0].text
    assert "Bằng khen" in doc.pages[1].text and "05 tập thể" in doc.pages[1].text


def test_scanned_page_with_ocr_off_is_a_warning_not_a_guess(tmp_path):
    pdf = make_mixed_pdf(tmp_path / "mixed.pdf", ["Phụ lục II: danh sách đơn vị"], ["Trang quét"])
    doc = ingest_file(pdf, ocr=False)
    assert doc.method == "pdf-text"
    assert any("page 2" in w and "OCR is off" in w for w in doc.warnings)


def test_pdf_typed_in_a_legacy_tcvn3_font_is_converted(tmp_path):
    legacy = encode_tcvn3("Căn cứ Nghị định số 15/CP của Chính phủ về việc quy định chức năng, nhiệm vụ").decode("latin-1")
    doc = ingest_file(make_text_pdf(tmp_path / "old.pdf", [[legacy]]))
    assert "Căn cứ Nghị định số 15/CP của Chính phủ" in doc.text
    assert any("tcvn3" in w for w in doc.warnings)


def test_short_page_keeps_its_text_layer(tmp_path):
    pdf = make_text_pdf(tmp_path / "short.pdf", [["PHỤ LỤC II"], LINES[:6]])
    doc = ingest_file(pdf)
    assert doc.method == "pdf-text"
    assert doc.pages[0].text == "PHỤ LỤC II"


def test_a_two_column_signature_block_is_read_column_by_column(tmp_path):
    """"Nơi nhận" beside "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / <name>": the text layer puts both
    columns on one line; they come out one after the other, the name on a line of its own."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from fixtures_docs import _register_fonts

    _register_fonts()
    path = tmp_path / "sig.pdf"
    c = Canvas(str(path), pagesize=A4)
    c.setFont("DejaVuSans", 11)
    c.drawString(60, 760, "Các sở, ban, ngành tổ chức thực hiện Kế hoạch này trước ngày 15/12/2025.")
    left = ["Nơi nhận:", "- Bộ Nội vụ;", "- Các sở, ban, ngành;", "- Lưu: VT, NC."]
    right = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Trần Văn Bình"]
    for k in range(max(len(left), len(right))):
        y = 730 - 15 * k
        if k < len(left):
            c.drawString(60, y, left[k])
        if k < len(right) and right[k]:
            c.drawString(340, y, right[k])
    c.showPage()
    c.save()
    text = ingest_file(path).pages[0].text
    assert text.split("\n") == ["Các sở, ban, ngành tổ chức thực hiện Kế hoạch này trước ngày 15/12/2025."] + left + [
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Bình"]


def _ruled_rows(c, x_edges, top, rows, close_top=True, close_bottom=True, line_h=14):
    """Draw rows of cells (one line of text each) with their sides; the top and bottom rules
    only where asked: a row that a page break cuts has none at the break."""
    y = top
    for k, row in enumerate(rows):
        bottom = y - line_h - 6
        for x in x_edges:
            c.line(x, y, x, bottom)
        if k or close_top:
            c.line(x_edges[0], y, x_edges[-1], y)
        for x, cell in zip(x_edges, row):
            c.drawString(x + 3, y - line_h, cell)
        y = bottom
    if close_bottom:
        c.line(x_edges[0], y, x_edges[-1], y)
    return y


def _split_row_pdf(path, continued_cells, closed=False, page_number=False):
    """A task table whose row 6 runs over the page break, as Word and browsers print it: no
    rule under it at the foot of page 1, none above its rest at the head of page 2."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from fixtures_docs import _register_fonts

    _register_fonts()
    edges = [50, 110, 340, 440, 545]
    c = Canvas(str(path), pagesize=A4)
    c.setFont("DejaVuSans", 9)
    c.drawString(50, 780, "PHỤ LỤC: DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM")
    end = _ruled_rows(c, edges, 760, [["STT", "Tên nhiệm vụ", "Chủ trì", "Thời gian"],
                                ["5", "Hỗ trợ doanh nghiệp kinh doanh trên môi trường số", "Sở Công Thương", "Quý IV/2025"],
                                ["6", "Xây dựng Kế hoạch hỗ trợ doanh nghiệp tham gia", "Sở KH&CN", "Quý IV/2025"]],
                close_bottom=False)
    for x in edges:  # the sides of the cut row run down to the foot of the page
        c.line(x, end, x, 40)
    if closed:  # the table ends there after all: a rule under it
        c.line(edges[0], 40, edges[-1], 40)
    c.showPage()
    c.setFont("DejaVuSans", 9)
    if page_number:  # the number official documents print at the head of every page after the first
        c.drawString(295, 815, "2")
    _ruled_rows(c, edges, 800, [continued_cells,
                                ["7", "Triển khai hạ tầng 5G trong các khu công nghiệp", "Sở KH&CN", "Năm 2026"]],
                close_top=closed)
    c.showPage()
    c.save()
    return path


def test_a_row_cut_by_a_page_break_is_one_row_again(tmp_path):
    pdf = _split_row_pdf(tmp_path / "split.pdf", ["", "phát triển các ứng dụng số mới", "", ""])
    doc = ingest_file(pdf)
    first, second = doc.pages
    assert first.tables[-1][-1] == ["6", "Xây dựng Kế hoạch hỗ trợ doanh nghiệp tham gia phát triển các ứng dụng số mới",
                                    "Sở KH&CN", "Quý IV/2025"]
    assert second.text.splitlines()[0] == "7 | Triển khai hạ tầng 5G trong các khu công nghiệp | Sở KH&CN | Năm 2026"
    assert "phát triển các ứng dụng số mới" not in second.text


def test_a_cut_row_whose_first_cell_goes_on_in_lower_case_is_joined_too(tmp_path):
    """Tables without a number column: the text cell itself runs over the break ("… tham gia" / "của …")."""
    pdf = _split_row_pdf(tmp_path / "split.pdf", ["của tỉnh", "phát triển các ứng dụng số mới", "", ""])
    first, second = ingest_file(pdf).pages
    assert first.tables[-1][-1][:2] == ["6 của tỉnh", "Xây dựng Kế hoạch hỗ trợ doanh nghiệp tham gia phát triển các ứng dụng số mới"]
    assert second.tables[0][0][0] == "7"


def test_a_new_row_at_the_head_of_a_page_stays_a_row_of_its_own(tmp_path):
    pdf = _split_row_pdf(tmp_path / "split.pdf", ["Ghi chú", "Các nhiệm vụ phát sinh", "", ""])
    first, second = ingest_file(pdf).pages
    assert first.tables[-1][-1][1] == "Xây dựng Kế hoạch hỗ trợ doanh nghiệp tham gia"
    assert second.tables[0][0][:2] == ["Ghi chú", "Các nhiệm vụ phát sinh"]


def test_a_cut_row_is_joined_under_the_page_number_at_the_head_of_the_next_page(tmp_path):
    pdf = _split_row_pdf(tmp_path / "split.pdf", ["", "phát triển các ứng dụng số mới", "", ""], page_number=True)
    first, second = ingest_file(pdf).pages
    assert first.tables[-1][-1][1].endswith("tham gia phát triển các ứng dụng số mới")
    assert "7 | Triển khai hạ tầng 5G" in second.text and "phát triển các ứng dụng" not in second.text


def test_a_table_closed_at_the_foot_of_the_page_takes_nothing_from_the_next(tmp_path):
    """Both tables have their rules: the row with an empty first cell at the head of page 2 is a row of its own
    (a sub-row under a merged number cell), and so is a lettered row."""
    for cells in (["", "Triển khai hạ tầng số", "Sở KH&CN", "Năm 2026"], ["a", "Triển khai hạ tầng số", "Sở KH&CN", "Năm 2026"]):
        pdf = _split_row_pdf(tmp_path / "closed.pdf", cells, closed=True)
        first, second = ingest_file(pdf).pages
        assert first.tables[-1][-1] == ["6", "Xây dựng Kế hoạch hỗ trợ doanh nghiệp tham gia", "Sở KH&CN", "Quý IV/2025"]
        assert second.tables[0][0] == cells


def test_a_lettered_row_at_the_head_of_the_page_is_its_own_row(tmp_path):
    pdf = _split_row_pdf(tmp_path / "split.pdf", ["a", "Triển khai hạ tầng số", "Sở KH&CN", "Năm 2026"])
    first, second = ingest_file(pdf).pages
    assert first.tables[-1][-1][0] == "6" and second.tables[0][0][0] == "a"


def test_a_table_ruled_by_its_columns_alone_keeps_its_rows_apart(tmp_path):
    """Column rules and no row rules, in the middle of a page: no rule is drawn across it, its lines stay lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from fixtures_docs import _register_fonts

    _register_fonts()
    path = tmp_path / "columns.pdf"
    c = Canvas(str(path), pagesize=A4)
    c.setFont("DejaVuSans", 10)
    c.drawString(50, 790, "Danh mục nhiệm vụ năm 2026 của các sở, ban, ngành tỉnh:")
    rows = [["1", "Rà soát văn bản quy phạm pháp luật", "Sở Tư pháp"], ["2", "Xây dựng nền tảng số", "Sở KH&CN"],
            ["3", "Tổ chức tập huấn cán bộ", "Sở Nội vụ"]]
    for k, row in enumerate(rows):
        for x, cell in zip((55, 90, 360), row):
            c.drawString(x, 760 - 18 * k, cell)
    for x in (50, 85, 355, 540):
        c.line(x, 772, x, 700)
    c.drawString(50, 670, "Các cơ quan báo cáo kết quả trước ngày 15/12/2026.")
    c.showPage()
    c.save()
    text = ingest_file(path).pages[0].text
    assert "Rà soát văn bản quy phạm pháp luật" in text and "Xây dựng nền tảng số" in text
    assert not any("Rà soát" in ln and "Xây dựng" in ln for ln in text.splitlines())
