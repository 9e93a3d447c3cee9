#!/usr/bin/env python3
"""Cross-validation of hirag configurations on the LongMemEval dev questions (five folds,
longmemeval_eval.fold_of_all). Each configuration is one run of the README protocol on a fresh
server (build/hirag serve, fresh data dir, no keys, rate limit off) with its settings as
HIRAG_<SECTION>__<KEY> environment variables; then, for each fold, the configuration with the
best mean criterion on the other four folds is chosen and its figures on the held-out fold are
reported. The held-out figures of all five folds together are the cross-validated result.

  python3 bench/longmemeval/longmemeval_cv.py --binary build/hirag \\
      --config default \\
      --config b075:RETRIEVAL__BM25_B=0.75 \\
      --config b075-nonb:RETRIEVAL__BM25_B=0.75,RETRIEVAL__NEIGHBOUR_WEIGHT=0

A configuration is NAME[:KEY=VALUE,...]; KEY is the variable without its HIRAG_ prefix. The
environment of this script passes through (e.g. HIRAG_EMBEDDER__* for a remote embedding
model). --criterion is the metric mean chosen on (default: session R@5, session R@10 and turn
R@10 averaged). --save DIR keeps each configuration's per-question scores."""
import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import longmemeval_eval as lme  # noqa: E402

CRITERIA = {
    "bar": ("session_r5", "session_r10", "turn_r10"),
    "session_r5": ("session_r5",),
    "session_r10": ("session_r10",),
    "session_n10": ("session_n10",),
    "turn_r10": ("turn_r10",),
}


def parse_config(text):
    name, _, settings = text.partition(":")
    env = {}
    for setting in filter(None, settings.split(",")):
        key, _, value = setting.partition("=")
        env["HIRAG_" + key.strip().upper()] = value.strip()
    return name, env


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_ready(url, process, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/health/ready", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server was not ready within 30 s")


def run_config(binary, env, questions, with_bm25):
    """The protocol on a fresh server with `env` added; per-question scores (and BM25's)."""
    data_dir = tempfile.mkdtemp(prefix="hirag-lme-")
    port = free_port()
    server_env = {**os.environ, "HIRAG_RATE_LIMIT__REQUESTS_PER_WINDOW": "100000000", **env}
    process = subprocess.Popen([binary, "serve", "--host", "127.0.0.1", "--port", str(port), "--data-dir", data_dir],
                               env=server_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_ready(url, process)
        results, _ = lme.evaluate(url, questions, with_bm25=with_bm25)
        return results
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(data_dir, ignore_errors=True)


def criterion_of(rows, metrics):
    m = lme.means(rows, "hirag")
    return sum(m[metric] for metric in metrics) / len(metrics)


def cross_validate(runs, metrics):
    """runs: {name: results}. For each fold: the name chosen on the other folds, and the
    held-out rows of that choice (their union is the cross-validated result)."""
    chosen, held_out = {}, {}
    for fold in range(lme.FOLDS):
        def training_score(name):
            return criterion_of([row for row in runs[name].values() if row["fold"] != fold], metrics)
        best = max(runs, key=training_score)  # first of equals: the order the configs were given
        chosen[fold] = best
        held_out.update({qid: row for qid, row in runs[best].items() if row["fold"] == fold})
    return chosen, held_out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default="build/hirag")
    parser.add_argument("--data", default=lme.DATA)
    parser.add_argument("--config", action="append", default=[], help="NAME[:KEY=VALUE,...] (repeatable)")
    parser.add_argument("--criterion", default="bar", choices=sorted(CRITERIA))
    parser.add_argument("--save", default="", help="directory for each configuration's per-question scores")
    args = parser.parse_args()
    configs = [parse_config(text) for text in (args.config or ["default"])]
    questions = lme.load(args.data)
    runs = {}
    for name, env in configs:
        began = time.time()
        runs[name] = run_config(args.binary, env, questions, with_bm25=not runs)
        first = next(iter(runs.values()))
        for qid, row in runs[name].items():
            row["bm25"] = first[qid]["bm25"]  # the baseline does not depend on the server
        print(f"## {name} {' '.join(f'{k}={v}' for k, v in env.items())} ({time.time() - began:.0f} s), "
              "all dev questions (tuned-on figures)\n")
        print(lme.table(runs[name], key=lambda row: f"fold {row['fold']}"))
        print()
        if args.save:
            os.makedirs(args.save, exist_ok=True)
            with open(os.path.join(args.save, f"{name}.json"), "w") as file:
                json.dump(runs[name], file, indent=1)
    chosen, held_out = cross_validate(runs, CRITERIA[args.criterion])
    print(f"## cross-validated (criterion {args.criterion}): chosen per held-out fold: " +
          ", ".join(f"fold {fold} {name}" for fold, name in chosen.items()) + "\n")
    print(lme.table(held_out))
    ratio = lme.miss_ratios(held_out)
    print("\nhirag misses / BM25 misses, held out: " +
          ", ".join(f"{metric} {value:.2f}" for metric, value in ratio.items()) +
          " (bar: session_r5 0.75, session_r10 0.60, turn_r10 0.75)")


if __name__ == "__main__":
    main()
