"""What the held-out rounds (``tests/test_unseen_*.py``) share: matching, scoring, the common checks.

Each round's module holds only its own plans, what a careful reader expects of them and the
checks particular to it. ``EXPECTED`` maps a plan to {kind: [item, …]}; an item's ``key``
holds the words that identify it (metric / task text / criterion; for an award its
``(max_count, rank)``), its other keys are fields to check — a field left out is not checked.
``HeldOut`` reads each plan once through the real pipeline (ingest → normalize → extract),
pairs expected items with predicted ones, scores the round and makes the tests every round
runs: each expected item read, no false alarms, the header, the campaign period.

A plain module, not a test file: the round modules import it as they import
``fixtures_docs`` (tests/conftest.py has pytest rewrite its asserts).
"""

from __future__ import annotations

import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from vnplan.pipeline import process

DATA = Path(__file__).parent / "data" / "unseen"
TT = "Sở Thông tin và Truyền thông"
HUYEN, SBN = "UBND cấp huyện", "Các sở, ban, ngành"
Y25, Y26 = "2025-12-31", "2026-12-31"

_SCRATCH = tempfile.TemporaryDirectory(prefix="vnplan-unseen-")  # removed when the test run ends


def scratch(prefix: str) -> Path:
    """A fresh folder for one delivered plan, inside one folder that the test run removes when it ends."""
    return Path(tempfile.mkdtemp(prefix=f"{prefix}-", dir=_SCRATCH.name))


MAIN = {"targets": "metric", "tasks": "text", "scoring_criteria": "criterion"}  # where an item's key words stand


def low(s: str | None) -> str:
    return unicodedata.normalize("NFC", s or "").lower()


def finds(kind: str, exp: dict, item: dict) -> bool:
    """Whether ``item`` is the expected one: an award by (count, rank), a target by value and unit and key words."""
    if kind == "awards":
        return (item["max_count"], item["rank"]) == exp["key"]
    if kind == "targets" and (item["value"], written_unit(item)) != (exp["value"], exp["unit"]):
        return False
    return low(exp["key"]) in low(item[MAIN[kind]])


def finds_award_by_form(kind: str, exp: dict, item: dict) -> bool:
    """As ``finds``; an award also by its form and recipient, for rounds where several have no count."""
    if not finds(kind, exp, item):
        return False
    return kind != "awards" or all(item.get(k) == exp[k] for k in ("form", "recipient") if k in exp)


def written_unit(item: dict) -> str:
    """The unit's words as the plan wrote them: a `count`'s noun ("mô hình"), else the unit
    (the expectations of these rounds were written before units followed SCHEMA.md, 1.3.0)."""
    return item.get("unit_text") or item["unit"]


def _field(item: dict, name: str):
    if name in ("end", "recurring"):
        return (item.get("deadline") or {}).get(name)
    if name == "unit":
        return written_unit(item)
    return item.get(name)


def wrong_fields(kind: str, exp: dict, item: dict) -> dict:
    """{field: (expected, got)} for every checked field that differs.

    Beside the item's own fields an expectation may say ``metric_lacks`` / ``text_lacks``
    (words the target's metric / the task's text must not hold) and ``notes_has`` (words
    one of the award's notes must hold).
    """
    out = {}
    for name, want in exp.items():
        if name == "key":
            continue
        if name in ("metric_lacks", "text_lacks"):
            got = item[name.removesuffix("_lacks")]
            if low(want) in low(got):
                out[name] = (want, got)
            continue
        if name == "notes_has":
            if not any(want in n for n in item.get("notes") or []):
                out[name] = (want, item.get("notes"))
            continue
        got = _field(item, name)
        if got != want:
            out[name] = (want, got)
    return out


def per_year(key: str, values: tuple, **fields) -> list[dict]:
    """The targets of one row of a by-year table (2025, 2026): each value is due at its year's end."""
    return [dict(key=key, value=v, end=end, **fields) for v, end in zip(values, (Y25, Y26))]


def blocks(src: Path) -> list[tuple[str, object]]:
    """A plan source as ("p", text) paragraphs and ("table"/"layout", rows) tables, in order.

    In a ``*.src.txt`` a line starting with ``| `` is a table row, ``|: `` a row of a
    borderless layout table, and ``<br>`` a line break inside a cell.
    """
    out: list[tuple[str, object]] = []
    for line in src.read_text(encoding="utf-8").splitlines():
        kind = "layout" if line.startswith("|: ") else "table" if line.startswith("| ") else "p"
        if kind == "p":
            out.append(("p", line))
            continue
        cells = [c.replace("<br>", "\n") for c in line[3 if kind == "layout" else 2:].split(" | ")]
        if out and out[-1][0] == kind:
            out[-1][1].append(cells)
        else:
            out.append((kind, [cells]))
    return out


def build_docx(src: Path, path: Path) -> Path:
    """A Word file of a plan source: tables ruled, layout tables borderless, a short (group) row merged."""
    import docx

    d = docx.Document()
    for kind, body in blocks(src):
        if kind == "p":
            d.add_paragraph(body)
            continue
        width = max(len(r) for r in body)
        t = d.add_table(rows=len(body), cols=width)
        if kind == "table":
            t.style = "Table Grid"
        for r, row in enumerate(body):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
            if len(row) < width:  # a group row: its last cell spans the rest
                t.cell(r, len(row) - 1).merge(t.cell(r, width - 1))
                t.cell(r, len(row) - 1).text = row[-1]
    d.save(path)
    return path



def build_pdf(src: Path, path: Path, widths: Callable[[str, int], list | None], *, escape_markup: bool = False,
              top_align_layout: bool = False) -> Path:
    """A text-layer PDF of a plan source (DejaVu Sans, paragraphs re-wrapped by the typesetter).

    Tables are ruled, layout tables borderless; ``widths(kind, columns)`` gives a table's
    column widths (None: the typesetter's); ``escape_markup`` escapes ``&`` and ``<``.
    """
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from fixtures_docs import _register_fonts

    text = escape if escape_markup else str
    _register_fonts()
    style = ParagraphStyle("vi", fontName="DejaVuSans", fontSize=11, leading=15, spaceAfter=4)
    cell = ParagraphStyle("cell", parent=style, fontSize=9.5, leading=12, spaceAfter=0)
    story = []
    for kind, body in blocks(src):
        if kind == "p":
            story.append(Paragraph(text(body), style))
            continue
        rows = [[Paragraph(text(c).replace("\n", "<br/>"), cell) for c in row] for row in body]
        t = Table(rows, colWidths=widths(kind, len(rows[0])))
        rules = [("GRID", (0, 0), (-1, -1), 0.7, colors.black)] if kind == "table" else []
        if kind == "table" or top_align_layout:
            rules.append(("VALIGN", (0, 0), (-1, -1), "TOP"))
        if rules:
            t.setStyle(TableStyle(rules))
        story.append(t)
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


class HeldOut:
    """One round of held-out plans: ``source(name)`` gives the file vnplan reads for a plan."""

    def __init__(self, expected: dict[str, dict[str, list[dict]]], source: Callable[[str], Path], *,
                 finds: Callable[[str, dict, dict], bool] = finds, slow: set[str] = frozenset()):
        self.expected = expected
        self.source = source
        self.finds = finds
        self.slow = slow  # plans whose tests are marked slow (OCR)
        self._read: dict[str, dict] = {}

    def extraction(self, name: str) -> dict:
        if name not in self._read:
            ex, _text, _warnings = process(self.source(name))
            self._read[name] = ex.model_dump()
        return self._read[name]

    def match(self, name: str, kind: str) -> tuple[list[tuple[dict, dict | None]], list[dict]]:
        """(expected item, the predicted item found for it or None) pairs, and the predicted items left over."""
        left = list(self.extraction(name)[kind])
        pairs = []
        for exp in self.expected[name][kind]:
            found = next((it for it in left if self.finds(kind, exp, it)), None)
            if found is not None:
                left.remove(found)
            pairs.append((exp, found))
        return pairs, left

    def score(self) -> dict[str, tuple[int, int, int]]:
        """Per plan: (expected items read fully right, expected items, false alarms)."""
        out = {}
        for name in self.expected:
            right = total = extra = 0
            for kind in self.expected[name]:
                pairs, left = self.match(name, kind)
                total += len(pairs)
                right += sum(1 for exp, got in pairs if got is not None and not wrong_fields(kind, exp, got))
                extra += len(left)
            out[name] = (right, total, extra)
        return out

    def print_score(self, width: int = 32) -> None:
        tot = [0, 0, 0]
        for n, (r, t, x) in self.score().items():
            print(f"{n:{width}s} right {r}/{t}  false alarms {x}")
            tot = [tot[0] + r, tot[1] + t, tot[2] + x]
        print(f"{'TOTAL':{width}s} right {tot[0]}/{tot[1]} = {tot[0] / tot[1]:.3f}  false alarms {tot[2]}")

    # misses a round leaves open, by test id ("plan-kind-i", "false:plan-kind" or "header:plan"): each is a strict xfail
    # with its reason, so the test fails the day the miss is fixed and the mark must go
    known: dict[str, str] = {}

    def _param(self, name: str, *rest, id: str | None = None, key: str | None = None):
        marks = [pytest.mark.slow] if name in self.slow else []
        reason = self.known.get(key or id or name)
        if reason:
            marks.append(pytest.mark.xfail(strict=True, reason=reason))
        return pytest.param(name, *rest, marks=marks, id=id)

    def _labels(self, name: str, kind: str) -> list:
        return [x.get(MAIN.get(kind, "form")) for x in self.extraction(name)[kind]]

    def standard_tests(self, headers: dict[str, dict], methods: dict[str, str] | None = None,
                       campaigns: dict[str, tuple] | None = None) -> dict:
        """The tests every round runs, under the names every round gives them; a round module
        puts them in its namespace (``globals().update(ROUND.standard_tests(…))``) for pytest."""
        tests = {
            "test_expected_item_is_read": self.item_test(),
            "test_no_false_alarms": self.false_alarm_test(),
            "test_document_header_signer_and_reading_path": self.header_test(headers, methods),
            "test_plans_without_a_campaign_period_have_none": self.no_campaign_test(campaigns or {}),
        }
        if campaigns:
            tests["test_campaign_period_and_milestones"] = self.campaign_test(campaigns)
        return tests

    # the tests every round runs (see standard_tests)

    def item_test(self):
        """A test per expected item: it is found, and every field it checks is right."""
        cases = [(n, k, i) for n in self.expected for k in self.expected[n] for i in range(len(self.expected[n][k]))]

        @pytest.mark.parametrize("name,kind,i", [self._param(*c, id="-".join(map(str, c))) for c in cases])
        def test(name, kind, i):
            exp = self.expected[name][kind][i]
            got = self.match(name, kind)[0][i][1]
            assert got is not None, f"{kind} item {exp['key']!r} not found in {self._labels(name, kind)}"
            assert wrong_fields(kind, exp, got) == {}

        return test

    def false_alarm_test(self):
        """A test per plan and kind: nothing is read that no expected item accounts for."""
        @pytest.mark.parametrize("name,kind", [self._param(n, k, key=f"false:{n}-{k}") for n in self.expected
                                               for k in self.expected[n]])
        def test(name, kind):
            _, left = self.match(name, kind)
            assert [x.get(MAIN.get(kind, "form")) for x in left] == []

        return test

    def header_test(self, headers: dict[str, dict], methods: dict[str, str] | None = None):
        """A test per plan: the document header holds these fields (and the file was read by that method)."""
        @pytest.mark.parametrize("name", [self._param(n, key=f"header:{n}") for n in headers])
        def test(name):
            doc = self.extraction(name)["document"]
            assert {k: doc[k] for k in headers[name]} == headers[name]
            if methods is not None:
                assert doc["ingest"]["method"] == methods[name]

        return test

    def campaign_test(self, campaigns: dict[str, tuple]):
        """A test per campaign plan: ((start, end) of its period, [(milestone, end), …])."""
        @pytest.mark.parametrize("name", [self._param(n) for n in campaigns])
        def test(name):
            c = self.extraction(name)["campaign"]
            assert c is not None
            assert ((c["period"] or {}).get("start"), (c["period"] or {}).get("end")) == campaigns[name][0]
            assert [(m["name"], m["end"]) for m in c["milestones"]] == campaigns[name][1]

        return test

    def no_campaign_test(self, campaigns: dict[str, tuple]):
        """A test per other plan: it has no campaign period."""
        @pytest.mark.parametrize("name", [self._param(n) for n in self.expected if n not in campaigns])
        def test(name):
            assert self.extraction(name)["campaign"] is None

        return test
