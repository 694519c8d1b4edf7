# Kinerja. `make run` serves the demo; `make test` runs the whole suite.
.PHONY: setup setup-test run test lint format contracts migrations-check bench messages messages-check types

PY := .venv/bin/python
PYTEST_ARGS ?=
# Parallel test processes (pytest-xdist); `make test TEST_WORKERS=0` runs in one process.
TEST_WORKERS ?= auto

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --test

run: setup
	@scripts/run.sh

test: setup-test
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format:
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

types:
	.venv/bin/mypy

contracts:
	.venv/bin/lint-imports

migrations-check:
	$(PY) manage.py makemigrations --check --dry-run

messages:
	$(PY) manage.py makemessages -l id --ignore=.venv --ignore=node_modules --ignore=var
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

bench: setup
	$(PY) -m bench $(BENCH_ARGS)

# Fails when a user-facing string has no Indonesian translation (or a fuzzy one).
messages-check:
	$(PY) manage.py makemessages -l id --ignore=.venv --ignore=node_modules --ignore=var --ignore=tests --ignore=bench -v 0
	@stats=$$(msgfmt --statistics -o /dev/null kinerja/locale/id/LC_MESSAGES/django.po 2>&1); echo "$$stats"; \
	  if echo "$$stats" | grep -qE "untranslated|fuzzy"; then echo "Translate the new strings in kinerja/locale/id/LC_MESSAGES/django.po"; exit 1; fi
