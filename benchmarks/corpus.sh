# Sourced by the benchmarks: the synthetic corpus of each size (benchmarks/make_corpus.py, 25 claims per article)
# and its cache (SCALE_CACHE, default /tmp/attributed-scale; the 1m corpus takes minutes to write).
per_article=25
corpus_tools=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)  # before any caller changes directory
cache=${SCALE_CACHE:-/tmp/attributed-scale}

# Sets `articles` for a size (10k, 100k or 1m claims); false for any other.
corpus_articles() {
  case $1 in
    10k) articles=400 ;;
    100k) articles=4000 ;;
    1m) articles=40000 ;;
    *) return 1 ;;
  esac
}

# Sets `corpus`, the cached file of a size, writing it first if missing: under a temporary name, then renamed, so
# an interrupted run never leaves a truncated corpus in the cache.
cached_corpus() {
  corpus_articles "$1" || return 1
  corpus=$cache/$1.json
  [[ -e $corpus ]] && return 0
  mkdir -p "$cache"
  echo "# writing $corpus" >&2
  python3 "$corpus_tools/make_corpus.py" "$articles" "$per_article" "$corpus.tmp.$$" >/dev/null
  mv "$corpus.tmp.$$" "$corpus"
}

# Sets `args`, what benchmarks/random_claim.lua is given for one kind of by-id run against /healthz: healthz, hot
# (one claim, served from the response cache), hotprovenance (that claim's chain, cached likewise), random (claims
# all over the corpus) or provenance (their chains). A hot resource is sent from a response built once, as /healthz
# is: its ratio is the most any by-id route can reach on the machine with a body of that size.
by_id_args() {
  case $1 in
    healthz) args=(fixed /healthz) ;;
    hot) args=(fixed /v1/claims/a000007-c003) ;;
    hotprovenance) args=(fixed /v1/claims/a000007-c003/provenance) ;;
    random) args=("$articles" "$per_article") ;;
    provenance) args=("$articles" "$per_article" /provenance) ;;
  esac
}

# For the scripts that compare two binaries (BINARY_A BINARY_B [10k|100k|1m], default 1m): sets `binaries` (absolute
# paths), `size` and `articles`, or exits with the usage line.
two_binaries() {
  local usage="usage: $0 BINARY_A BINARY_B [10k|100k|1m]"
  [[ $# -ge 2 ]] || { echo "$usage" >&2; exit 2; }
  binaries=("$(realpath "$1")" "$(realpath "$2")")
  size=${3:-1m}
  corpus_articles "$size" || { echo "$usage" >&2; exit 2; }
}

# A free TCP port on loopback, for a server a benchmark starts.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Sets `work`, a temporary directory (removed when the script exits) holding the corpus of a size as a dataset
# directory, `$work/data`, and says so; `$1` the size, `$2` the name the directory is tagged with.
corpus_directory() {
  work=$(mktemp -d "/tmp/attributed-$2.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  mkdir "$work/data"
  cp "$corpus" "$work/data/corpus.json"
  echo "# $1 corpus ($(du -h "$corpus" | cut -f1)) as a directory; $bin"
}
