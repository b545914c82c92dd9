"""Campaign period and milestones of emulation plans; None for plans without a campaign."""

import pytest

from extract.campaign import extract_campaign, find_deadline_phrase
from normalize.model import NormalizedDocument


def ndoc(text):
    return NormalizedDocument(source="t.txt", doc_id="t", text=text)


HEAD = "KẾ HOẠCH\nPhát động phong trào thi đua thực hiện Đề án 06 năm {y}\n"


@pytest.mark.parametrize("year, body, period, milestones", [
    (2023,  # the corpus wording: labelled lines under the time heading
     "2. Thời gian phát động phong trào thi đua: Từ nay đến hết ngày 30/11/2023.\n"
     "- Thời gian tổ chức sơ kết: Dự kiến tháng 8/2023.\n"
     "- Thời gian tổng kết: Dự kiến tháng 12/2023.\n",
     (None, "2023-11-30"), [("sơ kết", "2023-08-31"), ("tổng kết", "2023-12-31")]),
    (2024,  # reworded, another year, a start date, reviews named inside a sentence
     "2. Thời gian thi đua\n"
     "Thời gian thi đua bắt đầu từ ngày 01/3/2024 đến hết ngày 31 tháng 10 năm 2024.\n"
     "Sơ kết vào tháng 6/2024; tổ chức tổng kết trong tháng 11/2024.\n",
     ("2024-03-01", "2024-10-31"), [("sơ kết", "2024-06-30"), ("tổng kết", "2024-11-30")]),
    (2024,  # the time heading alone on its line, the period in the sentence below
     "II. THỜI GIAN THI ĐUA\n"
     "Phong trào thi đua được phát động từ ngày 01/9/2024 đến ngày 30/9/2025; sơ kết vào tháng 01/2025, "
     "tổng kết trong quý IV/2025.\n",
     ("2024-09-01", "2025-09-30"), [("sơ kết", "2025-01-31"), ("tổng kết", "2025-12-31")]),
])
def test_period_and_milestones(year, body, period, milestones):
    c = extract_campaign(ndoc(HEAD.format(y=year) + body))
    assert (c.period.start, c.period.end) == period
    assert [(m.name, m.end) for m in c.milestones] == milestones


def test_the_period_keeps_its_words():
    c = extract_campaign(ndoc(HEAD.format(y=2023) + "Thời gian phát động phong trào thi đua: Từ nay đến hết ngày 30/11/2023.\n"))
    assert c.period.text == "Từ nay đến hết ngày 30/11/2023"


def test_phases_the_first_is_the_period_and_each_review_is_a_milestone():
    text = HEAD.format(y=2022) + (
        "V. TIẾN ĐỘ THỰC HIỆN\n"
        "1. Giai đoạn 1: Từ năm 2022 đến năm 2025\n"
        "- Căn cứ tình hình thực tế, tổ chức sơ kết, đánh giá kết quả và tổ chức tổng kết trong năm 2025.\n"
        "2. Giai đoạn 2: Từ năm 2025 đến năm 2030\n"
        "Ủy ban nhân dân tỉnh tiếp tục triển khai giai đoạn 2 và tổng kết vào năm 2030.\n"
    )
    c = extract_campaign(ndoc(text))
    assert (c.period.start, c.period.end) == ("2022-01-01", "2025-12-31")
    assert len(c.period.phases) == 2
    assert [(m.name, m.end) for m in c.milestones] == [("tổng kết", "2025-12-31"), ("tổng kết", "2030-12-31")]


def test_ocr_text_without_diacritics():
    text = (
        "KE HOACH\nPhat dong phong trao thi dua nam 2023\n"
        "2. Thoi gian thi dua\n"
        "Thoi gian thi dua bat dau tu ngay dau thang ban hanh Ke hoach nay den het ngay 31 thang 12 nam 2023.\n"
    )
    c = extract_campaign(ndoc(text))
    assert c.period.end == "2023-12-31"


def test_implementation_plans_have_no_campaign():
    text = (
        "KẾ HOẠCH\nTriển khai thực hiện Đề án 06 năm 2023\n"
        "1.11. Phối hợp tiến hành sơ kết, tổng kết, báo cáo định kỳ kết quả triển khai.\n"
        "Thời gian thực hiện: Thường xuyên.\n"
    )
    assert extract_campaign(ndoc(text)) is None


def test_deadline_phrases_inside_sentences():
    assert find_deadline_phrase("lắp đặt thiết bị (hoàn thành trong tháng 6/2023).") == "hoàn thành trong tháng 6/2023"
    assert find_deadline_phrase("Các tiêu chí và chỉ tiêu thi đua đến năm 2025") == "đến năm 2025"
    assert find_deadline_phrase("gửi về Công an tỉnh trước ngày 05/12/2023 để tổng hợp") == "trước ngày 05/12/2023"
    assert find_deadline_phrase("tại Bộ phận một cửa cấp xã từ ngày 01/6/2023") is None  # a start, not a deadline
