#!/usr/bin/env python3
"""bench/http/search_bodies.py: writes search request bodies for bench/loadgen,
one JSON object per line: namespace "big", top_k 10, a query of four words drawn
as the ingested texts draw theirs (bench/http/ingest.py) and as search.lua does.

  python3 bench/http/search_bodies.py --count 20000 > queries.jsonl"""
import argparse
import json
import random

from ingest import word


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for _ in range(args.count):
        query = " ".join(word(rng) for _ in range(4))
        print(json.dumps({"query": query, "namespace": "big", "top_k": 10}, separators=(",", ":")))


if __name__ == "__main__":
    main()
