# isslearn: `make lab` to teach or learn, `make test` to check everything.
# Needs only python3 (3.10+) and make; everything else is installed into .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PYTEST := $(BIN)/python -m pytest

# One environment, three installs, each remembered by its own stamp. `make lab` installs what
# the lessons need and nothing else: isslearn with JupyterLab and its kernel (`.[lab]`); `make
# present` installs isslearn with Voilà and its kernel (`.[present]`). Every other target
# installs the developers' tools on top (`.[dev]`: tests, website, hub, linters), so a teacher
# who runs `make lab` and later `make test` in the same clone keeps one .venv, and only the
# second command downloads the tools. Each stamp is redone when pyproject.toml changes.
LAB_STAMP := $(VENV)/.lab-installed
PRESENT_STAMP := $(VENV)/.present-installed
DEV_STAMP := $(VENV)/.dev-installed

.PHONY: lab present test unit notebooks lessons browser binder-check bench lint format venv clean \
	book publish-book translations

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(LAB_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[lab]"
	touch $@

$(PRESENT_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[present]"
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

venv: $(DEV_STAMP)  ## the developers' environment (what make test uses)

# JupyterLab refuses to run as root unless told; containers and school servers often are root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

# .venv/bin first on the PATH, so the `isslearn` command works in JupyterLab's own terminal.
TERMINAL := --ServerApp.terminado_settings=shell_command="$${SHELL:-/bin/sh}"
# The terminal runs the teacher's shell as it is (not a login shell, which JupyterLab starts
# when its output is not a terminal, and whose /etc/profile would reset the PATH).
lab: $(LAB_STAMP)  ## open the lessons in JupyterLab (installs only what the lessons need)
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/jupyter lab $(ALLOW_ROOT) $(TERMINAL) notebooks/00_start_here.ipynb

# Project a lesson in class: its code hidden, figures and widgets live, large type (Voilà).
present: $(PRESENT_STAMP)  ## project a lesson in class: make present LESSON=01 (opens the browser)
	@test -n "$(LESSON)" || { echo "make present LESSON=01   (a lesson's number, 00 to 05, or a notebook's path)" >&2; exit 2; }
	$(BIN)/isslearn present "$(LESSON)"

# Each lesson is executed once per run where possible: strict nbval in the Binder stand-in's
# kernel with the network cut (tests/test_binder.py), lesson 01 by eight learners on a real
# JupyterHub (tests/test_whole_class.py, one of them in Chromium), the others in JupyterLab in
# Chromium (tests/browser). The website is built offline and read in Chromium too.
test: $(DEV_STAMP)  ## every test: unit, lessons, Binder, offline, website, JupyterHub, real browser
	bash tests/browser/ensure_chromium.sh
	bash tests/browser/install_axe.sh
	bash hub/install_proxy.sh
	$(PYTEST) --doctest-modules isslearn tests -p no:cacheprovider

unit: $(DEV_STAMP)  ## fast (under 2 minutes): no browser, kernel, linter, build or hub
	$(PYTEST) tests -m "not browser and not kernel and not lint and not slow"

notebooks: $(DEV_STAMP)  ## strict nbval on the lessons only
	$(PYTEST) notebooks --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

# Each quiz is saved in its static form only, so GitHub, nbviewer and the website show the
# question once and no answer (isslearn.quiz.notebook.static_quizzes says why).
# The library's words in every language: extract them from the code (babel.cfg), update each
# isslearn/locale/<lang>/LC_MESSAGES/isslearn.po (new words come in empty, for a translator),
# compile the .mo files the wheel ships. A new language: pybabel init -D isslearn -l xx
# -i isslearn/locale/isslearn.pot -d isslearn/locale, then translate and run this again.
translations: $(DEV_STAMP)  ## gettext catalogues: extract, update every language's .po, compile
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --omit-header \
		-o isslearn/locale/isslearn.pot .
	$(BIN)/pybabel update -D isslearn -i isslearn/locale/isslearn.pot -d isslearn/locale \
		--no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile -D isslearn -d isslearn/locale --statistics

lessons: $(LAB_STAMP)  ## re-run every lesson and save its outputs (after changing data or code)
	cd notebooks && ../$(BIN)/jupyter nbconvert --to notebook --execute --inplace *.ipynb */*.ipynb
	$(BIN)/python -c "import sys; from isslearn.quiz.notebook import static_quizzes_in_files as s; s(sys.argv[1:])" notebooks/*.ipynb notebooks/*/*.ipynb

browser: $(DEV_STAMP)
	bash tests/browser/ensure_chromium.sh
	bash tests/browser/install_axe.sh
	$(PYTEST) tests/browser

book: $(DEV_STAMP)  ## the lessons as a website in build/book/html, built offline, no kernel run
	$(BIN)/python docs/make_book.py build/book

publish-book: book  ## the website onto the gh-pages branch of origin (GitHub Pages serves it)
	$(BIN)/ghp-import --no-jekyll --push --force build/book/html

bench: $(DEV_STAMP)  ## benchmarks: prints a table, writes benchmarks/results.json
	bash tests/browser/ensure_chromium.sh
	$(BIN)/python -m benchmarks

lint: $(DEV_STAMP)  ## ruff (style, format), mypy (types) and import-linter (layers); settings in pyproject.toml
	$(BIN)/ruff check isslearn tests benchmarks notebooks
	$(BIN)/ruff format --check isslearn tests benchmarks
	$(BIN)/mypy isslearn
	$(BIN)/lint-imports

format: $(DEV_STAMP)
	$(BIN)/ruff format isslearn tests benchmarks
	$(BIN)/ruff check --fix isslearn tests benchmarks

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache
