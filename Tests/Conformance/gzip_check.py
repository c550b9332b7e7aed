"""gzip content coding against a running server, read with Python's own gzip module (not our zlib binding).

    python gzip_check.py PORT

For a sample of routes: a gzip body decompresses to exactly the identity bytes; bodies of 1 KB or more are
gzipped and smaller ones never are; `Vary` names Accept-Encoding where a body may be gzipped (with Accept on the
data routes); each coding has its own ETag, and each answers 304 to its own tag only; HEAD gives the gzip length.
Run by Tests/Conformance/run.sh after schemathesis; prints PASS/FAIL lines and exits 1 on any failure.
"""
import gzip
import http.client
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Support"))
from checks import Checks  # noqa: E402

PORT = int(sys.argv[1])
THRESHOLD = 1024
DATA_ROUTES = ["/v1/claims?limit=500", "/v1/claims", "/v1/articles", "/v1/entities", "/v1/claims/c09/provenance",
               "/v1/claims/c09/provenance?format=prov", "/v1/articles/is-emerging-in-karachi/claims",
               "/v1/claims/c01", "/v1/indicators"]
ENCODING_ONLY_ROUTES = ["/openapi.yaml", "/explore/", "/explore/assets/explorer.css", "/explore/assets/explorer.js",
                        "/explore/claims/c09"]
check = Checks()


def request(method, target, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    try:
        connection.request(method, target, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


print("gzip probes")
for target in DATA_ROUTES + ENCODING_ONLY_ROUTES:
    code, plain, identity = request("GET", target)
    code_gz, headers, body = request("GET", target, {"Accept-Encoding": "gzip"})
    if code != 200 or code_gz != 200:
        check(f"{target} -> 200 in both codings", False, f"-> {code}, {code_gz}")
        continue
    vary = "Accept, Accept-Encoding" if target in DATA_ROUTES else "Accept-Encoding"
    check(f"{target}: Vary: {vary} in both codings", plain.get("vary") == vary and headers.get("vary") == vary,
          f"-> {plain.get('vary')!r}, {headers.get('vary')!r}")
    if len(identity) < THRESHOLD:
        check(f"{target} ({len(identity)} bytes): not gzipped, same ETag",
              "content-encoding" not in headers and body == identity and headers.get("etag") == plain.get("etag"),
              f"-> {headers.get('content-encoding')!r}")
        continue
    try:
        decompressed = gzip.decompress(body)
    except (OSError, EOFError) as error:
        decompressed = None
        check(f"{target}: the gzip body decompresses", False, f"-> {error}")
    check(f"{target} ({len(identity)} -> {len(body)} bytes): Content-Encoding: gzip, decompresses to the identity bytes",
          headers.get("content-encoding") == "gzip" and decompressed == identity
          and headers.get("content-length") == str(len(body)), f"-> {headers.get('content-encoding')!r}")
    check(f"{target}: its own ETag", headers.get("etag") not in (None, plain.get("etag")), f"-> {headers.get('etag')}")
    code, _, _ = request("GET", target, {"Accept-Encoding": "gzip", "If-None-Match": headers["etag"]})
    code_other, other, _ = request("GET", target, {"Accept-Encoding": "gzip", "If-None-Match": plain["etag"]})
    code_back, back, _ = request("GET", target, {"If-None-Match": headers["etag"]})
    check(f"{target}: 304 to its own tag only (the other coding's tag gets 200 in this coding)",
          code == 304 and code_other == 200 and other.get("content-encoding") == "gzip" and code_back == 200
          and "content-encoding" not in back, f"-> {code}, {code_other}, {code_back}")
    code, head, head_body = request("HEAD", target, {"Accept-Encoding": "gzip"})
    check(f"{target}: HEAD gives the gzip Content-Length, no body",
          code == 200 and head.get("content-length") == str(len(body)) and head_body == b""
          and head.get("etag") == headers.get("etag"), f"-> {code} {head.get('content-length')}")

for accept_encoding, gzipped in [("gzip;q=0", False), ("identity", False), ("br", False), ("x-gzip", True),
                                 ("*", True), ("deflate, gzip;q=1.0, *;q=0.5", True), ("*;q=0", False)]:
    code, headers, body = request("GET", "/openapi.yaml", {"Accept-Encoding": accept_encoding})
    check(f"Accept-Encoding: {accept_encoding} -> {'gzip' if gzipped else 'identity'}",
          code == 200 and (headers.get("content-encoding") == "gzip") == gzipped, f"-> {code} {headers.get('content-encoding')!r}")
code, headers, _ = request("GET", "/healthz", {"Accept-Encoding": "gzip"})
check("/healthz (small, never gzipped) does not vary", "content-encoding" not in headers and "vary" not in headers)
code, headers, _ = request("GET", "/v1/claims/no-such-claim", {"Accept-Encoding": "gzip"})
check("an error is never gzipped", code == 404 and "content-encoding" not in headers, f"-> {code}")
code, headers, body = request("GET", "/metrics", {"Accept-Encoding": "gzip"})
check("/metrics gzipped for Prometheus", code == 200 and headers.get("content-encoding") == "gzip"
      and gzip.decompress(body).startswith(b"# HELP"), f"-> {code} {headers.get('content-encoding')!r}")
print("gzip probes:", end=" ")
sys.exit(check.summary())
