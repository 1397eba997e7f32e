#!/usr/bin/env python3
"""numpy peer for the Unroll benchmarks: the CS231n-style computation of the shared workloads.

Float32 throughout: affine layers as ``X @ W + b``, backward written by hand as in the course's
layers.py (affine, ReLU, batch norm with the simplified backward, softmax loss), plain SGD with
lr 0.01. Each workload is warmed up, then timed for several repetitions; every result is one JSON
line on stdout, so run.sh can put it beside the JMH figures. Threads are set by the caller
(OPENBLAS_NUM_THREADS=1 for the single-thread figures).
"""

import argparse
import ctypes
import glob
import json
import os
import statistics
import sys
import time

import numpy as np

LR = np.float32(0.01)
EPS = np.float32(1e-5)
MOMENTUM = np.float32(0.9)
BATCHES = 4  # batches cycled through, as the Java benchmarks do

# id: inputs, hidden sizes, activations, batch norm, classes, batch, training
WORKLOADS = {
    "W1": (2, [100], ["relu"], False, 3, 300, True),
    "W2": (784, [256, 128], ["elu", "relu"], True, 10, 128, True),
    "W2n": (784, [256, 128], ["elu", "relu"], False, 10, 128, True),
    "W3": (784, [256, 128], ["elu", "relu"], False, 10, 1, False),
    "W4": (1024, [1024, 1024], ["relu", "relu"], False, 10, 256, True),
}


# ---- layers, as in the CS231n assignment (float32) ----

def affine_forward(x, w, b):
    return x @ w + b, (x, w)


def affine_backward(dout, cache):
    x, w = cache
    return dout @ w.T, x.T @ dout, dout.sum(axis=0)


def relu_forward(x):
    return np.maximum(x, 0), x


def relu_backward(dout, x):
    return dout * (x > 0)


def elu_forward(x):
    out = np.where(x > 0, x, np.expm1(x))
    return out, (x, out)


def elu_backward(dout, cache):
    x, out = cache
    return dout * np.where(x > 0, np.float32(1), out + np.float32(1))


def batchnorm_forward(x, gamma, beta, bn, training):
    if training:
        mu = x.mean(axis=0)
        var = x.var(axis=0)
        bn["running_mean"] = MOMENTUM * bn["running_mean"] + (1 - MOMENTUM) * mu
        bn["running_var"] = MOMENTUM * bn["running_var"] + (1 - MOMENTUM) * var
    else:
        mu, var = bn["running_mean"], bn["running_var"]
    inv_std = 1 / np.sqrt(var + EPS)
    xhat = (x - mu) * inv_std
    return gamma * xhat + beta, (xhat, gamma, inv_std)


def batchnorm_backward_alt(dout, cache):
    xhat, gamma, inv_std = cache
    n = dout.shape[0]
    dgamma = (dout * xhat).sum(axis=0)
    dbeta = dout.sum(axis=0)
    dxhat = dout * gamma
    dx = (inv_std / n) * (n * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0))
    return dx, dgamma, dbeta


def softmax_loss(x, y):
    shifted = x - x.max(axis=1, keepdims=True)
    z = np.exp(shifted).sum(axis=1, keepdims=True)
    log_probs = shifted - np.log(z)
    probs = np.exp(log_probs)
    n = x.shape[0]
    loss = -log_probs[np.arange(n), y].mean()
    dx = probs
    dx[np.arange(n), y] -= 1
    dx /= n
    return loss, dx


class Net:
    """The fully connected net of the assignment: {affine - [batch norm] - act} x L - affine."""

    def __init__(self, inputs, hidden, acts, batch_norm, classes, rng, w1_scale=None):
        self.acts = acts
        self.batch_norm = batch_norm
        self.params = {}
        self.bn = []
        dims = [inputs] + hidden + [classes]
        for i in range(len(dims) - 1):
            scale = w1_scale if w1_scale is not None else 1 / np.sqrt(dims[i])
            self.params[f"W{i}"] = (rng.standard_normal((dims[i], dims[i + 1])) * scale).astype(
                np.float32)
            self.params[f"b{i}"] = np.zeros(dims[i + 1], np.float32)
            if batch_norm and i < len(hidden):
                self.params[f"gamma{i}"] = np.ones(dims[i + 1], np.float32)
                self.params[f"beta{i}"] = np.zeros(dims[i + 1], np.float32)
                self.bn.append({"running_mean": np.zeros(dims[i + 1], np.float32),
                                "running_var": np.ones(dims[i + 1], np.float32)})
        self.layers = len(dims) - 1

    def forward(self, x, training):
        caches = []
        h = x
        p = self.params
        for i in range(self.layers - 1):
            h, ac = affine_forward(h, p[f"W{i}"], p[f"b{i}"])
            bc = None
            if self.batch_norm:
                h, bc = batchnorm_forward(h, p[f"gamma{i}"], p[f"beta{i}"], self.bn[i], training)
            if self.acts[i] == "relu":
                h, xc = relu_forward(h)
            else:
                h, xc = elu_forward(h)
            caches.append((ac, bc, xc))
        last = self.layers - 1
        scores, ac = affine_forward(h, p[f"W{last}"], p[f"b{last}"])
        caches.append(ac)
        return scores, caches

    def train_step(self, x, y):
        scores, caches = self.forward(x, True)
        loss, dout = softmax_loss(scores, y)
        grads = {}
        last = self.layers - 1
        dout, grads[f"W{last}"], grads[f"b{last}"] = affine_backward(dout, caches[last])
        for i in range(self.layers - 2, -1, -1):
            ac, bc, xc = caches[i]
            if self.acts[i] == "relu":
                dout = relu_backward(dout, xc)
            else:
                dout = elu_backward(dout, xc)
            if self.batch_norm:
                dout, grads[f"gamma{i}"], grads[f"beta{i}"] = batchnorm_backward_alt(dout, bc)
            # The course's affine_backward always returns dx, the first layer's included.
            dout, grads[f"W{i}"], grads[f"b{i}"] = affine_backward(dout, ac)
        for k, g in grads.items():
            self.params[k] -= LR * g
        return loss

    def predict_one(self, x):
        scores, _ = self.forward(x, False)
        return int(scores.argmax(axis=1)[0])


def spiral(per_class, classes, rng):
    x = np.zeros((per_class * classes, 2), np.float32)
    y = np.zeros(per_class * classes, np.int64)
    for c in range(classes):
        r = np.linspace(0.0, 1, per_class)
        t = np.linspace(c * 4, (c + 1) * 4, per_class) + rng.standard_normal(per_class) * 0.2
        x[c * per_class:(c + 1) * per_class] = np.c_[r * np.sin(t), r * np.cos(t)]
        y[c * per_class:(c + 1) * per_class] = c
    return x, y


def data(wid, rng):
    inputs, hidden, acts, bn, classes, batch, training = WORKLOADS[wid]
    if wid == "W1":
        x, y = spiral(batch // classes, classes, rng)
        return [x] * BATCHES, [y] * BATCHES
    x = rng.standard_normal((BATCHES * batch, inputs)).astype(np.float32)
    m = rng.standard_normal((inputs, classes)).astype(np.float32)
    y = (x @ m).argmax(axis=1)
    return ([x[b * batch:(b + 1) * batch] for b in range(BATCHES)],
            [y[b * batch:(b + 1) * batch] for b in range(BATCHES)])


def timed(step, reps, seconds, warmup):
    """Calls step(k) warmup seconds, then reps repetitions of about seconds each; per-call s."""
    t0 = time.perf_counter()
    calls = 0
    while time.perf_counter() - t0 < warmup or calls < 3:
        step(calls)
        calls += 1
    per_call = (time.perf_counter() - t0) / calls
    k = max(1, int(seconds / per_call))
    out = []
    for _ in range(reps):
        t = time.perf_counter()
        for i in range(k):
            step(i)
        out.append((time.perf_counter() - t) / k)
    return out, k


def emit(record):
    print(json.dumps(record), flush=True)


def summary(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "reps": values}


def bench_workload(wid, reps, seconds, warmup):
    inputs, hidden, acts, bn, classes, batch, training = WORKLOADS[wid]
    rng = np.random.default_rng(42)
    net = Net(inputs, hidden, acts, bn, classes, rng, 0.01 if wid == "W1" else None)
    xs, ys = data(wid, rng)
    if training:
        losses = []

        def step(i):
            losses.append(net.train_step(xs[i % BATCHES], ys[i % BATCHES]))
        per_step, k = timed(step, reps, seconds, warmup)
        if not np.isfinite(losses[-1]):
            raise SystemExit(f"{wid}: loss became {losses[-1]}")
        steps = [1 / t for t in per_step]
        emit({"peer": "numpy", "bench": wid, "metric": "steps/s", "calls_per_rep": k,
              **summary(steps)})
        emit({"peer": "numpy", "bench": wid, "metric": "samples/s", "calls_per_rep": k,
              **summary([s * batch for s in steps])})
        if wid == "W4":
            flop = 6 * batch * sum(a * b for a, b in zip([inputs] + hidden, hidden + [classes]))
            emit({"peer": "numpy", "bench": wid, "metric": "GFLOP/s", "calls_per_rep": k,
                  **summary([s * flop / 1e9 for s in steps])})
    else:
        def infer(i):
            net.predict_one(xs[i % BATCHES])
        per_call, k = timed(infer, reps, seconds, warmup)
        emit({"peer": "numpy", "bench": wid, "metric": "us/sample", "calls_per_rep": k,
              **summary([t * 1e6 for t in per_call])})


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
        per_call, k = timed(mm, reps, seconds, warmup)
        emit({"peer": "numpy", "bench": name, "metric": "GFLOP/s", "calls_per_rep": k,
              "shape": f"{aa.shape[0]}x{aa.shape[1]} @ {bb.shape[0]}x{bb.shape[1]}",
              **summary([flop / t / 1e9 for t in per_call])})


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
    args = ap.parse_args()
    reps = args.reps or 5 if args.quick else args.reps or 7
    seconds = args.seconds or (0.3 if args.quick else 1.5)
    warmup = 0.3 if args.quick else 2.0
    emit({"peer": "numpy", "info": {
        "numpy": np.__version__, "python": sys.version.split()[0],
        "openblas": openblas_info(), "reps": reps, "seconds_per_rep": seconds,
        "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS"),
        "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE")}})
    todo = args.only or (list(WORKLOADS) + ["sgemm"])
    for wid in todo:
        if wid == "sgemm":
            bench_sgemm(reps, seconds, warmup)
        else:
            bench_workload(wid, reps, seconds, warmup)


if __name__ == "__main__":
    main()
