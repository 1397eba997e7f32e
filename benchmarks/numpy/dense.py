"""The fully connected net of the CS231n assignment, in float32: affine layers as ``X @ W + b``,
backward written by hand as in the course's layers.py (affine, ReLU, ELU, batch norm with the
simplified backward, softmax loss), plain SGD.
"""

import numpy as np

EPS = np.float32(1e-5)
MOMENTUM = np.float32(0.9)


def affine_forward(x, w, b):
    return x @ w + b, (x, w)


def affine_backward(dout, cache, need_dx=True):
    """(dx, dw, db); the course's version always computes dx, ``need_dx=False`` skips it."""
    x, w = cache
    dx = dout @ w.T if need_dx else None
    return dx, x.T @ dout, dout.sum(axis=0)


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


def sgd(params, grads, lr):
    for k, g in grads.items():
        params[k] -= lr * g


class Net:
    """The assignment's fully connected net: {affine - [batch norm] - act} x L - affine.

    ``first_dx=False`` is the "numpy, best" variant: the first layer's input gradient, which
    nothing reads, is not computed (the course's ``affine_backward`` always computes it)."""

    def __init__(self, inputs, hidden, acts, batch_norm, classes, rng, w1_scale=None,
                 first_dx=True):
        self.acts = acts
        self.batch_norm = batch_norm
        self.first_dx = first_dx
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

    def train_step(self, x, y, lr):
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
            dout, grads[f"W{i}"], grads[f"b{i}"] = affine_backward(
                dout, ac, need_dx=i > 0 or self.first_dx)
        sgd(self.params, grads, lr)
        return loss

    def predict_one(self, x):
        scores, _ = self.forward(x, False)
        return int(scores.argmax(axis=1)[0])
