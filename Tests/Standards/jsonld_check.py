#!/usr/bin/env python3
"""The schema.org JSON-LD the server writes, checked by third-party code (Tests/Standards/run.sh runs this):

- every seed article's `NewsArticle` (`/v1/articles/{id}?format=jsonld`) and every seed claim's `Claim`
  (`/v1/claims/{id}?format=jsonld`) expands with `pyld` against the schema.org context vendored in contexts/ (no
  network), with no term dropped, every property a schema.org IRI by a term the context itself defines (not only
  by its catch-all `@vocab`, which would map any made-up key), and every `@type` a schema.org class the context
  defines;
- the values are the dataset's: headline, publisher, language, text, the origin as `author` (no name for an
  anonymous source, its descriptor as `description`), `appearance` the article; nothing the dataset leaves
  null appears (the seed article has no `url` and no date);
- `Accept: application/ld+json` chooses it (the annotation profile does not), under its own ETag, answering 304.

Starts the server itself (the built-in seed, 127.0.0.1, a free port) and stops it. Prints one line per check and
'N passed, N failed'.
"""
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Support"))
from checks import Checks  # noqa: E402
from jsonld_offline import SCHEMA_ORG, compacted_terms, expand, expanded_properties, expanded_types, requested  # noqa: E402
from live_server import Server, get, get_json  # noqa: E402

SEED_CLAIMS = [f"c{number:02d}" for number in range(1, 29)]
ARTICLE = "is-emerging-in-karachi"
SCHEMA = "http://schema.org/"
DEFINED = {term for term in SCHEMA_ORG["@context"] if not term.startswith("@")}
AGENT_TYPES = {"person": "Person", "anonymous": "Person", "unspecified": "Person", "organization": "Organization",
               "group": "Organization", "publication": "NewsMediaOrganization"}

check = Checks()


def check_document(name, url, base, expected_type):
    status, headers, body = get(url)
    if not check(f"{name}: format=jsonld answers 200 application/ld+json",
                 status == 200 and headers.get("Content-Type") == "application/ld+json", f"{status} {headers.get('Content-Type')}"):
        return None
    plain_url = url.split("?")[0]
    check(f"{name}: Accept application/ld+json chooses it, the anno profile does not",
          get(plain_url, {"Accept": "application/ld+json"})[2] == body
          and get(plain_url, {"Accept": 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"'})[2] != body)
    etag = headers.get("ETag")
    check(f"{name}: its own ETag, 304 to it", etag and etag != get(plain_url)[1].get("ETag")
          and get(url, {"If-None-Match": etag})[0] == 304)
    document = json.loads(body)
    check(f"{name}: @context https://schema.org, @type {expected_type}",
          document["@context"] == "https://schema.org" and document["@type"] == expected_type)
    terms = compacted_terms(document)
    check(f"{name}: every key is a term the schema.org context defines", all(term in DEFINED for term in terms),
          f"{[term for term in terms if term not in DEFINED]}")
    try:
        expanded = expand(document, url)
    except Exception as error:  # noqa: BLE001 - any failure of the third-party expansion is the finding
        check(f"{name}: expands with pyld", False, repr(error))
        return document
    properties = expanded_properties(expanded)
    check(f"{name}: expands with pyld, no term dropped, every property a schema.org IRI",
          len(properties) == len(terms) > 0 and all(p.startswith(SCHEMA) for p in properties),
          f"{len(terms)} keys, {len(properties)} properties: {[p for p in properties if not p.startswith(SCHEMA)]}")
    types = expanded_types(expanded)
    check(f"{name}: every @type a schema.org class the context defines",
          types and all(t.startswith(SCHEMA) and t[len(SCHEMA):] in DEFINED for t in types), f"{types}")
    check(f"{name}: the id resolves to its URL", expanded[0]["@id"] == plain_url)
    return document


def check_article(base):
    url = f"{base}/v1/articles/{ARTICLE}?format=jsonld"
    document = check_document(ARTICLE, url, base, "NewsArticle")
    if not document:
        return
    article = get_json(f"{base}/v1/articles/{ARTICLE}")
    publisher = get_json(f"{base}/v1/entities/{article['publisher']}")
    check(f"{ARTICLE}: headline, language, body, summary and publisher are the dataset's",
          document["headline"] == article["headline"] and document["inLanguage"] == article["language"]
          and document["articleBody"] == article["body"] and document["abstract"] == article["summary"]
          and document["publisher"]["name"] == publisher["name"]
          and document["publisher"]["@type"] == AGENT_TYPES[publisher["kind"]])
    invented = [key for key, field in (("url", "url"), ("datePublished", "published"), ("creditText", "byline"))
                if (key in document) != (article[field] is not None)]
    check(f"{ARTICLE}: nothing the dataset leaves null is written, nothing it holds is left out", not invented
          and ("author" in document) == bool(article["authors"]), f"{invented}")


def check_claim(base, claim_id):
    url = f"{base}/v1/claims/{claim_id}?format=jsonld"
    document = check_document(claim_id, url, base, "Claim")
    if not document:
        return
    claim = get_json(f"{base}/v1/claims/{claim_id}")
    origin = get_json(f"{base}/v1/entities/{claim['origin']}")
    author = document.get("author")
    if origin["kind"] == "document":
        issuer = origin.get("issuer")
        check(f"{claim_id}: a document's claim is based on it, authored by its issuer",
              document["isBasedOn"]["@id"] == f"/v1/entities/{origin['id']}"
              and (author["@id"] == f"/v1/entities/{issuer}" if issuer else author is None))
    else:
        check(f"{claim_id}: author is the origin, {AGENT_TYPES[origin['kind']]}, named only when it has a name",
              author["@id"] == f"/v1/entities/{origin['id']}" and author["@type"] == AGENT_TYPES[origin["kind"]]
              and author.get("name") == origin["name"] and author.get("description") == origin["descriptor"])
    check(f"{claim_id}: the text, the article as appearance, what it is about",
          document["text"] == claim["text"] and document["appearance"]["@id"] == f"/v1/articles/{claim['article']}"
          and [subject["@id"] for subject in document.get("about", [])] == [f"/v1/entities/{s}" for s in claim["about"]])


def main():
    binary = sys.argv[1]
    # The checks bite: under the catch-all @vocab a made-up key still expands, so the defined-term test is needed.
    made_up = {"@context": "https://schema.org", "@type": "Claim", "claimant": "x"}
    check("a made-up key expands under @vocab but is not a defined term",
          expanded_properties(expand(made_up, "http://x/")) == [SCHEMA + "claimant"] and "claimant" not in DEFINED)
    with Server(binary) as server:
        check_article(server.base)
        for claim in SEED_CLAIMS:
            check_claim(server.base, claim)
    check("only vendored contexts were asked for", set(requested) == {"https://schema.org"}, f"{set(requested)}")
    sys.exit(check.summary())


if __name__ == "__main__":
    main()
