#!/usr/bin/env bash
# Build time, memory and a few query costs of the search index (Sources/AttributedCore/Index) over synthetic
# documents, optimized. Not a test: figures vary by machine.
# Usage: benchmarks/index.sh [documents] [vocabulary: distinct words drawn with P(rank) ∝ 1/rank, default 2000000]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$out" && swiftc -O -wmo -module-name IndexBenchmark "$OLDPWD"/Sources/AttributedCore/Index/*.swift "$OLDPWD"/benchmarks/index/main.swift -o index-benchmark)
"$out/index-benchmark" "${1:-1000000}" "${2:-2000000}"
