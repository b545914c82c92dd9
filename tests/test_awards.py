"""Award quotas (khen thưởng): forms, grantors, recipients, counts, ranks, prizes and
per-district limits, on corpus-like passages and reworded variants."""

import pytest

from extract.awards import extract_awards
from normalize.model import NormalizedDocument


def ndoc(text):
    return NormalizedDocument(source="t.txt", doc_id="t", text=text)


def rows(awards):
    return [(a.form, a.grantor, a.recipient, a.level, a.max_count, a.rank, a.prize_vnd) for a in awards]


PASSAGES = [  # plan text → (form, grantor, recipient, level, max_count, rank, prize_vnd) per award; the id says what it shows
    pytest.param(
        (
            "III. KHEN THƯỞNG\n"
            "1. Chủ tịch UBND tỉnh tặng Bằng khen cho 03 tập thể và 05 cá nhân có thành tích xuất sắc, "
            "kèm theo tiền thưởng 4.000.000 đồng/tập thể.\n"
            "2. Chủ tịch UBND tỉnh tặng Bằng khen cho không quá 05 cá nhân, kèm theo tiền thưởng 1.500.000 đồng "
            "cho mỗi cá nhân.\n"
        ),
        [
            ("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", None, 3, None, 4000000),
            ("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", None, 5, None, None),
            ("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", None, 5, None, 1500000),
        ],
        id="the_amount_says_whom_it_pays",
    ),
    pytest.param(
        (
            "IV. HÌNH THỨC, SỐ LƯỢNG KHEN THƯỞNG\n"
            "2. Số lượng khen thưởng\n"
            "- Chủ tịch UBND tỉnh tặng Bằng khen cho không quá 18 tập thể, 23 cá nhân;\n"
            "- Giám đốc Công an tỉnh tặng Giấy khen cho không quá 26 tập thể, 27 cá nhân.\n"
        ),
        [
            ("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", None, 18, None, None),
            ("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", None, 23, None, None),
            ("Giấy khen", "Giám đốc Công an tỉnh", "tập thể", None, 26, None, None),
            ("Giấy khen", "Giám đốc Công an tỉnh", "cá nhân", None, 27, None, None),
        ],
        id="one_sentence_two_quotas",
    ),
    pytest.param(
        (
            "IV. KHEN THƯỞNG\n"
            "2. Cơ cấu khen thưởng\n"
            "a) Cấp huyện\n"
            "Tặng Bằng khen của Chủ tịch UBND tỉnh Bình Phước cho:\n"
            "- 01 đơn vị hạng Nhất, kèm theo tiền thưởng 30.000.000 đồng.\n"
            "- 01 đơn vị hạng Nhì, kèm theo tiền thưởng 20 triệu đồng.\n"
            "- 02 đơn vị giải Khuyến khích, mỗi đơn vị 5.000.000 đồng.\n"
            "b) Cấp xã: Tặng Giấy khen của Giám đốc Sở Thông tin và Truyền thông cho 07 tập thể tiêu biểu.\n"
            "c) Xét chọn 16 cá nhân có thành tích xuất sắc (mỗi huyện xét chọn 02 cá nhân).\n"
        ),
        [
            ("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", "cấp huyện", 1, "Nhất", 30_000_000),
            ("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", "cấp huyện", 1, "Nhì", 20_000_000),
            ("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", "cấp huyện", 2, "Khuyến khích", 5_000_000),
            ("Giấy khen", "Giám đốc Sở Thông tin và Truyền thông", "tập thể", "cấp xã", 7, None, None),
            ("Khen thưởng", None, "cá nhân", None, 16, None, None),  # the plan states no form
        ],
        id="ranked_prizes_listed_under_the_form",
    ),
    pytest.param(
        (
            "IV. KHEN THUONG\n"
            "a) Cap huyen\n"
            "Tang Bang khen cua Chu tich UBND tinh Soc Trang cho:\n"
            "- 01 don vi hang Nhat, kem theo tien thuong 20.000.000 dong.\n"
        ),
        [
            ("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", "cấp huyện", 1, "Nhất", 20_000_000),
        ],
        id="ocr_text_without_diacritics",
    ),
    pytest.param(
        (
            "IV. HÌNH THỨC, ĐỐI TƯỢNG KHEN THƯỞNG\n"
            "1. Hình thức khen thưởng\n"
            "- Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh;\n"
            "- Giấy khen của Thủ trưởng các cơ quan, đơn vị.\n"
            "3.1. Đối tượng, tiêu chuẩn\n"
            "a) Huân chương Lao động hạng Ba; Bằng khen của Bộ trưởng Bộ Công an tặng cho tập thể, cá nhân có thành tích.\n"
        ),
        [],  # a list of award forms without quotas is no award item (SCHEMA.md)
        id="forms_listed_without_quotas",
    ),
    pytest.param(
        (
            "IV. HÌNH THỨC, SỐ LƯỢNG KHEN THƯỞNG\n"
            "3. Ngoài Bằng khen của Chủ tịch UBND tỉnh và Giấy khen của Giám đốc Công an tỉnh, Chủ tịch UBND cấp huyện "
            "căn cứ kết quả để tặng Giấy khen cho các tập thể, cá nhân khác.\n"
            "4. Huyện hoàn thành xuất sắc sẽ được khen thưởng thêm 01 tập thể.\n"
        ),
        [],
        id="awards_already_counted_are_not_repeated_and_bonus_places_are_not_quotas",
    ),
    pytest.param(
        (
            "III. KHEN THƯỞNG\n"
            "1. Hình thức: Bằng khen của Chủ tịch UBND tỉnh; Giấy khen của Giám đốc Sở Thông tin và Truyền thông.\n"
            "2. Số lượng\n"
            "- Giải thưởng: 01 giải Nhất trị giá 30 triệu đồng, 02 giải Nhì mỗi giải 15.000.000 đồng, 03 giải Ba.\n"
        ),
        [
            ("Khen thưởng", None, None, None, 1, "Nhất", 30_000_000),
            ("Khen thưởng", None, None, None, 2, "Nhì", 15_000_000),
            ("Khen thưởng", None, None, None, 3, "Ba", None),
        ],
        id="prizes_counted_as_giai_and_forms_on_the_heading_line",
    ),
    pytest.param(
        (
            "III. KHEN THƯỞNG\n"
            "Chủ tịch UBND tỉnh tặng Bằng khen cho 03 tập thể cấp huyện và 05 tập thể cấp xã có thành tích xuất sắc, "
            "mỗi tập thể được thưởng 5.000.000 đồng.\n"
        ),
        [
            ("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", "cấp huyện", 3, None, 5_000_000),
            ("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", "cấp xã", 5, None, 5_000_000),
        ],
        id="levels_named_after_the_unit_and_a_prize_for_each",
    ),
    pytest.param(
        (
            "III. KHEN THƯỞNG\n"
            "c) Trao giải cho các huyện: 01 giải Nhất, 02 giải Nhì; mỗi giải 5.000.000 đồng.\n"
            "d) Cờ thi đua của UBND tỉnh tặng cho 02 tập thể dẫn đầu phong trào.\n"
            "đ) Bằng khen của Chủ tịch UBND tỉnh tặng cho 08 tập thể và 12 cá nhân, mỗi tập thể được thưởng 3.000.000 đồng.\n"
        ),
        [
            ("Khen thưởng", None, None, "cấp huyện", 1, "Nhất", 5_000_000),
            ("Khen thưởng", None, None, "cấp huyện", 2, "Nhì", 5_000_000),
            ("Cờ thi đua", "UBND tỉnh", "tập thể", None, 2, None, None),
            ("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", None, 8, None, 3_000_000),
            ("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", None, 12, None, None),
        ],
        id="a_prize_for_each_named_later_in_the_sentence_and_only_for_its_own_recipients",
    ),
    pytest.param(
        (
            "V. KHEN THƯỞNG\n"
            "1. Chủ tịch UBND tỉnh tặng Cờ thi đua cho tập thể dẫn đầu phong trào.\n"
            "2. Giám đốc Sở Y tế tặng Giấy khen cho các tập thể, cá nhân có thành tích tiêu biểu.\n"
            "3. Tập thể được tặng Cờ thi đua phải hoàn thành xuất sắc nhiệm vụ.\n"
            "4. Tặng Bằng khen của Chủ tịch UBND tỉnh cho:\n"
            "- 02 tập thể dẫn đầu.\n"
        ),
        [("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", None, 2, None, None)],
        id="forms_granted_without_a_number_are_no_quota",
    ),
    pytest.param(
        (
            "IV. SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG\n"
            "2. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\n"
            "a) Các cơ quan, đơn vị có liên quan:\n"
            "- Ban Chỉ đạo của tỉnh: Không quá 05 cá nhân;\n"
            "- Tổ giúp việc Ban Chỉ đạo: Không quá 03 cá nhân;\n"
        ),
        [
            ("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", None, 5, None, None),
            ("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", None, 3, None, None),
        ],
        id="a_quota_list_takes_its_form_and_grantor_from_the_heading_above_it",
    ),
]


@pytest.mark.parametrize("text, expected", PASSAGES)
def test_award_passages(text, expected):
    assert rows(extract_awards(ndoc(text))) == expected


def test_two_grantors_in_one_sentence_and_levels_from_headings():
    text = (
        "IV. KHEN THƯỞNG\n"
        "2.3. Đối với cấp xã\n"
        "- Về tập thể: Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho 4 tập thể; Giám đốc Sở Nội vụ tặng "
        "Giấy khen cho 12 tập thể (là UBND cấp xã hoặc Tổ công tác cấp xã) có kết quả cao nhất.\n"
        "(mỗi huyện lựa chọn 01 tập thể thuộc cấp xã có kết quả cao nhất)\n"
        "2.4. Đối với thôn, tổ\n"
        "- Về cá nhân: Chủ tịch UBND tỉnh tặng Bằng khen cho hai cá nhân.\n"
    )
    awards = extract_awards(ndoc(text))
    assert rows(awards) == [
        ("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", "cấp xã", 4, None, None),
        ("Giấy khen", "Giám đốc Sở Nội vụ", "tập thể", "cấp xã", 12, None, None),
        ("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", "thôn, tổ", 2, None, None),
    ]
    # the per-district limit is a warning on the block's awards, not an item
    assert all(any("mỗi huyện" in w for w in a.warnings) for a in awards[:2])
    assert not awards[2].warnings


def test_a_district_limit_before_the_award_section_goes_to_the_level_it_counts():
    text = (
        "III. TIÊU CHÍ\n"
        "* Lưu ý: Mỗi huyện, thị xã, thành phố không quá 02 (hai) xã, phường, thị trấn được xét khen thưởng.\n"
        "IV. KHEN THƯỞNG\n"
        "b) Cấp xã: Tặng Bằng khen của Chủ tịch UBND tỉnh cho 07 tập thể tiêu biểu.\n"
    )
    awards = extract_awards(ndoc(text))
    assert [(a.level, a.max_count) for a in awards] == [("cấp xã", 7)]
    assert awards[0].per_unit_limit == 2
    assert "không quá 02 (hai) xã" in awards[0].warnings[0]


def test_evidence_holds_count_and_prize():
    text = "IV. KHEN THƯỞNG\nTặng Bằng khen của Chủ tịch UBND tỉnh cho:\n- 01 đơn vị hạng Nhất, kèm theo tiền thưởng 20.000.000 đồng.\n"
    doc = ndoc(text)
    (a,) = extract_awards(doc)
    s, e = a.evidence.span
    assert doc.text[s:e] == a.evidence.text
    assert "01" in a.evidence.text and "20.000.000" in a.evidence.text


def test_no_awards_in_a_plan_without_them():
    assert extract_awards(ndoc("I. NHIỆM VỤ\n1. Công an tỉnh chủ trì, phối hợp 5 huyện thực hiện.\n")) == []


def test_quotas_of_several_grantors_with_toi_da_and_a_minister():
    text = (
        "IV. HÌNH THỨC, SỐ LƯỢNG KHEN THƯỞNG\n"
        "1. Cờ thi đua của Ủy ban nhân dân tỉnh: tặng cho 03 tập thể dẫn đầu phong trào thi đua.\n"
        "2. Bằng khen của Bộ trưởng Bộ Y tế: đề nghị tặng cho 02 tập thể và 04 cá nhân.\n"
        "3. Giấy khen của Giám đốc Sở Tư pháp: tối đa 06 tập thể, 09 cá nhân.\n"
    )
    assert [(a.form, a.grantor, a.recipient, a.max_count) for a in extract_awards(ndoc(text))] == [
        ("Cờ thi đua", "UBND tỉnh", "tập thể", 3),
        ("Bằng khen", "Bộ trưởng Bộ Y tế", "tập thể", 2),
        ("Bằng khen", "Bộ trưởng Bộ Y tế", "cá nhân", 4),
        ("Giấy khen", "Giám đốc Sở Tư pháp", "tập thể", 6),
        ("Giấy khen", "Giám đốc Sở Tư pháp", "cá nhân", 9),
    ]


def test_a_quota_in_parentheses_civil_servants_and_the_level_of_the_sentence_subject():
    text = (
        "III. KHEN THƯỞNG\n"
        "UBND xã xếp loại Tốt được đề nghị Chủ tịch UBND tỉnh tặng Bằng khen (không quá 03 tập thể). "
        "Giấy khen của Giám đốc Sở Nội vụ cho 05 công chức cấp xã có thành tích xuất sắc.\n"
    )
    assert rows(extract_awards(ndoc(text))) == [
        ("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", "cấp xã", 3, None, None),
        ("Giấy khen", "Giám đốc Sở Nội vụ", "cá nhân", "cấp xã", 5, None, None),
    ]


def test_danh_hieu_with_a_share_quota_and_ranks_named_before_their_count():
    text = ("IV. KHEN THƯỞNG\n"
            "1. Xét tặng danh hiệu Tập thể lao động tiên tiến cho các phòng, ban, tối đa 20% tổng số đơn vị.\n"
            "2. Tặng danh hiệu Chiến sĩ thi đua cơ sở cho không quá 04 cá nhân.\n"
            "3. Trao giải cho các đội thi cấp huyện: Giải Nhì: 02 giải, mỗi giải 3.000.000 đồng; "
            "Giải Khuyến khích: 04 giải, mỗi giải 1.000.000 đồng.\n")
    got = extract_awards(ndoc(text))
    assert [(a.form, a.recipient, a.max_count, a.rank, a.prize_vnd) for a in got] == [
        ("Tập thể lao động tiên tiến", "tập thể", None, None, None),
        ("Chiến sĩ thi đua cơ sở", "cá nhân", 4, None, None),
        ("Khen thưởng", None, 2, "Nhì", 3000000),
        ("Khen thưởng", None, 4, "Khuyến khích", 1000000),
    ]
    assert got[0].notes == ["tối đa 20% tổng số đơn vị"]
    assert {a.level for a in got[2:]} == {"cấp huyện"}


def test_a_total_and_its_breakdown_per_level_are_linked():
    text = ("IV. KHEN THƯỞNG\n"
            "1. Chủ tịch UBND tỉnh tặng Bằng khen cho không quá 8 tập thể.\n"
            "2. Cấp huyện: Chủ tịch UBND tỉnh tặng Bằng khen cho 3 tập thể.\n"
            "3. Cấp xã: Chủ tịch UBND tỉnh tặng Bằng khen cho 5 tập thể.\n"
            "4. Tặng danh hiệu Tập thể lao động xuất sắc cho không quá 10% tổng số tập thể được bình xét.\n")
    awards = extract_awards(ndoc(text))
    total, *parts, share = awards
    assert (total.max_count, total.parent_id) == (8, None)
    assert [(a.level, a.max_count, a.parent_id) for a in parts] == [("cấp huyện", 3, total.id), ("cấp xã", 5, total.id)]
    assert (share.form, share.max_count, share.max_share) == ("Tập thể lao động xuất sắc", None, 10)
    # counting each place once: the leaves
    assert sum(a.max_count for a in awards if a.max_count and not any(b.parent_id == a.id for b in awards)) == 8
