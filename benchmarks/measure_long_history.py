"""Paging far into a long history (issue 30's third target, printed, not asserted): a history file of CHANGES changes
(default 1,000,000), REVISIONS of them (default 1,000) revisions of one article, written in the history's own framing
(`AH1 <crc32> <envelope length> <document length> <envelope><document>`, see RecordFraming.swift) into a copy of a
dataset directory, then served: `/v1/changes?after=` at the start, the middle and the end, and the article's
revisions on the first page, the middle and the last, each against the first page.

    python3 benchmarks/measure_long_history.py BINARY DATA_DIR [CHANGES] [REVISIONS]

Writing a million changes through the API would take hours at today's write latency; the file is what those writes
would have left (updates of base articles, one sync each), so the server reads it as it reads its own."""
import http.client
import json
import os
import socket
import subprocess
import sys
import time
import zlib

binary, data = sys.argv[1:3]
changes = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
revisions = int(sys.argv[4]) if len(sys.argv) > 4 else 1_000
article = "a000001"  # of the synthetic corpus (benchmarks/make_corpus.py)
others = [f"a{n:06d}" for n in range(2, 10_002)]


def record(seq, name, revision):
    envelope = json.dumps({"seq": seq, "journal": 0, "time": "2026-12-08T00:00:00Z", "actor": "bench", "action": "update",
                           "article": name, "revision": revision, "etag": f"\"{seq:016x}\"", "entities": [],
                           "version": None, "added": [], "removed": [], "changed": [f"{name}-c001"]},
                          separators=(",", ":")).encode()
    return b"AH1 %08x %d 0 " % (zlib.crc32(envelope), len(envelope)) + envelope + b"\n"


started = time.monotonic()
every = max(1, changes // revisions)
counts = {}
with open(os.path.join(data, "attributed.history"), "wb") as out:
    chunk = []
    for seq in range(1, changes + 1):
        name = article if seq % every == 0 and counts.get(article, 0) < revisions else others[seq % len(others)]
        counts[name] = counts.get(name, 0) + 1
        chunk.append(record(seq, name, counts[name]))
        if len(chunk) == 10_000:
            out.write(b"".join(chunk))
            chunk = []
    out.write(b"".join(chunk))
size = os.path.getsize(os.path.join(data, "attributed.history"))
print(f"history: {changes:,} changes ({size / 1e6:.0f} MB), {counts.get(article, 0):,} of them revisions of {article}, "
      f"written in {time.monotonic() - started:.1f} s")

tokens = os.path.join(os.path.dirname(data.rstrip("/")), "long-history-tokens.json")
subprocess.run([binary, "token", "create", "bench", "--scope", "write", "--tokens", tokens], check=True, capture_output=True)
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
server = subprocess.Popen([binary, "serve", "--host", "127.0.0.1", "--port", str(port), "--data", data, "--tokens", tokens,
                           "--max-connections-per-ip", "0"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def request(path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def timed(path, runs=200):
    samples = []
    for _ in range(runs):
        begun = time.monotonic()
        status, body = request(path)
        samples.append(time.monotonic() - begun)
        assert status == 200, (path, status, body[:200])
    samples.sort()
    return samples[len(samples) // 2] * 1000, samples[min(len(samples) - 1, int(0.99 * len(samples)))] * 1000


def cursor(revision):
    """The revisions list's keyset cursor: the last revision number shown, base64url (Cursor.swift)."""
    import base64
    return base64.urlsafe_b64encode(str(revision).encode()).decode().rstrip("=")


try:
    begun = time.monotonic()
    deadline = begun + 600
    while True:
        try:
            if request("/readyz")[0] == 200:
                break
        except OSError:
            pass
        assert time.monotonic() < deadline, "the server did not become ready"
        time.sleep(0.1)
    print(f"ready with the history in {time.monotonic() - begun:.2f} s")
    status, body = request(f"/v1/changes?after={changes - 1}&limit=1")
    assert status == 200 and json.loads(body)["items"][0]["seq"] == changes, body[:300]
    print(f"{'page':44} {'p50 ms':>8} {'p99 ms':>8}")
    for after in (0, changes // 2, changes - 50):
        path = f"/v1/changes?after={after}&limit=50"
        p50, p99 = timed(path)
        print(f"{path:44} {p50:8.2f} {p99:8.2f}")
    total = counts.get(article, 0)
    for label, before in (("first", None), ("middle", total // 2), ("last", 51)):
        path = f"/v1/articles/{article}/revisions?limit=50" + (f"&cursor={cursor(before)}" if before else "")
        status, body = request(path)
        numbers = [item["revision"] for item in json.loads(body)["items"]]
        expected = list(range(total, total - 50, -1)) if before is None else list(range(before - 1, max(0, before - 51), -1))
        assert numbers == expected, (label, numbers[:3], expected[:3])
        p50, p99 = timed(path)
        print(f"{'revisions, ' + label + ' page':44} {p50:8.2f} {p99:8.2f}")
finally:
    server.terminate()
    server.wait(timeout=30)
