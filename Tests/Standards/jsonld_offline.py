"""JSON-LD expansion with `pyld` that never touches the network, and the checks both JSON-LD suites share
(anno_check.py, jsonld_check.py).

`expand` serves only the contexts vendored in contexts/ (source and commit in its README); any other remote
context is an error, so a document that names a context this folder lacks fails instead of being fetched.
"""
import json
import pathlib
import urllib.error
import urllib.request

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


def compacted_terms(node):
    """Every key of the document that must become a property (not `@context`, not a keyword or its alias)."""
    if isinstance(node, list):
        return [term for item in node for term in compacted_terms(item)]
    if not isinstance(node, dict):
        return []
    terms = []
    for key, value in node.items():
        if key == "@context":
            continue
        if not key.startswith("@") and key not in KEYWORD_ALIASES:
            terms.append(key)
        terms += compacted_terms(value)
    return terms


def expanded_properties(node):
    """Every property IRI of an expanded document, one per key (`@value`, `@list` and other keywords are not)."""
    if isinstance(node, list):
        return [prop for item in node for prop in expanded_properties(item)]
    if not isinstance(node, dict):
        return []
    props = []
    for key, value in node.items():
        if not key.startswith("@"):
            props.append(key)
        props += expanded_properties(value)
    return props


def expanded_types(node):
    if isinstance(node, list):
        return [t for item in node for t in expanded_types(item)]
    if not isinstance(node, dict):
        return []
    types = list(node.get("@type", [])) if isinstance(node.get("@type"), list) else []
    for key, value in node.items():
        if key != "@type":
            types += expanded_types(value)
    return types


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
