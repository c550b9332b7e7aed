#!/usr/bin/env bash
# Prints throughput and latency for a constant response (/healthz), a claim by id (prebuilt at load), a provenance
# chain, and a filtered list (assembled per request), all from the same release binary on loopback.
# Usage: benchmarks/wrk.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
connections=${2:-64}
swift build -c release --static-swift-stdlib >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# wrk opens all its connections from this one host: the per-address limit keeps twice that (the default 128 at -c64).
.build/release/attributed serve --host 127.0.0.1 --port "$port" --max-connections-per-ip "$((connections * 2))" \
  2>/tmp/attributed-bench.log &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
echo "attributed $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, wrk -t2 -c$connections -d${seconds}s, keep-alive"
printf '%-40s %12s %10s %10s\n' path requests/s p50 p99
for path in /healthz /v1/claims/c09 /v1/claims/c09/provenance "/v1/claims?anonymity=unspecified&limit=5"; do
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$path")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-40s %12s %10s %10s %s\n' "$path" "$rps" "$p50" "$p99" "${non2xx:+(non-2xx: $non2xx)}"
done
echo "resident memory after the runs: $(awk '/VmRSS/ {print $2, $3}' /proc/$server/status)"
