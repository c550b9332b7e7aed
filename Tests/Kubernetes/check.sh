#!/usr/bin/env bash
# Checks deploy/kubernetes/ as far as this can be done without a cluster.
#
#   Tests/Kubernetes/check.sh [PATH_TO_BINARY]
#
# 1. Renders the kustomize base: read as `resources:` only, and compared with `kustomize build` or
#    `kubectl kustomize` when one is installed.
# 2. Validates every object with kubernetes-validate (strict: unknown fields are errors) for the oldest and newest
#    Kubernetes versions upstream supports (Tests/Kubernetes/manifest_checks.py names them).
# 3. Asserts the Deployment's security settings, probes, ports, args and resources, and that they agree with the
#    Dockerfile (uid, EXPOSE, ENTRYPOINT/CMD, HEALTHCHECK path) and with the binary (`attributed serve --help`).
# 4. Starts the binary (PATH_TO_BINARY, or .build/release/attributed, or .build/debug/attributed) with the
#    Deployment's args, on 127.0.0.1 and a free port, with the ConfigMap laid out as the kubelet mounts it, as the
#    image's uid when run as root: GETs every probe's path, reloads after a ConfigMap update, stops on SIGTERM.
# 5. Renders deploy/kubernetes-writable (the one-writer overlay) with kustomize, validates it, checks it is one
#    replica replaced with Recreate on a ReadWriteOnce claim, and runs its init container's script and its args
#    here: the volume is seeded once, and a write made with a token is kept across a restart.
#
# Runs in the tests' venv (made or reused by scripts/test-venv; PYTHON=path names another interpreter instead). Prints one line per check
# and "N passed, N failed[, N skipped]"; exits 1 when a check failed.
set -euo pipefail

invoked_from=$PWD
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

binary=${1:-}
if [[ -n $binary && $binary != /* ]]; then binary=$invoked_from/$binary; fi
if [[ -z $binary ]]; then
    for candidate in .build/release/attributed .build/debug/attributed; do
        if [[ -x $candidate ]]; then binary=$PWD/$candidate; break; fi
    done
fi
if [[ -z ${PYTHON:-} ]]; then scripts/test-venv; fi  # reuses the venv while requirements.txt is unchanged
python=${PYTHON:-.build/conformance-venv/bin/python}
if [[ ! -x $python ]]; then
    echo "FAILED  no Python at $python: run scripts/test-venv (or set PYTHON)"
    echo "0 passed, 1 failed"
    exit 1
fi
exec "$python" Tests/Kubernetes/manifest_checks.py "${binary:-}"
