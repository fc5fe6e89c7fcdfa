# Parley: `make run` serves the dashboard, `make test` runs every test. Both build .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint warehouse eval bench offices known-people train docs clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

warehouse: install
	$(BIN)/parley refresh

run: warehouse
	$(BIN)/streamlit run streamlit_app.py --browser.gatherUsageStats false

test: install
	$(BIN)/python -m pytest -n 2 --dist loadgroup

lint: install
	$(BIN)/ruff check etl dashboard bench tests tools streamlit_app.py

eval: install
	$(BIN)/python bench/eval_extraction.py

offices: install  # rebuild etl/resolve/offices.tsv (who held which office when) from ../shared/data
	$(BIN)/python -m etl.resolve.build_offices

known-people: install  # rebuild etl/extract/data/known_people.tsv and etl/resolve/common_names.tsv from PETRARCH2's actors
	$(BIN)/python tools/build_known_people.py ../shared/data/actors/Phoenix.Countries.actors.txt

docs: install  # regenerate the view reference in docs/warehouse.md from etl/warehouse/models/*.yml
	$(BIN)/python -m etl.warehouse.contract_docs

train: install  # rebuild etl/extract/data/confidence-model.json (the learned confidence) from ../shared/data
	$(BIN)/python -m etl.extract.train

bench: install
	$(BIN)/python bench/extract_throughput.py

clean:
	rm -rf $(VENV) data/parley.duckdb data/parley.duckdb.wal
