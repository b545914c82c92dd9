"""Targets (chỉ tiêu) read from plan text: several per sentence, comparators, levels,
adjustments and deadlines — on corpus-like passages and on reworded variants."""

import re

import pytest

from extract.targets import extract_targets
from normalize.model import NormalizedDocument, Table


def ndoc(text: str, tables=None) -> NormalizedDocument:
    return NormalizedDocument(source="t.txt", doc_id="t", text=text, tables=tables or [])


def by_value(targets):
    return {(t.value, t.unit): t for t in targets}


def test_two_targets_in_one_sentence_share_the_predicate_and_the_deadline():
    text = (
        "II. CHỈ TIÊU, NỘI DUNG THI ĐUA\n"
        "4. Chỉ tiêu thi đua\n"
        "4.5. 100% Bệnh viện và 50% cơ sở khám, chữa bệnh khác lắp đặt thiết bị để đọc mã QR "
        "trên thẻ CCCD gắn chíp (hoàn thành trong tháng 6/2023).\n"
    )
    ts = extract_targets(ndoc(text))
    assert [(t.value, t.comparator, t.unit) for t in ts] == [(100, "=", "%"), (50, "=", "%")]
    assert "lắp đặt thiết bị" in ts[0].metric and ts[0].metric.lower().startswith("bệnh viện")
    assert ts[1].metric.startswith("cơ sở khám, chữa bệnh khác")
    assert all(t.deadline and t.deadline.end == "2023-06-30" for t in ts)


def test_reworded_variant_other_numbers_quarter_deadline():
    text = (
        "III. MỤC TIÊU CỤ THỂ\n"
        "a) 95% trường học và 60% cơ sở y tế tư nhân triển khai thanh toán không dùng tiền mặt "
        "(hoàn thành trong quý III/2024).\n"
    )
    ts = extract_targets(ndoc(text))
    assert [t.value for t in ts] == [95, 60]
    assert all(t.deadline.end == "2024-09-30" for t in ts)
    assert "thanh toán không dùng tiền mặt" in ts[0].metric


def test_comparators_follow_the_words():
    text = (
        "2. Chỉ tiêu\n"
        "- Trên 70% công dân từ đủ 14 tuổi trở lên đăng ký tài khoản định danh điện tử.\n"
        "- Tối thiểu 20% thủ tục hành chính được cắt giảm, đơn giản hóa.\n"
        "- Tỷ lệ hồ sơ trễ hạn không quá 5% tổng số hồ sơ.\n"
        "- Tỷ lệ thuê bao chưa xác thực dưới 3%.\n"
        "- Tỷ lệ hồ sơ trực tuyến đạt 50%.\n"
        "- Dữ liệu tiêm chủng đạt 100%.\n"
        "- Các dịch vụ công còn lại bảo đảm tối thiểu từ 20%-30% hồ sơ được tiếp nhận trực tuyến.\n"
        "- Tỷ lệ người dân hài lòng từ 85% trở lên.\n"
        "- Ít nhất 02 mô hình điểm được xây dựng tại mỗi huyện.\n"
    )
    got = [(t.comparator, t.value, t.value_max) for t in extract_targets(ndoc(text))]
    assert got == [
        (">", 70, None), (">=", 20, None), ("<=", 5, None), ("<", 3, None), (">=", 50, None),
        ("=", 100, None), ("range", 20, 30), (">=", 85, None), (">=", 2, None),
    ]


def test_ratios_name_the_scope_and_the_percentage_is_the_target():
    text = (
        "2. Các tiêu chí và chỉ tiêu thi đua đến năm 2025\n"
        "- Nâng tỷ lệ tiếp nhận hồ sơ trực tuyến: 11/11 Dịch vụ công thiết yếu do Bộ Công an chủ trì tiếp nhận "
        "hoàn toàn trên môi trường điện tử (100%); 14/14 Dịch vụ công thiết yếu do các Bộ, ngành chủ trì có tỷ lệ "
        "hồ sơ trực tuyến đạt 50%; 9/12 xã hoàn thành số hóa hộ tịch.\n"
    )
    ts = extract_targets(ndoc(text))
    assert [(t.value, t.unit, t.comparator) for t in ts] == [(100, "%", "="), (50, "%", ">="), (75, "%", "=")]
    assert ts[2].denominator == 12 and ts[2].numerator == 9
    assert all(t.deadline.end == "2025-12-31" for t in ts)  # from the heading


def test_counts_with_units_and_levels_from_the_subject():
    text = (
        "4. Chỉ tiêu thi đua\n"
        "4.2. Hoàn thành việc số hóa dữ liệu hộ tịch của 5 huyện, thành phố, xong trong tháng 11/2023.\n"
        "4.3. 100% các xã, phường, thị trấn thành lập điểm hỗ trợ dịch vụ công trực tuyến.\n"
        "4.4. 100% cán bộ, công chức, viên chức kích hoạt tài khoản định danh điện tử mức 2.\n"
    )
    ts = extract_targets(ndoc(text))
    assert [(t.value, t.unit, t.applies_to) for t in ts] == [
        (5, "count", "cấp huyện"), (100, "%", "cấp xã"), (100, "%", "cá nhân"),
    ]
    assert ts[0].deadline.end == "2023-11-30"


def test_levels_come_from_the_heading_that_addresses_a_group():
    text = (
        "III. TIÊU CHÍ THI ĐUA\n"
        "1.1. Đối với Sở, ban, ngành, đoàn thể tỉnh\n"
        "- 100% cán bộ, công chức phải đăng ký tài khoản định danh điện tử mức 2.\n"
        "1.2. Đối với Ủy ban nhân dân cấp huyện\n"
        "- Riêng các chỉ tiêu sau phải phấn đấu hoàn thành, gồm: (1) Trên 65% công dân đăng ký tài khoản; "
        "(2) Làm sạch dữ liệu dân cư đạt trên 98%.\n"
        "1.3. Đối với thôn, tổ dân phố\n"
        "- Phấn đấu hoàn thành: (1) Trên 80% công dân được kích hoạt tài khoản.\n"
        "b) Về doanh nghiệp\n"
        "- Tuyên truyền vận động 100% người lao động đăng ký tài khoản.\n"
    )
    ts = extract_targets(ndoc(text))
    assert [(t.value, t.applies_to) for t in ts] == [
        (100, "sở ngành"), (65, "cấp huyện"), (98, "cấp huyện"), (80, "thôn, tổ"), (100, "doanh nghiệp"),
    ]
    assert ts[1].metric.startswith("công dân đăng ký tài khoản")  # the enumerator lead-in is not the metric


def test_adjustments_attach_to_the_targets_they_name_and_not_to_full_targets():
    text = (
        "1.3. Đối với Ủy ban nhân dân cấp xã\n"
        "- Phấn đấu hoàn thành: (1) Hoàn thành 100% chỉ tiêu cấp căn cước; (2) Trên 75% công dân đăng ký "
        "tài khoản ĐDĐT; (3) Trên 75% công dân được kích hoạt tài khoản ĐDĐT.\n"
        "(Về chỉ tiêu đăng ký và kích hoạt tài khoản ĐDĐT: Địa bàn thị trấn tăng thêm 10%; địa bàn phường tăng thêm 15%)\n"
    )
    ts = extract_targets(ndoc(text))
    assert [t.value for t in ts] == [100, 75, 75]  # "tăng thêm 10%" is no target
    assert ts[0].adjustments == []
    assert ts[1].adjustments == ["Địa bàn thị trấn tăng thêm 10%", "địa bàn phường tăng thêm 15%"]
    assert ts[2].adjustments == ts[1].adjustments


def test_a_place_in_parentheses_adjusts_the_target_before_it():
    text = "2. Chỉ tiêu\n- Trên 70% công dân kích hoạt tài khoản định danh điện tử (Thành phố đạt trên 85%).\n"
    ts = extract_targets(ndoc(text))
    assert [(t.value, t.adjustments) for t in ts] == [(70, ["Thành phố đạt trên 85%"])]


# Passages where only some numbers are targets: the targets read, on the fields the passage is about.
PASSAGES = [
    pytest.param(
        (
            "Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ;\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n"
            "1. Phục vụ 05 nhóm tiện ích của Đề án 06 trong năm 2023.\n"
            "II. CHỈ TIÊU\n"
            "1. Nâng tỷ lệ hồ sơ trực tuyến đạt trên 60%, nhất là 25 dịch vụ công thiết yếu và 28 dịch vụ công "
            "theo Quyết định 422/QĐ-TTg.\n"
            "2. Tập trung triển khai 02 dịch vụ công liên thông: khai sinh, khai tử.\n"
            "IV. KHEN THƯỞNG\n"
            "- Chủ tịch UBND tỉnh tặng Bằng khen cho không quá 18 tập thể, 23 cá nhân.\n"
        ),
        "value comparator",
        [(60, ">")],
        id="no_false_targets_from_references_dates_purposes_and_scopes",
    ),
    pytest.param(
        (
            "2. Chỉ tiêu thi đua\n"
            "2.3. Đối với UBND cấp xã: 90% hộ kinh doanh thanh toán không dùng tiền mặt.\n"
            "2.4. Đối với các sở, ban, ngành: tối thiểu 85% hồ sơ được tiếp nhận trực tuyến.\n"
        ),
        "value comparator applies_to",
        [(90, "=", "cấp xã"), (85, ">=", "sở ngành")],
        id="a_heading_line_that_carries_its_target",
    ),
    pytest.param(
        (
            "I. KẾT QUẢ THỰC HIỆN NĂM 2023\n"
            "1. Tỷ lệ hồ sơ trực tuyến đạt 45%; 100% xã có điểm hỗ trợ dịch vụ công.\n"
            "II. MỤC TIÊU NĂM 2024\n"
            "1. Toàn tỉnh đã đạt 60% hồ sơ trực tuyến; phấn đấu năm 2024 đạt trên 80%.\n"
        ),
        "comparator value",
        [(">", 80)],
        id="results_already_achieved_are_not_targets",
    ),
    pytest.param(
        (
            "I. MỤC TIÊU\n"
            "1. Tổ chức 05 lớp tập huấn kỹ năng số cho người dân.\n"
            "2. Mỗi huyện, thị xã, thành phố có ít nhất 02 điểm hỗ trợ người dân; cộng 02 điểm cho mỗi sáng kiến.\n"
            "3. 100% trường trung học phổ thông thu học phí không dùng tiền mặt, chậm nhất ngày 30/9/2024.\n"
        ),
        "value unit unit_text comparator applies_to metric",
        [(5, "count", "lớp", "=", "tỉnh", "Tổ chức lớp tập huấn kỹ năng số cho người dân"),
         (2, "count", "điểm", ">=", "cấp huyện", "Mỗi huyện, thị xã, thành phố có điểm hỗ trợ người dân"),
         (100, "%", None, "=", "tỉnh", "trường trung học phổ thông thu học phí không dùng tiền mặt")],
        id="other_verbs_places_called_diem_and_deadline_words_out_of_the_metric",
    ),
]


@pytest.mark.parametrize("text, fields, expected", PASSAGES)
def test_target_passages(text, fields, expected):
    ts = extract_targets(ndoc(text))
    assert [tuple(getattr(t, f) for f in fields.split()) for t in ts] == expected


def test_block_deadline_and_start_from_the_sentence():
    text = (
        "2.2.1. Chỉ tiêu\n"
        "- 100% dịch vụ công trực tuyến toàn trình được cung cấp trên thiết bị di động.\n"
        "- 50% hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến.\n"
        "+ Cơ quan chủ trì: Các sở, ban, ngành.\n"
        "+ Thời gian hoàn thành: Trong năm 2024.\n"
        "2. Các tiêu chí và chỉ tiêu đến năm 2026\n"
        "- Số hóa 100% hồ sơ tại Bộ phận một cửa cấp xã từ ngày 01/6/2024.\n"
    )
    ts = extract_targets(ndoc(text))
    assert [t.deadline.end for t in ts] == ["2024-12-31", "2024-12-31", "2026-12-31"]
    assert ts[2].deadline.start == "2024-06-01"


def test_past_years_are_not_deadlines():
    text = (
        "Hà Nội, ngày 13 tháng 02 năm 2023\n"
        "4. Chỉ tiêu\n"
        "4.4. Tập trung hoàn thành 53 dịch vụ công thiết yếu, nhất là 10 dịch vụ công đã quá hạn trong năm 2022.\n"
    )
    ts = extract_targets(ndoc(text))
    assert [(t.value, t.unit) for t in ts] == [(53, "count")]
    assert ts[0].deadline is None


def test_targets_inside_scoring_tables_take_the_tables_level():
    text = (
        "PHỤ LỤC 3\n"
        "GIAO CHỈ TIÊU VÀ CÁCH TÍNH ĐIỂM CHO CẤP XÃ\n"
        "(Kèm theo Kế hoạch số 99/KH-UBND ngày 01/3/2024 của UBND tỉnh)\n"
        "TT | Chỉ tiêu, nhiệm vụ | Điểm tối đa | Cách tính điểm\n"
        "1 | Tỷ lệ DVC trực tuyến đạt trên 65% | 20 | Điểm = Tỷ lệ x điểm tối đa\n"
        "2 | Cập nhật thông tin tiêm chủng đạt 100% | 6 | Điểm = Tỷ lệ x điểm tối đa\n"
    )
    start = text.index("TT |")
    rows = [line.split(" | ") for line in text[start:].strip().split("\n")]
    ts = extract_targets(ndoc(text, [Table(start=start, end=len(text), rows=rows)]))
    assert [(t.value, t.comparator, t.applies_to) for t in ts] == [(65, ">", "cấp xã"), (100, "=", "cấp xã")]


def test_text_without_diacritics_is_read_too():
    text = "2. Chi tieu cu the\n- Tren 70% cong dan tu du 14 tuoi tro len dang ky tai khoan; toi thieu 20% ho so truc tuyen.\n"
    ts = extract_targets(ndoc(text))
    assert [(t.comparator, t.value) for t in ts] == [(">", 70), (">=", 20)]


def test_every_target_points_at_text_holding_its_number():
    text = (
        "4. Chỉ tiêu thi đua\n"
        "4.1. Nâng cao tỷ lệ dịch vụ công trực tuyến đạt trên 60%; 100% các xã thành lập điểm dịch vụ công.\n"
        "- Đăng ký và triển khai ít nhất 01 mô hình theo Công văn số 815/CV-UBND ngày 27/3/2023.\n"
    )
    doc = ndoc(text)
    ts = extract_targets(doc)
    assert len(ts) == 3
    for t in ts:
        s, e = t.evidence.span
        assert doc.text[s:e] == t.evidence.text
        number = f"{t.value:g}"
        assert re.search(rf"(?<!\d)0*{number}(?!\d)", t.evidence.text), (number, t.evidence.text)


def test_more_wordings_spelled_counts_year_deadlines_and_decreases():
    text = (
        "2. Mục tiêu\n"
        "- Phấn đấu đến hết năm 2024, tỷ lệ hồ sơ trực tuyến đạt từ 80% trở lên.\n"
        "- Xây dựng ít nhất hai mô hình điểm về chuyển đổi số.\n"
        "- Thời gian giải quyết thủ tục giảm 30% so với năm 2023.\n"
        "- Số hồ sơ trực tuyến tăng 20%; riêng địa bàn thành phố tăng thêm 10%.\n"
        "- Tỷ lệ hồ sơ được số hóa đạt 20 - 30%.\n"
    )
    ts = extract_targets(ndoc(text))
    assert [(t.comparator, t.value, t.value_max, t.unit) for t in ts] == [
        (">=", 80, None, "%"), (">=", 2, None, "count"), ("=", 30, None, "%"), ("=", 20, None, "%"),
        ("range", 20, 30, "%"),
    ]
    assert ts[0].metric == "tỷ lệ hồ sơ trực tuyến" and ts[0].deadline.end == "2024-12-31"
    assert ts[3].adjustments == ["riêng địa bàn thành phố tăng thêm 10%"]


def test_heading_words_before_a_colon_are_not_the_metric():
    text = (
        "I. CHỈ TIÊU THI ĐUA\n"
        "1. Đối với cấp huyện: phấn đấu 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình; "
        "tỷ lệ hồ sơ trực tuyến đạt trên 50% (hoàn thành trước ngày 30/11/2024).\n"
    )
    ts = extract_targets(ndoc(text))
    assert [t.metric for t in ts] == [
        "thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình", "tỷ lệ hồ sơ trực tuyến",
    ]
    assert [t.applies_to for t in ts] == ["cấp huyện", "cấp huyện"]
    assert ts[1].deadline.end == "2024-11-30"


def test_a_clause_that_opens_with_its_subject_names_the_level():
    text = (
        "II. NỘI DUNG THI ĐUA\n"
        "1. Các sở, ban, ngành tỉnh thi đua bảo đảm 100% hồ sơ công việc được xử lý trên môi trường mạng.\n"
        "2. UBND các huyện, thị xã, thành phố phấn đấu 80% hộ gia đình có người sử dụng ứng dụng VNeID.\n"
        "3. Mỗi xã, phường, thị trấn có ít nhất 02 Tổ công nghệ số cộng đồng.\n"
        "4. Phấn đấu 90% người dân hài lòng.\n"
    )
    assert [(t.value, t.applies_to) for t in extract_targets(ndoc(text))] == [
        (100, "sở ngành"), (80, "cấp huyện"), (2, "cấp xã"), (90, "tỉnh")]  # no subject: the whole province


def test_officials_of_a_level_are_counted_for_that_level():
    text = ("2. Chỉ tiêu cụ thể\n(3) 100% cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số.\n"
            "(4) 100% cán bộ, công chức được cấp chữ ký số.\n")
    assert [t.applies_to for t in extract_targets(ndoc(text))] == ["cấp xã", "cá nhân"]


def test_a_points_scale_in_a_scoring_cell_is_not_a_target():
    text = (
        "PHỤ LỤC\nTIÊU CHÍ CHẤM ĐIỂM\n"
        "STT | Tiêu chí | Điểm chuẩn | Phương pháp chấm\n"
        "1 | Tỷ lệ hồ sơ giải quyết đúng hạn | 50 | Đạt từ 95% trở lên: 50 điểm; dưới 95%: 0 điểm\n"
        "2 | Tỷ lệ văn bản ký số đạt trên 80% | 30 | Tỷ lệ x điểm tối đa\n"
    )
    start = text.index("STT")
    rows = [line.split(" | ") for line in text[start:].rstrip("\n").split("\n")]
    ts = extract_targets(ndoc(text, [Table(start=start, end=len(text) - 1, rows=rows)]))
    assert [(t.value, t.comparator) for t in ts] == [(80, ">")]


def test_the_place_a_counted_subject_belongs_to_names_the_level():
    text = (
        "2. Chỉ tiêu cụ thể\n"
        "a) Phấn đấu đến hết năm 2025, 90% hồ sơ công việc tại các sở, ban, ngành được xử lý trên môi trường mạng.\n"
        "b) Tỷ lệ người dân có chữ ký số không dưới 80%.\n"
        "c) Doanh thu thương mại điện tử tăng ít nhất 10% so với năm 2024.\n"
    )
    ts = extract_targets(ndoc(text))
    assert [(t.value, t.comparator) for t in ts] == [(90, "="), (80, ">="), (10, ">=")]
    assert (ts[0].applies_to, ts[2].applies_to) == ("sở ngành", "tỉnh")
    assert ts[0].deadline.end == "2025-12-31" and "đến hết" not in ts[0].metric


def test_a_table_by_year_gives_one_target_per_cell_with_its_year_as_deadline():
    text = ("Hà Nam, ngày 03 tháng 3 năm 2026\nII. CHỈ TIÊU\n"
            "STT | Tên chỉ tiêu | ĐVT | Thực hiện năm 2025 | Kế hoạch năm 2026 | Năm 2027\n"
            "1 | Tỷ lệ doanh nghiệp nộp thuế điện tử | % | 97 | Không dưới 98 | 99 - 100\n"
            "2 | Số cơ sở dữ liệu chuyên ngành được kết nối | cơ sở dữ liệu | 4 | 06 | ≤ 9\n"
            "II | Xã hội số\n"
            "III. KINH PHÍ\nTổng kinh phí: 800.000.000 đồng.\n")
    start = text.index("STT")
    end = text.index("II | Xã hội số") + len("II | Xã hội số")
    rows = [line.split(" | ") for line in text[start:end].split("\n")]
    got = extract_targets(ndoc(text, [Table(start, end, rows)]))
    assert [(t.metric, t.comparator, t.value, t.value_max, t.unit, t.deadline.end) for t in got] == [
        ("Tỷ lệ doanh nghiệp nộp thuế điện tử", ">=", 98, None, "%", "2026-12-31"),  # 2025 was the result, not a target
        ("Tỷ lệ doanh nghiệp nộp thuế điện tử", "range", 99, 100, "%", "2027-12-31"),
        ("Số cơ sở dữ liệu chuyên ngành được kết nối", "=", 6, None, "count", "2026-12-31"),
        ("Số cơ sở dữ liệu chuyên ngành được kết nối", "<=", 9, None, "count", "2027-12-31"),
    ]
    assert all(str(int(t.value)) in t.evidence.text for t in got)


def test_a_number_naming_a_kind_of_model_is_not_a_count():
    text = "II. NHIỆM VỤ\n1. Triển khai bảo vệ hệ thống thông tin theo mô hình 3 lớp; xây dựng chính quyền 4 cấp.\n"
    assert extract_targets(ndoc(text)) == []


def test_a_frequency_with_at_least_is_a_target_in_times_per_period():
    text = "II. MỤC TIÊU\n- Tổ chức diễn tập an toàn thông tin tối thiểu 02 lần/năm.\n- Họp Ban Chỉ đạo 01 lần.\n"
    assert [(t.value, t.unit, t.comparator) for t in extract_targets(ndoc(text))] == [(2, "lần/năm", ">=")]


def test_a_by_year_table_whose_indicator_column_has_another_name_holds_targets_not_scoring_rows():
    from extract.scoring import extract_scoring

    text = ("2. Chỉ tiêu\nSTT | Danh mục | ĐVT | Năm 2025 | Năm 2026\n"
            "1 | Số điểm chi trả không dùng tiền mặt | điểm | 20 | 40\n")
    start = text.index("STT")
    rows = [line.split(" | ") for line in text[start:].rstrip("\n").split("\n")]
    doc = ndoc(text, [Table(start=start, end=len(text) - 1, rows=rows)])
    assert [(t.metric, t.value, t.unit, t.deadline.end) for t in extract_targets(doc)] == [
        ("Số điểm chi trả không dùng tiền mặt", 20, "count", "2025-12-31"),
        ("Số điểm chi trả không dùng tiền mặt", 40, "count", "2026-12-31")]
    assert extract_scoring(doc) == []


def test_a_kpi_table_headed_don_vi_and_muc_tieu_reads_units_and_rows_with_an_empty_last_cell():
    text = ("II. CHỈ TIÊU\n| Chỉ tiêu | Đơn vị | Mục tiêu 2026 | Ghi chú\n"
            "| Tỷ lệ đơn thuốc điện tử | % | 75\n"
            "| Số trường có phòng học thông minh | trường | 30 | Tăng 6 trường so với năm 2025\n")
    start = text.index("| Chỉ")
    rows = [[c.strip() for c in line.split("|")] for line in text[start:].rstrip("\n").split("\n")]
    doc = ndoc(text, [Table(start=start, end=len(text) - 1, rows=rows)])
    assert [(t.metric, t.value, t.unit, t.deadline.end) for t in extract_targets(doc)] == [
        ("Tỷ lệ đơn thuốc điện tử", 75, "%", "2026-12-31"),
        ("Số trường có phòng học thông minh", 30, "count", "2026-12-31")]


def test_the_bands_of_a_points_scale_are_no_targets():
    # an allocation rule: each band of a rate gives points ("Đến 10% tính là 0,5 điểm …")
    text = ("II. ĐỊNH MỨC PHÂN BỔ\n"
            "1. Điểm theo tỷ lệ hộ nghèo của xã:\n"
            "- Đến 15% tính là 0,5 điểm - Từ trên 15% đến 40%, được tính 1 điểm - Trên 40% trở lên được tính 2 điểm\n")
    assert extract_targets(NormalizedDocument(source="t.txt", doc_id="t", text=text)) == []


def test_a_count_of_sites_in_the_province_is_still_a_target():
    text = "II. MỤC TIÊU\n1. Đến năm 2030, xây dựng trên địa bàn tỉnh 20 điểm du lịch cộng đồng đạt chuẩn.\n"
    assert [t.value for t in extract_targets(ndoc(text))] == [20]


def test_a_products_make_up_in_a_customs_notice_is_no_target():
    """A notice of a tariff code fixed in advance describes the goods: "- Thành phần, cấu tạo, công thức hóa học, hàm
    lượng …: … 95,5%" (set 26, tenth session) is what the product is made of. The label lists several heads; its
    first names what is no target."""
    text = ("CỤC HẢI QUAN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 40211/TB-CHQ\n"
            "Hà Nội, ngày 04 tháng 12 năm 2025\nTHÔNG BÁO\nVề kết quả xác định trước mã số\n"
            "- Thành phần, cấu tạo, công thức hóa học, hàm lượng tính trên trọng lượng: Bột gia vị dạng hạt, gồm muối "
            "95,5% và chiết xuất nấm men 4,5%.\n- Công dụng theo thiết kế: dùng trong chế biến thực phẩm.\n")
    assert [t for t in extract_targets(ndoc(text)) if "95,5" in t.evidence.text] == []


def test_a_share_after_a_bare_greater_than_sign_is_a_target_and_a_band_of_a_scale_is_not():
    """A scan's OCR reads "≥" as ">" ("Có > 40% hợp tác xã …"; the dev plan 8718 scanned, tenth session): still a
    share to reach. "> 90%: 10 điểm" is a band of a scoring scale."""
    head = "II. MỤC TIÊU\n1. Mục tiêu cụ thể\n"
    got = extract_targets(ndoc(head + "a) Đến hết năm 2027: Có > 40% hợp tác xã trên địa bàn ứng dụng nền tảng số.\n"))
    assert [(t.comparator, t.value) for t in got] == [(">", 40.0)]
    assert extract_targets(ndoc(head + "b) Tỷ lệ hồ sơ trực tuyến > 90%: 10 điểm.\n")) == []


def test_a_share_after_a_sign_at_a_sentences_end_and_a_heading_that_names_components_keep_their_targets():
    head = "II. MỤC TIÊU\n1. Mục tiêu cụ thể\n"
    got = extract_targets(ndoc(head + "a) Tỷ lệ hồ sơ trực tuyến đạt > 90%.\nb) Tỷ lệ hộ nghèo < 2%, mỗi năm giảm 0,5%.\n"))
    assert {(t.comparator, t.value) for t in got} >= {(">", 90.0), ("<", 2.0)}
    text = "II. MỤC TIÊU\n2. Phát triển các thành phần kinh tế\n- Đến năm 2030, tỷ trọng kinh tế tư nhân đạt 55% GRDP.\n"
    assert [t.value for t in extract_targets(ndoc(text))] == [55.0]
