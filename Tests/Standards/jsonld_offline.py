"""JSON-LD expansion with `pyld` that never touches the network, and the checks both JSON-LD suites share
(anno_check.py, jsonld_check.py).

`expand` serves only the contexts vendored in contexts/ (source and commit in its README); any other remote
context is an error, so a document that names a context this folder lacks fails instead of being fetched.
"""
import json
import pathlib

from pyld import jsonld

CONTEXTS = pathlib.Path(__file__).parent / "contexts"
ANNO = json.loads((CONTEXTS / "anno.jsonld").read_text())
SCHEMA_ORG = json.loads((CONTEXTS / "schemaorgcontext.jsonld").read_text())
VENDORED = {
    "http://www.w3.org/ns/anno.jsonld": ANNO,
    "https://www.w3.org/ns/anno.jsonld": ANNO,
    **{url: SCHEMA_ORG for url in ("https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/",
                                   "https://schema.org/docs/jsonldcontext.jsonld")},
}
requested = []


def offline_loader(url, options=None):
    """pyld's document loader: a vendored context, or an error naming the URL (no request is made)."""
    requested.append(url)
    if url not in VENDORED:
        raise jsonld.JsonLdError(f"{url} is not vendored in Tests/Standards/contexts (the checks never fetch)",
                                 "jsonld.LoadDocumentError", code="loading document failed")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": VENDORED[url]}


def expand(document, base):
    return jsonld.expand(document, {"base": base, "documentLoader": offline_loader})


KEYWORD_ALIASES = {"id", "type"}  # both contexts alias them to @id and @type


def keys(node, counts, skipped=()):
    """Every key `counts` keeps, anywhere in a JSON document, not looking inside the values of `skipped`."""
    if isinstance(node, list):
        return [key for item in node for key in keys(item, counts, skipped)]
    if not isinstance(node, dict):
        return []
    found = []
    for key, value in node.items():
        if key in skipped:
            continue
        if counts(key):
            found.append(key)
        found += keys(value, counts, skipped)
    return found


def compacted_terms(document):
    """Every key of the document that must become a property (not `@context`, not a keyword or its alias)."""
    return keys(document, lambda key: not key.startswith("@") and key not in KEYWORD_ALIASES, skipped=("@context",))


def expanded_properties(expanded):
    """Every property IRI of an expanded document, one per key (`@value`, `@list` and other keywords are not)."""
    return keys(expanded, lambda key: not key.startswith("@"))


def expanded_types(node):
    """Every node's `@type` IRIs in an expanded document (a value's `@type`, its datatype, is a string: not these)."""
    if isinstance(node, list):
        return [t for item in node for t in expanded_types(item)]
    if not isinstance(node, dict):
        return []
    own = node["@type"] if isinstance(node.get("@type"), list) else []
    return own + [t for key, value in node.items() if key != "@type" for t in expanded_types(value)]
