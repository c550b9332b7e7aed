#!/usr/bin/env python3
"""A real-text corpus for the benchmarks: PolNeAR (political news with attribution annotated by hand; 1,008 articles
of 7 US publishers from 2016, https://github.com/networkdynamics/PolNeAR) in the dataset format, replicated with new
ids to the size asked for.

    git clone https://github.com/networkdynamics/PolNeAR            # the text and attributions; no CoreNLP needed
    benchmarks/polnear_corpus.py PolNeAR/data 1000000 /tmp/real-1m.json

Each article's first line is its headline, the rest its body; each annotated attribution (brat standoff: Source, Cue,
Content, possibly discontinuous) is a claim whose span is the content (its `segments` when discontinuous), whose
chain is the publisher and then the source with its cue. Spans and cues are anchored as a person would write them:
the words alone where they occur once in the field, with `start` where they repeat. Named sources (capitalised) are
shared entities across articles; pronouns and unnamed sources ("officials", "a source") are each article's own;
an attribution without a source is an `unspecified` entity. Replica k of an article is the same text under new ids
(`…-r<k>`), so every replica keeps its real quotes, entities and anchors.

Prints what it wrote (articles, claims, entities, bytes) to stderr."""
import json
import os
import re
import sys
from collections import defaultdict

PUBLISHERS = {
    "huff-post": "HuffPost", "breitbart": "Breitbart", "nyt": "The New York Times", "politico": "Politico",
    "wash-post": "The Washington Post", "west-journal": "Western Journalism", "usa-today": "USA Today",
}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "his", "her", "him", "them", "who", "which", "that", "this"}
ORGANIZATION_WORDS = re.compile(r"\b(Post|Times|News|Press|Journal|Department|Committee|Campaign|Party|Council|"
                                r"Agency|Institute|University|Office|Court|Bureau|Commission|FBI|CNN|Fox|Reuters|"
                                r"Associated|Foundation|Association|Congress|Senate|House|Administration|Poll)\b")


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "x"


def read_annotations(path):
    """{T-id: (type, [(start, end)], text)} and the relations [{role: T-id}]."""
    spans, relations = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if line.startswith("T") and len(parts) >= 3:
                kind, _, ranges = parts[1].partition(" ")
                pieces = [tuple(map(int, r.split())) for r in ranges.split(";")]
                spans[parts[0]] = (kind, pieces, parts[2])
            elif line.startswith("E") and len(parts) >= 2:
                relations.append(dict(role.split(":", 1) for role in parts[1].split() if ":" in role))
    return spans, relations


def anchor(text, start, end):
    """A selector for text[start:end] in one field: the words alone if they occur once, else with `start`."""
    exact = text[start:end]
    selector = {"exact": exact}
    if text.count(exact) != 1:
        selector["start"] = start
    return selector


def articles_of(data):
    """One annotation per article (the first annotator's, by file name), with its text."""
    for split in ("train", "dev", "test"):
        texts = os.path.join(data, split, "text")
        annotations = os.path.join(data, split, "attributions")
        by_article = defaultdict(list)
        for name in sorted(os.listdir(annotations)):
            by_article[re.sub(r"_[0-9a-f]{4}\.ann$", "", name)].append(name)
        for article, names in sorted(by_article.items()):
            text_path = os.path.join(texts, article + ".txt")
            if os.path.exists(text_path):
                with open(text_path, encoding="utf-8") as f:
                    yield article, f.read(), read_annotations(os.path.join(annotations, names[0]))


def convert(data):
    """The articles as (article, entities, claims) templates, ids still without a replica suffix."""
    converted = []
    for name, text, (spans, relations) in articles_of(data):
        publisher_code, date = name.split("_")[:2]
        first_break = text.find("\n")
        headline = text[:first_break].strip() if first_break > 0 else name
        body_start = first_break + 1 if first_break > 0 else 0
        while body_start < len(text) and text[body_start] == "\n":
            body_start += 1
        body = text[body_start:]
        article_id = slug(name)
        article = {"id": article_id, "headline": headline, "publisher": publisher_code, "language": "en",
                   "published": date, "body": body}
        own_entities, claims = {}, []
        for number, relation in enumerate(relations):
            content = spans.get(relation.get("Content"))
            if not content or any(s < body_start for s, _ in content[1]):
                continue  # a content in the headline: left out (its cue and source are in the body)
            pieces = sorted((s - body_start, e - body_start) for s, e in content[1])
            if any(e <= s or e > len(body) for s, e in pieces) or any(
                    pieces[i][0] < pieces[i - 1][1] for i in range(1, len(pieces))):
                continue
            if len(pieces) == 1:
                span = {"field": "body", **anchor(body, *pieces[0])}
            else:
                span = {"field": "body", "segments": [anchor(body, s, e) for s, e in pieces]}
            link = {}
            source = spans.get(relation.get("Source"))
            if source:
                words = source[2].strip()
                if words[:1].isupper() and words.lower() not in PRONOUNS:
                    entity_id = "src-" + slug(words)
                    kind = "organization" if ORGANIZATION_WORDS.search(words) else "person"
                    own_entities[entity_id] = {"id": entity_id, "kind": kind, "name": words, "shared": True}
                else:
                    entity_id = f"{article_id}-src-{slug(words)}"
                    own_entities[entity_id] = {"id": entity_id, "kind": "anonymous", "descriptor": words}
            else:
                entity_id = f"{article_id}-unspecified"
                own_entities[entity_id] = {"id": entity_id, "kind": "unspecified", "descriptor": "an unnamed source"}
            link["source"] = entity_id
            quoted = body[pieces[0][0]:pieces[0][0] + 1] in "“\"" and body[pieces[-1][1] - 1:pieces[-1][1]] in "”\""
            link["mode"] = "impersonal_report" if not source else "direct_quote" if quoted else "indirect_speech"
            cue = spans.get(relation.get("Cue"))
            if cue and len(cue[1]) == 1 and cue[1][0][0] >= body_start:
                start, end = cue[1][0][0] - body_start, cue[1][0][1] - body_start
                words = body[start:end]
                link["cue"] = words if body.count(words) == 1 else {"text": words, "start": start, "end": end}
            claims.append({"id": f"{article_id}-c{number}", "article": article_id, "span": span,
                           "chain": [{"source": publisher_code}, link]})
        converted.append((article, own_entities, claims))
    return converted


def write(converted, target_claims, out):
    per_pass = sum(len(claims) for _, _, claims in converted)
    replicas = max(1, -(-target_claims // per_pass))
    counts = {"articles": 0, "claims": 0, "entities": 0}
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"format": "attributed-dataset/1",\n"notes": "PolNeAR (networkdynamics/PolNeAR), replicated ')
        f.write(f'{replicas} times with new ids by benchmarks/polnear_corpus.py.",\n"entities": [\n')
        first = True

        def item(value, kind):
            nonlocal first
            f.write(("" if first else ",\n") + json.dumps(value, ensure_ascii=False))
            first = False
            counts[kind] += 1

        for code, name in PUBLISHERS.items():
            item({"id": code, "kind": "publication", "name": name}, "entities")
        shared = {}
        for _, entities, _ in converted:
            for entity in entities.values():
                if entity.get("shared"):
                    shared[entity["id"]] = {k: v for k, v in entity.items() if k != "shared"}
        for entity in shared.values():
            item(entity, "entities")
        suffix = lambda k: f"-r{k}"  # noqa: E731
        for k in range(replicas):
            for _, entities, _ in converted:
                for entity in entities.values():
                    if not entity.get("shared"):
                        item({**entity, "id": entity["id"] + suffix(k)}, "entities")
        f.write("\n],\n\"articles\": [\n")
        first = True
        for k in range(replicas):
            for article, _, _ in converted:
                item({**article, "id": article["id"] + suffix(k)}, "articles")
        f.write("\n],\n\"claims\": [\n")
        first = True
        for k in range(replicas):
            for _, entities, claims in converted:
                for claim in claims:
                    chain = [dict(link, source=link["source"] + ("" if link["source"] in PUBLISHERS
                                                                  or entities.get(link["source"], {}).get("shared")
                                                                  else suffix(k)))
                             for link in claim["chain"]]
                    item({**claim, "id": claim["id"] + suffix(k), "article": claim["article"] + suffix(k), "chain": chain}, "claims")
        f.write("\n]}\n")
    counts["bytes"] = os.path.getsize(out)
    print(f"{out}: {counts['articles']} articles, {counts['claims']} claims, {counts['entities']} entities, "
          f"{counts['bytes'] / 1e6:.1f} MB ({replicas} replicas of {len(converted)} PolNeAR articles)", file=sys.stderr)


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: polnear_corpus.py POLNEAR_DATA_DIR CLAIMS OUT.json")
    write(convert(sys.argv[1]), int(sys.argv[2]), sys.argv[3])


if __name__ == "__main__":
    main()
