#!/usr/bin/env python3
"""numpy peer for the Unroll benchmarks: the CS231n-style computation of the shared workloads.

Dense workloads (W1-W4) with the assignment's fully connected net (dense.py), convolutional ones
(W5-W7) with its fast layers, im2col and pooling by reshape (conv.py); float32, plain SGD, lr
0.01. Each training workload runs twice: "numpy" as the course writes it (its backward always
computes the first layer's input gradient) and "numpy-best", which skips that gradient, as
Unroll, PyTorch and a careful numpy user do. Each is warmed up, then timed for several
repetitions; every result is one JSON line on stdout, so run.sh can put it beside the JMH
figures. Threads are set by the caller (OPENBLAS_NUM_THREADS=1 for the single-thread figures).
"""

import argparse
import ctypes
import glob
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import peer  # noqa: E402
from conv import ConvNet  # noqa: E402
from dense import Net  # noqa: E402

LR = np.float32(peer.LR)
VARIANTS = {"course": ("numpy", True), "best": ("numpy-best", False)}


def network(wid, rng, first_dx):
    if wid in peer.DENSE:
        inputs, hidden, acts, bn, classes, _, _ = peer.DENSE[wid]
        return Net(inputs, hidden, acts, bn, classes, rng, 0.01 if wid == "W1" else None,
                   first_dx=first_dx)
    shape, layers, _, _ = peer.CONV[wid]
    return ConvNet(shape, layers, rng, first_dx=first_dx)


def bench_workload(wid, variants, reps, seconds, warmup):
    if not peer.training(wid):
        variants = variants[:1]  # inference computes no gradient: one figure
    for variant in variants:
        name, first_dx = VARIANTS[variant]
        rng = np.random.default_rng(42)
        net = network(wid, rng, first_dx)
        xs, ys = peer.data(wid, rng)
        if peer.training(wid):
            losses = []

            def step(i):
                losses.append(net.train_step(xs[i % peer.BATCHES], ys[i % peer.BATCHES], LR))
            per_step, k = peer.timed(step, reps, seconds, warmup)
            if not np.isfinite(losses[-1]):
                raise SystemExit(f"{wid}: loss became {losses[-1]}")
            peer.emit_training(name, wid, per_step, k)
        else:
            def infer(i):
                net.predict_one(xs[i % peer.BATCHES])
            per_call, k = peer.timed(infer, reps, seconds, warmup)
            peer.emit_latency(name, wid, per_call, k)


def bench_sgemm(reps, seconds, warmup):
    """Single-precision matrix products of W4's shapes: the compute limit of the machine."""
    rng = np.random.default_rng(1)
    shapes = {
        # forward: X (256 x 1024) @ W (1024 x 1024)
        "sgemm": ((256, 1024), (1024, 1024), False, False),
        # weight gradient: X^T (1024 x 256) @ dZ (256 x 1024)
        "sgemm-tn": ((256, 1024), (256, 1024), True, False),
        # input gradient: dZ (256 x 1024) @ W^T (1024 x 1024)
        "sgemm-nt": ((256, 1024), (1024, 1024), False, True),
    }
    for name, (sa, sb, ta, tb) in shapes.items():
        a = rng.standard_normal(sa).astype(np.float32)
        b = rng.standard_normal(sb).astype(np.float32)
        aa = a.T if ta else a
        bb = b.T if tb else b
        out = np.empty((aa.shape[0], bb.shape[1]), np.float32)
        flop = 2 * aa.shape[0] * aa.shape[1] * bb.shape[1]

        def mm(i):
            np.matmul(aa, bb, out=out)
        per_call, k = peer.timed(mm, reps, seconds, warmup)
        peer.emit({"peer": "numpy", "bench": name, "metric": "GFLOP/s", "calls_per_rep": k,
                   "shape": f"{aa.shape[0]}x{aa.shape[1]} @ {bb.shape[0]}x{bb.shape[1]}",
                   **peer.summary([flop / t / 1e9 for t in per_call])})


def openblas_info():
    """OpenBLAS's build and detected core, read from the library numpy loaded."""
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs",
                                  "*openblas*"))
    for path in libs:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        info = {}
        for key, names in (("corename", ("scipy_openblas_get_corename64_",
                                         "openblas_get_corename64_", "openblas_get_corename")),
                           ("config", ("scipy_openblas_get_config64_",
                                       "openblas_get_config64_", "openblas_get_config")),
                           ("threads", ("scipy_openblas_get_num_threads64_",
                                        "openblas_get_num_threads64_",
                                        "openblas_get_num_threads"))):
            for n in names:
                f = getattr(lib, n, None)
                if f is not None:
                    if key == "threads":
                        f.restype = ctypes.c_int
                        info[key] = f()
                    else:
                        f.restype = ctypes.c_char_p
                        info[key] = f().decode()
                    break
        if info:
            return info
    return {"corename": "unknown"}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="short smoke run")
    ap.add_argument("--reps", type=int, default=None)
    ap.add_argument("--seconds", type=float, default=None, help="length of one repetition")
    ap.add_argument("--only", nargs="*", default=None, help="workloads/sgemm to run")
    ap.add_argument("--variants", default="course,best",
                    help="course (first layer's input gradient computed), best, or both")
    args = ap.parse_args()
    reps, seconds, warmup = peer.schedule(args.quick, args.reps, args.seconds)
    variants = args.variants.split(",")
    peer.emit({"peer": "numpy", "info": {
        "numpy": np.__version__, "python": sys.version.split()[0],
        "openblas": openblas_info(), "reps": reps, "seconds_per_rep": seconds,
        "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS"),
        "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE")}})
    for wid in args.only or (peer.ALL + ["sgemm"]):
        if wid == "sgemm":
            bench_sgemm(reps, seconds, warmup)
        else:
            bench_workload(wid, variants, reps, seconds, warmup)


if __name__ == "__main__":
    main()
