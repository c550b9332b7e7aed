#!/usr/bin/env bash
# Search over a realistic vocabulary: the scale corpus's quotes use a few hundred words, so no prefix there begins
# many; here each quote is ten words drawn from VOCABULARY pseudo-words with P(rank) ∝ 1/rank (make_corpus.py
# --vocabulary), and `q` words of one, two and three letters are timed, in id order and ranked. A `q` whose words
# begin more than 1,024 indexed words is refused (400) at no cost; everything else is a bounded merge.
# Usage: benchmarks/search_breadth.sh [100k|1m]     (claims; default 100k)
# Environment: ATTRIBUTED_BIN (skips the build), SCALE_CACHE, VOCABULARY (default 200000), REQUESTS (default 30).
set -euo pipefail

size=${1:-100k}
# shellcheck source=corpus.sh
source "$(dirname "$0")/corpus.sh"
corpus_articles "$size" || { echo "usage: $0 [100k|1m]" >&2; exit 2; }
vocabulary=${VOCABULARY:-200000}
requests=${REQUESTS:-30}
# shellcheck source=binary.sh
source "$(dirname "$0")/binary.sh"
use_binary

corpus=$cache/$size-vocabulary$vocabulary.json
if [[ ! -e $corpus ]]; then
  mkdir -p "$cache"
  echo "# writing $corpus" >&2
  python3 benchmarks/make_corpus.py "$articles" "$per_article" "$corpus.tmp.$$" --vocabulary "$vocabulary"
  mv "$corpus.tmp.$$" "$corpus"
fi

port=$(free_port)
"$bin" serve --host 127.0.0.1 --port "$port" --data "$corpus" 2>/dev/null &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1800); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz") == 200 ]] && break
  kill -0 "$server" 2>/dev/null || { echo "server exited" >&2; exit 1; }
  sleep 0.1
done

echo "search breadth, $size claims, quotes over $vocabulary words (P ∝ 1/rank): $requests sequential curl requests each"
printf '%-34s %6s %10s %10s  %s\n' query status "med (ms)" "max (ms)" "detail (of a 400)"
for q in e t e+t+a+o et ea th et+ta eta the xq zzzz; do
  for order in "" "&sort=relevance"; do
    target="/v1/claims?q=$q$order"
    times=()
    for _ in $(seq "$requests"); do
      read -r status seconds < <(curl -s -o "$cache/.breadth.body" -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$port$target")
      times+=("$seconds")
    done
    read -r med max < <(printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 * 1000 } END { printf "%.2f %.2f\n", t[int((NR + 1) / 2)], t[NR] }')
    detail=""
    [[ $status == 400 ]] && detail=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["detail"])' "$cache/.breadth.body")
    printf '%-34s %6s %10s %10s  %s\n' "$target" "$status" "$med" "$max" "$detail"
  done
done
rm -f "$cache/.breadth.body"
