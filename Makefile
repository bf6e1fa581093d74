# Two commands for a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
KG     := $(BIN)/kg
STAMP  := $(VENV)/.installed

.PHONY: demo test install lint lock context bench bench-serve bench-smoke eval clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(KG) build seeds/ -o out/graph.ttl
	$(KG) entities --graph out/graph.ttl
	$(KG) query who-deployed-what-where --graph out/graph.ttl
	$(KG) query detentions --graph out/graph.ttl

# In parallel (pytest-xdist), TEST_JOBS processes: the CI machines have 2 cores (`-n auto`
# reads physical cores, which a 2-vCPU machine may report as 1). A test file stays in one
# process, so that its module fixtures (the dev-split build, the model) are built once.
# The 25 slowest tests are listed at the end: the suite must stay under 15 minutes in CI.
# The slowest files are handed out first (tests/conftest.py, SLOWEST_FIRST).
TEST_JOBS ?= 2
test: $(STAMP)
	$(BIN)/python -m pytest -q -n $(TEST_JOBS) --dist loadfile --no-loadscope-reorder --durations=25

lint: $(STAMP)
	$(BIN)/ruff check kg tests bench

# ontology/context.jsonld (the JSON-LD @context) from ontology/kg.ttl and kg's prefixes:
# run after adding a term; tests/rdf/test_jsonld.py checks that the file is current.
context: $(STAMP)
	$(BIN)/python -c "from kg.store.jsonld import write_context; print(write_context())"

lock:
	$(BIN)/pip-compile --no-emit-index-url --generate-hashes --allow-unsafe --strip-extras -o requirements.lock requirements.in

# Extraction quality on the seed, the development split and the held-out split
# (docs/evaluation.md): one line per split and the dev split's per-type table;
# `make eval JSON=1` prints the same figures as one JSON object. The held-out split is
# left out while it has no gold file (between its texts moving to dev and new ones landing).
EVAL_SPLITS := --corpus seed=seeds --legacy seed --corpus dev=tests/data/dev \
	$(if $(wildcard tests/data/heldout/*.yaml),--corpus heldout=tests/data/heldout)
eval: $(STAMP)
	$(KG) eval $(EVAL_SPLITS) $(if $(JSON),--json,--types dev)

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/bigfiles.py
	$(BIN)/python bench/scaling.py
	$(BIN)/python bench/serve_bench.py

# The query library and kg serve at 100, 500 and 2,000 documents, and the load test
# (bench/serve_bench.py; also the second half of `make bench`).
bench-serve: $(STAMP)
	$(BIN)/python bench/serve_bench.py

# A tiny run of the benchmark: checks it works, measures nothing (also run by `make test`).
bench-smoke: $(STAMP)
	$(BIN)/python bench/run.py --smoke
	$(BIN)/python bench/bigfiles.py --smoke
	$(BIN)/python bench/scaling.py --smoke
	$(BIN)/python bench/storememory.py --smoke

clean:
	rm -rf out .pytest_cache
