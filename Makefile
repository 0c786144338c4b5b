# Chengxiang 城乡 — two commands:
#   make demo   installs what is missing, builds, builds the 交城 demo database, prints its diagnosis
#               and serves the web UI at http://127.0.0.1:8080/
#   make test   installs what is missing, builds and runs every test
SHELL := /bin/bash
DATABASE ?= chengxiang.sqlite
SWIFT_BUILD_FLAGS ?=

.PHONY: demo test deps test-deps build release clean lint format

deps:
	@scripts/install-deps.sh runtime

test-deps:
	@scripts/install-deps.sh test

build: deps
	swift build $(SWIFT_BUILD_FLAGS)

demo: build
	$$(swift build $(SWIFT_BUILD_FLAGS) --show-bin-path)/chengxiang demo --database $(DATABASE)

# The tests run with a throwaway PostgreSQL cluster (started and deleted by the script), so the
# store tests and the PostgreSQL end-to-end tests run on both backends.
test: test-deps lint
	swift build --build-tests $(SWIFT_BUILD_FLAGS)
	scripts/test-postgres.sh swift test --skip-build $(SWIFT_BUILD_FLAGS)

# The committed .swift-format configuration; `make format` rewrites the tree to match it.
lint:
	swift format lint --strict --recursive --parallel Sources Tests Package.swift

format:
	swift format format --in-place --recursive --parallel Sources Tests Package.swift

release: deps
	swift build -c release

clean:
	rm -rf .build
