"""Saved web pages (.html): the text a reader sees, as a real browser lays it out.

Plans are often kept as the portal page they were published on.  Its HTML holds the
plan among menus, scripts and styles; what counts is the text as shown: hidden elements
left out, ``<br>`` and block elements as line breaks, table cells as tab-separated rows
(which the normalizer turns into table rows).  That is the browser's ``innerText``, so
the page is loaded into headless Chromium (Debian's ``chromium``, driven by Playwright)
and asked for it.

Nothing leaves the machine: the page's scripts do not run, the browser context is
offline, and every request the page would make (stylesheets, images, fonts, trackers) is
aborted before it is sent.
"""

from __future__ import annotations

import re
import shutil
import unicodedata

from ingest.model import IngestError, Page

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_META_REFRESH = re.compile(r"<meta[^>]+http-equiv\s*=\s*[\"']?refresh[^>]*>", re.IGNORECASE | re.DOTALL)
TIMEOUT_MS = 30_000


def looks_like_html(head: bytes) -> bool:
    """Whether a file starting with ``head`` is an HTML document."""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    return bool(_HTML_START.match(head[:2048]))


def chromium_path() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def decode_html(raw: bytes) -> tuple[str, str, list[str]]:
    """(markup, encoding, warnings): the charset the page declares, else the text reader's guess."""
    from ingest.text import decode_text

    m = _META_CHARSET.search(raw[:4096])
    if m and not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = m.group(1).decode("ascii", "replace").lower()
        try:
            return raw.decode(name), name, []
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: fall back to looking at the bytes
    return decode_text(raw)


# Chromium itself is kept off the network, whatever a page holds (frames, objects, media,
# prefetch hints, CSS imports, fonts): every connection goes to a proxy that does not exist,
# loopback included, names resolve to nothing, and the background services that phone home
# (component updates, safe browsing, DNS prefetch) are off. The route above aborts what
# Playwright sees; these stop what it does not (out-of-process frames).
NO_NETWORK_ARGS = (
    "--proxy-server=http://0.0.0.0:9", "--proxy-bypass-list=<-loopback>",
    "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-background-networking",
    "--disable-component-update", "--disable-domain-reliability", "--dns-prefetch-disable",
    "--no-pings", "--disable-features=NetworkPrediction,OptimizationHints,MediaRouter",
)
# what could still ask for a resource is taken out of the markup before it is rendered: the
# text of a page never depends on it (a frame's own document is not part of the saved page)
_FETCHING = re.compile(r"<(iframe|frame|object|embed|video|audio|source|track|link|img|image)\b[^>]*>",
                       re.I)


def inner_text(markup: str) -> str:
    """The page's text as Chromium shows it (``document.body.innerText``)."""
    exe = chromium_path()
    if exe is None:
        raise IngestError("HTML needs the Chromium browser to read it, and none is installed "
                          "(apt-get install chromium, or run scripts/setup.sh)")
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise IngestError("HTML needs the playwright package to drive Chromium (pip install playwright)") from None
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu", *NO_NETWORK_ARGS])
            try:
                ctx = browser.new_context(java_script_enabled=False, offline=True, service_workers="block")
                ctx.route("**/*", lambda route: route.abort())  # every frame's requests, not only the page's
                page = ctx.new_page()
                page.set_content(markup, wait_until="domcontentloaded", timeout=TIMEOUT_MS)
                return page.evaluate("() => document.body ? document.body.innerText : ''")
            finally:
                browser.close()
    except PlaywrightError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise IngestError(f"Chromium could not read the page: {first}") from None


def read_html(raw: bytes, opts) -> tuple[list[Page], str, list[str], str]:
    markup, encoding, warnings = decode_html(raw)
    markup = _META_REFRESH.sub("", markup)  # a saved redirect page would navigate away before it is read
    markup = _FETCHING.sub("", markup)  # frames, objects, media, links, images: nothing to fetch
    text = unicodedata.normalize("NFC", inner_text(markup).replace("\r\n", "\n").replace("\xa0", " "))
    return [Page(1, text, method="html")], "html", warnings, encoding
