"""Reading a saved web page makes no request at all (issue 14, item 5): a listener on
loopback, named by every kind of reference a page can hold, must stay silent."""

import socket
import threading

import pytest

from ingest import ingest_file
from ingest.html import chromium_path

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="Chromium not installed")


def test_no_reference_in_a_page_opens_a_connection(tmp_path):
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    srv.settimeout(0.2)
    port = srv.getsockname()[1]
    hits = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
                hits.append(conn.recv(200))
                conn.close()
            except OSError:
                continue

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    url = f"http://127.0.0.1:{port}"
    page = f"""<html><head>
<link rel="stylesheet" href="{url}/a.css"><link rel="prefetch" href="{url}/p"><link rel="preconnect" href="{url}">
<link rel="icon" href="{url}/favicon.ico"><link rel="dns-prefetch" href="//localhost:{port}">
<style>@import url("{url}/i.css"); @font-face {{ font-family: F; src: url("{url}/f.woff"); }}
body {{ background: url("{url}/bg.png"); font-family: F; }}</style>
<meta http-equiv="refresh" content="0; url={url}/r"><script src="{url}/s.js"></script></head>
<body><p>KẾ HOẠCH số 12/KH-UBND về chuyển đổi số năm 2026.</p>
<iframe src="{url}/frame"></iframe><frameset><frame src="{url}/frame2"></frameset>
<object data="{url}/o.swf"></object><embed src="{url}/e.swf"><img src="{url}/i.png" srcset="{url}/i2.png 2x">
<video src="{url}/v.mp4" poster="{url}/poster.png"><source src="{url}/v2.mp4"></video><audio src="{url}/a.mp3"></audio>
<a href="{url}/a" ping="{url}/ping">liên kết</a><svg><image href="{url}/svg.png"/></svg>
</body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    doc = ingest_file(path)
    stop.set()
    t.join(timeout=2)
    srv.close()
    assert "KẾ HOẠCH số 12/KH-UBND" in doc.pages[0].text
    assert hits == [], hits
