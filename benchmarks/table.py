#!/usr/bin/env python3
"""Turns one run's results into the comparison tables of BENCHMARKS.md.

Usage: table.py RESULTS_DIR. Reads what run.sh wrote there (jmh.json, alloc.jsonl, numpy.jsonl,
torch.jsonl, streamprobe.txt, the 2-thread and neighbour passes), writes table.md and
summary.json there, prints the tables. Medians, mins and maxes are over the measured iterations
(JMH) or repetitions (Python peers); ratios are of medians. A figure that is missing (a peer not
run, a workload Unroll has no benchmark for yet) prints as n/a.
"""

import json
import os
import re
import statistics
import sys

from flops import COUNTED, GFLOP_ROWS, count_kind, flop_per_sample

BATCH = {"W1": 300, "W2": 128, "W2n": 128, "W3": 1, "W4": 256, "W5": 64, "W6": 64, "W7": 1}
FIGURE = {"W1": "steps/s", "W2": "samples/s", "W2n": "samples/s", "W3": "us/sample",
          "W4": "samples/s", "W5": "samples/s", "W6": "samples/s", "W7": "us/sample"}
WORKLOADS = list(FIGURE)
LATENCY = ("W3", "W7")
# Goals as speedups of Unroll over the peer (latency: peer time / Unroll time). numpy and DL4J
# from issue 3 (W3's numpy goal retired by issue 14: its bound is below it), PyTorch from issue
# 14, the convolutional workloads from issue 13.
GOALS = {
    "W1": {"numpy": 10, "dl4j": 40, "torch": 15},
    "W2": {"numpy": 1.25, "dl4j": 3, "torch": 2.2},
    "W2n": {"numpy": 1.25, "dl4j": 2.5, "torch": 2.2},
    "W3": {"dl4j": 20, "torch": 4},
    "W4": {"torch": 2},
    "W5": {"numpy": 5, "dl4j": 5, "torch": 5},
    "W6": {"dl4j": 3, "torch": 2.5},
    "W7": {"torch": 8},
}
# Share of the one-thread sgemm rate by the arithmetic actually done (issues 14 and 13).
SGEMM_GOALS = {"W2n": 0.9, "W4": 0.9, "W5": 0.4, "W6": 0.5}
W3_BOUND_GOAL = 1.1  # W3 within 1.1x of streaming its weights once (issue 14)
TWO_THREAD_GOAL = 1.7  # issue 3 (W4), issue 13 (W6)
NEIGHBOUR_GOAL = 1.3  # issue 14: 2 threads beside a busy core, over one thread without it
W3_WEIGHT_BYTES = 4 * (784 * 256 + 256 * 128 + 128 * 10)  # W2n's weights, float32
W3_PROBE_KB = 940  # StreamProbe's working set closest to those 0.94 MB

PEERS = ("unroll-plain", "unroll-vector", "numpy", "numpy-best", "torch", "torch-compile",
         "dl4j", "plain")
NAMES = {"unroll-plain": "Unroll plain", "unroll-vector": "Unroll vector", "numpy": "numpy",
         "numpy-best": "numpy best", "torch": "PyTorch", "torch-compile": "torch.compile",
         "dl4j": "DL4J", "plain": "plain Java", "unroll": "Unroll"}
CLASS_PEER = {"UnrollBench": "unroll", "UnrollInfer": "unroll", "PlainBench": "plain",
              "PlainInfer": "plain", "Dl4jBench": "dl4j", "Dl4jInfer": "dl4j",
              "Dl4jConvInfer": "dl4j"}
NA = "n/a"


def stats(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "n": len(values)}


def scaled(s, factor):
    return None if s is None else {k: (v * factor if k != "n" else v) for k, v in s.items()}


def add_rates(figures, peer, wid, steps):
    """steps/s, samples/s and GFLOP/s (by the peer's own count) from steps/s statistics."""
    figures[(peer, wid, "steps/s")] = steps
    figures[(peer, wid, "samples/s")] = scaled(steps, BATCH[wid])
    per_sample = flop_per_sample(wid, count_kind(peer))
    if per_sample:
        figures[(peer, wid, "GFLOP/s")] = scaled(steps, BATCH[wid] * per_sample / 1e9)


def jmh_figures(path):
    """{(peer, workload, metric): stats} and {(peer, workload): alloc stats} from JMH JSON,
    with {(peer, workload, threads): ...} keys too when a benchmark has a threads parameter."""
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
        params = e.get("params", {})
        if peer == "unroll":
            peer = "unroll-" + params.get("backend", "plain")
        wid = params.get("workload") or method.upper()
        if wid not in FIGURE:
            continue
        raw = [v for fork in e["primaryMetric"]["rawData"] for v in fork]
        key_peer = peer if int(params.get("threads", 1)) == 1 else f"{peer}@{params['threads']}t"
        if e.get("mode") == "avgt":
            unit = e["primaryMetric"].get("scoreUnit", "us/op")
            factor = {"us/op": 1, "ms/op": 1e3, "ns/op": 1e-3, "s/op": 1e6}.get(unit, 1)
            figures[(key_peer, wid, "us/sample")] = stats([v * factor for v in raw])
        else:
            add_rates(figures, key_peer, wid, stats(raw))
        norm = e.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        if norm:
            vals = [v for fork in norm["rawData"] for v in fork]
            alloc[(key_peer, wid)] = dict(stats(vals), mean=norm["score"])
    return figures, alloc


def python_figures(path):
    """Figures and the info line from a Python peer's JSON lines (numpy, PyTorch)."""
    figures, info, errors = {}, {}, []
    if not os.path.exists(path):
        return figures, info, errors
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            r = json.loads(line)
            if "info" in r:
                info = r["info"]
            elif "error" in r:
                errors.append(f"{r['peer']} {r['bench']}: {r['error']}")
            elif r["metric"] == "steps/s":
                add_rates(figures, r["peer"], r["bench"],
                          {"median": r["median"], "min": r["min"], "max": r["max"],
                           "n": len(r["reps"])})
            elif r["metric"] != "samples/s":
                figures[(r["peer"], r["bench"], r["metric"])] = {
                    "median": r["median"], "min": r["min"], "max": r["max"], "n": len(r["reps"])}
    return figures, info, errors


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


def stream_probe(path):
    """StreamProbe's best over its rounds (a disturbed or not yet compiled round only reads
    slower): {KB: GB/s} and {"784x256": us, ...}."""
    rates, products = {}, {}
    if not os.path.exists(path):
        return rates, products
    with open(path) as f:
        for line in f:
            m = re.match(r"\s*stream\s+(\d+) KB:\s+([\d.]+) GB/s", line)
            if m:
                kb, rate = int(m.group(1)), float(m.group(2))
                rates[kb] = max(rate, rates.get(kb, 0))
            m = re.match(r"\s*W3 product (\d+) x (\d+) at batch 1:\s+([\d.]+) us", line)
            if m:
                key, us = f"{m.group(1)}x{m.group(2)}", float(m.group(3))
                products[key] = min(us, products.get(key, us))
    return rates, products


def load_range(path):
    """'min-max' of the 1-minute load averages a run.sh sampler wrote, or ''."""
    if not os.path.exists(path):
        return ""
    with open(path) as f:
        vals = [float(line.split()[3]) for line in f if len(line.split()) > 3]
    return f"{min(vals):.2f}-{max(vals):.2f}" if vals else ""


def fmt(x):
    if x is None:
        return NA
    if x >= 1000:
        return f"{x:,.0f}"
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


def cell(s):
    if s is None:
        return NA
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


def mark(r, goal, at_most=False):
    """' ✓' or ' ✗ (goal ...)' for a ratio against a goal (at_most: smaller is better)."""
    if r is None or goal is None:
        return ""
    ok = r <= goal if at_most else r >= goal
    return " ✓" if ok else f" ✗ (goal {'<=' if at_most else '>='} {goal:g}x)"


def fmt_ratio(r, goal=None, at_most=False):
    if r is None:
        return NA
    return f"{r:.2f}x{mark(r, goal, at_most)}"


class Report:
    """The tables of one run, and the goals with their verdicts."""

    def __init__(self, out):
        self.out = out
        self.lines = []
        self.goals = []
        self.figures, self.alloc = jmh_figures(os.path.join(out, "jmh.json"))
        self.infos, self.errors = {}, []
        for name in ("numpy", "torch"):
            f, info, errors = python_figures(os.path.join(out, f"{name}.jsonl"))
            self.figures.update(f)
            self.infos[name] = info
            self.errors += errors

    def fig(self, peer, wid, metric):
        if peer == "unroll":
            low = metric == "us/sample"
            return best(self.fig("unroll-plain", wid, metric),
                        self.fig("unroll-vector", wid, metric), low)
        return self.figures.get((peer, wid, metric))

    def faster(self, wid, metric, figures=None, suffix=""):
        """(name, figure) of Unroll's faster backend on a workload, or (None, None)."""
        figures = self.figures if figures is None else figures
        low = metric == "us/sample"
        found = [(p, figures.get((p + suffix, wid, metric))) for p in ("unroll-plain",
                                                                     "unroll-vector")]
        found = [(p, f) for p, f in found if f is not None]
        if not found:
            return None, None
        p, f = found[0]
        for q, g in found[1:]:
            if best(f, g, low) is g:
                p, f = q, g
        return p, f

    def goal(self, what, measured, met):
        self.goals.append({"goal": what, "measured": measured, "met": met})

    def emit(self, *lines):
        self.lines.extend(lines)

    def figures_table(self):
        self.emit("Figures (median, min-max over the measured iterations or repetitions):", "",
                  "| workload | figure | " + " | ".join(NAMES[p] for p in PEERS) + " |",
                  "|---|---|" + "---|" * len(PEERS))
        for wid in WORKLOADS:
            metric = FIGURE[wid]
            self.emit(f"| {wid} | {metric} | "
                      + " | ".join(cell(self.fig(p, wid, metric)) for p in PEERS) + " |")

    def ratios_table(self):
        cols = ("numpy", "numpy-best", "torch", "torch-compile", "dl4j", "plain")
        self.emit("", "Speedups of Unroll (the faster of its two backends) over each peer, "
                  "ratios of medians (latency: the peer's over Unroll's); \"plain backend / "
                  "DL4J\" is the default backend alone. ✓/✗: the goals of issues 3, 13 and 14.",
                  "", "| workload | " + " | ".join(f"vs {NAMES[c]}" for c in cols)
                  + " | plain backend / DL4J |", "|---|" + "---|" * (len(cols) + 1))
        for wid in WORKLOADS:
            metric = FIGURE[wid]
            low = wid in LATENCY
            u = self.fig("unroll", wid, metric)
            row = []
            for c in cols:
                r = speedup(u, self.fig(c, wid, metric), low)
                g = GOALS.get(wid, {}).get(c)
                row.append(fmt_ratio(r, g))
                if g is not None:
                    what = (f"{wid} latency <= 1/{g:g} of {NAMES[c]}'s" if low
                            else f"{wid} >= {g:g}x {NAMES[c]}")
                    self.goal(what, NA if r is None else (f"1/{r:.2f}" if low else f"{r:.2f}x"),
                              None if r is None else r >= g)
            rp = speedup(self.fig("unroll-plain", wid, metric), self.fig("dl4j", wid, metric),
                         low)
            plain_goal = 1 if wid in ("W1", "W2", "W2n", "W3") else None
            row.append(fmt_ratio(rp, plain_goal))
            if plain_goal:
                self.goal(f"{wid} plain backend beats DL4J", NA if rp is None else f"{rp:.2f}x",
                          None if rp is None else rp >= 1)
            self.emit(f"| {wid} | " + " | ".join(row) + " |")

    def sgemm(self):
        return self.figures.get(("numpy", "sgemm", "GFLOP/s"))

    def gflops_table(self):
        sg = self.sgemm()
        self.emit("", "GFLOP/s by the arithmetic each peer actually performs (2 per multiply-add "
                  "of the products: forward, weight gradients, and the input gradients it "
                  "computes; batch norm, activations and pooling not counted), and in brackets "
                  "the share of one-thread sgemm measured in the same run"
                  + (f" ({fmt(sg['median'])} GFLOP/s)" if sg else " (not measured)") + ":", "")
        self.emit("| peer | counts | " + " | ".join(GFLOP_ROWS) + " |",
                  "|---|---|" + "---|" * len(GFLOP_ROWS))
        for p in PEERS:
            cells = []
            for wid in GFLOP_ROWS:
                g = self.fig(p, wid, "GFLOP/s")
                if g is None:
                    cells.append(NA)
                    continue
                text = fmt(g["median"])
                if sg:
                    share = g["median"] / sg["median"]
                    text += f" ({share:.0%})"
                    if p.startswith("unroll") and wid in SGEMM_GOALS:
                        ok = share >= SGEMM_GOALS[wid]
                        text += " ✓" if ok else " ✗"
                cells.append(text)
            self.emit(f"| {NAMES[p]} | {COUNTED[count_kind(p)]} | " + " | ".join(cells) + " |")
        for wid, g in SGEMM_GOALS.items():
            p, u = self.faster(wid, "GFLOP/s")
            share = u["median"] / sg["median"] if u and sg else None
            self.goal(f"{wid} Unroll >= {g:.0%} of sgemm (arithmetic done)",
                      NA if share is None else f"{share:.0%} ({NAMES[p]})",
                      None if share is None else share >= g)
        per = ", ".join(f"{wid} {flop_per_sample(wid, 'done') / 1e6:.3f} / "
                        f"{flop_per_sample(wid, 'full') / 1e6:.3f}" for wid in GFLOP_ROWS)
        self.emit("", f"MFLOP per training sample without / with the first layer's input "
                  f"gradient: {per}. Goals (Unroll's share of sgemm): "
                  + ", ".join(f"{w} {g:.0%}" for w, g in SGEMM_GOALS.items()) + ".")
        if sg:
            shapes = ", ".join(f"{k}: {cell(self.figures[('numpy', k, 'GFLOP/s')])}"
                               for k in ("sgemm", "sgemm-tn", "sgemm-nt")
                               if ("numpy", k, "GFLOP/s") in self.figures)
            self.emit("", f"sgemm (numpy/OpenBLAS, one thread, W4's shapes), GFLOP/s: {shapes}.")

    def w3_bound(self):
        rates, products = stream_probe(os.path.join(self.out, "streamprobe.txt"))
        self.emit("", "W3 against its bound: batch 1 reads every weight once per sample, "
                  f"{W3_WEIGHT_BYTES / 1e6:.3f} MB of float32 weights; the bound is that many bytes "
                  "at the rate one core streams a working set of that size (StreamProbe, same "
                  "run, best of its three rounds).", "")
        rate = rates.get(W3_PROBE_KB)
        p, u = self.faster("W3", "us/sample")
        if rate is None:
            self.emit("StreamProbe not run: no bound.")
            self.goal(f"W3 <= {W3_BOUND_GOAL}x its bound", NA, None)
            return
        bound = W3_WEIGHT_BYTES / (rate * 1e3)
        r = u["median"] / bound if u else None
        kernels = sum(products.values()) if products else None
        self.emit("| stream rate at 940 KB | bound | W3 products alone (productFlat) | "
                  "Unroll W3 (faster backend) | W3 / bound |", "|---|---|---|---|---|",
                  f"| {rate:.1f} GB/s | {bound:.2f} µs | {fmt(kernels)} µs | {cell(u)} µs"
                  f"{'' if p is None else ' (' + NAMES[p] + ')'} | "
                  f"{fmt_ratio(r, W3_BOUND_GOAL, at_most=True)} |")
        if rates:
            self.emit("", "Stream rates by working set: " + ", ".join(
                f"{kb} KB {gb:.0f} GB/s" for kb, gb in sorted(rates.items())) + ".")
        self.goal(f"W3 <= {W3_BOUND_GOAL}x its bound",
                  NA if r is None else f"{r:.2f}x ({NAMES[p]})",
                  None if r is None else r <= W3_BOUND_GOAL)

    def alloc_table(self):
        direct = alloc_counts(os.path.join(self.out, "alloc.jsonl"))
        self.emit("", "Allocation per step, bytes: JMH gc.alloc.rate.norm (median of iterations, "
                  "mean in brackets; includes JMH's own few KB per iteration divided by the "
                  "iteration's ops) and, after the slash, counted directly by AllocationCheck "
                  "(thread allocated bytes over the measured steps after warm-up):", "",
                  "| workload | Unroll plain | Unroll vector | plain Java | DL4J |",
                  "|---|---|---|---|---|")
        peers = ("unroll-plain", "unroll-vector", "plain", "dl4j")
        for wid in WORKLOADS:
            cells = []
            for p in peers:
                a = self.alloc.get((p, wid))
                text = f"{a['median']:.0f} ({a['mean']:.1f})" if a else NA
                if (p, wid) in direct:
                    text += f" / {direct[(p, wid)]:.0f}"
                cells.append(text)
            self.emit(f"| {wid} | " + " | ".join(cells) + " |")
        for p in ("unroll-plain", "unroll-vector"):
            for wid in WORKLOADS:
                if (p, wid) in direct:
                    self.goal(f"{wid} {NAMES[p]} allocates 0 B per step",
                              f"{direct[(p, wid)]:.0f} B", direct[(p, wid)] == 0)
                a = self.alloc.get((p, wid))
                jmh_mb = a["median"] / 1e6 if a else 0
                direct_mb = direct.get((p, wid), 0) / 1e6
                if jmh_mb > 1 or direct_mb > 1:
                    where = (f"{jmh_mb:.0f} MB per step in its JMH fork" if jmh_mb > 1
                             else f"{direct_mb:.0f} MB per step in AllocationCheck's JVM")
                    self.emit("", f"Warning: {p} {wid} allocated {where}: in that JVM a kernel "
                              "ran the Vector API's boxed fallback instead of the intrinsics"
                              + (", so its speed figure is that of the fallback." if jmh_mb > 1
                                 else " (its JMH fork did not)."))

    def two_threads(self):
        jf, _ = jmh_figures(os.path.join(self.out, "jmh-2t.json"))
        jf.update(jmh_figures(os.path.join(self.out, "jmh-2t-dl4j.json"))[0])
        for name in ("numpy", "torch"):
            f, _, _ = python_figures(os.path.join(self.out, f"{name}-2t.jsonl"))
            jf.update(f)
        if not jf:
            return
        load = load_range(os.path.join(self.out, "two-threads.load"))
        self.emit("", "Two threads (Unroll: its own pool, `setThreads(2)`; numpy and DL4J: "
                  "OpenBLAS/OpenMP with 2 threads, passive waiting; PyTorch: "
                  "`torch.set_num_threads(2)`), GFLOP/s (sgemm) or samples/s; load average "
                  f"during the 2-thread pass {load or NA} (sampled every 5 s):", "",
                  "| workload | peer | 1 thread | 2 threads | 2 threads / 1 thread |",
                  "|---|---|---|---|---|")
        for wid in ("W4", "W6", "sgemm"):
            metric = "GFLOP/s" if wid == "sgemm" else "samples/s"
            for p in ("unroll-plain", "unroll-vector", "numpy", "numpy-best", "torch", "dl4j"):
                a = self.figures.get((p, wid, metric))
                b = jf.get((f"{p}@2t" if p.startswith("unroll") else p, wid, metric))
                if b is None:
                    continue
                r = b["median"] / a["median"] if a else None
                goal = TWO_THREAD_GOAL if p.startswith("unroll") and wid != "sgemm" else None
                self.emit(f"| {wid} | {NAMES[p]} | {cell(a)} | {cell(b)} | "
                          f"{fmt_ratio(r, goal)} |")
            # the verdict: the backend that is faster on two threads, over itself on one
            p, b = self.faster(wid, "samples/s", jf, "@2t")
            if p is not None and wid != "sgemm":
                a = self.figures.get((p, wid, "samples/s"))
                r = b["median"] / a["median"] if a else None
                self.goal(f"{wid} Unroll, 2 threads >= {TWO_THREAD_GOAL}x one",
                          NA if r is None else f"{r:.2f}x ({NAMES[p]})",
                          None if r is None else r >= TWO_THREAD_GOAL)

    def neighbour(self):
        found = False
        for kind, text in (("free", "a busy-loop process the scheduler places freely"),
                           ("pinned", "a busy-loop process pinned to CPU 1")):
            jf, _ = jmh_figures(os.path.join(self.out, f"jmh-neighbour-{kind}.json"))
            if not jf:
                continue
            if not found:
                self.emit("", "W4 beside a deliberate one-core neighbour (run.sh --neighbour), "
                          "samples/s; \"quiet\" is the one-thread figure of the main pass of the "
                          "same run:", "",
                          "| neighbour | backend | 1 thread, quiet | 1 thread, neighbour | "
                          "2 threads, neighbour | 2t neighbour / 1t quiet | "
                          "2t neighbour / 1t neighbour | load during |",
                          "|---|---|---|---|---|---|---|---|")
                found = True
            load = load_range(os.path.join(self.out, f"neighbour-{kind}.load"))
            for p in ("unroll-plain", "unroll-vector"):
                quiet = self.figures.get((p, "W4", "samples/s"))
                one = jf.get((p, "W4", "samples/s"))
                two = jf.get((f"{p}@2t", "W4", "samples/s"))
                r_quiet = speedup(two, quiet, False)
                r_one = speedup(two, one, False)
                self.emit(f"| {text} | {NAMES[p]} | {cell(quiet)} | {cell(one)} | {cell(two)} | "
                          f"{fmt_ratio(r_quiet, NEIGHBOUR_GOAL)} | {fmt_ratio(r_one, 1)} | "
                          f"{load} |")
                if p == "unroll-vector":
                    self.goal(f"W4 Unroll vector, 2 threads beside a {kind} neighbour >= "
                              f"{NEIGHBOUR_GOAL}x one thread (quiet)",
                              NA if r_quiet is None else f"{r_quiet:.2f}x",
                              None if r_quiet is None else r_quiet >= NEIGHBOUR_GOAL)
                self.goal(f"W4 {NAMES[p]}, 2 threads beside a {kind} neighbour never slower "
                          "than 1 thread beside it", NA if r_one is None else f"{r_one:.2f}x",
                          None if r_one is None else r_one >= 1)

    def goals_table(self):
        self.emit("", "Goals:", "", "| goal | measured | met |", "|---|---|---|")
        for g in self.goals:
            met = NA if g["met"] is None else ("yes" if g["met"] else "**no**")
            self.emit(f"| {g['goal']} | {g['measured']} | {met} |")

    def versions(self):
        info = self.infos.get("numpy") or {}
        if info:
            ob = info.get("openblas", {})
            self.emit("", f"numpy {info.get('numpy')}, OpenBLAS core {ob.get('corename')}, "
                      f"threads {ob.get('threads')} ({ob.get('config', '').strip()}).")
        info = self.infos.get("torch") or {}
        if info:
            self.emit("", f"PyTorch {info.get('torch')}, {info.get('threads')} thread(s), CPU "
                      f"capability {info.get('cpu_capability')}, NNPACK "
                      f"{'on' if info.get('nnpack') else 'off'}.")
        for e in self.errors:
            self.emit("", f"Failed: {e}")

    def write(self):
        self.figures_table()
        self.ratios_table()
        self.gflops_table()
        self.w3_bound()
        self.alloc_table()
        self.two_threads()
        self.neighbour()
        self.versions()
        self.goals_table()
        text = "\n".join(self.lines)
        print(text)
        with open(os.path.join(self.out, "table.md"), "w") as f:
            f.write(text + "\n")
        with open(os.path.join(self.out, "summary.json"), "w") as f:
            json.dump({"figures": {f"{p} {w} {m}": s for (p, w, m), s in self.figures.items()},
                       "goals": self.goals}, f, indent=1, default=str)


if __name__ == "__main__":
    Report(sys.argv[1]).write()
