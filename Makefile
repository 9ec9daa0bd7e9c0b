# Two commands for a newcomer: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BUILD  ?= build
export TOKENIZERS_PARALLELISM := false
export MPLBACKEND := Agg

.PHONY: run executed test test-browser lab install install-dev clean

$(PY):
	$(PYTHON) -c 'import sys; sys.exit("Python >= 3.10 is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 10) else None'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(PY) pyproject.toml scripts/install-torch.sh
	scripts/install-torch.sh $(PY)
	$(PY) -m pip install -e ".[notebooks]"
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install -e ".[notebooks,dev]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## run: execute the notebook series headless in the default profile; prints a summary table
run: $(VENV)/.installed
	$(PY) scripts/run_series.py --out $(BUILD)/notebooks

## executed: copies of the notebooks with outputs, run in the cpu profile, in docs/executed/ (for reading on GitHub);
## reuses `make run`'s executed notebooks when they are fresh, and only refreshes the text when no code changed
executed: $(VENV)/.installed
	$(PY) scripts/executed_copies.py --profile cpu --out docs/executed

## test: unit tests, then every notebook under nbval in the fast `smoke` profile
test: $(VENV)/.installed-dev
	TUTORIAL_PROFILE=smoke $(PY) -m pytest tests
	TUTORIAL_PROFILE=smoke $(PY) -m pytest --nbval-lax -p no:cacheprovider notebooks

## test-browser: open a notebook in JupyterLab in headless Chromium and keep a screenshot
test-browser: $(VENV)/.installed-dev
	$(PY) scripts/browser_check.py --out $(BUILD)/browser

## lab: open JupyterLab on the notebooks
lab: $(VENV)/.installed
	$(VENV)/bin/jupyter lab notebooks/

clean:
	rm -rf $(BUILD) runs .pytest_cache
