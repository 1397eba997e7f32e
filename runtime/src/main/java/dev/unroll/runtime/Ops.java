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
    for (int r = 0; r < p.length; r++) {
      float[] pr = p[r];
      float[] gr = g[r];
      for (int j = 0; j < pr.length; j++) {
        pr[j] -= lr * gr[j];
      }
    }
  }

  /** p -= lr * g. */
  public static void descend(double[][] p, double[][] g, double lr) {
    for (int r = 0; r < p.length; r++) {
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
    int rows = w.length;
    int cols = wt.length;
    for (int rb = 0; rb < rows; rb += 32) {
      int re = Math.min(rb + 32, rows);
      for (int cb = 0; cb < cols; cb += 32) {
        int ce = Math.min(cb + 32, cols);
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
    int rows = w.length;
    int cols = wt.length;
    for (int rb = 0; rb < rows; rb += 32) {
      int re = Math.min(rb + 32, rows);
      for (int cb = 0; cb < cols; cb += 32) {
        int ce = Math.min(cb + 32, cols);
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
