"""The live feed's figures (issue 30's targets, printed, not asserted): how long after its 2xx a change reaches each
of FOLLOWERS live followers (p50, p99, max over every follower and write), and what paging costs far into a long
history: the revisions of an article with many, and /v1/changes after a seq near the end against the first page.

    python3 benchmarks/measure_feed.py BINARY DATA_DIR TOKENS_FILE [FOLLOWERS] [WRITES]"""
import http.client
import json
import os
import selectors
import socket
import subprocess
import sys
import threading
import time

binary, data, tokens = sys.argv[1:4]
followers = int(sys.argv[4]) if len(sys.argv) > 4 else 200
writes = int(sys.argv[5]) if len(sys.argv) > 5 else 200
secret = subprocess.run([binary, "token", "create", "bench", "--scope", "write", "--tokens", tokens],
                        check=True, capture_output=True, text=True).stdout.strip()
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
server = subprocess.Popen([binary, "serve", "--host", "127.0.0.1", "--port", str(port), "--data", data, "--tokens", tokens,
                           "--max-connections-per-ip", "0", "--max-followers", str(max(256, followers))],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def request(method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def percentile(values, fraction):
    values = sorted(values)
    return values[min(len(values) - 1, int(fraction * len(values)))]


def article(version):
    """The benchmark's article; the first version brings its publisher (the corpus has its own)."""
    entities = [{"id": "feed-bench-desk", "kind": "publication", "name": "Feed Bench"}] if version == 0 else []
    return json.dumps({"format": "attributed-dataset/1", "articles": [
        {"id": "feed-bench", "headline": f"Version {version}", "publisher": "feed-bench-desk", "language": "en",
         "body": f"This is version {version} of the story."}], "entities": entities,
        "claims": [{"id": "fb1", "article": "feed-bench", "span": {"field": "body", "exact": f"version {version}"},
                    "chain": [{"source": "feed-bench-desk"}]}]}).encode()


try:
    deadline = time.monotonic() + 600
    while True:
        try:
            if request("GET", "/readyz")[0] == 200:
                break
        except OSError:
            pass
        assert time.monotonic() < deadline, "the server did not become ready"
        time.sleep(0.2)

    # The followers: raw sockets on one selector; a reader thread stamps when each event id reaches each of them.
    selector = selectors.DefaultSelector()
    arrivals = {}  # seq -> [arrival times]
    buffers = {}
    for _ in range(followers):
        client = socket.create_connection(("127.0.0.1", port))
        client.sendall(b"GET /v1/changes HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n")
        client.setblocking(False)
        selector.register(client, selectors.EVENT_READ)
        buffers[client] = b""
    stop = threading.Event()

    def read_events():
        while not stop.is_set():
            for key, _ in selector.select(timeout=0.2):
                now = time.monotonic()
                try:
                    chunk = key.fileobj.recv(65536)
                except BlockingIOError:
                    continue
                buffers[key.fileobj] += chunk
                *lines, buffers[key.fileobj] = buffers[key.fileobj].split(b"\n")
                for line in lines:
                    if line.startswith(b"id: "):
                        arrivals.setdefault(int(line[4:]), []).append(now)

    reader = threading.Thread(target=read_events, daemon=True)
    reader.start()
    time.sleep(1)
    auth = {"Authorization": f"Bearer {secret}", "Content-Type": "application/json"}
    delays = []
    write_times = []
    etag = None
    for version in range(writes):
        headers = dict(auth, **({"If-Match": etag} if etag else {"If-None-Match": "*"}))
        started = time.monotonic()
        status, response_headers, _ = request("PUT", "/v1/articles/feed-bench", article(version), headers)
        answered = time.monotonic()
        assert status in (200, 201), status
        write_times.append(answered - started)
        etag = response_headers["ETag"]
        seq = version + 1
        wait_until = time.monotonic() + 10
        while len(arrivals.get(seq, [])) < followers and time.monotonic() < wait_until:
            time.sleep(0.001)
        got = arrivals.get(seq, [])
        assert len(got) == followers, f"seq {seq} reached {len(got)} of {followers} followers"
        delays += [max(0.0, arrival - answered) for arrival in got]
    stop.set()
    reader.join()
    print(f"{followers} live followers, {writes} sequential writes (PUT p50 {percentile(write_times, 0.5) * 1000:.1f} ms)")
    print(f"change reaches every follower after its 2xx: p50 {percentile(delays, 0.5) * 1000:.2f} ms, "
          f"p99 {percentile(delays, 0.99) * 1000:.2f} ms, max {max(delays) * 1000:.2f} ms (target: p99 <= 20 ms)")

    def timed(path, runs=50):
        samples = []
        for _ in range(runs):
            started = time.monotonic()
            status, _, _ = request("GET", path)
            samples.append(time.monotonic() - started)
            assert status == 200, (path, status)
        return percentile(samples, 0.5) * 1000

    first = timed("/v1/articles/feed-bench/revisions?limit=50")
    _, _, body = request("GET", "/v1/articles/feed-bench/revisions?limit=50")
    cursor = json.loads(body)["next"]
    later = timed(f"/v1/articles/feed-bench/revisions?limit=50&cursor={cursor}") if cursor else first
    print(f"revisions of an article with {writes}: first page p50 {first:.2f} ms, second page p50 {later:.2f} ms")
    print(f"/v1/changes?limit=50: after=0 p50 {timed('/v1/changes?after=0&limit=50'):.2f} ms, "
          f"after={max(0, writes - 50)} p50 {timed(f'/v1/changes?after={max(0, writes - 50)}&limit=50'):.2f} ms")
finally:
    server.terminate()
    server.wait(timeout=30)
