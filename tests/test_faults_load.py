"""``vnplan load`` refuses what is not an extraction (issue 14, item 7): a JSON file that is
no extraction is an error naming the file, an integer no BIGINT column can hold names the
file and the field, and nothing is written when the load is refused."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from test_database import two_plans, write_output
from vnplan.cli import app
from vnplan.database import LoadError, load, query


@pytest.mark.parametrize("content, kind", [("{}", "without a 'document'"), ("[1, 2]", "JSON list"),
                                           ('{"document": "x"}', "without a 'document'"), ('"text"', "JSON str")])
def test_a_json_file_that_is_no_extraction_refuses_the_load(tmp_path, content, kind):
    out = write_output(tmp_path / "out", two_plans())
    (out / "other.json").write_text(content, encoding="utf-8")
    db = str(tmp_path / "plans.duckdb")
    with pytest.raises(LoadError, match=kind) as err:
        load(out, db)
    assert "other.json" in str(err.value) and "\n" not in str(err.value)
    res = load(out, db, skip_invalid=True)  # the user's choice: skip it, load the rest
    assert res.inserted == 2 and len(res.invalid) == 1


def test_an_integer_out_of_range_names_the_file_and_the_field(tmp_path):
    out = write_output(tmp_path / "out", two_plans())
    data = json.loads((out / "kh-25.json").read_text(encoding="utf-8"))
    data["targets"][0]["value"] = 10**30
    (out / "kh-25.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = str(tmp_path / "plans.duckdb")
    with pytest.raises(LoadError) as err:
        load(out, db)
    assert "kh-25.json" in str(err.value) and "targets.0.value" in str(err.value) and "out of" in str(err.value)


def test_cli_load_of_a_folder_of_non_extractions_exits_1_with_one_line(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.json").write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(app, ["load", str(tmp_path / "out"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1 and "a.json" in result.output and "not a vnplan extraction" in result.output
    assert "Traceback" not in result.output


def test_undecodable_glyphs_in_a_pdf_text_layer_are_dropped_and_reported():
    from ingest.pdf import drop_cid_codes, usable

    page = "Kế hoạch số 12/KH-UBND về chuyển đổi số " * 20 + "(cid:12)(cid:345) tỉnh (cid:7)"
    assert usable(page, 50)  # few enough to keep the text layer …
    text, n = drop_cid_codes(page)
    assert n == 3 and "(cid:" not in text and "tỉnh" in text  # … but not the codes, and the count is said
    assert not usable("(cid:1)" * 200 + "ab", 50)  # mostly codes: the page is OCR'd instead
