"""Text files in every encoding a Vietnamese plan turns up in, read back as Unicode NFC."""

import codecs
import hashlib
import unicodedata

import pytest

from fixtures_docs import corpus_lines, encode_cp1258
from ingest import IngestError, ingest_file
from ingest.legacy import TCVN3_TO_UNICODE, decode_tcvn3, decode_vni, encode_tcvn3, encode_vni
from ingest.readers import READERS, register_reader, sniff
from ingest.syllables import VIETNAMESE_LETTERS, is_syllable

PLAN = "\n".join(corpus_lines(40))
# A reworded passage that is not in the corpus (other province, other numbers).
OTHER = (
    "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\n"
    "KẾ HOẠCH TRIỂN KHAI ĐỀ ÁN 06 NĂM 2024\n"
    "Phấn đấu đến hết quý III/2024 có ít nhất 85% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến;\n"
    "Ủy ban nhân dân các huyện, thành phố chủ trì, phối hợp với Sở Thông tin và Truyền thông thực hiện.\n"
    "Huyện Mường Tè, Sìn Hồ, Phong Thổ báo cáo kết quả trước ngày 15 tháng 11 năm 2024."
)
ALL_LETTERS = sorted(c for c in VIETNAMESE_LETTERS if c not in "fjwz")


def ingest_bytes(tmp_path, raw, name="plan.txt", **options):
    path = tmp_path / name
    path.write_bytes(raw)
    return ingest_file(path, **options)


@pytest.mark.parametrize("text", [PLAN, OTHER])
def test_utf8_with_and_without_bom_reads_the_same(tmp_path, text):
    plain = ingest_bytes(tmp_path, text.encode("utf-8"), "a.txt")
    bom = ingest_bytes(tmp_path, codecs.BOM_UTF8 + text.encode("utf-8"), "b.txt")
    assert plain.text == bom.text == text
    assert (plain.encoding, bom.encoding) == ("utf-8", "utf-8-sig")
    assert plain.method == "text" and not plain.has_pages
    assert plain.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_decomposed_marks_are_composed_to_nfc(tmp_path):
    doc = ingest_bytes(tmp_path, unicodedata.normalize("NFD", OTHER).encode("utf-8"))
    assert doc.text == OTHER and unicodedata.is_normalized("NFC", doc.text)


@pytest.mark.parametrize("codec, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b"")])
def test_utf16_with_bom_or_detected_without(tmp_path, codec, bom):
    doc = ingest_bytes(tmp_path, bom + PLAN.encode(codec))
    assert doc.text == PLAN
    assert doc.encoding == codec


def test_crlf_line_ends_become_newlines(tmp_path):
    doc = ingest_bytes(tmp_path, OTHER.replace("\n", "\r\n").encode("utf-8"))
    assert doc.text == OTHER


@pytest.mark.parametrize("text", [PLAN, OTHER])
def test_windows_1258_combining_tones_are_composed(tmp_path, text):
    raw = encode_cp1258(text)
    assert b"\xec" in raw or b"\xcc" in raw  # combining acute/grave: really the decomposed form
    doc = ingest_bytes(tmp_path, raw)
    assert doc.encoding == "cp1258"
    assert doc.text == text


@pytest.mark.parametrize("text", [PLAN, OTHER])
def test_vni_round_trip(tmp_path, text):
    doc = ingest_bytes(tmp_path, encode_vni(text))
    assert doc.encoding == "vni"
    assert doc.text == text


@pytest.mark.parametrize("text", [PLAN, OTHER])
def test_tcvn3_round_trip(tmp_path, text):
    doc = ingest_bytes(tmp_path, encode_tcvn3(text))
    assert doc.encoding == "tcvn3"
    # TCVN3 has no codes for accented capitals (Ủ, Ế, ...): only case can differ, never a letter,
    # and headings in capitals are recased, so at most the odd sentence-initial "Ủy" stays "ủy".
    assert doc.text.lower() == text.lower()
    got, want = doc.text.split(), text.split()
    wrong_case = [(g, w) for g, w in zip(got, want) if g != w]
    assert len(wrong_case) <= max(1, 0.01 * len(want)), wrong_case


def test_tcvn3_headings_in_capitals_are_recased():
    # ".VnTimeH" capitals are stored with the lowercase codes
    text, _ = decode_tcvn3(encode_tcvn3("KẾ HOẠCH PHÁT ĐỘNG PHONG TRÀO THI ĐUA\nHà Nội, ngày 05 tháng 9 năm 2023"))
    assert text == "KẾ HOẠCH PHÁT ĐỘNG PHONG TRÀO THI ĐUA\nHà Nội, ngày 05 tháng 9 năm 2023"


def test_real_world_legacy_samples():
    tcvn3, _ = decode_tcvn3("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc".encode("latin-1"))
    assert tcvn3 == "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc"
    vni, _ = decode_vni("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam - Ñoäc laäp - Töï do - Haïnh phuùc".encode("cp1252"))
    assert vni == "Cộng hòa xã hội chủ nghĩa Việt Nam - Độc lập - Tự do - Hạnh phúc"


def test_tables_are_inverse_of_each_other_for_every_letter():
    for ch in ALL_LETTERS + [c.upper() for c in ALL_LETTERS]:
        assert decode_vni(encode_vni(ch))[0] == ch, ch
        assert decode_tcvn3(encode_tcvn3(ch))[0] == ch.lower() or ch.isascii() or ch in "ĂÂÊÔƠƯĐ", ch
    assert len(set(TCVN3_TO_UNICODE.values())) == len(TCVN3_TO_UNICODE) == 7 + 7 + 5 * 12


def test_each_legacy_file_is_not_mistaken_for_another_encoding(tmp_path):
    encoders = {"vni": encode_vni, "tcvn3": encode_tcvn3, "cp1258": encode_cp1258}
    short = "Thời gian hoàn thành: trước ngày 30/11/2023; cơ quan chủ trì: Sở Tư pháp."
    for name, encode in encoders.items():
        assert ingest_bytes(tmp_path, encode(short), f"{name}.txt").encoding == name


def test_syllable_check_accepts_words_and_rejects_misreadings():
    for word in ["nghiêng", "Khuyến", "quyết", "giữa", "ĐƯỜNG", "Đắk", "xoong", "tuyển"]:
        assert is_syllable(word), word
    for word in ["Vieọt", "hoøa", "ngàá", "Céngx", "bẩả"]:
        assert not is_syllable(word), word


def test_form_feeds_are_page_breaks(tmp_path):
    doc = ingest_bytes(tmp_path, "Trang một\n\fTrang hai\n\f".encode("utf-8"))
    assert [p.number for p in doc.pages] == [1, 2]
    assert doc.has_pages and doc.pages[1].text == "Trang hai"


def test_readers_are_chosen_by_content_not_suffix(tmp_path):
    assert sniff(b"%PDF-1.7\n", ".txt") == "pdf"
    assert sniff(b"\x89PNG\r\n\x1a\n....", ".dat") == "image"
    assert sniff("Kế hoạch".encode(), ".pdf.txt") == "text"
    with pytest.raises(IngestError, match="no PDF header"):
        sniff(b"hello", ".pdf")


def test_a_registered_reader_can_be_forced(tmp_path):
    def shouting(raw, options):
        from ingest.model import Page

        return [Page(1, raw.decode("utf-8").upper())], "text", ["shouted"]

    register_reader("shout", shouting)
    try:
        doc = ingest_bytes(tmp_path, "kế hoạch".encode(), reader="shout")
        assert doc.text == "KẾ HOẠCH" and doc.warnings == ["shouted"]
    finally:
        READERS.pop("shout")


def test_unknown_option_is_refused(tmp_path):
    with pytest.raises(TypeError, match="unknown ingest option"):
        ingest_bytes(tmp_path, b"x", langg="vie")


def test_double_encoded_utf8_is_repaired(tmp_path):
    import ingest.text  # noqa: F401  (registers the codec error handler used below)

    mojibake = OTHER.encode("utf-8").decode("cp1252", errors="vnplan-latin1")  # "Cá»™ng ..."
    assert "á»" in mojibake
    doc = ingest_bytes(tmp_path, mojibake.encode("utf-8"))
    assert doc.text == OTHER
    assert doc.encoding == "utf-8 (double-encoded)" and doc.warnings


def test_western_accents_in_utf8_are_left_alone(tmp_path):
    text = "Báo cáo gửi Đại sứ quán: café, naïve, Ångström, São Paulo."
    assert ingest_bytes(tmp_path, text.encode("utf-8")).text == text
