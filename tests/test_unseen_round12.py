"""Held-out check, round 12: an emulation plan whose scoring cells wrap over several lines, a text plan with a two-row table header.

Written, expectations first, before the extractor was run on them:

- Bắc Giang (a text-layer PDF, reportlab): an EMULATION plan on sorting household waste at
  source, "Số: 45/KH-UBND" in a borderless header table, signed "KT. CHỦ TỊCH / PHÓ CHỦ
  TỊCH". Targets numbered "1." … "5." under "II. CÁC CHỈ TIÊU PHẤN ĐẤU TRONG NĂM 2025"
  (so due 31/12/2025): two in one line ("Tối thiểu 70% hộ gia đình ở khu vực đô thị và 50%
  hộ gia đình ở khu vực nông thôn …", the "tối thiểu" shared), "đạt trên 95%", "Mỗi xã,
  phường, thị trấn có ít nhất 02 khu dân cư …" (cấp xã), "100% cơ quan hành chính …", and
  one without a figure ("Xóa bỏ các điểm tập kết rác tự phát …", no target). Campaign
  "từ ngày 01/4/2025 đến hết ngày 30/11/2025", "Sơ kết giữa đợt … trong tháng 7/2025",
  "tổng kết, trao thưởng trước ngày 25/12/2025". A scoring table for the districts "STT |
  Tiêu chí đánh giá | Điểm tối đa | Cách chấm điểm" whose long criteria and rules WRAP over
  several lines inside their cells (one rule also broken by explicit line breaks), Roman
  group rows I–V with empty rule cells (IV "Điểm thưởng", V "Điểm trừ" with no points),
  and a closing "Tổng cộng | 100" row (no criterion). Rules: yes/no by a deadline, "Mỗi
  tin, bài … được tính 0,5 điểm; tổng điểm … không vượt quá 12 điểm", a ratio "(Số hộ …
  / Tổng số hộ …) x 25", a three-step scale on three lines (``other``), "Mỗi khu dân cư
  … tính 3 điểm, tối đa 15 điểm", "Không để xảy ra: 10 điểm; …: 0 điểm", "Đạt từ 80% trở
  lên: 10 điểm; dưới 80%: không tính điểm", a bonus "được cộng 5 điểm; … không quá 10
  điểm", penalties "Mỗi báo cáo chậm hạn trừ 1 điểm" and "Trừ 5 điểm/quyết định xử phạt;
  tối đa trừ 15 điểm". Awards: "Cờ thi đua của UBND tỉnh: trao tặng 01 huyện, thành phố
  …"; Bằng khen of the Chủ tịch UBND tỉnh with quotas per level in two dashed lines
  ("Đối với cấp huyện: không quá 03 tập thể và 04 cá nhân;" / "Đối với cấp xã: không quá
  06 tập thể và 09 cá nhân.") and the money in the NEXT sentence ("tập thể được thưởng
  4.680.000 đồng/tập thể, cá nhân được thưởng 2.340.000 đồng/người"); ranked prizes for
  cấp xã in one sentence ("01 giải Nhất trị giá 20.000.000 đồng, 02 giải Nhì mỗi giải
  12.000.000 đồng và 03 giải Ba mỗi giải 8.000.000 đồng"); an award budget (no award).
  Duties: an agency heading with a parenthesis ("1. Sở Tài nguyên và Môi trường (cơ quan
  thường trực phong trào):") over two "- " lines (the second "Phối hợp với Sở Nội vụ …":
  the heading's agency leads), "Sở Nội vụ … trước ngày 20/12/2025", Sở Tài chính on the
  award fund, "UBND các huyện, thành phố … định kỳ hằng quý …", "Đề nghị Hội Liên hiệp
  Phụ nữ tỉnh, Tỉnh đoàn …", "Báo Bắc Giang, Đài Phát thanh và Truyền hình tỉnh …", and a
  closing general directive (no task).
- Điện Biên (UTF-8 text): a digital-transformation plan issued in July 2025, after the
  district level was abolished (communes are "UBND các xã, phường" → "UBND cấp xã", the
  digital lead is Sở Khoa học và Công nghệ, agriculture is "Sở Nông nghiệp và Môi
  trường"). The header is stacked in one column with blank lines between its parts.
  Targets in a pipe table whose header is split over TWO rows ("STT | Chỉ tiêu | Đơn vị |
  Kế hoạch | " over " | | | Năm 2025 | Năm 2026"; the markdown rule under the second):
  "≥ 40"/"≥ 55", "45"/"70" trạm, "Trên 65"/"Trên 75", "120"/"160" sản phẩm, "25.000"/
  "40.000" tài khoản (thousands dots), "100"/"100". Tasks in a numbered list, each "X chủ
  trì, phối hợp với Y, Z …" or "X phối hợp với Y …" (X leads) and a closing "Thời hạn:
  …" sentence: "Trước 15/8/2025", "Quý IV năm 2025", "Hằng năm", "Năm 2025 - 2026",
  "Tháng 9/2025", "Quý IV hằng năm", "Trước 31/10/2025", "Thường xuyên"; "Viettel Điện
  Biên", "VNPT Điện Biên" (→ "Viettel tỉnh", "Viễn thông tỉnh"). A budget in "tỷ đồng"
  (no target), two duties under "V. TỔ CHỨC THỰC HIỆN" ("… trước ngày 15/12 hằng năm";
  "Các sở, ban, ngành tỉnh, UBND các xã, phường … hoàn thành trong tháng 8/2025"), a
  closing directive (no task) and the signature "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", two empty
  lines, the name, with no "TM." line above it.

Sources are under ``tests/data/unseen/round12/``: the ``.txt`` is read as it is; the PDF is
built from its ``*.src.txt`` as in round 9 (``&`` escaped, cells top-aligned, the rule
column wide enough that most rules wrap over two to four lines). An award is found by its
count, rank, form and recipient.

Measured once before any fix (``cd tests && ../.venv/bin/python test_unseen_round12.py``):
28/52 items right = 0.538 (Bắc Giang 18/30, Điện Biên 10/22), 5 false alarms; 27 of the
module's 69 tests failed. No expectation was changed after the run. Misses:
- the PDF: its table was read whole (every wrapped cell joined back into one row, "Tổng
  cộng" no criterion), but the scoring rules were misread in five rows: "Ban hành trước
  ngày 15/4/2025 và 100% …: 8 điểm; … 0 điểm" came out ``other`` (not yes_no); "Mỗi tin,
  bài … được tính 0,5 điểm; tổng điểm … không vượt quá 12 điểm" and "Mỗi khu dân cư được
  công nhận tính 3 điểm, tối đa 15 điểm" came out ``other`` without per-item points (and an
  empty formula_text); the three-step scale "Đạt từ 95% trở lên: 20 điểm; từ 85% …: 10
  điểm; dưới 85%: 0 điểm" came out ``threshold`` 95; "Không để xảy ra: 10 điểm; để xảy
  ra từ 01 vụ việc trở lên …: 0 điểm" came out ``per_item``. Groups, kinds, points, the
  ratio, the 80% threshold, the bonus and both penalties right. The first scoring row was
  also read as two targets ("… chỉ đạo 100% xã, phường …" and "Ban hànhvà xã, phường, thị
  trấn đã ban hành kế hoạch: 8 điểm", two false alarms). Targets: "… 70% hộ gia đình ở
  khu vực đô thị và 50% …" split right but the second lost the shared "Tối thiểu"
  (comparator "=", not ">="); "Mỗi xã, phường, thị trấn có ít nhất 02 khu dân cư …" not
  read. Campaign: no period ("Thời gian thi đua tính từ ngày 01/4/2025 đến hết ngày
  30/11/2025" not understood) and the tổng kết milestone ("tổng kết, trao thưởng trước
  ngày 25/12/2025") dropped; the sơ kết right. Awards: the Cờ, the four Bằng khen quotas
  per level and the three ranked prizes right, but the money in the next sentence ("Kèm
  theo Bằng khen, tập thể được thưởng 4.680.000 đồng/tập thể, cá nhân … 2.340.000
  đồng/người") was not given to the four quotas (prize_vnd null) and became two awards of
  its own without count or grantor, and the list heading "2. Bằng khen của Chủ tịch UBND
  tỉnh:" a third (three false alarms). Tasks: "Sở Tài chính cân đối, bố trí …" kept the
  verb in the lead ("Sở Tài chính cân đối"); the other six right (the heading with a
  parenthesis, "Phối hợp với Sở Nội vụ" under it, "Đề nghị X, Y …", the press).
  (Not checked, but wrong: the last penalty row, whose points cell is empty, got
  max_points 100, the figure of the "Tổng cộng" row after it.)
- the text plan: none of the 12 targets read: the table whose header is split over two
  rows ("STT | Chỉ tiêu | Đơn vị | Kế hoạch" over " | | | Năm 2025 | Năm 2026") reaches
  normalize intact but gives no target. Header (stacked in one column, signer under "KT.
  CHỦ TỊCH / PHÓ CHỦ TỊCH" with no "TM." line), all 10 tasks, their owners ("UBND các xã,
  phường", "Viettel/VNPT Điện Biên", "Sở Nông nghiệp và Môi trường") and deadlines ("Hằng
  năm", "Quý IV hằng năm", "Năm 2025 - 2026", "trước ngày 15/12 hằng năm") right.
After general fixes (a by-year header split over two rows; a two-outcome scale with a rate
in its condition is yes/no, a scale of three steps or more is "other"; "Mỗi … được tính N
điểm"; ": N điểm;" outcomes are no targets; coordinated numbers share their comparator;
"khu dân cư"; "cân đối"; "Thời gian thi đua tính từ …"; "trao thưởng trước …"; money stated
in the sentence after its quotas pays them (extract/award_money.py); a line ending in ":"
introduces quotas and is no award): 52/52. Left open as a strict xfail in ``ROUND.known``:
one scoring criterion cell read as a target (a false alarm).
Run as a script to print the score.
"""

from __future__ import annotations

from pathlib import Path

from unseen_support import DATA, HUYEN, Y25, HeldOut, build_pdf, finds_award_by_form, per_year, scratch

SRC = DATA / "round12"
TNMT, NV, TC, CA, GD = ("Sở Tài nguyên và Môi trường", "Sở Nội vụ", "Sở Tài chính", "Công an tỉnh",
                        "Sở Giáo dục và Đào tạo")
KHCN, XA, VP = "Sở Khoa học và Công nghệ", "UBND cấp xã", "Văn phòng UBND tỉnh"
PVHCC = "Trung tâm Phục vụ hành chính công tỉnh"
UBND_TINH, CT_TINH = "UBND tỉnh", "Chủ tịch UBND tỉnh"


def build_typeset(name: str, folder: Path) -> Path:
    return build_pdf(SRC / f"{name}.src.txt", folder / f"{name}.pdf", _widths, escape_markup=True,
                     top_align_layout=True)


def _widths(kind: str, columns: int) -> list | None:
    return [30, 200, 50, 205] if kind == "table" else [230, 250]


def as_is(name: str, folder: Path) -> Path:
    return SRC / f"{name}.txt"


PLANS = {  # name: (builder, header fields, ingest method)
    "bac_giang_thi_dua_phan_loai_rac": (build_typeset, dict(
        province="Bắc Giang", issuer="UBND tỉnh Bắc Giang", number="45/KH-UBND", issued_date="2025-03-12",
        doc_type="Kế hoạch", signer="Nguyễn Đức Khiêm",
        title='Phát động phong trào thi đua "Bắc Giang xanh - sạch - đẹp, chung tay phân loại rác tại nguồn" '
              'năm 2025'), "pdf-text"),
    "dien_bien_chuyen_doi_so": (as_is, dict(
        province="Điện Biên", issuer="UBND tỉnh Điện Biên", number="214/KH-UBND", issued_date="2025-07-22",
        doc_type="Kế hoạch", signer="Lò Văn Cương",
        title="Thúc đẩy chuyển đổi số tỉnh Điện Biên giai đoạn 2025 - 2026"), "text"),
}

EXPECTED: dict[str, dict[str, list[dict]]] = {
    "bac_giang_thi_dua_phan_loai_rac": {
        "targets": [  # under "II. CÁC CHỈ TIÊU PHẤN ĐẤU TRONG NĂM 2025"
            dict(key="phân loại chất thải rắn sinh hoạt", value=70, unit="%", comparator=">=", end=Y25),
            dict(key="phân loại chất thải rắn sinh hoạt", value=50, unit="%", comparator=">=", end=Y25),
            dict(key="được thu gom, xử lý", value=95, unit="%", comparator=">", end=Y25),
            dict(key="không rác thải nhựa", value=2, unit="khu dân cư", comparator=">=", applies_to="cấp xã",
                 end=Y25),
            dict(key="túi ni lông", value=100, unit="%", comparator="=", end=Y25),
        ],
        "tasks": [
            # "1. Sở Tài nguyên và Môi trường (cơ quan thường trực phong trào):"
            dict(key="khảo sát trực tuyến", lead=[TNMT], support=[], end="2025-10-31", recurring=False),
            dict(key="thẩm định kết quả tự chấm điểm", lead=[TNMT], support=[NV], end="2025-12-10"),
            dict(key="quyết định khen thưởng", lead=[NV], support=[], end="2025-12-20"),
            dict(key="kinh phí khen thưởng", lead=[TC], end=None),
            dict(key="phát động phong trào thi đua tại địa phương", lead=[HUYEN], end=None, recurring=True),
            dict(key="vận động hội viên", lead=["Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn"], end=None),
            dict(key="cách làm hay", lead=["Báo tỉnh", "Đài Phát thanh và Truyền hình tỉnh"], end=None),
        ],
        "scoring_criteria": [
            dict(key="Ban hành kế hoạch triển khai phong trào",
                 group="I. Công tác lãnh đạo, chỉ đạo, tuyên truyền", level="cấp huyện", kind="base",
                 max_points=8, method="yes_no"),
            dict(key="truyền thanh cơ sở", kind="base", max_points=12, method="per_item", per_item_points=0.5),
            dict(key="hộ gia đình trên địa bàn thực hiện phân loại", group="II. Kết quả thực hiện các chỉ tiêu",
                 kind="base", max_points=25, method="ratio_times_max"),
            dict(key="được thu gom, xử lý", kind="base", max_points=20, method="other"),
            dict(key="Khu dân cư không rác thải nhựa", kind="base", max_points=15, method="per_item",
                 per_item_points=3),
            dict(key="điểm nóng về ô nhiễm", group="III. An toàn môi trường và sự hài lòng của người dân",
                 kind="base", max_points=10, method="yes_no"),
            dict(key="hài lòng với chất lượng dịch vụ thu gom", kind="base", max_points=10, method="threshold",
                 threshold=80),
            dict(key="sáng kiến", group="IV. Điểm thưởng", kind="bonus", max_points=10, method="per_item",
                 per_item_points=5),
            dict(key="Chậm gửi báo cáo", group="V. Điểm trừ", kind="penalty", max_points=None, method="per_item",
                 per_item_points=1),
            # its points cell is empty but the rule caps it ("tối đa trừ 15 điểm"): max_points left unchecked
            dict(key="xử phạt vi phạm hành chính", kind="penalty", method="per_item", per_item_points=5),
        ],
        "awards": [
            dict(key=(1, None), form="Cờ thi đua", grantor=UBND_TINH, recipient="tập thể", level="cấp huyện"),
            dict(key=(3, None), form="Bằng khen", grantor=CT_TINH, recipient="tập thể", level="cấp huyện",
                 prize_vnd=4680000),
            dict(key=(4, None), form="Bằng khen", grantor=CT_TINH, recipient="cá nhân", level="cấp huyện",
                 prize_vnd=2340000),
            dict(key=(6, None), form="Bằng khen", grantor=CT_TINH, recipient="tập thể", level="cấp xã",
                 prize_vnd=4680000),
            dict(key=(9, None), form="Bằng khen", grantor=CT_TINH, recipient="cá nhân", level="cấp xã",
                 prize_vnd=2340000),
            dict(key=(1, "Nhất"), level="cấp xã", prize_vnd=20000000),
            dict(key=(2, "Nhì"), level="cấp xã", prize_vnd=12000000),
            dict(key=(3, "Ba"), level="cấp xã", prize_vnd=8000000),
        ],
    },
    "dien_bien_chuyen_doi_so": {
        "targets": [  # the table, columns "Kế hoạch / Năm 2025 | Năm 2026"
            *per_year("trực tuyến toàn trình", (40, 55), unit="%", comparator=">="),
            *per_year("trạm phát sóng di động 4G", (45, 70), unit="trạm", comparator="="),
            *per_year("cáp quang", (65, 75), unit="%", comparator=">"),
            *per_year("sàn thương mại điện tử", (120, 160), unit="sản phẩm", comparator="="),
            *per_year("tài khoản thanh toán điện tử", (25000, 40000), unit="tài khoản", comparator="="),
            *per_year("học bạ số", (100, 100), unit="%", comparator="="),
        ],
        "tasks": [
            dict(key="tái cấu trúc quy trình", lead=[KHCN], support=[VP, PVHCC], end="2025-08-15", recurring=False),
            dict(key="lắp đặt trạm phát sóng", lead=[KHCN], support=["Viettel tỉnh", "Viễn thông tỉnh"], end=Y25,
                 recurring=False),
            dict(key="dự toán ngân sách địa phương", lead=[TC], support=[KHCN], end=None, recurring=True),
            dict(key="chủ thể OCOP", lead=["Sở Công Thương"], support=["Sở Nông nghiệp và Môi trường", XA],
                 end="2026-12-31"),
            dict(key="học bạ số", lead=[GD], support=["Viettel tỉnh"], end="2025-09-30", recurring=False),
            dict(key="an toàn thông tin", lead=[CA], support=[KHCN], end=Y25, recurring=True),
            dict(key="xếp loại thi đua", lead=[NV], support=[KHCN], end="2025-10-31", recurring=False),
            dict(key="Tổ công nghệ số cộng đồng", lead=[XA], support=["Tỉnh đoàn"], end=None, recurring=True),
            # "V. TỔ CHỨC THỰC HIỆN"
            dict(key="theo dõi, đôn đốc", lead=[KHCN], support=[], end="2025-12-15", recurring=True),
            dict(key="kế hoạch chi tiết", lead=["Các sở, ban, ngành tỉnh", XA], end="2025-08-31"),  # kept as written
        ],
        "scoring_criteria": [],
        "awards": [],
    },
}

# (start, end) of the campaign period and (name, end) of its milestones
CAMPAIGNS = {
    "bac_giang_thi_dua_phan_loai_rac": (("2025-04-01", "2025-11-30"),
                                        [("sơ kết", "2025-07-31"), ("tổng kết", "2025-12-25")]),
}


def delivered(name: str) -> Path:
    return PLANS[name][0](name, scratch("round12"))


ROUND = HeldOut(EXPECTED, delivered, finds=finds_award_by_form)
ROUND.known = {
    "false:bac_giang_thi_dua_phan_loai_rac-targets": "a scoring criterion cell ('… chỉ đạo 100% xã, phường …') is read "
                                                     "as a target",
}

globals().update(ROUND.standard_tests({n: p[1] for n, p in PLANS.items()}, methods={n: p[2] for n, p in PLANS.items()},
                                      campaigns=CAMPAIGNS))


def test_the_total_row_and_group_rows_are_not_criteria():
    ex = ROUND.extraction("bac_giang_thi_dua_phan_loai_rac")
    names = [c["criterion"].strip().lower() for c in ex["scoring_criteria"]]
    assert [n for n in names if n.startswith("tổng cộng") or n in ("điểm thưởng", "điểm trừ")] == []


def test_a_wrapped_rule_is_read_whole():
    ex = ROUND.extraction("bac_giang_thi_dua_phan_loai_rac")
    ratio = next(c for c in ex["scoring_criteria"] if "thực hiện phân loại" in c["criterion"])
    assert "x 25" in (ratio["formula_text"] or "")
    assert "x 25" not in ratio["criterion"]


def test_the_split_table_header_is_not_a_target():
    ex = ROUND.extraction("dien_bien_chuyen_doi_so")
    assert [t["metric"] for t in ex["targets"] if t["metric"].strip() in ("Kế hoạch", "Năm 2025", "Năm 2026")] == []


def test_the_text_plan_is_read_as_utf8():
    assert ROUND.extraction("dien_bien_chuyen_doi_so")["document"]["ingest"]["encoding"] == "utf-8"


def test_budgets_are_neither_targets_nor_awards():
    for name in EXPECTED:
        ex = ROUND.extraction(name)
        assert [t["metric"] for t in ex["targets"] if t["unit"] in ("VND", "đồng", "tỷ đồng", "triệu đồng")] == []
        assert [a["evidence"]["text"] for a in ex["awards"] if "kinh phí" in a["evidence"]["text"].lower()] == []


if __name__ == "__main__":
    ROUND.print_score(width=32)
