"""The convolutional net of the CS231n assignment's fast layers, in float32: convolution through
im2col (a strided view of the padded input copied into columns, one matrix product; backward
through the same columns, and col2im as one slice addition per kernel offset), max pooling by
reshape (2x2, stride 2), spatial batch norm as the dense batch norm over N x H x W, ReLU, a
dense head and the softmax loss, plain SGD.
"""

import numpy as np
from numpy.lib.stride_tricks import as_strided

from dense import (affine_backward, affine_forward, batchnorm_backward_alt, batchnorm_forward,
                   relu_backward, relu_forward, sgd, softmax_loss)


def conv_forward(x, w, b, pad):
    """Stride-1 convolution as one product: columns (C k k, N H' W') from a strided view."""
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    p = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    hp, wp = h + 2 * pad, wd + 2 * pad
    oh, ow = hp - kh + 1, wp - kw + 1
    s = p.itemsize
    view = as_strided(p, shape=(c, kh, kw, n, oh, ow),
                      strides=(hp * wp * s, wp * s, s, c * hp * wp * s, wp * s, s))
    cols = np.ascontiguousarray(view).reshape(c * kh * kw, n * oh * ow)
    out = (w.reshape(f, -1) @ cols + b[:, None]).reshape(f, n, oh, ow).transpose(1, 0, 2, 3)
    return np.ascontiguousarray(out), (x.shape, w, cols, pad)


def conv_backward(dout, cache, need_dx=True):
    """(dx, dw, db); the course's version always computes dx, ``need_dx=False`` skips it."""
    shape, w, cols, pad = cache
    f, c, kh, kw = w.shape
    n, _, h, wd = shape
    oh, ow = dout.shape[2], dout.shape[3]
    dr = dout.transpose(1, 0, 2, 3).reshape(f, -1)
    db = dr.sum(axis=1)
    dw = (dr @ cols.T).reshape(w.shape)
    if not need_dx:
        return None, dw, db
    dcols = (w.reshape(f, -1).T @ dr).reshape(c, kh, kw, n, oh, ow)
    dp = np.zeros((n, c, h + 2 * pad, wd + 2 * pad), dout.dtype)
    for i in range(kh):
        for j in range(kw):
            dp[:, :, i:i + oh, j:j + ow] += dcols[:, i, j].transpose(1, 0, 2, 3)
    return dp[:, :, pad:pad + h, pad:pad + wd], dw, db


def pool_forward(x):
    """Max pool 2x2, stride 2, by reshape (the course's fast path when the pool tiles x)."""
    n, c, h, w = x.shape
    xr = x.reshape(n, c, h // 2, 2, w // 2, 2)
    out = xr.max(axis=3).max(axis=4)
    return out, (xr, out)


def pool_backward(dout, cache):
    """The gradient to every maximum of its window, shared among ties as the course does."""
    xr, out = cache
    mask = xr == out[:, :, :, None, :, None]
    dx = mask * (dout[:, :, :, None, :, None] / mask.sum(axis=(3, 5), keepdims=True))
    n, c, h2, _, w2, _ = xr.shape
    return dx.reshape(n, c, h2 * 2, w2 * 2)


def spatial_bn_forward(x, gamma, beta, bn, training):
    n, c, h, w = x.shape
    flat = x.transpose(0, 2, 3, 1).reshape(-1, c)
    out, cache = batchnorm_forward(flat, gamma, beta, bn, training)
    return out.reshape(n, h, w, c).transpose(0, 3, 1, 2), cache


def spatial_bn_backward(dout, cache):
    n, c, h, w = dout.shape
    dx, dgamma, dbeta = batchnorm_backward_alt(dout.transpose(0, 2, 3, 1).reshape(-1, c), cache)
    return dx.reshape(n, h, w, c).transpose(0, 3, 1, 2), dgamma, dbeta


class ConvNet:
    """Layers as in ``peer.CONV``: conv 3x3 pad 1 - spatial batch norm - ReLU, max pool 2,
    dense (ReLU except the last), softmax. He initialization. ``first_dx=False`` skips the
    first layer's input gradient ("numpy, best")."""

    def __init__(self, shape, layers, rng, first_dx=True):
        self.layers = layers
        self.first_dx = first_dx
        self.params, self.bn = {}, {}
        c, h, w = shape
        flat = None
        for i, layer in enumerate(layers):
            if layer[0] == "conv":
                f = layer[1]
                self.params[f"W{i}"] = (rng.standard_normal((f, c, 3, 3))
                                        * np.sqrt(2 / (c * 9))).astype(np.float32)
                self.params[f"b{i}"] = np.zeros(f, np.float32)
                self.params[f"gamma{i}"] = np.ones(f, np.float32)
                self.params[f"beta{i}"] = np.zeros(f, np.float32)
                self.bn[i] = {"running_mean": np.zeros(f, np.float32),
                              "running_var": np.ones(f, np.float32)}
                c = f
            elif layer[0] == "pool":
                h, w = h // 2, w // 2
            else:
                fan_in = flat if flat is not None else c * h * w
                units = layer[1]
                self.params[f"W{i}"] = (rng.standard_normal((fan_in, units))
                                        * np.sqrt(2 / fan_in)).astype(np.float32)
                self.params[f"b{i}"] = np.zeros(units, np.float32)
                flat = units

    def forward(self, x, training):
        caches = []
        h = x
        p = self.params
        for i, layer in enumerate(self.layers):
            if layer[0] == "conv":
                h, cc = conv_forward(h, p[f"W{i}"], p[f"b{i}"], 1)
                h, bc = spatial_bn_forward(h, p[f"gamma{i}"], p[f"beta{i}"], self.bn[i],
                                           training)
                h, rc = relu_forward(h)
                caches.append((cc, bc, rc))
            elif layer[0] == "pool":
                h, pc = pool_forward(h)
                caches.append(pc)
            else:
                shape = h.shape
                h, ac = affine_forward(h.reshape(len(h), -1), p[f"W{i}"], p[f"b{i}"])
                rc = None
                if layer[2]:
                    h, rc = relu_forward(h)
                caches.append((ac, rc, shape))
        return h, caches

    def train_step(self, x, y, lr):
        scores, caches = self.forward(x, True)
        loss, dout = softmax_loss(scores, y)
        grads = {}
        for i in range(len(self.layers) - 1, -1, -1):
            layer, cache = self.layers[i], caches[i]
            need_dx = i > 0 or self.first_dx
            if layer[0] == "conv":
                cc, bc, rc = cache
                dout = relu_backward(dout, rc)
                dout, grads[f"gamma{i}"], grads[f"beta{i}"] = spatial_bn_backward(dout, bc)
                dout, grads[f"W{i}"], grads[f"b{i}"] = conv_backward(dout, cc, need_dx)
            elif layer[0] == "pool":
                dout = pool_backward(dout, cache)
            else:
                ac, rc, shape = cache
                if rc is not None:
                    dout = relu_backward(dout, rc)
                dout, grads[f"W{i}"], grads[f"b{i}"] = affine_backward(dout, ac, need_dx)
                if dout is not None:
                    dout = dout.reshape(shape)
        sgd(self.params, grads, lr)
        return loss

    def predict_one(self, x):
        scores, _ = self.forward(x, False)
        return int(scores.argmax(axis=1)[0])
