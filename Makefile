# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install bench bench-report evaluate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@# exit status 1 only says that some files failed: the demo corpus has two broken files on purpose
	$(BIN)/coopatlas build demo/corpus --db demo-atlas.db --manifest demo/manifest.csv || [ $$? -eq 1 ]
	$(BIN)/coopatlas status --db demo-atlas.db
	$(BIN)/coopatlas report --db demo-atlas.db --out demo-report --trade demo/trade/interregional-trade.csv
	@echo
	@echo "The demo atlas is demo-atlas.db (SQLite); its report is demo-report/. Open in a browser:"
	@echo "  demo-report/index.html        (works offline; every bar links to its evidence)"
	@echo "  demo-report/tables.xlsx       (every table)   demo-report/figures/ (PNG and SVG)"
	@echo "  demo-report/network.gexf      (for Gephi)"
	@echo "Try also:"
	@echo "  .venv/bin/coopatlas search \"дорожная карта\" --db demo-atlas.db"
	@echo "  .venv/bin/coopatlas show 1 --db demo-atlas.db"
	@echo "  .venv/bin/coopatlas export --db demo-atlas.db --format qdpx --out atlas-export   (or xlsx, stata, spss, gexf, geojson)"
	@echo "  python: import coopatlas; atlas = coopatlas.Atlas('demo-atlas.db'); atlas.facts()"

test: $(STAMP)
	bash scripts/system-deps.sh
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# the report on a generated atlas of 10,000 documents, one core (target: under 30 s)
bench-report: $(STAMP)
	$(BIN)/python benchmarks/report_bench.py

evaluate: $(STAMP)
	@for part in tune heldout; do \
	  $(BIN)/coopatlas extract --authors tests/data/gold/$$part.jsonl --relative-to tests/data/gold \
	    tests/data/gold/$$part > /tmp/coopatlas-pred-$$part.jsonl; \
	  echo "=== $$part ==="; \
	  $(BIN)/coopatlas evaluate tests/data/gold/$$part.jsonl /tmp/coopatlas-pred-$$part.jsonl | head -12; \
	done

clean:
	rm -rf $(VENV) build *.egg-info benchmarks/.venv-natasha benchmarks/.corpus
