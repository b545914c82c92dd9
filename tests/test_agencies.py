"""Owner phrases → single agencies with canonical names, and the gazetteer behind them."""

import csv

import pytest

from extract import build_gazetteer
from extract.agencies import GAZETTEER, PROVINCES, canonical_agencies, looks_like_agency, parse_agencies


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("Văn phòng UBND tỉnh và các sở, ban, ngành, đoàn thể, địa phương liên quan.",
         ["Văn phòng UBND tỉnh", "Các sở, ban, ngành, đoàn thể, địa phương liên quan"]),
        ("Sở Tài chính, Sở Kế hoạch và Đầu tư.", ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]),
        ("UBND cấp huyện, cấp xã.", ["UBND cấp huyện", "UBND cấp xã"]),
        ("Các sở, ban, ngành, UBND cấp huyện", ["Các sở, ban, ngành", "UBND cấp huyện"]),
        ("Sở Tư pháp hướng dẫn, đôn đốc, tập hợp kết quả, hệ thống hóa văn bản chung.", ["Sở Tư pháp"]),
        # a name holding a comma and "và" is not cut in pieces
        ("Sở Y tế, Sở Lao động, Thương binh và Xã hội, Bảo hiểm xã hội tỉnh",
         ["Sở Y tế", "Sở Lao động - Thương binh và Xã hội", "Bảo hiểm xã hội tỉnh"]),
        ("Sở Văn hóa, Thể thao và Du lịch; Sở Ngoại vụ", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Ngoại vụ"]),
        ("UBND các huyện, thị xã, thành phố và Công an tỉnh", ["UBND cấp huyện", "Công an tỉnh"]),
        ("UBND cấp huyện (Phòng Tài chính - Kế hoạch), UBND cấp xã theo phân cấp quản lý",
         ["UBND cấp huyện", "UBND cấp xã"]),
        ("Các sở, ngành liên quan, UBND các huyện, TP", ["Các sở, ngành liên quan", "UBND cấp huyện"]),
    ],
)
def test_lists_split_into_single_canonical_agencies(phrase, expected):
    assert canonical_agencies(phrase) == expected


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("VP UBND tỉnh", "Văn phòng UBND tỉnh"),
        ("Sở LĐTBXH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("BHXH tỉnh", "Bảo hiểm xã hội tỉnh"),
        ("NHNN", "Ngân hàng Nhà nước chi nhánh tỉnh"),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở Thông tin - Truyền thông", "Sở Thông tin và Truyền thông"),  # fuzzy
        ("Sở Giáo dục - Đào tạo", "Sở Giáo dục và Đào tạo"),  # fuzzy
        ("Cục thuế tỉnh", "Cục Thuế tỉnh"),
        ("TAND tỉnh", "Tòa án nhân dân tỉnh"),
        ("Ủy ban nhân dân các huyện, thị xã, thành phố", "UBND cấp huyện"),
    ],
)
def test_abbreviations_and_variants_resolve(written, canonical):
    assert canonical_agencies(written) == [canonical]


def test_province_names_become_generic():
    assert canonical_agencies("Ngân hàng Nhà nước Việt Nam chi nhánh Nghệ An") == ["Ngân hàng Nhà nước chi nhánh tỉnh"]
    assert canonical_agencies("Tỉnh đoàn Quảng Ninh") == ["Tỉnh đoàn"]
    assert canonical_agencies("Đài Phát thanh và Truyền hình Lào Cai") == ["Đài Phát thanh và Truyền hình tỉnh"]
    assert canonical_agencies("Công an Thành phố Hồ Chí Minh") == ["Công an tỉnh"]
    assert canonical_agencies("Báo Bà Rịa-Vũng Tàu, Viettel Cà Mau") == ["Báo tỉnh", "Viettel tỉnh"]
    assert canonical_agencies("Sở Tư pháp tỉnh Nghệ An") == ["Sở Tư pháp"]


def test_an_appositive_role_is_not_part_of_the_name():
    assert canonical_agencies("Sở Thông tin và Truyền thông là cơ quan thường trực") == ["Sở Thông tin và Truyền thông"]
    assert canonical_agencies("Công an tỉnh - Cơ quan thường trực Tổ công tác") == ["Công an tỉnh"]


def test_unknown_agency_is_kept_as_written_with_a_low_score():
    (m,) = parse_agencies("Trung tâm Lưu trữ lịch sử (thuộc Sở Nội vụ)")
    assert m.name == "Trung tâm Lưu trữ lịch sử"
    assert m.score == 0 and not m.known


def test_headings_that_name_an_agency_are_told_from_topics():
    assert looks_like_agency("Công an tỉnh - Cơ quan Thường trực Tổ công tác Đề án 06 tỉnh")
    assert looks_like_agency("Sở Kế hoạch và Đầu tư:")
    assert looks_like_agency("Sở Công Thương, Sở Nông nghiệp và Phát triển nông thôn")
    for topic in ("Đẩy mạnh công tác thông tin tuyên truyền", "Ban hành kế hoạch", "TỔ CHỨC THỰC HIỆN",
                  "Về pháp lý", "Giao Công an tỉnh theo dõi, hướng dẫn"):
        assert not looks_like_agency(topic), topic


def test_gazetteer_has_no_province_names_in_canonical_names():
    with open(GAZETTEER, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) > 40
    for row in rows:
        assert not any(p in row["canonical"] for p in PROVINCES if len(p) > 3), row["canonical"]
        assert row["kind"]


def test_build_gazetteer_writes_the_curated_list(tmp_path):
    out = tmp_path / "agencies.tsv"
    assert build_gazetteer.main(["-", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
    names = {r["canonical"] for r in rows}
    assert {"Công an tỉnh", "UBND cấp huyện", "Sở Thông tin và Truyền thông"} <= names
    vp = next(r for r in rows if r["canonical"] == "Văn phòng UBND tỉnh")
    assert "VP UBND tỉnh" in vp["aliases"].split("|")


def test_build_gazetteer_refuses_a_missing_corpus(tmp_path, capsys):
    assert build_gazetteer.main([str(tmp_path / "nope"), "-o", str(tmp_path / "x.tsv")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_the_head_of_an_agency_stands_for_the_agency_as_owner():
    assert canonical_agencies("Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố") == [
        "Các sở, ban, ngành tỉnh", "UBND cấp huyện"]
    assert canonical_agencies("Giám đốc Sở Y tế và Người đứng đầu các cơ quan, đơn vị") == [
        "Sở Y tế", "Các cơ quan, đơn vị"]


def test_a_reflexive_verb_ends_the_owner_phrase():
    # "tự đánh giá" is what they do, "tự" is not part of their name
    assert canonical_agencies("Các sở, ban, ngành tự đánh giá, chấm điểm") == ["Các sở, ban, ngành"]
