#!/usr/bin/env python3
"""Generates the dataset fixtures of AttributedCoreTests and the exact error lines each invalid one must produce.

Every offset is computed here, never by hand: Python `str` indices are Unicode scalars, the dataset's offset unit.
Positions of expected errors come from a small independent JSON scanner below (offsets in scalars, so the
line:column it gives is what an editor shows), not from the loader under test.

Run from anywhere: `python3 Tests/AttributedCoreTests/Fixtures/tools/make_fixtures.py`. It rewrites
`../edge-cases/`, `../invalid/`, `../base.json`, and prints the expected lines as Swift (`expected.swift.txt`).
"""
import copy
import json
import os
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.dirname(HERE)
FORMAT = "attributed-dataset/1"


# ----------------------------------------------------------------------------------------------------------------
# Helpers

def span(text, exact, occurrence=0, prefix_len=32, suffix_len=32):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(exact, start + 1)
    end = start + len(exact)
    return {"start": start, "end": end, "exact": exact,
            "prefix": text[max(0, start - prefix_len):start], "suffix": text[end:end + suffix_len]}


def cue(text, words, occurrence=0):
    s = span(text, words, occurrence)
    return {"text": words, "start": s["start"], "end": s["end"]}


def entity(id, kind, name, anonymity, descriptor=None, aliases=(), reason=None, affiliation=None, roles=(), **doc):
    e = {"id": id, "kind": kind, "name": name, "descriptor": descriptor, "aliases": list(aliases),
         "anonymity": anonymity, "anonymityReason": reason, "affiliation": affiliation, "roles": list(roles)}
    if kind == "document":
        e.update({"issuer": doc.get("issuer"), "recipients": list(doc.get("recipients", [])), "date": doc.get("date")})
    return e


def link(source, cue=None, mode="narration", type="assertion", factuality="Uu", recipient=None, derivation=None):
    return {"source": source, "cue": cue, "mode": mode, "attributionType": type, "factuality": factuality,
            "recipient": recipient, "derivation": derivation}


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def write(rel, text):
    path = os.path.join(FIXTURES, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def quoted(s):
    """The loader's quoting of text in messages: JSON string escaping, non-ASCII kept raw."""
    out = []
    for ch in s:
        if ch == '"': out.append('\\"')
        elif ch == "\\": out.append("\\\\")
        elif ch == "\n": out.append("\\n")
        elif ch == "\r": out.append("\\r")
        elif ch == "\t": out.append("\\t")
        elif ord(ch) < 0x20: out.append("\\u%04x" % ord(ch))
        else: out.append(ch)
    return '"' + "".join(out) + '"'


# ----------------------------------------------------------------------------------------------------------------
# An independent JSON scanner: the scalar offset of every value and key, by path.

WS = " \t\n\r"


def scan(text):
    """Returns {path: {"value": offset, "key": offset-or-None}}; path is a tuple of keys and indices."""
    found = {}

    def ws(i):
        while i < len(text) and text[i] in WS: i += 1
        return i

    def value(i, path, key_offset):
        i = ws(i)
        found[path] = {"value": i, "key": key_offset}
        c = text[i]
        if c == "{":
            i = ws(i + 1)
            if text[i] == "}": return i + 1
            while True:
                i = ws(i)
                k_off = i
                key, i = json.decoder.scanstring(text, i + 1)
                i = ws(i)
                assert text[i] == ":"
                i = value(i + 1, path + (key,), k_off)
                i = ws(i)
                if text[i] == ",": i += 1; continue
                assert text[i] == "}"
                return i + 1
        if c == "[":
            i = ws(i + 1)
            if text[i] == "]": return i + 1
            n = 0
            while True:
                i = value(i, path + (n,), None)
                n += 1
                i = ws(i)
                if text[i] == ",": i += 1; continue
                assert text[i] == "]"
                return i + 1
        if c == '"':
            return json.decoder.scanstring(text, i + 1)[1]
        m = re.compile(r"-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null").match(text, i)
        return m.end()

    value(0, (), None)
    return found


def line_col(text, offset):
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def json_path(path):
    out = "$"
    for p in path:
        if isinstance(p, int): out += f"[{p}]"
        elif p and all(ch.isalpha() or ch.isdigit() or ch == "_" for ch in p): out += "." + p
        else: out += f'["{p}"]'
    return out


def issue(file, text, path, message, where="value", report_path=None):
    """One expected line. `where`: "value" (the value's first character), "key" (the key), "parent" (the enclosing
    object: missing fields), or an int offset (syntax errors, no path)."""
    if isinstance(where, int):
        line, col = line_col(text, where)
        return f"{file}:{line}:{col}: {message}"
    nodes = scan(text)
    if where == "parent":
        offset = nodes[path[:-1]]["value"]
    else:
        offset = nodes[path][where]
    line, col = line_col(text, offset)
    shown = json_path(report_path if report_path is not None else path)
    if where == "nopath":
        return f"{file}:{line}:{col}: {message}"
    return f"{file}:{line}:{col}: {shown}: {message}"


# ----------------------------------------------------------------------------------------------------------------
# 1. The edge-case dataset: valid, over three files.

def edge_cases():
    courier_headline = "Flags 🇵🇰 fly as “IS” rumours grow"
    courier_summary = [
        "Police sources say the Cafe\u0301 Re\u0302ve was shut 😀 on Friday",
        "A ministry memo reached the police’s desk",
    ]
    courier_body = (
        "Police sources told the Courier 🇵🇰 that a ministry memo says “it is believed that” the Cafe\u0301 "
        "Re\u0302ve was a meeting point. The sources, who were not authorised to speak to the media, "
        "said the memo was dated October 2014.\n\n"
        "Inspector Zoë Khan said: “We’ll reopen the street soon.” Islamic State, also called Daesh, "
        "denied any link, the memo reads."
    )
    wire_headline = "Zoe\u0308 Khan denies Café closure"
    wire_summary = ["Khan: café “never closed” 😀"]
    wire_body = (
        "Zoe\u0308 Khan told Dawn Wire on Saturday that the café had “never closed”. "
        "Residents 😀 said the shutters stayed down all week."
    )

    entities_a = [
        entity("karachi-courier", "publication", "The Karachi Courier", "named", aliases=["the Courier"]),
        entity("sindh-police", "organization", "Sindh Police", "named", aliases=["the police"]),
        entity("courier-police-sources", "anonymous", None, "partially_identified", descriptor="Police sources",
               reason="not authorised to speak to the media", affiliation="sindh-police"),
        entity("interior-ministry", "organization", None, "partially_identified", descriptor="the ministry"),
        entity("ministry-memo", "document", None, "partially_identified", descriptor="a ministry memo",
               issuer="interior-ministry", recipients=["sindh-police"], date="2014-10"),
        entity("memo-unspecified", "unspecified", None, "unspecified", descriptor="it is believed"),
        entity("zoe-khan", "person", "Zoë Khan", "named", aliases=["Khan", "Zoe\u0308 Khan"], affiliation="sindh-police",
               roles=["Inspector"]),
        entity("islamic-state", "group", "Islamic State", "named", aliases=["IS", "Daesh"]),
        entity("cafe-reve", "place", "Cafe\u0301 Re\u0302ve", "named", descriptor="a meeting point"),
    ]
    entities_b = [
        entity("dawn-wire", "organization", "Dawn Wire", "named"),
        entity("sara-ali", "person", "Sara Ali", "named"),
        entity("wire-residents", "group", None, "anonymous", descriptor="Residents"),
    ]
    articles_a = [{
        "id": "courier-flags", "headline": courier_headline, "summary": courier_summary, "body": courier_body,
        "publisher": "karachi-courier", "authors": [], "byline": None, "published": "2014-11-03T08:30:00+05:00",
        "url": None, "language": "en",
    }]
    articles_b = [{
        "id": "wire-denial", "headline": wire_headline, "summary": wire_summary, "body": wire_body,
        "publisher": "dawn-wire", "authors": ["sara-ali"], "byline": "By Sara Ali", "published": "2014-11",
        "url": "https://wire.example/2014/11/khan-denies?ref=rss#top", "language": "en-PK",
    }]

    B, S, H = courier_body, courier_summary, courier_headline
    claims = [
        {   # depth 4: courier → police sources → memo → unspecified
            "id": "e01", "article": "courier-flags",
            "span": {"field": "body", **span(B, "the Cafe\u0301 Re\u0302ve was a meeting point")},
            "text": "Café Rêve was a meeting point", "about": ["cafe-reve"], "proposition": "cafe-reve-meeting-point",
            "chain": [
                link("karachi-courier"),
                link("courier-police-sources", cue(B, "told"), "indirect_speech", recipient="karachi-courier",
                     derivation="paraphrase"),
                link("ministry-memo", cue(B, "says"), "document_citation", derivation="paraphrase"),
                link("memo-unspecified", cue(B, "it is believed that"), "impersonal_report", "belief", "PR+",
                     derivation="quotation"),
            ],
        },
        {   # headline, after the flag emoji: scalar offsets differ from UTF-16 ones
            "id": "e02", "article": "courier-flags",
            "span": {"field": "headline", **span(H, "“IS” rumours grow")},
            "text": "Rumours about IS are growing", "about": ["islamic-state"], "proposition": "is-rumours-grow",
            "chain": [link("karachi-courier", factuality="CT+")],
        },
        {   # summary bullet 0, over a decomposed é and ê and after the cue
            "id": "e03", "article": "courier-flags",
            "span": {"field": "summary", "index": 0, **span(S[0], "the Cafe\u0301 Re\u0302ve was shut 😀 on Friday")},
            "text": "Café Rêve was shut on Friday", "about": ["cafe-reve"], "proposition": "cafe-reve-shut",
            "chain": [
                link("karachi-courier"),
                link("courier-police-sources", cue(S[0], "say"), "indirect_speech", factuality="CT+",
                     derivation="paraphrase"),
            ],
        },
        {   # summary bullet 1, ending on a curly apostrophe
            "id": "e04", "article": "courier-flags",
            "span": {"field": "summary", "index": 1, **span(S[1], "A ministry memo reached the police’s desk")},
            "text": "A ministry memo reached the police", "about": ["ministry-memo", "sindh-police"],
            "proposition": "memo-reached-police", "chain": [link("karachi-courier", factuality="CT+")],
        },
        {   # Khan quoted in the Courier (precomposed ë)
            "id": "e05", "article": "courier-flags",
            "span": {"field": "body", **span(B, "We’ll reopen the street soon.")},
            "text": "The police will reopen the street soon", "about": ["sindh-police"],
            "proposition": "street-reopens",
            "chain": [
                link("karachi-courier"),
                link("zoe-khan", cue(B, "said", 0 if B.index("said") > B.index("Zoë") else 1), "direct_quote",
                     factuality="PR+", derivation="quotation"),
            ],
        },
        {   # Khan quoted in the Wire (decomposed ë), a different publisher
            "id": "e06", "article": "wire-denial",
            "span": {"field": "body", **span(wire_body, "the café had “never closed”")},
            "text": "The café never closed", "about": ["cafe-reve"], "proposition": "cafe-reve-never-closed",
            "chain": [
                link("dawn-wire"),
                link("zoe-khan", cue(wire_body, "told"), "mixed_quote", factuality="CT+", recipient="dawn-wire",
                     derivation="quotation"),
            ],
        },
        {   # after the 😀 in the Wire's body
            "id": "e07", "article": "wire-denial",
            "span": {"field": "body", **span(wire_body, "the shutters stayed down all week")},
            "text": "The café's shutters stayed down all week", "about": ["cafe-reve"],
            "proposition": "cafe-reve-shut",
            "chain": [
                link("dawn-wire"),
                link("wire-residents", cue(wire_body, "said"), "indirect_speech", factuality="CT+",
                     derivation="paraphrase"),
            ],
        },
    ]
    # The "said" after Zoë in the Courier's body: check rather than trust the occurrence arithmetic above.
    khan_said = claims[4]["chain"][1]["cue"]
    assert B[khan_said["start"] - len("Inspector Zoë Khan "):khan_said["start"]] == "Inspector Zoë Khan "

    shutil.rmtree(os.path.join(FIXTURES, "edge-cases"), ignore_errors=True)
    files = {
        "1-courier.json": {
            "format": FORMAT,
            "notes": "Edge cases, file 1 of 3: the Courier's article and entities. Decomposed é/ê (U+0301, U+0302) "
                     "in Cafe\u0301 Re\u0302ve, precomposed ë in Zoë; 🇵🇰 is two scalars (four UTF-16 units), 😀 one (two UTF-16 units).",
            "articles": articles_a, "entities": entities_a},
        "2-wire.json": {"format": FORMAT, "notes": None, "articles": articles_b, "entities": entities_b},
        "3-claims.json": {"format": FORMAT, "claims": claims},
    }
    for name, content in files.items():
        write(f"edge-cases/{name}", dump(content))

    facts = {
        "e02.start": claims[1]["span"]["start"],
        "e02.utf16": len(H[:claims[1]["span"]["start"]].encode("utf-16-le")) // 2,
        "e07.start": claims[6]["span"]["start"],
        "e07.utf16": len(wire_body[:claims[6]["span"]["start"]].encode("utf-16-le")) // 2,
    }
    return facts, files


# ----------------------------------------------------------------------------------------------------------------
# 1b. Short forms: the same data as a person writes it by hand, every default left out and every offset that the
# loader can find by itself dropped. The rules below are this script's own reading of docs/dataset-format.md, so a
# short form that loads and serves exactly what its explicit form serves checks the loader against them.

CONTEXT = 32  # scalars of prefix and suffix that a selector without them gets


def occurrences(text, words, start=0):
    found, i = [], text.find(words, start)
    while i >= 0:
        found.append(i)
        i = text.find(words, i + 1)
    return found


def short_selector(sel, text, after=0):
    """A selector ({start, end, exact, prefix, suffix}) without what the loader would find by itself."""
    out = {"exact": sel["exact"]}
    if occurrences(text, sel["exact"], after) != [sel["start"]]:
        out["start"] = sel["start"]
    if sel["prefix"] != text[max(0, sel["start"] - CONTEXT):sel["start"]]:
        out["prefix"] = sel["prefix"]
    if sel["suffix"] != text[sel["end"]:sel["end"] + CONTEXT]:
        out["suffix"] = sel["suffix"]
    return out


def short_cue(c, text, span_start, span_end):
    """A bare string when the occurrence nearest the span is the one meant and the only one that near."""
    def distance(s): return max(0, s - span_end, span_start - (s + len(c["text"])))
    found = occurrences(text, c["text"])
    nearest = min(map(distance, found))
    return c["text"] if [s for s in found if distance(s) == nearest] == [c["start"]] else {"text": c["text"], "start": c["start"]}


def field_text(article, sp):
    return {"headline": article["headline"], "body": article["body"]}.get(sp["field"]) or article["summary"][sp["index"]]


def short_claim(claim, article):
    sp = claim["span"]
    text = field_text(article, sp)
    out = {"id": claim["id"], "article": claim["article"]}
    span_out = {"field": sp["field"], **({"index": sp["index"]} if "index" in sp else {})}
    if "segments" in sp:
        short, after = [], 0
        for seg in sp["segments"]:
            short.append(short_selector(seg, text, after))
            after = seg["end"]
        span_out["segments"] = short
        words = " ".join(seg["exact"] for seg in sp["segments"])
        start, end = sp["segments"][0]["start"], sp["segments"][-1]["end"]
    else:
        span_out.update(short_selector(sp, text))
        words = sp["exact"]
        start, end = sp["start"], sp["end"]
    out["span"] = span_out
    if claim["text"] != words: out["text"] = claim["text"]
    if claim["about"]: out["about"] = claim["about"]
    if claim["proposition"] != claim["id"]: out["proposition"] = claim["proposition"]
    chain = []
    for position, l in enumerate(claim["chain"]):
        sl = {"source": l["source"]}
        if l["cue"] is not None: sl["cue"] = short_cue(l["cue"], text, start, end)
        if position > 0 or l["mode"] != "narration": sl["mode"] = l["mode"]
        if l["attributionType"] != "assertion": sl["attributionType"] = l["attributionType"]
        if l["factuality"] != "Uu": sl["factuality"] = l["factuality"]
        if l["recipient"] is not None: sl["recipient"] = l["recipient"]
        default_derivation = None if position == 0 else ("quotation" if l["mode"] == "direct_quote" else "paraphrase")
        if l["derivation"] != default_derivation: sl["derivation"] = l["derivation"]
        chain.append(sl)
    out["chain"] = chain
    return out


def short_entity(e):
    out = {k: v for k, v in e.items() if v not in (None, [])}
    default = "named" if e["name"] is not None else {"anonymous": "anonymous", "unspecified": "unspecified"}.get(e["kind"])
    if e["anonymity"] == default: del out["anonymity"]
    return out


def short_article(a):
    return {k: v for k, v in a.items() if v not in (None, []) and not (k == "language" and v == "und")}


def short_file(content, articles):
    out = {"format": content["format"]}
    if content.get("notes") is not None: out["notes"] = content["notes"]
    if "articles" in content: out["articles"] = [short_article(a) for a in content["articles"]]
    if "entities" in content: out["entities"] = [short_entity(e) for e in content["entities"]]
    if "claims" in content: out["claims"] = [short_claim(c, articles[c["article"]]) for c in content["claims"]]
    return out


def short_forms(edge_files):
    shutil.rmtree(os.path.join(FIXTURES, "short-form"), ignore_errors=True)
    shutil.rmtree(os.path.join(FIXTURES, "explicit"), ignore_errors=True)
    articles = {a["id"]: a for f in edge_files.values() for a in f.get("articles", [])}
    for name, content in edge_files.items():
        write(f"short-form/edge-cases/{name}", dump(short_file(content, articles)))
    explicit = discontinuous()
    write("explicit/discontinuous.json", dump(explicit))
    write("short-form/discontinuous.json", dump(short_file(explicit, {a["id"]: a for a in explicit["articles"]})))


def segments(text, *pieces):
    """The explicit segments of a discontinuous span, each found after the one before."""
    out, after = [], 0
    for words in pieces:
        start = text.index(words, after)
        out.append(span(text, words, occurrence=occurrences(text, words).index(start)))
        after = start + len(words)
    return out


def discontinuous():
    """Quotes interrupted by their attribution, as news writes them, in the body and in a summary bullet."""
    body = ("“The plan,” Ana Lima said on Tuesday, “will work.” The minister said the plan “is sound” and “will pass”, "
            "adding: “It is ready.” Critics called it “a mess”.")
    bullet = "“Ready,” says the minister, “and sound.”"

    def claim(id, sp, text, chain, about=("plan",)):
        return {"id": id, "article": "plan", "span": sp, "text": text, "about": list(about), "proposition": id,
                "chain": chain}

    claims = [
        claim("d1", {"field": "body", "segments": segments(body, "The plan,", "will work.")}, "The plan, will work.",
              [link("daily"), link("ana", cue(body, "said"), "direct_quote", factuality="CT+", derivation="quotation")]),
        claim("d2", {"field": "body", "segments": segments(body, "is sound", "will pass")}, "The plan is sound and will pass",
              [link("daily"), link("minister", cue(body, "said", 1), "mixed_quote", factuality="PR+", derivation="paraphrase")]),
        claim("d3", {"field": "summary", "index": 0, "segments": segments(bullet, "Ready,", "and sound.")}, "Ready, and sound.",
              [link("daily"), link("minister", cue(bullet, "says"), "direct_quote", derivation="quotation")], about=()),
        claim("d4", {"field": "body", **span(body, "a mess")}, "The plan is a mess",
              [link("daily"), link("critics", cue(body, "called"), "direct_quote", factuality="CT+", derivation="quotation")]),
    ]
    return {
        "format": FORMAT,
        "notes": "Discontinuous quotes: each claim's words are interrupted by their attribution.",
        "articles": [{"id": "plan", "headline": "Minister backs the plan", "summary": [bullet], "body": body,
                      "publisher": "daily", "authors": [], "byline": None, "published": None, "url": None,
                      "language": "en"}],
        "entities": [
            entity("daily", "publication", "The Daily", "named"),
            entity("ana", "person", "Ana Lima", "named"),
            entity("minister", "person", None, "partially_identified", descriptor="the minister"),
            entity("critics", "anonymous", None, "anonymous", descriptor="Critics"),
            entity("plan", "document", "The plan", "named"),
        ],
        "claims": claims,
    }


# ----------------------------------------------------------------------------------------------------------------
# 2. The tiny valid base and its one-error variants.

BASE_HEADLINE = "Rain “is coming”, Ana says 🌧"
BASE_SUMMARY = ["Sources say the Cafe\u0301 will flood"]
BASE_BODY = "Ana Lima told The Daily that rain is coming. Sources said “the Cafe\u0301 will flood”."


def base():
    B, S = BASE_BODY, BASE_SUMMARY
    return {
        "format": FORMAT,
        "notes": "Tiny valid base of the invalid fixtures: each of them changes one thing.",
        "articles": [{
            "id": "a1", "headline": BASE_HEADLINE, "summary": list(S), "body": B, "publisher": "daily",
            "authors": [], "byline": None, "published": "2014-10-02", "url": "https://daily.example/rain",
            "language": "en",
        }],
        "entities": [
            entity("daily", "publication", "The Daily", "named"),
            entity("ana", "person", "Ana Lima", "named", aliases=["Ana"]),
            entity("sources", "anonymous", None, "anonymous", descriptor="Sources"),
            entity("city", "place", "Rio", "named"),
            entity("police", "organization", "City Police", "named"),
            entity("memo", "document", None, "partially_identified", descriptor="a police memo", issuer="police",
                   date="2014-10"),
        ],
        "claims": [
            {"id": "c1", "article": "a1", "span": {"field": "body", **span(B, "rain is coming")},
             "text": "Rain is coming", "about": ["city"], "proposition": "rain-coming",
             "chain": [link("daily"), link("ana", cue(B, "told"), "indirect_speech", recipient="daily",
                                           derivation="paraphrase")]},
            {"id": "c2", "article": "a1", "span": {"field": "summary", "index": 0, **span(S[0], "the Cafe\u0301 will flood")},
             "text": "The café will flood", "about": ["city"], "proposition": "cafe-floods",
             "chain": [link("daily"), link("sources", cue(S[0], "say"), "indirect_speech", derivation="paraphrase")]},
            {"id": "c3", "article": "a1", "span": {"field": "body", **span(B, "the Cafe\u0301 will flood")},
             "text": "The café will flood", "about": ["city"], "proposition": "cafe-floods",
             "chain": [link("daily"), link("sources", cue(B, "said"), "direct_quote", derivation="quotation")]},
        ],
    }


ARTICLE = ("articles", 0)
ANA = ("entities", 1)
C1 = ("claims", 0)
C2 = ("claims", 1)
C3 = ("claims", 2)


def mutate(name, change, expect):
    """`change(d)` edits a copy of the base; `expect(file, text)` gives the expected lines."""
    d = copy.deepcopy(base())
    change(d)
    text = dump(d)
    file = f"invalid/{name}.json"
    write(file, text)
    return name, expect(file, text)


def at(d, path):
    for p in path: d = d[p]
    return d


def set_(path, value):
    def change(d): at(d, path[:-1])[path[-1]] = value
    return change


def invalid():
    shutil.rmtree(os.path.join(FIXTURES, "invalid"), ignore_errors=True)
    B, S = BASE_BODY, BASE_SUMMARY
    cases = []

    def one(name, change, path, message, where="value"):
        cases.append(mutate(name, change, lambda f, t: [issue(f, t, path, message, where)]))

    # --- 1. JSON syntax and top level -----------------------------------------------------------------------
    text = dump(base())
    # Remove the comma after the headline and join the next line: the error column counts scalars (“, ”, 🌧).
    broken = text.replace(f'"headline": "{BASE_HEADLINE}",\n      "summary"', f'"headline": "{BASE_HEADLINE}" "summary"', 1)
    assert broken != text
    write("invalid/syntax-error.json", broken)
    cases.append(("syntax-error", [issue("invalid/syntax-error.json", broken, None,
                                         "invalid JSON: expected ',' or '}' in an object",
                                         broken.index('"summary"'))]))

    dup = text.replace('"kind": "person",', '"kind": "person",\n      "kind": "person",', 1)
    assert dup != text
    write("invalid/duplicate-key.json", dup)
    second_kind = dup.index('"kind": "person"', dup.index('"kind": "person"') + 1)
    cases.append(("duplicate-key", [issue("invalid/duplicate-key.json", dup, None,
                                          'duplicate key "kind" in one object', second_kind)]))

    top = '[\n  {"format": "attributed-dataset/1"}\n]\n'
    write("invalid/top-level-array.json", top)
    cases.append(("top-level-array", [issue("invalid/top-level-array.json", top, (), "expected an object, found an array")]))

    one("unsupported-format", set_(("format",), "attributed-dataset/2"), ("format",),
        'unsupported format "attributed-dataset/2", expected "attributed-dataset/1"')

    # --- 2. Shape -----------------------------------------------------------------------------------------------
    one("missing-field", lambda d: at(d, ARTICLE).pop("headline"), ARTICLE + ("headline",),
        'missing required field "headline"', "parent")
    one("wrong-type", set_(ARTICLE + ("headline",), 42), ARTICLE + ("headline",), "expected a string, found a number")
    one("not-an-integer", set_(C1 + ("span", "start"), 29.0), C1 + ("span", "start"), "expected an integer, found 29.0")
    one("negative-offset", set_(C1 + ("span", "start"), -1), C1 + ("span", "start"), "must be at least 0, found -1")
    one("bad-enum", set_(ANA + ("kind",), "human"), ANA + ("kind",),
        '"human" is not one of "person", "organization", "publication", "place", "document", "group", '
        '"anonymous", "unspecified"')
    one("bad-factuality", set_(C1 + ("chain", 1, "factuality"), "CT"), C1 + ("chain", 1, "factuality"),
        '"CT" is not one of "CT+", "CT-", "PR+", "PR-", "PS+", "PS-", "CTu", "Uu"')
    one("bad-id", set_(("entities", 5, "id"), "police memo"), ("entities", 5, "id"),  # the memo: never referenced
        "\"police memo\" is not a valid id (letters, digits, '.', '_', '-'; starting with a letter or digit; at most 128)")
    one("unknown-field", lambda d: at(d, ANA).update(nmae="Ana"), ANA + ("nmae",), 'unknown field "nmae"', "key")
    one("unknown-top-level-field", lambda d: d.update(artciles=[]), ("artciles",), 'unknown field "artciles"', "key")
    one("document-field-on-person", lambda d: at(d, ANA).update(issuer="police"), ANA + ("issuer",),
        '"issuer" is only allowed on documents, not on kind "person"', "key")
    # Left out, anonymity follows from a name or from kind anonymous or unspecified; an unnamed document has neither.
    one("missing-anonymity", lambda d: at(d, ("entities", 5)).pop("anonymity"), ("entities", 5, "anonymity"),
        'missing required field "anonymity": for an entity of kind "document" without a name, give "partially_identified", '
        '"anonymous" or "unspecified"', "parent")
    one("later-link-without-mode", lambda d: at(d, C1 + ("chain", 1)).pop("mode"), C1 + ("chain", 1, "mode"),
        'missing required field "mode"', "parent")
    one("bad-date", set_(ARTICLE + ("published",), "2014-13-02"), ARTICLE + ("published",),
        '"2014-13-02" is not a date (YYYY, YYYY-MM, YYYY-MM-DD) or an RFC 3339 date-time')
    one("bad-document-date", set_(("entities", 5, "date"), "October 2014"), ("entities", 5, "date"),
        '"October 2014" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD')
    one("bad-language", set_(ARTICLE + ("language",), "english"), ARTICLE + ("language",),
        '"english" is not a BCP 47 language tag such as "en" or "ur-PK"')
    one("bad-url", set_(ARTICLE + ("url",), "ftp://daily.example/rain"), ARTICLE + ("url",),
        '"ftp://daily.example/rain" is not an absolute http or https URL')
    one("repeated-alias", set_(ANA + ("aliases",), ["Ana", "Lima", "Ana"]), ANA + ("aliases", 2), '"Ana" is listed twice')
    one("empty-headline", set_(ARTICLE + ("headline",), ""), ARTICLE + ("headline",), "must not be empty")

    # --- 3. Ids unique across files (a directory) ----------------------------------------------------------------
    first = dump(base())
    extra = dump({"format": FORMAT, "entities": [entity("ana", "person", "Ana Maria", "named")]})
    write("invalid/duplicate-id/1-base.json", first)
    write("invalid/duplicate-id/2-more.json", extra)
    fl, fc = line_col(first, scan(first)[ANA + ("id",)]["value"])
    cases.append(("duplicate-id", [issue("invalid/duplicate-id/2-more.json", extra, ("entities", 0, "id"),
                                         f'duplicate entity id "ana" (first defined at invalid/duplicate-id/1-base.json:{fl}:{fc})')]))

    # A directory whose first file does not parse: the second file's errors are still reported, after it.
    broken_file = '{\n  "format": "attributed-dataset/1",\n  "entities": [}\n'
    d = base()
    at(d, ARTICLE)["url"] = "daily.example"
    second = dump(d)
    write("invalid/errors-in-two-files/1-broken.json", broken_file)
    write("invalid/errors-in-two-files/2-base.json", second)
    cases.append(("errors-in-two-files", [
        issue("invalid/errors-in-two-files/1-broken.json", broken_file, None,
              "invalid JSON: unexpected character '}', expected a value", broken_file.index("}")),
        issue("invalid/errors-in-two-files/2-base.json", second, ARTICLE + ("url",),
              '"daily.example" is not an absolute http or https URL'),
    ]))

    # --- 4. References ---------------------------------------------------------------------------------------------
    one("unknown-entity", set_(C1 + ("about",), ["ghost"]), C1 + ("about", 0), 'unknown entity "ghost"')
    one("unknown-article", set_(C1 + ("article",), "a2"), C1 + ("article",), 'unknown article "a2"')
    one("unknown-recipient", set_(C1 + ("chain", 1, "recipient"), "nobody"), C1 + ("chain", 1, "recipient"),
        'unknown entity "nobody"')
    one("unknown-issuer", set_(("entities", 5, "issuer"), "ministry"), ("entities", 5, "issuer"), 'unknown entity "ministry"')
    one("publisher-kind", set_(ARTICLE + ("publisher",), "ana"), ARTICLE + ("publisher",),
        'publisher "ana" is of kind "person"; it must be a publication or an organization')
    one("place-source", set_(C1 + ("chain", 1, "source"), "city"), C1 + ("chain", 1, "source"),
        'source "city" is a place; a place cannot be a source')

    # --- 5. Entities ---------------------------------------------------------------------------------------------------
    one("named-without-name", set_(ANA + ("name",), None), ANA + ("name",), "a named entity needs a name")
    one("anonymous-with-name", set_(("entities", 2, "name"), "Sources"), ("entities", 2, "name"),
        'an entity with anonymity "anonymous" has no name (the text\'s words go in "descriptor")')
    one("reason-on-named", set_(ANA + ("anonymityReason",), "fear of reprisal"), ANA + ("anonymityReason",),
        "a named entity has no anonymity reason")
    one("self-affiliation", set_(ANA + ("affiliation",), "ana"), ANA + ("affiliation",),
        "an entity cannot be its own affiliation")

    # --- 6. Spans and cues --------------------------------------------------------------------------------------------
    n = len(B)
    one("span-past-end", set_(C1 + ("span", "end"), n + 1), C1 + ("span", "end"),
        f"end {n + 1} is past the end of the text ({n} Unicode scalars)")
    s1 = span(B, "rain is coming")
    one("span-start-not-before-end", set_(C1 + ("span", "end"), s1["start"]), C1 + ("span", "end"),
        f"end {s1['start']} must be greater than start {s1['start']}")
    one("exact-mismatch", set_(C1 + ("span", "exact"), "snow is coming"), C1 + ("span", "exact"),
        f'exact "snow is coming" does not match the text at {s1["start"]}..<{s1["end"]}, which is "rain is coming"')
    s3 = span(B, "the Cafe\u0301 will flood")
    pre = "the Caf\u00e9 will flood"  # precomposed: canonically equivalent, not the same scalars
    assert len(pre) == len(s3["exact"]) - 1
    one("exact-precomposed", set_(C3 + ("span", "exact"), pre), C3 + ("span", "exact"),
        f'exact {quoted(pre)} does not match the text at {s3["start"]}..<{s3["end"]}, which is {quoted(s3["exact"])}')
    wrong = "The Gazette that "
    one("prefix-mismatch", set_(C1 + ("span", "prefix"), wrong), C1 + ("span", "prefix"),
        f'prefix {quoted(wrong)} does not end at {s1["start"]}: the text before it is '
        f'{quoted(B[s1["start"] - len(wrong):s1["start"]])}')
    one("suffix-mismatch", set_(C1 + ("span", "suffix"), "! Sources"), C1 + ("span", "suffix"),
        f'suffix "! Sources" does not start at {s1["end"]}: the text after it is {quoted(B[s1["end"]:s1["end"] + 9])}')
    one("summary-index-out-of-range", set_(C2 + ("span", "index"), 1), C2 + ("span", "index"),
        "index 1 is out of range: the article has 1 summary bullet")
    one("summary-without-index", lambda d: at(d, C2 + ("span",)).pop("index"), C2 + ("span", "index"),
        'missing required field "index"', "parent")

    def index_on_body(d):
        sp = at(d, C1 + ("span",))
        at(d, C1)["span"] = {"field": sp["field"], "index": 0, **{k: v for k, v in sp.items() if k != "field"}}
    one("index-on-body-span", index_on_body, C1 + ("span", "index"), "only a span in the summary has an index", "key")
    c = cue(B, "told")
    one("cue-mismatch", set_(C1 + ("chain", 1, "cue", "text"), "said"), C1 + ("chain", 1, "cue", "text"),
        f'cue "said" does not match the text at {c["start"]}..<{c["end"]}, which is "told"')
    one("cue-past-end", set_(C2 + ("chain", 1, "cue", "end"), len(S[0]) + 3), C2 + ("chain", 1, "cue", "end"),
        f"end {len(S[0]) + 3} is past the end of the text ({len(S[0])} Unicode scalars)")

    # --- 6b. Anchoring by quote, near misses, cues by quote, discontinuous spans --------------------------------------
    def second_article(body, span_value, chain=None):
        """A second article, and a claim on it (claims[3]) with the given span."""
        def change(d):
            d["articles"].append(dict(at(d, ARTICLE), id="a2", headline="Ana on the plan", summary=[], body=body))
            d["claims"].append({"id": "c4", "article": "a2", "span": span_value, "text": "The plan will work",
                                "about": [], "proposition": "plan-works", "chain": chain or [link("daily")]})
        return change
    C4 = ("claims", 3)

    said_twice = "Ana said no. Ana said yes."
    one("ambiguous-quote", second_article(said_twice, {"field": "body", "exact": "Ana said"}), C4 + ("span", "exact"),
        f'exact "Ana said" occurs 2 times in the body, at {said_twice.index("Ana said")} and '
        f'{said_twice.rindex("Ana said")}: add a "prefix", "suffix" or "start" to choose one')

    def near_misses(d):
        at(d, C1)["span"] = {"field": "body", "exact": "Rain is  coming"}
        at(d, C3)["span"] = {"field": "body", "exact": '"the Cafe\u0301 will flood"'}
    rain, flood = B.index("rain is coming"), B.index("“the Cafe\u0301 will flood”")
    cases.append(mutate("near-miss-quote", near_misses, lambda f, t: [
        issue(f, t, C1 + ("span", "exact"),
              f'exact "Rain is  coming" is not in the body; the closest text is "rain is coming" at {rain}..<{rain + 14}, '
              'which differs in case and whitespace: copy the words exactly as the text has them'),
        issue(f, t, C3 + ("span", "exact"),
              f'exact {quoted(chr(34) + "the Cafe" + chr(0x301) + " will flood" + chr(34))} is not in the body; the closest text is '
              f'{quoted("“the Cafe" + chr(0x301) + " will flood”")} at {flood}..<{flood + 22}, which differs in quotes, '
              'apostrophes or dashes: copy the words exactly as the text has them'),
    ]))
    one("quote-not-found", set_(C1 + ("span",), {"field": "body", "exact": "snow is coming"}), C1 + ("span", "exact"),
        'exact "snow is coming" is not in the body: copy the words exactly as the text has them')
    told = B.index("told")
    one("near-miss-cue", set_(C1 + ("chain", 1, "cue"), "Told"), C1 + ("chain", 1, "cue"),
        f'cue "Told" is not in the body; the closest text is "told" at {told}..<{told + 4}, which differs in case: '
        'copy the words exactly as the text has them')

    plan = "Ana said: the plan will work, said Ana."
    first_said, second_said = plan.index("said"), plan.rindex("said")
    gap = plan.index("the plan") - (first_said + 4)
    assert gap == second_said - (plan.index("work") + 4)
    one("cue-tie", second_article(plan, {"field": "body", "exact": "the plan will work"},
                                  [link("daily"), {"source": "ana", "cue": "said", "mode": "indirect_speech"}]),
        C4 + ("chain", 1, "cue"),
        f'cue "said" is equally near the span at {first_said} and {second_said} ({gap} Unicode scalars away): give the '
        f'start of the one you mean, as in {{"text": "said", "start": {first_said}}}')

    interrupted = "“The plan,” Ana said, “will work.”"
    the_plan, will_work = interrupted.index("The plan,"), interrupted.index("will work.")
    one("overlapping-segments", second_article(interrupted, {"field": "body", "segments": [
            {"exact": "The plan,"}, {"exact": "plan", "start": the_plan + 4}]}),
        C4 + ("span", "segments", 1, "start"),
        f'segment 1 ({the_plan + 4}..<{the_plan + 8}) overlaps segment 0 ({the_plan}..<{the_plan + 9}): start segment 1 '
        f'at {the_plan + 9} or later, or end segment 0 sooner')
    one("segments-out-of-order", second_article(interrupted, {"field": "body", "segments": [
            {"exact": "will work."}, {"exact": "The plan,"}]}),
        C4 + ("span", "segments", 1, "exact"),
        f'exact "The plan," is not in the body after segment 0, which ends at {will_work + 10}; it occurs at {the_plan}: '
        'list the segments in text order')
    one("segments-out-of-order-offsets", second_article(interrupted, {"field": "body", "segments": [
            {"exact": "will work.", "start": will_work}, {"exact": "The plan,", "start": the_plan}]}),
        C4 + ("span", "segments", 1, "start"),
        f'segment 1 ({the_plan}..<{the_plan + 9}) comes before segment 0 ({will_work}..<{will_work + 10}): list the '
        'segments in text order')
    one("single-segment", set_(C1 + ("span",), {"field": "body", "segments": [{"exact": "rain is coming"}]}),
        C1 + ("span", "segments"),
        'a span with segments has two or more; for one contiguous quote, give "exact" on the span itself')
    one("exact-beside-segments", set_(C1 + ("span",), {"field": "body", "exact": "rain is coming", "segments": [
            {"exact": "rain"}, {"exact": "coming"}]}),
        C1 + ("span", "exact"), 'give either "exact" or "segments", not both')
    one("prefix-does-not-match", set_(C1 + ("span",), {"field": "body", "exact": "rain is coming", "prefix": wrong}),
        C1 + ("span", "prefix"),
        f'prefix {quoted(wrong)} does not end where exact "rain is coming" starts (at {s1["start"]}, after '
        f'{quoted(B[s1["start"] - len(wrong):s1["start"]])}): correct it, or leave it out')

    # --- 7. Chains -----------------------------------------------------------------------------------------------------
    one("empty-chain", set_(C1 + ("chain",), []), C1 + ("chain",),
        "the chain is empty: it needs at least the publication's own link")
    one("first-link-not-publisher", set_(C3 + ("chain", 0, "source"), "ana"), C3 + ("chain", 0, "source"),
        'the first link\'s source must be the article\'s publisher "daily", not "ana"')
    one("same-source-twice", lambda d: at(d, C1 + ("chain",)).append(
        link("ana", None, "indirect_speech", derivation="paraphrase")), C1 + ("chain", 2, "source"),
        'same source "ana" as the previous link')
    one("narration-after-first", set_(C1 + ("chain", 1, "mode"), "narration"), C1 + ("chain", 1, "mode"),
        '"narration" is only for the first link, the publication\'s own voice')
    one("derivation-on-first", set_(C1 + ("chain", 0, "derivation"), "quotation"), C1 + ("chain", 0, "derivation"),
        "the first link has no derivation: nothing comes before it")
    one("missing-derivation", set_(C1 + ("chain", 1, "derivation"), None), C1 + ("chain", 1, "derivation"),
        'a link after the first needs a derivation ("quotation" or "paraphrase")')

    # --- Many errors in one file, in separate records so none hides another ---------------------------------------------
    def many(d):
        d["extra"] = True                                              # unknown top-level key (last line)
        d["articles"].append(dict(at(d, ARTICLE), id="a2", language="english"))  # a second article, unused
        at(d, ANA)["aliases"] = ["Ana", "Ana"]                         # entity 1
        at(d, ("entities", 2))["name"] = "Sources"                    # entity 2
        at(d, ("entities", 4))["kind"] = "company"                     # entity 4
        at(d, C1 + ("about",)).append("ghost")                         # claim 1
        at(d, C1 + ("span",))["prefix"] = "X"                          # claim 1, same record: also reported
        at(d, C2 + ("span",))["index"] = 2                             # claim 2
        at(d, C3 + ("chain", 1))["mode"] = "narration"                 # claim 3
        at(d, C3 + ("chain", 1))["derivation"] = None                  # claim 3, same link
    name = "many-errors"
    d = base()
    many(d)
    text = dump(d)
    f = f"invalid/{name}.json"
    write(f, text)
    c1 = span(B, "rain is coming")
    expected = [
        issue(f, text, ("articles", 1, "language"), '"english" is not a BCP 47 language tag such as "en" or "ur-PK"'),
        issue(f, text, ANA + ("aliases", 1), '"Ana" is listed twice'),
        issue(f, text, ("entities", 2, "name"), 'an entity with anonymity "anonymous" has no name (the text\'s words go in "descriptor")'),
        issue(f, text, ("entities", 4, "kind"), '"company" is not one of "person", "organization", "publication", "place", '
              '"document", "group", "anonymous", "unspecified"'),
        issue(f, text, C1 + ("span", "prefix"), f'prefix "X" does not end at {c1["start"]}: the text before it is " "'),
        issue(f, text, C1 + ("about", 1), 'unknown entity "ghost"'),
        issue(f, text, C2 + ("span", "index"), "index 2 is out of range: the article has 1 summary bullet"),
        issue(f, text, C3 + ("chain", 1, "mode"), '"narration" is only for the first link, the publication\'s own voice'),
        issue(f, text, C3 + ("chain", 1, "derivation"), 'a link after the first needs a derivation ("quotation" or "paraphrase")'),
        issue(f, text, ("extra",), 'unknown field "extra"', "key"),
    ]
    def order(line):
        m = re.match(r"[^:]+:(\d+):(\d+):", line)
        return int(m.group(1)), int(m.group(2))
    expected.sort(key=order)
    cases.append((name, expected))

    write("base.json", dump(base()))
    return cases


def swift_string(s):
    out = []
    for ch in s:
        if ch == "\\": out.append("\\\\")
        elif ch == '"': out.append('\\"')
        elif ch == "\n": out.append("\\n")
        elif ord(ch) in (0x301, 0x302, 0x308): out.append("\\u{%X}" % ord(ch))
        else: out.append(ch)
    return '"' + "".join(out) + '"'


if __name__ == "__main__":
    facts, edge_files = edge_cases()
    short_forms(edge_files)
    cases = invalid()
    lines = [f"// edge-case facts: {facts}"]
    for name, expected in cases:
        lines.append(f'        ("{name}", [')
        for e in expected:
            lines.append(f"            {swift_string(e)},")
        lines.append("        ]),")
    with open(os.path.join(HERE, "expected.swift.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
