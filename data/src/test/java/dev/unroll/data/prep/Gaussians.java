package dev.unroll.data.prep;

import dev.unroll.runtime.Rng;

/** Correlated Gaussian test data and the statistics the tests check, in double. */
final class Gaussians {
  private Gaussians() {}

  /**
   * n rows of x = z A + offset, z ~ N(0, I): covariance A^T A, with A mixing the features so
   * every direction has variance well above the whitening eps.
   */
  static float[][] correlated(int n, int d, double offset, long seed) {
    Rng rng = new Rng(seed);
    double[][] a = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        a[i][j] = (i == j ? 1 + i : 0) + 0.5 * rng.gaussian();
      }
    }
    float[][] x = new float[n][d];
    double[] z = new double[d];
    for (int s = 0; s < n; s++) {
      for (int i = 0; i < d; i++) {
        z[i] = rng.gaussian();
      }
      for (int j = 0; j < d; j++) {
        double v = offset + 3 * j;
        for (int i = 0; i < d; i++) {
          v += z[i] * a[i][j];
        }
        x[s][j] = (float) v;
      }
    }
    return x;
  }

  static double[] mean(float[][] x) {
    double[] m = new double[x[0].length];
    for (float[] row : x) {
      for (int j = 0; j < m.length; j++) {
        m[j] += row[j];
      }
    }
    for (int j = 0; j < m.length; j++) {
      m[j] /= x.length;
    }
    return m;
  }

  /** Population covariance sum (x - m)(x - m)^T / n. */
  static double[][] covariance(float[][] x) {
    double[] m = mean(x);
    int d = m.length;
    double[][] c = new double[d][d];
    for (float[] row : x) {
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          c[a][b] += (row[a] - m[a]) * (row[b] - m[b]);
        }
      }
    }
    for (double[] r : c) {
      for (int b = 0; b < d; b++) {
        r[b] /= x.length;
      }
    }
    return c;
  }
}
