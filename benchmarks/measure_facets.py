#!/usr/bin/env python3
"""Latency of issue 29's queries against a running server (benchmarks/facets.sh starts it): each query REQUESTS
times, one after another on one keep-alive connection, timed from the request's first byte to the response's last
(the client's own time included: ~0.1 ms). Prints p50, p99 and max in ms, and the issue's target where it sets one.

Usage: benchmarks/measure_facets.py BASE_URL REQUESTS
"""
import http.client
import json
import math
import sys
import time
import urllib.parse

base, requests = sys.argv[1], int(sys.argv[2])
url = urllib.parse.urlparse(base)
THREE = "facet=anonymity&facet=mode&facet=publisher"
# (label, path, target in ms or None)
QUERIES = [
    # Baselines any binary answers (a "before" binary answers the others 400).
    ("claim by id", "/v1/claims/a000007-c003", None),
    ("claims of a source, page 1", "/v1/claims?source=person-0001", None),
    ("3 facets, all claims", f"/v1/claims?{THREE}", 5),
    ("3 facets, publisher", f"/v1/claims?publisher=paper-3&{THREE}", 5),
    ("3 facets, anonymity", f"/v1/claims?anonymity=anonymous&{THREE}", 5),
    ("3 facets, a year", f"/v1/claims?published_since=2020-01-01&published_until=2020-12-31&{THREE}", 5),
    ("3 facets, language", f"/v1/claims?language=fr&{THREE}", 5),
    ("3 facets, mode", f"/v1/claims?mode=indirect_speech&{THREE}", 5),
    ("3 facets, depth", f"/v1/claims?depth=3&{THREE}", 5),
    ("3 facets, a month", f"/v1/claims?published_since=2020-03-01&published_until=2020-03-31&{THREE}", 5),
    ("source facet, all claims", "/v1/claims?facet=source", 50),
    ("source facet, publisher", "/v1/claims?publisher=paper-3&facet=source", None),
    ("source facet, a month", "/v1/claims?published_since=2020-03-01&published_until=2020-03-31&facet=source", None),
    ("series month by publisher", "/v1/indicators?interval=month&by=publisher", 20),
    ("series year by publisher", "/v1/indicators?interval=year&by=publisher", 20),
    ("series month, 2 publishers", "/v1/indicators?interval=month&by=publisher&publisher=paper-1&publisher=paper-2", None),
    ("series month, a year", "/v1/indicators?interval=month&published_since=2020-01-01&published_until=2020-12-31", None),
    ("series month CSV", "/v1/indicators?interval=month&by=publisher&format=csv", None),
    ("page 1, a range and publisher", "/v1/claims?published_since=2017-02-10&published_until=2023-11-05&publisher=paper-4", None),
    ("page 50, a range and publisher", None, None),  # filled in below from page 1's cursors
    ("corpus page (HTML)", "/explore/sourcing", None),
]


def connect():
    return http.client.HTTPConnection(url.hostname, url.port, timeout=120)


connection = connect()


def get(path):
    global connection
    for attempt in range(2):
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.read()
        except (http.client.HTTPException, OSError):
            connection.close()
            connection = connect()
    raise RuntimeError(f"GET {path} failed")


def page_50(path):
    """The path of page 50 of `path`, followed there through its `next` cursors."""
    current = path
    for _ in range(49):
        status, body = get(current)
        current = f"{path}&cursor={json.loads(body)['next']}"
    return current


print(f"{'query':34} {'status':>6} {'bytes':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'target':>8}  path")
for index, (label, path, target) in enumerate(QUERIES):
    if path is None:
        if get(QUERIES[index - 1][1])[0] != 200:
            print(f"{label:34} {'-':>6}  (page 1 was not answered 200)")
            continue
        path = page_50(QUERIES[index - 1][1])
    samples = []
    status, body = get(path)  # warm: the first answer may fault pages in
    for _ in range(requests):
        started = time.perf_counter()
        status, body = get(path)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p50 = samples[len(samples) // 2]
    p99 = samples[max(0, math.ceil(0.99 * len(samples)) - 1)]
    verdict = "" if target is None else (f"<= {target}" + (" ok" if p99 <= target else " MISSED"))
    print(f"{label:34} {status:>6} {len(body):>9} {p50:8.2f} {p99:8.2f} {samples[-1]:8.2f} {verdict:>8}  {path[:110]}")
    sys.stdout.flush()
