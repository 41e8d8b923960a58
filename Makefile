# Two commands for a newcomer:  `make demo` (set up, then run the example)  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
# The CPU build of torch goes in first, so sentence-transformers does not pull a multi-GB CUDA build.
# On machines whose pip does not already see a CPU wheel, add PyTorch's CPU wheel index, e.g.
#   make demo TORCH_PIP_ARGS="--index-url <PyTorch CPU wheel index>"
TORCH   ?= torch==2.13.0
TORCH_PIP_ARGS ?=
export HF_HUB_OFFLINE = 1
export TRANSFORMERS_OFFLINE = 1

.PHONY: setup demo test bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet $(TORCH) $(TORCH_PIP_ARGS)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: setup
	$(BIN)/claimcheck run examples/ --camps examples/camps.toml -o out/disputes.jsonl --claims out/claims.jsonl \
		--facts out/facts.jsonl --articles out/articles.jsonl --html out/report.html

test: setup
	$(BIN)/pytest

bench: setup
	$(BIN)/python benchmarks/polnear_attribution.py
	$(BIN)/python benchmarks/emergent_topics.py
	$(BIN)/python benchmarks/emergent_disputes.py
	$(BIN)/python benchmarks/claimdiff_disputes.py
	$(BIN)/python benchmarks/fnc_article_disputes.py --half both
	$(BIN)/python benchmarks/sources.py
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf out .pytest_cache
