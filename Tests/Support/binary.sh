# Sourced by the suites' run.sh: `require_binary SUITE "$@"` checks the one argument, the attributed binary, and sets
# ROOT (the repository) and BIN (the binary's absolute path); anything else exits 2 with the usage.
require_binary() {
  local suite="$1"
  shift
  if [[ $# -ne 1 ]]; then
    echo "usage: $0 PATH_TO_ATTRIBUTED_BINARY" >&2
    exit 2
  fi
  ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  BIN="$1"
  if [[ "$BIN" != /* ]]; then BIN="$PWD/$BIN"; fi
  if [[ ! -x "$BIN" ]]; then
    echo "$suite: $BIN is not an executable file" >&2
    exit 2
  fi
}
