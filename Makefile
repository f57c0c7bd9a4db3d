# Thin wrappers over scripts/; the scripts are the source of truth.
SHELL := bash
# Same PATH as the scripts: a local node (when the system one is too old), npm tools, cargo tools.
export PATH := $(CURDIR)/target/tools/node/bin:$(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: help install serve test build size e2e check-data clean lighthouse release

help:
	@echo "make install     install what is missing (apt, rustup, cargo, npm)"
	@echo "make serve       serve the app with live reload on http://127.0.0.1:8080"
	@echo "make test        run every check (same as .ci/run)"
	@echo "make build       release build into dist/"
	@echo "make size        size report of dist/ against the budget"
	@echo "make e2e         browser end-to-end tests against dist/"
	@echo "make check-data  validate public/data/news.json"
	@echo "make release     the editors' release kit in target/release-kit/"
	@echo "make lighthouse  Lighthouse scores of dist/ (timeline and an event page)"
	@echo "make clean       remove build output"

install:
	bash scripts/install.sh

serve:
	bash scripts/serve.sh

test:
	bash scripts/test.sh

build: install
	trunk build --release

size: build
	node scripts/size.mjs dist

e2e: build
	npm run --silent e2e

release: install
	bash scripts/release.sh

check-data:
	cargo run --locked --quiet --bin newsctl -- check public/data/news.json

lighthouse: build
	node scripts/lighthouse.mjs dist

clean:
	rm -rf dist tests/e2e/out
	cargo clean
