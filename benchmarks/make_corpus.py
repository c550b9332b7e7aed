#!/usr/bin/env python3
"""Writes a synthetic, valid attributed dataset of a given size, for load-time and memory figures.

Usage: benchmarks/make_corpus.py ARTICLES CLAIMS_PER_ARTICLE OUT.json [--vocabulary WORDS]

Each quote is "the plan N was approved": a vocabulary of a few hundred words. With --vocabulary, each quote is ten
words drawn from WORDS pseudo-words with P(rank) proportional to 1/rank, as words are in news text, so that a short
prefix begins thousands of them (what benchmarks/search_breadth.sh measures). Same seed, same corpus.
"""
import itertools
import json
import random
import sys

articles_count, per_article, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
vocabulary_size = int(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "--vocabulary" else 0


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
people = 500
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
        p = (a * per_article + c) % people
        quote = next(quotes) if quotes else f"the plan {c} was approved"
        text = sentence.format(p=p, n=c) if not quotes else f"Person {p} told the paper that “{quote}” in a statement. "
        start = len(body) + text.index(quote)
        cue = len(body) + text.index("told")
        spans.append((p, start, start + len(quote), quote, cue))
        body += text
    article_id = f"a{a:06d}"
    articles.append({"id": article_id, "headline": f"Plans approved {a}", "summary": ["Officials say plans were approved"],
                     "body": body, "publisher": "gazette", "authors": [], "byline": None, "published": "2026-11-24",
                     "url": None, "language": "en"})
    for c, (p, start, end, quote, cue) in enumerate(spans):
        claims.append({
            "id": f"{article_id}-c{c:03d}", "article": article_id,
            "span": {"field": "body", "start": start, "end": end, "exact": quote,
                     "prefix": body[max(0, start - 16):start], "suffix": body[end:end + 16]},
            "text": f"Plan {c} was approved", "about": [f"person-{p:04d}"], "proposition": f"plan-{c}",
            "chain": [
                {"source": "gazette", "cue": None, "mode": "narration", "attributionType": "assertion",
                 "factuality": "Uu", "recipient": None, "derivation": None},
                {"source": f"person-{p:04d}", "cue": {"text": "told", "start": cue, "end": cue + 4},
                 "mode": "direct_quote", "attributionType": "assertion", "factuality": "CT+", "recipient": "gazette",
                 "derivation": "quotation"},
            ],
        })
with open(out, "w", encoding="utf-8") as f:
    json.dump({"format": "attributed-dataset/1", "notes": "synthetic benchmark corpus", "articles": articles,
               "entities": entities, "claims": claims}, f, ensure_ascii=False)
