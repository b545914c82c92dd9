"""Deadline words → normalized Deadline, as the plans write them (and as other plans would)."""

import pytest

from extract.deadlines import parse_deadline


def end_of(text, year=None):
    d, _ = parse_deadline(text, year)
    return d.end


@pytest.mark.parametrize(
    "text, start, end, kind",
    [
        ("Quý I/2023", None, "2023-03-31", "quarter"),
        ("quý II năm 2023", None, "2023-06-30", "quarter"),
        ("Trong Quý I/2023.", None, "2023-03-31", "quarter"),
        ("quý 3 năm 2024", None, "2024-09-30", "quarter"),
        ("Quý IV/2025", None, "2025-12-31", "quarter"),
        ("Trong tháng 02 năm 2023", None, "2023-02-28", "month"),
        ("Trong tháng 02 năm 2024", None, "2024-02-29", "month"),  # leap year
        ("tháng 3/2023", None, "2023-03-31", "month"),
        ("Tháng 11/2026", None, "2026-11-30", "month"),
        ("Xong trong tháng 02\nnăm 2023.", None, "2023-02-28", "month"),  # hard-wrapped
        ("Trước 31/3/2023", None, "2023-03-31", "date"),
        ("Trước ngày 15/12/2023", None, "2023-12-15", "date"),
        ("trước ngày 30 tháng 9 năm 2024", None, "2024-09-30", "date"),
        ("Trước ngày 29/02/2024", None, "2024-02-29", "date"),
        ("Trong năm 2023", None, "2023-12-31", "year"),
        ("Năm 2025", None, "2025-12-31", "year"),
        ("6 tháng đầu năm 2023", None, "2023-06-30", "other"),
        ("6 tháng cuối năm 2024", None, "2024-12-31", "other"),
        ("Trước tháng 3/2023", None, "2023-02-28", "month"),  # before March begins
        ("Dự kiến tháng 8/2023", None, "2023-08-31", "month"),
        # other provinces' wording
        ("chậm nhất ngày 30/9/2024", None, "2024-09-30", "date"),
        ("trước quý III/2024", None, "2024-06-30", "quarter"),  # before the quarter begins
        ("trong quý IV năm 2024", None, "2024-12-31", "quarter"),
        ("đến hết năm 2025", None, "2025-12-31", "year"),
        ("Chậm nhất ngày 15 tháng 01 năm 2025", None, "2025-01-15", "date"),
        # ranges: "từ …" sets the start
        ("Từ tháng 3 đến tháng 6/2023", "2023-03-01", "2023-06-30", "range"),
        ("Từ tháng 9 đến tháng 12 năm 2024", "2024-09-01", "2024-12-31", "range"),
        ("Giai đoạn 2022 - 2025", "2022-01-01", "2025-12-31", "range"),
        ("Từ tháng 02 năm 2023", "2023-02-01", None, "range"),  # a start and no end
    ],
)
def test_dated_forms_end_on_the_last_day_of_the_period(text, start, end, kind):
    d, warnings = parse_deadline(text)
    assert (d.start, d.end, d.kind) == (start, end, kind)
    assert not d.recurring
    assert warnings == []


def test_the_original_words_are_kept_with_spaces_collapsed():
    d, _ = parse_deadline("Thời gian hoàn thành: Năm 2023 và thường\nxuyên.")
    assert d.text == "Năm 2023 và thường xuyên"


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("Năm 2023 và thường xuyên", None, "2023-12-31"),
        ("Quý I năm 2024 và thực hiện thường xuyên", None, "2024-03-31"),
        ("Trước 31/3/2023 và thực hiện thường xuyên.", None, "2023-03-31"),
        ("Từ tháng 01 năm 2024 và thực hiện thường xuyên", "2024-01-01", None),
        ("Thực hiện thường xuyên, bắt đầu từ tháng 02/2023 và đến 31/12/2024 hoàn thành", "2023-02-01", "2024-12-31"),
    ],
)
def test_a_date_and_thuong_xuyen_is_both_a_date_and_recurring(text, start, end):
    d, _ = parse_deadline(text)
    assert (d.start, d.end, d.recurring) == (start, end, True)


@pytest.mark.parametrize("text", ["Thường xuyên", "Thực hiện thường xuyên.", "Hằng năm", "Định kỳ hàng tháng",
                                  "Định kỳ ngày 15 hàng tháng", "trước ngày 22 hàng tháng", "hằng tháng",
                                  "Định kỳ hằng quý"])
def test_recurring_without_a_date(text):
    d, warnings = parse_deadline(text)
    assert d.recurring and d.end is None and d.kind == "recurring"
    assert warnings == []


def test_year_missing_is_taken_from_the_plan_year_or_warned():
    d, warnings = parse_deadline("6 tháng (trước ngày 16/6)", default_year=2023)
    assert d.end == "2023-06-16" and warnings == []
    d, _ = parse_deadline("Trong Quý III", default_year=2025)
    assert d.end == "2025-09-30"
    d, warnings = parse_deadline("6 tháng (trước ngày 16/6)")
    assert d.end is None
    assert any("year" in w for w in warnings)


@pytest.mark.parametrize("text, kind", [
    ("Sau khi có Chỉ thị của Thủ tướng Chính phủ.", "conditional"),
    ("Ngay sau khi Sở Tư pháp hoàn thành việc nhập dữ liệu hộ tịch", "conditional"),
    ("Khi có hướng dẫn của Bộ Công an", "conditional"),
    ("Theo KH 69 và KH108 của UBND tỉnh", "reference"),
    ("Theo Kế hoạch số 57/KH-UBND ngày 02/3/2024 của UBND tỉnh", "reference"),
    ("Lộ trình theo Nghị quyết 50/NQ-CP, ngày 8/4/2022 (cấp xã từ 01/6/2023)", "reference"),
    ("Theo chỉ đạo của Văn phòng Chính phủ", "reference"),
])
def test_conditional_and_by_reference_keep_words_and_no_date(text, kind):
    d, _ = parse_deadline(text)
    assert d.kind == kind and d.end is None and d.start is None
    assert d.text.startswith(text.rstrip(".")[:20])


@pytest.mark.parametrize("text", ["Trước ngày 31/11/2023", "30/02/2024", "Trước ngày 29/02/2023"])
def test_an_impossible_date_is_a_warning_not_a_guess(text):
    d, warnings = parse_deadline(text)
    assert d.end is None
    assert any("impossible" in w for w in warnings)


def test_several_dates_take_the_first_and_say_so():
    d, warnings = parse_deadline("Trong tháng 02/2023 và đẩy mạnh triển khai trong quý I/2023")
    assert d.end == "2023-02-28"
    assert warnings and "several" in warnings[0]


def test_a_condition_after_a_date_keeps_the_date():
    assert end_of("Quý II/2023, ngay sau khi thôn, bản có điện lưới") == "2023-06-30"
    assert end_of("Quý II năm 2024 khi có hướng dẫn của Bộ Giáo dục và Đào tạo") == "2024-06-30"


def test_empty_text_is_no_deadline():
    assert parse_deadline("  ") == (None, [])


def test_words_without_any_date_are_flagged():
    d, warnings = parse_deadline("Sớm nhất có thể")
    assert d.kind == "other" and d.end is None and warnings


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("tháng 10 - 11/2024", "2024-10-01", "2024-11-30"),  # a span of months, not the date 10/11/2024
        ("Thời gian thực hiện: tháng 3 – 4/2025", "2025-03-01", "2025-04-30"),
        ("10-11-2024", None, "2024-11-10"),  # a date written with dashes stays a date
    ],
)
def test_a_span_of_months_is_not_read_as_a_day_and_month(text, start, end):
    d, _ = parse_deadline(text, 2024)
    assert (d.start, d.end) == (start, end)


@pytest.mark.parametrize("text, end, recurring", [
    ("Quý II và Quý IV năm 2025", "2025-12-31", False),
    ("Tháng 6 và tháng 12 năm 2025", "2025-12-31", False),
    ("vào tháng 6 và tháng 12 hằng năm", "2025-12-31", True),  # the plan's year completes it
    ("Trước ngày 15/12 hằng năm", "2025-12-15", True),
])
def test_a_list_of_periods_ends_with_the_last_one(text, end, recurring):
    d, warnings = parse_deadline(text, 2025)
    assert (d.end, d.recurring) == (end, recurring)
    assert warnings == []
