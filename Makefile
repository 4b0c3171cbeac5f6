# The two commands: `make run` and `make test`. Everything else is a helper.

PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export DEBUG ?= true
VNU_VERSION = 26.9.27
VNU_JAR = var/vnu-$(VNU_VERSION)/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: run test test-next install install-test lock deploy-check system-packages lint format migrate demo messages demo-messages screenshots bench clean

# The scheduler (scheduled publishing every minute) runs beside the development server.
run: install migrate
	$(BIN)/python manage.py setup_roles
	$(BIN)/python manage.py load_demo --if-empty
	$(BIN)/python manage.py run_scheduler & scheduler=$$!; \
	trap 'kill $$scheduler' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-test system-packages $(VNU_JAR) lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest --numprocesses=auto

PIP_VERSION = 26.3

# The whole suite against the newest Wagtail release candidate on the package index, with
# every other package as locked, in a virtualenv of its own (so the test that the
# environment is the lock file is left out); Wagtail's deprecation warnings are listed
# at the end.
NEXT = .venv-next
test-next: system-packages $(VNU_JAR)
	test -x $(NEXT)/bin/python || $(PYTHON) -m venv $(NEXT)
	$(NEXT)/bin/pip install --quiet pip==$(PIP_VERSION)
	$(NEXT)/bin/pip install --quiet -r requirements/test.txt
	$(NEXT)/bin/pip install --quiet --no-deps -e .
	$(NEXT)/bin/pip install --quiet --pre --upgrade wagtail
	@$(NEXT)/bin/python -c "import wagtail; print('Wagtail', wagtail.__version__)"
	$(NEXT)/bin/pytest --numprocesses=auto \
		-W "always::wagtail.utils.deprecation.RemovedInWagtail90Warning" \
		-W "always::wagtail.utils.deprecation.RemovedInWagtail100Warning" \
		--deselect tests/test_install.py::test_the_test_environment_is_exactly_the_lock_file

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet pip==$(PIP_VERSION)

# Exactly the versions in the lock files (requirements/), then the project itself.
install: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/production.txt
	$(BIN)/pip install --quiet --no-deps -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/test.txt
	$(BIN)/pip install --quiet --no-deps -e .

# After changing the dependencies in pyproject.toml: pin them again, with uv (itself pinned
# among the test dependencies). `make lock UPGRADE=--upgrade` takes the newest allowed.
lock: install-test
	$(BIN)/uv pip compile --quiet $(UPGRADE) pyproject.toml --python-version 3.11 -o requirements/production.txt
	$(BIN)/uv pip compile --quiet $(UPGRADE) pyproject.toml --extra test --python-version 3.11 -o requirements/test.txt

# The W3C Nu HTML checker for the valid-HTML test; its install script (which would fetch
# a Java of its own) is not run.
$(VNU_JAR): | system-packages
	npm install --no-save --no-audit --no-fund --ignore-scripts --prefix var/vnu-$(VNU_VERSION) vnu-jar@$(VNU_VERSION)

# Browser tests drive Debian's Chromium (Playwright cannot download its own here), the
# catalog tests extract strings with GNU gettext, the W3C Nu HTML checker runs on Java and
# comes from npm, the page cache is tested behind Debian's Varnish, and the deployment
# check puts nginx in front of it and runs PostgreSQL and Redis servers of its own.
SUDO = $(if $(filter 0,$(shell id -u)),,sudo)
system-packages:
	@missing="$$(command -v chromium >/dev/null || echo chromium) $$(command -v xgettext >/dev/null || echo gettext) $$(command -v java >/dev/null || echo default-jre-headless) $$(command -v npm >/dev/null || echo npm) $$(command -v varnishd >/dev/null || echo varnish) $$(command -v nginx >/dev/null || echo nginx-light) $$(command -v redis-server >/dev/null || echo redis-server) $$(command -v pg_ctlcluster >/dev/null || echo postgresql)"; \
	if [ -n "$$(echo $$missing | tr -d ' ')" ]; then \
		echo "Installing $$missing"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

migrate:
	$(BIN)/python manage.py migrate --noinput

# The production recipe (docs/production.md), followed as written in a fresh clone, behind the reference
# chain (nginx, Varnish) on free ports, with a PostgreSQL, Redis and mail server of its own.
deploy-check: install-test system-packages
	$(BIN)/python scripts/check_deployment.py

demo:
	$(BIN)/python manage.py load_demo

# The README's screenshots, from the demo content, at phone and desktop widths.
screenshots: install-test system-packages
	$(BIN)/pytest tests/browser/screenshots.py

# Update the interface catalogs from the source strings, then compile them (both are committed).
messages:
	$(BIN)/python manage.py makemessages -l es -l fr -l ar --no-obsolete --ignore=".venv*/*" --ignore="tests/*" --ignore="static/*" --ignore="media/*"
	$(BIN)/python manage.py compilemessages --ignore=".venv*/*"

# ruff, djhtml (templates), end-of-file and whitespace fixers: .pre-commit-config.yaml.
# `$(BIN)/pre-commit install` runs the same before every commit.
# Bring the demo translation memories in line with the English demo content: build the demo
# in a scratch database, then keep, add (untranslated) and drop entries. Commit the .po files.
DEMO_DB = sqlite:///$(CURDIR)/var/demo-messages.sqlite3
demo-messages: install
	mkdir -p var && rm -f var/demo-messages.sqlite3
	DATABASE_URL=$(DEMO_DB) $(BIN)/python manage.py migrate -v0
	DATABASE_URL=$(DEMO_DB) $(BIN)/python manage.py load_demo
	DATABASE_URL=$(DEMO_DB) $(BIN)/python manage.py refresh_demo_translations

lint: install-test
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/pre-commit run --all-files --show-diff-on-failure

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

clean:
	rm -rf $(VENV) $(NEXT) db.sqlite3 media static .pytest_cache .ruff_cache

# Per page type, at the demo's size and with 5,000 stories (and their translations): SQL
# queries, CPU per request, requests per second uncached and cached (scripts/bench.py).
bench: install
	@command -v wrk >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	$(BIN)/python scripts/bench.py
