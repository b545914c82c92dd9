"""Saved web pages: a plan kept as the portal page it was published on, read through Chromium."""

from __future__ import annotations

import http.server
import threading

import pytest
from fixtures_docs import encode_cp1258

from ingest import ingest_file
from ingest.html import chromium_path, looks_like_html
from ingest.model import IngestError
from ingest.readers import sniff
from vnplan.pipeline import process

needs_chromium = pytest.mark.skipif(chromium_path() is None, reason="no chromium browser installed")

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="{charset}"><title>Kế hoạch 52/KH-UBND</title>
<link rel="stylesheet" href="{remote}/site.css"><script src="{remote}/tracker.js"></script>
<style>.menu {{ font-weight: bold }} .an {{ display: none }}</style>
<script>document.write("NỘI DUNG DO SCRIPT VIẾT");</script></head>
<body>
<div class="menu"><a href="/">Trang chủ</a> | <a href="/vb">Văn bản</a></div>
<div class="an">Đăng nhập để tải văn bản</div>
<img src="{remote}/logo.png">
<table class="header">
<tr><td>ỦY BAN NHÂN DÂN<br>TỈNH LẠNG SƠN</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</td></tr>
<tr><td>Số: 52/KH-UBND</td><td>Lạng Sơn, ngày 04 tháng 3 năm 2025</td></tr>
</table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Chuyển đổi số trong lĩnh vực y tế năm 2025</b></p>
<p>I. MỤC TIÊU</p>
<p>1. Phấn đấu 100% bệnh viện triển khai bệnh án điện tử trước ngày 31/12/2025.</p>
<p>II. NHIỆM VỤ</p>
<table border="1">
<tr><th>TT</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Cơ quan phối hợp</th><th>Thời gian hoàn thành</th></tr>
<tr><td>1</td><td>Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh</td><td>Sở Y tế</td>
<td>Sở Tài chính</td><td>Quý IV/2025</td></tr>
<tr><td>2</td><td>Kết nối dữ liệu khám chữa bệnh với Cổng giám định bảo hiểm y tế</td><td>Bảo hiểm xã hội tỉnh</td>
<td>Sở Y tế</td><td>Quý III/2025</td></tr>
</table>
<p>Nơi nhận:<br>- Bộ Y tế;<br>- Lưu: VT.</p>
<p><b>TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH</b></p>
<p><b>Hoàng Văn Nghiệm</b></p>
<div class="footer">Bản quyền © Cổng thông tin điện tử tỉnh</div>
</body></html>
"""


@pytest.fixture
def remote():
    """A local server standing for the sites the page links to: it counts the requests it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def _save(tmp_path, name, charset="utf-8", remote="http://127.0.0.1:9"):
    path = tmp_path / name
    page = PAGE.format(charset=charset, remote=remote)
    path.write_bytes(encode_cp1258(page) if charset == "windows-1258" else page.encode(charset))
    return path


@needs_chromium
def test_a_saved_portal_page_is_read_as_the_browser_shows_it(tmp_path, remote):
    url, hits = remote
    doc = ingest_file(_save(tmp_path, "ke-hoach-52.html", remote=url))
    text = doc.pages[0].text
    assert doc.method == "html" and doc.encoding == "utf-8"
    assert "Phấn đấu 100% bệnh viện" in text and "Hoàng Văn Nghiệm" in text
    # scripts do not run, hidden elements are not text, table cells come as tab-separated rows
    assert "SCRIPT VIẾT" not in text and "Đăng nhập" not in text
    assert "1\tTriển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh\tSở Y tế\tSở Tài chính\tQuý IV/2025" in text
    # the stylesheet, script and image it links to were never fetched
    assert hits == []


@needs_chromium
def test_a_web_page_plan_goes_through_the_whole_pipeline(tmp_path):
    ex, _text, _warnings = process(_save(tmp_path, "van-ban.aspx"))  # portals serve pages under any name
    d = ex.document
    assert (d.ingest.method, d.number, d.province, d.issued_date) == ("html", "52/KH-UBND", "Lạng Sơn", "2025-03-04")
    assert d.signer == "Hoàng Văn Nghiệm"
    assert [(t.lead, t.support, t.deadline.end) for t in ex.tasks] == [
        (["Sở Y tế"], ["Sở Tài chính"], "2025-12-31"),
        (["Bảo hiểm xã hội tỉnh"], ["Sở Y tế"], "2025-09-30"),
    ]
    assert [(t.value, t.unit, t.deadline.end) for t in ex.targets] == [(100, "%", "2025-12-31")]


@needs_chromium
def test_the_declared_legacy_charset_is_honoured(tmp_path):
    doc = ingest_file(_save(tmp_path, "kh.htm", charset="windows-1258"))
    assert doc.encoding == "windows-1258"
    assert "Chuyển đổi số trong lĩnh vực y tế" in doc.pages[0].text


def test_html_is_recognised_by_its_content_not_its_name():
    assert looks_like_html(b"\xef\xbb\xbf<!DOCTYPE html><html>")
    assert looks_like_html(b"<!-- saved from url=(0040)https://example.vn -->\n<html><head>")
    assert sniff(b"<html><body>KE HOACH</body></html>", ".aspx") == "html"
    # a plain text plan that merely mentions a tag stays text
    assert sniff("KẾ HOẠCH\nXem <html> tại cổng thông tin".encode(), ".txt") == "text"


def test_without_a_browser_an_html_file_fails_with_one_clear_line(tmp_path, monkeypatch):
    monkeypatch.setattr("ingest.html.chromium_path", lambda: None)
    with pytest.raises(IngestError) as err:
        ingest_file(_save(tmp_path, "kh.html"))
    assert "Chromium" in str(err.value) and "\n" not in str(err.value)


def test_a_saved_pages_files_folder_is_not_taken_for_plans(tmp_path):
    from vnplan.pipeline import discover

    (tmp_path / "kh-52.html").write_text("<html><body>KẾ HOẠCH</body></html>", encoding="utf-8")
    assets = tmp_path / "kh-52_files"
    assets.mkdir()
    (assets / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (assets / "site.css").write_text("body {}", encoding="utf-8")
    # a folder that merely ends in _files, with no page beside it, is read as usual
    (tmp_path / "scans_files").mkdir()
    (tmp_path / "scans_files" / "kh-7.txt").write_text("KẾ HOẠCH", encoding="utf-8")
    files, missing = discover([tmp_path])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["kh-52.html", "scans_files/kh-7.txt"] and not missing


@needs_chromium
def test_a_saved_redirect_page_is_read_where_it_stands(tmp_path):
    path = tmp_path / "kh.html"
    page = PAGE.format(charset="utf-8", remote="http://127.0.0.1:9")
    path.write_text(page.replace("<head>", '<head><meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/x">', 1),
                    encoding="utf-8")
    assert "Phấn đấu 100% bệnh viện" in ingest_file(path).pages[0].text
