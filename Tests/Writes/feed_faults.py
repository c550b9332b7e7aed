"""Tests of the history and the live change feed against the real binary over loopback (standard library only):

- resume: a follower that reconnects with Last-Event-ID misses nothing and sees nothing twice;
- bound: --max-followers followers at once, one more is 503; the gauge counts them;
- dropped: a follower that stops reading is dropped (the counter says so), never buffered without bound, and the
  server goes on serving everyone else;
- seq: after SIGKILLs in the middle of writes, restarts and `attributed compact`, every seq is strictly increasing and
  none is ever reused, and every acknowledged write has its revision;
- mirror: examples/mirror.py follows 300 random writes (FEED_MIRROR_WRITES for more) (creates, updates, deletes, entity changes) and its
  directory ends byte-identical to the server's latest revision documents.

Prints "N passed, M failed" and exits non-zero on any failure."""
import contextlib
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from write_faults import BINARY, ROOT, PUBLISHER, Server, article, dataset_dir, make_token, request  # noqa: E402

MIRROR = os.path.join(ROOT, "examples", "mirror.py")
# Each commit reloads the dataset with the whole journal (docs/writes.md), so 1,000 writes take a few minutes: 300 in make test.
WRITES = int(os.environ.get("FEED_MIRROR_WRITES", "300"))  # 1000 and more: FEED_MIRROR_WRITES=1000


@contextlib.contextmanager
def serving(*extra):
    """A server taking writes on a fresh copy of the seed: (server, the write token's headers, the directory)."""
    with tempfile.TemporaryDirectory() as work:
        tokens, headers = make_token(work)
        server = Server(dataset_dir(work), tokens, list(extra))
        try:
            yield server, headers, work
        finally:
            server.stop()


def changes(port, after=0):
    """Every change after `after`, by paging the JSON feed."""
    out = []
    while True:
        status, _, body = request(port, "GET", f"/v1/changes?after={after}&limit=1000")
        assert status == 200, status
        page = json.loads(body)
        out += page["items"]
        if not page["items"]:
            return out
        after = page["next"]


def put(port, headers, article_id, version, etag=None):
    extra = dict(headers)
    extra["If-Match" if etag else "If-None-Match"] = etag or "*"
    return request(port, "PUT", f"/v1/articles/{article_id}", article(article_id, version), extra)


def etag_of(port, article_id):
    status, response_headers, _ = request(port, "GET", f"/v1/articles/{article_id}")
    return response_headers.get("ETag") if status == 200 else None


class EventReader:
    """A raw event-stream client: reads events (id and data) off a socket, with a timeout per read."""

    def __init__(self, port, last_event_id=None, query="", receive_buffer=None):
        self.socket = socket.socket()
        if receive_buffer:
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
        self.socket.connect(("127.0.0.1", port))
        self.socket.settimeout(10)
        header = f"Last-Event-ID: {last_event_id}\r\n" if last_event_id is not None else ""
        self.socket.sendall(f"GET /v1/changes{query} HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n{header}\r\n".encode())
        self.buffer = b""
        head = self._until(b"\r\n\r\n")
        self.status = int(head.split(b" ")[1])

    def _until(self, marker):
        while marker not in self.buffer:
            chunk = self.socket.recv(65536)
            if not chunk:
                raise EOFError("stream closed")
            self.buffer += chunk
        head, _, self.buffer = self.buffer.partition(marker)
        return head

    def events(self, count):
        """The next `count` events as (id, change); chunk framing lines and comments are skipped."""
        out = []
        while len(out) < count:
            block = self._until(b"\n\n").decode()
            lines = [line for line in block.split("\n") if line.startswith(("id: ", "data: "))]
            ids = [int(line[4:]) for line in lines if line.startswith("id: ")]
            data = [line[6:] for line in lines if line.startswith("data: ")]
            if ids and data:
                out.append((ids[0], json.loads(data[0])))
        return out

    def close(self):
        self.socket.close()


def metric(port, name):
    _, _, body = request(port, "GET", "/metrics")
    for line in body.decode().splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    raise AssertionError(f"no metric {name}")


def test_resume():
    with serving() as (server, headers, _):
        reader = EventReader(server.port)
        assert reader.status == 200
        for k in range(10):
            assert put(server.port, headers, f"resume-{k}", 1)[0] == 201
        first = reader.events(4)
        reader.close()  # gone mid-stream, after seq 4
        for k in range(10, 15):
            assert put(server.port, headers, f"resume-{k}", 1)[0] == 201
        resumed = EventReader(server.port, last_event_id=first[-1][0])
        rest = resumed.events(11)
        resumed.close()
        seqs = [seq for seq, _ in first + rest]
        assert seqs == list(range(1, 16)), seqs
        assert [change["article"] for _, change in first + rest] == [f"resume-{k}" for k in range(15)]
        bad = EventReader(server.port, last_event_id="not-a-seq")
        assert bad.status == 400, bad.status
        bad.close()
    print("resume: 15 changes over two connections, Last-Event-ID resumed after seq 4, none missed or repeated")


def test_bound():
    with serving("--max-followers", "3", "--feed-heartbeat", "1") as (server, _, _):
        readers = [EventReader(server.port) for _ in range(3)]
        assert all(reader.status == 200 for reader in readers)
        over = EventReader(server.port)
        assert over.status == 503, over.status
        over.close()
        assert metric(server.port, "attributed_feed_followers") == 3
        assert metric(server.port, "attributed_feed_refused_followers_total") == 1
        readers[0].close()
        deadline = time.monotonic() + 20  # a closed follower is noticed at its next heartbeat
        while metric(server.port, "attributed_feed_followers") != 2:
            assert time.monotonic() < deadline, "a closed follower was never let go"
            time.sleep(0.2)
        again = EventReader(server.port)
        assert again.status == 200
        for reader in readers[1:] + [again]:
            reader.close()
    print("bound: 3 followers, the 4th 503, a slot freed when one left")


def test_dropped():
    with serving("--feed-heartbeat", "0.5") as (server, headers, _):
        # A follower with a tiny receive window that never reads, asking for every document.
        stuck = EventReader(server.port, query="?include=document", receive_buffer=4096)
        healthy = EventReader(server.port)
        big = "Words of a long report. " * 1200  # ~29 KB per document
        for k in range(40):
            document = article(f"big-{k}", 1)
            document["articles"][0]["body"] += " " + big
            status = request(server.port, "PUT", f"/v1/articles/big-{k}", document,
                             dict(headers, **{"If-None-Match": "*"}))[0]
            assert status == 201, status
        assert [seq for seq, _ in healthy.events(40)] == list(range(1, 41))
        deadline = time.monotonic() + 20
        while metric(server.port, "attributed_feed_dropped_followers_total") < 1:
            assert time.monotonic() < deadline, "the follower that does not read was never dropped"
            time.sleep(0.2)
        assert metric(server.port, "attributed_feed_followers") == 1  # the healthy one
        assert put(server.port, headers, "after-the-drop", 1)[0] == 201
        assert healthy.events(1)[0][0] == 41
        stuck.close()
        healthy.close()
    print("dropped: a follower that stopped reading was dropped and counted; the other got every change")


def test_seq_across_kills_and_compaction():
    rng = random.Random(30)
    with tempfile.TemporaryDirectory() as work:
        tokens, headers = make_token(work)
        data = dataset_dir(work)
        acknowledged = []
        for round_ in range(6):
            server = Server(data, tokens)
            stop = threading.Event()

            def write():
                k = 0
                while not stop.is_set():
                    article_id = f"r{round_}-{k}"
                    try:
                        if put(server.port, headers, article_id, 1)[0] == 201:
                            acknowledged.append(article_id)
                    except OSError:
                        return
                    k += 1

            thread = threading.Thread(target=write)
            thread.start()
            time.sleep(rng.uniform(0.3, 1.2))
            server.kill()
            stop.set()
            thread.join()
            if round_ % 2 == 1:
                result = subprocess.run([BINARY, "compact", data], capture_output=True, text=True, timeout=120)
                assert result.returncode == 0, result.stdout + result.stderr
        server = Server(data, tokens)
        try:
            seen = changes(server.port)
            seqs = [change["seq"] for change in seen]
            assert seqs == sorted(set(seqs)) and seqs[0] == 1, "seqs must be strictly increasing, none reused"
            revised = {change["article"] for change in seen}
            missing = [article_id for article_id in acknowledged if article_id not in revised]
            assert not missing, f"acknowledged writes without a revision: {missing[:5]}"
            assert put(server.port, headers, "last", 1)[0] == 201
            assert changes(server.port, after=seqs[-1])[0]["seq"] == seqs[-1] + 1
        finally:
            server.stop()
    print(f"seq: {len(acknowledged)} acknowledged writes over 6 SIGKILLs and 3 compactions, "
          f"{len(seqs)} changes with strictly increasing seqs")


def random_writes(port, headers, ids, count, rng, entity_changes):
    """`count` random writes over `ids` (no other writer touches them): creates, updates, deletes and, when
    `entity_changes`, renames of the publisher every article cites."""
    versions = {}
    etags = {}
    for writes in range(count):
        article_id = rng.choice(ids)
        roll = rng.random()
        if entity_changes and roll < 0.05:
            entity = {"format": "attributed-dataset/1", "entities": [
                {"id": PUBLISHER, "kind": "publication", "name": f"Pakistan Today {writes}"}]}
            while True:  # other writers' entity-citing articles do not change the entity's ETag; retry on a race anyway
                _, entity_headers, _ = request(port, "GET", f"/v1/entities/{PUBLISHER}")
                status = request(port, "PUT", f"/v1/entities/{PUBLISHER}", entity,
                                 dict(headers, **{"If-Match": entity_headers["ETag"]}))[0]
                if status != 412:
                    break
            assert status == 200, status
            etags = {}
        elif article_id in versions and roll < 0.2:
            etag = etags.get(article_id) or etag_of(port, article_id)
            status = request(port, "DELETE", f"/v1/articles/{article_id}", None, dict(headers, **{"If-Match": etag}))[0]
            if status == 412:  # an entity change elsewhere gave it a new ETag
                status = request(port, "DELETE", f"/v1/articles/{article_id}", None,
                                 dict(headers, **{"If-Match": etag_of(port, article_id)}))[0]
            assert status == 204, status
            del versions[article_id]
            etags.pop(article_id, None)
        else:
            version = versions.get(article_id, 0) + 1
            etag = (etags.get(article_id) or etag_of(port, article_id)) if article_id in versions else None
            status, response_headers, _ = put(port, headers, article_id, version, etag)
            if status == 412:
                status, response_headers, _ = put(port, headers, article_id, version, etag_of(port, article_id))
            assert status in (200, 201), status
            versions[article_id] = version
            etags[article_id] = response_headers["ETag"]


def test_mirror():
    with serving() as (server, headers, work):
        mirror_dir = os.path.join(work, "mirror")
        follower = subprocess.Popen([sys.executable, MIRROR, "--url", f"http://127.0.0.1:{server.port}", "--dir", mirror_dir],
                                    stderr=subprocess.PIPE, text=True)
        try:
            # Four writers on disjoint articles, so that their writes share commits (as a newsroom's desks do).
            failures = []

            def desk(number):
                try:
                    random_writes(server.port, headers, [f"m{number}-{k}" for k in range(10)], WRITES // 4, random.Random(number),
                                  entity_changes=number == 0)
                except Exception as error:  # reported below
                    failures.append(repr(error))

            desks = [threading.Thread(target=desk, args=(number,)) for number in range(4)]
            for thread in desks:
                thread.start()
            for thread in desks:
                thread.join()
            assert not failures, failures
            feed = changes(server.port)
            head = feed[-1]["seq"]
            deadline = time.monotonic() + 60
            seq_path = os.path.join(mirror_dir, ".seq")
            while not (os.path.exists(seq_path) and int(open(seq_path).read()) == head):
                assert follower.poll() is None, "the mirror exited: " + follower.stderr.read()
                assert time.monotonic() < deadline, "the mirror did not catch up"
                time.sleep(0.1)
            expected = {}
            for article_id in sorted({change["article"] for change in feed if change["article"]}):
                status, _, body = request(server.port, "GET", f"/v1/articles/{article_id}/revisions?limit=1")
                assert status == 200, status
                last = json.loads(body)["items"][0]
                if last["document"]:
                    expected[f"{article_id}.json"] = request(server.port, "GET", last["document"])[2]
            mirrored = {name: open(os.path.join(mirror_dir, name), "rb").read()
                        for name in os.listdir(mirror_dir) if not name.startswith(".")}
            assert set(mirrored) == set(expected), sorted(set(mirrored) ^ set(expected))
            different = [name for name in expected if mirrored[name] != expected[name]]
            assert not different, f"not byte-identical: {different[:5]}"
        finally:
            follower.terminate()
            follower.wait(timeout=10)
    print(f"mirror: {WRITES} random writes from 4 desks up to seq {head}; {len(expected)} articles mirrored byte for byte")


def main():
    passed = failed = 0
    selected = sys.argv[2:] or [name for name in globals() if name.startswith("test_")]
    for name in selected:
        started = time.monotonic()
        try:
            globals()[name]()
        except Exception:
            failed += 1
            print(f"FAIL {name}")
            traceback.print_exc()
            continue
        passed += 1
        print(f"ok   {name} ({time.monotonic() - started:.1f} s)")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
