"""What the Python peers (numpy, PyTorch) share: the workloads, their data, the timing loop and
the JSON lines run.sh collects. Each peer builds its own network from these numbers, so all do
the same arithmetic on the same kind of data.
"""

import json
import statistics
import time

import numpy as np

BATCHES = 4  # batches cycled through, as the Java benchmarks do
LR = 0.01

# Dense workloads. id: inputs, hidden sizes, activations, batch norm, classes, batch, training
DENSE = {
    "W1": (2, [100], ["relu"], False, 3, 300, True),
    "W2": (784, [256, 128], ["elu", "relu"], True, 10, 128, True),
    "W2n": (784, [256, 128], ["elu", "relu"], False, 10, 128, True),
    "W3": (784, [256, 128], ["elu", "relu"], False, 10, 1, False),
    "W4": (1024, [1024, 1024], ["relu", "relu"], False, 10, 256, True),
}

# Convolutional workloads (NCHW). Layers: ("conv", filters) is conv 3x3, stride 1, pad 1, batch
# norm and ReLU; ("pool",) is max pool 2x2, stride 2; ("dense", units, relu) a dense layer (the
# last one, without activation, feeds the softmax).
W5_LAYERS = [("conv", 16), ("pool",), ("conv", 32), ("pool",), ("dense", 10, False)]
W6_LAYERS = [("conv", 32), ("conv", 32), ("pool",), ("conv", 64), ("conv", 64), ("pool",),
             ("dense", 256, True), ("dense", 10, False)]
# id: input shape (C, H, W), layers, batch, training
CONV = {
    "W5": ((1, 28, 28), W5_LAYERS, 64, True),
    "W6": ((3, 32, 32), W6_LAYERS, 64, True),
    "W7": ((1, 28, 28), W5_LAYERS, 1, False),
}

ALL = list(DENSE) + list(CONV)


def batch_of(wid):
    return DENSE[wid][5] if wid in DENSE else CONV[wid][2]


def training(wid):
    return DENSE[wid][6] if wid in DENSE else CONV[wid][3]


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
    """BATCHES float32 input batches and their int64 labels: the course's spiral for W1, else
    N(0, 1) inputs labelled by the argmax of a fixed random linear map (a learnable task)."""
    batch = batch_of(wid)
    if wid == "W1":
        x, y = spiral(batch // 3, 3, rng)
        return [x] * BATCHES, [y] * BATCHES
    if wid in DENSE:
        shape, classes = (DENSE[wid][0],), DENSE[wid][4]
    else:
        shape, classes = CONV[wid][0], 10
    x = rng.standard_normal((BATCHES * batch,) + shape).astype(np.float32)
    m = rng.standard_normal((int(np.prod(shape)), classes)).astype(np.float32)
    y = (x.reshape(len(x), -1) @ m).argmax(axis=1)
    return ([x[b * batch:(b + 1) * batch] for b in range(BATCHES)],
            [y[b * batch:(b + 1) * batch] for b in range(BATCHES)])


def timed(step, reps, seconds, warmup):
    """Calls step(k) for warmup seconds, then reps repetitions of about seconds each; returns
    the seconds per call of each repetition and the calls per repetition."""
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


def emit_training(peer, wid, per_step, k, extra=None):
    """The steps/s and samples/s lines of a training workload."""
    steps = [1 / t for t in per_step]
    extra = extra or {}
    emit({"peer": peer, "bench": wid, "metric": "steps/s", "calls_per_rep": k, **extra,
          **summary(steps)})
    emit({"peer": peer, "bench": wid, "metric": "samples/s", "calls_per_rep": k, **extra,
          **summary([s * batch_of(wid) for s in steps])})


def emit_latency(peer, wid, per_call, k, extra=None):
    emit({"peer": peer, "bench": wid, "metric": "us/sample", "calls_per_rep": k, **(extra or {}),
          **summary([t * 1e6 for t in per_call])})


def schedule(quick, reps=None, seconds=None):
    """(reps, seconds per repetition, warm-up seconds) of a quick or a full run."""
    if quick:
        return reps or 5, seconds or 0.3, 0.3
    return reps or 7, seconds or 1.5, 2.0
