# Aspire: `make run` sets up and starts the app; `make test` sets up and runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint typecheck bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

PLUGINS := plugins/aspire-cliches plugins/aspire-delivery

$(DEV_STAMP): $(STAMP) $(wildcard plugins/*/pyproject.toml)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-build-isolation $(addprefix -e ,$(PLUGINS))
	touch $@

# Bytecode is compiled first, as an installed copy has it: the app then starts sooner
# even where PYTHONDONTWRITEBYTECODE is set (only changed modules are compiled again).
run: $(STAMP)
	@$(BIN)/python -m compileall -q src
	$(BIN)/aspire

test: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench plugins
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench plugins
	$(BIN)/ruff format --check src tests bench plugins
	$(BIN)/mypy

bench: $(DEV_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	-$(BIN)/python bench/bench_scoring.py
	-$(BIN)/python bench/bench_cli.py
	-$(BIN)/python bench/bench_app.py
	-$(BIN)/python bench/bench_plugins.py

eval: $(STAMP)
	$(BIN)/python ../shared/eval/run_eval.py ../shared/eval/dev --cmd "$(BIN)/aspire"

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
