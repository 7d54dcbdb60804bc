# Every target creates the environment first, so each works on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-app
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-consumers

.PHONY: run test lint bench screenshots crash clean translations

# The interface's Arabic catalogue, compiled for the app (the package build does the same).
CATALOGUE := resources/i18n/annotate_ar
LRELEASE = $(BIN)/pyside6-lrelease -silent -fail-on-unfinished

# What the app needs to start, and no more (no spaCy, pyarrow or test tools).
$(RUN_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(RUN_STAMP)

$(STAMP): $(RUN_STAMP)
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The tests also load exports with the consumers themselves (seqeval, Hugging Face datasets).
$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e ".[dev,consumers]"
	touch $(TEST_STAMP)

$(CATALOGUE).qm: $(CATALOGUE).ts $(RUN_STAMP)
	$(LRELEASE) $(CATALOGUE).ts -qm $@

# After changing a text in gui/: the catalogue gains it (untranslated), loses the gone ones.
translations: $(RUN_STAMP)
	$(BIN)/pyside6-lupdate gui/*.py -ts $(CATALOGUE).ts -no-obsolete -locations none \
		-disable-heuristic sametext -disable-heuristic similartext

run: $(RUN_STAMP) $(CATALOGUE).qm
	$(BIN)/annotate gui

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint $(TEST_STAMP) $(CATALOGUE).qm
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

bench: $(STAMP) $(CATALOGUE).qm
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

screenshots: $(STAMP) $(CATALOGUE).qm
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m gui.screenshots

crash: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.crash --kills 100

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .import_linter_cache
