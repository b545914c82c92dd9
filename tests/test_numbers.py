"""Vietnamese numbers as plans write them: separators, padded counts, words, money."""

import pytest

from extract.numbers import (
    find_counts,
    find_money,
    find_number_words,
    find_percents,
    find_points,
    find_ratios,
    fold,
    mask_references,
    parse_number,
    parse_vnd,
    words_to_number,
)


@pytest.mark.parametrize(
    "token, value",
    [
        ("20.000.000", 20_000_000),  # dots group thousands
        ("1.251", 1251),
        ("0,5", 0.5),  # the comma is the decimal mark
        ("12,75", 12.75),
        ("01", 1),  # padded counts
        ("07", 7),
        ("1.500.000,5", 1_500_000.5),
        ("mười lăm", 15),
        ("hai", 2),
        ("x", None),
        ("", None),
    ],
)
def test_parse_number_reads_vietnamese_separators_and_words(token, value):
    assert parse_number(token) == value


@pytest.mark.parametrize(
    "words, value",
    [
        ("một", 1), ("mười", 10), ("mười lăm", 15), ("hai mươi", 20), ("hai mươi mốt", 21),
        ("ba mươi lăm", 35), ("một trăm", 100), ("ba trăm linh năm", 305), ("hai nghìn", 2000),
        ("năm triệu", 5_000_000), ("hai không", 2), ("mười năm", 15),
    ],
)
def test_words_to_number(words, value):
    assert words_to_number(words) == value


def test_words_to_number_refuses_other_words():
    assert words_to_number("tập thể") is None
    assert words_to_number("") is None


def test_spelled_numbers_count_only_where_they_state_a_quantity():
    text = "không quá 02 (hai) xã; mười lăm cá nhân; năm 2023; ba tập thể; hai bên cùng có lợi"
    found = [(text[s:e], v) for s, e, v in find_number_words(text)]
    assert ("hai", 2) in found  # spelled out after digits
    assert ("mười lăm", 15) in found  # before a count noun
    assert ("ba", 3) in found
    assert all(w != "năm" for w, _ in found)  # "năm 2023" is a year
    assert all(w != "hai" or v == 2 for w, v in found) and len(found) == 3  # "hai bên" counts nothing


def test_percentages_and_ranges():
    qs = find_percents("đạt trên 70%; tối thiểu từ 20%-30% hồ sơ; 15 – 25% khác; 0,5% dân số")
    assert [(q.value, q.value_max) for q in qs] == [(70, None), (20, 30), (15, 25), (0.5, None)]


def test_ratios_are_not_dates_or_document_numbers():
    text = "11/11 dịch vụ; 14/14 dịch vụ; ngày 30/11/2023; tháng 6/2023; Quyết định số 06/QĐ-TTg; 9/10 xã"
    assert [(q.value, q.denominator) for q in find_ratios(text)] == [(11, 11), (14, 14), (9, 10)]


@pytest.mark.parametrize(
    "text, amount",
    [
        ("kèm theo tiền thưởng 20.000.000 đồng", 20_000_000),
        ("tiền thưởng 20 triệu đồng", 20_000_000),
        ("giải thưởng 1,5 triệu đồng", 1_500_000),
        ("tổng kinh phí 2 tỷ đồng", 2_000_000_000),
        ("15.000.000 dong", 15_000_000),  # OCR without diacritics
        ("500.000đ", 500_000),
        ("không có tiền", None),
    ],
)
def test_money(text, amount):
    assert parse_vnd(text) == amount


def test_money_positions_point_into_the_text():
    text = "Giải Nhất: 10.000.000 đồng; giải Nhì: 5 triệu đồng."
    found = find_money(text)
    assert [text[q.start:q.end] for q in found] == ["10.000.000 đồng", "5 triệu đồng"]


def test_counts_keep_their_noun_as_unit():
    text = "dữ liệu hộ tịch của 5 huyện, thành phố; ít nhất 01 mô hình; không quá 02 (hai) xã, phường, thị trấn; hai tập thể"
    got = [(q.value, q.unit) for q in find_counts(text)]
    assert got == [(5, "huyện, thành phố"), (1, "mô hình"), (2, "xã, phường, thị trấn"), (2, "tập thể")]


def test_a_count_after_toi_da_is_a_count_but_not_after_da():
    # "tối đa" (at most) and "đã" (already) fold to the same letters
    got = [(q.value, q.unit) for q in find_counts("tối đa 06 tập thể, 09 cá nhân; đã 05 tập thể được khen")]
    assert got == [(6, "tập thể"), (9, "cá nhân")]


def test_counts_skip_references_and_look_alike_words():
    text = "Đề án 06 tỉnh; Kế hoạch số 69 năm 2023; thực hiện 07 phương thức sử dụng; mục 2 cá nhân"
    assert find_counts(text) == []


def test_counts_read_ocr_text_without_diacritics():
    got = [(q.value, q.unit) for q in find_counts("- 01 don vi hang Nhat; 07 tap the tieu bieu")]
    assert got == [(1, "don vi"), (7, "tap the")]


def test_points():
    got = [q.value for q in find_points("mỗi DVC 0,5 điểm; có được 3đ; 05 điểm/lần")]
    assert got == [0.5, 3, 5]


def test_mask_references_blanks_dates_and_legal_numbers_but_keeps_offsets():
    text = "Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022, Nghị định 107/2021/NĐ-CP; tháng 11/20231; đạt 70%"
    masked = mask_references(text)
    assert len(masked) == len(text)
    assert "06/QĐ" not in masked and "06/01/2022" not in masked and "107/2021" not in masked and "20231" not in masked
    assert masked.endswith("đạt 70%")


def test_fold_keeps_length_and_removes_marks():
    s = "Đạt trên 70% công dân; Bằng khen của Chủ tịch"
    f = fold(s)
    assert len(f) == len(s)
    assert f == "dat tren 70% cong dan; bang khen cua chu tich"
