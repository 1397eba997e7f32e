package dev.unroll.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked matrix products on row arrays with the Vector API, for double networks (the precision gradient checks run in). Each
 * kernel keeps a tile of 4 output rows x 2 vectors of columns in registers (8 accumulators) and
 * streams the shared dimension: per step it broadcasts 4 scalars, loads 2 vectors and issues 8
 * fused multiply-adds, so every loaded vector feeds 4 FMAs. Columns left over after whole vectors
 * are done with a masked tile; rows left over after groups of 4 one row at a time.
 */
public final class DoubleKernels {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int V = S.length();

  private DoubleKernels() {}

  /**
   * {@code c[i][j] = (accumulate ? c[i][j] : 0) + sum_m a[i][m] * b[m][j]} for i in [0, n), m in
   * [0, k), j in [j0, j1): the forward product (a = x, b = W) and the input gradient (a = dz, b =
   * W^T).
   */
  public static void product(double[][] a, double[][] b, double[][] c, int n, int k, int j0, int j1,
      boolean accumulate) {
    int i = 0;
    for (; i + 3 < n; i += 4) {
      double[] a0 = a[i];
      double[] a1 = a[i + 1];
      double[] a2 = a[i + 2];
      double[] a3 = a[i + 3];
      double[] c0 = c[i];
      double[] c1 = c[i + 1];
      double[] c2 = c[i + 2];
      double[] c3 = c[i + 3];
      int j = j0;
      for (; j + 2 * V <= j1; j += 2 * V) {
        DoubleVector s00 = start(c0, j, accumulate);
        DoubleVector s01 = start(c0, j + V, accumulate);
        DoubleVector s10 = start(c1, j, accumulate);
        DoubleVector s11 = start(c1, j + V, accumulate);
        DoubleVector s20 = start(c2, j, accumulate);
        DoubleVector s21 = start(c2, j + V, accumulate);
        DoubleVector s30 = start(c3, j, accumulate);
        DoubleVector s31 = start(c3, j + V, accumulate);
        for (int m = 0; m < k; m++) {
          double[] bm = b[m];
          DoubleVector b0 = DoubleVector.fromArray(S, bm, j);
          DoubleVector b1 = DoubleVector.fromArray(S, bm, j + V);
          DoubleVector x0 = DoubleVector.broadcast(S, a0[m]);
          DoubleVector x1 = DoubleVector.broadcast(S, a1[m]);
          DoubleVector x2 = DoubleVector.broadcast(S, a2[m]);
          DoubleVector x3 = DoubleVector.broadcast(S, a3[m]);
          s00 = b0.fma(x0, s00);
          s01 = b1.fma(x0, s01);
          s10 = b0.fma(x1, s10);
          s11 = b1.fma(x1, s11);
          s20 = b0.fma(x2, s20);
          s21 = b1.fma(x2, s21);
          s30 = b0.fma(x3, s30);
          s31 = b1.fma(x3, s31);
        }
        s00.intoArray(c0, j);
        s01.intoArray(c0, j + V);
        s10.intoArray(c1, j);
        s11.intoArray(c1, j + V);
        s20.intoArray(c2, j);
        s21.intoArray(c2, j + V);
        s30.intoArray(c3, j);
        s31.intoArray(c3, j + V);
      }
      for (int r = 0; r < 4; r++) {
        rowTail(a[i + r], b, c[i + r], k, j, j1, accumulate);
      }
    }
    for (; i < n; i++) {
      rowTail(a[i], b, c[i], k, j0, j1, accumulate);
    }
  }

  /**
   * {@code g[m][j] = reg * w[m][j] + sum_i x[i][m] * d[i][j]} for m in [0, k), i in [0, n), j in
   * [j0, j1): the weight gradient with its L2 term, the same tile with the scalars read down a
   * column of x.
   */
  public static void weightGradient(double[][] x, double[][] d, double[][] w, double[][] g, double reg,
      int n, int k, int j0, int j1) {
    int m = 0;
    for (; m + 3 < k; m += 4) {
      double[] g0 = g[m];
      double[] g1 = g[m + 1];
      double[] g2 = g[m + 2];
      double[] g3 = g[m + 3];
      int j = j0;
      for (; j + 2 * V <= j1; j += 2 * V) {
        DoubleVector s00 = DoubleVector.fromArray(S, w[m], j).mul(reg);
        DoubleVector s01 = DoubleVector.fromArray(S, w[m], j + V).mul(reg);
        DoubleVector s10 = DoubleVector.fromArray(S, w[m + 1], j).mul(reg);
        DoubleVector s11 = DoubleVector.fromArray(S, w[m + 1], j + V).mul(reg);
        DoubleVector s20 = DoubleVector.fromArray(S, w[m + 2], j).mul(reg);
        DoubleVector s21 = DoubleVector.fromArray(S, w[m + 2], j + V).mul(reg);
        DoubleVector s30 = DoubleVector.fromArray(S, w[m + 3], j).mul(reg);
        DoubleVector s31 = DoubleVector.fromArray(S, w[m + 3], j + V).mul(reg);
        for (int i = 0; i < n; i++) {
          double[] xi = x[i];
          double[] di = d[i];
          DoubleVector d0 = DoubleVector.fromArray(S, di, j);
          DoubleVector d1 = DoubleVector.fromArray(S, di, j + V);
          DoubleVector x0 = DoubleVector.broadcast(S, xi[m]);
          DoubleVector x1 = DoubleVector.broadcast(S, xi[m + 1]);
          DoubleVector x2 = DoubleVector.broadcast(S, xi[m + 2]);
          DoubleVector x3 = DoubleVector.broadcast(S, xi[m + 3]);
          s00 = d0.fma(x0, s00);
          s01 = d1.fma(x0, s01);
          s10 = d0.fma(x1, s10);
          s11 = d1.fma(x1, s11);
          s20 = d0.fma(x2, s20);
          s21 = d1.fma(x2, s21);
          s30 = d0.fma(x3, s30);
          s31 = d1.fma(x3, s31);
        }
        s00.intoArray(g0, j);
        s01.intoArray(g0, j + V);
        s10.intoArray(g1, j);
        s11.intoArray(g1, j + V);
        s20.intoArray(g2, j);
        s21.intoArray(g2, j + V);
        s30.intoArray(g3, j);
        s31.intoArray(g3, j + V);
      }
      for (int r = 0; r < 4; r++) {
        gradientTail(x, d, w[m + r], g[m + r], reg, n, m + r, j, j1);
      }
    }
    for (; m < k; m++) {
      gradientTail(x, d, w[m], g[m], reg, n, m, j0, j1);
    }
  }

  private static DoubleVector start(double[] c, int j, boolean accumulate) {
    return accumulate ? DoubleVector.fromArray(S, c, j) : DoubleVector.zero(S);
  }

  /** Columns [j, j1) of one output row, a vector (masked at the end) at a time. */
  private static void rowTail(double[] a, double[][] b, double[] c, int k, int j, int j1,
      boolean accumulate) {
    for (; j < j1; j += V) {
      var mask = S.indexInRange(j, j1);
      DoubleVector s = accumulate ? DoubleVector.fromArray(S, c, j, mask) : DoubleVector.zero(S);
      for (int m = 0; m < k; m++) {
        s = DoubleVector.fromArray(S, b[m], j, mask).fma(DoubleVector.broadcast(S, a[m]), s);
      }
      s.intoArray(c, j, mask);
    }
  }

  /** Columns [j, j1) of one gradient row. */
  private static void gradientTail(double[][] x, double[][] d, double[] w, double[] g, double reg,
      int n, int m, int j, int j1) {
    for (; j < j1; j += V) {
      var mask = S.indexInRange(j, j1);
      DoubleVector s = DoubleVector.fromArray(S, w, j, mask).mul(reg);
      for (int i = 0; i < n; i++) {
        s = DoubleVector.fromArray(S, d[i], j, mask).fma(DoubleVector.broadcast(S, x[i][m]), s);
      }
      s.intoArray(g, j, mask);
    }
  }
}
