"""Held-out check, round 11: a centrally-run city's plan in Word automatic numbering, a text plan with an appendix of targets.

Written, expectations first, before the extractor was run on them:

- Hải Phòng (Word .docx): a CITY plan on the digital economy, "ỦY BAN NHÂN DÂN / THÀNH PHỐ
  HẢI PHÒNG / Số: 46/KH-UBND" in a borderless header table whose cells hold one paragraph
  a line. Every heading and item is numbered by WORD AUTOMATIC NUMBERING (a multilevel list
  in numbering.xml, ``numPr`` on the paragraph: "I." upper Roman, "1." decimal, "a)"
  lower letter), so no "I.", "1." or "a)" stands in the paragraph text. Targets as lettered
  items under "Mục tiêu cụ thể đến hết năm 2025": "tối thiểu 16% … GRDP", "Trên 55% doanh
  nghiệp nhỏ và vừa …", "100% chợ hạng 1, hạng 2 …", "Đưa tối thiểu 250 sản phẩm OCOP …",
  two in one item ("Mỗi quận, huyện … ít nhất 01 mô hình …; tỷ lệ … đạt từ 85% trở lên"),
  "đạt tối thiểu 1.500 doanh nghiệp". Tasks as lettered items each followed by "Đơn vị chủ
  trì: …" / "Đơn vị phối hợp: …" / "Thời gian: …" lines; the city's bodies are the
  province's (→ "Công an tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh", "Hiệp hội Doanh
  nghiệp tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", "Ban Quản lý Khu kinh tế tỉnh", "Viettel
  tỉnh", "Viễn thông tỉnh" for "VNPT Hải Phòng"), its districts "quận, huyện" (→ "UBND cấp
  huyện"), its communes "phường, xã, thị trấn" (→ "UBND cấp xã"); support lists split by
  "," or ";"; deadlines "Quý II/2025", "Trước ngày 31/5/2025", "Trong năm 2025",
  "Thường xuyên", "Hoàn thành trước ngày 30/9/2025", "Tháng 10/2025", "6 tháng cuối năm
  2025", "Hằng năm". Then three numbered duties under "TỔ CHỨC THỰC HIỆN" (the thường trực
  body "… trước ngày 10/12/2025", Sở Tài chính on the budget, "UBND các quận, huyện …
  hoàn thành trong tháng 3/2025; chỉ đạo UBND các phường, xã, thị trấn …"), a closing
  general directive (no task), a budget paragraph without figures, and the signature
  block as a borderless table ("Nơi nhận" | "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ
  TỊCH", two empty lines, the name).
- Cần Thơ (UTF-8 text): a city's Đề án 06 plan whose header was copied out of a PDF with
  its layout kept (the two columns side by side, padded with spaces). "II. CHỈ TIÊU" only
  points to the appendix; the targets stand in the "PHỤ LỤC / CHỈ TIÊU THỰC HIỆN ĐỀ ÁN 06
  NĂM 2025" table after the signature, markdown rows "STT | Chỉ tiêu | Đơn vị tính | Chỉ
  tiêu năm 2025 | Ghi chú" with Roman group rows (empty cells): "≥ 80", "Tối thiểu
  12.000" hồ sơ, "100", "Trên 90", "2.500" camera, "Dưới 1"; notes such as "Lũy kế" and
  "Gồm cơ sở công lập và ngoài công lập". Tasks lettered "a)", "b)" under numbered agency
  headings ("1. Công an thành phố:", "2. Sở Nội vụ:", … "6. UBND các quận, huyện:"): the
  heading's agency leads, "Phối hợp với X …" / "Chủ trì, phối hợp với X, Y …" name the
  support; deadlines after the last ";": "hoàn thành trước 30/6/2025", "thực hiện thường
  xuyên", "trong năm 2025", "hoàn thành trong quý II/2025", "thường xuyên". Two "- " duties
  under "V. TỔ CHỨC THỰC HIỆN" ("… báo cáo UBND thành phố trước ngày 20 hằng tháng", Sở
  Tài chính on the budget) and a closing directive to the heads of all bodies (no task).

Sources are under ``tests/data/unseen/round11/``: the ``.txt`` is read as it is; the .docx
is built here (``build_numbered_docx``) from its ``*.src.txt``, where a line "#0 ", "#1 "
or "#2 " is a paragraph of that level of the automatic list and "|: " a row of a
borderless table whose ``<br>`` starts a new paragraph in the cell. Neither plan has an
emulation period, a scoring table or an award.

Measured once before any fix (``cd tests && ../.venv/bin/python test_unseen_round11.py``):
24/38 items right = 0.632 (Hải Phòng 12/18, Cần Thơ 12/20), no false alarm. One expectation
was then corrected, not the extractor: the support "Các sở, ban, ngành thành phố" had been
written as the generic "Các sở, ban, ngành", but the project keeps such catch-all groups as
written (round 9, test_unseen_plans.py); with it the before-fix figure is 25/38 = 0.658
(Hải Phòng 13/18, Cần Thơ 12/20), no false alarm; 13 of the module's 55 tests failed. All
13 misses are owner names of a centrally-run city, every other field right:
- the city's own bodies named "… thành phố" without the city's name were kept as written,
  not made the province's: "Công an thành phố" (lead of the four Cần Thơ duties of "1. Công
  an thành phố:" and "V.", support of "Phối hợp: Công an thành phố" in Hải Phòng and of the
  Sở Tư pháp duty), "Bảo hiểm xã hội thành phố" (2 Cần Thơ supports), "Hội Liên hiệp Phụ
  nữ thành phố" (1 Hải Phòng support); with the name ("Hiệp hội Doanh nghiệp thành phố Hải
  Phòng", "Ngân hàng Nhà nước chi nhánh thành phố Hải Phòng") they were right;
- the city's districts and communes were not resolved to their level: "UBND các quận,
  huyện" (3 Hải Phòng items, the 2 duties under "6. UBND các quận, huyện:" in Cần Thơ) and
  "UBND các phường, xã, thị trấn" (1 Hải Phòng support) stayed as written.
Read right: both headers (issuer "UBND thành phố …", the side-by-side header of the text
file, the signer in the borderless signature table), the Word list numbers (sections
"II.2.a" … from numbering.xml), all 14 targets (the appendix table with its Roman group
rows and "≥ 80", "Tối thiểu 12.000", "Trên 90", "Dưới 1"), every deadline, the leads taken
from the agency headings and the "Phối hợp với X" supports.
Note: vnplan learned Word's automatic numbering (ingest/word_numbering.py) minutes before
this round was measured, written in anticipation of it, so the Hải Phòng figure above
already has it. After general fixes (a centrally-run city's "… thành phố" bodies are the
gazetteer's "… tỉnh" ones; "UBND các quận, huyện", "UBND các phường, xã, thị trấn"):
38/38, no false alarms.
Run as a script to print the score.
"""

from __future__ import annotations

from pathlib import Path

from unseen_support import DATA, HUYEN, TT, Y25, HeldOut, blocks, scratch

SRC = DATA / "round11"
CA, KHDT, GD, YT, NV = ("Công an tỉnh", "Sở Kế hoạch và Đầu tư", "Sở Giáo dục và Đào tạo", "Sở Y tế",
                        "Sở Nội vụ")
XA, CT, TC, BHXH = "UBND cấp xã", "Sở Công Thương", "Sở Tài chính", "Bảo hiểm xã hội tỉnh"

# One multilevel list: "I." (upper Roman), "1." (decimal), "a)" (lower letter), each level
# restarting after the one above it, as Word's heading lists are set up.
_LEVELS = (("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"))


def _numbering(d) -> str:
    """Add the list to the document's numbering part; its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    numbering = d.part.numbering_part.element
    abstracts = numbering.findall(qn("w:abstractNum"))
    abstract_id = 1 + max(int(a.get(qn("w:abstractNumId"))) for a in abstracts)
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{360 * i}" w:firstLine="567"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(_LEVELS))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
    abstracts[-1].addnext(abstract)  # abstract definitions come before the <w:num> instances
    num_id = str(1 + max([int(n.numId) for n in numbering.num_lst] or [0]))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                               f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return num_id


def build_numbered_docx(src: Path, path: Path) -> Path:
    """A Word file whose "#<level> " paragraphs are numbered by Word, not by their text."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    num_id = _numbering(d)
    for kind, body in blocks(src):
        if kind == "p":
            level = int(body[1]) if body[:1] == "#" and body[2:3] == " " else None
            p = d.add_paragraph()
            run = p.add_run(body[3:] if level is not None else body)
            if level is not None:
                p._p.get_or_add_pPr().append(parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
                run.bold = level == 0
            continue
        t = d.add_table(rows=len(body), cols=len(body[0]))
        for r, row in enumerate(body):
            for c, text in enumerate(row):
                lines = text.split("\n")
                cell = t.cell(r, c)
                cell.text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
    d.save(path)
    return path


def build_word(name: str, folder: Path) -> Path:
    return build_numbered_docx(SRC / f"{name}.src.txt", folder / f"{name}.docx")


def as_is(name: str, folder: Path) -> Path:
    return SRC / f"{name}.txt"


PLANS = {  # name: (builder, header fields, ingest method)
    "hai_phong_kinh_te_so": (build_word, dict(
        province="Hải Phòng", issuer="UBND thành phố Hải Phòng", number="46/KH-UBND", issued_date="2025-02-14",
        doc_type="Kế hoạch", signer="Trần Quang Huy",
        title="Phát triển kinh tế số trên địa bàn thành phố Hải Phòng năm 2025"), "docx"),
    "can_tho_de_an_06": (as_is, dict(
        province="Cần Thơ", issuer="UBND thành phố Cần Thơ", number="19/KH-UBND", issued_date="2025-01-22",
        doc_type="Kế hoạch", signer="Huỳnh Thanh Phong",
        title="Thực hiện Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ "
              "chuyển đổi số quốc gia trên địa bàn thành phố Cần Thơ năm 2025"), "text"),
}

EXPECTED: dict[str, dict[str, list[dict]]] = {
    "hai_phong_kinh_te_so": {
        "targets": [  # all under "Mục tiêu cụ thể đến hết năm 2025"
            dict(key="GRDP", value=16, unit="%", comparator=">=", end=Y25),
            dict(key="doanh nghiệp nhỏ và vừa", value=55, unit="%", comparator=">", end=Y25),
            dict(key="chợ hạng 1", value=100, unit="%", comparator="=", end=Y25),
            dict(key="sàn thương mại điện tử", value=250, unit="sản phẩm", comparator=">=", end=Y25),
            dict(key="điển hình về thương mại điện tử", value=1, unit="mô hình", comparator=">=",
                 applies_to="cấp huyện", end=Y25),
            dict(key="tài khoản thanh toán điện tử", value=85, unit="%", comparator=">=", end=Y25),
            dict(key="doanh nghiệp công nghệ số", value=1500, unit="doanh nghiệp", comparator=">=", end=Y25),
        ],
        "tasks": [
            dict(key="chính sách hỗ trợ doanh nghiệp nhỏ và vừa", lead=[KHDT], support=[TC, "Sở Tư pháp", TT],
                 end="2025-06-30", recurring=False),
            dict(key="dữ liệu mở", lead=[TT], support=["Các sở, ban, ngành thành phố"], end="2025-05-31"),  # kept as written
            dict(key="5G", lead=[TT], support=["Ban Quản lý Khu kinh tế tỉnh", "Viettel tỉnh", "Viễn thông tỉnh"],
                 end=Y25),
            dict(key="mã QR", lead=[CT], support=["Ngân hàng Nhà nước chi nhánh tỉnh", YT, GD, HUYEN], end=None,
                 recurring=True),
            dict(key="chủ thể OCOP", lead=[CT], support=["Sở Nông nghiệp và Phát triển nông thôn", HUYEN],
                 end="2025-09-30"),
            dict(key="Diễn đàn Doanh nghiệp công nghệ số", lead=[TT], support=[KHDT, "Hiệp hội Doanh nghiệp tỉnh"],
                 end="2025-10-31"),
            dict(key="bán hàng trực tuyến", lead=["Sở Lao động - Thương binh và Xã hội"],
                 support=["Hội Liên hiệp Phụ nữ tỉnh", XA], end=Y25),
            dict(key="hoạt động trải nghiệm", lead=[GD], support=[CA], end=None, recurring=True),
            # "TỔ CHỨC THỰC HIỆN"
            dict(key="theo dõi, đôn đốc các cơ quan", lead=[TT], support=[], end="2025-12-10"),
            dict(key="dự toán ngân sách", lead=[TC], end=None),
            dict(key="kế hoạch triển khai trên địa bàn", lead=[HUYEN], end="2025-03-31"),
        ],
        "scoring_criteria": [],
        "awards": [],
    },
    "can_tho_de_an_06": {
        "targets": [  # the PHỤ LỤC, column "Chỉ tiêu năm 2025"
            dict(key="định danh điện tử mức độ 2", value=80, unit="%", comparator=">=", end=Y25),
            dict(key="trẻ em dưới 6 tuổi", value=12000, unit="hồ sơ", comparator=">=", end=Y25),
            dict(key="bộ phận một cửa", value=100, unit="%", comparator="=", end=Y25),
            dict(key="tiếp đón người bệnh", value=100, unit="%", comparator="=", end=Y25),
            dict(key="trợ cấp xã hội", value=90, unit="%", comparator=">", end=Y25),
            dict(key="camera an ninh", value=2500, unit="camera", comparator="=", end=Y25),
            dict(key="sai lệch thông tin", value=1, unit="%", comparator="<", end=Y25),
        ],
        "tasks": [
            # "1. Công an thành phố:"
            dict(key="làm sạch dữ liệu dân cư", lead=[CA], support=[], end="2025-06-30", recurring=False),
            dict(key="camera an ninh", lead=[CA], support=[TT], end=None, recurring=True),
            dict(key="căn cước lưu động", lead=[CA], end=Y25),
            # "2. Sở Nội vụ:"
            dict(key="dữ liệu cán bộ, công chức", lead=[NV], end="2025-08-31"),
            dict(key="xếp loại thi đua", lead=[NV], end=None, recurring=True),
            # "3. Sở Y tế:"
            dict(key="tiếp đón người bệnh", lead=[YT], end="2025-06-30"),
            dict(key="sổ sức khỏe điện tử", lead=[YT], support=[BHXH], end=Y25),
            # "4. Sở Giáo dục và Đào tạo:"
            dict(key="mã định danh cá nhân của học sinh", lead=[GD], end="2025-07-31"),
            # "5. Sở Tư pháp:"
            dict(key="liên thông thủ tục", lead=["Sở Tư pháp"], support=[CA, BHXH], end="2025-07-15"),
            # "6. UBND các quận, huyện:"
            dict(key="bộ phận một cửa", lead=[HUYEN], end="2025-06-30"),
            dict(key="vận động người dân", lead=[HUYEN], end=None, recurring=True),
            # "V. TỔ CHỨC THỰC HIỆN"
            dict(key="theo dõi, đôn đốc", lead=[CA], end=None, recurring=True),
            dict(key="bố trí kinh phí", lead=[TC], end=None),
        ],
        "scoring_criteria": [],
        "awards": [],
    },
}


def delivered(name: str) -> Path:
    return PLANS[name][0](name, scratch("round11"))


ROUND = HeldOut(EXPECTED, delivered)

globals().update(ROUND.standard_tests({n: p[1] for n, p in PLANS.items()}, methods={n: p[2] for n, p in PLANS.items()}))


def test_the_word_file_numbers_its_items_only_through_its_list():
    import docx

    d = docx.Document(str(delivered("hai_phong_kinh_te_so")))
    numbered = [p for p in d.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    src = (SRC / "hai_phong_kinh_te_so.src.txt").read_text(encoding="utf-8").splitlines()
    assert len(numbered) == sum(1 for line in src if line[:1] == "#")
    assert [p.text for p in numbered if p.text[:3] in ("I. ", "1. ", "a) ")] == []


def test_the_list_numbers_do_not_leak_into_owners_or_deadlines():
    ex = ROUND.extraction("hai_phong_kinh_te_so")
    names = {a for t in ex["tasks"] for a in t["lead"] + t["support"]}
    assert names & {"Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"} == set()


def test_the_appendix_group_rows_are_not_targets():
    ex = ROUND.extraction("can_tho_de_an_06")
    assert [t["metric"] for t in ex["targets"] if t["metric"].strip() in (
        "Định danh và xác thực điện tử", "Dịch vụ công và an sinh xã hội", "Bảo đảm an ninh, trật tự")] == []


def test_the_text_plan_is_read_as_utf8():
    assert ROUND.extraction("can_tho_de_an_06")["document"]["ingest"]["encoding"] == "utf-8"


def test_budgets_are_not_targets():
    for name in EXPECTED:
        ex = ROUND.extraction(name)
        assert [t["metric"] for t in ex["targets"] if t["unit"] in ("VND", "đồng", "triệu đồng")] == []


if __name__ == "__main__":
    ROUND.print_score(width=24)
