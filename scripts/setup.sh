#!/usr/bin/env bash
# Install everything vnplan needs on a fresh Debian/Ubuntu machine: system packages
# (tesseract with the Vietnamese model, poppler, fonts, hunspell-vi, PostgreSQL for the
# database tests, Chromium for the review-page test) and the Python package itself.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES="tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng poppler-utils fonts-dejavu-core hunspell-vi postgresql chromium"
missing=""
for p in $APT_PACKAGES; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing apt packages:$missing" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
if ! .venv/bin/python -m pip install -q -e ".[test]" >.venv/pip-install.log 2>&1; then
  cat .venv/pip-install.log >&2
  echo "setup: pip install failed (log above, also in .venv/pip-install.log)" >&2
  exit 1
fi
echo "setup: ok ($(.venv/bin/vnplan --version))" >&2
