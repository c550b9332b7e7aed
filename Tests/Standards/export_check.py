#!/usr/bin/env python3
"""The bulk exports (`format=ndjson`, `format=csv` on every list route), read by Python's own `json` and `csv`
modules (Tests/Standards/run.sh runs this):

- for every list route and every filter it takes, the NDJSON has one line per item, each line the very object the
  paged JSON list holds, in the same order (the JSON list is read page by page, following `next`);
- the CSV parses with `csv` (RFC 4180: CRLF row ends, quoted cells), has the documented header, one row per item
  in the same order, every row as wide as the header;
- `limit`, `cursor` or `sort=relevance` ask for a page: the export is then the JSON page's items, with its `Link`
  to the next page; an export answers 304 to its own ETag;
- with Tests/Datasets/formula-injection.json, no CSV cell begins with `=`, `+`, `-`, `@`, tab or CR: each such
  text comes back as `'` + the text, the NDJSON keeping it as is.

Starts the server itself (the built-in seed, then the fixture; 127.0.0.1, a free port) and stops it. Prints one line
per check and 'N passed, N failed'.
"""
import csv
import io
import json
import pathlib
import sys
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Support"))
from checks import Checks  # noqa: E402
from live_server import Server, get  # noqa: E402

FORMULA_FIXTURE = pathlib.Path(__file__).resolve().parents[1] / "Datasets" / "formula-injection.json"
CLAIM_COLUMNS = ["id", "article", "field", "index", "start", "end", "segments", "exact", "text", "depth", "origin",
                 "origin_name", "origin_descriptor", "origin_anonymity", "weakest_anonymity", "cues", "modes",
                 "origin_factuality", "proposition", "about"]
ENTITY_COLUMNS = ["id", "kind", "name", "descriptor", "aliases", "anonymity", "anonymity_reason", "affiliation", "roles",
                  "issuer", "recipients", "date", "claims_as_source", "claims_as_subject"]
ARTICLE_COLUMNS = ["id", "headline", "publisher", "authors", "byline", "published", "url", "language", "claims",
                   "summary", "body"]
# Every list route with each filter it takes, alone and combined; the CSV header each answers with.
LISTS = [(target, CLAIM_COLUMNS) for target in [
    "/v1/claims", "/v1/claims?article=is-emerging-in-karachi", "/v1/claims?entity=islamic-state",
    "/v1/claims?source=pakistan-today-sources", "/v1/claims?anonymity=anonymous", "/v1/claims?mode=indirect_speech",
    "/v1/claims?min_depth=2", "/v1/claims?q=police", "/v1/claims?q=karachi&sort=id&anonymity=named",
    "/v1/claims?article=nope", "/v1/articles/is-emerging-in-karachi/claims", "/v1/entities/islamic-state/claims",
    "/v1/entities/islamic-state/claims?role=subject", "/v1/entities/pakistan-today/claims?role=source",
]] + [(target, ENTITY_COLUMNS) for target in [
    "/v1/entities", "/v1/entities?kind=person", "/v1/entities?q=karachi", "/v1/entities?kind=organization&q=pakistan",
]] + [("/v1/articles", ARTICLE_COLUMNS)]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

check = Checks()


def with_parameter(target, name, value):
    return target + ("&" if "?" in target else "?") + urllib.parse.urlencode({name: value})


def paged_items(base, target):
    """Every item of the JSON list, a page of 7 at a time."""
    items, cursor = [], None
    for _ in range(1000):
        url = with_parameter(base + target, "limit", 7)
        if cursor:
            url = with_parameter(url, "cursor", cursor)
        page = json.loads(get(url)[2])
        items += page["items"]
        cursor = page["next"]
        if cursor is None:
            return items
    raise RuntimeError(f"{target}: the pages never end")


def csv_rows(body):
    return list(csv.reader(io.StringIO(body.decode("utf-8"), newline=""), strict=True))


def check_list(base, target, columns):
    items = paged_items(base, target)
    status, headers, body = get(with_parameter(base + target, "format", "ndjson"))
    check(f"{target}: ndjson answers 200 application/x-ndjson",
          status == 200 and headers.get("Content-Type") == "application/x-ndjson", f"{status} {headers.get('Content-Type')}")
    lines = body.decode("utf-8").split("\n")
    check(f"{target}: ndjson ends each line with LF", lines[-1] == "", repr(body[-20:]))
    check(f"{target}: {len(items)} ndjson lines, each the JSON list's item", [json.loads(line) for line in lines[:-1]] == items,
          f"got {len(lines) - 1} lines")

    status, headers, body = get(with_parameter(base + target, "format", "csv"))
    check(f"{target}: csv answers 200 text/csv with its header",
          status == 200 and headers.get("Content-Type") == "text/csv; charset=utf-8; header=present", f"{status}")
    rows = csv_rows(body)
    check(f"{target}: csv rows end with CRLF", body.endswith(b"\r\n") and b"\r\n" in body)
    check(f"{target}: csv header names the documented columns", rows[0] == columns, f"got {rows[0]}")
    check(f"{target}: {len(items)} csv rows in the list's order", [row[0] for row in rows[1:]] == [item["id"] for item in items],
          f"got {len(rows) - 1} rows")
    check(f"{target}: every csv row is as wide as the header", all(len(row) == len(columns) for row in rows))


def check_pages(base):
    """`limit`, `cursor` or `sort=relevance` ask for a page: the export is that page, with the JSON page's Link."""
    cursor = json.loads(get(base + "/v1/claims?limit=4")[2])["next"]
    for target in ["/v1/claims?limit=5", f"/v1/claims?cursor={cursor}", "/v1/articles?limit=1",
                   "/v1/claims?q=karachi&sort=relevance&limit=3", "/v1/entities/islamic-state/claims?limit=2"]:
        page = json.loads(get(base + target)[2])
        ids = [item["id"] for item in page["items"]]
        status, headers, body = get(with_parameter(base + target, "format", "ndjson"))
        lines = [json.loads(line)["id"] for line in body.decode("utf-8").splitlines()]
        check(f"{target}&format=ndjson: the JSON page's {len(ids)} items", status == 200 and lines == ids, f"{status} {lines}")
        status, headers, body = get(with_parameter(base + target, "format", "csv"))
        rows = [row[0] for row in csv_rows(body)[1:]]
        check(f"{target}&format=csv: the JSON page's {len(ids)} rows", status == 200 and rows == ids, f"{status} {rows}")
        link = headers.get("Link")
        check(f"{target}&format=csv: Link to the next page in csv",
              (link is None) == (page["next"] is None) and (link is None or ("format=csv" in link and page["next"] in link)),
              f"{link}")
    _, headers, _ = get(base + "/v1/claims?format=csv")
    check("an export answers 304 to its ETag", get(base + "/v1/claims?format=csv", {"If-None-Match": headers["ETag"]})[0] == 304)
    check("Accept: text/csv selects the CSV", get(base + "/v1/claims", {"Accept": "text/csv"})[1].get("Content-Type", "")
          .startswith("text/csv"))


def check_formula_fixture(base):
    for target, columns in [("/v1/claims", CLAIM_COLUMNS), ("/v1/entities", ENTITY_COLUMNS), ("/v1/articles", ARTICLE_COLUMNS)]:
        rows = csv_rows(get(base + target + "?format=csv")[2])
        objects = [json.loads(line) for line in get(base + target + "?format=ndjson")[2].decode("utf-8").splitlines()]
        hostile = [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]
        check(f"fixture {target}: no csv cell begins with = + - @ tab or CR", not hostile, repr(hostile[:3]))
        neutralised = 0
        for column, key in [("text", "text"), ("proposition", "proposition"), ("name", "name"),
                            ("descriptor", "descriptor"), ("headline", "headline"), ("byline", "byline"),
                            ("anonymity_reason", "anonymityReason")]:
            if column not in columns:
                continue
            position = columns.index(column)
            raw = [item.get(key) or "" for item in objects]
            expected = ["'" + value if value.startswith(FORMULA_STARTS) else value for value in raw]
            got = [row[position] for row in rows[1:]]
            check(f"fixture {target}: {column} is the JSON's, with ' before a formula", got == expected, f"{got} vs {expected}")
            neutralised += sum(1 for value, cell in zip(raw, got) if value != cell)
        check(f"fixture {target}: the fixture has formulas to neutralise", neutralised > 0)


def main():
    binary = sys.argv[1]
    with Server(binary) as server:
        for target, columns in LISTS:
            check_list(server.base, target, columns)
        check_pages(server.base)
    with Server(binary, data=FORMULA_FIXTURE) as server:
        check_formula_fixture(server.base)
    sys.exit(check.summary())


if __name__ == "__main__":
    main()
