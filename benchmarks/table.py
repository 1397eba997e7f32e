#!/usr/bin/env python3
"""Turns one run's JMH JSON and numpy JSON lines into the comparison table of BENCHMARKS.md.

Usage: table.py RESULTS_DIR  (reads jmh.json and numpy.jsonl there, writes table.md and
summary.json there, prints the table). Medians, mins and maxes are over the measured
iterations (JMH) or repetitions (numpy); ratios are of medians.
"""

import json
import os
import statistics
import sys

# Workload constants, the same as dev.unroll.benchmarks.Workload.
BATCH = {"W1": 300, "W2": 128, "W2n": 128, "W3": 1, "W4": 256}
WEIGHTS = {"W4": 1024 * 1024 * 2 + 1024 * 10}
FIGURE = {"W1": "steps/s", "W2": "samples/s", "W2n": "samples/s", "W3": "us/sample",
          "W4": "samples/s"}
# Goals of issue 3, as speedups of Unroll over the peer (for W3: peer time / Unroll time).
GOALS = {
    "W1": {"numpy": 10, "dl4j": 40},
    "W2": {"numpy": 1.25, "dl4j": 3},
    "W2n": {"numpy": 1.25, "dl4j": 2.5},
    "W3": {"numpy": 3, "dl4j": 20},
}
W4_SGEMM_GOAL = 0.9
PEERS = ("unroll-plain", "unroll-vector", "numpy", "dl4j", "plain")
CLASS_PEER = {"UnrollBench": "unroll", "UnrollInfer": "unroll", "PlainBench": "plain",
              "PlainInfer": "plain", "Dl4jBench": "dl4j", "Dl4jInfer": "dl4j"}


def stats(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "n": len(values)}


def jmh_figures(path):
    """{(peer, workload, metric): stats} and {(peer, workload): alloc stats} from JMH JSON."""
    figures, alloc = {}, {}
    if not os.path.exists(path):
        return figures, alloc
    with open(path) as f:
        entries = json.load(f)
    for e in entries:
        cls, method = e["benchmark"].split(".")[-2:]
        peer = CLASS_PEER.get(cls)
        if peer is None:
            continue
        if peer == "unroll":
            peer = "unroll-" + e.get("params", {}).get("backend", "plain")
        wid = "W3" if method == "w3" else e.get("params", {}).get("workload")
        raw = [v for fork in e["primaryMetric"]["rawData"] for v in fork]
        if wid == "W3":
            # AverageTime in us/op, one sample per op.
            figures[(peer, wid, "us/sample")] = stats(raw)
        else:
            figures[(peer, wid, "steps/s")] = stats(raw)
            if wid != "W1":
                figures[(peer, wid, "samples/s")] = stats([v * BATCH[wid] for v in raw])
            if wid in WEIGHTS:
                flop = 6 * BATCH[wid] * WEIGHTS[wid]
                figures[(peer, wid, "GFLOP/s")] = stats([v * flop / 1e9 for v in raw])
        norm = e.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        if norm:
            vals = [v for fork in norm["rawData"] for v in fork]
            alloc[(peer, wid)] = dict(stats(vals), mean=norm["score"])
    return figures, alloc


def numpy_figures(path):
    figures, info = {}, {}
    if not os.path.exists(path):
        return figures, info
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            r = json.loads(line)
            if "info" in r:
                info = r["info"]
                continue
            figures[("numpy", r["bench"], r["metric"])] = {
                "median": r["median"], "min": r["min"], "max": r["max"], "n": len(r["reps"])}
    return figures, info


def two_threads(out, one):
    """The W4 figures with 2 threads (jmh-2t.json, numpy-2t.jsonl), beside the 1-thread ones."""
    jf, _ = jmh_figures(os.path.join(out, "jmh-2t.json"))
    nf, _ = numpy_figures(os.path.join(out, "numpy-2t.jsonl"))
    jf.update(nf)
    if not jf:
        return None
    lines = ["W4 with 2 threads (Unroll: its own pool, `setThreads(2)`; numpy and DL4J: "
             "OpenBLAS/OpenMP with 2 threads, passive waiting), GFLOP/s:", "",
             "| peer | 1 thread | 2 threads | 2 threads / 1 thread |", "|---|---|---|---|"]
    goals = []
    for peer, name, wid in (("unroll-plain", "Unroll plain", "W4"),
                            ("unroll-vector", "Unroll vector", "W4"), ("numpy", "numpy", "W4"),
                            ("dl4j", "DL4J", "W4"), ("numpy", "sgemm (numpy)", "sgemm")):
        a = one.get((peer, wid, "GFLOP/s"))
        b = jf.get((peer, wid, "GFLOP/s"))
        if a is None and b is None:
            continue
        r = b["median"] / a["median"] if a and b else None
        goal = 1.7 if peer.startswith("unroll") else None
        lines.append(f"| {name} | {cell(a)} | {cell(b)} | {fmt_ratio(r, goal)} |")
        if goal and r is not None:
            goals.append({"workload": "W4", "peer": "2 threads " + peer, "speedup": r, "goal": goal,
                          "met": r >= goal})
    return {"lines": lines, "goals": goals}


def alloc_counts(path):
    """{(peer, workload): bytes per step} from AllocationCheck's JSON lines."""
    counts = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if line.startswith("{"):
                    r = json.loads(line)
                    counts[(r["peer"], r["bench"])] = r["bytes_per_step"]
    return counts


def fmt(x):
    if x is None:
        return "-"
    if x >= 1000:
        return f"{x:,.0f}"
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


def cell(s):
    if s is None:
        return "-"
    return f"{fmt(s['median'])} ({fmt(s['min'])}-{fmt(s['max'])})"


def best(a, b, lower_is_better):
    """The better of two figures by median (either may be missing)."""
    if a is None or b is None:
        return a or b
    if lower_is_better:
        return a if a["median"] <= b["median"] else b
    return a if a["median"] >= b["median"] else b


def speedup(unroll, peer, lower_is_better):
    if unroll is None or peer is None:
        return None
    if lower_is_better:
        return peer["median"] / unroll["median"]
    return unroll["median"] / peer["median"]


def fmt_ratio(r, goal=None):
    if r is None:
        return "-"
    text = f"{r:.2f}x"
    if goal is not None:
        text += " ✓" if r >= goal else f" ✗ (goal {goal:g}x)"
    return text


def alloc_cell(a):
    if a is None:
        return "-"
    return f"{a['median']:.0f}"


def main():
    out = sys.argv[1]
    figures, alloc = jmh_figures(os.path.join(out, "jmh.json"))
    npf, info = numpy_figures(os.path.join(out, "numpy.jsonl"))
    figures.update(npf)
    has_dl4j = any(k[0] == "dl4j" for k in figures)
    lines = []
    rows = [(w, FIGURE[w]) for w in ("W1", "W2", "W2n", "W3", "W4")] + [("W4", "GFLOP/s")]
    head = ["workload", "figure", "Unroll plain", "Unroll vector", "numpy", "DL4J",
            "plain Java", "Unroll/numpy", "Unroll/DL4J", "Unroll plain/DL4J", "Unroll/plain Java"]
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|" + "---|" * len(head))
    summary = {"figures": {}, "goals": []}
    for wid, metric in rows:
        got = {p: figures.get((p, wid, metric)) for p in PEERS}
        low = metric == "us/sample"
        got["unroll"] = best(got["unroll-plain"], got["unroll-vector"], low)
        goals = GOALS.get(wid, {}) if metric == FIGURE[wid] else {}
        r_np = speedup(got["unroll"], got["numpy"], low)
        r_dl = speedup(got["unroll"], got["dl4j"], low)
        r_pdl = speedup(got["unroll-plain"], got["dl4j"], low)
        r_pl = speedup(got["unroll"], got["plain"], low)
        plain_goal = 1 if wid in GOALS and metric == FIGURE[wid] else None
        lines.append("| " + " | ".join([
            wid, metric, cell(got["unroll-plain"]), cell(got["unroll-vector"]),
            cell(got["numpy"]), cell(got["dl4j"]) if has_dl4j else "(not run)",
            cell(got["plain"]),
            fmt_ratio(r_np, goals.get("numpy")),
            fmt_ratio(r_dl, goals.get("dl4j")) if has_dl4j else "-",
            fmt_ratio(r_pdl, plain_goal) if has_dl4j else "-",
            fmt_ratio(r_pl)]) + " |")
        summary["figures"][f"{wid} {metric}"] = got
        for peer, r in (("numpy", r_np), ("dl4j", r_dl)):
            if peer in goals and r is not None:
                summary["goals"].append({"workload": wid, "peer": peer, "speedup": r,
                                         "goal": goals[peer], "met": r >= goals[peer]})
        if plain_goal and r_pdl is not None:
            summary["goals"].append({"workload": wid, "peer": "dl4j (plain backend)",
                                     "speedup": r_pdl, "goal": 1, "met": r_pdl >= 1})
    lines.append("")
    lines.append("Ratios are speedups of medians: how many times faster Unroll is than the peer "
                 "(for W3, the peer's latency over Unroll's). \"Unroll\" in a ratio is the faster "
                 "of its two backends; \"Unroll plain/DL4J\" is the default backend alone. "
                 "✓/✗: goal of issue 3.")
    lines.append("")
    sg = figures.get(("numpy", "sgemm", "GFLOP/s"))
    if sg:
        shapes = ", ".join(f"{k}: {cell(figures[('numpy', k, 'GFLOP/s')])}"
                           for k in ("sgemm", "sgemm-tn", "sgemm-nt")
                           if ("numpy", k, "GFLOP/s") in figures)
        lines.append(f"Machine limit, numpy/OpenBLAS single-thread sgemm GFLOP/s on W4's shapes: "
                     f"{shapes}.")
        lines.append("")
        for peer, name in (("unroll-vector", "Unroll vector"), ("unroll-plain", "Unroll plain"),
                           ("dl4j", "DL4J"), ("numpy", "numpy"), ("plain", "plain Java")):
            g = figures.get((peer, "W4", "GFLOP/s"))
            if g is None:
                continue
            frac = g["median"] / sg["median"]
            mark = ""
            if peer.startswith("unroll"):
                mark = " ✓" if frac >= W4_SGEMM_GOAL else f" ✗ (goal {W4_SGEMM_GOAL:.0%})"
                summary["goals"].append({"workload": "W4", "peer": "sgemm " + peer,
                                         "fraction": frac, "goal": W4_SGEMM_GOAL,
                                         "met": frac >= W4_SGEMM_GOAL})
            lines.append(f"- W4 {name}: {fmt(g['median'])} GFLOP/s = {frac:.0%} of sgemm{mark}")
    direct = alloc_counts(os.path.join(out, "alloc.jsonl"))
    lines.append("")
    lines.append("Allocation per step, bytes: JMH gc.alloc.rate.norm (median of iterations, "
                 "mean in brackets; includes JMH's own few KB per iteration divided by the "
                 "iteration's ops) and, after the slash, counted directly by AllocationCheck "
                 "(thread allocated bytes over the measured steps after warm-up):")
    lines.append("")
    lines.append("| workload | Unroll plain | Unroll vector | plain Java | DL4J |")
    lines.append("|---|---|---|---|---|")
    for wid in ("W1", "W2", "W2n", "W3", "W4"):
        peers = ("unroll-plain", "unroll-vector", "plain", "dl4j")
        a = {p: alloc.get((p, wid)) for p in peers}
        cells = []
        for p in peers:
            text = f"{alloc_cell(a[p])} ({a[p]['mean']:.1f})" if a[p] else "-"
            if (p, wid) in direct:
                text += f" / {direct[(p, wid)]:.0f}"
            cells.append(text)
        lines.append("| " + " | ".join([wid] + cells) + " |")
        for p in ("unroll-plain", "unroll-vector"):
            if (p, wid) in direct:
                summary["goals"].append({"workload": wid, "peer": "allocation " + p,
                                         "bytes_per_step": direct[(p, wid)],
                                         "met": direct[(p, wid)] == 0})
    for p in ("unroll-plain", "unroll-vector"):
        for wid in ("W1", "W2", "W2n", "W3", "W4"):
            a = alloc.get((p, wid))
            jmh_mb = a["median"] / 1e6 if a else 0
            direct_mb = direct.get((p, wid), 0) / 1e6
            if jmh_mb > 1 or direct_mb > 1:
                where = (f"{jmh_mb:.0f} MB per step in its JMH fork" if jmh_mb > 1
                         else f"{direct_mb:.0f} MB per step in AllocationCheck's JVM")
                lines.append("")
                lines.append(f"Warning: {p} {wid} allocated {where}: in that JVM a kernel ran the "
                             "Vector API's boxed fallback instead of the intrinsics"
                             + (", so its speed figure is that of the fallback." if jmh_mb > 1
                                else " (its JMH fork did not)."))
    two = two_threads(out, figures)
    if two:
        lines.append("")
        lines.extend(two["lines"])
        summary["goals"].extend(two["goals"])
    if info:
        ob = info.get("openblas", {})
        lines.append("")
        lines.append(f"numpy {info.get('numpy')}, OpenBLAS core {ob.get('corename')}, "
                     f"threads {ob.get('threads')} ({ob.get('config', '').strip()}).")
    text = "\n".join(lines)
    print(text)
    with open(os.path.join(out, "table.md"), "w") as f:
        f.write(text + "\n")
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1, default=str)


if __name__ == "__main__":
    main()
