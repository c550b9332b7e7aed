#!/usr/bin/env python3
"""Every seed claim's PROV-JSON (`/v1/claims/{id}/provenance?format=prov`), checked by third-party code
(Tests/Standards/run.sh runs this):

- the `prov` package (W3C PROV's Python implementation) reads it with `ProvDocument.deserialize(format='json')`,
  and finds the agents, entities, attributions and derivations the claim's own JSON chain implies (computed here
  from `/v1/claims/{id}/provenance`, by the mapping README's "Formats" describes), with the expected PROV types;
- it validates against the PROV-JSON JSON Schema (Tests/Standards/schemas/, source in its README);
- it is the same bytes on every request, under its own strong ETag, answering 304 to it; and it carries the
  PROV-AQ `Link` to itself.

Starts the server itself (the built-in seed, 127.0.0.1, a free port) and stops it. Prints one line per check and
'N passed, N failed'.
"""
import json
import pathlib
import sys

import jsonschema
from prov.model import ProvAgent, ProvAttribution, ProvDerivation, ProvDocument, ProvEntity

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Support"))
from checks import Checks  # noqa: E402
from fetch import get  # noqa: E402
from live_server import Server  # noqa: E402

SCHEMA = json.loads((pathlib.Path(__file__).parent / "schemas" / "prov-json.schema.json").read_text())
SEED_CLAIMS = [f"c{number:02d}" for number in range(1, 29)]
HAS_PROVENANCE = "http://www.w3.org/ns/prov#has_provenance"
PROV = "http://www.w3.org/ns/prov#"
AGENT_TYPES = {"person": "Person", "organization": "Organization", "publication": "Organization"}

check = Checks()


def expected(chain_json):
    """What the PROV document of a chain must hold, from the chain in the API's own JSON (entities inlined)."""
    links = chain_json["chain"]
    entities = chain_json["entities"]
    agents = {}
    attributions = 0
    for link in links:
        source = link["source"]
        agent = entities.get(source["issuer"]) if source["kind"] == "document" and source.get("issuer") else None
        if source["kind"] != "document":
            agent = source
        if agent is not None:
            agents[agent["id"]] = "prov:" + AGENT_TYPES.get(agent["kind"], "Agent")
            attributions += 1
    quotations = sum(1 for link in links[1:] if link["derivation"] == "quotation")
    return {"agents": agents, "entities": len(links), "attributions": attributions,
            "derivations": len(links) - 1, "quotations": quotations}


def asserted_types(record):
    """A record's `prov:type` values as full URIs (what a QName means, whatever the prefix it was written with)."""
    return {value.uri for value in record.get_asserted_types()}


def check_claim(base, claim):
    url = f"{base}/v1/claims/{claim}/provenance"
    status, headers, body = get(url + "?format=prov")
    check(f"{claim}: format=prov answers 200 application/json",
          status == 200 and headers.get("Content-Type") == "application/json", f"{status} {headers.get('Content-Type')}")
    if status != 200:
        return
    document = json.loads(body)
    errors = sorted(jsonschema.Draft4Validator(SCHEMA).iter_errors(document), key=str)
    check(f"{claim}: validates against the PROV-JSON schema", not errors, "; ".join(error.message for error in errors[:3]))

    parsed = ProvDocument.deserialize(content=body.decode(), format="json")
    want = expected(json.loads(get(url)[2]))
    agents = list(parsed.get_records(ProvAgent))
    counts = {"agents": len(agents), "entities": len(list(parsed.get_records(ProvEntity))),
              "attributions": len(list(parsed.get_records(ProvAttribution))),
              "derivations": len(list(parsed.get_records(ProvDerivation)))}
    wanted = {key: (len(want[key]) if key == "agents" else want[key]) for key in counts}
    check(f"{claim}: prov reads {wanted['agents']} agents, {wanted['entities']} entities, "
          f"{wanted['attributions']} attributions, {wanted['derivations']} derivations", counts == wanted, f"got {counts}")
    types = {agent.identifier.localpart: {t.replace(PROV, "prov:") for t in asserted_types(agent)} for agent in agents}
    check(f"{claim}: each agent has the PROV type of its kind",
          types == {id_: {prov_type} for id_, prov_type in want["agents"].items()}, f"got {types}")
    quotations = sum(1 for derivation in list(parsed.get_records(ProvDerivation))
                     if PROV + "Quotation" in asserted_types(derivation))
    check(f"{claim}: {want['quotations']} derivations typed prov:Quotation", quotations == want["quotations"], f"got {quotations}")

    again_status, again_headers, again = get(url + "?format=prov")
    check(f"{claim}: the same bytes and ETag again", again_status == 200 and again == body and
          again_headers.get("ETag") == headers.get("ETag"))
    json_etag = get(url)[1].get("ETag")
    check(f"{claim}: its own ETag, not the JSON's; 304 to it", headers.get("ETag") != json_etag and
          get(url + "?format=prov", {"If-None-Match": headers.get("ETag")})[0] == 304)
    check(f"{claim}: Link rel=prov#has_provenance", headers.get("Link") ==
          f'</v1/claims/{claim}/provenance>; rel="{HAS_PROVENANCE}"', headers.get("Link"))


def main():
    binary = sys.argv[1]
    # The schema bites: PROV-JSON's top level is closed, and a relation needs its two ends.
    validator = jsonschema.Draft4Validator(SCHEMA)
    check("the schema refuses a top-level key PROV-JSON has not", not validator.is_valid({"claim": {}}))
    check("the schema refuses a derivation without its used entity",
          not validator.is_valid({"wasDerivedFrom": {"_:id1": {"prov:generatedEntity": "claim:x"}}}))
    with Server(binary) as server:
        for claim in SEED_CLAIMS:
            check_claim(server.base, claim)
    sys.exit(check.summary())


if __name__ == "__main__":
    main()
