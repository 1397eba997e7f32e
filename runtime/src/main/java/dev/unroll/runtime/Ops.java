package dev.unroll.runtime;

/**
 * Whole-array operations generated classes call where a loop would add nothing specialized:
 * the L2 sum and the plain SGD update. Loops run over row arrays with one index, so C2 vectorizes
 * the update.
 */
public final class Ops {
  private Ops() {}

  /** sum of w^2, accumulated in double. */
  public static double sumOfSquares(float[][] w) {
    double total = 0;
    for (float[] row : w) {
      float s0 = 0;
      float s1 = 0;
      int j = 0;
      for (; j + 1 < row.length; j += 2) {
        s0 += row[j] * row[j];
        s1 += row[j + 1] * row[j + 1];
      }
      for (; j < row.length; j++) {
        s0 += row[j] * row[j];
      }
      total += (double) s0 + s1;
    }
    return total;
  }

  /** sum of w^2. */
  public static double sumOfSquares(double[][] w) {
    double total = 0;
    for (double[] row : w) {
      double s0 = 0;
      double s1 = 0;
      int j = 0;
      for (; j + 1 < row.length; j += 2) {
        s0 += row[j] * row[j];
        s1 += row[j + 1] * row[j + 1];
      }
      for (; j < row.length; j++) {
        s0 += row[j] * row[j];
      }
      total += s0 + s1;
    }
    return total;
  }

  /** p -= lr * g. */
  public static void descend(float[][] p, float[][] g, float lr) {
    descend(p, g, lr, 0, p.length);
  }

  /** p -= lr * g on rows [r0, r1), for splitting an update across threads. */
  public static void descend(float[][] p, float[][] g, float lr, int r0, int r1) {
    for (int r = r0; r < r1; r++) {
      float[] pr = p[r];
      float[] gr = g[r];
      for (int j = 0; j < pr.length; j++) {
        pr[j] -= lr * gr[j];
      }
    }
  }

  /** p -= lr * g. */
  public static void descend(double[][] p, double[][] g, double lr) {
    descend(p, g, lr, 0, p.length);
  }

  /** p -= lr * g on rows [r0, r1), for splitting an update across threads. */
  public static void descend(double[][] p, double[][] g, double lr, int r0, int r1) {
    for (int r = r0; r < r1; r++) {
      double[] pr = p[r];
      double[] gr = g[r];
      for (int j = 0; j < pr.length; j++) {
        pr[j] -= lr * gr[j];
      }
    }
  }

  /** Copies the first {@code n} rows of {@code from} into {@code to}, converting to float. */
  public static void convert(double[][] from, float[][] to, int n) {
    for (int i = 0; i < n; i++) {
      double[] src = from[i];
      float[] dst = to[i];
      for (int j = 0; j < dst.length; j++) {
        dst[j] = (float) src[j];
      }
    }
  }

  /** Copies the first {@code n} rows of {@code from} into {@code to}, widening to double. */
  public static void convert(float[][] from, double[][] to, int n) {
    for (int i = 0; i < n; i++) {
      float[] src = from[i];
      double[] dst = to[i];
      for (int j = 0; j < dst.length; j++) {
        dst[j] = src[j];
      }
    }
  }

  /** wt = w^T, in 32 x 32 blocks so both sides stay in cache. */
  public static void transpose(float[][] w, float[][] wt) {
    transpose(w, wt, 0, wt.length);
  }

  /** Rows [c0, c1) of wt = w^T (columns [c0, c1) of w), for splitting across threads. */
  public static void transpose(float[][] w, float[][] wt, int c0, int c1) {
    int rows = w.length;
    for (int rb = 0; rb < rows; rb += 32) {
      int re = Math.min(rb + 32, rows);
      for (int cb = c0; cb < c1; cb += 32) {
        int ce = Math.min(cb + 32, c1);
        for (int r = rb; r < re; r++) {
          float[] src = w[r];
          for (int c = cb; c < ce; c++) {
            wt[c][r] = src[c];
          }
        }
      }
    }
  }

  /** wt = w^T, in 32 x 32 blocks so both sides stay in cache. */
  public static void transpose(double[][] w, double[][] wt) {
    transpose(w, wt, 0, wt.length);
  }

  /** Rows [c0, c1) of wt = w^T (columns [c0, c1) of w), for splitting across threads. */
  public static void transpose(double[][] w, double[][] wt, int c0, int c1) {
    int rows = w.length;
    for (int rb = 0; rb < rows; rb += 32) {
      int re = Math.min(rb + 32, rows);
      for (int cb = c0; cb < c1; cb += 32) {
        int ce = Math.min(cb + 32, c1);
        for (int r = rb; r < re; r++) {
          double[] src = w[r];
          for (int c = cb; c < ce; c++) {
            wt[c][r] = src[c];
          }
        }
      }
    }
  }
}
