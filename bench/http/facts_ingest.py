#!/usr/bin/env python3
"""bench/http/facts_ingest.py: loads synthetic facts into a running hirag through
POST /api/v1/facts/batch (batches of 1000, keep-alive) and prints the facts/s it
achieved. Subjects are "person<n>" for n < SUBJECTS, ten predicates, objects two
words from a 20,000-word vocabulary skewed as bench/http/ingest.py draws it;
every fact is distinct (the object carries its number), so none is a duplicate.

  python3 bench/http/facts_ingest.py --url http://127.0.0.1:PORT --key KEY --count 1000000"""
import argparse
import http.client
import json
import random
import time
import urllib.parse

VOCABULARY = 20000
SUBJECTS = 100000
PREDICATES = ["works_at", "lives_in", "likes", "owns", "knows", "speaks", "studied", "visited", "manages", "uses"]


def word(rng):
    r = rng.randint(1, VOCABULARY)
    index = r * r // VOCABULARY
    return f"w{index}x{(index * 7919) % 97}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    url = urllib.parse.urlparse(args.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {args.key}"}
    done = 0
    busy = 0.0  # time spent waiting for the server, not building the JSON
    while done < args.count:
        size = min(args.batch, args.count - done)
        facts = [{"subject": f"person{(done + i) % SUBJECTS}", "predicate": PREDICATES[(done + i) // SUBJECTS % 10],
                  "object": f"{word(rng)} {word(rng)} {done + i}", "namespace": "big"} for i in range(size)]
        body = json.dumps({"facts": facts}).encode()
        start = time.monotonic()
        connection.request("POST", "/api/v1/facts/batch", body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        busy += time.monotonic() - start
        if response.status != 201:
            raise SystemExit(f"batch answered {response.status}")
        done += size
    print(f"{done} {busy:.2f} {done / busy:.0f}")


if __name__ == "__main__":
    main()
