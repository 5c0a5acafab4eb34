# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install bench evaluate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/coopatlas extract --summary examples/

test: $(STAMP)
	bash scripts/system-deps.sh
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

evaluate: $(STAMP)
	@for part in tune heldout; do \
	  $(BIN)/coopatlas extract --authors tests/data/gold/$$part.jsonl --relative-to tests/data/gold \
	    tests/data/gold/$$part > /tmp/coopatlas-pred-$$part.jsonl; \
	  echo "=== $$part ==="; \
	  $(BIN)/coopatlas evaluate tests/data/gold/$$part.jsonl /tmp/coopatlas-pred-$$part.jsonl | head -12; \
	done

clean:
	rm -rf $(VENV) build *.egg-info benchmarks/.venv-natasha benchmarks/.corpus
