#!/usr/bin/env bash
# Instructions per request, counted by valgrind's callgrind: repeatable where wrk's requests a second swing by ±20% on
# this VM. The release binary (its debug info stripped: valgrind 3.19 cannot read Swift's) serves the 10k-claim
# corpus on one thread; 5,000 keep-alive requests of each kind are counted from the first request to the last.
# Usage: benchmarks/instructions.sh [BINARY]   (default: builds .build/release/attributed)
# Note: libmicrohttpd zeroes its 16 KiB connection pool per request with `rep stosb`, which callgrind counts per
# byte (about 24,500 "instructions" of every request; a few hundred cycles in fact).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -n ${1:-} ]]; then bin=$(realpath "$1"); else swift build -c release --static-swift-stdlib >/dev/null; bin=$PWD/.build/release/attributed; fi
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=${SCALE_CACHE:-/tmp/attributed-scale}/10k.json
[[ -e $corpus ]] || { mkdir -p "$(dirname "$corpus")"; python3 benchmarks/make_corpus.py 400 25 "$corpus" >/dev/null; }
strip --strip-debug -o "$work/attributed" "$bin"
cp -R "$(dirname "$bin")/attributed_AttributedCore.resources" "$work/"
requests=5000
echo "attributed $(git rev-parse --short HEAD 2>/dev/null || echo '?'): instructions per request (callgrind, $requests keep-alive requests, 1 worker thread)"
for kind in healthz claim provenance list; do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  valgrind --tool=callgrind --callgrind-out-file="$work/$kind.out" --dump-instr=no --instr-atstart=no \
    "$work/attributed" serve --port "$port" --threads 1 --data "$corpus" >"$work/$kind.log" 2>&1 &
  pid=$!
  for _ in $(seq 300); do curl -sf "localhost:$port/readyz" >/dev/null && break; kill -0 $pid || { cat "$work/$kind.log"; exit 1; }; sleep 0.5; done
  callgrind_control -i on $pid >/dev/null 2>&1
  python3 - "$port" "$kind" "$requests" <<'PY'
import http.client, random, sys
port, kind, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
random.seed(7)
connection = http.client.HTTPConnection("127.0.0.1", port)
for _ in range(count):
    claim = "a%06d-c%03d" % (random.randrange(400), random.randrange(25))
    target = {"healthz": "/healthz", "claim": "/v1/claims/" + claim, "provenance": "/v1/claims/" + claim + "/provenance",
              "list": "/v1/claims?anonymity=named&limit=5"}[kind]
    connection.request("GET", target)
    response = connection.getresponse()
    response.read()
    assert response.status == 200, (target, response.status)
PY
  callgrind_control -i off $pid >/dev/null 2>&1
  kill -TERM $pid; wait $pid || true
  total=$(callgrind_annotate "$work/$kind.out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
  printf '%-12s %10d\n' "$kind" $((total / requests))
done
