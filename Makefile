# isslearn: `make lab` to teach or learn, `make test` to check everything.
# Needs only python3 (3.10+) and make; everything else is installed into .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PYTEST := $(BIN)/python -m pytest

.PHONY: lab test unit notebooks lessons browser binder-check bench lint format venv clean \
	book publish-book

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

# JupyterLab refuses to run as root unless told; containers and school servers often are root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: $(STAMP)  ## open the lessons in JupyterLab
	$(BIN)/jupyter lab $(ALLOW_ROOT) notebooks/00_start_here.ipynb

# Each lesson is executed once per run where possible: strict nbval in the Binder stand-in's
# kernel with the network cut (tests/test_binder.py), lesson 01 by eight learners on a real
# JupyterHub (tests/test_whole_class.py, one of them in Chromium), the others in JupyterLab in
# Chromium (tests/browser). The website is built offline and read in Chromium too.
test: $(STAMP)  ## every test: unit, lessons, Binder, offline, website, JupyterHub, real browser
	bash tests/browser/ensure_chromium.sh
	bash hub/install_proxy.sh
	$(PYTEST) --doctest-modules isslearn tests -p no:cacheprovider

unit: $(STAMP)  ## fast: unit tests only
	$(PYTEST) tests -m "not browser and not slow"

notebooks: $(STAMP)  ## strict nbval on the lessons only
	$(PYTEST) notebooks --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

lessons: $(STAMP)  ## re-run every lesson and save its outputs (after changing data or code)
	cd notebooks && ../$(BIN)/jupyter nbconvert --to notebook --execute --inplace *.ipynb

browser: $(STAMP)
	bash tests/browser/ensure_chromium.sh
	$(PYTEST) tests/browser

book: $(STAMP)  ## the lessons as a website in build/book/html, built offline, no kernel run
	$(BIN)/python docs/make_book.py build/book

publish-book: book  ## the website onto the gh-pages branch of origin (GitHub Pages serves it)
	$(BIN)/ghp-import --no-jekyll --push --force build/book/html

bench: $(STAMP)  ## benchmarks: prints a table, writes benchmarks/results.json
	$(BIN)/python -m benchmarks

lint: $(STAMP)  ## ruff (style, format) and mypy (types; its settings are in pyproject.toml)
	$(BIN)/ruff check isslearn tests benchmarks notebooks
	$(BIN)/ruff format --check isslearn tests benchmarks
	$(BIN)/mypy isslearn

format: $(STAMP)
	$(BIN)/ruff format isslearn tests benchmarks
	$(BIN)/ruff check --fix isslearn tests benchmarks

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache
