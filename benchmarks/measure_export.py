#!/usr/bin/env python3
"""Reads one export over HTTP and reports what it cost the server: its resident memory before the request and at
its peak during it (sampled from /proc every 5 ms), the time to the first body byte and to the last, the bytes and
the lines (rows) received. Used by benchmarks/export.sh.

Usage: benchmarks/measure_export.py SERVER_PID URL
"""
import http.client
import sys
import threading
import time
import urllib.parse


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    pid, url = int(sys.argv[1]), urllib.parse.urlsplit(sys.argv[2])
    before = rss_kb(pid)
    peak = [before]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss_kb(pid))
            time.sleep(0.005)

    sampler = threading.Thread(target=sample)
    sampler.start()
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
    started = time.monotonic()
    connection.request("GET", url.path + ("?" + url.query if url.query else ""))
    response = connection.getresponse()
    first = response.read1(65536)
    first_byte = time.monotonic() - started
    received, lines = len(first), first.count(b"\n")
    while chunk := response.read1(1 << 20):
        received += len(chunk)
        lines += chunk.count(b"\n")
    total = time.monotonic() - started
    done.set()
    sampler.join()
    peak[0] = max(peak[0], rss_kb(pid))
    print(f"status {response.status}, {response.getheader('Content-Type')}")
    print(f"RSS before          {before / 1024:10.1f} MB")
    print(f"RSS peak during     {peak[0] / 1024:10.1f} MB  (+{(peak[0] - before) / 1024:.1f} MB)")
    print(f"time to first byte  {first_byte * 1000:10.1f} ms")
    print(f"total time          {total:10.2f} s")
    print(f"received            {received / 1048576:10.1f} MB, {lines} lines ({received / 1048576 / total:.1f} MB/s)")


if __name__ == "__main__":
    main()
