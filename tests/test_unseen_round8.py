"""Held-out check, round 8: three provinces not used before, worded otherwise, in three layouts.

Written, expectations first, before the extractor was run on them:

- Ninh Bình (UTF-8 text, as copied out of a two-column PDF): a Đề án 06 plan whose header
  and signature block keep both columns on each line ("Nơi nhận:      KT. CHỦ TỊCH", a
  recipient line that ends in "(Đã ký)" or in the signer's name), the title wrapped over
  two indented lines. Targets in prose: "phấn đấu … cho từ 70% đến 80% dân số" (a range),
  "Bảo đảm 100% …", two in one sentence ("không dưới 60% … cấp tỉnh và không dưới 40% …
  cấp huyện"), "Ít nhất 90%", "không dưới 95% …, chậm nhất ngày 30/6/2025", "không ít hơn
  02 xã, phường" (unit "xã, phường"), "không vượt quá 3%" (``<=``); "25 thủ tục hành chính
  thiết yếu" inside a task is a scope, no target. Tasks numbered with the lead in the
  sentence ("1. Công an tỉnh chủ trì, phối hợp với … tổ chức …") and a "- Thời gian hoàn
  thành: Quý II/2025" line under each; tasks under agency headings ("1. Sở Lao động -
  Thương binh và Xã hội" with "a) Phối hợp với …", "2. Sở Y tế" with a bare paragraph);
  "trước ngày 22 hằng tháng", "Đề nghị Ủy ban Mặt trận Tổ quốc …" (an owner, so a task),
  and a closing "Trong quá trình thực hiện, … các cơ quan, đơn vị kịp thời phản ánh …"
  (a general directive, no task).
- Tây Ninh (Word .docx): an emulation plan on public-investment disbursement. Targets
  "đạt trên 95% …, tính đến hết ngày 31/01/2026", "giảm từ 0,3% đến 0,5%" (a range of
  decimals), "ít nhất 25 công trình"; a scoring table "STT | Tiêu chí chấm điểm | Điểm tối
  đa | Cách tính điểm" for UBND cấp huyện with groups I–IV ("Điểm cộng", "Điểm trừ"):
  yes/no by a deadline, "Mỗi đợt kiểm tra được 03 điểm, tối đa 15 điểm", "Điểm = Tỷ lệ giải
  ngân x 35", "từ 90% … trở lên: 25 điểm; dưới 90%: 0 điểm", a three-step scale (``other``),
  "Trừ 02 điểm/lần", "Mỗi dự án trừ 05 điểm"; a "Xếp loại" line of point bands. Awards: a
  Cờ thi đua of the UBND tỉnh for "01 đơn vị cấp huyện", ranked prizes "Giải Nhì (02 giải):
  20.000.000 đồng/giải", Bằng khen "không quá 06 tập thể …, mức tiền thưởng 4.680.000
  đồng/tập thể; không quá 10 cá nhân …, mỗi cá nhân được thưởng 2.340.000 đồng", Giấy khen
  of the Giám đốc Sở Kế hoạch và Đầu tư, and an award budget (no award). Campaign period
  "Từ ngày 01/02/2025 đến ngày 31/01/2026", "Sơ kết 6 tháng trong tháng 7/2025", "tổng kết,
  trao thưởng trong quý I/2026". Owners "Báo Tây Ninh, Đài Phát thanh và Truyền hình Tây
  Ninh" (→ the generic "Báo tỉnh", "Đài … tỉnh").
- An Giang (UTF-8 text): a chuyển đổi số plan for agriculture whose tasks are a table pasted
  from Word (cells separated by tabs) headed "TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối
  hợp | Tiến độ | Sản phẩm", group rows "I  Chuyển đổi số trong …" with no further cells;
  deadlines "Quý III/2025", "Trước 30/9/2025", "Hằng quý", "Năm 2025-2026", "6 tháng cuối
  năm 2025", "Quý IV/2026", "Tháng 11/2025", "Thường xuyên", "Hằng năm", "Trước ngày 10/12
  hằng năm"; owners "Viễn thông An Giang", "Viettel An Giang", "Chi cục Trồng trọt và Bảo
  vệ thực vật", "Trung tâm Khuyến nông tỉnh". Targets lettered "a) … đ) … e)": "Đến ngày
  31/12/2025, 100% …", "Có ít nhất 30%", "Tối thiểu 150 sản phẩm", "Từ 60% đến 70%",
  "Đến năm 2026, 100% …", "Không dưới 80%".

Sources are under ``tests/data/unseen/round8/`` (the ``*.src.txt`` is built into the
delivered .docx as in round 5; the ``*.txt`` are read as they are). An award is found by
its count, rank, form and recipient.

Measured once before any fix (``cd tests && ../.venv/bin/python test_unseen_round8.py``):
55/64 items right = 0.859 (Ninh Bình 21/23, Tây Ninh 17/23, An Giang 17/18), 2 false
alarms; 13 of the module's 84 tests failed. Misses: the second target of "không dưới 60%
… cấp tỉnh và không dưới 40% … cấp huyện" lost the shared subject (metric "thủ tục thuộc
thẩm quyền cấp huyện": a miss and a false alarm); "không ít hơn 02 xã, phường" and
"Tối thiểu 150 sản phẩm OCOP, …" were not read as targets; the Ninh Bình signer was null
(the signing column shares its lines with "Nơi nhận") and its wrapped, indented title kept
a double space; in the Word scoring table the deadline yes/no row and "từ 90% kế hoạch vốn
trở lên: 25 điểm; dưới 90%: 0 điểm" came out ``other`` (no threshold), and the three-step
"giảm tỷ lệ hộ nghèo" row was dropped; the ranked prizes "Giải Nhất (01 giải): 30.000.000
đồng/giải" were not read at all; the band "Hoàn thành từ 50 điểm đến dưới 75 điểm" of the
"Xếp loại" line was read as a target (50 điểm). All 30 tasks, the campaign and the other
headers were right. After general fixes -- a "closing" normalize stage that splits a
two-column closing block at its column gaps (normalize/closing.py), indented title lines
joined without a double space, a second number sharing the first one's subject
(extract/target_metrics.py), "không ít hơn" and more count nouns (sản phẩm, dự án …), a
"Kết quả …" criterion no longer taken for a filler cell, "không chấm điểm" as a zero
outcome, a rate followed by what it is a share of ("từ 90% kế hoạch vốn trở lên"),
"Trừ 02 điểm/lần" as a method cell, "Giải Nhất (01 giải)" as a ranked quota, a lead-in
heading "… đối với UBND các huyện:" giving its level, "điểm đến dưới" not a place:
64/64, no false alarms.
Run as a script to print the score.
"""

from __future__ import annotations

from pathlib import Path

from unseen_support import DATA, HUYEN, SBN, TT, HeldOut, build_docx, finds_award_by_form, scratch

SRC = DATA / "round8"
CA, YT, TC, NV = "Công an tỉnh", "Sở Y tế", "Sở Tài chính", "Sở Nội vụ"
KHDT, LDTBXH = "Sở Kế hoạch và Đầu tư", "Sở Lao động - Thương binh và Xã hội"
NN, KHCN, BHXH = "Sở Nông nghiệp và Phát triển nông thôn", "Sở Khoa học và Công nghệ", "Bảo hiểm xã hội tỉnh"
UBND_TINH, CT_TINH = "UBND tỉnh", "Chủ tịch UBND tỉnh"


def build_word(name: str, folder: Path) -> Path:
    return build_docx(SRC / f"{name}.src.txt", folder / f"{name}.docx")


def as_is(name: str, folder: Path) -> Path:
    return SRC / f"{name}.txt"


PLANS = {  # name: (builder, header fields, ingest method)
    "ninh_binh_de_an_06": (as_is, dict(
        province="Ninh Bình", number="27/KH-UBND", issued_date="2025-02-14", doc_type="Kế hoạch",
        signer="Đinh Công Thành",
        title="Thực hiện Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ "
              "chuyển đổi số quốc gia (Đề án 06) trên địa bàn tỉnh Ninh Bình năm 2025"), "text"),
    "tay_ninh_thi_dua_giai_ngan": (build_word, dict(
        province="Tây Ninh", number="245/KH-UBND", issued_date="2025-01-22", doc_type="Kế hoạch",
        signer="Nguyễn Hoàng Phúc"), "docx"),
    "an_giang_nong_nghiep_so": (as_is, dict(
        province="An Giang", number="318/KH-UBND", issued_date="2025-02-18", doc_type="Kế hoạch",
        signer="Nguyễn Thị Minh Thúy"), "text"),
}

EXPECTED: dict[str, dict[str, list[dict]]] = {
    "ninh_binh_de_an_06": {
        "targets": [
            dict(key="định danh điện tử mức độ 2", value=70, value_max=80, unit="%", comparator="range",
                 end="2025-12-31"),
            dict(key="thông tin công dân", value=100, unit="%", comparator="="),
            dict(key="giải quyết trực tuyến", value=60, unit="%", comparator=">=", metric_lacks="không dưới"),
            dict(key="giải quyết trực tuyến", value=40, unit="%", comparator=">=", metric_lacks="không dưới"),
            dict(key="cơ sở khám bệnh, chữa bệnh", value=90, unit="%", comparator=">="),
            dict(key="sổ hộ tịch", value=95, unit="%", comparator=">=", end="2025-06-30", metric_lacks="chậm nhất"),
            dict(key="trợ cấp xã hội", value=100, unit="%", comparator="=", end="2025-09-30"),
            dict(key="mô hình điểm", value=2, unit="xã, phường", comparator=">=", applies_to="cấp huyện"),
            dict(key="sai lệch thông tin công dân", value=3, unit="%", comparator="<="),
        ],
        "tasks": [
            dict(key="làm sạch dữ liệu dân cư", lead=[CA], support=[HUYEN], end="2025-06-30", recurring=False),
            dict(key="số hóa sổ hộ tịch", lead=["Sở Tư pháp"], support=[CA, TT], end="2025-06-30"),
            dict(key="tích hợp xác thực", lead=["Văn phòng UBND tỉnh"], support=[TT], end="2025-09-30"),
            dict(key="tra cứu thông tin thẻ bảo hiểm y tế", lead=[BHXH], support=[YT], end=None, recurring=True),
            dict(key="đánh giá an toàn thông tin", lead=[TT], support=[CA], end="2025-12-31"),
            dict(key="chuyển đổi hình thức chi trả", lead=[LDTBXH],
                 support=["Bưu điện tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh"], end="2025-09-30"),
            dict(key="đối tượng bảo trợ xã hội", lead=[LDTBXH], end=None, recurring=True),
            dict(key="giấy chứng sinh", lead=[YT], support=[BHXH], end="2025-05-31"),
            dict(key="hồ sơ cấp căn cước", lead=[HUYEN], end="2025-10-31"),
            dict(key="hướng dẫn người dân nộp hồ sơ trực tuyến", lead=[HUYEN], end=None, recurring=True),
            dict(key="theo dõi, đôn đốc, kiểm tra", lead=[CA], end=None, recurring=True),
            dict(key="bố trí kinh phí", lead=[TC], support=[], end=None),
            dict(key="xây dựng kế hoạch thực hiện", lead=[SBN, HUYEN], end="2025-03-10", recurring=False),
            dict(key="tuyên truyền, vận động đoàn viên",
                 lead=["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Các tổ chức chính trị - xã hội tỉnh"], end=None),
        ],
        "scoring_criteria": [],
        "awards": [],
    },
    "tay_ninh_thi_dua_giai_ngan": {
        "targets": [
            dict(key="giải ngân vốn đầu tư công", value=95, unit="%", comparator=">", end="2026-01-31"),
            dict(key="hộ nghèo", value=0.3, value_max=0.5, unit="%", comparator="range"),
            dict(key="công trình hạ tầng thiết yếu", value=25, unit="công trình", comparator=">="),
        ],
        "tasks": [
            dict(key="thẩm định hồ sơ", lead=[NV], support=[], end="2026-02-28"),
            dict(key="chấm điểm kết quả giải ngân", lead=[KHDT], support=[TC, "Kho bạc Nhà nước tỉnh"],
                 end="2026-02-15"),
            dict(key="phát động phong trào thi đua tại địa phương", lead=[HUYEN], end=None, recurring=True),
            dict(key="chuyên mục tuyên truyền", lead=["Báo tỉnh", "Đài Phát thanh và Truyền hình tỉnh"], end=None),
        ],
        "scoring_criteria": [
            dict(key="Ban hành kế hoạch phát động", group="I. Công tác lãnh đạo, chỉ đạo, điều hành",
                 level="cấp huyện", kind="base", max_points=10, method="yes_no"),
            dict(key="kiểm tra hiện trường", kind="base", max_points=15, method="per_item", per_item_points=3),
            dict(key="vốn đầu tư công", group="II. Kết quả thực hiện", kind="base", max_points=35,
                 method="ratio_times_max"),
            dict(key="chương trình mục tiêu quốc gia", kind="base", max_points=25, method="threshold", threshold=90),
            dict(key="giảm tỷ lệ hộ nghèo", kind="base", max_points=15, method="other"),
            dict(key="vượt tiến độ", group="III. Điểm cộng", kind="bonus", max_points=10, method="per_item",
                 per_item_points=5),
            dict(key="Chậm gửi báo cáo", group="IV. Điểm trừ", kind="penalty", max_points=None, method="per_item",
                 per_item_points=2),
            dict(key="điều chuyển vốn", kind="penalty", max_points=None, method="per_item", per_item_points=5),
        ],
        "awards": [
            dict(key=(1, None), form="Cờ thi đua", grantor=UBND_TINH, recipient="tập thể", level="cấp huyện"),
            dict(key=(1, "Nhất"), level="cấp huyện", prize_vnd=30000000),
            dict(key=(2, "Nhì"), level="cấp huyện", prize_vnd=20000000),
            dict(key=(3, "Ba"), level="cấp huyện", prize_vnd=10000000),
            dict(key=(6, None), form="Bằng khen", grantor=CT_TINH, recipient="tập thể", prize_vnd=4680000),
            dict(key=(10, None), form="Bằng khen", grantor=CT_TINH, recipient="cá nhân", prize_vnd=2340000),
            dict(key=(7, None), form="Giấy khen", grantor=f"Giám đốc {KHDT}", recipient="tập thể", prize_vnd=None),
            dict(key=(9, None), form="Giấy khen", grantor=f"Giám đốc {KHDT}", recipient="cá nhân", prize_vnd=None),
        ],
    },
    "an_giang_nong_nghiep_so": {
        "targets": [
            dict(key="dịch vụ công trực tuyến toàn trình", value=100, unit="%", comparator="=", end="2025-12-31"),
            dict(key="hợp tác xã", value=30, unit="%", comparator=">="),
            dict(key="sàn thương mại điện tử", value=150, unit="sản phẩm", comparator=">="),
            dict(key="mã số vùng trồng", value=60, value_max=70, unit="%", comparator="range"),
            dict(key="bản đồ số", value=100, unit="%", comparator="=", end="2026-12-31"),
            dict(key="kỹ năng số", value=80, unit="%", comparator=">=", metric_lacks="không dưới"),
        ],
        "tasks": [
            dict(key="cơ sở dữ liệu chuyên ngành nông nghiệp", lead=[NN], support=[TT], end="2025-09-30",
                 recurring=False),
            dict(key="tái cấu trúc quy trình", lead=[NN], support=["Văn phòng UBND tỉnh"], end="2025-09-30"),
            dict(key="cơ sở đóng gói", lead=["Chi cục Trồng trọt và Bảo vệ thực vật"], support=[HUYEN], end=None,
                 recurring=True),
            dict(key="sản phẩm OCOP", lead=["Sở Công Thương"], support=[NN, "Liên minh Hợp tác xã tỉnh"],
                 end="2026-12-31"),
            dict(key="truy xuất nguồn gốc", lead=[KHCN], support=[NN], end="2025-12-31"),
            dict(key="thiết bị bay không người lái", lead=[HUYEN], support=[NN, KHCN], end="2026-12-31"),
            dict(key="Phủ sóng di động", lead=["Viễn thông tỉnh"], support=["Viettel tỉnh", TT], end="2025-11-30"),
            dict(key="Bồi dưỡng kỹ năng số", lead=["Trung tâm Khuyến nông tỉnh"], support=["Hội Nông dân tỉnh"],
                 end=None, recurring=True),
            dict(key="Bố trí kinh phí", lead=[TC], support=[KHDT], end=None, recurring=True),
            dict(key="Tổng hợp, báo cáo kết quả", lead=[NN], support=[SBN, HUYEN], end="2025-12-10",
                 recurring=True),
            dict(key="hướng dẫn, theo dõi, kiểm tra", lead=[NN], end=None),
            dict(key="an toàn thông tin theo cấp độ", lead=[TT], end="2025-10-31"),
        ],
        "scoring_criteria": [],
        "awards": [],
    },
}

# (start, end) of the campaign period and (name, end) of its milestones
CAMPAIGNS = {
    "tay_ninh_thi_dua_giai_ngan": (("2025-02-01", "2026-01-31"),
                                   [("sơ kết", "2025-07-31"), ("tổng kết", "2026-03-31")]),
}


def delivered(name: str) -> Path:
    return PLANS[name][0](name, scratch("round8"))


ROUND = HeldOut(EXPECTED, delivered, finds=finds_award_by_form)  # the Cờ thi đua is found by its form too

globals().update(ROUND.standard_tests({n: p[1] for n, p in PLANS.items()}, methods={n: p[2] for n, p in PLANS.items()},
                                      campaigns=CAMPAIGNS))


def test_text_plans_are_read_as_utf8():
    for name in ("ninh_binh_de_an_06", "an_giang_nong_nghiep_so"):
        assert ROUND.extraction(name)["document"]["ingest"]["encoding"] == "utf-8"


def test_point_bands_and_the_award_budget_are_neither_targets_nor_awards():
    ex = ROUND.extraction("tay_ninh_thi_dua_giai_ngan")
    assert [t["metric"] for t in ex["targets"] if t["unit"] in ("điểm", "points", "VND")] == []
    assert [a["evidence"]["text"] for a in ex["awards"] if "kinh phí" in a["evidence"]["text"].lower()] == []


if __name__ == "__main__":
    ROUND.print_score(width=28)
