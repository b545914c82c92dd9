"""Word .docx files: paragraphs and tables read in document order."""

import pytest

from fixtures_docs import corpus_lines, make_docx
from ingest import IngestError, ingest_file

BEFORE = corpus_lines(4)
TABLE = [
    ["Danh hiệu", "Số lượng", "Mức thưởng"],
    ["Cờ thi đua của UBND tỉnh", "02 tập thể", "10.000.000 đồng"],
    ["Bằng khen của Chủ tịch UBND tỉnh", "10 cá nhân", "1.500.000 đồng"],
]
AFTER = ["III. TỔ CHỨC THỰC HIỆN", "Giao Sở Nội vụ theo dõi, tổng hợp kết quả trước ngày 15/12/2025."]


def test_paragraphs_and_table_rows_in_document_order(tmp_path):
    doc = ingest_file(make_docx(tmp_path / "ke-hoach.docx", BEFORE, TABLE, AFTER))
    assert doc.method == "docx" and not doc.has_pages and doc.encoding is None
    lines = doc.text.splitlines()
    assert lines[: len(BEFORE)] == BEFORE
    rows = [" | ".join(r) for r in TABLE]
    assert lines[len(BEFORE) : len(BEFORE) + 3] == rows
    assert lines[-2:] == AFTER
    assert doc.pages[0].tables == [TABLE]


def test_merged_cells_are_counted_once(tmp_path):
    table = [["Phụ lục: chỉ tiêu năm 2025", "", ""], ["STT", "Chỉ tiêu", "Tỷ lệ"], ["1", "Hồ sơ trực tuyến", "≥ 80%"]]
    doc = ingest_file(make_docx(tmp_path / "merged.docx", ["Mở đầu"], table, merge_first_row=True))
    assert doc.pages[0].tables[0][0] == ["Phụ lục: chỉ tiêu năm 2025"]
    assert "1 | Hồ sơ trực tuyến | ≥ 80%" in doc.text


def test_docx_found_by_content_even_with_another_suffix(tmp_path):
    path = make_docx(tmp_path / "ke-hoach.docx", BEFORE)
    renamed = path.rename(tmp_path / "ke-hoach.bin")
    assert ingest_file(renamed).method == "docx"


def test_damaged_docx_is_refused(tmp_path):
    raw = make_docx(tmp_path / "ok.docx", BEFORE).read_bytes()
    bad = tmp_path / "bad.docx"
    bad.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(IngestError, match="damaged .docx"):
        ingest_file(bad)


def test_zip_that_is_not_a_word_file_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("notes.txt", "Kế hoạch")
    with pytest.raises(IngestError, match="zip archive is not a supported"):
        ingest_file(path)


def test_old_binary_word_doc_is_refused_with_advice(tmp_path):
    path = tmp_path / "ke-hoach.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(IngestError, match="save it as .docx or PDF"):
        ingest_file(path)


def test_header_and_signature_layout_tables_are_read_cell_by_cell(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/KH-UBND"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBắc Ninh, ngày 10 tháng 01 năm 2025"
    d.add_paragraph("KẾ HOẠCH")
    d.save(tmp_path / "kh.docx")
    doc = ingest_file(tmp_path / "kh.docx")
    assert doc.text.splitlines()[:4] == ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 15/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert doc.pages[0].tables == []  # layout, not data


def _numbered_docx(path, items):
    """A .docx whose paragraphs carry Word's automatic numbering (numPr), levels I. / 1. / a)."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    numbering = d.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate([("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]))
    numbering.append(parse_xml(f'<w:abstractNum {w} w:abstractNumId="77">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    for level, text in items:
        p = d.add_paragraph(text)
        if level is not None:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>'))
    d.save(str(path))
    return path


def test_word_automatic_numbering_is_written_out_as_the_page_shows_it(tmp_path):
    path = _numbered_docx(tmp_path / "kh.docx", [
        (None, "KẾ HOẠCH"), (0, "MỤC TIÊU"), (1, "Phấn đấu 100% hồ sơ được số hóa."), (0, "NHIỆM VỤ"),
        (1, "Công an tỉnh:"), (2, "Rà soát dữ liệu dân cư."), (2, "Cấp căn cước."), (1, "Sở Tư pháp:"),
        (2, "Số hóa sổ hộ tịch."),
    ])
    assert ingest_file(path).pages[0].text.split("\n") == [
        "KẾ HOẠCH", "I. MỤC TIÊU", "1. Phấn đấu 100% hồ sơ được số hóa.", "II. NHIỆM VỤ", "1. Công an tỉnh:",
        "a) Rà soát dữ liệu dân cư.", "b) Cấp căn cước.", "2. Sở Tư pháp:", "a) Số hóa sổ hộ tịch.",
    ]
