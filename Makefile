# The two commands of the README: `make demo` builds the bundled example pack,
# `make test` runs every test. Both install what they need first.
.PHONY: demo test bench setup

setup:
	@scripts/setup.sh

demo: setup
	cargo build --release --locked
	./target/release/anquan build example --date 2026-11-23 --cache target/demo-cache
	@echo "open example/public/index.html"

test: setup
	scripts/test.sh

bench:
	python3 scripts/bench.py
