package dev.unroll.spark;

import dev.unroll.data.Dataset;
import dev.unroll.data.Split;
import dev.unroll.data.Splits;
import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.Network;

/** Three noisy concentric rings, one class each: tiny data a small network learns in epochs. */
final class Rings {
  private Rings() {}

  /** 2 -> 24 ReLU -> 3; the processor generates {@code Rings_NetNet}. */
  @Network(inputs = 2, maxBatch = 64)
  @Layer(units = 24, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 3, init = Init.SMALL_RANDOM)
  interface Net extends Model {}

  /** {@code n} points split 75% / 25%, drawn from {@code seed}. */
  static Split split(int n, long seed) {
    Rng rng = new Rng(seed);
    float[][] x = new float[n][2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      double angle = 2 * Math.PI * rng.uniform();
      double radius = 0.5 + c + 0.15 * rng.gaussian();
      x[i][0] = (float) (radius * Math.cos(angle));
      x[i][1] = (float) (radius * Math.sin(angle));
      y[i] = c;
    }
    return Splits.stratified(Dataset.of(x, y), 0.75, 0.25, seed);
  }
}
