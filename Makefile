# The two commands of the README: `make demo` and `make test`. Everything they need is installed
# here, from hash-pinned lock files, into ./.venv.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check --quiet
DB     ?= tieline.duckdb
CHROMIUM := /usr/bin/chromium
EVAL   ?= ../shared/eval

.PHONY: demo test eval lock clean java

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.base-installed: $(BIN)/python requirements/base.lock pyproject.toml
	$(PIP) install --require-hashes --no-deps -r requirements/base.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.base-installed requirements/test.lock
	$(PIP) install --require-hashes --no-deps -r requirements/test.lock
	touch $@

demo: $(VENV)/.base-installed
	$(BIN)/tieline demo --db $(DB)

# The browser tests drive Debian's Chromium through Playwright (no browser download): install it when missing.
$(CHROMIUM):
	@if ! command -v apt-get >/dev/null; then \
		echo "make: no apt-get here; install Chromium as $(CHROMIUM) yourself, or the browser tests are skipped."; \
	else \
		echo "Installing Chromium for the browser tests (apt-get install chromium)..."; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	fi

# The Spark test runs Spark in local mode, which needs Java 17 or later: install it when missing.
java:
	@if command -v java >/dev/null 2>&1; then :; \
	elif ! command -v apt-get >/dev/null; then \
		echo "make: no java and no apt-get here; install Java 17 (OpenJDK) yourself, or the Spark test is skipped."; \
	else \
		echo "Installing Java 17 for the Spark test (apt-get install openjdk-17-jre-headless)..."; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null; \
	fi

# The suite runs in TEST_WORKERS processes (pytest-xdist), each test file whole in one of them so
# that a file's fixtures (a coded store, a server) are built once; TEST_WORKERS=0 runs it in one.
TEST_WORKERS ?= 2

test: $(VENV)/.test-installed $(CHROMIUM) java
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

# Accuracy of the event coder on the field's gold sets (not shipped; EVAL=path/to/shared/eval).
eval: $(VENV)/.test-installed
	$(BIN)/python benchmarks/coding_accuracy.py $(EVAL)/events
	TIELINE_EVAL_DIR=$(EVAL) $(BIN)/python -m pytest -q tests/test_eval_floors.py

lock:
	requirements/lock.sh

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
