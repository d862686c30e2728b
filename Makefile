# Two commands do all the set-up on a fresh Debian or Ubuntu machine:
#   make run    creates .venv, installs the app, serves http://localhost:8501 (PORT=... for another)
#   make test   installs the test tools (and Chromium + fonts when missing), runs every check
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
# apt-get needs root; use sudo when we are not root and sudo exists.
SUDO   := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)

.PHONY: run test lint unit apptest browser bench system-deps clean replicas replicas-down replicas-status

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { $(SUDO) apt-get update && $(SUDO) apt-get install -y python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

# Streamlit prints no address of its own here (logger.hideWelcomeMessage, which also keeps it from
# looking up the machine's external IP) and opens no browser (server.headless): say where to go.
run: $(VENV)/.runtime
	@echo "Emotional Needs Workbook: open http://localhost:$(PORT) in your browser (Ctrl+C stops it; another port: make run PORT=8502)."
	$(BIN)/streamlit run app.py --server.port $(PORT)

# Debian's Chromium drives the browser tests (never `playwright install`); the fonts make
# Japanese and emoji render in screenshots instead of boxes; strace watches the server's connections;
# PostgreSQL's binaries run a private test server for the workshop rooms (tests/pg.py); nginx is the
# load balancer of deploy/local.sh (tests/deploy). Debian starts a freshly installed nginx as a
# system service on port 80: we run our own, unprivileged, on loopback, so that service is stopped
# and disabled again (only when this target installed it).
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v strace >/dev/null || missing="$$missing strace"; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	for p in fonts-noto-cjk fonts-noto-color-emoji postgresql; do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	  case "$$missing " in *" nginx "*) \
	    if [ -d /run/systemd/system ]; then $(SUDO) systemctl disable --now nginx >/dev/null 2>&1 || true; fi;; \
	  esac; \
	fi

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Unit tests and AppTests are plain Python processes: pytest-xdist runs them on every core. The
# browser, load and deploy tests start servers and Chromium of their own and run one at a time.
# Both parts always run; the target fails if either does.
test: $(VENV)/.dev system-deps lint
	@rc=0; \
	$(BIN)/python -m pytest -n auto tests/unit tests/apptest || rc=1; \
	$(BIN)/python -m pytest tests/browser tests/load tests/deploy || rc=1; \
	exit $$rc

unit: $(VENV)/.dev
	$(BIN)/python -m pytest tests/unit

apptest: $(VENV)/.dev
	$(BIN)/python -m pytest tests/apptest

browser: $(VENV)/.dev system-deps
	$(BIN)/python -m pytest tests/browser

bench: $(VENV)/.dev
	$(BIN)/python bench/rerun_cost.py
	$(BIN)/python bench/export_time.py
	$(BIN)/python bench/rooms_load.py --seconds 20
	$(BIN)/python bench/load.py --sessions 10,60 --seconds 20
	$(BIN)/python bench/fuzz_upload.py --cases 1000

# Several replicas behind nginx on loopback (deploy/README.md): http://127.0.0.1:$(PROXY_PORT)
REPLICAS   ?= 2
PROXY_PORT ?= 8600
replicas: $(VENV)/.runtime system-deps
	sh deploy/local.sh up --replicas $(REPLICAS) --port $(PROXY_PORT)

replicas-down:
	sh deploy/local.sh down

replicas-status:
	sh deploy/local.sh status

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-artifacts
