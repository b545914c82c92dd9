"""What a second reading of the seventh session's change found (December 2026), each case
written as a plan or regulation would put it."""

from types import SimpleNamespace

from extract.deadlines import parse_deadline
from extract.scoring import extract_scoring
from extract.task_sentences import deadline_in
from extract.task_tables import table_tasks
from extract.tasks import extract_tasks
from ingest.model import IngestedDocument, Page
from normalize import normalize_document
from normalize.model import NormalizedDocument
from normalize.sections import parse_sections

HEAD = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 15/KH-UBND
KẾ HOẠCH
Triển khai chuyển đổi số năm 2025
V. TỔ CHỨC THỰC HIỆN
"""
TAIL = """
Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def _tasks(body: str):
    doc = IngestedDocument(source="m.md", sha256="0" * 64, method="text", pages=[Page(1, HEAD + body + TAIL)])
    return extract_tasks(normalize_document(doc, restore=False))


def test_a_date_wins_over_how_long_something_lasts_and_a_time_limit_stops_at_its_clause():
    assert deadline_in("Tổ chức hội nghị trong 02 ngày, hoàn thành trước ngày 15/12/2025.") == "hoàn thành trước ngày 15/12/2025"
    assert deadline_in("Sở Y tế tổ chức tập huấn trong 02 ngày trong tháng 11/2025.") == "trong tháng 11/2025"
    limit = deadline_in("Sở Tư pháp thẩm định trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ, sau đó gửi "
                        "Văn phòng UBND tỉnh tổng hợp.")
    assert limit == "trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ"
    counted, _ = parse_deadline("chậm nhất 05 ngày làm việc kể từ ngày 01/12/2025", 2025)
    assert counted.kind == "conditional" and counted.end is None and counted.start is None


def test_a_deadline_line_after_a_dash_dates_it_in_either_wording():
    tasks = _tasks("1. Sở Y tế\n- Xây dựng quy trình điện tử giải quyết thủ tục hành chính.\n"
                   "- Hoàn thành trước ngày 30/11/2025.\n")
    assert [t.text for t in tasks] == ["Xây dựng quy trình điện tử giải quyết thủ tục hành chính."]
    assert tasks[0].deadline.end == "2025-11-30"
    review = _tasks("1. Sở Tư pháp rà soát các thủ tục hành chính của ngành. Thời hạn tối đa 05 ngày làm việc kể từ "
                    "ngày nhận được văn bản.\n")
    assert review[0].deadline is not None and review[0].deadline.kind == "conditional"


def test_a_case_for_difficulties_between_duties_keeps_the_duty_after_it():
    tasks = _tasks("1. Sở Y tế\nChủ trì triển khai các nội dung của Kế hoạch.\nTrong quá trình thực hiện, nếu có khó khăn, "
                   "vướng mắc thì báo cáo UBND tỉnh xem xét.\nĐịnh kỳ hằng quý báo cáo kết quả thực hiện về Sở Nội vụ.\n")
    assert "Định kỳ hằng quý báo cáo" in tasks[0].text and "vướng mắc" not in tasks[0].text


def test_a_dash_that_names_its_own_body_under_a_group_keeps_it():
    tasks = _tasks("1. Các sở, ban, ngành tỉnh\nCăn cứ chức năng, nhiệm vụ được giao, triển khai thực hiện các nội dung sau:\n"
                   "- Sở Y tế chủ trì xây dựng kế hoạch truyền thông.\n- Giao Sở Tài chính bố trí kinh phí thực hiện.\n")
    assert [t.lead for t in tasks] == [["Sở Y tế"], ["Sở Tài chính"]]


def test_a_body_whose_name_ends_in_khong_and_one_asked_to_advise_on_a_delegation():
    tasks = _tasks("1. Giao Cục Hàng không chủ trì rà soát quy hoạch cảng hàng không trên địa bàn.\n")
    assert tasks and tasks[0].lead == ["Cục Hàng không"]
    advise = _tasks("1. Sở Nội vụ chủ trì tham mưu UBND tỉnh phân cấp cho UBND cấp xã:\na) Rà soát các nhiệm vụ có thể phân cấp.\n"
                    "b) Dự thảo Quyết định phân cấp, trình UBND tỉnh trước ngày 30/11/2025.\n")
    assert [t.lead for t in advise] == [["Sở Nội vụ"], ["Sở Nội vụ"]]


def test_a_two_row_header_is_as_wide_as_its_second_row():
    text = ("TT | Nội dung | Cơ quan thực hiện | Thời gian\nTT | Nội dung | Chủ trì | Phối hợp | Thời gian\n"
            "1 | Xây dựng kế hoạch triển khai | Sở Y tế |  | Trong quý IV năm 2025\n")
    tasks = table_tasks(SimpleNamespace(text=text, tables=[]))
    assert [(t.text, t.deadline) for t in tasks] == [("Xây dựng kế hoạch triển khai", "Trong quý IV năm 2025")]


def test_a_score_table_with_a_row_on_meeting_deadlines_is_still_read():
    text = "PHỤ LỤC\nTT | Tiêu chí | Số điểm\n1 | Hoàn thành tiến độ các nhiệm vụ đúng kế hoạch đề ra | 20\n2 | Báo cáo đúng hạn | 10\n"
    assert len(extract_scoring(NormalizedDocument(source="t.txt", doc_id="t", text=text, tables=[]))) == 2


def test_an_article_after_a_section_heading_opens_whatever_the_gap():
    text = "\n".join(["Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh", "Quy chế này quy định …",
                      "Điều 2. Quy trình", "Chương III", "TỔ CHỨC THỰC HIỆN", "Mục 1. TRÁCH NHIỆM CỦA CÁC CƠ QUAN",
                      "Điều 58. Trách nhiệm của Ủy ban nhân dân cấp xã", "1. Tiếp nhận hồ sơ."])
    assert "Chương III.Mục 1.Điều 58.1" in [s.path for s in parse_sections(text, set())]


def test_an_article_on_powers_and_obligations_holds_duties():
    tasks = _tasks("Điều 2. Thẩm quyền và nghĩa vụ của Sở Công Thương\n1. Kiểm tra việc thực hiện quy định về an toàn điện.\n"
                   "2. Báo cáo UBND tỉnh kết quả kiểm tra hằng năm.\n")
    assert [t.lead for t in tasks] == [["Sở Công Thương"], ["Sở Công Thương"]]
