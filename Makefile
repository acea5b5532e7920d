# Leverage: the two quick-start commands are `make run` and `make test`.
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8888
# Jupyter refuses to run as root unless told; containers and CI machines often are root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

# The learner's working copy of release/: made once, then only added to (course/workspace.py).
WORK ?= my-work
# JupyterLab as a learner sees it: nbgrader's instructor tools hidden, as on the hub.
LEARNER_CONFIG := JUPYTER_CONFIG_PATH=$(CURDIR)/deploy/jupyter/learners:$(CURDIR)/deploy/jupyter/laptop

.PHONY: run test setup setup-test workspace build lint format check-release bench clean

## run: set everything up, make or update your working copy (my-work/) and open JupyterLab on it
run: setup workspace
	$(LEARNER_CONFIG) $(BIN)/jupyter lab --notebook-dir=$(WORK) --ServerApp.port=$(PORT) $(ALLOW_ROOT)

## test: set everything up (Chromium included) and run the whole suite
test: setup-test
	$(BIN)/python -m pytest -n 2 --dist loadgroup

setup:
	./scripts/setup.sh

setup-test:
	./scripts/setup.sh --test

## workspace: copy new course notebooks into $(WORK)/; a notebook you edited is never changed
workspace: setup
	$(BIN)/leverage workspace --into $(WORK)

## build: rebuild source/**/*.ipynb from the jupytext sources, and release/ with nbgrader
build: setup
	$(BIN)/leverage build

## lint: ruff lint and format check
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache gradebook.db
