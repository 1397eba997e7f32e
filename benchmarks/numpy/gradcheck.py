#!/usr/bin/env python3
"""Checks the numpy peer's hand-written backward passes against centered differences in float64,
so that the peer times the arithmetic it claims: conv (im2col/col2im), max pool, spatial batch
norm, and one whole W5-shaped training step's weight gradients. Prints the largest relative
error of each and exits non-zero above 1e-6.

    python3 benchmarks/numpy/gradcheck.py
"""

import sys

import numpy as np

import conv as C
import dense as D


def rel_error(a, b):
    return np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b)))


def numeric(f, x, dout, h=1e-6):
    """Gradient of sum(f(x) * dout) with respect to x by centered differences."""
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = x[i]
        x[i] = old + h
        plus = np.sum(f(x) * dout)
        x[i] = old - h
        minus = np.sum(f(x) * dout)
        x[i] = old
        grad[i] = (plus - minus) / (2 * h)
    return grad


def main():
    rng = np.random.default_rng(0)
    errors = {}
    x = rng.standard_normal((2, 3, 6, 6))
    w = rng.standard_normal((4, 3, 3, 3))
    b = rng.standard_normal(4)
    out, cache = C.conv_forward(x, w, b, 1)
    dout = rng.standard_normal(out.shape)
    dx, dw, db = C.conv_backward(dout, cache)
    errors["conv dx"] = rel_error(dx, numeric(lambda v: C.conv_forward(v, w, b, 1)[0], x, dout))
    errors["conv dw"] = rel_error(dw, numeric(lambda v: C.conv_forward(x, v, b, 1)[0], w, dout))
    errors["conv db"] = rel_error(db, numeric(lambda v: C.conv_forward(x, w, v, 1)[0], b, dout))

    xp = rng.standard_normal((2, 3, 4, 4))  # distinct values: no ties
    out, cache = C.pool_forward(xp)
    dout = rng.standard_normal(out.shape)
    errors["pool dx"] = rel_error(C.pool_backward(dout, cache),
                                  numeric(lambda v: C.pool_forward(v)[0], xp, dout))

    gamma, beta = rng.standard_normal(3), rng.standard_normal(3)
    bn = {"running_mean": np.zeros(3), "running_var": np.ones(3)}
    out, cache = C.spatial_bn_forward(x, gamma, beta, bn, True)
    dout = rng.standard_normal(out.shape)
    dx, dgamma, _ = C.spatial_bn_backward(dout, cache)
    fresh = {"running_mean": np.zeros(3), "running_var": np.ones(3)}
    errors["spatial bn dx"] = rel_error(dx, numeric(
        lambda v: C.spatial_bn_forward(v, gamma, beta, fresh, True)[0], x, dout))
    errors["spatial bn dgamma"] = rel_error(dgamma, numeric(
        lambda v: C.spatial_bn_forward(x, v, beta, fresh, True)[0], gamma, dout))

    # A whole step of a small W5-shaped net: the gradients SGD applies, from lr = 1.
    layers = [("conv", 2), ("pool",), ("conv", 3), ("pool",), ("dense", 3, False)]
    net = C.ConvNet((1, 8, 8), layers, rng)
    net.params = {k: v.astype(np.float64) for k, v in net.params.items()}
    xs = rng.standard_normal((4, 1, 8, 8))
    ys = np.array([0, 1, 2, 1])
    before = {k: v.copy() for k, v in net.params.items()}
    net.train_step(xs, ys, 1.0)
    after = net.params
    for k in ("W0", "W2", "W4", "gamma2"):
        analytic = before[k] - after[k]
        net.params = {n: v.copy() for n, v in before.items()}

        def loss(v, k=k):
            net.params[k] = v
            return D.softmax_loss(net.forward(xs, True)[0], ys)[0]
        errors[f"step d{k}"] = rel_error(analytic, numeric(loss, before[k].copy(), 1.0))
    worst = max(errors.values())
    for k, e in errors.items():
        print(f"{k}: {e:.2e}")
    sys.exit(0 if worst < 1e-6 else 1)


if __name__ == "__main__":
    main()
