# Quick start: `make demo`, then `make test`. Both work on a fresh clone with Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PLUGINS := $(wildcard plugins/*)
PLUGIN_TESTS := $(wildcard plugins/*/tests)

.PHONY: install install-test demo test lint format bench docs clean a11y-deps screenshots reliability

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e . $(foreach p,$(PLUGINS),-e $(p))

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,postgresql,bench]' $(foreach p,$(PLUGINS),-e '$(p)[test]') scipy

demo: install
	$(BIN)/python examples/build_demo.py

LINTED := src tests plugins bench examples docs reliability

test: install-test lint
	$(BIN)/python -m pytest --import-mode=importlib tests $(PLUGIN_TESTS)

lint: install-test
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy
	$(BIN)/python -m pytest --import-mode=importlib -q -p no:cacheprovider tests/test_layers.py

format: install-test
	$(BIN)/ruff format $(LINTED)
	$(BIN)/ruff check --fix $(LINTED)

bench: install-test
	$(BIN)/python -m pytest --import-mode=importlib -p no:cacheprovider -o 'python_files=bench_*.py test_*.py' bench -s -q

AXE := tests/a11y/node_modules/axe-core/axe.min.js

# axe-core for the accessibility test (pinned in tests/a11y/package-lock.json); needs npm.
a11y-deps: $(AXE)

$(AXE): tests/a11y/package.json tests/a11y/package-lock.json
	cd tests/a11y && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# docs/screenshots/*.png of the example's site, taken with headless Chromium.
screenshots: install-test $(AXE)
	$(BIN)/python tests/a11y/screenshots.py docs/screenshots

docs: install
	$(BIN)/python docs/gen_hooks.py
	$(BIN)/python docs/gen_cli_summaries.py

clean:
	rm -rf build .pytest_cache .hypothesis

# Crash, concurrency, fuzz, injection and privacy figures (about 30 minutes); writes
# docs/reliability.md. Not part of `make test`, which runs a smoke version of it.
reliability: install-test
	$(BIN)/python -m reliability.run
