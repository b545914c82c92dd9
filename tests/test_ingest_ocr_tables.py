"""Ruled tables on scanned pages: the grid the rules draw decides which cell each word is in."""

from fixtures_docs import _font

ROWS = [
    ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
    ["1", "Triển khai nền tảng đào tạo trực tuyến", "Sở Nội vụ", "Quý IV/2025"],
    ["2", "Xây dựng Bộ tiêu chí đánh giá chuyển đổi số", "Sở Tư pháp", "Năm 2026"],
]
COLS = [150, 330, 1300, 1900, 2330]  # x of the column rules at 300 dpi


def _scan(rows=ROWS, group: str | None = None, double: bool = False, blur: float = 0.8):
    """A page with a paragraph, then a ruled table (optionally a group row merged across it)."""
    from PIL import Image, ImageDraw, ImageFilter

    img = Image.new("L", (2480, 1500), 255)
    d = ImageDraw.Draw(img)
    font = _font(42)
    d.text((150, 120), "PHỤ LỤC: DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2026", font=font, fill=0)
    y = 260
    bands = [("row", r) for r in rows[:2]] + ([("group", group)] if group else []) + [("row", r) for r in rows[2:]]
    tops = [y]
    for kind, row in bands:
        bottom = y + 110
        if kind == "row":
            for x, cell in zip(COLS, row):
                d.text((x + 20, y + 30), cell, font=font, fill=0)
            for x in COLS:
                d.line([(x, y), (x, bottom)], fill=0, width=3)
                if double:
                    d.line([(x + 6, y), (x + 6, bottom)], fill=0, width=3)
        else:
            d.text((COLS[0] + 20, y + 30), row, font=font, fill=0)
            for x in (COLS[0], COLS[-1]):
                d.line([(x, y), (x, bottom)], fill=0, width=3)
        y = bottom
        tops.append(y)
    for t in tops:
        d.line([(COLS[0], t), (COLS[-1], t)], fill=0, width=3)
    d.text((150, y + 80), "Các cơ quan báo cáo kết quả trước ngày 15/12/2026.", font=font, fill=0)
    return img.filter(ImageFilter.GaussianBlur(blur)) if blur else img


def test_the_grid_of_a_ruled_table_is_found_from_its_rules():
    from ingest.ocr_tables import find_grids

    [grid] = find_grids(_scan(double=True, blur=0))
    assert len(grid.rules) == 4  # three rows
    assert all(len(cols) == 5 for cols in grid.columns)  # a doubled rule is one rule


def test_a_group_row_merged_across_the_table_is_one_cell():
    from ingest.ocr_tables import find_grids

    [grid] = find_grids(_scan(group="I. NÂNG CAO NHẬN THỨC", blur=0))
    assert [len(c) for c in grid.columns] == [5, 5, 2, 5]


def test_a_page_without_rules_has_no_grid():
    from PIL import Image, ImageDraw

    from ingest.ocr_tables import find_grids

    img = Image.new("L", (2480, 800), 255)
    ImageDraw.Draw(img).text((150, 120), "Các cơ quan, đơn vị triển khai thực hiện Kế hoạch này.", font=_font(42), fill=0)
    assert find_grids(img) == []


def test_a_scanned_table_is_read_row_by_row():
    from ingest.ocr import ocr_image

    result = ocr_image(_scan(group="I. NÂNG CAO NHẬN THỨC"), dpi=300)
    lines = result.text.splitlines()
    assert "STT | Tên nhiệm vụ | Cơ quan chủ trì | Thời gian" in lines
    assert "1 | Triển khai nền tảng đào tạo trực tuyến | Sở Nội vụ | Quý IV/2025" in lines
    assert "I. NÂNG CAO NHẬN THỨC" in lines  # the group row, one cell
    assert result.tables == [[ROWS[0], ROWS[1], ["I. NÂNG CAO NHẬN THỨC"], ROWS[2]]]
    # the table sits between the text above it and the text below it
    assert lines.index("STT | Tên nhiệm vụ | Cơ quan chủ trì | Thời gian") < \
        next(i for i, ln in enumerate(lines) if ln.startswith("Các cơ quan báo cáo"))


def _rules_only_at(rows, inner: bool):
    """A table of ``rows`` with its column rules, and row rules only at its head and foot unless ``inner``."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (2480, 1200), 255)
    d = ImageDraw.Draw(img)
    font = _font(42)
    y = 200
    tops = [y]
    for row in rows:
        for x, cell in zip(COLS, row):
            d.text((x + 20, y + 30), cell, font=font, fill=0)
        y += 110
        tops.append(y)
    for x in COLS:
        d.line([(x, tops[0]), (x, tops[-1])], fill=0, width=3)
    for t in (tops if inner else [tops[0], tops[1], tops[-1]]):
        d.line([(COLS[0], t), (COLS[-1], t)], fill=0, width=3)
    return img


def test_a_table_ruled_by_its_columns_alone_is_read_as_lines():
    from ingest.ocr import ocr_image

    rows = ROWS + [["3", "Tổ chức tập huấn kỹ năng số", "Sở Nội vụ", "Năm 2027"]]
    result = ocr_image(_rules_only_at(rows, inner=False), dpi=300)
    assert result.tables == [[ROWS[0]]] or result.tables == []  # the header band alone may be a row
    assert not any("Triển khai" in ln and "Xây dựng" in ln for ln in result.text.splitlines())


def test_text_between_two_tables_as_wide_is_no_row_of_either():
    from PIL import Image, ImageDraw

    from ingest.ocr_tables import find_grids

    first, second = _rules_only_at(ROWS, inner=True), _rules_only_at(ROWS, inner=True)
    page = Image.new("L", (2480, 1400), 255)
    page.paste(first.crop((0, 150, 2480, 560)), (0, 0))
    ImageDraw.Draw(page).text((150, 480), "2. Nhiệm vụ năm 2026", font=_font(42), fill=0)
    page.paste(second.crop((0, 150, 2480, 560)), (0, 600))
    grids = find_grids(page)
    assert len(grids) == 2 and all(len(g.rules) == 4 for g in grids)


def test_a_scan_at_600_dpi_finds_the_same_grid():
    from ingest.ocr_tables import find_grids

    img = _scan(double=True, blur=0)
    big = img.resize((img.width * 2, img.height * 2))
    [grid] = find_grids(big, dpi=600)
    assert len(grid.rules) == 4 and all(len(cols) == 5 for cols in grid.columns)


def test_rule_glyphs_glued_to_a_cell_s_words_go():
    """Tesseract reads a rule touching a word as "_", "|" or "[": "9_" is row 9, "xuyên[" is "xuyên"."""
    from ingest.ocr_tables import Grid, table_rows

    grid = Grid([0, 100], 0, 1000, [[0, 200, 1000]])
    words = [(20, 30, 40, 30, "9_"), (220, 30, 80, 30, "Thường"), (310, 30, 80, 30, "xuyên["), (400, 30, 60, 30, "[26]"),
             (500, 30, 10, 30, "|")]
    assert table_rows(grid, words) == [["9", "Thường xuyên [26]"]]
