"""Scoring tables (thang điểm) in the three layouts plans reach us in: rows rebuilt by
normalize, raw flattened cells between ``|`` lines, and an OCR-interleaved table."""

from extract.scoring import extract_scoring
from normalize.model import NormalizedDocument, Table

ROWS = """PHỤ LỤC 2
GIAO CHỈ TIÊU VÀ CÁCH TÍNH ĐIỂM CHO CÁC HUYỆN, THỊ XÃ
(Kèm theo Kế hoạch số 77/KH-UBND ngày 02/3/2024 của UBND tỉnh)
TT | Chỉ tiêu, nhiệm vụ | Điểm tối đa | Cách tính điểm | Kết quả
A | ĐIỂM CƠ BẢN | 200
I | Công tác chỉ đạo | 30
1 | Ban hành kế hoạch thực hiện năm 2024 | 4 | Có được 4đ; không có được 0đ | Kết quả
 |  |  |  | Điểm
2 | Tỷ lệ hồ sơ trực tuyến đạt trên 65% | 20 | Điểm = Tỷ lệ x điểm tối đa | Kết quả
3 | Ban hành văn bản tháo gỡ vướng mắc (mỗi văn bản cộng 02 điểm) | 6 | Điểm = số VB x 2 | Kết quả
II | Tuyên truyền | 20
1 | Video hướng dẫn dịch vụ công (mỗi video 0,5 điểm) | 8 | Điểm = Số video x 0,5đ | Kết quả
B | ĐIỂM CỘNG |  |
1 | Làm sạch dữ liệu ngành khác (4điểm/dữ liệu) | Theo nhiệm vụ phát sinh
2 | Mô hình được biểu dương (Biểu dương 05 điểm/lần; nhân rộng 10 điểm/lần) | 20
C | ĐIỂM TRỪ |  |
1 | Không bảo đảm an toàn dữ liệu (trừ 50 điểm/lần) | Không hạn chế
"""


def ndoc(text, tables=None):
    return NormalizedDocument(source="t.txt", doc_id="t", text=text, tables=tables or [])


def _table(text):
    start = text.index("TT |")
    rows = [line.split(" | ") for line in text[start:].rstrip("\n").split("\n")]
    return Table(start=start, end=len(text), rows=rows)


def _check_rows(items):
    assert [(s.kind, s.max_points, s.method) for s in items] == [
        ("base", 4, "yes_no"),
        ("base", 20, "ratio_times_max"),
        ("base", 6, "per_item"),
        ("base", 8, "per_item"),
        ("bonus", None, "per_item"),
        ("bonus", 20, "other"),  # two rates: no single per-item value
        ("penalty", None, "per_item"),
    ]
    assert [s.per_item_points for s in items] == [None, None, 2, 0.5, 4, None, 50]
    assert [s.group for s in items[:4]] == ["I. Công tác chỉ đạo"] * 3 + ["II. Tuyên truyền"]
    assert items[4].group == "B. ĐIỂM CỘNG" and items[6].group == "C. ĐIỂM TRỪ"
    assert {s.level for s in items} == {"cấp huyện"}
    assert items[1].formula_text == "Điểm = Tỷ lệ x điểm tối đa"
    assert items[6].formula_text == "Không hạn chế"
    assert items[1].criterion == "Tỷ lệ hồ sơ trực tuyến đạt trên 65%"


def test_rows_rebuilt_by_normalize_with_tables():
    _check_rows(extract_scoring(ndoc(ROWS, [_table(ROWS)])))


def test_rows_read_from_the_text_when_normalize_found_no_table():
    _check_rows(extract_scoring(ndoc(ROWS)))


def _flatten(text: str) -> str:
    """The legal-portal layout: one cell per line, cells separated by lines holding '|'."""
    head, body = text.split("TT |", 1)
    cells = []
    for line in ("TT |" + body).strip("\n").split("\n"):
        cells.extend(c.strip() for c in line.split("|"))
    return head + "\n|\n".join(cells) + "\n|\n"


def test_raw_flattened_cells_give_the_same_rows():
    _check_rows(extract_scoring(ndoc(_flatten(ROWS))))


def test_renumbered_commune_table_gets_its_own_level():
    text = ROWS.replace("CHO CÁC HUYỆN, THỊ XÃ", "CHO CẤP XÃ").replace("| 20 | Điểm = Tỷ lệ", "| 25 | Điểm = Tỷ lệ")
    items = extract_scoring(ndoc(text, [_table(text)]))
    assert {s.level for s in items} == {"cấp xã"}
    assert items[1].max_points == 25


def test_each_row_points_at_its_numbers():
    doc = ndoc(ROWS, [_table(ROWS)])
    for s in extract_scoring(doc):
        a, b = s.evidence.span
        assert doc.text[a:b] == s.evidence.text
        if s.max_points is not None:
            assert f"{s.max_points:g}" in s.evidence.text


OCR = """2. Chỉ tiêu cụ thể
a) Tỷ lệ hồ sơ phát sinh trực tuyến cấp huyện
ĐIỂM NỘI DUNG | CHUẨN HƯỚNG DẪN CHẤM
(100 điểm) Tỷ lệ hồ sơ 70 a = Tổng số hồ sơ nộp trực tuyến
xử lý trực b = Tổng số hồ sơ phát sinh
tuyến Tỷ lệ = a/b
Điểm =
+ Tỷ lệ * 70 >= 85%: Điểm tối đa;
+ Tỷ lệ * 70 < 85%: Tỷ lệ * điểm tối đa.
b) Tỷ lệ hồ sơ phát sinh trực tuyến cấp xã
Cấp tài 30 a = Tổng số tài khoản định danh được cấp
khoản b = Tổng số người dân
Tỷ lệ = a/b
+ Tỷ lệ 100%: Điểm tối đa;
+ Tỷ lệ < 60%: không xét điểm thi đua.
4. Trên cơ sở kết quả, cộng điểm thi đua cho các huyện, thị xã, thành phố, cụ thể:
a) Hạng Nhất: 5 điểm.
b) Hạng Nhì: 3 điểm. c) Hạng Ba: 1 điểm.
"""


def test_ocr_interleaved_table_and_rank_points():
    items = extract_scoring(ndoc(OCR))
    base = [s for s in items if s.kind == "base"]
    assert [(s.max_points, s.method, s.threshold, s.level) for s in base] == [
        (70, "ratio_times_max", 85, "cấp huyện"),
        (30, "ratio_times_max", 100, "cấp xã"),
    ]
    assert any("60%" in w for w in base[1].warnings)  # the cut-off is kept
    bonus = [s for s in items if s.kind == "bonus"]
    assert [(s.criterion, s.max_points, s.level) for s in bonus] == [
        ("Hạng Nhất", 5, "cấp huyện"), ("Hạng Nhì", 3, "cấp huyện"), ("Hạng Ba", 1, "cấp huyện"),
    ]


def test_a_plan_without_a_scoring_table_has_no_criteria():
    text = "I. NHIỆM VỤ\n1. Công an tỉnh chủ trì rà soát dữ liệu dân cư, đạt 100% trong năm 2024.\n"
    assert extract_scoring(ndoc(text)) == []


def test_another_layout_roman_bonus_and_penalty_groups_and_other_words():
    text = (
        "II. TIÊU CHÍ CHẤM ĐIỂM\n"
        "Bảng chấm điểm đối với UBND cấp xã như sau:\n"
        "STT | Nội dung tiêu chí | Thang điểm | Hướng dẫn chấm điểm\n"
        "I | Thể chế, chỉ đạo | 20 |\n"
        "1.1 | Ban hành kế hoạch chuyển đổi số năm 2024 | 10 | Có: 10 điểm; không: 0 điểm\n"
        "1.2 | Tỷ lệ văn bản điện tử có ký số đạt 95% | 10 | Điểm = tỷ lệ × thang điểm\n"
        "II | Điểm thưởng | 10 |\n"
        "2.1 | Có sáng kiến được công nhận cấp tỉnh (mỗi sáng kiến 2 điểm) | 10 | Số sáng kiến × 2\n"
        "III | Điểm trừ | |\n"
        "3.1 | Để xảy ra mất an toàn thông tin (trừ 20 điểm/vụ) | |\n"
    )
    items = extract_scoring(ndoc(text))
    assert [(s.group, s.kind, s.max_points, s.method, s.per_item_points) for s in items] == [
        ("I. Thể chế, chỉ đạo", "base", 10, "yes_no", None),
        ("I. Thể chế, chỉ đạo", "base", 10, "ratio_times_max", None),
        ("II. Điểm thưởng", "bonus", 10, "per_item", 2),
        ("III. Điểm trừ", "penalty", None, "per_item", 20),
    ]
    assert {s.level for s in items} == {"cấp xã"}


def test_a_per_item_rule_after_the_points_and_the_rate_for_full_points():
    text = (
        "PHỤ LỤC\nBẢNG CHẤM ĐIỂM ĐỐI VỚI UBND CẤP XÃ\n"
        "TT | Nội dung chấm điểm | Điểm chuẩn | Hướng dẫn chấm\n"
        "I | Kết quả | 30 |\n"
        "1 | Tỷ lệ tài khoản định danh mức 2 đạt trên 80% | 20 | Tỷ lệ >= 80%: điểm tối đa; dưới 80% không chấm điểm\n"
        "II | Điểm thưởng | 10 |\n"
        "2 | Có sáng kiến được cấp huyện công nhận | 10 | Mỗi sáng kiến cộng 02 điểm\n"
    )
    a, b = extract_scoring(ndoc(text))
    assert (a.max_points, a.method, a.threshold, a.min_ratio) == (20, "threshold", 80, 80)
    assert (b.kind, b.max_points, b.method, b.per_item_points) == ("bonus", 10, "per_item", 2)



SCALES = """PHỤ LỤC
BỘ TIÊU CHÍ ĐÁNH GIÁ CỦA CÁC SỞ, BAN, NGÀNH
STT | Tiêu chí đánh giá | Điểm chuẩn | Phương pháp chấm điểm
A | ĐIỂM CHUẨN | 100
I | Chỉ đạo, điều hành | 15
1 | Ban hành kế hoạch năm | 5 | Ban hành trước ngày 31/3: 5 điểm; ban hành sau ngày 31/3: 2 điểm; không ban hành: 0 điểm
2 | Tỷ lệ văn bản đi được ký số | 35 | Điểm = (Số văn bản được ký số / Tổng số văn bản đi) x 35
3 | Tỷ lệ hồ sơ giải quyết đúng hạn | 50 | Đạt từ 95% trở lên: 50 điểm; dưới 95%: 0 điểm
C | ĐIỂM TRỪ
4 | Để xảy ra sự cố mất an toàn thông tin |  | Mỗi sự cố trừ 03 điểm
"""


def test_points_scales_ratio_formulas_and_rates_that_earn_the_maximum():
    # a points cell in the middle of a row is the points column even when a scale (not a formula) follows it
    items = extract_scoring(ndoc(SCALES, [_rows_table(SCALES)]))
    assert [(s.criterion, s.kind, s.max_points, s.method, s.threshold, s.per_item_points) for s in items] == [
        ("Ban hành kế hoạch năm", "base", 5, "other", None, None),
        ("Tỷ lệ văn bản đi được ký số", "base", 35, "ratio_times_max", None, None),
        ("Tỷ lệ hồ sơ giải quyết đúng hạn", "base", 50, "threshold", 95, None),
        ("Để xảy ra sự cố mất an toàn thông tin", "penalty", None, "per_item", None, 3),
    ]
    assert {s.level for s in items} == {"sở ngành"}


def _rows_table(text):
    start = text.index("STT |")
    rows = [[c.strip() for c in line.split(" | ")] for line in text[start:].rstrip("\n").split("\n")]
    return Table(start=start, end=len(text), rows=rows)


def test_a_group_row_without_points_does_not_swallow_the_next_row_number():
    text = SCALES.replace("C | ĐIỂM TRỪ\n", "II | Điểm trừ\n")
    items = extract_scoring(ndoc(text, [_rows_table(text)]))
    assert (items[-1].criterion, items[-1].group, items[-1].kind) == (
        "Để xảy ra sự cố mất an toàn thông tin", "II. Điểm trừ", "penalty")


def test_two_outcome_scale_is_yes_no_and_a_criterion_saying_khong_co_is_not_a_method():
    # a Word table pasted as text: rows of " | " cells, the penalty group row has no points column
    text = (
        "BẢNG TIÊU CHÍ CHẤM ĐIỂM CẤP XÃ\n"
        "STT | Tiêu chí | Điểm tối đa | Phương pháp chấm điểm\n"
        "I | CHỈ ĐẠO, ĐIỀU HÀNH | 15\n"
        "1 | Ban hành kế hoạch năm đúng thời hạn | 5 | Ban hành đúng hạn: 5 điểm; ban hành chậm hoặc không ban hành: 0 điểm\n"
        "II | ĐIỂM TRỪ\n"
        "2 | Để xảy ra hồ sơ trễ hạn mà không có văn bản xin lỗi |  | Trừ 1 điểm/hồ sơ\n"
    )
    a, b = extract_scoring(ndoc(text, [_rows_table(text)]))
    assert (a.criterion, a.max_points, a.method) == ("Ban hành kế hoạch năm đúng thời hạn", 5, "yes_no")
    assert (b.group, b.kind, b.method, b.per_item_points) == ("II. ĐIỂM TRỪ", "penalty", "per_item", 1)
    assert a.evidence.text.startswith("1 | Ban hành")  # the row number "1" is not the "1" of "15" above


# a monitoring plan's cost estimate: "Số điểm" counts sampling points, the money columns say what it is
COST_TABLE = """PHỤ LỤC II
DỰ TOÁN KINH PHÍ QUAN TRẮC MÔI TRƯỜNG NĂM 2026
(Kèm theo Kế hoạch số 88/KH-UBND ngày 10/12/2025 của UBND tỉnh)
TT | Chỉ tiêu | Tần suất (đợt/năm) | Số điểm | Số lượng (mẫu) | Đơn giá (đồng) | Thành tiền (đồng)
I | Quan trắc môi trường nước mặt | 412.500.000
1 | Nhiệt độ nước | 12 | 5 | 60 | 95.000 | 5.700.000
2 | Oxy hòa tan (DO) | 12 | 5 | 60 | 110.000 | 6.600.000
3 | Coliform | 4 | 5 | 20 | 380.000 | 7.600.000
"""


def test_a_cost_estimate_counting_sampling_points_is_no_score_table():
    assert extract_scoring(ndoc(COST_TABLE)) == []
    # the same table with a points-per-row column of a score table is still read
    scored = COST_TABLE.replace("Số điểm", "Điểm tối đa")
    assert extract_scoring(ndoc(scored.replace("| Đơn giá (đồng) | Thành tiền (đồng)", "| Cách tính điểm | Kết quả"))) != []


def test_a_table_of_points_levels_and_self_assessed_scores_is_a_score_table():
    # "Mức điểm theo yêu cầu" / "Điểm tự chấm" head the columns of an evaluation table, with no TT column
    text = ("BẢNG TIÊU CHÍ ĐÁNH GIÁ, XẾP LOẠI TRUNG TÂM HỌC TẬP CỘNG ĐỒNG\n"
            "TIÊU CHÍ | Mức điểm theo yêu cầu | Điểm tự chấm | Minh chứng\n"
            "1. Tổ chức bộ máy của trung tâm (10 điểm)\n"
            "1.1. Có đủ các chức danh trong ban giám đốc theo quy định | 4 |  | Quyết định bổ nhiệm\n"
            "1.2. Có quy chế hoạt động của trung tâm | 6 |  | Quy chế\n")
    start = text.index("TIÊU CHÍ |")
    rows = [[c.strip() for c in line.split(" | ")] for line in text[start:].rstrip("\n").split("\n")]
    items = extract_scoring(ndoc(text, [Table(start=start, end=len(text), rows=rows)]))
    assert [s.max_points for s in items] == [4, 6]
    assert "chức danh" in items[0].criterion and "quy chế" in items[1].criterion.lower()
