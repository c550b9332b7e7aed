#!/usr/bin/env python3
"""The W3C Web Annotations the server writes, checked by third-party code (Tests/Standards/run.sh runs this):

- every seed claim's annotation (`/v1/claims/{id}?format=annotation`) and every page of the article's annotation
  container (`/v1/articles/{id}/annotations`), under each `Prefer` the protocol defines, expands with `pyld`
  against the W3C anno context vendored in contexts/ (no network), with no term dropped (as many properties after
  expansion as keys before) and every type an IRI of a vocabulary the context names;
- each TextQuoteSelector's `exact` is the article's text at its TextPositionSelector (in code points: Python's
  str indexes by code point), its `prefix` and `suffix` the text right before and after; the body is the claim's
  text and chain;
- the headers the protocol requires (Content-Type with the anno profile, the LDP type Links, constrainedBy,
  Allow, Vary, ETag and 304, Preference-Applied), and the pages: `first`/`next` reach every claim once, in id
  order, `prev` and `last` agree, each page's `startIndex` is its position.

Starts the server itself (the built-in seed, 127.0.0.1, a free port) and stops it. Prints one line per check and
'N passed, N failed'.
"""
import json
import pathlib
import sys
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Support"))
from checks import Checks  # noqa: E402
from jsonld_offline import compacted_terms, expand, expanded_properties, expanded_types, requested  # noqa: E402
from live_server import Server, get, get_json  # noqa: E402

SEED_CLAIMS = [f"c{number:02d}" for number in range(1, 29)]
ARTICLE = "is-emerging-in-karachi"
ANNO_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
VOCABULARIES = ("http://www.w3.org/ns/oa#", "http://xmlns.com/foaf/0.1/", "http://purl.org/dc/dcmitype/",
                "http://schema.org/", "http://www.w3.org/ns/activitystreams#", "http://www.w3.org/ns/ldp#")
PREFER = {
    "no Prefer": None,
    "PreferContainedDescriptions": 'return=representation;include="http://www.w3.org/ns/oa#PreferContainedDescriptions"',
    "PreferContainedIRIs": 'return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"',
    "PreferMinimalContainer": 'return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer"',
    "PreferMinimalContainer + PreferContainedIRIs": 'return=representation; include="http://www.w3.org/ns/ldp#'
                                                      'PreferMinimalContainer http://www.w3.org/ns/oa#PreferContainedIRIs"',
}

check = Checks()


def check_expansion(name, document, url):
    """Expands `document` as fetched from `url`; no term dropped, every type a known vocabulary's IRI."""
    try:
        expanded = expand(document, url)
    except Exception as error:  # noqa: BLE001 - any failure of the third-party expansion is the finding
        check(f"{name}: expands with pyld", False, repr(error))
        return None
    before, after = compacted_terms(document), expanded_properties(expanded)
    check(f"{name}: expands with pyld, no term dropped ({len(before)} terms)", len(before) == len(after) > 0,
          f"{len(before)} keys became {len(after)} properties")
    types = expanded_types(expanded)
    check(f"{name}: every type is a vocabulary IRI", types and all(t.startswith(VOCABULARIES) for t in types),
          f"{[t for t in types if not t.startswith(VOCABULARIES)]}")
    return expanded


def field_text(article, target):
    field = target["attr:field"]
    return article["summary"][target["attr:summaryIndex"]] if field == "summary" else article[field]


def check_annotation(base, claim_id, article):
    url = f"{base}/v1/claims/{claim_id}?format=annotation"
    status, headers, body = get(url)
    check(f"{claim_id}: format=annotation answers 200 with the anno profile",
          status == 200 and headers.get("Content-Type") == ANNO_TYPE, f"{status} {headers.get('Content-Type')}")
    if status != 200:
        return None
    links = headers.get_all("Link") or []
    check(f"{claim_id}: Link ldp#Resource type, Allow, Vary: Accept, Accept-Encoding",
          '<http://www.w3.org/ns/ldp#Resource>; rel="type"' in links and headers.get("Allow") == "GET, HEAD, OPTIONS"
          and headers.get("Vary") == "Accept, Accept-Encoding", f"{links} {headers.get('Allow')} {headers.get('Vary')}")
    etag = headers.get("ETag")
    check(f"{claim_id}: its own ETag (not the JSON's), 304 to it",
          etag and etag != get(f"{base}/v1/claims/{claim_id}")[1].get("ETag")
          and get(url, {"If-None-Match": etag})[0] == 304)
    check(f"{claim_id}: Accept with the anno profile chooses it",
          get(f"{base}/v1/claims/{claim_id}", {"Accept": ANNO_TYPE})[2] == body)

    annotation = json.loads(body)
    check(f"{claim_id}: @context is the anno context, type Annotation, id its URL",
          annotation["@context"] == "http://www.w3.org/ns/anno.jsonld" and annotation["type"] == "Annotation"
          and annotation["id"] == f"/v1/claims/{claim_id}")
    expanded = check_expansion(claim_id, annotation, url)
    if expanded:
        check(f"{claim_id}: the id resolves to the claim's URL", expanded[0]["@id"] == f"{base}/v1/claims/{claim_id}")

    claim = get_json(f"{base}/v1/claims/{claim_id}")
    check(f"{claim_id}: the body is the claim's text and its chain, source by source",
          annotation["body"]["value"] == claim["text"]
          and [link["attr:source"]["id"] for link in annotation["body"]["attr:chain"]]
          == [f"/v1/entities/{link['source']}" for link in claim["chain"]])
    targets = annotation["target"]
    check(f"{claim_id}: one target per segment", len(targets) == len(claim["span"]["segments"]))
    for number, target in enumerate(targets):
        quote = next(s for s in target["selector"] if s["type"] == "TextQuoteSelector")
        position = next(s for s in target["selector"] if s["type"] == "TextPositionSelector")
        text = field_text(article, target)
        start, end = position["start"], position["end"]
        prefix, suffix = quote.get("prefix", ""), quote.get("suffix", "")
        check(f"{claim_id} target {number}: exact is the text at start..end (code points)", text[start:end] == quote["exact"],
              f"{text[start:end]!r} != {quote['exact']!r}")
        check(f"{claim_id} target {number}: prefix and suffix are adjacent",
              text[:start].endswith(prefix) and text[end:].startswith(suffix) and (prefix or start == 0)
              and (suffix or end == len(text)))
        check(f"{claim_id} target {number}: the source is the article",
              target["source"] == (article["url"] or f"/v1/articles/{ARTICLE}"))
    return annotation


def walk_pages(base, first, name, annotations, iris):
    """Follows `next` from `first`; checks each page; returns the pages' ids and the items, in order."""
    pages, items = [], []
    page_url, previous = first, None
    while page_url and len(pages) < 50:
        status, headers, body = get(urllib.parse.urljoin(base, page_url))
        if not check(f"{name}: page {len(pages)} answers 200 {ANNO_TYPE}",
                     status == 200 and headers.get("Content-Type") == ANNO_TYPE, f"{status}"):
            break
        page = json.loads(body)
        check_expansion(f"{name}: page {len(pages)}", page, urllib.parse.urljoin(base, page_url))
        check(f"{name}: page {len(pages)} is an AnnotationPage, part of the container, at its startIndex, "
              f"prev the page before", page["id"] == page_url and page["type"] == "AnnotationPage"
              and page["partOf"]["id"].endswith(f"?iris={1 if iris else 0}") and page["startIndex"] == len(items)
              and page.get("prev") == previous, f"{page.get('prev')} != {previous}")
        check(f"{name}: page {len(pages)} has Allow, Vary, an ETag answering 304",
              headers.get("Allow") == "GET, HEAD, OPTIONS" and headers.get("Vary") == "Accept, Prefer, Accept-Encoding"
              and get(urllib.parse.urljoin(base, page_url), {"If-None-Match": headers.get("ETag")})[0] == 304)
        for item in page["items"]:
            if iris:
                items.append(item)
            else:
                expected = {key: value for key, value in annotations[item["id"].rsplit("/", 1)[1]].items() if key != "@context"}
                check(f"{name}: {item['id']} is the claim's annotation", item == expected)
                items.append(item["id"])
        pages.append(page_url)
        previous, page_url = page_url, page.get("next")
    return pages, items


def check_container(base, name, prefer, annotations):
    url = f"{base}/v1/articles/{ARTICLE}/annotations?limit=10"
    status, headers, body = get(url, {"Prefer": prefer} if prefer else {})
    if not check(f"{name}: the container answers 200 {ANNO_TYPE}",
                 status == 200 and headers.get("Content-Type") == ANNO_TYPE, f"{status} {headers.get('Content-Type')}"):
        return
    links = headers.get_all("Link") or []
    check(f"{name}: Link ldp#BasicContainer type and ldp#constrainedBy the protocol",
          '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"' in links
          and '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"' in links, f"{links}")
    check(f"{name}: Allow, Vary: Accept, Prefer, Accept-Encoding; Preference-Applied exactly when Prefer was sent",
          headers.get("Allow") == "GET, HEAD, OPTIONS" and headers.get("Vary") == "Accept, Prefer, Accept-Encoding"
          and headers.get("Preference-Applied") == ("return=representation" if prefer else None))
    check(f"{name}: ETag, 304 to it", get(url, {"If-None-Match": headers.get("ETag"), **({"Prefer": prefer} if prefer else {})})[0] == 304)
    container = json.loads(body)
    iris = "PreferContainedIRIs" in name
    minimal = "Minimal" in name
    check(f"{name}: an AnnotationCollection and ldp:BasicContainer of 28, Content-Location its id",
          container["type"] == ["http://www.w3.org/ns/ldp#BasicContainer", "AnnotationCollection"]
          and container["total"] == 28 and headers.get("Content-Location") == container["id"]
          and container["id"] == f"/v1/articles/{ARTICLE}/annotations?iris={1 if iris else 0}")
    check_expansion(f"{name}: the container", container, url)
    first = container["first"]
    check(f"{name}: the first page {'linked, not embedded' if minimal else 'embedded'}",
          isinstance(first, str) if minimal else isinstance(first, dict) and first["type"] == "AnnotationPage")
    pages, items = walk_pages(base, first if minimal else first["id"], name, annotations, iris)
    expected = [f"/v1/claims/{claim}" for claim in SEED_CLAIMS]
    check(f"{name}: first/next reach every claim once, in id order, over 3 pages",
          items == expected and len(pages) == 3, f"{len(items)} items over {len(pages)} pages")
    check(f"{name}: last is the last page", container["last"] == pages[-1], f"{container['last']} vs {pages[-1:]}")


def main():
    binary = sys.argv[1]
    # The checks bite: a term the context does not map is dropped by the expansion, and counted.
    check("a term the anno context lacks is caught as dropped",
          len(compacted_terms({"@context": "http://www.w3.org/ns/anno.jsonld", "id": "/a", "type": "Annotation", "made-up": 1}))
          != len(expanded_properties(expand({"@context": "http://www.w3.org/ns/anno.jsonld", "id": "/a", "type": "Annotation",
                                             "made-up": 1}, "http://x/"))))
    with Server(binary) as server:
        article = get_json(f"{server.base}/v1/articles/{ARTICLE}")
        annotations = {claim: check_annotation(server.base, claim, article) for claim in SEED_CLAIMS}
        for name, prefer in PREFER.items():
            check_container(server.base, name, prefer, annotations)
    check("only vendored contexts were asked for", set(requested) == {"http://www.w3.org/ns/anno.jsonld"}, f"{set(requested)}")
    sys.exit(check.summary())


if __name__ == "__main__":
    main()
