# Aspire: `make run` sets up and starts the app; `make test` sets up and runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
BUILD_STAMP := $(VENV)/.build-tools

# The plugins that ship in plugins/: `make test` always installs them; `make run` installs
# those in PLUGINS (all by default), so the app gives the feedback the tests expect.
# `make run PLUGINS=` runs without them (and leaves off any installed earlier).
SHIPPED := plugins/aspire-cliches plugins/aspire-delivery
PLUGINS := $(SHIPPED)
plugin_stamps = $(patsubst plugins/%,$(VENV)/.plugin-%,$(1))
comma := ,
empty :=
space := $(empty) $(empty)
# Shipped plugins left out of PLUGINS, by the names Aspire knows them by (aspire-NAME).
LEFT_OUT := $(subst $(space),$(comma),$(strip $(patsubst plugins/aspire-%,%,$(filter-out $(PLUGINS),$(SHIPPED)))))

.PHONY: run test lint typecheck bench eval clean
.PRECIOUS: $(VENV)/.plugin-%

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# The shipped plugins build with setuptools, which a newer Python's venv lacks.
$(BUILD_STAMP): $(BIN)/python
	$(BIN)/python -m pip install --quiet 'setuptools>=61' wheel
	touch $@

# One shipped plugin, editable.
$(VENV)/.plugin-%: plugins/%/pyproject.toml $(STAMP) $(BUILD_STAMP)
	$(BIN)/python -m pip install --quiet --no-build-isolation -e plugins/$*
	touch $@

$(DEV_STAMP): $(STAMP) $(call plugin_stamps,$(SHIPPED))
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# Bytecode is compiled first, as an installed copy has it: the app then starts sooner
# even where PYTHONDONTWRITEBYTECODE is set (only changed modules are compiled again).
run: $(STAMP) $(call plugin_stamps,$(PLUGINS))
	@$(BIN)/python -m compileall -q src
	$(if $(LEFT_OUT),ASPIRE_DISABLE_PLUGINS="$${ASPIRE_DISABLE_PLUGINS:+$$ASPIRE_DISABLE_PLUGINS$(comma)}$(LEFT_OUT)" )$(BIN)/aspire

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
