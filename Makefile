# lco-kit: two commands for people — `make start` and `make test`.
# Everything else here is a building block for those two (and for benchmarks).

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8866

.PHONY: start test system-packages lint benchmark clean

## make start: set up (once) and serve the kit; prints the start page's address.
start: $(VENV)/.installed
	$(BIN)/lco-kit start --port $(PORT)

## make test: set up (once) with the test tools, make sure Chromium and PostgreSQL are there, run every test.
test: $(VENV)/.installed-test system-packages
	$(BIN)/python -m pytest

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "lco-kit heeft Python 3.11 of nieuwer nodig; gevonden: " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@ $(VENV)/.installed

system-packages:
	@scripts/ensure-system-packages

lint: $(VENV)/.installed-test
	$(BIN)/ruff check lco_kit tests benchmarks
	$(BIN)/mypy

benchmark: $(VENV)/.installed-test system-packages
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache
