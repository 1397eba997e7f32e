package dev.unroll.train;

import dev.unroll.runtime.Rng;

/** Small seeded classification problems the tests make for themselves. */
final class Problems {
  final float[][] x;
  final int[] y;

  Problems(float[][] x, int[] y) {
    this.x = x;
    this.y = y;
  }

  /** Gaussian blobs: class c centered at a fixed random point, spread {@code noise}. */
  static Problems blobs(int n, int dims, int classes, double noise, long seed) {
    Rng rng = new Rng(seed);
    double[][] centers = new double[classes][dims];
    for (double[] c : centers) {
      for (int d = 0; d < dims; d++) {
        c[d] = 2 * rng.gaussian();
      }
    }
    float[][] x = new float[n][dims];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % classes;
      for (int d = 0; d < dims; d++) {
        x[i][d] = (float) (centers[y[i]][d] + noise * rng.gaussian());
      }
    }
    return new Problems(x, y);
  }

  /** Points with random labels: no linear classifier separates 40 of them in 2-D. */
  static Problems randomLabels(int n, int dims, int classes, long seed) {
    Rng rng = new Rng(seed);
    float[][] x = new float[n][dims];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = rng.nextInt(classes);
      for (int d = 0; d < dims; d++) {
        x[i][d] = (float) rng.gaussian();
      }
    }
    return new Problems(x, y);
  }

  /** The first {@code from} rows as one split, the rest as another. */
  Problems head(int count) {
    return new Problems(java.util.Arrays.copyOf(x, count), java.util.Arrays.copyOf(y, count));
  }

  Problems tail(int from) {
    return new Problems(java.util.Arrays.copyOfRange(x, from, x.length),
        java.util.Arrays.copyOfRange(y, from, y.length));
  }
}
