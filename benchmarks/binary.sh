# Sourced by the benchmarks: `use_binary` moves to the repository root and sets `bin`, the attributed binary to
# measure: ATTRIBUTED_BIN when given (a relative path is resolved against the caller's directory first), else a
# fresh release build linked as the Docker image is.
use_binary() {
  if [[ -n ${ATTRIBUTED_BIN:-} ]]; then
    bin=$(realpath "$ATTRIBUTED_BIN")
    cd "$(dirname "${BASH_SOURCE[0]}")/.."
  else
    cd "$(dirname "${BASH_SOURCE[0]}")/.."
    swift build -c release --static-swift-stdlib >/dev/null
    bin=$PWD/.build/release/attributed
  fi
  [[ -x $bin ]] || { echo "no executable at $bin" >&2; exit 1; }
}
