# Two commands a person needs (see README): `make build` and `make test`.
# Both create .venv and install the package with its dev dependencies on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build test lint goldens bench clients clean

build: $(STAMP)
	$(BIN)/exporter build

test: $(STAMP)
	tools/ensure-system-packages.sh
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check exporter tests bench
	$(BIN)/ruff format --check exporter tests bench

goldens: $(STAMP)
	$(BIN)/python tests/regenerate_goldens.py

bench: $(STAMP)
	$(BIN)/python bench/run.py

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
