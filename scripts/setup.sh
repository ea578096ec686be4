#!/usr/bin/env bash
# Set up kg on this machine: a virtual environment in .venv with kg installed (editable).
#   scripts/setup.sh          kg and what it needs to run
#   scripts/setup.sh --test   also what the tests need: pytest, Playwright (driving Debian's
#                             chromium), SPARQLWrapper, and the chromium and CJK font packages
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ "${1:-}" = "--test" ]; then
  need=()
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
  command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)  # tests/test_virtuoso.py
  if [ ${#need[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  fi
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
