# Two set-up commands work on a fresh machine: `make demo` and `make test`.
VENV    ?= .venv
PY      := $(VENV)/bin/python
UV      := $(VENV)/bin/uv
RUNTIME := $(VENV)/.installed-runtime
DEV     := $(VENV)/.installed-dev
SHARED  ?= ../shared

.PHONY: demo test eval eval-gate bench train install install-dev lock clean

$(PY):
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --require-hashes -r requirements-bootstrap.lock

$(RUNTIME): requirements.lock pyproject.toml | $(PY)
	$(UV) pip install --python $(PY) --quiet --require-hashes -r requirements.lock
	$(UV) pip install --python $(PY) --quiet --no-deps -e .
	touch $@

$(DEV): requirements-dev.lock pyproject.toml | $(PY)
	$(UV) pip install --python $(PY) --quiet --require-hashes -r requirements-dev.lock
	$(UV) pip install --python $(PY) --quiet --no-deps -e .
	touch $@ $(RUNTIME)

install: $(RUNTIME)
install-dev: $(DEV)

demo: $(RUNTIME)
	$(VENV)/bin/wirecoder extract examples/ceasefire_talks.txt --published 2025-03-14 --format table

# pytest's exit 5 (no test collected) is a failure here, not a pass.
test: $(DEV)
	@$(PY) -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; exit $$rc

eval: $(RUNTIME)
	$(VENV)/bin/wirecoder eval $(SHARED)/eval/dev/*.jsonl

eval-gate: $(DEV)
	$(PY) -m pytest tests/test_eval_gate.py -v

bench: $(DEV)
	$(PY) bench/throughput.py

# The shipped types model: NGEC's MIT-licensed synthetic stories + sentences written for
# wirecoder (never ACLED rows). The policy is chosen on the per-sentence-labelled files.
LEARN_DATA := src/wirecoder/learn/data
TYPES_MODEL := src/wirecoder/data/types_model
train: $(RUNTIME)
	$(PY) -m wirecoder.learn.codebook_examples
	$(PY) -m wirecoder.learn.plover_examples
	$(PY) -m wirecoder.learn.plover_news_examples
	$(PY) -m wirecoder.learn.no_event_examples
	rm -rf $(TYPES_MODEL).new
	$(VENV)/bin/wirecoder train $(SHARED)/train/plover_synthetic_ngec.jsonl \
	  $(LEARN_DATA)/plover_sentence_examples.jsonl $(LEARN_DATA)/plover_news_examples.jsonl \
	  $(LEARN_DATA)/acled_codebook_examples.jsonl \
	  --policy-data $(LEARN_DATA)/plover_sentence_examples.jsonl \
	  --policy-data $(LEARN_DATA)/plover_news_examples.jsonl \
	  --policy-data $(LEARN_DATA)/acled_codebook_examples.jsonl \
	  --cv 5 --seed 0 -o $(TYPES_MODEL).new
	rm -rf $(TYPES_MODEL) && mv $(TYPES_MODEL).new $(TYPES_MODEL)

lock: | $(PY)
	$(UV) pip compile pyproject.toml --generate-hashes --python-version 3.11 -o requirements.lock
	$(UV) pip compile pyproject.toml --extra dev --extra ray --generate-hashes --python-version 3.11 -o requirements-dev.lock

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
