#!/usr/bin/env python3
"""bench/http/ingest.py: loads synthetic items into a running hirag through
POST /api/v1/contexts/batch (batches of 1000, one connection per batch) and
prints the items/s it achieved. Texts are 20 words from a 20,000-word vocabulary
in which low word numbers are far more frequent (as bench/memory and
bench/http/search.lua draw them).

  python3 bench/http/ingest.py --url http://127.0.0.1:PORT --key KEY --count 100000"""
import argparse
import json
import random
import time
import urllib.request

VOCABULARY = 20000


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
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {args.key}"}
    done = 0
    start = time.monotonic()
    while done < args.count:
        size = min(args.batch, args.count - done)
        items = [{"text": " ".join(word(rng) for _ in range(20)), "namespace": "big", "level": "LongTerm"}
                 for _ in range(size)]
        request = urllib.request.Request(f"{args.url}/api/v1/contexts/batch", method="POST", headers=headers,
                                         data=json.dumps({"items": items}).encode())
        with urllib.request.urlopen(request, timeout=120) as response:
            if response.status != 201:
                raise SystemExit(f"batch answered {response.status}")
        done += size
    elapsed = time.monotonic() - start
    print(f"{done} {elapsed:.2f} {done / elapsed:.0f}")


if __name__ == "__main__":
    main()
