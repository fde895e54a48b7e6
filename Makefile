# One command to serve, one to test; each sets up what it needs first.
#   make serve   build and serve at http://127.0.0.1:8000 with live reload (PORT=8001 for another)
#   make test    the whole suite: unit, Pyodide, end-to-end in Chromium (and Firefox), lints
#   make test-fast  everything but the browser and Pyodide suites (under a minute)
#   make build   the finished site in site/
#   make bench   speed figures from headless Chromium against the built site
#   make lint    ruff over the Python (the suite runs it too)

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .make
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast bench lint setup clean

serve: setup
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

build: setup
	$(PY) -m mkdocs build --strict

test: setup $(STAMPS)/chromium $(STAMPS)/firefox $(STAMPS)/zensical
	$(PY) -m pytest

test-fast: setup
	$(PY) -m pytest -m "not e2e and not pyodide"

lint: setup
	$(PY) -m ruff check .

bench: setup $(STAMPS)/chromium
	$(PY) tests/bench/bench.py

setup: $(STAMPS)/venv $(STAMPS)/npm

$(STAMPS)/venv: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed; set PYTHON=python3.x")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	@# The repository itself, editable: `mkdocs` finds the calculators plugin from any folder.
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/npm: package.json package-lock.json
	npm ci --no-audit --no-fund
	@mkdir -p $(STAMPS) && touch $@

# Zensical in a venv of its own, for the test that builds the site with it (pinned, hashed).
$(STAMPS)/zensical: tests/build_hooks/zensical/requirements.txt
	test -x .venv-zensical/bin/python || $(PYTHON) -m venv .venv-zensical
	.venv-zensical/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r tests/build_hooks/zensical/requirements.txt
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/chromium: $(STAMPS)/venv
	$(PY) tests/e2e/browser.py --ensure
	@mkdir -p $(STAMPS) && touch $@

# Firefox, for the test that drives the site in it (Debian's firefox-esr where none is found).
$(STAMPS)/firefox: $(STAMPS)/venv
	$(PY) tests/e2e/browser.py --ensure-firefox
	@mkdir -p $(STAMPS) && touch $@

clean:
	rm -rf site $(STAMPS) $(VENV) .venv-zensical node_modules

# The vendor facts (calculators/vendors) fail this when stale or when a date they list has
# passed; the standard library is all it needs. TODAY=YYYY-MM-DD checks as of another day.
.PHONY: check-vendors
check-vendors:
	$(PYTHON) scripts/check_vendor_facts.py $(if $(TODAY),--today $(TODAY))
