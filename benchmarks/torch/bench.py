#!/usr/bin/env python3
"""PyTorch peer for the Unroll benchmarks: the shared workloads written as a PyTorch user writes
them, ``nn.Sequential`` of ``nn.Linear``/``nn.Conv2d``, ``nn.BatchNorm1d``/``nn.BatchNorm2d``,
``nn.MaxPool2d``, ``F.cross_entropy`` and ``torch.optim.SGD`` (lr 0.01), float32 on the CPU.

Eager mode ("torch") for W1-W7 and, with ``--compile``, ``torch.compile(model)``
("torch-compile") for W1-W4, the first call (the compilation) inside the warm-up. Threads:
``torch.set_num_threads(--threads)``, 1 unless said. NNPACK is off: it cannot start on these
CPUs and warns on every convolution. One JSON line per figure on stdout, as the numpy peer.

The autograd graph starts at the first layer's weights (the inputs need no gradient), so
PyTorch, like Unroll, never computes the first layer's input gradient.
"""

import argparse
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import peer  # noqa: E402


def dense_model(wid):
    inputs, hidden, acts, bn, classes, _, _ = peer.DENSE[wid]
    layers, fan_in = [], inputs
    for units, act in zip(hidden, acts):
        layers.append(nn.Linear(fan_in, units))
        if bn:
            layers.append(nn.BatchNorm1d(units))
        layers.append(nn.ReLU() if act == "relu" else nn.ELU())
        fan_in = units
    layers.append(nn.Linear(fan_in, classes))
    model = nn.Sequential(*layers)
    for m in model:
        if isinstance(m, nn.Linear):
            # the workloads' inits: W1 N(0, 0.01), W2/W2n Xavier; W4 keeps PyTorch's default
            if wid == "W1":
                nn.init.normal_(m.weight, 0, 0.01)
            elif wid != "W4":
                nn.init.xavier_normal_(m.weight)
    return model


def conv_model(wid):
    (c, h, w), spec, _, _ = peer.CONV[wid]
    layers = []
    flat = None
    for layer in spec:
        if layer[0] == "conv":
            layers += [nn.Conv2d(c, layer[1], 3, padding=1), nn.BatchNorm2d(layer[1]), nn.ReLU()]
            c = layer[1]
        elif layer[0] == "pool":
            layers.append(nn.MaxPool2d(2))
            h, w = h // 2, w // 2
        else:
            if flat is None:
                layers.append(nn.Flatten())
                flat = c * h * w
            layers.append(nn.Linear(flat, layer[1]))
            if layer[2]:
                layers.append(nn.ReLU())
            flat = layer[1]
    return nn.Sequential(*layers)


def bench_workload(wid, compiled, reps, seconds, warmup):
    name = "torch-compile" if compiled else "torch"
    torch.manual_seed(42)
    model = dense_model(wid) if wid in peer.DENSE else conv_model(wid)
    xs, ys = peer.data(wid, np.random.default_rng(42))
    xs = [torch.from_numpy(x) for x in xs]
    ys = [torch.from_numpy(y) for y in ys]
    run = torch.compile(model) if compiled else model
    extra = {}
    if peer.training(wid):
        model.train()
        opt = torch.optim.SGD(model.parameters(), lr=peer.LR)
        last = {}

        def step(i):
            opt.zero_grad(set_to_none=True)
            loss = F.cross_entropy(run(xs[i % peer.BATCHES]), ys[i % peer.BATCHES])
            loss.backward()
            opt.step()
            last["loss"] = loss.detach()
        t0 = time.perf_counter()
        step(0)
        extra["first_call_s"] = time.perf_counter() - t0
        per_step, k = peer.timed(step, reps, seconds, warmup)
        if not torch.isfinite(last["loss"]):
            raise SystemExit(f"{name} {wid}: loss became {float(last['loss'])}")
        peer.emit_training(name, wid, per_step, k, extra)
    else:
        model.eval()

        def infer(i):
            with torch.inference_mode():
                return int(run(xs[i % peer.BATCHES]).argmax(1)[0])
        t0 = time.perf_counter()
        infer(0)
        extra["first_call_s"] = time.perf_counter() - t0
        per_call, k = peer.timed(infer, reps, seconds, warmup)
        peer.emit_latency(name, wid, per_call, k, extra)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="short smoke run")
    ap.add_argument("--reps", type=int, default=None)
    ap.add_argument("--seconds", type=float, default=None, help="length of one repetition")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--only", nargs="*", default=None, help="workloads to run")
    ap.add_argument("--compile", action="store_true",
                    help="also torch.compile on W1-W4 (each compiles for about a minute)")
    args = ap.parse_args()
    reps, seconds, warmup = peer.schedule(args.quick, args.reps, args.seconds)
    torch.set_num_threads(args.threads)
    torch.backends.nnpack.set_flags(False)
    nnpack_on = torch.backends.nnpack.set_flags(False)[0]  # returns the flag it replaces
    peer.emit({"peer": "torch", "info": {
        "torch": torch.__version__, "threads": torch.get_num_threads(),
        "nnpack": nnpack_on, "mkldnn": torch.backends.mkldnn.is_available(),
        "cpu_capability": torch.backends.cpu.get_cpu_capability(), "reps": reps,
        "seconds_per_rep": seconds}})
    todo = args.only or peer.ALL
    for wid in todo:
        bench_workload(wid, False, reps, seconds, warmup)
    if args.compile:
        for wid in todo:
            if wid in peer.DENSE:
                try:
                    bench_workload(wid, True, reps, seconds, warmup)
                except Exception as e:  # noqa: BLE001 - a failed compile is a result to report
                    peer.emit({"peer": "torch-compile", "bench": wid, "error": repr(e)[:300]})


if __name__ == "__main__":
    main()
