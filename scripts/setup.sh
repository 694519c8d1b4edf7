#!/usr/bin/env bash
# Prepare a fresh clone: system packages, the virtualenv, front-end assets and
# translations. Idempotent and quick when nothing changed.
#   scripts/setup.sh          what the app needs to run
#   scripts/setup.sh --test   also what the test suite needs (Debian's chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

apt_packages=()
command -v msgfmt >/dev/null || apt_packages+=(gettext)
command -v npm >/dev/null || apt_packages+=(nodejs npm)
# WeasyPrint renders the official PDFs with Pango.
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || apt_packages+=(libpango-1.0-0 libpangoft2-1.0-0)
# It subsets the embedded fonts with HarfBuzz: much faster than its fallback, which it
# deprecates with a warning (an error in the tests).
ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || apt_packages+=(libharfbuzz-subset0)
fc-list 2>/dev/null | grep -qi "dejavu" || apt_packages+=(fonts-dejavu-core)
# The printed forms' tables are set in DejaVu Sans Condensed.
fc-list 2>/dev/null | grep -qi "dejavu sans condensed" || apt_packages+=(fonts-dejavu-extra)
if [ "$want_test" = 1 ]; then
  command -v chromium >/dev/null || apt_packages+=(chromium)
  # pdftotext and pdftoppm read the generated PDFs back in the document tests.
  command -v pdftotext >/dev/null || apt_packages+=(poppler-utils)
fi
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "Installing system packages: ${apt_packages[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_packages[@]}"
fi

if [ ! -x .venv/bin/uv ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q "uv==0.13.8"
fi
UV_PROJECT_ENVIRONMENT=.venv .venv/bin/uv sync --frozen --quiet

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --silent
fi
vendor=kinerja/static/vendor
mkdir -p "$vendor/bootstrap" "$vendor/axe-core"
cp node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/dist/css/bootstrap.min.css.map \
   node_modules/bootstrap/dist/js/bootstrap.bundle.min.js node_modules/bootstrap/dist/js/bootstrap.bundle.min.js.map "$vendor/bootstrap/"
cp node_modules/axe-core/axe.min.js "$vendor/axe-core/"

.venv/bin/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
