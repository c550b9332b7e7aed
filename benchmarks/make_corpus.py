#!/usr/bin/env python3
"""Writes a synthetic, valid attributed dataset of a given size, for load-time and memory figures.

Usage: benchmarks/make_corpus.py ARTICLES CLAIMS_PER_ARTICLE OUT.json [--vocabulary WORDS] [--spread PUBLISHERS YEARS]

Each quote is "the plan N was approved": a vocabulary of a few hundred words. With --vocabulary, each quote is ten
words drawn from WORDS pseudo-words with P(rank) proportional to 1/rank, as words are in news text, so that a short
prefix begins thousands of them (what benchmarks/search_breadth.sh measures). With --spread, the articles are
published by PUBLISHERS papers in turn over YEARS years from 2016-01-01 (a day each, evenly spaced; every tenth in
French), the sources are 20,000 people, and one claim in four rests on anonymous sources relaying a person (three
links, paraphrased, probably true): what benchmarks/facets.sh filters, facets and counts over time. Same seed, same
corpus.
"""
import itertools
import json
import random
import sys

articles_count, per_article, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
options = sys.argv[4:]
vocabulary_size = int(options[options.index("--vocabulary") + 1]) if "--vocabulary" in options else 0
spread = (int(options[options.index("--spread") + 1]), int(options[options.index("--spread") + 2])) if "--spread" in options else None


def zipf_quotes(size):
    """Ten-word quotes over `size` pseudo-words (letters weighted roughly as in English), P(rank) ~ 1/rank."""
    rng = random.Random(1)
    letters = "etaoinshrdlcumwfgypbvkjxqz"
    words = set()
    while len(words) < size:
        words.add("".join(rng.choices(letters, weights=range(26, 0, -1), k=rng.randint(3, 10))))
    words = sorted(words)
    rng.shuffle(words)
    cumulative = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(size)))
    while True:
        yield " ".join(rng.choices(words, cum_weights=cumulative, k=10))


quotes = zipf_quotes(vocabulary_size) if vocabulary_size else None
entities = [
    {"id": "gazette", "kind": "publication", "name": "The Gazette", "descriptor": None, "aliases": [],
     "anonymity": "named", "anonymityReason": None, "affiliation": None, "roles": []},
    {"id": "sources", "kind": "anonymous", "name": None, "descriptor": "sources", "aliases": [],
     "anonymity": "anonymous", "anonymityReason": None, "affiliation": None, "roles": []},
]
people = 20000 if spread else 500
if spread:
    import datetime
    first_day = datetime.date(2016, 1, 1)
    days = (datetime.date(2016 + spread[1], 1, 1) - first_day).days
    for n in range(spread[0]):
        entities.append({"id": f"paper-{n}", "kind": "publication", "name": f"Paper {n}", "descriptor": None, "aliases": [],
                         "anonymity": "named", "anonymityReason": None, "affiliation": None, "roles": []})
for p in range(people):
    entities.append({"id": f"person-{p:04d}", "kind": "person", "name": f"Person {p}", "descriptor": "an official",
                     "aliases": [f"P{p}"], "anonymity": "named", "anonymityReason": None, "affiliation": None,
                     "roles": ["official"]})
articles, claims = [], []
sentence = "Person {p} told the paper that “the plan {n} was approved” in a statement. "
for a in range(articles_count):
    body = ""
    spans = []
    for c in range(per_article):
        p = (a * per_article + c) * (7919 if spread else 1) % people
        quote = next(quotes) if quotes else f"the plan {c} was approved"
        text = sentence.format(p=p, n=c) if not quotes else f"Person {p} told the paper that “{quote}” in a statement. "
        start = len(body) + text.index(quote)
        cue = len(body) + text.index("told")
        spans.append((p, start, start + len(quote), quote, cue))
        body += text
    article_id = f"a{a:06d}"
    publisher = f"paper-{a % spread[0]}" if spread else "gazette"
    published = (first_day + datetime.timedelta(days=a * days // articles_count)).isoformat() if spread else "2026-11-24"
    articles.append({"id": article_id, "headline": f"Plans approved {a}", "summary": ["Officials say plans were approved"],
                     "body": body, "publisher": publisher, "authors": [], "byline": None, "published": published,
                     "url": None, "language": "fr" if spread and a % 10 == 9 else "en"})
    for c, (p, start_offset, end, quote, cue) in enumerate(spans):
        claims.append({
            "id": f"{article_id}-c{c:03d}", "article": article_id,
            "span": {"field": "body", "start": start_offset, "end": end, "exact": quote,
                     "prefix": body[max(0, start_offset - 16):start_offset], "suffix": body[end:end + 16]},
            "text": f"Plan {c} was approved", "about": [f"person-{p:04d}"], "proposition": f"plan-{c}",
            "chain": [
                {"source": publisher, "cue": None, "mode": "narration", "attributionType": "assertion",
                 "factuality": "Uu", "recipient": None, "derivation": None},
                {"source": f"person-{p:04d}", "cue": {"text": "told", "start": cue, "end": cue + 4},
                 "mode": "direct_quote", "attributionType": "assertion", "factuality": "CT+", "recipient": publisher,
                 "derivation": "quotation"},
            ],
        })
        if spread and c % 4 == 3:
            # Anonymous sources between the paper and the person: second-hand, hedged.
            claims[-1]["chain"][1:1] = [{"source": "sources", "cue": None, "mode": "indirect_speech", "attributionType": "assertion",
                                         "factuality": "PR+", "recipient": None, "derivation": "paraphrase"}]
            claims[-1]["chain"][2]["recipient"] = None
with open(out, "w", encoding="utf-8") as f:
    json.dump({"format": "attributed-dataset/1", "notes": "synthetic benchmark corpus", "articles": articles,
               "entities": entities, "claims": claims}, f, ensure_ascii=False)
