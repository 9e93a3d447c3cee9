#!/usr/bin/env python3
"""bench/soak/soak.py: a long mixed load against the real server, sampled each minute.

Starts `hirag serve` on a free loopback port with a temporary data dir, then runs
CLIENTS threads for DURATION seconds, each picking at random: search (45 %), batch
ingest of 20 items, a quarter of them ShortTerm with a 60 s TTL so the sweeper has
work (15 %), a session turn (12 %), a context build of that session (10 %), a read
by id (8 %), a delete by id (6 %), a PATCH of metadata (4 %). Every SAMPLE seconds it
records the server's resident memory and open file descriptors (from /proc), the
latency p50/p99 and the request count of the interval, the errors (any answer that
is not the expected status, or a socket error), and the item count from /metrics.
The server keeps items for minutes only (TTLs below), so the stored data levels off
and a memory curve that keeps rising after that would be a leak, not data.

Writes OUT.csv (one row a sample) and OUT.svg (RSS, open files, p99 and errors
against time), and prints a summary: RSS at 1/3 of the run against the end, so a
plateau (or growth) reads off one line. It stops by itself; loopback only.

Usage: bench/soak/soak.py [--duration 1800] [--clients 6] [--sample 60]
                           [--binary build/hirag] [--out bench/soak/soak]
"""
import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

WORDS = ("deploy key rotate monday alice acme server memory search token budget window "
         "prompt session turn brief summary vector index sqlite postgres redis replica "
         "tenant namespace metric alert disk backup restore release build test bench").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.errors = 0
        self.requests = 0
        self.error_samples = []

    def record(self, seconds, ok, what):
        with self.lock:
            self.requests += 1
            self.latencies.append(seconds)
            if not ok:
                self.errors += 1
                if len(self.error_samples) < 5:
                    self.error_samples.append(what)

    def take(self):
        with self.lock:
            taken = (self.latencies, self.errors, self.requests, self.error_samples)
            self.latencies, self.errors, self.requests, self.error_samples = [], 0, 0, []
            return taken


class Client:
    def __init__(self, port, stats, seed):
        self.port = port
        self.stats = stats
        self.rng = random.Random(seed)
        self.conn = None
        self.ids = []
        self.session = f"soak-{seed}"

    def call(self, method, path, body=None, expect=(200,)):
        payload = None if body is None else json.dumps(body)
        headers = {"Content-Type": "application/json"} if body is not None else {}
        started = time.monotonic()
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            self.conn.request(method, path, payload, headers)
            response = self.conn.getresponse()
            data = response.read()
            ok = response.status in expect
            self.stats.record(time.monotonic() - started, ok, f"{method} {path} -> {response.status} {data[:200]!r}")
            return response.status, data
        except (OSError, http.client.HTTPException) as error:
            self.conn = None
            self.stats.record(time.monotonic() - started, False, f"{method} {path} -> {error!r}")
            return None, b""

    def step(self):
        roll = self.rng.random()
        if roll < 0.45:
            self.call("POST", "/api/v1/contexts/search",
                      {"query": sentence(self.rng, 4), "top_k": 10, "namespace": f"ns{self.rng.randrange(4)}"})
        elif roll < 0.60:
            items = [{"text": sentence(self.rng, 25), "namespace": f"ns{self.rng.randrange(4)}",
                      "level": "ShortTerm" if i % 4 == 0 else "LongTerm", "metadata": {"i": i}} for i in range(20)]
            status, data = self.call("POST", "/api/v1/contexts/batch", {"items": items}, expect=(201,))
            if status == 201:
                self.ids.extend(json.loads(data)["ids"])
                del self.ids[:-2000]
        elif roll < 0.72:
            self.call("POST", f"/api/v1/sessions/{self.session}/turns",
                      {"role": self.rng.choice(["user", "assistant"]), "content": sentence(self.rng, 30)},
                      expect=(201,))
        elif roll < 0.82:
            self.call("POST", "/api/v1/context/build", {"session_id": self.session, "max_tokens": 4000},
                      expect=(200, 404))
        elif roll < 0.90 and self.ids:
            # ShortTerm items may have been swept: 404 is an expected answer.
            self.call("GET", f"/api/v1/contexts/{self.rng.choice(self.ids)}", expect=(200, 404))
        elif roll < 0.96 and self.ids:
            self.call("DELETE", f"/api/v1/contexts/{self.ids.pop(self.rng.randrange(len(self.ids)))}",
                      expect=(200, 404))
        elif self.ids:
            self.call("PATCH", f"/api/v1/contexts/{self.rng.choice(self.ids)}",
                      {"metadata": {"touched": self.rng.randrange(1000)}}, expect=(200, 404))
        if self.rng.random() < 0.002:
            # A long session is started over now and then, as real ones end.
            self.call("DELETE", f"/api/v1/sessions/{self.session}", expect=(200, 404))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_sample(pid):
    with open(f"/proc/{pid}/status") as status:
        rss_kib = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return rss_kib / 1024.0, len(os.listdir(f"/proc/{pid}/fd"))


def metric(port, name):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/metrics")
    text = conn.getresponse().read().decode()
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name) and not line.startswith("#"):
            total += float(line.rsplit(" ", 1)[1])
    return total


def percentile(values, p):
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]


def write_svg(path, rows, duration):
    """Four small line charts, one per figure, against minutes."""
    series = [("RSS (MiB)", [r["rss_mib"] for r in rows]), ("open files", [r["open_fds"] for r in rows]),
              ("p99 (ms)", [r["p99_ms"] for r in rows]), ("errors", [r["errors"] for r in rows])]
    width, height, pad = 720, 150, 40
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height * 4}" font-family="sans-serif" '
           'font-size="11">']
    xs = [r["t_s"] / 60.0 for r in rows]
    x_max = max(duration / 60.0, max(xs, default=1))
    for k, (label, ys) in enumerate(series):
        top = k * height
        y_max = max(max(ys, default=1) * 1.1, 1e-9)
        px = lambda x: pad + (width - 2 * pad) * x / x_max
        py = lambda y: top + height - pad / 2 - (height - pad) * y / y_max
        points = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in zip(xs, ys))
        out.append(f'<text x="{pad}" y="{top + 14}">{label} (max {y_max / 1.1:.1f}) against minutes '
                   f'(0-{x_max:.0f})</text>')
        out.append(f'<line x1="{pad}" y1="{py(0):.1f}" x2="{width - pad}" y2="{py(0):.1f}" stroke="#999"/>')
        out.append(f'<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="{points}"/>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--duration", type=int, default=1800)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--binary", default=os.path.join(root, "build", "hirag"))
    parser.add_argument("--out", default=os.path.join(root, "bench", "soak", "soak"))
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="hirag-soak.")
    port = free_port()
    # Every item expires (ShortTerm after 60 s, LongTerm and promoted ones after 300 s), so the
    # data set levels off after a few minutes: RSS that still grows after that is a leak.
    env = dict(os.environ, HIRAG_RATE_LIMIT__ENABLED="false", HIRAG_MEMORY__SHORT_TERM_TTL_SECS="60",
               HIRAG_MEMORY__LONG_TERM_TTL_SECS="300",
               HIRAG_MEMORY__SWEEP_INTERVAL_SECS="15", HIRAG_LOGGING__ACCESS_LOG="false",
               HIRAG_MEMORY__SNAPSHOT_INTERVAL_SECS="300")
    with open(os.path.join(work, "server.log"), "w") as log:
        server = subprocess.Popen([args.binary, "serve", "--host", "127.0.0.1", "--port", str(port),
                                   "--data-dir", os.path.join(work, "data")], env=env, stdout=log, stderr=log)
    stop = threading.Event()
    try:
        for _ in range(300):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/health/ready")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        else:
            sys.exit("the server did not become ready; see " + work)

        stats = Stats()

        def run(seed):
            client = Client(port, stats, seed)
            while not stop.is_set():
                client.step()

        threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(args.clients)]
        for thread in threads:
            thread.start()
        rows = []
        started = time.monotonic()
        while time.monotonic() - started < args.duration:
            time.sleep(args.sample)
            latencies, errors, requests, samples = stats.take()
            rss, fds = proc_sample(server.pid)
            row = {"t_s": round(time.monotonic() - started), "rss_mib": round(rss, 1), "open_fds": fds,
                   "requests": requests, "p50_ms": round(1000 * percentile(latencies, 0.5), 2),
                   "p99_ms": round(1000 * percentile(latencies, 0.99), 2), "errors": errors,
                   "items": int(metric(port, "memory_items{"))}
            rows.append(row)
            print(json.dumps(row), flush=True)
            for sample in samples:
                print("  error:", sample, flush=True)
        stop.set()
        for thread in threads:
            thread.join(timeout=35)
        with open(args.out + ".csv", "w") as f:
            f.write(",".join(rows[0].keys()) + "\n")
            for row in rows:
                f.write(",".join(str(v) for v in row.values()) + "\n")
        write_svg(args.out + ".svg", rows, args.duration)
        third = rows[len(rows) // 3]
        print(f"summary: {len(rows)} samples over {args.duration} s, {sum(r['requests'] for r in rows)} requests, "
              f"{sum(r['errors'] for r in rows)} errors; RSS {third['rss_mib']} MiB at {third['t_s']} s, "
              f"{rows[-1]['rss_mib']} MiB at the end (max {max(r['rss_mib'] for r in rows)}); open files "
              f"{min(r['open_fds'] for r in rows)}-{max(r['open_fds'] for r in rows)}; p99 median "
              f"{statistics.median(r['p99_ms'] for r in rows)} ms; items at the end {rows[-1]['items']}")
    finally:
        stop.set()
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
