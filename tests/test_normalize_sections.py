"""Section tree: every offset of the body maps to its heading path."""

from pathlib import Path

from ingest import ingest_file
from ingest.model import IngestedDocument, Page
from normalize import normalize_document
from normalize.sections import parse_sections

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _paths(text: str) -> list[str]:
    return [s.path for s in parse_sections(text, set())]


def test_roman_number_dotted_and_lettered_headings_nest():
    text = "\n".join([
        "I. MỤC ĐÍCH",
        "1. Mục đích chung.",
        "II. NHIỆM VỤ",
        "1. Về dịch vụ công",
        "1.1. Chỉ tiêu",
        "a) Tỷ lệ hồ sơ trực tuyến đạt 80%.",
        "- gạch đầu dòng không phải mục",
        "+ dấu cộng cũng không",
        "b) Tỷ lệ số hóa đạt 100%.",
        "1.2. Nhiệm vụ",
        "1.2.1. Rà soát thủ tục.",
        "2. Khen thưởng",
    ])
    assert _paths(text) == ["I", "I.1", "II", "II.1", "II.1.1", "II.1.1.a", "II.1.1.b", "II.1.2", "II.1.2.1", "II.2"]


def test_section_of_gives_the_deepest_section():
    text = "I. MỤC ĐÍCH\n1. Nội dung một.\nII. NHIỆM VỤ\n2.1. Chỉ tiêu\nCâu văn dưới chỉ tiêu.\n"
    doc = IngestedDocument(source="m.txt", sha256="0" * 64, method="text", pages=[Page(1, "KẾ HOẠCH\nThử\n" + text)])
    nd = normalize_document(doc, restore=False)
    at = nd.text.index("Câu văn")
    assert nd.section_of(at) == "II.2.1"
    assert nd.section_of(nd.text.index("Nội dung một")) == "I.1"
    assert nd.section_of(0) is None  # the opening block is before any section


def test_a_number_that_breaks_the_sequence_is_not_a_heading():
    text = "I. NỘI DUNG\n1. Mục một.\n2. Mục hai.\n7. theo điểm này của Luật.\n3. Mục ba.\nII. KHÁC\nIII.\n"
    paths = _paths(text)
    assert paths == ["I", "I.1", "I.2", "I.3", "II"]


def test_appendix_and_table_rows_give_appendix_paths():
    text = "\n".join([
        "I. NỘI DUNG",
        "1. Một.",
        "PHỤ LỤC 2",
        "CÁCH TÍNH ĐIỂM",
        "TT | Chỉ tiêu | Điểm",
        "A | ĐIỂM CƠ BẢN | 300",
        "I | Công tác chỉ đạo | 30",
        "1 | Ban hành kế hoạch | 3",
        "II | Dịch vụ công trực tuyến | 50",
        "1 | Tỷ lệ DVC trực tuyến | 20",
    ])
    pos, table = 0, set()
    for ln in text.split("\n"):
        if " | " in ln:
            table.add(pos)
        pos += len(ln) + 1
    secs = parse_sections(text, table)
    assert [s.path for s in secs] == ["I", "I.1", "Phụ lục 2", "Phụ lục 2/A", "Phụ lục 2/I", "Phụ lục 2/I/1",
                                      "Phụ lục 2/II", "Phụ lục 2/II/1"]
    last = secs[-1]
    assert last.start == text.index("1 | Tỷ lệ") and last.end == len(text)


def test_seeds_have_section_paths():
    nd = normalize_document(ingest_file(CORPUS / "000_49e3d13dcca6eaaf.txt"), restore=False)
    paths = {s.path for s in nd.sections}
    assert {"III.1.2", "IV.2.3", "VI.5", "Phụ lục 2/II/1", "Phụ lục 1/3.10"} <= paths
    assert nd.section_of(nd.text.index("xong trong tháng 11/2023")) == "II.4.2"
    nd2 = normalize_document(ingest_file(CORPUS / "003_d4f7ed5afff7d63e.txt"), restore=False)
    assert {"II.2.2.1", "II.2.6.2", "III.4"} <= {s.path for s in nd2.sections}


def test_ocr_damaged_roman_heading_is_read_in_sequence_with_a_warning():
    text = "KẾ HOẠCH\nThử\nI. MỤC ĐÍCH\n1. Nội dung.\n11. ĐỐI TƯỢNG THI ĐUA\n1. Các huyện.\n"
    doc = IngestedDocument(source="m.txt", sha256="0" * 64, method="text", pages=[Page(1, text)])
    nd = normalize_document(doc, restore=False)
    assert [s.path for s in nd.sections] == ["I", "I.1", "II", "II.1"]
    assert any("Roman numeral II" in w for w in nd.warnings)


def test_a_part_numbered_like_the_one_before_it_is_the_next_part():
    """A scan's "III." read as "II." (a stroke lost): the parts after it keep their place."""
    text = ("KẾ HOẠCH\nThử\nI. MỤC ĐÍCH\n1. Nội dung.\nII. ĐỐI TƯỢNG THI ĐUA\n1. Các huyện.\n"
            "II. HÌNH THỨC KHEN THƯỞNG\n1. Bằng khen.\nIV. SỐ LƯỢNG KHEN THƯỞNG\n1. Không quá 05 tập thể.\n")
    doc = IngestedDocument(source="m.txt", sha256="0" * 64, method="text", pages=[Page(1, text)])
    nd = normalize_document(doc, restore=False)
    assert [s.path for s in nd.sections if "." not in s.path] == ["I", "II", "III", "IV"]
    assert nd.section_of(nd.text.index("Không quá 05")) == "IV.1"
    assert any("read as Roman numeral III" in w for w in nd.warnings)


def test_the_first_article_of_a_chapter_opens_whatever_articles_went_before_it():
    text = "\n".join([
        "Chương I",
        "QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi điều chỉnh",
        "Quy chế này quy định việc tiếp nhận hồ sơ đất đai.",
        "Điều 2. Quy trình giải quyết",
        "TT | Bước | Thời gian",
        "1 | Tiếp nhận hồ sơ | 0,5 ngày",
        "Chương III",
        "TỔ CHỨC THỰC HIỆN",
        "Điều 41. Trách nhiệm của Ủy ban nhân dân cấp xã",
        "1. Niêm yết công khai thủ tục hành chính.",
        "Điều 42. Trách nhiệm của các sở, ngành",
        "1. Hướng dẫn nghiệp vụ.",
    ])
    paths = _paths(text)
    assert "Chương III.Điều 41.1" in paths and "Chương III.Điều 42.1" in paths
    # elsewhere a number far ahead of the last article is a cross-reference, not a heading
    assert not any("Điều 40" in p for p in _paths(text.replace("TỔ CHỨC THỰC HIỆN\n", "TỔ CHỨC THỰC HIỆN\nĐiều 3. Trách nhiệm chung\nĐiều 40. Theo khoản 1\n")))


def test_an_item_numbered_11_under_part_ii_renumbers_no_part():
    """"11." in capitals under "II." is item 11, not a part: "III." and "IV." after it keep their numbers."""
    items = "\n".join(f"{k}. NỘI DUNG SỐ {k}" for k in range(1, 12))
    text = f"KẾ HOẠCH\nThử\nI. MỤC ĐÍCH\n1. Nội dung.\nII. NHIỆM VỤ\n{items}\nIII. KINH PHÍ\n1. Ngân sách.\nIV. TỔ CHỨC THỰC HIỆN\n"
    doc = IngestedDocument(source="m.txt", sha256="0" * 64, method="text", pages=[Page(1, text)])
    nd = normalize_document(doc, restore=False)
    assert [s.path for s in nd.sections if "." not in s.path] == ["I", "II", "III", "IV"]
    assert "II.11" in {s.path for s in nd.sections}
    assert not any("Roman" in w for w in nd.warnings)


def test_a_part_number_that_repeats_and_goes_on_by_one_stays_as_written():
    text = "KẾ HOẠCH\nThử\nI. MỤC ĐÍCH\nII. ĐỐI TƯỢNG\nII. HÌNH THỨC\nIII. KINH PHÍ\n"
    doc = IngestedDocument(source="m.txt", sha256="0" * 64, method="text", pages=[Page(1, text)])
    nd = normalize_document(doc, restore=False)
    assert not any("read as Roman numeral" in w for w in nd.warnings)
