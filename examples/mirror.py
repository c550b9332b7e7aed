#!/usr/bin/env python3
"""Mirror the articles an attributed server's writes touch into a directory, by following its change feed live.

    python3 examples/mirror.py --url http://localhost:8080 --dir mirror [--token SECRET]

Each revised article is kept as DIR/<id>.json, byte for byte the canonical document the server serves at
/v1/articles/<id>/revisions/<n> for its last revision; a deleted article's file is removed. DIR/.seq holds the
last seq applied, so a restarted mirror resumes where it stopped (sent as Last-Event-ID), missing nothing and
applying nothing twice. Standard library only. A `reload` change (the server's base files changed) is reported:
the mirror covers what was written over HTTP since the base load (seq 0).
"""
import argparse
import json
import os
import sys
import time
import urllib.parse
import urllib.request


def file_name(article):
    # Ids are opaque: percent-encode everything but unreserved characters, so no id can leave DIR.
    return urllib.parse.quote(article, safe="") + ".json"


def write_atomically(path, data):
    temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


class Mirror:
    def __init__(self, url, directory, token=None):
        self.url = url.rstrip("/")
        self.directory = directory
        self.token = token
        os.makedirs(directory, exist_ok=True)
        self.seq_path = os.path.join(directory, ".seq")
        self.seq = int(open(self.seq_path).read()) if os.path.exists(self.seq_path) else 0

    def apply(self, change):
        """One change, in order; then the position, so a crash in between re-applies it (which is idempotent)."""
        if change["seq"] <= self.seq:
            return  # already applied (a resumed stream never sends it, but be safe)
        article = change.get("article")
        if article is not None:
            path = os.path.join(self.directory, file_name(article))
            if change["action"] == "delete":
                if os.path.exists(path):
                    os.remove(path)
            elif change.get("document") is not None:
                write_atomically(path, change["document"].encode("utf-8"))
        elif change["action"] == "reload":
            print(f"mirror: seq {change['seq']}: the base files were reloaded (version {change['version']})", file=sys.stderr)
        self.seq = change["seq"]
        write_atomically(self.seq_path, str(self.seq).encode())

    def follow(self, until=None):
        """Follows the live feed, reconnecting after any failure with Last-Event-ID; returns once `until` is applied."""
        while until is None or self.seq < until:
            headers = {"Accept": "text/event-stream", "Last-Event-ID": str(self.seq)}
            if self.token:
                headers["Authorization"] = f"Bearer {self.token}"
            request = urllib.request.Request(f"{self.url}/v1/changes?include=document", headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=60) as stream:
                    data = []
                    for raw in stream:
                        line = raw.decode("utf-8").rstrip("\r\n")
                        if line == "":
                            if data:
                                self.apply(json.loads("\n".join(data)))
                                data = []
                                if until is not None and self.seq >= until:
                                    return
                        elif line.startswith("data:"):
                            data.append(line[5:].lstrip(" "))
                        # `id:`, `retry:` and `:` comments (heartbeats) need nothing: the seq is in the data.
            except (OSError, ValueError) as error:
                print(f"mirror: {error}; reconnecting after seq {self.seq}", file=sys.stderr)
                time.sleep(0.5)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--dir", required=True)
    parser.add_argument("--token", default=os.environ.get("ATTRIBUTED_TOKEN"), help="for a --private server")
    parser.add_argument("--until", type=int, help="stop once this seq is applied (default: follow forever)")
    arguments = parser.parse_args()
    try:
        Mirror(arguments.url, arguments.dir, arguments.token).follow(arguments.until)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
