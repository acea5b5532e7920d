# Leverage: the two quick-start commands are `make run` and `make test`.
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8888
# Jupyter refuses to run as root unless told; containers and CI machines often are root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: run test setup setup-test build lint format check-release bench clean

## run: set everything up, build the course and open JupyterLab on release/
run: setup build
	$(BIN)/jupyter lab --notebook-dir=release --ServerApp.port=$(PORT) $(ALLOW_ROOT)

## test: set everything up (Chromium included) and run the whole suite
test: setup-test
	$(BIN)/python -m pytest -n 2 --dist loadgroup

setup:
	./scripts/setup.sh

setup-test:
	./scripts/setup.sh --test

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
