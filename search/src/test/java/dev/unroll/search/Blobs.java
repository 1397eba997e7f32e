package dev.unroll.search;

import dev.unroll.data.Dataset;
import dev.unroll.data.Split;
import dev.unroll.data.Splits;
import dev.unroll.runtime.Rng;

/** Three Gaussian blobs in the plane, drawn from a seed: tiny data the tests train on. */
final class Blobs {
  private Blobs() {}

  /** {@code n} points, split 75% / 25% into training and validation. */
  static Split split(int n, long seed) {
    Rng rng = new Rng(seed);
    float[][] x = new float[n][2];
    int[] y = new int[n];
    double[][] centers = {{-1, 0}, {1, 0}, {0, 1.5}};
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      x[i][0] = (float) (centers[c][0] + 0.6 * rng.gaussian());
      x[i][1] = (float) (centers[c][1] + 0.6 * rng.gaussian());
      y[i] = c;
    }
    return Splits.stratified(Dataset.of(x, y), 0.75, 0.25, seed);
  }
}
