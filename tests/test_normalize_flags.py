"""Flag, don't guess: footnote markers are reported; private contacts are masked; pages and the
diacritic-restoration hook keep their contracts."""

import sys
import types
from pathlib import Path

from ingest import ingest_file
from ingest.model import IngestedDocument, Page
from normalize import normalize_document
from normalize.flags import footnote_markers
from normalize.privacy import mask_contacts

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
BODY = "KẾ HOẠCH\nThử nghiệm\nI. NỘI DUNG\n"


def _doc(*pages: str, has_pages: bool = False) -> IngestedDocument:
    return IngestedDocument(source="m.txt", sha256="0" * 64, method="text",
                            pages=[Page(i + 1, t) for i, t in enumerate(pages)], has_pages=has_pages)


def test_year_with_a_glued_footnote_digit_is_flagged_not_changed():
    nd = normalize_document(_doc(BODY + "1. Xong trong tháng 12/20242.\n2. Hoàn thành năm 20251; đạt 100%.\n"), restore=False)
    assert "12/20242" in nd.text and "năm 20251" in nd.text
    flagged = [w for w in nd.warnings if "footnote" in w]
    assert len(flagged) == 2
    pos = nd.text.index("12/20242") + len("12/2024")
    assert f"offset {pos}" in flagged[0]


def test_ordinary_dates_and_numbers_are_not_flagged():
    text = "Từ ngày 01/12/2022 đến 31/12/2023, năm 2024 đạt 95%; Nghị định 104/2022/NĐ-CP; 20.000.000 đồng (mức 2)."
    assert footnote_markers(text) == []


def test_marker_after_a_closing_bracket_is_flagged():
    found = footnote_markers("trừ các trường hợp có lý do chính đáng)2.")
    assert [(m, tok) for _, m, tok in found] == [("2", "đáng)2")]


def test_private_email_and_mobile_are_masked_official_contacts_kept():
    text, found = mask_contacts("gửi qua Email: nguyenvana1990@yahoo.com, SĐT: 0912 345 678 hoặc 091.234.5678")
    assert "[email]" in text and text.count("[phone]") == 2 and "yahoo" not in text
    assert sorted(found) == ["email", "phone", "phone"]
    kept, found = mask_contacts("Liên hệ vanthu@haugiang.gov.vn, điện thoại 0293 3870 123; ngày 12/05/2023.")
    assert found == [] and "vanthu@haugiang.gov.vn" in kept


def test_đắk_lắk_seed_private_contacts_are_masked_with_warnings():
    nd = normalize_document(ingest_file(CORPUS / "003_d4f7ed5afff7d63e.txt"), restore=False)
    assert "@gmail.com" not in nd.text and "[email]" in nd.text and "[phone]" in nd.text
    assert sum("masked" in w for w in nd.warnings) == 2


def test_hà_giang_seed_footnote_is_flagged():
    nd = normalize_document(ingest_file(CORPUS / "000_49e3d13dcca6eaaf.txt"), restore=False)
    assert any("'20231'" in w for w in nd.warnings)
    assert "tháng 11/20231" in nd.text


def test_page_starts_survive_a_sentence_split_across_pages():
    p1 = BODY + "1. Nội dung thứ nhất được triển khai trên toàn\n"
    p2 = "tỉnh trong năm 2024.\n2. Nội dung thứ hai.\n"
    p3 = "3. Nội dung thứ ba.\n"
    nd = normalize_document(_doc(p1, p2, p3, has_pages=True), restore=False)
    assert "trên toàn tỉnh trong năm 2024." in nd.text
    assert nd.page_starts[0] == 0
    assert nd.text[nd.page_starts[1] :].startswith("tỉnh trong năm 2024.")
    assert nd.text[nd.page_starts[2] :].startswith("3. Nội dung thứ ba.")
    assert nd.page_of(nd.text.index("thứ hai")) == 2 and nd.page_of(nd.text.index("thứ ba")) == 3


def test_running_page_numbers_are_dropped():
    nd = normalize_document(_doc(BODY + "1. Một.\n- 1 -\n", "2\n2. Hai.\n", has_pages=True), restore=False)
    assert nd.text.endswith("1. Một.\n2. Hai.")


def test_restoration_hook_is_called_and_optional(monkeypatch):
    calls = []

    def fake_restore(text):
        calls.append(text)
        return types.SimpleNamespace(text=text.replace("Noi dung", "Nội dung"), restored=True, warnings=["fake restorer ran"])

    fake = types.ModuleType("normalize.diacritics")
    fake.restore_if_needed = fake_restore
    monkeypatch.setitem(sys.modules, "normalize.diacritics", fake)
    doc = _doc("KE HOACH\nThu nghiem\nI. NOI DUNG\n1. Noi dung mot.\n")
    nd = normalize_document(doc)
    assert calls and nd.diacritics_restored and "1. Nội dung mot." in nd.text and "fake restorer ran" in nd.warnings
    nd = normalize_document(doc, restore=False)
    assert not nd.diacritics_restored and "Noi dung" in nd.text


def test_missing_or_failing_restorer_leaves_the_text(monkeypatch):
    monkeypatch.setitem(sys.modules, "normalize.diacritics", None)  # import fails
    nd = normalize_document(_doc("KE HOACH\nThu\nI. NOI DUNG\n1. Noi dung.\n"))
    assert "Noi dung" in nd.text and not nd.diacritics_restored

    bad = types.ModuleType("normalize.diacritics")
    bad.restore_if_needed = lambda text: (_ for _ in ()).throw(RuntimeError("model missing"))
    monkeypatch.setitem(sys.modules, "normalize.diacritics", bad)
    nd = normalize_document(_doc("KE HOACH\nThu\nI. NOI DUNG\n1. Noi dung.\n"))
    assert "Noi dung" in nd.text and any("restoration failed" in w for w in nd.warnings)
