#!/usr/bin/env bash
# Serve Kinerja with demo data on the embedded database: gunicorn (DEBUG off, static
# files through WhiteNoise) plus one background-job worker, both stopped together.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

$PY manage.py migrate --noinput -v 0
# Collecting compresses every asset (about 20 s of CPU); skip it when no static file
# changed since the last collection.
manifest="${KINERJA_VAR_DIR:-var}/static/staticfiles.json"
if [ ! -f "$manifest" ] || [ -n "$(find kinerja/static .venv/lib -path '*/static/*' -type f -newer "$manifest" -print -quit)" ]; then
  echo "Collecting static files…"
  $PY manage.py collectstatic --noinput -v 0
fi
$PY manage.py load_demo

# -B: the worker also runs the daily schedule (deadline reminders; docs/operations.md).
.venv/bin/celery -A config worker --loglevel=WARNING --concurrency=1 --pool=solo -B &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM

$PY manage.py demo_logins
echo "Kinerja is at http://127.0.0.1:${PORT:-8000}  (Ctrl+C to stop)"
# One process by default: the public survey's one-time tokens and rate limits live in
# the local-memory cache, which processes do not share (CACHE_URL for several).
.venv/bin/gunicorn config.wsgi:application \
  --bind "127.0.0.1:${PORT:-8000}" --workers "${WEB_WORKERS:-1}" --threads "${WEB_THREADS:-8}" \
  --access-logfile - --log-level warning
