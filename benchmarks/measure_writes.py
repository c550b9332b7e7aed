#!/usr/bin/env python3
"""The driver of benchmarks/writes.sh: BINARY DATA_DIR TOKENS_FILE WRITES. Prints one line per figure."""
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time

binary, data, tokens, writes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
secret = subprocess.run([binary, "token", "create", "bench", "--scope", "write", "--tokens", tokens],
                        check=True, capture_output=True, text=True).stdout.strip()
auth = {"Authorization": f"Bearer {secret}", "Content-Type": "application/json"}


def document(article_id, version, claims=25):
    sentences = [f"Sources said that plan {k} of version {version} was approved." for k in range(claims)]
    return json.dumps({
        "format": "attributed-dataset/1",
        "articles": [{"id": article_id, "headline": f"Written {article_id} v{version}", "publisher": "gazette",
                      "language": "en", "body": " ".join(sentences)}],
        "claims": [{"id": f"{article_id}-c{k:03d}", "article": article_id,
                    "span": {"field": "body", "exact": f"plan {k} of version {version} was approved"},
                    "chain": [{"source": "gazette"}, {"source": "sources", "cue": "said", "mode": "indirect_speech"}]}
                   for k in range(claims)],
    })


def start():
    began = time.monotonic()
    process = subprocess.Popen([binary, "serve", "--port", "0", "--data", data, "--tokens", tokens],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    port = None
    for line in process.stderr:
        match = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if match:
            port = int(match.group(1))
        if "taking writes" in line:
            break
    threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()
    return process, port, time.monotonic() - began


def put(port, article_id, version, headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    started = time.monotonic()
    connection.request("PUT", f"/v1/articles/{article_id}", body=document(article_id, version), headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, time.monotonic() - started, response.getheader("ETag")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def bare_fsync():
    path = os.path.join(data, ".fsync-probe")
    times = []
    with open(path, "ab") as handle:
        for _ in range(200):
            handle.write(b"x" * 30_000)
            handle.flush()
            started = time.monotonic()
            os.fsync(handle.fileno())
            times.append(time.monotonic() - started)
    os.remove(path)
    return times


process, port, ready = start()
print(f"ready (base, empty journal): {ready:.2f} s")
fsyncs = bare_fsync()
print(f"bare fsync of a 30 KB append: p50 {statistics.median(fsyncs) * 1000:.2f} ms, p99 {percentile(fsyncs, 0.99) * 1000:.2f} ms")

latencies = []
for n in range(writes):
    status, seconds, _ = put(port, f"w{n:05d}", 1, {**auth, "If-None-Match": "*"})
    assert status == 201, status
    latencies.append(seconds)
print(f"PUT of a 25-claim article, sequential ({writes}): p50 {statistics.median(latencies) * 1000:.1f} ms, "
      f"p99 {percentile(latencies, 0.99) * 1000:.1f} ms")

stop = time.monotonic() + 10
done = []
def writer(index):
    n = 0
    while time.monotonic() < stop:
        status, _, _ = put(port, f"c{index}-{n:05d}", 1, {**auth, "If-None-Match": "*"})
        if status == 201:
            done.append(1)
        n += 1
threads = [threading.Thread(target=writer, args=(i,)) for i in range(8)]
began = time.monotonic()
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
elapsed = time.monotonic() - began
print(f"8 concurrent writers for {elapsed:.1f} s: {len(done)} writes, {len(done) / elapsed:.1f} writes/s")

metrics = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
metrics.request("GET", "/metrics")
text = metrics.getresponse().read().decode()
commits = re.search(r"^attributed_commit_duration_seconds_count (\S+)", text, re.M)
committed = re.search(r"^attributed_committed_writes_total (\S+)", text, re.M)
print(f"commits {commits.group(1) if commits else '?'} for {committed.group(1) if committed else '?'} writes "
      "(group commit: writes per commit)")
process.terminate()
process.wait(timeout=60)
total = writes + len(done)
process, port, ready_with_journal = start()
print(f"restart with {total} writes in the journal: ready in {ready_with_journal:.2f} s ({ready_with_journal / ready:.2f}x the base)")
process.terminate()
process.wait(timeout=60)
began = time.monotonic()
subprocess.run([binary, "compact", data], check=True, capture_output=True)
print(f"compact: {time.monotonic() - began:.2f} s")
process, port, ready_compacted = start()
print(f"restart after compact: ready in {ready_compacted:.2f} s ({ready_compacted / ready:.2f}x the base)")
process.terminate()
process.wait(timeout=60)
