#!/usr/bin/env python3
"""Splits one attributed dataset file into a directory of files that load to the same dataset.

The first file holds the entities (and the notes); the articles are cut into contiguous runs spread over the other
files, each run together with its own claims. Every file is a complete `attributed-dataset/1` object holding only
the arrays it has, named so that name order (the loader's order) is the original order.

Usage: benchmarks/split_corpus.py IN.json OUTDIR FILES
"""
import json
import os
import sys

FORMAT = "attributed-dataset/1"


def write(path, document):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-1])
    source, outdir, files = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if files < 2:
        sys.exit("FILES must be at least 2: one for the entities, one or more for the articles and claims")
    os.makedirs(outdir, exist_ok=True)
    # Stale files from an earlier split would be merged too and repeat every id.
    if any(name.endswith(".json") for name in os.listdir(outdir)):
        sys.exit(f"{outdir} already holds .json files")

    with open(source, encoding="utf-8") as f:
        dataset = json.load(f)
    if dataset.get("format") != FORMAT:
        sys.exit(f"{source}: format is not {FORMAT}")

    articles = dataset.get("articles", [])
    claims_by_article = {}
    for claim in dataset.get("claims", []):
        claims_by_article.setdefault(claim.get("article"), []).append(claim)

    first = {"format": FORMAT, "entities": dataset.get("entities", [])}
    if "notes" in dataset:
        first["notes"] = dataset["notes"]
    width = len(str(files - 1))
    write(os.path.join(outdir, f"{0:0{width}d}-entities.json"), first)

    parts = files - 1
    known = set()
    for part in range(parts):
        # Contiguous runs of nearly equal length, so the files are about the same size.
        chunk = articles[len(articles) * part // parts:len(articles) * (part + 1) // parts]
        claims = []
        for article in chunk:
            known.add(article.get("id"))
            claims.extend(claims_by_article.get(article.get("id"), []))
        if part == parts - 1:
            # Claims whose article is missing still go somewhere, so validating the split reports them as the
            # single file would.
            for article_id, orphans in claims_by_article.items():
                if article_id not in known:
                    claims.extend(orphans)
        write(os.path.join(outdir, f"{part + 1:0{width}d}-articles.json"),
              {"format": FORMAT, "articles": chunk, "claims": claims})


if __name__ == "__main__":
    main()
