#!/usr/bin/env python3
"""bench/http/stalls.py: finds when in a loadgen run the slow answers came, and
what else ran on the machine then.

  stalls.py watch PID SECONDS OUT      records when process/thread PID ran (its
                                       /proc/PID/schedstat, polled every ms), e.g.
                                       a kernel thread, beside a loadgen run
  stalls.py episodes TIMELINE [--threshold MS] [--bursts OUT]
                                       lists the episodes of answers slower than
                                       MS (3) in a loadgen --timeline file, and,
                                       with --bursts, the recorded bursts of PID's
                                       CPU time over 1 ms in the same window

Episodes are runs of slow answers due less than 20 ms apart."""
import argparse
import time

GAP_MS = 20.0


def watch(pid, seconds, out_path):
    def runtime_ns():
        with open(f"/proc/{pid}/schedstat") as stat:
            return int(stat.read().split()[0])

    end = time.monotonic() + seconds
    last = runtime_ns()
    with open(out_path, "w") as out:
        while time.monotonic() < end:
            time.sleep(0.001)
            now = runtime_ns()
            if now != last:
                out.write(f"{time.monotonic_ns()} {now - last}\n")
                last = now


def clusters(points):
    """Groups (ms, value) points less than GAP_MS apart: [start, end, max, count, sum]."""
    groups = []
    for ms, value in sorted(points):
        if groups and ms - groups[-1][1] < GAP_MS:
            group = groups[-1]
            group[1], group[2], group[3], group[4] = ms, max(group[2], value), group[3] + 1, group[4] + value
        else:
            groups.append([ms, ms, value, 1, value])
    return groups


def episodes(timeline_path, threshold_ms, bursts_path):
    with open(timeline_path) as timeline:
        window_start_ns = int(timeline.readline().split("=")[1])
        answers = [tuple(map(float, line.split())) for line in timeline]
    slow = [(due, latency) for due, latency in answers if latency > threshold_ms]
    found = clusters(slow)
    print(f"{len(found)} episodes; {len(slow)} of {len(answers)} answers over {threshold_ms} ms")
    for start, end, worst, count, _ in found:
        print(f"  at {start / 1000:8.3f} s  for {end - start:6.1f} ms  worst {worst:6.1f} ms  answers {count}")
    if bursts_path:
        with open(bursts_path) as bursts:
            samples = [((int(t) - window_start_ns) / 1e6, int(ns) / 1e6) for t, ns in (line.split() for line in bursts)]
        span = answers[-1][0] if answers else 0
        print("bursts of the watched process (CPU over 1 ms):")
        for start, end, _, _, cpu in clusters(samples):
            if cpu > 1 and 0 <= start <= span:
                print(f"  at {start / 1000:8.3f} s  for {end - start:6.1f} ms  cpu {cpu:5.1f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    watching = commands.add_parser("watch")
    watching.add_argument("pid")
    watching.add_argument("seconds", type=float)
    watching.add_argument("out")
    listing = commands.add_parser("episodes")
    listing.add_argument("timeline")
    listing.add_argument("--threshold", type=float, default=3.0)
    listing.add_argument("--bursts")
    args = parser.parse_args()
    if args.command == "watch":
        watch(args.pid, args.seconds, args.out)
    else:
        episodes(args.timeline, args.threshold, args.bursts)


if __name__ == "__main__":
    main()
