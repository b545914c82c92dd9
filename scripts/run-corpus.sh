#!/usr/bin/env bash
# The main job: set up, train the diacritic restorer (cached after the first time), process
# corpus/ into out/, load the results into the embedded DuckDB out/vnplan.duckdb and show them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/vnplan train-restorer
status=0
.venv/bin/vnplan run corpus/ -o out/ || status=$?
.venv/bin/vnplan load out/ --db out/vnplan.duckdb
.venv/bin/vnplan query --db out/vnplan.duckdb "SELECT output_file, province, number, n_targets, n_tasks, n_scoring_criteria, n_awards FROM documents ORDER BY output_file"
exit $status
