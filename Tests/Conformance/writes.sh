#!/usr/bin/env bash
# Conformance of the write operations (openapi.yaml's `writes` tag) against `serve --tokens` on a throwaway copy of
# the seed: probes of what a generator rarely reaches (a valid create, its GET, a replacement with If-Match, a delete,
# their revisions and feed); then schemathesis over the write operations, every check on but use_after_free
# (ignored_auth included: each operation is also sent without the token), its stateful phase following the links
# from a write to the GET of what it wrote; then the history operations over what both wrote.
#
#   Tests/Conformance/writes.sh PATH_TO_ATTRIBUTED_BINARY   (run by Tests/Conformance/run.sh, which made the venv)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../Support/binary.sh"
require_binary conformance-writes "$@"
VENV="$ROOT/.build/conformance-venv"
REPORT_DIR="${CONFORMANCE_REPORT_DIR:-$ROOT/.build/conformance-report}/writes"
EXAMPLES="${CONFORMANCE_WRITE_EXAMPLES:-60}"
log() { printf 'conformance-writes: %s\n' "$*" >&2; }

WORK="$(mktemp -d)"
mkdir -p "$WORK/data" "$REPORT_DIR"
cp "$ROOT/Sources/AttributedCore/Resources/Seed/is-emerging-in-karachi.json" "$WORK/data/"
SECRET="$("$BIN" token create conformance --scope write --tokens "$WORK/tokens.json" 2>/dev/null)"
PORT="$("$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$BIN" serve --host 127.0.0.1 --port "$PORT" --data "$WORK/data" --tokens "$WORK/tokens.json" >"$REPORT_DIR/server.log" 2>&1 &
PID=$!
cleanup() {
  kill -TERM "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 150); do
  curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break
  sleep 0.2
done

# Every check is on but one, and one is told more. A document can match the schema and still be refused by the
# loader's rules (a quote not in the text: 422) or by a precondition (412, 428), which no schema can express, and a
# deleted article answers 410 Gone (its revisions stay); those answers are documented per operation, and
# schemathesis' other checks still hold them to their schemas. use_after_free is off: after a DELETE the article is
# 410, not 404 (its history stays readable), and a CORS preflight of its URL is 204 whether it exists or not.
cat >"$REPORT_DIR/schemathesis.toml" <<'TOML'
[checks]
enabled = true
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "410", "412", "422", "428", "429", "5xx"]
[cache]
enabled = false
TOML


log "probes"
"$VENV/bin/python" - "$PORT" "$SECRET" "$WORK/data" "$BIN" <<'PY'
import http.client, json, subprocess, sys
port, secret, data, binary = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
passed = failed = 0
def request(method, target, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request(method, target, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()
def check(name, condition, detail=""):
    global passed, failed
    passed, failed = (passed + 1, failed) if condition else (passed, failed + 1)
    print(f"  {'PASS' if condition else 'FAIL'} {name} {'' if condition else detail}")
auth = {"Authorization": f"Bearer {secret}", "Content-Type": "application/json"}
doc = {"format": "attributed-dataset/1",
       "articles": [{"id": "probe-article", "headline": "Probe", "publisher": "pakistan-today", "language": "en",
                     "body": "Officials said the probe works."}],
       "claims": [{"id": "probe-c1", "article": "probe-article", "span": {"field": "body", "exact": "the probe works"},
                   "chain": [{"source": "pakistan-today"}]}]}
code, headers, body = request("PUT", "/v1/articles/probe-article", json.dumps(doc), {**auth, "If-None-Match": "*"})
check("PUT creates -> 201 with ETag and Location", code == 201 and headers.get("etag") and
      headers.get("location") == "/v1/articles/probe-article", f"-> {code} {body[:300]!r}")
etag = headers.get("etag")
code, headers, body = request("GET", "/v1/articles/probe-article")
check("GET sees it at once, with the same ETag", code == 200 and headers.get("etag") == etag, f"-> {code}")
code, _, body = request("GET", "/v1/claims?q=probe")
check("search sees its claim", code == 200 and [i["id"] for i in json.loads(body)["items"]] == ["probe-c1"], body[:200])
doc["articles"][0]["headline"] = "Probe, corrected"
code, _, _ = request("PUT", "/v1/articles/probe-article", json.dumps(doc), auth)
check("PUT without If-Match -> 428", code == 428)
code, headers, _ = request("PUT", "/v1/articles/probe-article", json.dumps(doc), {**auth, "If-Match": etag})
check("PUT with If-Match -> 200", code == 200)
code, _, _ = request("PUT", "/v1/articles/probe-article", json.dumps(doc), {**auth, "If-Match": etag})
check("PUT with a stale If-Match -> 412", code == 412)
code, _, _ = request("DELETE", "/v1/articles/probe-article", None, {**auth, "If-Match": headers.get("etag")})
check("DELETE with If-Match -> 204", code == 204)
code, headers, _ = request("GET", "/v1/articles/probe-article")
check("GET after DELETE -> 410 with a Link to its revisions", code == 410 and
      headers.get("link") == '</v1/articles/probe-article/revisions>; rel="version-history"', f"-> {code}")
code, _, body = request("GET", "/v1/articles/probe-article/revisions")
revisions = json.loads(body)["items"] if code == 200 else []
check("its revisions, newest first: delete, update, create",
      [(r["revision"], r["action"]) for r in revisions] == [(3, "delete"), (2, "update"), (1, "create")], body[:300])
code, headers, body = request("GET", "/v1/articles/probe-article/revisions/1")
check("revision 1's document, immutable", code == 200 and "immutable" in headers.get("cache-control", "") and
      json.loads(body)["articles"][0]["headline"] == "Probe", f"-> {code}")
code, _, _ = request("GET", "/v1/articles/probe-article/revisions/3")
check("the delete's revision -> 410", code == 410)
created = revisions[-1]["seq"] if revisions else 0  # the generated writes before the probes took seqs too
code, _, body = request("GET", f"/v1/changes?after={created}&include=document")
items = json.loads(body)["items"] if code == 200 else []
check("the feed after the create: the update and the delete, the update's document",
      [i["seq"] for i in items] == [created + 1, created + 2] and
      json.loads(items[0]["document"])["articles"][0]["headline"] == "Probe, corrected", body[:300])
_, headers, _ = request("GET", "/v1/entities/pakistan-today")
entity = {"format": "attributed-dataset/1", "entities": [{"id": "pakistan-today", "kind": "publication", "name": "Pakistan Today (renamed)"}]}
code, _, _ = request("PUT", "/v1/entities/pakistan-today", json.dumps(entity), {**auth, "If-Match": headers.get("etag")})
code, _, body = request("GET", "/v1/articles/is-emerging-in-karachi/revisions")
check("an entity change is a revision of the article citing it", code == 200 and
      [r["action"] for r in json.loads(body)["items"]] == ["entity"], body[:300])
code, headers, _ = request("PUT", "/v1/articles/probe-article", json.dumps(doc), {"Content-Type": "application/json"})
check("no token -> 401 with WWW-Authenticate", code == 401 and headers.get("www-authenticate", "").startswith("Bearer"))
result = subprocess.run([binary, "validate", data], capture_output=True, text=True)
check("validate passes on the directory with its journal", result.returncode == 0, result.stdout + result.stderr)
print(f"write probes: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY

# After the probes, which need the seed as it was: the stateful phase may delete any article (If-Match: *).
log "schemathesis over the write operations ($EXAMPLES examples each)"
(cd "$REPORT_DIR" && "$VENV/bin/st" --config-file "$REPORT_DIR/schemathesis.toml" run "$ROOT/openapi.yaml" --url "http://127.0.0.1:$PORT" \
  --include-path-regex '^/v1/(articles(/\{id\})?|entities/\{id\})$' --include-method PUT --include-method DELETE \
  --include-method POST --include-method OPTIONS \
  -H "Authorization: Bearer $SECRET" --checks all --exclude-checks use_after_free --mode all --phases examples,coverage,fuzzing,stateful --seed 20261207 \
  --max-examples "$EXAMPLES" --workers 1 --generation-database none --request-timeout 20 --no-color)

# The history and the feed (openapi.yaml's `history` tag) on this server, which the probes gave revisions: the
# probe article's (created, replaced, deleted) and the seed article's (its publisher renamed).
log "schemathesis over the history operations ($EXAMPLES examples each)"
(cd "$REPORT_DIR" && "$VENV/bin/st" --config-file "$REPORT_DIR/schemathesis.toml" run "$ROOT/openapi.yaml" --url "http://127.0.0.1:$PORT" \
  --include-tag history \
  --checks all --mode all --phases examples,coverage,fuzzing --seed 20261207 \
  --max-examples "$EXAMPLES" --workers 1 --generation-database none --request-timeout 20 --no-color)
