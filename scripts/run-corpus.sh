#!/usr/bin/env bash
# The main job: set up, process corpus/ into out/, and report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/vnplan run corpus/ -o out/
