"""End to end in a real headless browser: a reviewer corrects a wrong deadline and adds a
missed target by selecting text, saves, reloads, and `vnplan evaluate` changes.

Drives Debian's /usr/bin/chromium with Playwright (the Python package only; no browser
download). The app runs with uvicorn in a thread on a free loopback port. Screenshots
are left in /tmp/review.png (the page), /tmp/review-edit-error.png (a refused date) and
/tmp/review-add.png (adding from a selection) for a human to look at.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the shared fixture, whatever pytest's import mode
from test_review_api import STEM, T1, T2, TEXT, make_review_fixture  # noqa: E402

from ingest.html import chromium_path  # noqa: E402

CHROMIUM = chromium_path()  # the browser vnplan reads saved web pages with
if CHROMIUM is None:
    pytest.skip("no chromium browser installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed (pip install playwright)")

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
pytestmark = pytest.mark.slow


@pytest.fixture
def served(tmp_path):
    import uvicorn

    from vnplan.review import create_app

    out, gold = make_review_fixture(tmp_path)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(out, gold, reviewer="e2e"), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started:
        assert thread.is_alive() and time.time() < deadline, "review server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", out, gold
    server.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture
def page():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1366, "height": 768})
        pg.set_default_timeout(10_000)
        yield pg
        browser.close()


def evaluate(gold: Path, out: Path) -> dict:
    proc = subprocess.run([sys.executable, "-m", "vnplan.cli", "evaluate", "--gold", str(gold), "--pred", str(out), "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["total"]["targets"]


def select_text(page, needle: str) -> None:
    """Drag the mouse over ``needle`` in the document text, as a reviewer would."""
    box = page.evaluate(
        """(needle) => {
        const walker = document.createTreeWalker(document.getElementById('text'), NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.data.indexOf(needle);
          if (i < 0) continue;
          n.parentElement.scrollIntoView({block: 'center'});
          const r = document.createRange();
          r.setStart(n, i); r.setEnd(n, i + 1);
          const a = r.getClientRects()[0];
          r.setStart(n, i + needle.length - 1); r.setEnd(n, i + needle.length);
          const rects = r.getClientRects(), b = rects[rects.length - 1];
          return [a.left + 1, a.top + a.height / 2, b.right - 1, b.top + b.height / 2];
        }
        return null;
      }""",
        needle,
    )
    assert box, f"{needle!r} not on the page"
    page.mouse.move(box[0], box[1])
    page.mouse.down()
    page.mouse.move(box[2], box[3], steps=8)
    page.mouse.up()


def in_view(page, kind: str) -> bool:
    """Is the selected item's highlight of ``kind`` inside the visible part of the text pane?"""
    return page.evaluate(
        """(kind) => {
        const el = document.querySelector('#text .hl.active.' + kind);
        if (!el) return false;
        const a = el.getBoundingClientRect(), box = document.getElementById('text').getBoundingClientRect();
        return a.top >= box.top && a.bottom <= box.bottom;
      }""",
        kind,
    )


def test_reviewer_corrects_a_deadline_and_adds_a_missed_target(served, page):
    url, out, gold = served
    before = evaluate(gold, out)
    assert before["field_accuracy"]["deadline.end"]["right"] == 1 and before["fn"] == 0

    # documents page → the document
    page.goto(url + "/")
    page.get_by_role("link", name=STEM).click()
    page.wait_for_selector("#items .card")
    assert page.locator("#text").inner_text().startswith(TEXT.splitlines()[0])
    assert page.locator("#text .hl.targets").count() >= 1

    # the target with the wrong deadline: click its highlight in the text → its card is selected
    page.locator("#text .hl.targets").first.click()
    card = page.locator("#items .card.sel")
    assert "hồ sơ thủ tục hành chính" in card.inner_text()

    # e: edit; an impossible date is refused with a message, then the right one is kept
    page.keyboard.press("e")
    ok = page.locator("#formok").bounding_box()
    assert ok and ok["y"] + ok["height"] <= 768, "the edit form does not fit a 1366x768 screen"
    end = page.locator('#formfields [name="deadline.end"]')
    end.fill("2024-11-31")
    page.keyboard.press("Control+Enter")
    err = page.locator('#formfields [data-err="deadline.end"]')
    sync_api.expect(err).to_contain_text("not a valid ISO date")
    sync_api.expect(page.locator("#formerror")).to_contain_text("2024-11-31")
    page.screenshot(path="/tmp/review-edit-error.png")
    value = page.locator('#formfields [name="value"]')
    value.fill("tám mươi")
    end.fill("2024-11-30")
    page.keyboard.press("Control+Enter")
    sync_api.expect(page.locator('#formfields [data-err="value"]')).to_contain_text("not a number")
    value.fill("80")
    page.keyboard.press("Control+Enter")
    sync_api.expect(page.locator("#formdlg")).to_be_hidden()
    card = page.locator("#items .card.sel")
    sync_api.expect(card.locator(".badge")).to_have_text("wrong")
    sync_api.expect(card).to_contain_text("vnplan: 2024-12-31")

    # the missed 60% target: select its sentence with the mouse, add it as a target
    select_text(page, T2)
    page.locator("#addsel").click()
    sync_api.expect(page.locator("#formevidence")).to_have_text(T2)
    page.screenshot(path="/tmp/review-add.png")
    assert page.locator('#formtypes input[value="targets"]').is_checked()
    assert page.locator('#formfields [name="value"]').input_value() == "60"  # first fill from the words
    page.locator('#formfields [name="metric"]').fill("tỷ lệ người dân có tài khoản định danh điện tử")
    page.locator('#formfields [name="deadline.end"]').fill("2024-12-31")
    page.locator("#formok").click()
    sync_api.expect(page.locator("#formdlg")).to_be_hidden()
    sync_api.expect(page.locator("#items .card.sel .badge")).to_have_text("missing")
    page.locator("#text").click(position={"x": 5, "y": 5})  # drop the selection

    # a card names the item's gold id and vnplan's id, which differ
    sync_api.expect(page.locator("#items .card.wrong").first).to_contain_text(re.compile(r"gold \w+\d+ · vnplan \w+\d+"))

    # u (or the Undo button) takes back the last change; adding it again restores it
    sync_api.expect(page.locator("#unsaved")).to_have_text("2 unsaved change(s)")
    page.keyboard.press("u")
    sync_api.expect(page.locator("#unsaved")).to_have_text("1 unsaved change(s)")
    sync_api.expect(page.locator("#msg")).to_contain_text("Last change taken back")
    select_text(page, T2)
    page.locator("#addsel").click()
    page.locator('#formfields [name="metric"]').fill("tỷ lệ người dân có tài khoản định danh điện tử")
    page.locator('#formfields [name="deadline.end"]').fill("2024-12-31")
    page.locator("#formok").click()
    sync_api.expect(page.locator("#formdlg")).to_be_hidden()
    page.locator("#text").click(position={"x": 5, "y": 5})

    # s: save; reload; the corrections are kept
    page.keyboard.press("s")
    sync_api.expect(page.locator("#msg")).to_contain_text("Saved 2 change(s)")
    page.reload()
    page.wait_for_selector("#items .card")
    sync_api.expect(page.locator("#unsaved")).to_have_text("saved")
    wrong = page.locator("#items .card.wrong")
    sync_api.expect(wrong).to_have_count(1)
    sync_api.expect(page.locator("#items .card.missing")).to_contain_text("định danh điện tử")
    wrong.click()
    sync_api.expect(wrong).to_contain_text("2024-11-30")

    # clicking an item scrolls the text to its evidence (the award is far down); j/k move
    award = page.locator("#items .card.awards")
    award.click()
    assert in_view(page, "awards"), "the award's evidence was not scrolled into view"
    page.keyboard.press("k")
    sync_api.expect(page.locator("#items .card.sel")).to_contain_text("kích hoạt tài khoản")
    assert in_view(page, "tasks") and not in_view(page, "awards")
    page.keyboard.press("j")
    sync_api.expect(page.locator("#items .card.sel")).to_contain_text("Bằng khen")
    page.keyboard.press("?")
    sync_api.expect(page.locator("#helpdlg")).to_be_visible()
    page.keyboard.press("Escape")
    page.locator("#items .card.wrong").click()
    page.screenshot(path="/tmp/review.png")

    saved = json.loads((gold / f"{STEM}.json").read_text(encoding="utf-8"))
    t1 = next(t for t in saved["targets"] if t["evidence"]["text"] == T1)
    assert t1["deadline"]["end"] == "2024-11-30"
    assert "applies_to" not in t1  # fields the reviewer did not touch are not marked as checked
    t2 = next(t for t in saved["targets"] if t["id"] != t1["id"])
    start = TEXT.index(T2)
    assert t2["evidence"]["span"] == [start, start + len(T2)] and t2["value"] == 60
    audit = [json.loads(line) for line in (gold / "audit.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(a["action"], a["who"]) for a in audit] == [("edit", "e2e"), ("add", "e2e")]
    assert len(list((gold / ".history" / STEM).glob("*.json"))) == 1

    after = evaluate(gold, out)
    assert after["field_accuracy"]["deadline.end"]["right"] == 0  # vnplan's 2024-12-31 is now counted wrong
    assert (after["tp"], after["fn"], after["recall"]) == (1, 1, 0.5)  # and the missed target is a miss


def test_documents_page_lists_figures_and_opens_with_the_keyboard(served, page):
    url, out, gold = served
    page.goto(url + "/")
    row = page.locator("#docs tbody tr").first
    sync_api.expect(row).to_contain_text(STEM)
    sync_api.expect(row).to_contain_text("1/1")  # targets gold/vnplan
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/doc/{STEM}")
    page.wait_for_selector("#items .card")


def test_reviewer_marks_items_reviewed_and_sees_the_progress_after_a_reload(served, page):
    url, out, gold = served
    page.goto(f"{url}/doc/{STEM}")
    page.wait_for_selector("#items .card")
    total = page.locator("#items .card").count()
    sync_api.expect(page.locator("#progress")).to_have_text(f"Reviewed 0 of {total}")
    # a card names the gold item and vnplan's item it pairs (their ids differ)
    sync_api.expect(page.locator("#items .card.match .head").first).to_contain_text(re.compile(r"gold \w+ · vnplan \w+"))
    first = page.locator("#items .card").first
    first.locator("button[data-act=reviewed]").click()
    sync_api.expect(page.locator("#progress")).to_have_text(f"Reviewed 1 of {total}")
    sync_api.expect(page.locator("#items .card.reviewed")).to_have_count(1)
    page.locator("#items .card").nth(1).click()
    page.keyboard.press("r")  # the same with the keyboard
    sync_api.expect(page.locator("#progress")).to_have_text(f"Reviewed 2 of {total}")
    page.reload()
    page.wait_for_selector("#items .card")
    sync_api.expect(page.locator("#progress")).to_have_text(f"Reviewed 2 of {total}")
    marks = json.loads((gold / ".review-state" / "marks.json").read_text(encoding="utf-8"))
    assert len(marks[STEM]) == 2  # beside the gold, not in it
    assert "reviewed" not in (gold / f"{STEM}.json").read_text(encoding="utf-8")
    page.goto(url + "/")  # the documents page counts them too
    sync_api.expect(page.locator("#docs tbody tr").first).to_contain_text(f"2/{total}")


def test_every_highlight_shows_where_its_item_begins_and_ends(served, page):
    url, out, gold = served
    page.goto(f"{url}/doc/{STEM}")
    page.wait_for_selector("#items .card")
    starts = page.locator("#text .hl.start").count()
    ends = page.locator("#text .hl.end").count()
    spans = page.evaluate("() => new Set(Array.from(document.querySelectorAll('#text .hl')).flatMap(s => s.dataset.k.split(' '))).size")
    assert starts >= 1 and ends >= 1 and starts <= spans and ends <= spans
