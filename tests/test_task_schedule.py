"""Schedule sections ("Tiến độ thực hiện", "Lộ trình thực hiện"): each dated statement is a task."""

from extract.task_schedule import is_schedule_heading
from extract.tasks import extract_tasks
from normalize.model import NormalizedDocument


def doc(text):
    return NormalizedDocument(source="t.txt", doc_id="t", text=text)


HEAD = "KẾ HOẠCH\nPhát động phong trào thi đua chuyển đổi số tỉnh Bình Định giai đoạn 2024 - 2027\n"

ROADMAP = HEAD + """I. MỤC ĐÍCH, YÊU CẦU
1. Phong trào phải được triển khai sâu rộng, thiết thực.
IV. LỘ TRÌNH THỰC HIỆN
1. Giai đoạn 1: Từ năm 2024 đến năm 2026
- Quý I/2024: Sở Nội vụ tham mưu ban hành Kế hoạch và tổ chức phát động Phong trào thi đua.
- Tháng 6/2024, 100% các cơ quan, đơn vị tổ chức phát động Phong trào trong phạm vi quản lý.
- Từ năm 2025 đến năm 2026, đẩy mạnh triển khai Phong trào; tổ chức sơ kết vào cuối năm 2026.
- Thời gian sơ kết: Dự kiến tháng 12/2026.
2. Giai đoạn 2: Từ năm 2026 đến năm 2027
Trên cơ sở kết quả sơ kết giai đoạn 1, Ủy ban nhân dân tỉnh tiếp tục chỉ đạo triển khai giai đoạn 2 và tổng kết vào năm 2027.
V. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ chủ trì, phối hợp với Sở Thông tin và Truyền thông theo dõi, đôn đốc việc thực hiện Kế hoạch này.
"""


def _schedule(tasks):
    return [t for t in tasks if t.layout == "schedule"]


def test_each_dated_statement_of_a_roadmap_is_a_task_with_that_deadline():
    tasks = _schedule(extract_tasks(doc(ROADMAP)))
    assert [(t.deadline.text, t.deadline.start, t.deadline.end) for t in tasks] == [
        ("Quý I/2024", None, "2024-03-31"),
        ("Tháng 6/2024", None, "2024-06-30"),
        ("Từ năm 2025 đến năm 2026", "2025-01-01", "2026-12-31"),
        ("Từ năm 2026 đến năm 2027", "2026-01-01", "2027-12-31"),
    ]
    assert [t.lead for t in tasks] == [["Sở Nội vụ"], ["Các cơ quan, đơn vị"], [], ["UBND tỉnh"]]
    assert tasks[0].text.startswith("Tham mưu ban hành Kế hoạch")
    assert tasks[2].warnings == ["no lead agency stated"]


def test_a_phase_heading_dates_the_paragraph_under_it_and_is_part_of_its_evidence():
    text = ROADMAP
    last = _schedule(extract_tasks(doc(text)))[-1]
    s, e = last.evidence.span
    assert text[s:e] == last.evidence.text
    assert last.evidence.text.startswith("Giai đoạn 2: Từ năm 2026 đến năm 2027")
    assert last.text.startswith("Tiếp tục chỉ đạo triển khai giai đoạn 2")


def test_phase_headings_and_date_labels_are_not_tasks():
    texts = [t.evidence.text for t in extract_tasks(doc(ROADMAP))]
    assert not any(x.startswith(("1. Giai đoạn 1", "Giai đoạn 1")) for x in texts)
    assert not any("Thời gian sơ kết" in x for x in texts)
    # the duty sentence of "Tổ chức thực hiện" is still read as before
    assert [t.lead for t in extract_tasks(doc(ROADMAP)) if t.layout == "assignment"] == [["Sở Nội vụ"]]


def test_other_headings_and_years_progress_section_with_a_dated_phrase_inside():
    text = HEAD.replace("2024 - 2027", "2023 - 2025") + """III. TIẾN ĐỘ TRIỂN KHAI
- Năm 2023, Công an tỉnh chủ trì, phối hợp với Sở Tư pháp rà soát, làm sạch dữ liệu hộ tịch.
- Sở Y tế hoàn thành kết nối dữ liệu khám chữa bệnh trong quý IV/2024.
- Giai đoạn 2023 - 2025: các sở, ban, ngành triển khai đồng bộ các nội dung của Kế hoạch.
"""
    tasks = _schedule(extract_tasks(doc(text)))
    assert [(t.lead, t.deadline.end) for t in tasks] == [
        (["Công an tỉnh"], "2023-12-31"),
        (["Sở Y tế"], "2024-12-31"),
        (["Các sở, ban, ngành"], "2025-12-31"),
    ]
    assert tasks[0].support == ["Sở Tư pháp"]
    assert tasks[2].deadline.start == "2023-01-01"


def test_hard_wrapped_phase_heading_as_in_a_raw_text_layer():
    text = HEAD + """V. TIẾN ĐỘ
THỰC HIỆN
1. Giai đoạn 1: Từ năm 2024
đến năm 2025
- Năm 2024, ban hành Kế hoạch
và tổ chức phát động Phong trào thi đua.
2. Giai đoạn 2: Từ năm 2026
đến năm 2027
Trên cơ sở tổng kết giai đoạn 1, Ủy ban nhân dân tỉnh tiếp tục triển khai giai đoạn 2.
"""
    tasks = _schedule(extract_tasks(doc(text)))
    assert [(t.deadline.end, t.lead) for t in tasks] == [("2024-12-31", []), ("2027-12-31", ["UBND tỉnh"])]


def test_the_same_dated_statements_outside_a_schedule_section_are_not_read_as_schedule_tasks():
    text = ROADMAP.replace("IV. LỘ TRÌNH THỰC HIỆN", "IV. KẾT QUẢ ĐẠT ĐƯỢC")
    assert _schedule(extract_tasks(doc(text))) == []


def test_schedule_headings():
    assert is_schedule_heading("TIẾN ĐỘ THỰC HIỆN")
    assert is_schedule_heading("Lộ trình triển khai")
    assert is_schedule_heading("Thời gian và tiến độ thực hiện")
    assert not is_schedule_heading("Tiến độ: Quý 3 năm 2024")
    assert not is_schedule_heading("PHẠM VI, THỜI GIAN PHÁT ĐỘNG")
    assert not is_schedule_heading("Tiến độ thực hiện các nhiệm vụ của Đề án 06 trên địa bàn tỉnh trong năm 2023")
