"""Held-out check, round 10: a district's plan, a decision that issues a plan, a department's plan.

Written, expectations first, before the extractor was run on them:

- Cao Bằng, huyện Trùng Khánh (Word .docx): a DISTRICT plan on community digital-technology
  teams and digital skills. The header is a borderless two-column table ("ỦY BAN NHÂN DÂN /
  HUYỆN TRÙNG KHÁNH / Số: 37/KH-UBND" | motto, "Trùng Khánh, ngày 06 tháng 3 năm 2025": the
  place is the district town, the province is named only in the preamble, "Kế hoạch số
  25/KH-UBND … của Ủy ban nhân dân tỉnh Cao Bằng"). Targets numbered "(1)" … "(6)" under
  "II. MỤC TIÊU ĐẾN HẾT NĂM 2025": two in one line ("100% xã, thị trấn duy trì … Tổ công
  nghệ số cộng đồng cấp xã; 100% xóm, tổ dân phố có thành viên …"), "Phấn đấu ít nhất 65%",
  "đạt trên 80%", "Mỗi xã, thị trấn có tối thiểu 03 sản phẩm OCOP …", "không thấp hơn
  40%", "ít nhất 02 đợt tập huấn". Tasks in a ruled table whose header spans two rows
  ("STT | Nội dung nhiệm vụ | Cơ quan thực hiện | Thời gian hoàn thành" over "Chủ trì |
  Phối hợp", the outer cells merged downwards, "Cơ quan thực hiện" across) and whose lead
  cell is MERGED DOWN over several task rows ("UBND các xã, thị trấn" over rows 1–3, "Phòng
  Văn hóa và Thông tin" over 4–6, "Công an huyện" over 8–9); district owners (Phòng Nội vụ,
  Phòng Tài chính - Kế hoạch, Phòng Dân tộc, Huyện đoàn, Bưu điện huyện, Trung tâm Văn hóa,
  Thể thao và Truyền thông huyện), support lists split by ";", one empty support cell;
  deadlines "Tháng 4/2025", "Quý III/2025", "Thường xuyên", "Trước ngày 30/10/2025",
  "Hằng quý", "6 tháng cuối năm 2025", "Hằng tháng", "Quý I/2025". Then prose duties:
  "Phòng … là cơ quan thường trực, giúp UBND huyện theo dõi … trước ngày 05/12/2025",
  "Các cơ quan, ban, ngành, đoàn thể huyện … định kỳ 6 tháng (trước ngày 10/6) và năm
  (trước ngày 10/12)" (one recurring task), "Chủ tịch UBND các xã, thị trấn chịu trách
  nhiệm … hoàn thành trong tháng 3/2025", "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện
  và các đoàn thể chính trị - xã hội huyện …", a closing general directive (no task) and a
  budget of 120.000.000 đồng (no target).
- Quảng Bình (a text-layer PDF, reportlab): a QUYẾT ĐỊNH "Ban hành Kế hoạch nâng cao Chỉ
  số năng lực cạnh tranh cấp tỉnh (PCI) …": the authority line, four "Căn cứ"/"Xét đề
  nghị" lines (a Tờ trình with its own number and date), Điều 1–3 ("Điều 3. … chịu trách
  nhiệm thi hành" is no task), signed by a vice-chairman; then the attached "KẾ HOẠCH
  (Ban hành kèm theo Quyết định số 412/QĐ-UBND …)" with its own header table. Targets
  lettered "a) … đ) e) g)" under "2. Chỉ tiêu cụ thể năm 2025": "tăng tối thiểu 05 bậc",
  "đạt từ 6,5 điểm trở lên" (a decimal comma, unit điểm), "giảm tối thiểu 30%", "rút ngắn
  còn không quá 10 ngày làm việc", "100% …", "đạt trên 85%", "đạt 900 doanh nghiệp trở
  lên". Solutions without owner or date (no task); three duties in "IV. TỔ CHỨC THỰC
  HIỆN" ("là cơ quan đầu mối … định kỳ 6 tháng, năm …", "Thủ trưởng các sở, ban, ngành;
  Chủ tịch UBND các huyện, thị xã, thành phố …", "Đề nghị Hiệp hội Doanh nghiệp tỉnh …
  phối hợp với Sở …"); and at the end a "PHỤ LỤC" task table "TT | Nhiệm vụ | Cơ quan
  chủ trì | Cơ quan phối hợp | Thời hạn" with Roman group rows (empty cells), owners Ban
  Quản lý Khu kinh tế tỉnh, Cục Thuế tỉnh, Thanh tra tỉnh, Hiệp hội Doanh nghiệp tỉnh,
  deadlines "Trước 30/6/2025", "Năm 2025", "Tháng 4 và tháng 10/2025" (the later month
  ends it), "6 tháng đầu năm 2025", "Hằng quý". The document is the decision: its type,
  number, date and signer.
- Phú Yên (UTF-8 text): a plan issued by a DEPARTMENT, "UBND TỈNH PHÚ YÊN / SỞ THÔNG TIN VÀ
  TRUYỀN THÔNG", "Số: 15/KH-STTTT", the two header columns separated by tabs as copied out
  of Word, the signature "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" tab-indented. Targets by year in
  prose: "năm 2025 đạt tối thiểu 600 tin, bài; năm 2026 đạt tối thiểu 800 tin, bài",
  "… được tập huấn … Năm 2025: 70%; năm 2026: 90%." (the subject in the sentence before),
  "Năm 2025: 100% …; năm 2026: duy trì 100%", "năm 2025 trên 50.000 lượt người; năm 2026
  trên 80.000 lượt người". Tasks as "Nhiệm vụ 1: …" paragraphs each followed by "Đơn vị
  thực hiện: X chủ trì; Y phối hợp." and "Thời hạn: …" lines; the owners are the
  department's own units (Trung tâm Công nghệ thông tin và Truyền thông, Phòng Thông tin -
  Báo chí - Xuất bản, Phòng Bưu chính, Viễn thông và Công nghệ thông tin, Thanh tra Sở,
  Văn phòng Sở, "Các phòng, đơn vị thuộc Sở") beside Báo Phú Yên, Đài Phát thanh và
  Truyền hình Phú Yên (→ the generic "Báo tỉnh", "Đài … tỉnh"), Công an tỉnh, Tỉnh đoàn;
  deadlines "Hoàn thành trong quý I/2025", "Thực hiện thường xuyên", "Quý II hằng năm",
  "Hằng tháng, … trước ngày 25", "Từ tháng 8 đến tháng 10/2025", "trước ngày 15/12 hằng
  năm". A "V. KHEN THƯỞNG" paragraph: Giấy khen of the Giám đốc Sở for "không quá 05 tập
  thể và 10 cá nhân", "01 tập thể và 02 cá nhân … đề nghị Chủ tịch UBND tỉnh tặng Bằng
  khen", contest prizes "01 giải Nhất trị giá 5.000.000 đồng; 02 giải Nhì, mỗi giải
  3.000.000 đồng; …"; a budget (no target).

Sources are under ``tests/data/unseen/round10/``: the ``.txt`` is read as it is; the PDF
is built from its ``*.src.txt`` as in round 9 (``&`` escaped); the .docx is built here
(``build_merged_docx``) because ``unseen_support.build_docx`` merges only group rows: in
its ``*.src.txt`` a cell ``^`` is merged into the cell above, ``<`` into the cell on its
left. None of these plans has an emulation period. An award is found by its count, rank,
form and recipient.

Measured once before any fix (``cd tests && ../.venv/bin/python test_unseen_round10.py``):
25/65 items right = 0.385 (Cao Bằng 8/22, Quảng Bình 9/20, Phú Yên 8/23), 1 false alarm;
43 of the module's 87 tests failed. No expectation was changed after the run. Misses:
- the district .docx: the cells merged down were read right (every row got its lead), but
  under the two-row header ("Cơ quan thực hiện" over "Chủ trì | Phối hợp") the deadline of
  every one of the 11 rows was read from the "Phối hợp" cell (end null, not recurring:
  "Tháng 4/2025", "Thường xuyên", "Hằng quý" … all lost); support cells listed with ";"
  were kept whole ("Phòng Văn hóa và Thông tin; Huyện đoàn"); "UBND các xã, thị trấn" was
  not resolved to "UBND cấp xã" (7 tasks); district bodies were matched to provincial ones
  ("Phòng Nông nghiệp và Phát triển nông thôn" → "Sở Nông nghiệp …", "Ủy ban Mặt trận Tổ
  quốc Việt Nam huyện" → "… tỉnh"); "100% xóm, tổ dân phố có thành viên …" got level
  "tỉnh", not "thôn, tổ". Header, province (named only in the preamble) and the other
  six targets right.
- the decision PDF: the signer was null (the line "Lê Hoài Nam" was joined to the attached
  plan's header, "… CỘNG HÒA … KẾ HOẠCH Nâng cao …", which follows the signature block on
  the same page) and the title cut at its line break ("… (PCI) tỉnh": its second line was
  joined to the authority line and the first "Căn cứ"); the heading "2. Chỉ tiêu cụ thể
  năm 2025" gave its five read targets no deadline; "đạt từ 6,5 điểm trở lên" and "rút
  ngắn còn không quá 10 ngày làm việc" were not read; "Thủ trưởng các sở, ban, ngành; Chủ
  tịch UBND các huyện, thị xã, thành phố quán triệt …" was not read as a task; "Đề nghị
  Hiệp hội Doanh nghiệp tỉnh phản ánh kịp thời …" kept the verb in the lead ("… tỉnh phản
  ánh"); "Ban Quản lý Khu kinh tế tỉnh" became "Ban Quản lý các khu công nghiệp tỉnh" (2
  rows). The decision's type, number, date, province and Điều 1–3 right, as are the
  deadlines of all 10 appendix rows.
- the department's text plan: issuer "UBND tỉnh Phú Yên Sở Thông Tin Và Truyền Thông";
  six of the eight by-year targets in prose were not read ("năm 2025 đạt tối thiểu 600
  tin, bài; năm 2026 …", "… Năm 2025: 70%; năm 2026: 90%.", "trên 50.000 lượt người"),
  "Năm 2025: 100% …" was read without its year (end null) and "năm 2026: duy trì 100%"
  lost the subject (metric "duy trì": a miss and the false alarm); in "Đơn vị thực hiện:
  X chủ trì; Y phối hợp." the supporting units were dropped (5 tasks) and "Phòng Bưu
  chính, Viễn thông và Công nghệ thông tin" was split at its comma into two leads; "Các
  phòng, đơn vị thuộc Sở …" got no lead; of "01 tập thể và 02 cá nhân … đề nghị Chủ tịch
  UBND tỉnh tặng Bằng khen" only the tập thể was read. (Not checked, but wrong: the
  contest prizes "01 giải Nhất …" came out as form "Bằng khen" of the Chủ tịch UBND tỉnh.)
After general fixes (a Word header whose merged cells repeat on its second row; district
bodies and fuzzy agency matches only between close kin; targets headings ending in their
year; index scores in "điểm" and "ngày làm việc"; "X chủ trì; Y phối hợp" owner labels; a
room whose name lists its fields; targets stated year by year in one sentence
(extract/target_years.py); "xóm" as a thôn-level subject; a department as issuer):
64/65, no false alarms. Two misses are left open, each a strict xfail in ``ROUND.known``:
the decision's signer and title (the attached plan follows the signature on the same page
and is glued to it), and "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện … quán
triệt …" (a duty addressed to the heads of all agencies, read as a general directive).
Run as a script to print the score.
"""

from __future__ import annotations

from pathlib import Path

from unseen_support import DATA, HUYEN, SBN, Y25, HeldOut, blocks, build_pdf, finds_award_by_form, per_year, scratch

SRC = DATA / "round10"
CA, NV, GD = "Công an tỉnh", "Sở Nội vụ", "Sở Giáo dục và Đào tạo"
KHDT, LDTBXH, TNMT = "Sở Kế hoạch và Đầu tư", "Sở Lao động - Thương binh và Xã hội", "Sở Tài nguyên và Môi trường"
PVHCC, HHDN, BQLKKT = "Trung tâm Phục vụ hành chính công tỉnh", "Hiệp hội Doanh nghiệp tỉnh", "Ban Quản lý Khu kinh tế tỉnh"
XA, CA_HUYEN, PVHTT = "UBND cấp xã", "Công an huyện", "Phòng Văn hóa và Thông tin"
TTVH = "Trung tâm Văn hóa, Thể thao và Truyền thông huyện"
TTCNTT, PTTBC, PBCVT = ("Trung tâm Công nghệ thông tin và Truyền thông", "Phòng Thông tin - Báo chí - Xuất bản",
                        "Phòng Bưu chính, Viễn thông và Công nghệ thông tin")
GD_TT = "Giám đốc Sở Thông tin và Truyền thông"


def build_merged_docx(src: Path, path: Path) -> Path:
    """A Word file of a plan source whose table cells may be merged: ``^`` into the cell above, ``<`` leftwards."""
    import docx

    d = docx.Document()
    for kind, body in blocks(src):
        if kind == "p":
            d.add_paragraph(body)
            continue
        t = d.add_table(rows=len(body), cols=len(body[0]))
        if kind == "table":
            t.style = "Table Grid"
        for r, row in enumerate(body):
            for c, text in enumerate(row):
                if text not in ("^", "<"):
                    t.cell(r, c).text = text
        for r, row in enumerate(body):
            for c, text in enumerate(row):
                if text == "^":
                    t.cell(r - 1, c).merge(t.cell(r, c))
                elif text == "<":
                    t.cell(r, c - 1).merge(t.cell(r, c))
    d.save(path)
    return path


def build_word(name: str, folder: Path) -> Path:
    return build_merged_docx(SRC / f"{name}.src.txt", folder / f"{name}.docx")


def build_typeset(name: str, folder: Path) -> Path:
    return build_pdf(SRC / f"{name}.src.txt", folder / f"{name}.pdf", _widths, escape_markup=True,
                     top_align_layout=True)


def _widths(kind: str, columns: int) -> list | None:
    return [28, 190, 90, 110, 70] if kind == "table" else [230, 250]


def as_is(name: str, folder: Path) -> Path:
    return SRC / f"{name}.txt"


PLANS = {  # name: (builder, header fields, ingest method)
    "cao_bang_trung_khanh_ky_nang_so": (build_word, dict(
        province="Cao Bằng", issuer="UBND huyện Trùng Khánh", number="37/KH-UBND", issued_date="2025-03-06",
        doc_type="Kế hoạch", signer="Lương Văn Quyết",
        title="Nâng cao hiệu quả hoạt động của Tổ công nghệ số cộng đồng và phổ cập kỹ năng số cho người dân "
              "trên địa bàn huyện Trùng Khánh năm 2025"), "docx"),
    "quang_binh_quyet_dinh_pci": (build_typeset, dict(
        province="Quảng Bình", issuer="UBND tỉnh Quảng Bình", number="412/QĐ-UBND", issued_date="2025-02-14",
        doc_type="Quyết định", signer="Lê Hoài Nam",
        title="Ban hành Kế hoạch nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) tỉnh Quảng Bình năm 2025"),
        "pdf-text"),
    "phu_yen_so_tttt_tuyen_truyen": (as_is, dict(
        province="Phú Yên", issuer="Sở Thông tin và Truyền thông tỉnh Phú Yên", number="15/KH-STTTT",
        issued_date="2025-01-10", doc_type="Kế hoạch", signer="Trần Thị Mỹ Linh",
        title="Tuyên truyền về chuyển đổi số và bảo đảm an toàn thông tin mạng trên địa bàn tỉnh Phú Yên "
              "giai đoạn 2025 - 2026"), "text"),
}

EXPECTED: dict[str, dict[str, list[dict]]] = {
    "cao_bang_trung_khanh_ky_nang_so": {
        "targets": [  # all under "II. MỤC TIÊU ĐẾN HẾT NĂM 2025"
            dict(key="hoạt động thường xuyên", value=100, unit="%", comparator="=", applies_to="cấp xã", end=Y25),
            dict(key="thành viên Tổ công nghệ số", value=100, unit="%", comparator="=", applies_to="thôn, tổ",
                 end=Y25),
            dict(key="kỹ năng số cơ bản", value=65, unit="%", comparator=">=", end=Y25),
            dict(key="điện thoại thông minh", value=80, unit="%", comparator=">", end=Y25),
            dict(key="sàn thương mại điện tử", value=3, unit="sản phẩm", comparator=">=", applies_to="cấp xã",
                 end=Y25),
            dict(key="giải quyết trực tuyến", value=40, unit="%", comparator=">=", end=Y25,
                 metric_lacks="không thấp hơn"),
            dict(key="tập huấn", value=2, unit="đợt", comparator=">=", end=Y25),
        ],
        "tasks": [
            # the table: the lead cell merged down over rows 1-3, 4-6 and 8-9
            dict(key="Kiện toàn Tổ công nghệ số cộng đồng", lead=[XA], support=[PVHTT, "Huyện đoàn"],
                 end="2025-04-30", recurring=False),
            dict(key="Ngày hội kỹ năng số", lead=[XA], support=["Bưu điện huyện", "Huyện đoàn"], end="2025-09-30"),
            dict(key="Cổng Dịch vụ công quốc gia", lead=[XA], support=[PVHTT], end=None, recurring=True),
            dict(key="tiếng Tày", lead=[PVHTT], support=["Phòng Dân tộc"], end="2025-05-31"),
            dict(key="các đợt tập huấn", lead=[PVHTT], support=[TTVH], end="2025-10-30"),
            dict(key="báo cáo kết quả hoạt động của Tổ", lead=[PVHTT], support=[XA], end=None, recurring=True),
            dict(key="sản phẩm OCOP lên sàn", lead=["Phòng Kinh tế và Hạ tầng"],
                 support=["Phòng Nông nghiệp và Phát triển nông thôn", XA], end=Y25),
            dict(key="kích hoạt tài khoản định danh điện tử", lead=[CA_HUYEN], support=[XA], end=None,
                 recurring=True),
            dict(key="thủ đoạn lừa đảo", lead=[CA_HUYEN], support=[TTVH], end=None, recurring=True),
            dict(key="bình xét thi đua", lead=["Phòng Nội vụ"], support=[PVHTT], end=Y25),
            dict(key="bố trí kinh phí", lead=["Phòng Tài chính - Kế hoạch"], support=[], end="2025-03-31"),
            # "V. TỔ CHỨC THỰC HIỆN"
            dict(key="theo dõi, đôn đốc", lead=[PVHTT], support=[], end="2025-12-05"),
            dict(key="gửi báo cáo về Phòng Văn hóa và Thông tin", lead=["Các cơ quan, ban, ngành, đoàn thể huyện"],
                 end=None, recurring=True),
            dict(key="kế hoạch chi tiết", lead=[XA], end="2025-03-31"),
            dict(key="vận động hội viên",
                 lead=["Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "Các đoàn thể chính trị - xã hội huyện"], end=None),
        ],
        "scoring_criteria": [],
        "awards": [],
    },
    "quang_binh_quyet_dinh_pci": {
        "targets": [  # under "2. Chỉ tiêu cụ thể năm 2025"
            dict(key="Chỉ số PCI", value=5, unit="bậc", comparator=">=", end=Y25),
            dict(key="Chi phí thời gian", value=6.5, unit="điểm", comparator=">=", end=Y25),
            dict(key="giao đất, cho thuê đất", value=30, unit="%", comparator=">=", end=Y25),
            dict(key="giấy phép xây dựng", value=10, unit="ngày làm việc", comparator="<=", end=Y25),
            dict(key="đăng ký doanh nghiệp", value=100, unit="%", comparator="=", end=Y25),
            dict(key="hài lòng", value=85, unit="%", comparator=">", end=Y25),
            dict(key="thành lập mới", value=900, unit="doanh nghiệp", comparator=">=", end=Y25),
        ],
        "tasks": [
            # "IV. TỔ CHỨC THỰC HIỆN"
            dict(key="theo dõi, đôn đốc", lead=[KHDT], support=[], end=None, recurring=True),
            dict(key="tinh thần phục vụ doanh nghiệp", lead=[SBN, HUYEN], end=None),
            dict(key="khảo sát mức độ hài lòng", lead=[HHDN], support=[KHDT], end="2025-09-30"),
            # the PHỤ LỤC table
            dict(key="kế hoạch sử dụng đất", lead=[TNMT], support=[HUYEN], end="2025-03-31", recurring=False),
            dict(key="giao đất, cho thuê đất", lead=[TNMT], support=[KHDT, "Cục Thuế tỉnh"], end="2025-06-30"),
            dict(key="giấy phép xây dựng", lead=["Sở Xây dựng"], support=[PVHCC], end="2025-05-31"),
            dict(key="kêu gọi đầu tư", lead=[KHDT], support=[BQLKKT], end="2025-06-30"),
            dict(key="hoàn thuế", lead=["Cục Thuế tỉnh"], support=[], end=None, recurring=True),
            dict(key="nhũng nhiễu", lead=[NV], support=["Thanh tra tỉnh"], end=None, recurring=True),
            dict(key="Hỗ trợ pháp lý", lead=["Sở Tư pháp"], support=[HHDN], end=Y25),
            dict(key="đối thoại giữa Chủ tịch", lead=["Văn phòng UBND tỉnh"], support=[KHDT, HHDN],
                 end="2025-10-31"),
            dict(key="cung - cầu lao động", lead=[LDTBXH], support=[BQLKKT], end="2025-06-30"),
            dict(key="DDCI", lead=[KHDT], support=[SBN, HUYEN], end="2025-11-15"),
        ],
        "scoring_criteria": [],
        "awards": [],
    },
    "phu_yen_so_tttt_tuyen_truyen": {
        "targets": [
            *per_year("phóng sự về chuyển đổi số", (600, 800), unit="tin, bài", comparator=">="),
            *per_year("kỹ năng bảo đảm an toàn thông tin", (70, 90), unit="%", comparator="="),
            *per_year("chuyên mục về chuyển đổi số", (100, 100), unit="%", comparator="="),
            *per_year("lừa đảo trực tuyến", (50000, 80000), unit="lượt người", comparator=">"),
        ],
        "tasks": [
            dict(key="Cổng thông tin điện tử của Sở", lead=[TTCNTT], support=[PTTBC], end="2025-03-31",
                 recurring=False),
            dict(key="cơ quan báo chí", lead=[PTTBC], support=["Báo tỉnh", "Đài Phát thanh và Truyền hình tỉnh"],
                 end=None, recurring=True),
            dict(key="thư điện tử giả mạo", lead=[PBCVT], support=[CA], end="2025-06-30", recurring=True),
            dict(key="cẩm nang", lead=["Thanh tra Sở"],
                 support=["Phòng Văn hóa và Thông tin các huyện, thị xã, thành phố"], end="2025-04-30"),
            dict(key="Zalo OA", lead=[TTCNTT], support=[], end=None, recurring=True),
            dict(key="Cuộc thi trực tuyến", lead=[PBCVT], support=[GD, "Tỉnh đoàn"], end="2025-10-31"),
            # "VI. TỔ CHỨC THỰC HIỆN"
            dict(key="báo cáo kết quả về Văn phòng Sở", lead=["Các phòng, đơn vị thuộc Sở"], end="2025-12-10"),
            dict(key="tham mưu Giám đốc Sở", lead=["Văn phòng Sở"], end="2025-12-15", recurring=True),
        ],
        "scoring_criteria": [],
        "awards": [
            dict(key=(5, None), form="Giấy khen", grantor=GD_TT, recipient="tập thể"),
            dict(key=(10, None), form="Giấy khen", grantor=GD_TT, recipient="cá nhân"),
            dict(key=(1, None), form="Bằng khen", grantor="Chủ tịch UBND tỉnh", recipient="tập thể"),
            dict(key=(2, None), form="Bằng khen", grantor="Chủ tịch UBND tỉnh", recipient="cá nhân"),
            dict(key=(1, "Nhất"), prize_vnd=5000000),
            dict(key=(2, "Nhì"), prize_vnd=3000000),
            dict(key=(3, "Ba"), prize_vnd=2000000),
        ],
    },
}


def delivered(name: str) -> Path:
    return PLANS[name][0](name, scratch("round10"))


ROUND = HeldOut(EXPECTED, delivered, finds=finds_award_by_form)
ROUND.known = {
    "header:quang_binh_quyet_dinh_pci": "the attached plan's header is glued to the decision's signature block",
    "quang_binh_quyet_dinh_pci-tasks-1": "a duty addressed to the heads of all agencies is read as a general directive",
}

globals().update(ROUND.standard_tests({n: p[1] for n, p in PLANS.items()}, methods={n: p[2] for n, p in PLANS.items()}))


def test_the_two_row_table_header_names_no_agency():
    ex = ROUND.extraction("cao_bang_trung_khanh_ky_nang_so")
    names = {a for t in ex["tasks"] for a in t["lead"] + t["support"]}
    assert names & {"Chủ trì", "Phối hợp", "Cơ quan thực hiện"} == set()


def test_the_decision_articles_and_grounds_are_neither_tasks_nor_targets():
    ex = ROUND.extraction("quang_binh_quyet_dinh_pci")
    texts = [t["text"] for t in ex["tasks"]] + [t["metric"] for t in ex["targets"]]
    for words in ("thi hành Quyết định", "có hiệu lực", "Tờ trình", "Căn cứ", "Ban hành kèm theo"):
        assert [t for t in texts if words.lower() in t.lower()] == []


def test_the_text_plan_is_read_as_utf8():
    assert ROUND.extraction("phu_yen_so_tttt_tuyen_truyen")["document"]["ingest"]["encoding"] == "utf-8"


def test_budgets_are_neither_targets_nor_awards():
    for name in ("cao_bang_trung_khanh_ky_nang_so", "phu_yen_so_tttt_tuyen_truyen"):
        ex = ROUND.extraction(name)
        assert [t["metric"] for t in ex["targets"] if t["unit"] in ("VND", "đồng", "triệu đồng")] == []
        assert [a["evidence"]["text"] for a in ex["awards"] if "kinh phí" in a["evidence"]["text"].lower()] == []


if __name__ == "__main__":
    ROUND.print_score(width=32)
