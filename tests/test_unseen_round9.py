"""Held-out check, round 9: three provinces not used before, a saved web page among them.

Written, expectations first, before the extractor was run on them:

- Quảng Trị (a saved portal page, .html, read through Chromium): a tourism
  digital-transformation plan inside the portal's menu, login box, breadcrumb, a "Ngày đăng:
  12/03/2025" line, a list of other documents ("Kế hoạch số 88/KH-UBND ngày 04/3/2025 …")
  and a footer with its own licence number and date; a <style> and <script>s. The header is
  a borderless two-column <table> (issuing body | motto; Số | place, date), the title has a
  <br> in it, and the signature block is a two-column table ("Nơi nhận" | signer). Targets
  numbered "2.1." … "2.7." under "2. Chỉ tiêu cụ thể đến cuối năm 2025" (so due 31/12/2025),
  some pairs in one <p> split by <br>: "100% …", "Tối thiểu 70% … từ 3 sao trở lên", "tăng
  thêm ít nhất 30%", "trên 50 sản phẩm … 360 độ", "từ 40% đến 50%", "Mỗi huyện … 01 mô
  hình", "Giảm tối thiểu 20%". Tasks in an HTML table "STT | Nội dung nhiệm vụ | Đơn vị chủ
  trì | Đơn vị phối hợp | Thời hạn hoàn thành" with lettered group rows spanning four
  columns (colspan), owners "Sở VHTTDL", "Sở KH&CN", "Sở TT&TT", "Viễn thông Quảng Trị",
  "Viettel Quảng Trị", "Ban Quản lý Di tích tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh Quảng
  Trị"; deadlines "Quý III năm 2025", "Từ tháng 4 đến tháng 8/2025", "Quý II, Quý IV/2025",
  "Năm 2025", "Khi có đề xuất của cơ quan chủ trì" (no date). Then prose duties: an agency
  heading "1. Sở …:" with two "- " lines joined by <br> (one "Định kỳ trước ngày 05 của tháng
  cuối quý"), "… xong trước 15/9/2025", "Đề nghị Hiệp hội Du lịch tỉnh …", and a closing
  general directive (no task).
- Hòa Bình (a text-layer PDF, reportlab): an emulation plan for administrative reform.
  Targets lettered "a) … e)" under "Các chỉ tiêu thi đua trong năm 2025": "tăng ít nhất 03
  bậc", "ở mức dưới 1%", "đạt từ 85% trở lên", "trên 45%, trong đó cấp xã đạt trên 30%" (two,
  the second for cấp xã), "100% … trước ngày 30 tháng 9 năm 2025", "tối thiểu 15 thủ tục";
  campaign "bắt đầu từ ngày ký ban hành Kế hoạch, kết thúc ngày 15/12/2025" (no start date,
  as the schema's "Từ nay đến hết ngày …"), "Sơ kết … dự kiến đầu tháng 7/2025", "tổng kết
  … trong tháng 01/2026". A scoring table for the sở, ban, ngành "TT | Nội dung đánh giá |
  Thang điểm | Hướng dẫn chấm" with groups A–Đ: yes/no by a deadline, "Mỗi báo cáo … 1,5
  điểm", a ratio formula "(Số tồn tại đã khắc phục / Tổng số …) x 9", a three-step scale
  (``other``), "Điểm đạt được = Tỷ lệ … x 15", "Đạt từ 45% trở lên: 15 điểm; dưới 45%: không
  tính điểm", "Không có: 10 điểm; có …: 0 điểm", a bonus "cộng 2,5 điểm, tối đa 5", penalties
  "Trừ 0,5 điểm/hồ sơ" and "Mỗi trường hợp trừ 3 điểm, tối đa trừ 10 điểm"; a "Loại A …
  Loại D" band line. Awards: "Tặng Cờ thi đua của UBND tỉnh cho 01 sở, ban, ngành", Bằng
  khen "cho không quá 05 tập thể và 08 cá nhân", Giấy khen of the Giám đốc Sở Nội vụ for
  "không quá 10 cá nhân", prizes for UBND cấp xã "01 giải Nhất, trị giá 15 triệu đồng; …
  7,5 triệu đồng" (after "xét chọn 03 xã, phường, thị trấn", which is their total, no
  award), an award budget (no award). Duties "Sở Nội vụ … có trách nhiệm:" with "+" lines,
  "X phối hợp với Y …" (X leads), "Báo Hòa Bình, Đài …, Cổng Thông tin điện tử tỉnh".
- Đồng Tháp (UTF-8 text): a Đề án 06 plan, header in one column under "ỦY BAN NHÂN DÂN
  TỈNH ĐỒNG THÁP" with "____" rules. Targets in a markdown pipe table "Chỉ tiêu | Đơn vị
  tính | Năm 2025 | Năm 2026" with bold group rows of empty cells and cells "≥ 75", "Tối
  thiểu 85", "Dưới 2", "1.200" (a thousands dot); one target in prose "cấp căn cước cho
  100% … trước 30/6/2025". Tasks in prose: "Giao Công an tỉnh chủ trì, phối hợp với …",
  "chủ trì cùng Sở …", "làm đầu mối, phối hợp Sở …" (no "với"), "thời gian: từ tháng 6 đến
  tháng 8 hằng năm", "định kỳ 6 tháng", "UBND các huyện, thành phố có trách nhiệm …",
  "Các sở, ngành tỉnh …", "Đề nghị Ngân hàng Nhà nước chi nhánh tỉnh Đồng Tháp …",
  "Đề nghị Tỉnh đoàn …", "trước ngày 18 hằng tháng", and a closing general directive.

Sources are under ``tests/data/unseen/round9/`` (the .html and .txt are read as they are;
the ``*.src.txt`` is built into the delivered PDF as in rounds 5–6, ``&`` escaped). An
award is found by its count, rank, form and recipient.

Measured once before any fix (``cd tests && ../.venv/bin/python test_unseen_round9.py``):
45/78 items right = 0.577, 3 false alarms. Two expectations were then corrected, not the
extractor: the leads "Các sở, ban, ngành tỉnh" (Hòa Bình) and "Các sở, ngành tỉnh" (Đồng
Tháp) had been written as the generic "Các sở, ban, ngành", but the project keeps such
catch-all groups as written (test_unseen_plans.py, gold "Các sở, ngành"); with them the
before-fix figure is 47/78 = 0.603 (Quảng Trị 12/21, Hòa Bình 24/31, Đồng Tháp 11/26), 3
false alarms; 35 of the module's 99 tests failed. Misses:
- the saved page: read cleanly (portal chrome gone, header, title, signer, all 9 table
  rows right), but six of the seven targets lost the deadline of their heading "Chỉ tiêu
  cụ thể đến cuối năm 2025" (end null); "Phát hành trên 50 sản phẩm du lịch số (… 360 độ
  …)" was not read; "Định kỳ trước ngày 05 của tháng cuối quý" gave no deadline (not
  recurring); "Đề nghị Hiệp hội Du lịch tỉnh …" (an owner outside the gazetteer) no task.
- the PDF: "tăng ít nhất 03 bậc" not read; "trong đó cấp xã đạt trên 30%" lost the shared
  subject (metric "trong đó cấp xã", no level: a miss and a false alarm); the lettered
  group rows A, B, C of the scoring table gave no group (D "Điểm thưởng" and Đ "Điểm trừ"
  did); "Điểm đạt được = Tỷ lệ … x 15" and "Điểm = Chỉ số SIPAS (%) x 20" came out
  ``per_item``; "Tặng Cờ thi đua của UBND tỉnh cho 01 sở, ban, ngành" had no count,
  recipient or level (a miss and a false alarm); "xét chọn 03 xã, phường, thị trấn … để
  trao giải" became an award of 3 (a false alarm); the "Sơ kết … dự kiến đầu tháng
  7/2025" milestone was dropped. Tasks and header right.
- the text plan: the one-line issuer "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", its "____" rule and
  "Số: 112/KH-UBND" vanished in normalize (number null) and the rule under the title was
  glued onto it ("… năm 2026 __"); the markdown targets table gave none of its 12 targets
  (its header row was merged with the bold group row of empty cells); "chủ trì cùng Sở
  …" gave no support; "Giao Văn phòng UBND tỉnh làm đầu mối, phối hợp …" and "… thời gian:
  từ tháng 6 đến tháng 8 hằng năm" were not read as tasks.
After general fixes (a rule line is not a pair of bold markers and does not join a title;
"Số: …" under the issuing body; a markdown group row with one filled cell stays a row;
"đến cuối năm …", "dự kiến đầu tháng …"; a count after "trên" is a target; "Định kỳ trước
ngày 05 của tháng cuối quý"; "Hiệp hội" heads an agency; "làm đầu mối", "đồng bộ" … end an
owner phrase; "chủ trì cùng X" makes X support; a label inside a dashed item belongs to
that item; lettered group rows; "= Tỷ lệ … x 15" and "= Chỉ số … (%) x 20"; "bậc", "sở"
as count nouns; "trong đó cấp xã đạt …" shares the subject; a unit naming a level gives
the award's level; a count whose prizes are listed after a colon is no award of its own):
78/78, no false alarms.
Run as a script to print the score.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.html import chromium_path
from unseen_support import DATA, HUYEN, SBN, TT, Y25, HeldOut, build_pdf, finds_award_by_form, per_year, scratch

SRC = DATA / "round9"
CA, YT, TC, NV, GD = "Công an tỉnh", "Sở Y tế", "Sở Tài chính", "Sở Nội vụ", "Sở Giáo dục và Đào tạo"
KHDT, LDTBXH, KHCN = "Sở Kế hoạch và Đầu tư", "Sở Lao động - Thương binh và Xã hội", "Sở Khoa học và Công nghệ"
VHTTDL, BHXH, VP = "Sở Văn hóa, Thể thao và Du lịch", "Bảo hiểm xã hội tỉnh", "Văn phòng UBND tỉnh"
PVHCC, NHNN = "Trung tâm Phục vụ hành chính công tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh"
UBND_TINH, CT_TINH = "UBND tỉnh", "Chủ tịch UBND tỉnh"


def saved_page(name: str, folder: Path) -> Path:
    return SRC / f"{name}.html"


def as_is(name: str, folder: Path) -> Path:
    return SRC / f"{name}.txt"


def build_typeset(name: str, folder: Path) -> Path:
    return build_pdf(SRC / f"{name}.src.txt", folder / f"{name}.pdf", _widths, escape_markup=True,
                     top_align_layout=True)


def _widths(kind: str, columns: int) -> list | None:
    return [28, 190, 55, 210] if kind == "table" else [230, 250]


PLANS = {  # name: (builder, header fields, ingest method)
    "quang_tri_du_lich_so": (saved_page, dict(
        province="Quảng Trị", number="96/KH-UBND", issued_date="2025-03-10", doc_type="Kế hoạch",
        signer="Phan Thị Thu Hằng",
        title="Chuyển đổi số ngành du lịch tỉnh Quảng Trị năm 2025, định hướng đến năm 2026"), "html"),
    "hoa_binh_thi_dua_cai_cach": (build_typeset, dict(
        province="Hòa Bình", number="68/KH-UBND", issued_date="2025-03-03", doc_type="Kế hoạch",
        signer="Bùi Văn Thắng",
        title='Tổ chức phong trào thi đua "Cải cách hành chính, phục vụ người dân, doanh nghiệp" năm 2025'),
        "pdf-text"),
    "dong_thap_de_an_06": (as_is, dict(
        province="Đồng Tháp", number="112/KH-UBND", issued_date="2025-02-26", doc_type="Kế hoạch",
        signer="Nguyễn Phước Thiện",
        title="Triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ "
              "chuyển đổi số quốc gia trên địa bàn tỉnh Đồng Tháp năm 2025, định hướng năm 2026"), "text"),
}

EXPECTED: dict[str, dict[str, list[dict]]] = {
    "quang_tri_du_lich_so": {
        "targets": [  # all under "2. Chỉ tiêu cụ thể đến cuối năm 2025"
            dict(key="wifi miễn phí", value=100, unit="%", comparator="=", end=Y25),
            dict(key="phần mềm quản lý khách sạn", value=70, unit="%", comparator=">=", end=Y25),
            dict(key="lượt truy cập", value=30, unit="%", comparator=">=", end=Y25),
            dict(key="du lịch số", value=50, unit="sản phẩm", comparator=">", end=Y25),
            dict(key="không dùng tiền mặt", value=40, value_max=50, unit="%", comparator="range", end=Y25),
            dict(key="du lịch thông minh", value=1, unit="mô hình", comparator="=", applies_to="cấp huyện", end=Y25),
            dict(key="thẻ hướng dẫn viên", value=20, unit="%", comparator=">=", end=Y25),
        ],
        "tasks": [
            dict(key="cơ sở dữ liệu số về tài nguyên", lead=[VHTTDL], support=[TT], end="2025-09-30", recurring=False),
            dict(key="điểm phát wifi", lead=[HUYEN], support=["Viễn thông tỉnh", "Viettel tỉnh"], end="2025-06-30"),
            dict(key="tour thực tế ảo", lead=[VHTTDL], support=[KHCN, "Ban Quản lý Di tích tỉnh"], end="2025-10-31"),
            dict(key="đặt dịch vụ", lead=[VHTTDL], support=[TT], end="2025-08-31"),
            dict(key="khai báo tạm trú", lead=[CA], support=[VHTTDL, HUYEN], end=None, recurring=True),
            dict(key="thanh toán bằng mã QR", lead=[NHNN], support=["Sở Công Thương", VHTTDL], end=Y25),
            dict(key="bồi dưỡng kỹ năng số", lead=[VHTTDL], support=["Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh"],
                 end=Y25),
            dict(key="cấp đổi thẻ hướng dẫn viên", lead=[VHTTDL], support=[VP, PVHCC], end="2025-07-31"),
            dict(key="bố trí kinh phí", lead=[TC], support=[KHDT], end=None),
            dict(key="theo dõi, đôn đốc các sở", lead=[VHTTDL], end=None),
            dict(key="báo cáo UBND tỉnh và Bộ", lead=[VHTTDL], end=None, recurring=True),
            dict(key="cấp độ an toàn", lead=[TT], support=[CA], end="2025-09-15"),
            dict(key="vận động hội viên", lead=["Hiệp hội Du lịch tỉnh"], end=None),
            dict(key="chủ động triển khai", lead=[SBN, HUYEN], end="2025-11-30"),
        ],
        "scoring_criteria": [],
        "awards": [],
    },
    "hoa_binh_thi_dua_cai_cach": {
        "targets": [  # under "2. Các chỉ tiêu thi đua trong năm 2025"
            dict(key="Chỉ số cải cách hành chính", value=3, unit="bậc", comparator=">=", end=Y25),
            dict(key="quá hạn", value=1, unit="%", comparator="<", end=Y25),
            dict(key="sự phục vụ", value=85, unit="%", comparator=">=", end=Y25),
            dict(key="thanh toán trực tuyến", value=45, unit="%", comparator=">", end=Y25),
            dict(key="thanh toán trực tuyến", value=30, unit="%", comparator=">", applies_to="cấp xã", end=Y25),
            dict(key="số hóa", value=100, unit="%", comparator="=", end="2025-09-30"),
            dict(key="thủ tục nội bộ", value=15, unit="thủ tục", comparator=">=", end=Y25),
        ],
        "tasks": [
            dict(key="Hướng dẫn, theo dõi, đôn đốc", lead=[NV], end=None),
            dict(key="kết quả tự chấm điểm", lead=[NV], support=[VP], end="2025-12-31"),
            dict(key="xét khen thưởng", lead=[NV], end="2026-01-31"),
            dict(key="đo lường mức độ hài lòng", lead=[VP], support=[NV], end="2025-11-30"),
            # first written as SBN; corrected to the project's rule that a catch-all group is kept as written
            dict(key="gửi hồ sơ về Sở Nội vụ", lead=["Các sở, ban, ngành tỉnh"], end="2025-12-10"),
            dict(key="chuyên mục tuyên truyền",
                 lead=["Báo tỉnh", "Đài Phát thanh và Truyền hình tỉnh", "Cổng Thông tin điện tử tỉnh"], end=None),
        ],
        "scoring_criteria": [
            dict(key="Ban hành kế hoạch cải cách hành chính",
                 group="A. Công tác chỉ đạo, điều hành cải cách hành chính",
                 level="sở ngành", kind="base", max_points=5, method="yes_no"),
            dict(key="chế độ báo cáo định kỳ", kind="base", max_points=6, method="per_item", per_item_points=1.5),
            dict(key="Khắc phục tồn tại", kind="base", max_points=9, method="ratio_times_max"),
            dict(key="giải quyết đúng hạn", group="B. Kết quả giải quyết thủ tục hành chính", kind="base",
                 max_points=20, method="other"),
            dict(key="trực tuyến toàn trình", kind="base", max_points=15, method="ratio_times_max"),
            dict(key="thanh toán trực tuyến", kind="base", max_points=15, method="threshold", threshold=45),
            dict(key="Chỉ số SIPAS", group="C. Sự hài lòng của người dân, doanh nghiệp", kind="base", max_points=20,
                 method="ratio_times_max"),
            dict(key="nhũng nhiễu", kind="base", max_points=10, method="yes_no"),
            dict(key="sáng kiến", group="D. Điểm thưởng", kind="bonus", max_points=5, method="per_item",
                 per_item_points=2.5),
            dict(key="văn bản xin lỗi", group="Đ. Điểm trừ", kind="penalty", max_points=None, method="per_item",
                 per_item_points=0.5),
            # its points cell is empty but the rule caps it ("tối đa trừ 10 điểm"): max_points left unchecked
            dict(key="sai phạm", kind="penalty", method="per_item", per_item_points=3),
        ],
        "awards": [
            dict(key=(1, None), form="Cờ thi đua", grantor=UBND_TINH, recipient="tập thể", level="sở ngành"),
            dict(key=(5, None), form="Bằng khen", grantor=CT_TINH, recipient="tập thể", prize_vnd=None),
            dict(key=(8, None), form="Bằng khen", grantor=CT_TINH, recipient="cá nhân", prize_vnd=None),
            dict(key=(10, None), form="Giấy khen", grantor=f"Giám đốc {NV}", recipient="cá nhân"),
            dict(key=(1, "Nhất"), level="cấp xã", prize_vnd=15000000),
            dict(key=(1, "Nhì"), level="cấp xã", prize_vnd=10000000),
            dict(key=(1, "Ba"), level="cấp xã", prize_vnd=7500000),
        ],
    },
    "dong_thap_de_an_06": {
        "targets": [
            *per_year("định danh điện tử mức độ 2", (75, 90), unit="%", comparator=">="),
            *per_year("đăng nhập bằng tài khoản VNeID", (150, 250), unit="dịch vụ", comparator="="),
            *per_year("tuyển sinh đầu cấp", (100, 100), unit="%", comparator="="),
            *per_year("cơ sở lưu trú", (800, 1200), unit="cơ sở", comparator="="),
            *per_year("trợ cấp thất nghiệp", (85, 95), unit="%", comparator=">="),
            *per_year("sai lệch", (2, 1), unit="%", comparator="<"),
            dict(key="cấp căn cước", value=100, unit="%", comparator="=", end="2025-06-30"),
        ],
        "tasks": [
            dict(key="điều chỉnh thông tin công dân", lead=[CA], support=[HUYEN], end="2025-06-30", recurring=False),
            dict(key="đồng bộ dữ liệu hộ tịch điện tử", lead=["Sở Tư pháp"], support=[TT], end="2025-08-31"),
            dict(key="chi trả trợ cấp thất nghiệp", lead=[LDTBXH], support=[BHXH, "Bưu điện tỉnh"], end=None,
                 recurring=True),
            dict(key="đăng nhập một lần", lead=[VP], support=[TT, PVHCC], end="2025-05-31"),
            dict(key="tuyển sinh đầu cấp trực tuyến", lead=[GD], support=[], end="2025-08-31", recurring=True),
            dict(key="tiếp đón người bệnh", lead=[YT], support=[BHXH], end=Y25),
            dict(key="phần mềm quản lý lưu trú", lead=[VHTTDL], support=[CA], end=None, recurring=True),
            dict(key="bố trí kinh phí", lead=[TC], support=[], end=None),
            dict(key="theo dõi, hướng dẫn, kiểm tra", lead=[CA], end=None, recurring=True),
            dict(key="thu nhận hồ sơ cấp căn cước", lead=[HUYEN], end="2025-06-30"),
            dict(key="kế hoạch chi tiết", lead=["Các sở, ngành tỉnh"], end="2025-03-15"),  # (as above: kept as written)
            dict(key="xác thực sinh trắc học", lead=[NHNN], end=None, recurring=True),
            dict(key="tổ thanh niên tình nguyện", lead=["Tỉnh đoàn"], end="2025-04-30"),
        ],
        "scoring_criteria": [],
        "awards": [],
    },
}

# (start, end) of the campaign period and (name, end) of its milestones
CAMPAIGNS = {
    "hoa_binh_thi_dua_cai_cach": ((None, "2025-12-15"), [("sơ kết", "2025-07-31"), ("tổng kết", "2026-01-31")]),
}


def delivered(name: str) -> Path:
    if name == "quang_tri_du_lich_so" and chromium_path() is None:
        pytest.skip("no chromium browser installed to read the saved web page")
    return PLANS[name][0](name, scratch("round9"))


ROUND = HeldOut(EXPECTED, delivered, finds=finds_award_by_form)

globals().update(ROUND.standard_tests({n: p[1] for n, p in PLANS.items()}, methods={n: p[2] for n, p in PLANS.items()},
                                      campaigns=CAMPAIGNS))


def test_the_portal_around_the_plan_is_not_read_as_part_of_it():
    ex = ROUND.extraction("quang_tri_du_lich_so")
    texts = [t["text"] for t in ex["tasks"]] + [t["metric"] for t in ex["targets"]]
    for portal_words in ("Đăng nhập", "Lượt xem", "Giấy phép", "Văn bản mới", "88/KH-UBND", "Cơ quan chủ quản"):
        assert [t for t in texts if portal_words.lower() in t.lower()] == []


def test_the_text_plan_is_read_as_utf8():
    assert ROUND.extraction("dong_thap_de_an_06")["document"]["ingest"]["encoding"] == "utf-8"


def test_point_bands_and_the_award_budget_are_neither_targets_nor_awards():
    ex = ROUND.extraction("hoa_binh_thi_dua_cai_cach")
    assert [t["metric"] for t in ex["targets"] if t["unit"] in ("điểm", "points", "VND")] == []
    assert [a["evidence"]["text"] for a in ex["awards"] if "kinh phí" in a["evidence"]["text"].lower()] == []


if __name__ == "__main__":
    ROUND.print_score(width=28)
