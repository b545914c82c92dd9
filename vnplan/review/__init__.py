"""Review app: reviewers check vnplan's extractions in the browser and correct the gold set.

``vnplan review OUT --gold gold/`` serves it (vnplan/commands/review.py). Modules:
``api`` (routes), ``actions`` (accept/edit/delete/add), ``store`` (working gold, atomic
save, history, audit log), ``rows`` (items vs gold, highlight segments), ``fields``
(editable fields and their validation), ``static/`` (the pages, no external assets).
"""

from __future__ import annotations


def create_app(out_dir, gold_dir, reviewer: str = "reviewer", allowed_hosts=None):
    """The FastAPI app (imported lazily so ``vnplan --help`` stays fast)."""
    from vnplan.review.api import create_app as _create

    return _create(out_dir, gold_dir, reviewer, allowed_hosts)
