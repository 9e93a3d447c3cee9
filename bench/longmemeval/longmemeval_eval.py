#!/usr/bin/env python3
"""LongMemEval retrieval evaluation against a running hirag server, exactly as in
../shared/data/longmemeval-dev/README.md, side by side with the plain BM25 baseline that
README defines (computed here over the same items). Standard library only.

  HIRAG_RATE_LIMIT__REQUESTS_PER_WINDOW=100000000 \\
      build/hirag serve --port 18090 --data-dir "$(mktemp -d)" &
  python3 bench/longmemeval/longmemeval_eval.py --url http://127.0.0.1:18090 [--out PATH]

Prints session R@5, R@10, N@10 and turn R@10 per question type and overall, for hirag and
BM25, the same per fold (see fold_of), and hirag's misses as a share of BM25's (the bar).
--out writes every question's scores as JSON (longmemeval_cv.py reads them)."""
import argparse
import hashlib
import json
import lzma
import math
import re
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

DATA = "../shared/data/longmemeval-dev/longmemeval-dev.json.xz"
FOLDS = 5
BATCH = 500
TOP_K = 50
MAX_BYTES = 32000
METRICS = ("session_r5", "session_r10", "session_n10", "turn_r10")
# The LoCoMo stop list (../shared/data/locomo-dev/README.md), as the BM25 baseline uses it.
STOP = set("a an the and or of to in on for is are was were be been it i you he she they we my your his "
           "her their our me him them this that with at as by from do did does have has had not no so what "
           "when where who why how which".split())
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def post(url, body, headers=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def load(path=DATA):
    opener = lzma.open if path.endswith(".xz") else open
    with opener(path, "rt", encoding="utf-8") as file:
        return json.load(file)


def fold_of_all(questions):
    """Question id -> fold 0..4. Deterministic and stratified: within each question_type
    (in sorted order), questions sorted by the sha256 of their id are dealt round-robin,
    the count running on from one type to the next, so folds differ by at most one question
    overall and per type. (Not sha256 mod 5: every dev id is 0 mod 5.)"""
    by_type = defaultdict(list)
    for question in questions:
        by_type[question["question_type"]].append(question["question_id"])
    folds = {}
    dealt = 0
    for question_type in sorted(by_type):
        for qid in sorted(by_type[question_type], key=lambda q: hashlib.sha256(q.encode()).hexdigest()):
            folds[qid] = dealt % FOLDS
            dealt += 1
    return folds


def scrub(text):
    """README step 2: control characters other than tab/LF/CR become spaces; at most
    32,000 bytes, cut at a UTF-8 boundary."""
    text = CONTROL.sub(" ", text)
    raw = text.encode("utf-8")
    if len(raw) > MAX_BYTES:
        text = raw[:MAX_BYTES].decode("utf-8", errors="ignore")
    return text


def items_of(question):
    """Every non-blank turn of every haystack session, in session then turn order."""
    items = []
    for sid, date, session in zip(question["haystack_session_ids"], question["haystack_dates"],
                                  question["haystack_sessions"]):
        start = datetime.strptime(date, "%Y/%m/%d (%a) %H:%M")
        for j, turn in enumerate(session):
            if not turn["content"].strip():
                continue
            items.append({"text": scrub(turn["content"]), "level": "LongTerm",
                          "namespace": question["question_id"],
                          "created_at": (start + timedelta(minutes=j)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                          "metadata": {"sid": sid, "turn": j, "role": turn["role"]}})
    return items


def evidence_turns(question):
    return {(sid, j) for sid, session in zip(question["haystack_session_ids"], question["haystack_sessions"])
            for j, turn in enumerate(session) if turn.get("has_answer")}


def dcg(relevances):
    # Rank i (0-based) weighs 1 / log2(i + 2): this reproduces the README's reference figures
    # (N@10 0.911 for BM25; a DCG whose first two ranks both weigh 1 gives 0.908).
    return sum(relevance / math.log2(i + 2) for i, relevance in enumerate(relevances))


def score(question, ranked_turns):
    """ranked_turns: (sid, turn) of the contexts, best first. recall_all and ndcg_any."""
    sessions = []
    for sid, _ in ranked_turns:
        if sid not in sessions:
            sessions.append(sid)
    answers = set(question["answer_session_ids"])
    relevances = [1 if sid in answers else 0 for sid in sessions[:10]]
    in_corpus = sum(1 for sid in set(question["haystack_session_ids"]) if sid in answers)
    ideal = dcg([1] * min(in_corpus, 10))
    result = {"session_r5": float(answers <= set(sessions[:5])),
              "session_r10": float(answers <= set(sessions[:10])),
              "session_n10": dcg(relevances) / ideal if ideal else 0.0,
              "turn_r10": None}
    evidence = evidence_turns(question)
    if evidence:
        result["turn_r10"] = float(evidence <= set(ranked_turns[:10]))
    return result


def tokens(text):
    return [token for token in re.findall(r"[a-z0-9]+", text.lower()) if token not in STOP]


def bm25_ranking(items, query, k1=1.2, b=0.75, top_k=TOP_K):
    """README step 5: plain BM25 over the items of one question; ties keep item order."""
    documents = [Counter(tokens(item["text"])) for item in items]
    lengths = [sum(document.values()) for document in documents]
    average = sum(lengths) / len(lengths)
    frequency = Counter(term for document in documents for term in document)
    n = len(documents)
    query_terms = tokens(query)
    scores = []
    for document, length in zip(documents, lengths):
        total = 0.0
        for term in query_terms:
            tf = document.get(term, 0)
            if tf:
                idf = math.log(1 + (n - frequency[term] + 0.5) / (frequency[term] + 0.5))
                total += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / average))
        scores.append(total)
    order = sorted(range(n), key=lambda i: -scores[i])[:top_k]
    return [(items[i]["metadata"]["sid"], items[i]["metadata"]["turn"]) for i in order]


def ingest(url, headers, items):
    for start in range(0, len(items), BATCH):
        status, body = post(url + "/api/v1/contexts/batch", {"items": items[start:start + BATCH]}, headers)
        if status != 201:
            raise SystemExit(f"ingest answered {status}: {body}")


def search(url, headers, question):
    began = time.perf_counter()
    status, body = post(url + "/api/v1/contexts/search",
                        {"query": question["question"], "namespace": question["question_id"], "top_k": TOP_K},
                        headers)
    elapsed = time.perf_counter() - began
    if status != 200 or not isinstance(body.get("contexts"), list):
        raise SystemExit(f"search answered {status}: {body}")
    ranked = [(c["metadata"]["sid"], c["metadata"]["turn"]) for c in body["contexts"]]
    return ranked, elapsed


def evaluate(url, questions, headers=None, with_bm25=True):
    """Runs the protocol; returns {question_id: {type, fold, hirag: scores, bm25: scores}} for
    the scored questions, and the search latencies."""
    headers = headers or {}
    folds = fold_of_all(questions)
    scored = [q for q in questions if not q["question_id"].endswith("_abs")]
    items = {}
    for question in questions:
        items[question["question_id"]] = items_of(question)
        ingest(url, headers, items[question["question_id"]])
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda q: search(url, headers, q), scored))
    results = {}
    for question, (ranked, _) in zip(scored, answers):
        qid = question["question_id"]
        results[qid] = {"type": question["question_type"], "fold": folds[qid], "hirag": score(question, ranked)}
        if with_bm25:
            results[qid]["bm25"] = score(question, bm25_ranking(items[qid], question["question"]))
    return results, [elapsed for _, elapsed in answers]


def means(rows, system):
    """Mean of each metric over rows (turn R@10 over the rows that have evidence turns)."""
    out = {"n": len(rows)}
    for metric in METRICS:
        values = [row[system][metric] for row in rows if row[system][metric] is not None]
        out[metric] = sum(values) / len(values) if values else float("nan")
    return out


def table(results, systems=("bm25", "hirag"), key=lambda row: row["type"]):
    groups = defaultdict(list)
    for row in results.values():
        groups[key(row)].append(row)
    lines = ["| group | retriever | n | session R@5 | session R@10 | session N@10 | turn R@10 |",
             "|---|---|---|---|---|---|---|"]
    for name, rows in [("all", list(results.values()))] + sorted(groups.items()):
        for system in systems:
            if system not in rows[0]:
                continue
            m = means(rows, system)
            lines.append(f"| {name} | {system} | {m['n']} | " +
                         " | ".join(f"{m[metric]:.3f}" for metric in METRICS) + " |")
    return "\n".join(lines)


def miss_ratios(results):
    """hirag's misses as a share of BM25's (the README's bar: <= 0.75, 0.60, 0.75)."""
    rows = list(results.values())
    hirag, bm25 = means(rows, "hirag"), means(rows, "bm25")
    ratio = {}
    for metric in ("session_r5", "session_r10", "turn_r10"):
        ratio[metric] = (1 - hirag[metric]) / (1 - bm25[metric]) if bm25[metric] < 1 else float("nan")
    return ratio


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8081")
    parser.add_argument("--data", default=DATA)
    parser.add_argument("--key", default="", help="API key, if the server has keys")
    parser.add_argument("--out", default="", help="write every question's scores here (JSON)")
    args = parser.parse_args()
    headers = {"Authorization": f"Bearer {args.key}"} if args.key else {}
    began = time.time()
    results, latencies = evaluate(args.url, load(args.data), headers)
    print(table(results))
    print()
    print(table(results, key=lambda row: f"fold {row['fold']}"))
    ratio = miss_ratios(results)
    print("\nhirag misses / BM25 misses: " +
          ", ".join(f"{metric} {value:.2f}" for metric, value in ratio.items()) +
          " (bar: session_r5 0.75, session_r10 0.60, turn_r10 0.75)")
    latencies.sort()
    print(f"search latency over HTTP: p50 {1000 * latencies[len(latencies) // 2]:.2f} ms, "
          f"p99 {1000 * latencies[int(len(latencies) * 0.99)]:.2f} ms; whole run {time.time() - began:.0f} s")
    if args.out:
        with open(args.out, "w") as file:
            json.dump(results, file, indent=1)


if __name__ == "__main__":
    main()
