package dev.unroll.benchmarks.plain;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Affine layer {@code y = x W + b}, W stored flat as fan_in x fan_out, loops written the obvious
 * cache-friendly way (i, k, j). The input gradient is always computed, as a layer that does not
 * know its position must.
 */
public final class Dense implements Layer {
  final int in;
  final int out;
  final float[] w;
  final float[] b;
  final float[] dw;
  final float[] db;
  private final float[] y;
  private final float[] dx;
  private float[] x;

  /** A layer with N(0, 1) * {@code scale} weights and zero bias, buffers for {@code maxBatch}. */
  public Dense(int in, int out, int maxBatch, double scale, SplittableRandom random) {
    this.in = in;
    this.out = out;
    this.w = new float[in * out];
    this.b = new float[out];
    this.dw = new float[in * out];
    this.db = new float[out];
    this.y = new float[maxBatch * out];
    this.dx = new float[maxBatch * in];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (scale * PlainNet.gaussian(random));
    }
  }

  @Override
  public float[] forward(float[] x, int n) {
    this.x = x;
    for (int i = 0; i < n; i++) {
      int yo = i * out;
      int xo = i * in;
      for (int j = 0; j < out; j++) {
        y[yo + j] = b[j];
      }
      for (int k = 0; k < in; k++) {
        float a = x[xo + k];
        int wo = k * out;
        for (int j = 0; j < out; j++) {
          y[yo + j] += a * w[wo + j];
        }
      }
    }
    return y;
  }

  @Override
  public float[] backward(float[] dout, int n) {
    Arrays.fill(dw, 0f);
    Arrays.fill(db, 0f);
    for (int i = 0; i < n; i++) {
      int go = i * out;
      int xo = i * in;
      for (int j = 0; j < out; j++) {
        db[j] += dout[go + j];
      }
      // dW += x_i^T dout_i
      for (int k = 0; k < in; k++) {
        float a = x[xo + k];
        int wo = k * out;
        for (int j = 0; j < out; j++) {
          dw[wo + j] += a * dout[go + j];
        }
      }
      // dx_i = dout_i W^T
      for (int k = 0; k < in; k++) {
        int wo = k * out;
        float s = 0;
        for (int j = 0; j < out; j++) {
          s += dout[go + j] * w[wo + j];
        }
        dx[xo + k] = s;
      }
    }
    return dx;
  }

  @Override
  public void update(float lr) {
    for (int i = 0; i < w.length; i++) {
      w[i] -= lr * dw[i];
    }
    for (int j = 0; j < out; j++) {
      b[j] -= lr * db[j];
    }
  }
}
