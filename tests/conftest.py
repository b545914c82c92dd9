"""Lets pytest rewrite the asserts of the support module the held-out rounds share, so their failures explain themselves."""

import pytest

pytest.register_assert_rewrite("unseen_support")


# ---------------------------------------------------------------- the fault suite's tally
# tests/test_faults_*.py and tests/test_bad_input.py hold the hostile cases (issue 14): the
# run ends with one line saying how many were tried and how many passed (README "Reliability")
_FAULT_FILES = ("test_faults_", "test_bad_input")
_fault_tally = {"tried": 0, "passed": 0, "skipped": 0}


def pytest_runtest_logreport(report):
    name = report.nodeid.split("::", 1)[0].rsplit("/", 1)[-1]
    if not name.startswith(_FAULT_FILES):
        return
    if report.when == "call":
        _fault_tally["tried"] += 1
        _fault_tally["passed"] += report.passed
    elif report.when == "setup" and report.skipped:
        _fault_tally["skipped"] += 1


def pytest_terminal_summary(terminalreporter):
    t = _fault_tally
    if t["tried"] or t["skipped"]:
        terminalreporter.write_line(f"fault cases (tests/test_faults_*.py, test_bad_input.py): {t['tried']} tried, "
                                    f"{t['passed']} passed" + (f", {t['skipped']} skipped" if t["skipped"] else ""))
