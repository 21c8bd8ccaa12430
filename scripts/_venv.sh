# Shared by scripts/start and scripts/test: make .venv with Python 3.11 and install the pinned
# dependencies, reinstalling only when pyproject.toml has changed since the last install.
set -euo pipefail

PYTHON_BIN="${PYTHON_BIN:-$(command -v python3.11 || command -v python3)}"
if ! "$PYTHON_BIN" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)'; then
  echo "Python 3.11 is needed (found $("$PYTHON_BIN" --version 2>&1))." >&2
  exit 1
fi

ensure_venv() {
  local extras="$1"
  if [ ! -x .venv/bin/python ]; then
    "$PYTHON_BIN" -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
  fi
  local stamp=".venv/.installed-${extras:-base}"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    if [ -n "$extras" ]; then
      .venv/bin/python -m pip install --quiet -e ".[${extras}]"
    else
      .venv/bin/python -m pip install --quiet -e .
    fi
    touch "$stamp"
  fi
}
