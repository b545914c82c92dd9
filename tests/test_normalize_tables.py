"""Tables flattened to one cell per line between "|" lines are rebuilt into rows and cells."""

from pathlib import Path

from ingest import ingest_file
from ingest.model import IngestedDocument, Page
from normalize import normalize_document
from normalize.tables import split_rows

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _flat(rows: list[list[str]]) -> str:
    """Flatten rows the way a portal does: every cell's text, then a line holding only "|"."""
    return "".join(f"{cell}\n|\n" for row in rows for cell in row)


def _norm(text: str):
    doc = IngestedDocument(source="mem.txt", sha256="0" * 64, method="text", pages=[Page(1, text)])
    return normalize_document(doc, restore=False)


SCORING = [
    ["STT", "Tiêu chí", "Điểm", "Cách chấm"],
    ["I", "Công tác chỉ đạo", "20", ""],
    ["1", "Ban hành kế hoạch", "2", "Có: 2 điểm"],
    ["2", "Kiểm tra, đôn đốc", "3", "Đạt: 3 điểm"],  # "3" in the points column must not start a row
    ["II", "Kết quả thực hiện", "80", ""],
    ["1", "Tỷ lệ hồ sơ trực tuyến", "40", "Tỷ lệ x 40"],
]


def test_rows_are_recovered_from_the_ordinal_column():
    cells = [c for row in SCORING for c in row]
    assert split_rows(cells) == SCORING


def test_group_rows_with_merged_cells_are_split_at_their_first_child():
    rows = [
        ["TT", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
        ["1", "Công tác tham mưu"],  # merged group row: two cells only
        ["1.1", "Ban hành chỉ thị", "Công an tỉnh", "Quý II/2024"],
        ["1,2", "Bố trí kinh phí", "Sở Tài chính", ""],  # "1,2" typed with a comma
        ["2", "Về pháp luật"],
        ["2.1", "Rà soát văn bản", "Sở Tư pháp", "Năm 2024"],
    ]
    assert split_rows([c for r in rows for c in r]) == rows


def test_table_is_rendered_one_row_per_line_and_stored_with_its_span():
    text = (
        "KẾ HOẠCH\nThử nghiệm\nI. CHỈ TIÊU\n1. Chấm điểm như sau:\n"
        + _flat([["STT", "Tiêu chí", "Điểm tối\nđa"]] + [r[:3] for r in SCORING[1:]])
        + "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi.\n"
    )
    nd = _norm(text)
    assert len(nd.tables) == 1
    t = nd.tables[0]
    assert t.rows[0] == ["STT", "Tiêu chí", "Điểm tối đa"]
    assert t.rows[3] == ["2", "Kiểm tra, đôn đốc", "3"]
    body = nd.text[t.start : t.end].split("\n")
    assert body[0] == "STT | Tiêu chí | Điểm tối đa"
    assert body[2] == "1 | Ban hành kế hoạch | 2"
    assert "|\n" not in nd.text and "\n|" not in nd.text
    assert t.section == "I.1"
    assert nd.text.split("\n")[-2] == "II. TỔ CHỨC THỰC HIỆN"


def test_a_few_stray_pipes_are_not_a_table():
    nd = _norm("KẾ HOẠCH\nThử nghiệm\nI. NỘI DUNG\n1. Nội dung.\n|\nCHỦ TỊCH\nNguyễn Văn A\n|\n")
    assert nd.tables == [] and "|" not in nd.text


def test_hà_giang_appendix_tables_become_rows():
    nd = normalize_document(ingest_file(CORPUS / "000_49e3d13dcca6eaaf.txt"), restore=False)
    assert len(nd.tables) == 3
    tasks, district, commune = nd.tables
    assert tasks.rows[0][:2] == ["TT", "Nhiệm vụ, giải pháp"]
    assert tasks.rows[1] == ["1", "Công tác tham mưu, chỉ đạo, triển khai"]
    assert tasks.rows[2][0] == "1.1" and tasks.rows[2][2] == "Công an tỉnh"
    assert district.rows[1][:3] == ["A", "ĐIỂM CƠ BẢN", "300"]
    assert district.rows[2][:3] == ["I", "Công tác tham mưu, chỉ đạo", "30"]
    labels = [r[0] for r in commune.rows[1:]]
    assert labels[:3] == ["A", "I", "1"] and "C" in labels
    for t in nd.tables:
        assert nd.text[t.start : t.end].count("\n") + 1 == len(t.rows)


def test_rows_written_with_separators_by_pdf_or_word_ingest_are_tables_and_header_cells_split():
    text = (
        "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-UBND | Nam Định, ngày 3 tháng 5 năm 2024\nKẾ HOẠCH\nThí điểm chuyển đổi số\n"
        "I. MỤC TIÊU\n1. Chỉ tiêu như sau:\nTT | Chỉ tiêu | Giá trị\n1 | Hồ sơ trực tuyến | 80%\n2 | Số hóa | 100%\n"
        "II. TỔ CHỨC\n1. Giao Sở Nội vụ theo dõi./.\n"
    )
    nd = _norm(text)
    lines = nd.text.split("\n")
    assert lines[:5] == ["ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Số: 12/KH-UBND", "Nam Định, ngày 3 tháng 5 năm 2024"]
    assert len(nd.tables) == 1 and nd.tables[0].rows[2] == ["2", "Số hóa", "100%"]
    assert "1 | Hồ sơ trực tuyến | 80%" in lines and "II. TỔ CHỨC" in lines


def test_numbering_resumed_after_a_merged_group_row_starts_a_new_row():
    # rows 1, 2 under group I; group II is a merged row of two cells, and its items go on at 3, 4
    rows = [
        ["STT", "Nội dung công việc", "Thời gian hoàn thành", "Đơn vị chủ trì", "Đơn vị phối hợp"],
        ["I", "Hoàn thiện thể chế"],
        ["1", "Ban hành quy chế vận hành", "Quý III/2024", "Sở Nội vụ", "Sở Tư pháp"],
        ["2", "Rà soát dữ liệu hộ tịch", "Trước ngày 30/6/2024", "Sở Tư pháp", "UBND cấp huyện"],
        ["II", "Phát triển hạ tầng số"],
        ["3", "Phủ sóng di động 4G", "Năm 2025", "Viettel tỉnh", "VNPT tỉnh"],
        ["4", "Triển khai bệnh án điện tử", "Quý IV/2024", "Sở Y tế", "Bảo hiểm xã hội tỉnh"],
    ]
    assert split_rows([c for r in rows for c in r]) == rows


def test_a_points_figure_in_a_short_group_row_stays_in_that_row():
    # "II | Kết quả | 3" after item 2: the 3 is the group's points, the next cell is not text
    rows = [
        ["TT", "Tiêu chí", "Điểm"],
        ["I", "Chỉ đạo", "2"],
        ["1", "Ban hành kế hoạch", "1"],
        ["2", "Kiểm tra", "1"],
        ["II", "Kết quả", "3"],
        ["3", "Tỷ lệ hồ sơ trực tuyến", "3"],
    ]
    assert split_rows([c for r in rows for c in r]) == rows


def test_markdown_pipe_tables_become_rows_without_their_rule_line():
    text = (
        "KẾ HOẠCH\nThử nghiệm\nI. NHIỆM VỤ\n"
        "| TT | Nội dung | Thời gian | Đơn vị thực hiện | Đơn vị phối hợp |\n"
        "|----|:---------|-----------|------------------|-----------------|\n"
        "| I | Thể chế | | | |\n"
        "| 1 | Rà soát quy định | Quý II/2024 | Sở Tư pháp | |\n"
        "| 2 | Làm sạch dữ liệu | Hằng quý | Công an tỉnh | UBND cấp xã |\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi.\n"
    )
    nd = _norm(text)
    assert len(nd.tables) == 1
    assert nd.tables[0].rows == [
        ["TT", "Nội dung", "Thời gian", "Đơn vị thực hiện", "Đơn vị phối hợp"],
        ["I", "Thể chế"],
        ["1", "Rà soát quy định", "Quý II/2024", "Sở Tư pháp"],
        ["2", "Làm sạch dữ liệu", "Hằng quý", "Công an tỉnh", "UBND cấp xã"],
    ]
    assert "---" not in nd.text and "\n| " not in nd.text


def test_a_table_pasted_with_tabs_becomes_rows_and_a_lone_tabbed_line_does_not():
    text = (
        "II. THANG ĐIỂM\n"
        "STT\tTiêu chí\tĐiểm tối đa\tCách chấm\n"
        "1\tBan hành kế hoạch\t5\tCó: 5 điểm; không: 0 điểm\n"
        "2\tĐể xảy ra hồ sơ trễ hạn\t\tTrừ 1 điểm/hồ sơ\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "Ghi chú:\tđiểm làm tròn đến 0,5.\n"
    )
    nd = _norm(text)
    assert nd.tables[0].rows == [["STT", "Tiêu chí", "Điểm tối đa", "Cách chấm"],
                                 ["1", "Ban hành kế hoạch", "5", "Có: 5 điểm; không: 0 điểm"],
                                 ["2", "Để xảy ra hồ sơ trễ hạn", "", "Trừ 1 điểm/hồ sơ"]]
    assert "Ghi chú: điểm làm tròn đến 0,5." in nd.text.split("\n")


def test_a_row_typed_with_a_leading_pipe_keeps_its_cells_in_place_when_its_last_cell_is_empty():
    text = (
        "KẾ HOẠCH\nThử nghiệm\nII. CHỈ TIÊU\n"
        "| Chỉ tiêu | Đơn vị | Mục tiêu 2026 | Ghi chú\n"
        "| Tỷ lệ hồ sơ bệnh án điện tử | % | 70 | \n"  # empty note: the line ends in "|"
        "| Số trạm y tế có kết nối | trạm | 40 | Tăng 8 trạm\n"
    )
    rows = _norm(text).tables[0].rows
    assert [r[1:4] for r in rows[1:]] == [["Tỷ lệ hồ sơ bệnh án điện tử", "%", "70"],
                                        ["Số trạm y tế có kết nối", "trạm", "40"]]


def _report_table(first_result_lines: int) -> str:
    """A progress report's task table; row 1's "Kết quả thực hiện" cell is ``first_result_lines`` lines long."""
    long_cell = "\n".join(f"Đã tổ chức hội nghị lần thứ {i} với các bộ, ngành, địa phương;" for i in range(first_result_lines))
    rows = [
        ["STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Kết quả thực hiện"],
        ["1", "Xây dựng cơ sở dữ liệu dân cư", "Bộ Công an", "31/10/2025", long_cell],
        ["2", "Ban hành quy định về vị trí việc làm", "Bộ Nội vụ", "31/12/2025", "Đang thực hiện"],
        ["3", "Số hóa bằng cấp, chứng chỉ", "Bộ Giáo dục và Đào tạo", "30/11/2025", "Chưa hoàn thành"],
    ]
    return "KẾT QUẢ THỰC HIỆN NHIỆM VỤ\n" + "".join(f"{cell}\n|\n" for row in rows for cell in row + [""])


def test_a_cell_of_many_lines_does_not_end_a_table_whose_numbering_goes_on_after_it():
    nd = _norm(_report_table(30))
    assert len(nd.tables) == 1
    assert [r[0] for r in nd.tables[0].rows] == ["STT", "1", "2", "3"]
    assert nd.tables[0].rows[2][:3] == ["2", "Ban hành quy định về vị trí việc làm", "Bộ Nội vụ"]


def test_text_of_many_lines_between_two_tables_that_both_number_from_one_keeps_them_apart():
    first = "".join(f"{c}\n|\n" for c in ["STT", "Tên thủ tục", "1", "Cấp giấy phép", "2", "Gia hạn giấy phép"])
    prose = "\n".join(f"Hồ sơ nộp trực tuyến qua Cổng dịch vụ công, bước {i};" for i in range(30))
    second = "".join(f"{c}\n|\n" for c in ["STT", "Bước", "1", "Tiếp nhận hồ sơ", "2", "Thẩm định hồ sơ"])
    nd = _norm(first + prose + "\n" + second)
    assert len(nd.tables) == 2
    assert "Hồ sơ nộp trực tuyến qua Cổng dịch vụ công, bước 0;" not in " ".join(map(" ".join, nd.tables[0].rows))


def test_a_lettered_part_heading_in_capitals_ends_a_table():
    cells = ["STT", "Tên thủ tục", "Mã số", "1", "Cấp giấy phép", "1.003006", "2", "Gia hạn giấy phép", "1.003029"]
    text = "".join(f"{c}\n|\n" for c in cells) + "B. QUY TRÌNH NỘI BỘ THỦ TỤC HÀNH CHÍNH\n|\n1\n|\nKý hiệu quy trình\n|\nQT.01\n|\n"
    nd = _norm(text)
    assert "B. QUY TRÌNH NỘI BỘ THỦ TỤC HÀNH CHÍNH" in nd.text.split("\n")
    assert nd.tables[0].rows[-1] == ["2", "Gia hạn giấy phép", "1.003029"]


def test_a_row_the_portal_closed_ends_where_the_document_skips_or_reorders_a_number():
    # "1, 2, 5, 3" and "4, 4, 6" (as "19, 22, 20", "37, 37, 39" in a real report): the source's own numbering slips; each row still ends at its "| |"
    # (a header wider than the rows, as where "Kết quả" and "Tiến độ" cells are merged away)
    rows = [
        ["STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Kết quả", "Tiến độ"],
        ["1", "Rà soát dữ liệu đất đai", "Bộ Nông nghiệp và Môi trường", "31/10/2025", ""],
        ["2", "Ban hành hướng dẫn số hóa hồ sơ", "Bộ Nội vụ", "30/11/2025", ""],
        ["5", "Hoàn thiện cơ sở dữ liệu nhà ở", "Bộ Xây dựng", "31/12/2025", ""],
        ["3", "Nghiên cứu mô hình trung tâm giao dịch", "Bộ Xây dựng", "31/10/2025", ""],
        ["4", "Kết nối dữ liệu thuế", "Bộ Tài chính", "30/11/2025", ""],
        ["4", "Số hóa bằng cấp, chứng chỉ", "Bộ Giáo dục và Đào tạo", "31/12/2025", ""],
        ["6", "Vận hành trung tâm dữ liệu", "Bộ Công an", "31/12/2025", ""],
    ]
    got = split_rows([c for r in rows for c in r])
    assert [r[0] for r in got] == ["STT", "1", "2", "5", "3", "4", "4", "6"]
    assert got[3][:3] == ["5", "Hoàn thiện cơ sở dữ liệu nhà ở", "Bộ Xây dựng"]


def test_a_points_figure_after_an_empty_cell_is_no_row_that_skips_a_number():
    rows = [["TT", "Tiêu chí", "Ghi chú", "Điểm"], ["1", "Ban hành kế hoạch", "", "3"], ["2", "Kiểm tra", "", "4"]]
    assert split_rows([c for r in rows for c in r]) == rows


def test_a_criteria_table_with_its_ordinals_inside_the_text_cells_is_split_at_them():
    rows = [
        ["TIÊU CHÍ", "Mức điểm theo yêu cầu", "Điểm tự chấm", "Minh chứng", ""],
        ["1. Tổ chức bộ máy (10 điểm)", ""],
        ["1.1. Có đủ các chức danh theo quy định", "4", "", "Quyết định bổ nhiệm", ""],
        ["1.2. Có quy chế hoạt động", "6", "", "Quy chế", ""],
        ["2. Hoạt động (20 điểm)", ""],
        ["2.1. Tổ chức 10 lớp học trở lên trong năm", "20", "", "Sổ theo dõi", ""],
    ]
    got = split_rows([c for r in rows for c in r])
    assert [r[0] for r in got[1:]] == [r[0] for r in rows[1:]]
    assert got[3][:2] == ["1.2. Có quy chế hoạt động", "6"]


def test_a_duration_in_a_step_table_is_no_row_label():
    from normalize.tables import _prefix_label
    assert _prefix_label("1 ngày làm việc") is None and _prefix_label("15 ngày làm việc") is None
    assert _prefix_label("2.1. Trụ sở làm việc khang trang") == "2.1"


def test_an_empty_cell_inside_a_row_is_no_close_before_a_points_figure():
    rows = [["TT", "Tiêu chí", "Ghi chú", "Điểm", "Minh chứng"],
            ["1", "Ban hành kế hoạch", "", "3", "Kế hoạch số 12"],
            ["2", "Kiểm tra định kỳ", "", "4", "Biên bản kiểm tra"]]
    assert split_rows([c for r in rows for c in r]) == rows


def test_a_part_heading_whose_roman_number_stands_alone_ends_a_table():
    cells = ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "1", "Tuyên truyền về chuyển đổi số", "Sở Văn hóa",
             "2", "Tập huấn kỹ năng số", "Sở Nội vụ"]
    text = "".join(f"{c}\n|\n" for c in cells) + "I.\nPHÁT TRIỂN HẠ TẦNG SỐ\n|\n" + "".join(
        f"{c}\n|\n" for c in ["3", "Phủ sóng 5G các khu công nghiệp", "Sở Khoa học và Công nghệ"])
    nd = _norm(text)
    assert nd.tables[0].rows[-1] == ["2", "Tập huấn kỹ năng số", "Sở Nội vụ"]


def test_a_table_goes_on_below_a_part_heading_wrapped_over_two_lines():
    head = ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian", ""]
    rows1 = [["1", "Tuyên truyền về chuyển đổi số", "Sở Văn hóa", "Năm 2026", ""]]
    rows2 = [["2", "Xây dựng bộ tiêu chí đánh giá", "Sở Khoa học và Công nghệ", "Quý IV/2026", ""],
             ["3", "Hỗ trợ doanh nghiệp nhỏ và vừa", "Sở Tài chính", "Năm 2027", ""]]
    flat = lambda rows: "".join(f"{c}\n|\n" for r in rows for c in r)
    text = flat([head] + rows1) + "II. HOÀN\nTHIỆN CƠ CHẾ HỖ TRỢ DOANH NGHIỆP\n|\n|\n" + flat(rows2)
    nd = _norm(text)
    lines = nd.text.split("\n")
    assert "2 | Xây dựng bộ tiêu chí đánh giá | Sở Khoa học và Công nghệ | Quý IV/2026" in lines
    assert "3 | Hỗ trợ doanh nghiệp nhỏ và vừa | Sở Tài chính | Năm 2027" in lines
