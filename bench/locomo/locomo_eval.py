#!/usr/bin/env python3
"""LoCoMo retrieval evaluation against a running hirag server, exactly as in
../shared/data/locomo-dev/README.md. Standard library only.

  build/hirag serve --port 18090 --data-dir "$(mktemp -d)" &   # with HIRAG_RATE_LIMIT__REQUESTS_PER_WINDOW=100000000
  python3 bench/locomo/locomo_eval.py --url http://127.0.0.1:18090 [--json PATH]

Prints mean Recall@5/10/25/50 overall and per category (1-4)."""
import argparse
import calendar
import json
import time
import urllib.error
import urllib.request
from collections import defaultdict
from datetime import datetime

KS = (5, 10, 25, 50)


def post(url, body, headers):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def session_time(text):
    # "1:56 pm on 8 May, 2023" -> datetime (UTC)
    return datetime.strptime(text.strip(), "%I:%M %p on %d %B, %Y")


def rfc3339(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def turns_of(conversation):
    dialogue = conversation["conversation"]
    session = 1
    while f"session_{session}" in dialogue:
        start = session_time(dialogue[f"session_{session}_date_time"])
        for j, turn in enumerate(dialogue[f"session_{session}"]):
            text = f"{turn['speaker']}: {turn['text']}"
            if turn.get("blip_caption"):
                text += f" [image: {turn['blip_caption']}]"
            created = datetime.utcfromtimestamp(calendar.timegm(start.timetuple()) + 60 * j)
            yield {"text": text, "level": "LongTerm", "namespace": conversation["sample_id"],
                   "created_at": rfc3339(created),
                   "metadata": {"dia_id": turn["dia_id"], "session": session, "speaker": turn["speaker"]}}
        session += 1


def ingest(base, headers, items):
    status, _ = post(base + "/api/v1/contexts/batch", {"items": items}, headers)
    if status in (404, 405):
        for item in items:
            status, body = post(base + "/api/v1/contexts", item, headers)
            assert status == 201, body
    else:
        assert status == 201, status


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8081")
    parser.add_argument("--json", default="../shared/data/locomo-dev/locomo-dev.json")
    parser.add_argument("--key", default="", help="API key, if the server has keys")
    args = parser.parse_args()
    headers = {"Authorization": f"Bearer {args.key}"} if args.key else {}
    data = json.load(open(args.json))
    sums = defaultdict(lambda: [0.0] * len(KS))
    counts = defaultdict(int)
    latencies = []
    for conversation in data:
        items = list(turns_of(conversation))
        for start in range(0, len(items), 500):
            ingest(args.url, headers, items[start:start + 500])
        existing = {item["metadata"]["dia_id"] for item in items}
        for qa in conversation["qa"]:
            if qa["category"] not in (1, 2, 3, 4):
                continue
            evidence = [e for e in qa["evidence"] if e in existing]
            if not evidence:
                continue
            began = time.perf_counter()
            status, body = post(args.url + "/api/v1/contexts/search",
                                {"query": qa["question"], "namespace": conversation["sample_id"], "top_k": 50},
                                headers)
            latencies.append(time.perf_counter() - began)
            assert status == 200, body
            ranked = [c["metadata"].get("dia_id") for c in body["contexts"]]
            for key in ("all", qa["category"]):
                counts[key] += 1
                for i, k in enumerate(KS):
                    top = set(ranked[:k])
                    sums[key][i] += sum(1 for e in evidence if e in top) / len(evidence)
    print("| category | n | R@5 | R@10 | R@25 | R@50 |")
    print("|---|---|---|---|---|---|")
    for key in ["all", 1, 2, 3, 4]:
        if counts[key]:
            cells = " | ".join(f"{100 * s / counts[key]:.1f}" for s in sums[key])
            print(f"| {key} | {counts[key]} | {cells} |")
    latencies.sort()
    print(f"search latency over HTTP: p50 {1000 * latencies[len(latencies) // 2]:.2f} ms, "
          f"p99 {1000 * latencies[int(len(latencies) * 0.99)]:.2f} ms")


if __name__ == "__main__":
    main()
