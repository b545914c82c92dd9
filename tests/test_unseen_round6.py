"""Held-out check, round 6: the gaps earlier rounds left open, in plans of new provinces.

Written, expectations first, before the extractor was run on them:

- Hà Tĩnh (UTF-8 text): a QUYẾT ĐỊNH whose Điều 1 issues an attached "KẾ HOẠCH (Ban hành
  kèm theo Quyết định số …)". The document is the decision (its type and number, not those
  of the plan it carries; the "Căn cứ Quyết định số …/QĐ-TTg" above it is no header), the
  signer signs the decision, "Điều 3. … chịu trách nhiệm thi hành" is no task. The plan's
  targets are in running text: "Phấn đấu … đạt 12%", "Giảm … xuống dưới 2%", "Duy trì
  100% …", "tối thiểu 02 lần/năm" (unit "lần/năm"); its duties name agencies by
  abbreviation (Sở TT&TT, Sở KH&ĐT, Sở LĐ-TB&XH, BCH Quân sự tỉnh), under an agency
  sub-heading "1. Sở TT&TT" with "a) …" items;
- Sơn La (a text-layer PDF): a by-year targets table headed "Nhiệm vụ, chỉ tiêu | ĐVT";
  a ruled task table whose owners are abbreviations (CA tỉnh, VP UBND tỉnh, NHNN chi
  nhánh tỉnh …); header and signature block as borderless two-column layout tables, the
  "Nơi nhận" column longer than the signing one, so the PDF text layer puts both columns
  on the same lines;
- Kon Tum (UTF-8 text): an emulation plan whose targets table is headed "Danh mục | Đơn vị
  tính | Năm 2025" (a unit "triệu đồng/người/năm"); awards under "IV. KHEN THƯỞNG", not
  under a "Hình thức khen thưởng" heading: a Cờ thi đua and Giấy khen "cho các tập thể,
  cá nhân" without a number, titles of merit ("Tập thể lao động xuất sắc", "Chiến sĩ thi
  đua cơ sở") under "2. Danh hiệu thi đua", next to a quota "không quá 08 tập thể và 12
  cá nhân"; owners Sở NN&PTNT, Đài PT-TH tỉnh, Cổng TTĐT tỉnh.

Sources are under ``tests/data/unseen/round6/`` (``*.src.txt`` are built into the
delivered file as in round 5; ``&`` is escaped for the PDF typesetter). An award is
found by its count, rank, form and recipient (several have no count). Measured once
before any fix: 20/39 items right (Hà Tĩnh 9/13, Sơn La 6/12, Kon Tum 5/14), 3 false
alarms (the Sơn La targets table, unit "điểm", read as scoring criteria); the signer
was null in Hà Tĩnh (a second header block) and Sơn La (columns interleaved). One
expectation was then corrected, not the extractor: "Phấn đấu … đạt 12%" had been written
as "=", but the gold set's documented rule reads "đạt X%" (X < 100) as ">=" (with it the
before-fix figure is 21/39).
Run as a script to print the score.
"""

from __future__ import annotations

from pathlib import Path

from unseen_support import DATA, HUYEN, SBN, TT, Y25, HeldOut, build_pdf, finds_award_by_form, low, per_year, scratch

SRC = DATA / "round6"
KHDT, LDTBXH, NN = "Sở Kế hoạch và Đầu tư", "Sở Lao động - Thương binh và Xã hội", "Sở Nông nghiệp và Phát triển nông thôn"
CA = "Công an tỉnh"


def build_typeset(name: str, folder: Path) -> Path:
    """A text-layer PDF whose header and signature block are borderless two-column layout tables."""
    return build_pdf(SRC / f"{name}.src.txt", folder / f"{name}.pdf", _widths, escape_markup=True,
                     top_align_layout=True)


def _widths(kind: str, columns: int) -> list | None:
    return {5: [32, 190, 90, 90, 80]}.get(columns) if kind == "table" else [240, 240]


def as_is(name: str, folder: Path) -> Path:
    return SRC / f"{name}.txt"


PLANS = {  # name: (builder, header fields, ingest method)
    "ha_tinh_kinh_te_so": (as_is, dict(province="Hà Tĩnh", number="612/QĐ-UBND", issued_date="2025-03-18",
                                       doc_type="Quyết định", signer="Trần Báu Hà",
                                       title="Ban hành Kế hoạch phát triển kinh tế số và xã hội số tỉnh Hà Tĩnh năm 2025"),
                           "text"),
    "son_la_de_an_06": (build_typeset, dict(province="Sơn La", number="87/KH-UBND", issued_date="2025-02-25",
                                        doc_type="Kế hoạch", signer="Nguyễn Thành Công"), "pdf-text"),
    "kon_tum_thi_dua_nong_thon_moi": (as_is, dict(province="Kon Tum", number="45/KH-UBND", issued_date="2025-04-07",
                                                  doc_type="Kế hoạch", signer="Nguyễn Văn Hòa"), "text"),
}

EXPECTED: dict[str, dict[str, list[dict]]] = {
    "ha_tinh_kinh_te_so": {
        "targets": [
            # written first as "=", corrected to the project's documented rule ("đạt X%" is ">=" unless X is 100)
            dict(key="tỷ trọng kinh tế số", value=12, unit="%", comparator=">="),
            dict(key="trễ hạn", value=2, unit="%", comparator="<", metric_lacks="xuống dưới"),
            dict(key="văn bản điện tử", value=100, unit="%", comparator="="),
            dict(key="nền tảng số", value=75, unit="%", comparator="="),
            dict(key="diễn tập", value=2, unit="lần/năm", comparator=">="),
            dict(key="điện thoại thông minh", value=90, unit="%", comparator="=", end="2025-09-30"),
        ],
        "tasks": [
            dict(key="Bộ chỉ số đánh giá chuyển đổi số", lead=[TT], support=[], end="2025-06-30"),
            dict(key="diễn tập ứng cứu sự cố", lead=[TT], support=[CA, "Bộ Chỉ huy Quân sự tỉnh"], end="2025-09-30"),
            dict(key="bố trí vốn đầu tư công", lead=[KHDT], support=["Sở Tài chính"], end="2025-06-30"),
            dict(key="trợ cấp xã hội không dùng tiền mặt", lead=[LDTBXH], support=[HUYEN], end=None, recurring=True),
            dict(key="sàn thương mại điện tử", lead=["Sở Công Thương"], support=[], end=Y25),
            dict(key="định danh điện tử mức độ 2", lead=[CA], support=[TT, HUYEN], end=None, recurring=True),
            dict(key="báo cáo kết quả thực hiện Kế hoạch", lead=[SBN, HUYEN], support=[], end="2025-12-15"),
        ],
        "scoring_criteria": [],
        "awards": [],
    },
    "son_la_de_an_06": {
        "targets": [
            *per_year("định danh điện tử mức độ 2", (80, 95), unit="%", comparator="="),
            *per_year("lý lịch tư pháp", (50, 70), unit="%", comparator=">"),
            *per_year("chi trả an sinh xã hội", (20, 40), unit="điểm", comparator="="),
        ],
        "tasks": [
            dict(key="Làm sạch dữ liệu dân cư", lead=[CA], support=[HUYEN], end="2025-06-30"),
            dict(key="Tích hợp xác thực định danh", lead=[TT], support=[CA, "Văn phòng UBND tỉnh"], end="2025-06-30"),
            dict(key="trợ cấp ưu đãi người có công", lead=[LDTBXH],
                 support=["Bưu điện tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh"], end=None, recurring=True),
            dict(key="Cấp phiếu lý lịch tư pháp", lead=["Sở Tư pháp"], support=[CA], end=Y25),
            dict(key="Bảo đảm kinh phí", lead=["Sở Tài chính"], support=[KHDT], end=Y25),
            dict(key="theo dõi, đôn đốc", lead=[CA], end=None, recurring=True),
        ],
        "scoring_criteria": [],
        "awards": [],
    },
    "kon_tum_thi_dua_nong_thon_moi": {
        "targets": [
            dict(key="đạt chuẩn nông thôn mới", value=56, unit="xã", comparator="=", end=Y25),
            dict(key="nông thôn mới nâng cao", value=12, unit="xã", comparator="=", end=Y25),
            dict(key="Thu nhập bình quân", value=45, unit="triệu đồng/người/năm", comparator="=", end=Y25),
        ],
        "tasks": [
            dict(key="theo dõi phong trào thi đua", lead=[NN], support=["Sở Nội vụ"], end="2025-11-30"),
            dict(key="thẩm định hồ sơ", lead=["Sở Nội vụ"], end=Y25),
            dict(key="phát động phong trào", lead=[HUYEN], support=[], end="2025-11-15"),
            dict(key="tuyên truyền", lead=["Đài Phát thanh và Truyền hình tỉnh"],
                 support=["Cổng Thông tin điện tử tỉnh"], end=None, recurring=True),
        ],
        "scoring_criteria": [],
        "awards": [
            # forms granted without a number are no quota (SCHEMA.md): only the counted awards
            dict(key=(8, None), form="Bằng khen", grantor="Chủ tịch UBND tỉnh", recipient="tập thể"),
            dict(key=(12, None), form="Bằng khen", grantor="Chủ tịch UBND tỉnh", recipient="cá nhân"),
        ],
    },
}

# (start, end) of the campaign period and (name, end) of its milestones
CAMPAIGNS = {
    "kon_tum_thi_dua_nong_thon_moi": (("2025-04-01", "2025-11-30"), [("sơ kết", "2025-07-31"), ("tổng kết", "2025-12-31")]),
}


def delivered(name: str) -> Path:
    return PLANS[name][0](name, scratch("round6"))


ROUND = HeldOut(EXPECTED, delivered, finds=finds_award_by_form)  # several awards have no count

globals().update(ROUND.standard_tests({n: p[1] for n, p in PLANS.items()}, methods={n: p[2] for n, p in PLANS.items()},
                                      campaigns=CAMPAIGNS))


def test_the_decision_s_execution_clause_is_no_task():
    texts = [low(t["text"]) for t in ROUND.extraction("ha_tinh_kinh_te_so")["tasks"]]
    assert [t for t in texts if "thi hành quyết định" in t] == []


if __name__ == "__main__":
    ROUND.print_score()
