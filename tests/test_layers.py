"""The shape of the code: data flows one way, and the model sits at the bottom.

ingest → normalize → extract → vnplan's wiring (CLI, pipeline, database, review). A stage
package may read what comes before it (normalize reads ``ingest.model``), never what
comes after; all of them may use the bottom of ``vnplan`` (the schema, the stage
protocol, the language data), which in turn imports none of them. Checked on the source,
so a wrong import fails here before it becomes a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOTTOM = {"vnplan.schema", "vnplan.versions", "vnplan.stages", "vnplan.lang"}
ALLOWED = {
    "ingest": {"ingest"},
    "normalize": {"ingest", "normalize"},
    "extract": {"ingest", "normalize", "extract"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
    return out


def _ours(name: str) -> bool:
    return name.split(".")[0] in ("ingest", "normalize", "extract", "vnplan")


def _bottom(name: str) -> bool:
    return any(name == b or name.startswith(b + ".") for b in BOTTOM)


def test_stage_packages_import_only_what_comes_before_them_and_the_bottom():
    bad = []
    for pkg, allowed in ALLOWED.items():
        for path in sorted((ROOT / pkg).rglob("*.py")):
            for name in _imports(path):
                if _ours(name) and not _bottom(name) and name.split(".")[0] not in allowed:
                    bad.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not bad, "\n".join(bad)


def test_the_bottom_imports_no_layer_above_it():
    paths = [ROOT / "vnplan" / "schema.py", ROOT / "vnplan" / "stages.py", *sorted((ROOT / "vnplan" / "lang").rglob("*.py"))]
    bad = [f"{p.relative_to(ROOT)} imports {n}" for p in paths for n in _imports(p) if _ours(n) and not _bottom(n)]
    assert not bad, "\n".join(bad)


def test_every_stage_is_declared_one_way():
    from extract.pipeline import STAGES as EXTRACT
    from normalize.pipeline import DEFAULT_STAGES, STAGES as NORMALIZE
    from vnplan.stages import Registry

    assert isinstance(EXTRACT, Registry) and isinstance(NORMALIZE, Registry)
    assert set(DEFAULT_STAGES) <= set(NORMALIZE)
    assert {"document", "targets", "tasks", "scoring_criteria", "awards"} <= set(EXTRACT)


def test_a_stage_that_fails_loses_only_its_own_part(tmp_path, monkeypatch):
    """One broken extractor (or normalize stage) is recorded; the rest of the file is written."""
    from extract.pipeline import STAGES as EXTRACT
    from normalize.pipeline import STAGES as NORMALIZE
    from vnplan.pipeline import process

    corpus = sorted((ROOT / "corpus").glob("002_*.txt"))[0]

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setitem(EXTRACT.funcs, "awards", broken)
    monkeypatch.setitem(NORMALIZE.funcs, "privacy", broken)
    ext, text, _ = process(corpus, normalize={"restore": False})
    assert ext.status == "partial"
    assert {(e.stage, e.error) for e in ext.errors} == {("extract.awards", "RuntimeError: boom"),
                                                        ("normalize.privacy", "RuntimeError: boom")}
    assert ext.awards == [] and ext.targets and ext.tasks and text  # the other parts stand
