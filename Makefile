# stretchdesk: make run | make test | make lint | make bench | make assets | make screenshots
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check
APT    := on Debian and Ubuntu: sudo apt-get install

.PHONY: run test check lint format typecheck pytest bench assets sounds screenshots samples translations dist bundle deb man install-desktop install-desktop-files clean

# The virtual environment, with a sentence instead of a traceback when the Python cannot
# make one (Debian and Ubuntu keep venv's ensurepip in the python3-venv package); a
# half-made .venv is removed, so the next try starts afresh.
$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { \
	  echo "stretchdesk needs Python 3.11 or newer, and there is no $(PYTHON) ($(APT) python3 python3-venv)" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "stretchdesk needs Python 3.11 or newer; $(PYTHON) is " + sys.version.split()[0] + " (another one: make run PYTHON=python3.12)")'
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
	  echo "$(PYTHON) cannot make a virtual environment: its venv module is not installed ($(APT) python3-venv; for this Python: $$($(PYTHON) -c 'import sys; print("python3.%d-venv" % sys.version_info[1])'))" >&2; exit 1; }
	@echo "Making the virtual environment $(VENV)/ with $$($(PYTHON) -c 'import sys; print(sys.executable, sys.version.split()[0])')"
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "$(PYTHON) could not make the virtual environment $(VENV)/ (the lines above say why); nothing was left behind" >&2; exit 1; }

# A .venv made by an earlier try without python3-venv has no pip: it is made again.
define pip-or-again
@$(BIN)/python -m pip --version >/dev/null 2>&1 || { \
	  echo "$(VENV)/ has no pip (it was made before python3-venv was installed): making it again"; \
	  rm -rf $(VENV) && $(MAKE) --no-print-directory $(BIN)/python; }
endef

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(pip-or-again)
	@echo "Installing stretchdesk and what it needs into $(VENV)/: the first time about 90 MB to download (Qt's PySide6 is most of it), 290 MB installed"
	$(PIP) install -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(pip-or-again)
	@echo "Installing stretchdesk with its test and development tools into $(VENV)/: the first time about 160 MB to download (70 MB more than make run), 500 MB installed"
	$(PIP) install -e '.[test,dev]'
	@touch $@ $(VENV)/.installed-run

## run: create .venv if needed, install, open the app (ARGS="--routine quick-relief")
run: $(VENV)/.installed-run
	$(BIN)/stretchdesk $(ARGS)

## lint: ruff (lint and format check) and mypy
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## format: apply ruff's formatting and safe fixes
format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## test: lint, type-check and run every test headless
test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

## check: the quick loop: lint, type-check and every test but the slow ones
check: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

## bench: benchmarks (not tests), results in bench/results.json and a line in bench/history.jsonl (BENCH="startup session": only those)
bench: $(VENV)/.installed-test
	$(BIN)/python -m bench $(BENCH)

## assets: redraw the illustrations, the icon and docs/illustrations.png from assets/poses/
assets: $(VENV)/.installed-test
	$(BIN)/python -m tools.art

## sounds: write the cue tones into assets/sounds/ and the spoken script into docs/
sounds: $(VENV)/.installed-test
	$(BIN)/python -m tools.sounds
	$(BIN)/python -m tools.spoken_script --out docs/spoken-script.md
	for lang in de es fr; do \
	  $(BIN)/python -m tools.spoken_script --language $$lang --out docs/spoken-script.$$lang.md; done

## screenshots: every screen in both themes into docs/screenshots/ (needs xvfb-run)
screenshots: $(VENV)/.installed-test
	xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/python -m tools.screenshots
	xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/python -m tools.screenshots --language de \
	  --themes light --more-sizes 1024x640 --session-sizes "" --out docs/screenshots/de

## translations: po/stretchdesk.pot from the code, po/<language>.po updated, compiled catalogues
translations: $(VENV)/.installed-test
	$(BIN)/python -m tools.translations

## samples: the sample sheet and report pages in docs/ (needs pdftoppm, from poppler-utils)
samples: $(VENV)/.installed-test
	$(BIN)/python -m tools.samples

## dist: the sdist and the wheel into dist/ (the wheel carries every asset)
dist: $(VENV)/.installed-test
	$(BIN)/python -m hatchling build -d dist

## bundle: a one-folder PyInstaller build in dist/stretchdesk/ that needs no Python, then its self-test
bundle: $(VENV)/.installed-test
	$(PIP) install 'pyinstaller>=6.0'
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/pyinstaller/stretchdesk.spec
	QT_QPA_PLATFORM=offscreen dist/stretchdesk/stretchdesk --self-test

## man: the manual page, written from the command line's definition, into build/man/
man: $(VENV)/.installed-run
	$(BIN)/python -m tools.manpage --out build/man/stretchdesk.1

## deb: stretchdesk_<version>_<arch>.deb in dist/ from the one-folder bundle (needs dpkg-dev)
deb: bundle
	$(BIN)/python -m tools.deb --bundle dist/stretchdesk --out dist

## install-desktop: the menu entry, routine file type, AppStream file, icons and manual page
DESKTOP_HOME ?= $(HOME)/.local/share
APP_ID := io.github.stretchdesk.StretchDesk
MAN_PAGE ?= build/man/stretchdesk.1
install-desktop: man
	@$(MAKE) --no-print-directory install-desktop-files

# install-desktop-files: what install-desktop installs, with the manual page already written
# to MAN_PAGE (no virtual environment needed: the tests run it so)
install-desktop-files:
	install -Dm644 packaging/linux/$(APP_ID).desktop $(DESKTOP_HOME)/applications/$(APP_ID).desktop
	install -Dm644 packaging/linux/$(APP_ID).metainfo.xml $(DESKTOP_HOME)/metainfo/$(APP_ID).metainfo.xml
	install -Dm644 packaging/linux/$(APP_ID).xml $(DESKTOP_HOME)/mime/packages/$(APP_ID).xml
	-update-mime-database $(DESKTOP_HOME)/mime
	-update-desktop-database $(DESKTOP_HOME)/applications
	install -Dm644 assets/icons/stretchdesk.svg $(DESKTOP_HOME)/icons/hicolor/scalable/apps/$(APP_ID).svg
	for size in 16 32 48 64 128 256 512; do \
	  install -Dm644 assets/icons/stretchdesk-$$size.png \
	    $(DESKTOP_HOME)/icons/hicolor/$${size}x$${size}/apps/$(APP_ID).png; \
	done
	install -d $(DESKTOP_HOME)/man/man1
	gzip -9nc $(MAN_PAGE) > $(DESKTOP_HOME)/man/man1/stretchdesk.1.gz
	-update-desktop-database -q $(DESKTOP_HOME)/applications 2>/dev/null
	-gtk-update-icon-cache -q -t $(DESKTOP_HOME)/icons/hicolor 2>/dev/null
	@echo "installed into $(DESKTOP_HOME); the menu entry runs 'stretchdesk' (pipx install . puts it on PATH)"

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
