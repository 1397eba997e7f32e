#!/usr/bin/env python3
"""Summarizes first-seconds.sh's JSON lines into the table issue 14 asks for.

Usage: first_seconds.py RUNS.jsonl [JMH.json]

Per workload and backend, over the fresh JVMs: how many reach 0 B per step after the settle
time (and the worst), the steady steps/s against the JMH median of the same workload and
backend (JMH.json: a run.sh results folder's jmh.json; the JVMs within 15% count those at 85%
of it or more: a user's run faster than JMH loses nothing), the time from the first step to
90% of the steady speed (goal: at most 1 s), and the seconds in which a vector JVM did fewer
steps than the plain JVMs did in the same second since their first step (the median over the
plain JVMs of that workload; goal: none). Also writes every JVM's figures to RUNS-per-jvm.md.
"""

import json
import os
import statistics
import sys

JMH_GOAL = 0.85  # within 15% of the JMH median
SPEED_GOAL = 1.0  # seconds from the first step to 90% of the steady speed


def per_second(r):
    """Steps in each whole second since the first step (the 100 ms windows summed by ten)."""
    s = r["steps"]
    return [sum(s[i:i + 10]) for i in range(0, len(s) - 9, 10)]


def spread(xs, fmt):
    xs = [x for x in xs if x == x]  # NaN: no time to speed in the run
    if not xs:
        return "-"
    return f"{fmt(statistics.median(xs))} [{fmt(min(xs))}, {fmt(max(xs))}]"


def jmh_medians(path):
    """{(workload, backend): steps/s} of the one-thread Unroll benchmarks of a JMH JSON."""
    out = {}
    if not path or not os.path.exists(path):
        return out
    with open(path) as f:
        for e in json.load(f):
            out["jdk"] = e.get("jdkVersion", "?")
            cls = e["benchmark"].split(".")[-2]
            params = e.get("params", {})
            if cls not in ("UnrollBench", "UnrollInfer") or int(params.get("threads", 1)) != 1:
                continue
            raw = [v for fork in e["primaryMetric"]["rawData"] for v in fork]
            m = statistics.median(raw)
            if e.get("mode") == "avgt":  # us per op -> ops per second
                unit = e["primaryMetric"].get("scoreUnit", "us/op")
                us = m * {"us/op": 1, "ms/op": 1e3, "ns/op": 1e-3}.get(unit, 1)
                m = 1e6 / us
            wid = params.get("workload") or e["benchmark"].split(".")[-1].upper()
            out[(wid, params.get("backend", "plain"))] = m
    return out


def main():
    runs_path = sys.argv[1]
    jmh_path = sys.argv[2] if len(sys.argv) > 2 else None
    rows = [json.loads(line) for line in open(runs_path) if line.startswith("{")]
    if not rows:
        sys.exit(f"no runs in {runs_path}")
    jmh = jmh_medians(jmh_path)
    settle = rows[0]["settle_s"]
    print(f"\njava {rows[0]['java']}; per workload and backend, over the fresh JVMs: median "
          f"[min, max]; bytes per step counted from {settle:g} s after the first step to the end"
          + (f"; JMH medians (JDK {jmh.pop('jdk')}) from {jmh_path}" if jmh
             else "; no JMH run given (n/a)") + ".\n")
    print("| workload | backend | JVMs | JVMs at 0 B/step | worst B/step | steps/s (last half) "
          "| JMH median | JVMs within 15% of JMH | time to 90% (s) | JVMs at 90% within 1 s "
          "| seconds vector < plain (JVMs) | load |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    detail = ["| workload | backend | run | B/step after settle | steps/s | / JMH | time to 90% "
              "(s) | steps in each second | load |", "|---|---|---|---|---|---|---|---|---|"]
    for w in dict.fromkeys(r["bench"] for r in rows):
        by = {b: [r for r in rows if r["bench"] == w and r["backend"] == b]
              for b in ("vector", "plain")}
        plain_seconds = [per_second(r) for r in by["plain"]]
        reference = [statistics.median(col) for col in zip(*plain_seconds)]
        for b, rs in by.items():
            if not rs:
                continue
            ref = jmh.get((w, b))
            counted = [r["bytes_per_step_after"] for r in rs
                       if r["bytes_per_step_after"] == r["bytes_per_step_after"]]  # not NaN
            zero = f"{sum(1 for b in counted if b == 0)} of {len(rs)}" if counted else "n/a"
            worst = f"{max(counted):,.1f}" if counted else "n/a (no step after settle)"
            near = sum(1 for r in rs if ref and r["steady_per_s"] >= JMH_GOAL * ref)
            fast = sum(1 for r in rs if r["time_to_90_s"] <= SPEED_GOAL)
            slower = "" if b == "plain" else "n/a (no plain JVM)"
            if b == "vector" and reference:
                counts = [sum(1 for a, p in zip(per_second(r), reference) if a < p) for r in rs]
                total = sum(min(len(per_second(r)), len(reference)) for r in rs)
                slower = f"{sum(counts)} of {total} ({sum(1 for c in counts if c)} JVMs)"
            print(f"| {w} | {b} | {len(rs)} | {zero} | {worst} | "
                  f"{spread([r['steady_per_s'] for r in rs], lambda x: f'{x:,.0f}')} | "
                  f"{'n/a' if ref is None else f'{ref:,.0f}'} | "
                  f"{'n/a' if ref is None else f'{near} of {len(rs)}'} | "
                  f"{spread([r['time_to_90_s'] for r in rs], lambda x: f'{x:.2f}')} | "
                  f"{fast} of {len(rs)} | {slower} | "
                  f"{spread([r['load'] for r in rs], lambda x: f'{x:.1f}')} |")
            for r in rs:
                ratio = f"{r['steady_per_s'] / ref:.2f}" if ref else "n/a"
                detail.append(
                    f"| {w} | {b} | {r['run']} | {r['bytes_per_step_after']:,.1f} | "
                    f"{r['steady_per_s']:,.0f} | {ratio} | {r['time_to_90_s']:.2f} | "
                    f"{', '.join(str(s) for s in per_second(r))} | {r['load']:.2f} |")
    print(f"\nGoals (issue 14): every vector JVM at 0 B/step, at {JMH_GOAL:.0%} of the JMH median or "
          f"more (JDK 17), at 90% of its steady speed within {SPEED_GOAL:g} s, and no second in "
          "which it did fewer steps than the plain JVMs.")
    out = os.path.splitext(runs_path)[0] + "-per-jvm.md"
    with open(out, "w") as f:
        f.write("\n".join(detail) + "\n")
    print(f"every JVM: {out}")


if __name__ == "__main__":
    main()
