# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test lint install install-test snapshot bench clean-venv

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test: requirements-test.txt $(VENV)/.runtime
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-test.txt
	touch $@

install: $(VENV)/.runtime
install-test: $(VENV)/.test

## Start the dashboard on the shipped snapshot in data/ (no network needed).
run: install
	$(PY) -m observatory.ui.launch run app.py --server.port $(PORT)

## Install everything the tests need (Debian chromium when root), check the house with ruff, run the suite.
test: install-test
	bash scripts/install-system-deps.sh
	$(MAKE) --no-print-directory lint
	$(PY) -m pytest

## Lint and import order on the whole tree (settings in pyproject.toml).
lint: install-test
	$(PY) -m ruff check .

## Rebuild data/snapshot from data/raw through the real pipeline and a local publisher stand-in.
snapshot: install
	$(PY) -m observatory snapshot

bench: install-test
	$(PY) bench/run_all.py

clean-venv:
	rm -rf $(VENV)
