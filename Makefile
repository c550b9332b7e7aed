# The two commands a newcomer needs: `make run` and `make test`.
.PHONY: run test deps build bench fuzz

# The release build links the Swift runtime statically, as the Docker image does: one binary plus its resource bundle.
RELEASE = swift build -c release --static-swift-stdlib

deps:
	@scripts/install-deps

build: deps
	$(RELEASE)

## Builds and serves the built-in seed dataset on http://127.0.0.1:8080 (Ctrl-C stops it).
run: build
	.build/release/attributed serve $(ARGS)

# Seconds each fuzz target runs: `make fuzz` to look for crashes, `make test` so that every change is fuzzed a little.
FUZZ_SECONDS ?= 60
FUZZ_TEST_SECONDS ?= 8

## Every test: the schemathesis conformance run against a live server (its venv also holds the tools below), the
## explorer in headless Chromium, every seed claim's PROV-JSON read by the `prov` package and checked against the
## PROV-JSON schema, the NDJSON and CSV exports read by Python's `json` and `csv`, the dataset schema against the loader's fixtures, the Dockerfile checks and hadolint, the
## Kubernetes manifests (kubernetes-validate, and the binary started with the Deployment's args), the Swift suites,
## the live server suites again under ThreadSanitizer, and each fuzz target for a bounded time (its regression inputs
## replayed first).
test:
	@scripts/install-deps --test
	swift build --build-tests
	Tests/Conformance/run.sh .build/debug/attributed
	Tests/Browser/run.sh .build/debug/attributed
	Tests/Standards/run.sh .build/debug/attributed
	Tests/Writes/run.sh .build/debug/attributed
	.build/conformance-venv/bin/python Tests/Schema/check_dataset_schema.py
	$(RELEASE)
	HADOLINT=.build/conformance-venv/bin/hadolint Tests/Docker/check.sh .build/release/attributed
	Tests/Kubernetes/check.sh .build/release/attributed
	swift test --skip-build
	Tests/Sanitizers/thread.sh 600
	Tests/Fuzz/run.sh $(FUZZ_TEST_SECONDS)

## libFuzzer with AddressSanitizer over the JSON parser, the dataset loader, the query string and the router,
## FUZZ_SECONDS each (`make fuzz FUZZ_SECONDS=600`); crash inputs land in .build-fuzz/artifacts/.
fuzz: deps
	Tests/Fuzz/run.sh $(FUZZ_SECONDS)

## Throughput figures with wrk (not a test: numbers vary by machine).
bench:
	@scripts/install-deps --bench
	benchmarks/wrk.sh
